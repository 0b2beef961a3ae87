import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDay } from '../../bench/stories/corpus.ts';
import { runGrouping, type RunResult } from '../../bench/stories/run.ts';
import type { Article } from '../model/article.ts';
import { addArticleStable, addEntryStable, edgeOf, entryOf, frozenWeights, isCandidate, MemoryStoryIndex, prefind, parseDfTable, partition, STABLE_DEFAULTS, type StoryEdge, type StoryEntry } from './index.ts';
import { shuffled } from '../../bench/rng.ts';

// One real day of SaudiNewsNet (2015-07-22, test/testdata/README.md), wire copies across outlets.
const day = [...new Map(loadDay(new URL('../../test/testdata/saudinewsnet/2015-07-22.zip', import.meta.url)).map((a) => [a.id, a])).values()];
const byId = new Map(day.map((a) => [a.id, a]));
const entries = new Map<string, StoryEntry>();


const run = (arts: readonly Article[]): Promise<RunResult> => runGrouping(arts, {}, entries, 'stable');
const timeOrder = [...day].sort((a, b) => ((a.publishedAt ?? '') < (b.publishedAt ?? '') ? -1 : (a.publishedAt ?? '') > (b.publishedAt ?? '') ? 1 : a.id < b.id ? -1 : 1));
const base = await run(timeOrder);

const snapshot = (r: RunResult) => ({
  placement: [...r.placement].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  stories: r.index.allStories().sort((a, b) => (a.id < b.id ? -1 : 1)),
});

test('the same stories, ids, originals and duplicate roots for three shuffled arrival orders', async () => {
  const want = snapshot(base);
  assert.ok(want.stories.some((s) => s.articleIds.length >= 4), 'the day has multi-article stories');
  for (const seed of [1, 2, 3]) assert.deepEqual(snapshot(await run(shuffled(day, seed))), want, `order ${seed}`);
});

test('the PROVENANCE example: one story under different headlines, original = earliest copy', () => {
  const ids = ['316d09d020c7bc7e', '5d019acf424ac947', '395fa03c3ba5d095', '3fd8920273e06ce3'];
  const stories = new Set(ids.map((id) => base.placement.get(id)?.storyId));
  assert.deepEqual([...stories], ['s-316d09d020c7bc7e']);
  const s = base.index.getStory('s-316d09d020c7bc7e')!;
  assert.equal(s.originalOutlet, 'aleqtisadiya');
  assert.equal(s.firstSeen, '2015-07-22T17:51:18.000Z');
});

test('duplicates point at the earliest copy of their group and share its story', () => {
  const dups = [...base.placement].filter(([id, p]) => p.dupRoot !== id);
  assert.ok(dups.length > 100, `${dups.length} duplicates`);
  for (const [id, p] of dups) {
    assert.ok((byId.get(p.dupRoot)!.publishedAt ?? '') <= (byId.get(id)!.publishedAt ?? ''), `${id} points at a later copy`);
    assert.equal(base.placement.get(p.dupRoot)!.storyId, p.storyId);
    assert.equal(base.placement.get(p.dupRoot)!.dupRoot, p.dupRoot, 'roots are their own root');
  }
});

test('recomputing only touched components equals partitioning the whole graph at the end', () => {
  const all = base.index.allEntries();
  const whole = partition(all, base.index.edgesOf(all.map((e) => e.id)), STABLE_DEFAULTS.storyMerge);
  for (const [id, p] of base.placement) assert.deepEqual({ storyId: whole.get(id)!.storyId, dupRoot: whole.get(id)!.duplicateOf ?? id }, p, id);
});

test('edges are symmetric: the same edge whichever article comes first', () => {
  const es = [...entries.values()].slice(0, 250);
  let n = 0;
  for (let i = 0; i < es.length; i++)
    for (let j = i + 1; j < es.length; j++) {
      const x = edgeOf(es[i]!, es[j]!, STABLE_DEFAULTS, frozenWeights());
      assert.deepEqual(edgeOf(es[j]!, es[i]!, STABLE_DEFAULTS, frozenWeights()), x);
      if (x) n++;
    }
  assert.ok(n > 10, `${n} edges among the first 250`);
});

const node = (id: string, h: number) => ({ id, time: Date.UTC(2015, 6, 22, h) });
const edge = (a: string, b: string, kind: StoryEdge['kind'], score: number): StoryEdge => ({ a, b, kind, score });

test('partition: a lone weak bridge joins one event, never chains two', () => {
  const nodes = ['a1', 'a2', 'b1', 'b2', 'x'].map((id, i) => node(id, i));
  const edges = [edge('a1', 'a2', 'story', 0.7), edge('b1', 'b2', 'story', 0.8), edge('a2', 'x', 'story', 0.45), edge('b1', 'x', 'story', 0.5)];
  const p = partition(nodes, edges, 0.6);
  assert.equal(p.get('x')!.storyId, 's-b1', 'the bridge joins its best-scoring event');
  assert.equal(p.get('a1')!.storyId, 's-a1');
  assert.notEqual(p.get('a1')!.storyId, p.get('b1')!.storyId);
  // Two events of several reports each, linked by a weak edge only, stay apart.
  const q = partition(nodes.slice(0, 4), [...edges.slice(0, 2), edge('a2', 'b1', 'story', 0.55)], 0.6);
  assert.notEqual(q.get('a1')!.storyId, q.get('b1')!.storyId);
  // The input's order does not matter.
  assert.deepEqual(partition([...nodes].reverse(), [...edges].reverse(), 0.6), p);
});

