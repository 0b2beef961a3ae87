/**
 * The SQLite StoryIndex/RelatedSource (src/store/sqlite/stories.ts) against src/stories'
 * in-memory reference on real articles (a saudinewsnet day): the same articles in the same
 * order give the same duplicates, stories and related articles, in a real SQLite file that
 * is closed and reopened halfway (so nothing relies on process memory). Also: the
 * per-article lookups are index searches, never table scans.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayArticles } from './day.ts';
import type { Article } from '../src/model/article.ts';
import { addArticle, addArticleStable, entryOf, MemoryStoryIndex, relatedArticles, type Assignment } from '../src/stories/index.ts';
import { openMarsadSqliteStore, type MarsadSqliteStore } from '../src/store/sqlite/marsad.ts';
import { bandInt } from '../src/store/story-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-stories-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));


/** Groups `articles` into a store (reopened every `reopenEvery`), returning the assignments. */
async function groupSqlite(path: string, articles: Article[], reopenEvery: number): Promise<Assignment[]> {
  let store: MarsadSqliteStore = openMarsadSqliteStore(path);
  await store.upsertArticles(articles);
  const out: Assignment[] = [];
  for (let i = 0; i < articles.length; i++) {
    if (i > 0 && i % reopenEvery === 0) {
      await store.close();
      store = openMarsadSqliteStore(path);
    }
    out.push(await store.writeTransaction(() => addArticle(store.storyIndex, articles[i]!)));
  }
  await store.close();
  return out;
}

const articles = (await dayArticles()).slice(0, 700);

test('SQLite grouping equals the in-memory reference on real articles', async () => {
  assert.equal(articles.length, 700);
  const mem = new MemoryStoryIndex();
  const expected: Assignment[] = [];
  for (const a of articles) expected.push(await addArticle(mem, a));
  const path = join(dir, 'equiv.db');
  const got = await groupSqlite(path, articles, 250);
  assert.deepEqual(got, expected);
  assert.ok(expected.filter((a) => a.via === 'exact' || a.via === 'near').length >= 20, 'the day has copies');

  // The final state: every entry's story and duplicate, and every story, agree.
  const store = openMarsadSqliteStore(path);
  try {
    const ids = articles.map((a) => a.id);
    const norm = (es: Array<{ id: string; storyId: string; duplicateOf: string | null }>) =>
      es.map((e) => [e.id, e.storyId, e.duplicateOf]).sort();
    assert.deepEqual(norm(store.storyIndex.getEntries(ids)), norm(mem.getEntries(ids)));
    const memStories = mem.allStories().map((s) => ({ ...s, articleIds: [...s.articleIds].sort() })).sort((x, y) => (x.id < y.id ? -1 : 1));
    const sqlStories = memStories.map((s) => store.storyIndex.getStory(s.id)).map((s) => (s ? { ...s, articleIds: [...s.articleIds].sort() } : s));
    assert.equal(store.db.prepare('SELECT count(*) FROM stories').pluck().get(), memStories.length);
    for (let i = 0; i < memStories.length; i++) {
      const m = memStories[i]!;
      const s = sqlStories[i]!;
      assert.ok(s, `story ${m.id} missing`);
      assert.deepEqual([s.title, s.firstSeen, s.originalId, s.originalOutlet, s.articleIds], [m.title, m.firstSeen, m.originalId, m.originalOutlet, m.articleIds]);
      assert.deepEqual([...s.outlets].sort(), [...m.outlets].sort());
    }
    // The articles table mirrors the grouping.
    const rows = store.db.prepare('SELECT id, story_id, duplicate_of FROM articles').all() as Array<{ id: string; story_id: string; duplicate_of: string | null }>;
    const entries = new Map(store.storyIndex.getEntries(ids).map((e) => [e.id, e]));
    for (const r of rows) assert.deepEqual([r.story_id, r.duplicate_of], [entries.get(r.id)!.storyId, entries.get(r.id)!.duplicateOf]);

    // Related articles: the same ids from both sources.
    for (const a of articles.slice(0, 40)) {
      const e = store.storyIndex.getEntry(a.id)!;
      assert.deepEqual(await relatedArticles(e, store.storyIndex), await relatedArticles(mem.getEntries([a.id])[0]!, mem), a.id);
    }
  } finally {
    await store.close();
  }
});

