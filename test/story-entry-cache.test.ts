/**
 * What the SQLite story index keeps in memory never goes stale, on real articles (the
 * saudinewsnet day of test/testdata): the cached entries with their grouping (updated in
 * place by this connection, forgotten on a rollback and when SQLite's data_version shows
 * another connection's commit), and the key lookups beside them. After they are read, entries added (and
 * entries regrouped) by this store, by another connection to the same file, and by a
 * transaction that rolls back must leave `byKeys`, `allByKeys` and `getEntries` answering
 * exactly what a freshly opened store (nothing cached) reads from the tables.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayArticles } from './day.ts';
import type { Article } from '../src/model/article.ts';
import { addArticleStable, entryOf } from '../src/stories/index.ts';
import { openMarsadSqliteStore, type MarsadSqliteStore } from '../src/store/sqlite/marsad.ts';
import { ENTRY_CACHE } from '../src/store/sqlite/stories.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-entry-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const articles = (await dayArticles()).slice(0, 360);
/** Every lookup key of the articles, each once (the keys the grouping asks for). */
const keys = [...new Set(articles.flatMap((a) => entryOf(a).keys))];
const times = articles.map((a) => entryOf(a).time).sort((x, y) => x - y);
/** The whole range, and a window around the middle article (both ends inside the data). */
const windows: Array<[number, number]> = [
  [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  [times[Math.floor(times.length / 3)]!, times[Math.floor((2 * times.length) / 3)]!],
];

async function group(store: MarsadSqliteStore, part: Article[]): Promise<void> {
  await store.upsertArticles(part);
  for (const a of part) await store.writeTransaction(() => addArticleStable(store.storyIndex, a));
}

const ids = articles.map((a) => a.id);

/**
 * What `s` answers for every key and window (by key, newest-first with limits 3 and 50, and
 * all), and every entry's story and copy group (cached entries keep their grouping).
 */
function lookups(s: MarsadSqliteStore): unknown[] {
  const out: unknown[] = [s.storyIndex.getEntries(ids).map((e) => [e.id, e.storyId, e.duplicateOf])];
  for (const [from, to] of windows) {
    for (const limit of [3, 50]) out.push([...s.storyIndex.byKeys(keys, from, to, limit)]);
    out.push([...s.storyIndex.allByKeys(keys, from, to)]);
  }
  return out;
}

/** The same lookups from a store opened now (nothing cached: all read from the tables). */
function fresh(path: string): unknown[] {
  const s = openMarsadSqliteStore(path);
  try {
    return lookups(s);
  } finally {
    void s.close();
  }
}

test('entries held in memory keep the grouping through own inserts, another connection and rollbacks', async () => {
  const path = join(dir, 'lists.db');
  const a = openMarsadSqliteStore(path);
  const b = openMarsadSqliteStore(path);
  try {
    await group(a, articles.slice(0, 120));
    const before = lookups(a); // the entries are now cached
    assert.deepEqual(before, fresh(path));
    assert.ok(JSON.stringify(before).length > 10_000, 'the keys have postings');

    // This store's own inserts and regroupings update what it holds.
    await group(a, articles.slice(120, 200));
    assert.deepEqual(lookups(a), fresh(path));

    // Another connection's inserts (which regroup entries the first store holds): the first store must see them.
    const held = new Map(a.storyIndex.getEntries(ids).map((e) => [e.id, e.storyId]));
    await group(b, articles.slice(200, 280));
    const moved = b.storyIndex.getEntries(ids.slice(0, 200)).filter((e) => e.storyId !== held.get(e.id));
    assert.ok(moved.length > 0, 'the other connection moved entries the first store holds');
    const now = fresh(path);
    assert.notDeepEqual(now, before);
    assert.deepEqual(lookups(a), now);

    // An insert rolled back leaves nothing of it behind in memory.
    await a.upsertArticles(articles.slice(280));
    await assert.rejects(
      a.writeTransaction(async () => {
        for (const x of articles.slice(280, 320)) await addArticleStable(a.storyIndex, x);
        assert.notDeepEqual(lookups(a), now, 'the transaction sees its own postings');
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.deepEqual(lookups(a), fresh(path));
    assert.deepEqual(lookups(a), now);

    // And after the rollback, inserts go on as before.
    await group(a, articles.slice(280));
    assert.deepEqual(lookups(a), fresh(path));
  } finally {
    await a.close();
    await b.close();
  }
});

/**
 * A call asking for cached entries and for more uncached ones than the cache has room for:
 * the rows read are remembered as they come, pushing the oldest cached entries out; those
 * asked in the same call must still be returned (they were silently left out).
 */
test('getEntries returns every entry asked, even those its own reads push out of the cache', async () => {
  const path = join(dir, 'evict.db');
  const s = openMarsadSqliteStore(path);
  try {
    // Copies of real entries under new ids, enough to fill the cache and overflow it.
    const base = articles.map((a) => entryOf(a));
    const all = Array.from({ length: ENTRY_CACHE + 600 }, (_, i) => ({ ...base[i % base.length]!, id: `copy-${String(i).padStart(5, '0')}`, storyId: `s-copy-${i}`, duplicateOf: null }));
    await s.writeTransaction(async () => {
      for (const e of all) s.storyIndex.addEntry(e);
    });
    const reopened = openMarsadSqliteStore(path);
    try {
      const ix = reopened.storyIndex;
      const old = all.slice(0, 500).map((e) => e.id);
      ix.getEntries(old); // cached first: the oldest in the LRU
      ix.getEntries(all.slice(500, ENTRY_CACHE).map((e) => e.id)); // the cache now full
      const uncached = all.slice(ENTRY_CACHE).map((e) => e.id);
      const asked = [...uncached, ...old];
      const got = ix.getEntries(asked).map((e) => e.id);
      assert.deepEqual(got, asked);
    } finally {
      await reopened.close();
    }
  } finally {
    await s.close();
  }
});
