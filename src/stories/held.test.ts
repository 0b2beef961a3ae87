import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDay } from '../../bench/stories/corpus.ts';
import { entryOf } from './entry.ts';
import { frozenWeights } from './frozen.ts';
import { heldCandidates } from './held.ts';
import { isCandidate, STABLE_DEFAULTS } from './stable.ts';
import type { StoryEntry } from './types.ts';

// A real day of SaudiNewsNet (test/testdata/README.md): its copies and same-story reports.
const arts = [...loadDay(new URL('../../test/testdata/saudinewsnet/2015-07-22.zip', import.meta.url))].slice(0, 300);
const w = frozenWeights();
const o = STABLE_DEFAULTS;

/** An arrival's vote keys and weights, as stable.ts makes them. */
function votes(e: StoryEntry): { keys: string[]; weights: number[] } {
  const keys = [...new Set(e.keys.filter((k) => k.startsWith('t:') && w.df(k.slice(2)) <= o.maxKeyDf * w.docs))];
  return { keys, weights: keys.map((k) => w.idf(k.slice(2))) };
}

test('the index over a growing list finds exactly what testing each entry finds, on real entries', () => {
  const entries = arts.map((a) => entryOf(a, { now: 0 }));
  // As a store reads them back (keys and bands derived again), and as a chunk grows.
  const list: StoryEntry[] = [];
  let found = 0;
  for (const e of entries) {
    const { keys, weights } = votes(e);
    const got = heldCandidates(e, list, o, keys, weights);
    assert.deepEqual(
      got.map((c) => c.id),
      list.filter((c) => isCandidate(e, c)).map((c) => c.id),
      e.id,
    );
    found += got.length;
    list.push({ ...e, keys: [], bands: [] });
  }
  assert.ok(found > 100, `candidates found: ${found}`);
  // A list changed in place otherwise than by appending is indexed afresh.
  const part = list.slice(0, 120);
  const e = entries[130]!;
  const { keys, weights } = votes(e);
  const first = heldCandidates(e, part, o, keys, weights).map((c) => c.id);
  assert.ok(first.length > 0, 'the arrival has candidates in the list');
  part.reverse();
  assert.deepEqual(
    heldCandidates(e, part, o, keys, weights).map((c) => c.id),
    part.filter((c) => isCandidate(e, c)).map((c) => c.id),
  );
});