test("cached entries and related candidates outlive this writer's own inserts, not another writer's", async () => {
  const path = join(dir, 'cache.db');
  const store = openMarsadSqliteStore(path);
  const other = openMarsadSqliteStore(path);
  try {
    const day = articles.slice(0, 40);
    await store.upsertArticles(day);
    const group = async (s: MarsadSqliteStore, a: Article) => s.writeTransaction(() => addArticleStable(s.storyIndex, a, { now: 0 }));
    for (const a of day.slice(0, 30)) await group(store, a);
    const keys = entryOf(day[0]!).keys;
    const read = () => new Map(store.storyIndex.relatedCandidates(keys, -Infinity, Infinity, 24).map((c) => [c.id, c]));
    const before = read();
    assert.ok(before.size > 0, 'the first article finds candidates');
    // Own inserts: the same parsed candidates come back (each arrival reads them again).
    for (const a of day.slice(30, 35)) await group(store, a);
    const kept = read();
    for (const [id, c] of before) assert.equal(kept.get(id), c, `candidate ${id} was parsed again after this writer's insert`);
    // Another connection's insert: everything is read again (its grouping may have moved them).
    await group(other, day[35]!);
    await group(store, day[36]!);
    const again = read();
    for (const [id, c] of before) assert.notEqual(again.get(id), c, `candidate ${id} kept after another writer's insert`);
  } finally {
    await other.close();
    await store.close();
  }
});

test('postings by key and band are the ids the joins on story_entries give, also after a rolled-back insert', async () => {
  const store = openMarsadSqliteStore(join(dir, 'postings.db'));
  try {
    const day = articles.slice(0, 300);
    await store.upsertArticles(day);
    for (const a of day.slice(0, 250)) await store.writeTransaction(() => addArticleStable(store.storyIndex, a, { now: 0 }));
    // Read every key once now: the lists the store keeps from these reads must take in the
    // inserts below and forget the rolled-back ones.
    for (const a of day) {
      const e = entryOf(a, { now: 0 });
      store.storyIndex.byKeys(e.keys, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 5);
      store.storyIndex.allByKeys(e.keys, e.time - 72 * 3_600_000, e.time + 72 * 3_600_000);
    }
    // A rolled-back insert: its entry and key numbers are given again to the next ones.
    await assert.rejects(
      store.writeTransaction(async () => {
        for (const a of day.slice(250, 290)) await addArticleStable(store.storyIndex, a, { now: 0 });
        throw new Error('rollback');
      }),
    );
    for (const a of day.slice(290, 300)) await store.writeTransaction(() => addArticleStable(store.storyIndex, a, { now: 0 }));
    const joined = {
      newest: store.db.prepare<unknown[], string>(
        `SELECT e.id FROM story_keydict d JOIN story_keys k ON k.kid = d.kid JOIN story_entries e ON e.eid = k.eid
         WHERE d.key = ? AND k.time BETWEEN ? AND ? ORDER BY k.time DESC, k.eid DESC LIMIT ?`,
      ).pluck(),
      all: store.db.prepare<unknown[], string>(
        `SELECT e.id FROM story_keydict d JOIN story_keys k ON k.kid = d.kid JOIN story_entries e ON e.eid = k.eid
         WHERE d.key = ? AND k.time BETWEEN ? AND ?`,
      ).pluck(),
      bands: store.db.prepare<unknown[], string>(
        `SELECT DISTINCT e.id FROM story_bands b JOIN story_entries e ON e.eid = b.eid
         WHERE b.band IN (SELECT value FROM json_each(?)) AND b.time BETWEEN ? AND ?`,
      ).pluck(),
    };
    const lo = Number.MIN_SAFE_INTEGER;
    const hi = Number.MAX_SAFE_INTEGER;
    let found = 0;
    for (const a of day) {
      const e = entryOf(a, { now: 0 });
      const keys = [...e.keys, 't:never-a-term'];
      const newest = store.storyIndex.byKeys(keys, lo, hi, 5);
      const all = store.storyIndex.allByKeys(keys, lo, hi);
      const [from, to] = [e.time - 72 * 3_600_000, e.time + 72 * 3_600_000];
      const window = store.storyIndex.allByKeys(keys, from, to);
      // The related lists' windows: from a start to past everything (the kept top lists, cut by
      // time), and windows ending before a key's newest posting (the statement).
      const sinceStart = store.storyIndex.byKeys(keys, e.time - 6 * 3_600_000, hi, 24);
      const around = store.storyIndex.byKeys(keys, e.time - 6 * 3_600_000, e.time + 6 * 3_600_000, 24);
      assert.deepEqual([...newest.keys()], keys);
      for (const k of keys) {
        assert.deepEqual(newest.get(k), joined.newest.all(k, lo, hi, 5), k);
        assert.deepEqual(sinceStart.get(k), joined.newest.all(k, e.time - 6 * 3_600_000, hi, 24), k);
        assert.deepEqual(around.get(k), joined.newest.all(k, e.time - 6 * 3_600_000, e.time + 6 * 3_600_000, 24), k);
        assert.deepEqual([...all.get(k)!].sort(), joined.all.all(k, lo, hi).sort(), k);
        assert.deepEqual([...window.get(k)!].sort(), joined.all.all(k, from, to).sort(), k);
        found += all.get(k)!.length;
      }
      const bands = JSON.stringify(e.bands.map(bandInt));
      const week = 7 * 24 * 3_600_000;
      assert.deepEqual(store.storyIndex.byBands(e.bands, lo, hi).sort(), joined.bands.all(bands, lo, hi).sort());
      assert.deepEqual(store.storyIndex.byBands(e.bands, e.time - week, e.time + week).sort(), joined.bands.all(bands, e.time - week, e.time + week).sort());
    }
    assert.ok(found > 500, `postings found: ${found}`);
  } finally {
    await store.close();
  }
});