test('partition: duplicate groups stay whole and keep their earliest copy as original', () => {
  const nodes = [node('z', 3), node('y', 1), node('w', 1)];
  const p = partition(nodes, [edge('w', 'z', 'dup', 1), edge('y', 'z', 'dup', 0.6)], 0.6);
  assert.deepEqual(p.get('w'), { storyId: 's-w', duplicateOf: null }, 'equal times: the smaller id is the original');
  assert.deepEqual(p.get('y'), { storyId: 's-w', duplicateOf: 'w' });
  assert.deepEqual(p.get('z'), { storyId: 's-w', duplicateOf: 'w' });
});

test('a later-arriving earlier copy becomes the original and renames the story', async () => {
  const idx = new MemoryStoryIndex();
  const a = byId.get('316d09d020c7bc7e')!;
  const late: Article = { ...a, id: 'late0000000000aa', url: null, outlet: 'okaz', publishedAt: '2015-07-23T10:00:00Z' };
  const early: Article = { ...a, id: 'early000000000aa', url: null, outlet: 'was', publishedAt: '2015-07-22T08:00:00Z' };
  assert.equal((await addArticleStable(idx, late)).via, 'new');
  const r = await addArticleStable(idx, early);
  assert.deepEqual([r.via, r.duplicateOf, r.storyId], ['exact', null, 's-early000000000aa']);
  assert.equal(idx.getEntries([late.id])[0]!.duplicateOf, early.id);
  assert.equal(idx.getStory('s-late0000000000aa'), null, 'the old story is gone');
  assert.deepEqual(idx.getStory(r.storyId)!.outlets, ['was', 'okaz']);
  assert.equal((await addArticleStable(idx, early)).via, 'existing');
});

test('workers finding candidates before the lock (prefind + entries since the watermark) make the same stories', async () => {
  const idx = new MemoryStoryIndex();
  const order = shuffled(day, 7).map((a) => ({ ...(entries.get(a.id) ?? entryOf(a)) }));
  // As a store reads them back: without keys and bands (isCandidate derives them).
  const asStored = (e: StoryEntry): StoryEntry => ({ ...e, keys: [], bands: [] });
  let fromNewer = 0;
  for (let i = 0; i < order.length; i += 80) {
    // Two workers' chunks: both read the watermark and prefind before either takes the lock.
    const chunks = [order.slice(i, i + 40), order.slice(i + 40, i + 80)].map((ch) => ({ ch, mark: idx.watermark() }));
    const found = await Promise.all(chunks.map(async (w) => ({ ...w, older: await Promise.all(w.ch.map((e) => prefind(idx, e))) })));
    for (const w of found) {
      const newer = idx.entriesAfter(w.mark).map(asStored);
      for (const [k, e] of w.ch.entries()) {
        const before = newer.filter((c) => isCandidate(e, c)).length;
        fromNewer += before;
        await addEntryStable(idx, e, {}, { older: w.older[k]!, newer });
        newer.push(e);
      }
    }
  }
  assert.ok(fromNewer > 50, `${fromNewer} candidates came from entries added after the watermark`);
  const placement = new Map(idx.allEntries().map((e) => [e.id, { storyId: e.storyId, dupRoot: e.duplicateOf ?? e.id }]));
  assert.deepEqual(snapshot({ placement, index: idx } as unknown as RunResult), snapshot(base));
});

test('isCandidate agrees with the index lookup on real entries', async () => {
  const held = day.slice(0, 200).map((a) => ({ ...(entries.get(a.id) ?? entryOf(a)) }));
  const idx = new MemoryStoryIndex();
  for (const e of held) idx.addEntry(e);
  let n = 0;
  for (const e of held.slice(0, 60)) {
    const found = new Set((await prefind(idx, e)).map((c) => c.id));
    for (const c of held) assert.equal(isCandidate(e, { ...c, keys: [], bands: [] }), found.has(c.id), `${e.id} → ${c.id}`);
    n += found.size;
  }
  assert.ok(n > 60, `${n} candidate pairs`);
});

test('edgeOf needs no index: two entries are enough', () => {
  const [x, y] = ['316d09d020c7bc7e', '5d019acf424ac947'].map((id) => entryOf(byId.get(id)!));
  const e = edgeOf(x!, y!, STABLE_DEFAULTS, frozenWeights());
  assert.ok(e && e.a < e.b && e.score > 0, JSON.stringify(e));
});

test('a bad frozen table names the line', () => {
  assert.throws(() => parseDfTable('#docs\t10\nfoo\tbar\n', 'df.tsv'), /df\.tsv:2: expected "term<TAB>count"/);
  assert.throws(() => parseDfTable('foo\t3\n', 'df.tsv'), /df\.tsv: missing or bad "#docs<TAB>N" line/);
});
