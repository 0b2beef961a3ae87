import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDay } from '../../bench/stories/corpus.ts';
import { entryOf } from './entry.ts';
import { frozenWeights } from './frozen.ts';
import { MemoryStoryIndex } from './memory.ts';
import { RELATED_DEFAULTS, scoreCandidates } from './related.ts';
import { setJaccard, weightedCosine } from './similarity.ts';
import { endScoring, generation, startScoring, termIds, weightOf } from './term-ids.ts';
import { addArticleStable } from './stable.ts';

// A real day of SaudiNewsNet (test/testdata/README.md).
const arts = [...loadDay(new URL('../../test/testdata/saudinewsnet/2015-07-22.zip', import.meta.url))].slice(0, 400);
const entries = arts.map((a) => entryOf(a, { now: 0 }));

test('term ids: one id per term within a generation; a scoring sets weights of its terms only and clears them', () => {
  const vocab = [...new Set([...entries[0]!.titleTerms, ...entries[0]!.ledeTerms])];
  const ids = termIds(vocab);
  assert.equal(new Set(ids).size, vocab.length);
  assert.deepEqual(termIds(vocab), ids);
  const gen = generation();
  const w = vocab.map((_, i) => i + 0.5);
  startScoring(vocab, w);
  try {
    ids.forEach((id, i) => assert.equal(weightOf(id), w[i]));
    const other = [...new Set(entries[1]!.ledeTerms)].filter((t) => !vocab.includes(t));
    assert.ok(other.length > 0);
    for (const id of termIds(other)) assert.equal(weightOf(id), 0);
  } finally {
    endScoring();
  }
  for (const id of ids) assert.equal(weightOf(id), 0);
  assert.equal(generation(), gen);
});

test('related scores by term ids equal the string-based cosine and Jaccard on real articles', async () => {
  const index = new MemoryStoryIndex();
  for (const a of arts) await addArticleStable(index, a, { now: 0 });
  const idf = frozenWeights().idf;
  const o = { ...RELATED_DEFAULTS, minScore: 0 };
  let compared = 0;
  for (const a of arts.filter((_, i) => i % 10 === 0)) {
    const e = index.getEntries([a.id])[0]!;
    const mine = [...e.titleTerms, ...e.ledeTerms];
    for (const s of await scoreCandidates(e, index, o)) {
      const c = s.c;
      const v = weightedCosine(mine, [...c.titleTerms, ...c.ledeTerms], idf);
      const both = e.entities.length > 0 && c.entities.length > 0;
      const sim = both ? 0.5 * setJaccard(e.entities, c.entities) + 0.5 * v : v;
      const want = sim * (0.5 + 0.5 * 2 ** (-Math.abs(c.time - e.time) / o.halfLifeMs));
      assert.ok(Math.abs(s.score - want) <= 1e-12, `${e.id} × ${c.id}: ${s.score} vs ${want}`);
      compared++;
    }
  }
  assert.ok(compared > 1000, `pairs compared: ${compared}`);
});
