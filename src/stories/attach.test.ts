/**
 * The attach rule of `partition` (src/stories/partition.ts): a lone report that several reports
 * of one burst of coverage each resemble joins their story, though its best single edge goes
 * to another lone rewrite; a core that recurs over days (a template) does not draw it.
 * Articles: src/stories/testdata/attach-pairs.json (SaudiNewsNet, source and licence there):
 * the Louisiana cinema shooting, which the best-edge rule left in two stories.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../model/article.ts';
import { shuffled } from '../../bench/rng.ts';
import { addArticleStable, MemoryStoryIndex, partition, STABLE_DEFAULTS, type StableOptions, type StoryEdge } from './index.ts';
import { pairArticles } from './testdata/pairs.ts';

const arts: Article[] = pairArticles('attach-pairs.json');
const OLD: Partial<StableOptions> = { attach: { reports: Infinity, spanMs: 0 } };

async function stories(order: readonly Article[], o: Partial<StableOptions> = {}): Promise<Map<string, string>> {
  const index = new MemoryStoryIndex();
  for (const a of order) await addArticleStable(index, a, o);
  return new Map(arts.map((a) => [a.id, index.getEntries([a.id])[0]!.storyId]));
}

test('the Louisiana shooting: one story, whatever the order; two under the best-edge rule', async () => {
  const [first, , , , , , , rewrite] = arts as [Article, Article, Article, Article, Article, Article, Article, Article];
  const now = await stories(arts);
  assert.equal(new Set(now.values()).size, 1, 'all eleven reports in one story');
  assert.equal(now.get(first.id), now.get(rewrite.id), `${first.title} / ${rewrite.title}`);
  for (const seed of [1, 2, 3]) assert.deepEqual(await stories(shuffled(arts, seed)), now, `order ${seed}`);
  const old = await stories(arts, OLD);
  assert.notEqual(old.get(first.id), old.get(rewrite.id), 'the best-edge rule kept them apart');
});

const node = (id: string, h: number) => ({ id, time: Date.UTC(2015, 6, 22, h) });
const edge = (a: string, b: string, kind: StoryEdge['kind'], score: number): StoryEdge => ({ a, b, kind, score });

test('partition: three reports of a burst draw a lone report; a core recurring over days does not', () => {
  // Core c: three reports joined by strong edges; lone report x links to each weakly, and to
  // lone report y a little better.
  const within = (h: number) => [node('c1', 0), node('c2', 2), node('c3', h), node('x', 5), node('y', 6)];
  const edges = [
    edge('c1', 'c2', 'story', 0.7),
    edge('c2', 'c3', 'story', 0.7),
    edge('x', 'c1', 'story', 0.45),
    edge('x', 'c2', 'story', 0.42),
    edge('x', 'c3', 'story', 0.41),
    edge('x', 'y', 'story', 0.5),
  ];
  const p = partition(within(10), edges, 0.6);
  assert.equal(p.get('x')!.storyId, 's-c1', 'three reports of a 10 h core outweigh one better edge');
  assert.equal(p.get('y')!.storyId, 's-c1', 'y still attaches to x, now in the core’s story');
  // The same core spread over four days (a daily template): x keeps its best edge.
  const q = partition(within(96), edges, 0.6);
  assert.equal(q.get('x')!.storyId, q.get('y')!.storyId);
  assert.notEqual(q.get('x')!.storyId, q.get('c1')!.storyId);
  // Two reports are not enough.
  const r = partition(within(10), edges.filter((e) => e.b !== 'c3'), 0.6);
  assert.notEqual(r.get('x')!.storyId, r.get('c1')!.storyId);
  assert.deepEqual(partition(within(10), edges, 0.6, STABLE_DEFAULTS.attach), p);
});
