/**
 * The add-then-link form of the stable grouping (link.ts), in memory on one real day of
 * SaudiNewsNet (2015-07-22, test/testdata/README.md): entries added unlinked in batches and
 * linked in shuffled order, many of them while neighbours are still unlinked, end with the
 * stories, duplicate roots and originals of adding every article at once (stable.ts). The
 * row locks that order concurrent links are PostgreSQL's, tested with real workers in
 * test/pg-concurrent-grouping.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDay } from '../../bench/stories/corpus.ts';
import { shuffled } from '../../bench/rng.ts';
import type { Article } from '../model/article.ts';
import { addEntryStable, entryOf, linkEntry, MemoryStoryIndex, UNLINKED, type LockingIndex, type StoryEntry } from './index.ts';

const day = [...new Map(loadDay(new URL('../../test/testdata/saudinewsnet/2015-07-22.zip', import.meta.url)).map((a) => [a.id, a])).values()].slice(0, 700);
const analyzed = new Map(day.map((a) => [a.id, entryOf(a)]));
/** A fresh copy of an article's entry (indexes keep and change the objects they are given). */
const fresh = (a: Article): StoryEntry => ({ ...analyzed.get(a.id)! });

class Locking extends MemoryStoryIndex implements LockingIndex {
  locked = 0;
  lockEntries(ids: string[]): Promise<void> {
    this.locked += ids.length;
    return Promise.resolve();
  }
}

function snapshot(index: MemoryStoryIndex): { placement: string[]; stories: string[] } {
  return {
    placement: index
      .allEntries()
      .map((e) => `${e.id} ${e.storyId} ${e.duplicateOf}`)
      .sort(),
    stories: index
      .allStories()
      .map((s) => `${s.id} ${s.originalId} ${s.originalOutlet} ${[...s.articleIds].sort().join(',')}`)
      .sort(),
  };
}

const once = new MemoryStoryIndex();
for (const a of day) await addEntryStable(once, fresh(a));
const want = snapshot(once);

test('entries added unlinked and linked later, in shuffled order, give the stories of adding them at once', async () => {
  assert.ok(want.stories.filter((s) => s.split(',').length >= 3).length >= 10, 'the day has multi-article stories');
  for (const seed of [1, 2]) {
    const index = new Locking();
    const order = shuffled(day, seed);
    const unlinked: StoryEntry[] = [];
    let sawUnlinked = 0;
    for (let i = 0; i < order.length; i += 100) {
      for (const a of order.slice(i, i + 100)) {
        const e = fresh(a);
        e.storyId = UNLINKED;
        e.duplicateOf = null;
        index.addEntry(e);
        unlinked.push(e);
      }
      // Link a shuffled half of what waits; the rest waits for later batches' neighbours.
      const now = shuffled(unlinked.splice(0), seed + i);
      unlinked.push(...now.slice(now.length >> 1));
      for (const e of now.slice(0, now.length >> 1)) {
        sawUnlinked += index.edgesOf([e.id]).length === 0 ? 0 : 1;
        assert.notEqual((await linkEntry(index, e)).via, 'existing');
      }
    }
    for (const e of unlinked) await linkEntry(index, e);
    assert.ok(sawUnlinked >= 10, `links found edges added by others before their own (${sawUnlinked})`);
    assert.ok(index.locked > order.length, 'every link locks what it reaches');
    assert.deepEqual(snapshot(index), want, `order ${seed}`);
    // Linking again changes nothing.
    assert.equal((await linkEntry(index, unlinked[0] ?? fresh(day[0]!))).via, 'existing');
  }
});
