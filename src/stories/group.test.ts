import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDay } from '../../bench/stories/corpus.ts';
import { runGrouping } from '../../bench/stories/run.ts';
import { agreement } from '../../bench/stories/eval.ts';
import { rng } from '../../bench/stories/labels.ts';
import { makeArticle, type Article } from '../model/article.ts';
import { addArticle, MemoryStoryIndex } from './index.ts';

// One real day of SaudiNewsNet (2015-07-22), in time order.
const day = loadDay(new URL('../../test/testdata/saudinewsnet/2015-07-22.zip', import.meta.url)).sort((a, b) =>
  (a.publishedAt ?? '') < (b.publishedAt ?? '') ? -1 : (a.publishedAt ?? '') > (b.publishedAt ?? '') ? 1 : a.id < b.id ? -1 : 1,
);
const unique = [...new Map(day.map((a) => [a.id, a])).values()];
const byId = new Map(unique.map((a) => [a.id, a]));
const base = await runGrouping(unique);

test('the PROVENANCE example: one story under different headlines across outlets', () => {
  const ids = ['316d09d020c7bc7e', '5d019acf424ac947', '395fa03c3ba5d095', '3fd8920273e06ce3']; // aleqtisadiya, alweeam, alriyadh, aawsat
  const stories = new Set(ids.map((id) => base.placement.get(id)?.storyId));
  assert.equal(stories.size, 1, `stories: ${[...stories].join(', ')}`);
  const story = base.index.getStory([...stories][0]!)!;
  assert.equal(story.originalId, '316d09d020c7bc7e');
  assert.equal(story.originalOutlet, 'aleqtisadiya');
  assert.equal(story.title, byId.get('316d09d020c7bc7e')!.title);
  assert.equal(story.firstSeen, '2015-07-22T17:51:18.000Z');
  for (const o of ['aleqtisadiya', 'alweeam', 'alriyadh', 'aawsat']) assert.ok(story.outlets.includes(o));
});

test('wire copies in one day are marked duplicates of their earliest copy', () => {
  const dups = [...base.placement].filter(([id, p]) => p.dupRoot !== id);
  assert.ok(dups.length > 100, `${dups.length} duplicates`);
  for (const [id, p] of dups) {
    const a = byId.get(id)!;
    const root = byId.get(p.dupRoot)!;
    assert.ok((root.publishedAt ?? '') <= (a.publishedAt ?? ''), `${id} points at a later copy`);
    assert.equal(base.placement.get(root.id)!.storyId, p.storyId, 'a duplicate shares its original’s story');
  }
});

test('shuffled arrival gives the same duplicate groups and nearly the same stories', async () => {
  const shuffled = [...unique];
  const r = rng(3);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const other = await runGrouping(shuffled);
  const dup = agreement(base.placement, other.placement, (p) => p.dupRoot);
  const story = agreement(base.placement, other.placement, (p) => p.storyId);
  assert.ok(dup.jaccard >= 0.98, `duplicate pairs agree ${JSON.stringify(dup)}`);
  assert.ok(story.jaccard >= 0.8, `story pairs agree ${JSON.stringify(story)}`);
});

test('a later-arriving earlier copy becomes the original of the group', async () => {
  const idx = new MemoryStoryIndex();
  const a = byId.get('316d09d020c7bc7e')!;
  const late: Article = { ...a, id: 'late0000000000aa', url: null, outlet: 'okaz', publishedAt: '2015-07-23T10:00:00Z' };
  const early: Article = { ...a, id: 'early000000000aa', url: null, outlet: 'was', publishedAt: '2015-07-22T08:00:00Z' };
  const r1 = await addArticle(idx, late);
  assert.equal(r1.via, 'new');
  const r2 = await addArticle(idx, early);
  assert.equal(r2.via, 'exact');
  assert.equal(r2.duplicateOf, null);
  assert.equal(idx.getEntries([late.id])[0]!.duplicateOf, early.id);
  const s = idx.getStory(r2.storyId)!;
  assert.equal(s.originalOutlet, 'was');
  assert.deepEqual(s.outlets, ['was', 'okaz']);
  assert.equal((await addArticle(idx, early)).via, 'existing');
});

test('a one-word change in a real article makes a near duplicate of it', async () => {
  const idx = new MemoryStoryIndex();
  const a = byId.get('395fa03c3ba5d095')!;
  await addArticle(idx, a);
  const words = a.text.split(' ');
  words[Math.floor(words.length / 2)] = 'تحديدا';
  const copy = makeArticle({ ...a, text: words.join(' '), url: 'https://example.invalid/copy', outlet: 'okaz' });
  const r = await addArticle(idx, copy);
  assert.equal(r.via, 'near');
  assert.equal(r.duplicateOf, a.id);
});

test('retention bounds the in-memory index', async () => {
  const first = Date.parse(unique[0]!.publishedAt!);
  const last = Date.parse(unique.at(-1)!.publishedAt!);
  const retainMs = (last - first) / 4;
  const idx = new MemoryStoryIndex({ retainMs });
  for (const a of unique) await addArticle(idx, a);
  idx.prune();
  const held = idx.allEntries();
  const recent = unique.filter((a) => Date.parse(a.publishedAt!) >= last - retainMs).length;
  assert.ok(recent < unique.length);
  assert.equal(held.length, recent);
  assert.ok(held.every((e) => e.time >= last - retainMs));
  assert.ok(idx.allStories().length <= held.length);
});