test('band postings are found across week spans: windows over a span border, wide and empty windows', async () => {
  // Migration 034 keys band postings by their week first; a lookup lists the window's weeks,
  // or for a wide window finds the weeks that hold postings. Real entries, moved in time.
  const store = openMarsadSqliteStore(join(dir, 'spans.db'));
  try {
    const week = 7 * 24 * 3_600_000;
    const border = 2905 * week; // a week's start (2025-09-04T00:00Z)
    const at = [border - 3_600_000, border + 3_600_000, border + 3 * week, border - 40 * week];
    const source = articles.slice(0, 12).map((a) => entryOf(a, { now: 0 })).filter((e) => e.bands.length);
    assert.ok(source.length >= 8);
    for (const e of source)
      at.forEach((t, i) => store.storyIndex.addEntry({ ...e, id: `${e.id}-${i}`, time: t, exact: null, storyId: `s-${e.id}-${i}`, duplicateOf: null }));
    const joined = store.db.prepare<unknown[], string>(
      `SELECT DISTINCT e.id FROM story_bands b JOIN story_entries e ON e.eid = b.eid
       WHERE b.band IN (SELECT value FROM json_each(?)) AND b.time BETWEEN ? AND ?`,
    ).pluck();
    const windows: Array<[number, number, number[]]> = [
      [border - 2 * 3_600_000, border + 2 * 3_600_000, [0, 1]], // over the border
      [border, border + week, [1]], // from the border on
      [border - week, border - 1, [0]], // up to it
      [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, [0, 1, 2, 3]], // every week (the wide path)
      [border - 50 * week, border - 30 * week, [3]], // wide, one week holding postings
      [border + 10 * week, border + 40 * week, []], // wide, none
      [border + week, border, []], // empty
    ];
    // The spans holding postings are kept by the store: a week added here, and one added by
    // another connection, are found.
    const lookup = (e: (typeof source)[number], from: number, to: number) => store.storyIndex.byBands(e.bands, from, to);
    const [x, y] = [source[0]!, source[1]!];
    assert.deepEqual(lookup(x, border + 59 * week, border + 61 * week), []);
    store.storyIndex.addEntry({ ...x, id: `${x.id}-late`, time: border + 60 * week, exact: null, storyId: 's-late', duplicateOf: null });
    assert.deepEqual(lookup(x, border + 59 * week, border + 61 * week), [`${x.id}-late`]);
    const other = openMarsadSqliteStore(join(dir, 'spans.db'));
    try {
      await other.writeTransaction(async () => other.storyIndex.addEntry({ ...y, id: `${y.id}-early`, time: border - 90 * week, exact: null, storyId: 's-early', duplicateOf: null }));
    } finally {
      await other.close();
    }
    assert.deepEqual(lookup(y, border - 91 * week, border - 89 * week), [`${y.id}-early`]);
    for (const e of source) {
      const keys = JSON.stringify(e.bands.map(bandInt));
      for (const [from, to, want] of windows) {
        const got = store.storyIndex.byBands(e.bands, from, to).sort();
        assert.deepEqual(got, joined.all(keys, from, to).sort(), `${e.id} ${from}..${to}`);
        for (const i of want) assert.ok(got.includes(`${e.id}-${i}`), `${e.id}-${i} in ${from}..${to}`);
        assert.equal(got.filter((id) => new RegExp(`^${e.id}-\\d$`).test(id)).length, want.length, `${e.id} in ${from}..${to}`);
      }
    }
  } finally {
    await store.close();
  }
});

