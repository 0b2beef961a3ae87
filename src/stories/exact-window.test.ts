/**
 * Exact copies are duplicates within `exactWindowMs` (30 days) of each other, not forever
 * (src/stories/stable.ts, edgeOf). A wire text published again weeks later is a new item, and a
 * component must not grow with every republication: bench/scale/million.ts's store at 247,000
 * articles held 13,613 exact-copy edges spanning more than 30 days and stories of 372 articles
 * over 355 days, which every arrival walked whole. Real articles: src/stories/testdata/late-pairs.json
 * (SaudiNewsNet, source and licence there), copied under new ids and dates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../model/article.ts';
import { addArticleStable, edgeOf, entryOf, frozenWeights, MemoryStoryIndex, STABLE_DEFAULTS } from './index.ts';
import { pairArticles } from './testdata/pairs.ts';

const [original] = pairArticles('late-pairs.json') as [Article];
const DAY = 86_400_000;
const copy = (days: number, n: number): Article => ({
  ...original,
  id: `copy${n}`.padEnd(16, '0'),
  url: `https://example.com/copy/${n}`,
  publishedAt: new Date(Date.parse(original.publishedAt!) + days * DAY).toISOString(),
});

test('an exact copy is a duplicate within 30 days and a new item after', () => {
  const w = frozenWeights();
  const o = STABLE_DEFAULTS;
  const [a, near, far] = [entryOf(original), entryOf(copy(29, 1)), entryOf(copy(31, 2))];
  assert.ok(a.exact && a.exact === near.exact && a.exact === far.exact, 'the same exact key');
  assert.deepEqual(edgeOf(a, near, o, w), { a: a.id < near.id ? a.id : near.id, b: a.id < near.id ? near.id : a.id, kind: 'dup', score: 1 });
  assert.equal(edgeOf(a, far, o, w), null);
  assert.equal(edgeOf(far, a, o, w), null, 'either argument order');
  assert.equal(edgeOf(a, far, { ...o, exactWindowMs: Infinity }, w)?.kind, 'dup', 'without the window: a duplicate');
});

test('copies a month apart each make their own story, whatever the arrival order', async () => {
  const arts = [original, copy(10, 1), copy(45, 2), copy(50, 3), copy(100, 4)];
  const stories = async (order: Article[]) => {
    const index = new MemoryStoryIndex();
    for (const x of order) await addArticleStable(index, x, { now: 0 });
    return new Map(arts.map((x) => [x.id, index.getEntries([x.id])[0]!]));
  };
  for (const order of [arts, [...arts].reverse(), [arts[2]!, arts[0]!, arts[4]!, arts[1]!, arts[3]!]]) {
    const e = await stories(order);
    const of = (i: number) => e.get(arts[i]!.id)!;
    assert.equal(of(1).storyId, of(0).storyId, 'ten days apart: one story');
    assert.equal(of(1).duplicateOf, original.id);
    assert.equal(of(3).storyId, of(2).storyId, '45 and 50 days: one story');
    assert.notEqual(of(2).storyId, of(0).storyId, 'a month and more after: another story');
    assert.equal(of(2).duplicateOf, null, 'the first copy of the second month is an original');
    assert.notEqual(of(4).storyId, of(2).storyId);
  }
});