test('every per-article lookup is an index search', () => {
  const store = openMarsadSqliteStore(join(dir, 'plans.db'));
  try {
    const plan = (sql: string, ...args: unknown[]): string =>
      (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    const checks: Array<[string, unknown[]]> = [
      ['SELECT id FROM story_entries WHERE exact = ?', ['x']],
      ['SELECT DISTINCT eid FROM story_bands WHERE span IN (SELECT value FROM json_each(?)) AND band IN (SELECT value FROM json_each(?)) AND time BETWEEN ? AND ?', ['[1]', '[1]', 0, 1]],
      [
        `WITH RECURSIVE s(v) AS (SELECT (SELECT min(span) FROM story_bands WHERE span >= 0)
           UNION ALL SELECT (SELECT min(span) FROM story_bands WHERE span > v) FROM s WHERE v < 9)
         SELECT DISTINCT eid FROM story_bands WHERE span IN (SELECT v FROM s WHERE v <= 9) AND band IN (SELECT value FROM json_each(?)) AND time BETWEEN ? AND ?`,
        ['[1]', 0, 1],
      ],
      ['SELECT key, kid FROM story_keydict WHERE key IN (SELECT value FROM json_each(?))', ['["t:x"]']],
      ['SELECT eid, id FROM story_entries WHERE eid IN (SELECT value FROM json_each(?))', ['[1]']],
      ['SELECT eid FROM story_keys WHERE kid = ? AND time BETWEEN ? AND ? ORDER BY time DESC, eid DESC LIMIT ?', [1, 0, 1, 5]],
      ['SELECT j.key, k.eid FROM json_each(?) j JOIN story_keys k ON k.kid = j.value WHERE k.time BETWEEN ? AND ?', ['[1]', 0, 1]],
      ['SELECT time, eid FROM story_keys WHERE kid = ? ORDER BY time DESC, eid DESC LIMIT ?', [1, 24]],
      ['SELECT id, eid FROM story_entries WHERE id IN (SELECT value FROM json_each(?))', ['["a"]']],
      ['SELECT * FROM story_entries WHERE id IN (SELECT value FROM json_each(?))', ['["a"]']],
      ['SELECT term, df FROM story_df WHERE term IN (SELECT value FROM json_each(?))', ['["a"]']],
      ['SELECT id FROM story_entries WHERE duplicate_of = ?', ['a']],
      ['SELECT id, time, outlet FROM story_entries WHERE story_id = ? ORDER BY time, id', ['s']],
      ['SELECT * FROM articles WHERE story_id IS NULL AND seq > ? ORDER BY seq LIMIT ?', [0, 10]],
      ['SELECT ent, published, mentions FROM article_entities WHERE seq = ?', [1]],
      ['SELECT * FROM sources WHERE next_poll <= ? ORDER BY next_poll LIMIT ?', ['x', 5]],
    ];
    for (const [sql, args] of checks) {
      const p = plan(sql, ...args);
      assert.doesNotMatch(p, /\bSCAN (story_entries|story_bands|story_keys|story_keydict|story_df|articles|article_entities|sources|e|b|k|d)\b(?! USING)/, `${sql}\n→ ${p}`);
      assert.doesNotMatch(p, /USE TEMP B-TREE FOR ORDER BY/, `${sql}\n→ ${p}`);
    }
  } finally {
    void store.close();
  }
});
