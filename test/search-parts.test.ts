/**
 * The full-text index in parts (src/store/sqlite/fts-parts.ts, search-parts.ts,
 * docs/SEARCH.md "The index in parts"), with parts of four articles (FTS_TUNING.part) so
 * fifteen real articles make four: every article's row in the one part its seq falls in,
 * an edited article re-indexed in its own part, a reindex keeping the parts; a search
 * scoring in the newest part only — a rare query still shows every match with an exact
 * total, old headline matches first; past `scored` matches the older headline matches and an
 * estimated total; a reader connection opened before a part was seeing it.
 * Articles: the store contract's real ones (src/store/testdata/articles.json): the Geagea
 * interview's text republished under other outlets' headlines (as test/search-bounded.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.ts';
import { SqliteSearch } from '../src/store/sqlite/search.ts';
import { readParts, partOf } from '../src/store/sqlite/fts-parts.ts';
import { loadContractArticles, withText } from '../src/store/contract.ts';
import { makeArticle, type Article } from '../src/model/article.ts';
import { defaultAnalyzer } from '../src/search/analyzer.ts';
import { FTS_TUNING } from '../src/store/query.ts';
import type { SearchQuery } from '../src/store/types.ts';

function searchWith(store: SqliteStore, cap: number, q: SearchQuery) {
  const saved = FTS_TUNING.scored;
  FTS_TUNING.scored = cap;
  try {
    return store.searchSync(q);
  } finally {
    FTS_TUNING.scored = saved;
  }
}

const titleRows = (store: SqliteStore): number[] => store.db.prepare('SELECT rowid FROM article_titles ORDER BY rowid').pluck().all() as number[];

/**
 * Runs `fn` on a fresh store in a temp folder (`dir`), FTS_TUNING restored after it, the
 * store closed and the folder removed.
 */
async function inStore(fn: (store: SqliteStore, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-parts-'));
  const saved = { ...FTS_TUNING };
  const store = openSqliteStore(join(dir, 'm.db'));
  try {
    await fn(store, dir);
  } finally {
    Object.assign(FTS_TUNING, saved);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every part's rowids (a contentless FTS5 table lists them). */
function layout(store: SqliteStore): Map<string, number[]> {
  return new Map(readParts(store.db).map((p) => [p.name, store.db.prepare(`SELECT rowid FROM ${p.name} ORDER BY rowid`).pluck().all() as number[]]));
}

test('the index in parts: each row in its part, a search scoring the newest part, every match of a rare query shown', () =>
  inStore(async (store, dir) => {
    Object.assign(FTS_TUNING, { part: 4, boundFrom: 0 });
    const all = loadContractArticles();
    const headline = all.filter((a) => a.title.includes('جعجع'));
    const body = headline[0]!;
    const others = all.filter((a) => !a.text.includes('جعجع') && !a.title.includes('جعجع'));
    // (every other copy under the outlet whose headline it carries)
    const republished = (k: number): Article => {
      const other = others[k % others.length]!;
      return makeArticle({ ...body, url: `${body.url}?as=${k}`, title: other.title, outlet: k % 2 ? other.outlet : body.outlet });
    };
    // Oldest first: a body-only copy, the two headline articles, twelve body-only copies: seqs 1–15.
    const oldBodyOnly = republished(0);
    const newer = Array.from({ length: 12 }, (_, k) => republished(k + 1));
    const reader = new Database(join(dir, 'm.db'), { readonly: true });
    const readerSearch = new SqliteSearch(reader, defaultAnalyzer);
    for (const a of [oldBodyOnly, ...headline, ...newer]) await store.upsertArticles([a]);

    const parts = readParts(store.db);
    assert.deepEqual(parts.map((p) => p.first), [12, 8, 4, 0], 'a part opens when a new seq passes the newest part’s first by four');
    const rows = layout(store);
    assert.deepEqual([...rows.values()], [[12, 13, 14, 15], [8, 9, 10, 11], [4, 5, 6, 7], [1, 2, 3]]);
    assert.deepEqual(titleRows(store), Array.from({ length: 15 }, (_, k) => k + 1), 'every headline in article_titles');
    for (const [name, seqs] of rows) for (const s of seqs) assert.equal(partOf(parts, s).name, name);

    const q = 'جعجع إيران';
    const exact = searchWith(store, 0, { q, limit: 20 });
    assert.equal(exact.total, 15);
    assert.equal(exact.hits.length, 15, 'every match of every part scored');
    assert.deepEqual(new Set(exact.hits.slice(0, 2).map((h) => h.id)), new Set(headline.map((a) => a.id)));

    // A rare query (fewer than `scored` matches): the newest part's 4 scored, the 11 older
    // listed, the old headline articles first among them; every match shown, the total exact.
    const rare = searchWith(store, 100, { q, limit: 20 });
    assert.equal(rare.total, 15);
    assert.deepEqual(new Set(rare.hits.map((h) => h.id)), new Set(exact.hits.map((h) => h.id)));
    assert.deepEqual(new Set(rare.hits.slice(0, 2).map((h) => h.id)), new Set(headline.map((a) => a.id)), 'the old headline articles rank first');
    assert.ok(rare.hits.some((h) => h.id === oldBodyOnly.id), 'the oldest body-only match is listed');
    // A filter holds in every part and in the headline table: one outlet's copies only.
    const stored = [oldBodyOnly, ...headline, ...newer];
    for (const outlet of ['aawsat', newer[0]!.outlet]) {
      const filtered = searchWith(store, 100, { q, limit: 20, outlet });
      const want = stored.filter((a) => a.outlet === outlet).map((a) => a.id);
      assert.ok(want.length > 1 && want.length < 15);
      assert.deepEqual([new Set(filtered.hits.map((h) => h.id)), filtered.total], [new Set(want), want.length], `only ${outlet}`);
    }
    const rareStories = searchWith(store, 100, { q, limit: 20, collapse: 'story' });
    assert.deepEqual([rareStories.total, rareStories.approximate], [15, undefined], 'every match read: the stories counted, not estimated');

    // Past the bound inside the window (3 of its 4 matches scored): the older headline
    // articles follow, the old body-only copy is not read.
    const bounded = searchWith(store, 3, { q, limit: 20 });
    const ids = bounded.hits.map((h) => h.id);
    // (The total past the matches read is estimated from their density: 3 in seqs 13–15.)
    assert.deepEqual([bounded.total, bounded.approximate], [15, true]);
    assert.deepEqual([rare.approximate, exact.approximate], [undefined, undefined]);
    assert.deepEqual(new Set(ids), new Set([...newer.slice(-3), ...headline].map((a) => a.id)));
    assert.equal(searchWith(store, 3, { q, limit: 20, collapse: 'story' }).approximate, true);

    // More than the bound in all, fewer in the window (6: the 4 scored, the 2 newest older
    // listed, then the older headline matches by the column filter).
    const over = searchWith(store, 6, { q, limit: 20 });
    assert.deepEqual([over.total, over.approximate], [15, true]);
    assert.deepEqual(new Set(over.hits.map((h) => h.id)), new Set([...newer.slice(-6), ...headline].map((a) => a.id)));
    assert.ok(!over.hits.some((h) => h.id === oldBodyOnly.id));

    // An edited old article is re-indexed in its own part: its new words found, its old gone,
    // no second row anywhere.
    const edited = withText(newer[1]!, `${newer[1]!.text} وأعلنت شركة الطيران الكرتونية الجديدة`);
    assert.equal((await store.upsertArticles([edited]))[0]!.status, 'updated');
    assert.deepEqual([...layout(store).values()], [...rows.values()]);
    assert.deepEqual(store.searchSync({ q: 'الكرتونية' }).hits.map((h) => h.id), [edited.id]);
    assert.deepEqual(titleRows(store), Array.from({ length: 15 }, (_, k) => k + 1), 'the edited article’s headline row replaced, not doubled');
    // A reader opened before parts 4, 8 and 12 were sees them.
    assert.equal(readerSearch.search({ q, limit: 20 }).total, 15);
    assert.deepEqual(readerSearch.search({ q: 'الكرتونية' }).hits.map((h) => h.id), [edited.id]);
    reader.close();

    // A reindex writes each row back to its part; the answers are the same.
    assert.equal(store.reindex(), 15);
    assert.deepEqual([...layout(store).values()], [...rows.values()]);
    assert.deepEqual(titleRows(store), Array.from({ length: 15 }, (_, k) => k + 1));
    assert.deepEqual(searchWith(store, 100, { q, limit: 20 }).hits.map((h) => h.id), rare.hits.map((h) => h.id));
  }));

test('a store indexed before the parts keeps its one large part: an edit stays in it, only a new article opens the next', () =>
  inStore(async (store) => {
    const arts = loadContractArticles().slice(0, 10);
    await store.upsertArticles(arts); // one part (FTS_TUNING.part 100,000): seqs 1–10 in article_fts
    Object.assign(FTS_TUNING, { part: 4, boundFrom: 0 });
    const edited = withText(arts[6]!, `${arts[6]!.text} وأعلنت شركة الطيران الكرتونية الجديدة`);
    assert.equal((await store.upsertArticles([edited]))[0]!.status, 'updated');
    assert.deepEqual([...layout(store).entries()], [['article_fts', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]], 'seq 7 is past 0 + 4, but it is not new');
    const fresh = loadContractArticles()[10]!;
    await store.upsertArticles([fresh]);
    assert.deepEqual([...layout(store).entries()], [['article_fts_1', [11]], ['article_fts', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]]);
    assert.deepEqual(store.searchSync({ q: 'الكرتونية' }).hits.map((h) => h.id), [edited.id]);
    assert.equal(store.searchSync({ q: fresh.title }).hits[0]?.id, fresh.id);
  }));

test('a store from before the parts gets its headline table filled when it opens', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-parts-'));
  const path = join(dir, 'm.db');
  try {
    const arts = loadContractArticles().slice(0, 6);
    const first = openSqliteStore(path);
    await first.upsertArticles(arts);
    // Back to schema 034: no parts table, no headline table.
    first.db.exec('DROP TABLE fts_parts; DROP TABLE article_titles; DELETE FROM schema_migrations WHERE version = 35; PRAGMA user_version = 34');
    await first.close();
    const store = openSqliteStore(path);
    try {
      assert.deepEqual(readParts(store.db), [{ first: 0, name: 'article_fts' }]);
      assert.deepEqual(titleRows(store), [1, 2, 3, 4, 5, 6]);
      // Its old headline matches are found there: a bounded search with every word in a headline.
      const saved = { ...FTS_TUNING };
      Object.assign(FTS_TUNING, { scored: 1, boundFrom: 0 });
      try {
        const target = arts[0]!;
        const res = store.searchSync({ q: target.title, limit: 10 });
        assert.ok(res.hits.some((h) => h.id === target.id), 'the oldest article found by its headline past the bound');
      } finally {
        Object.assign(FTS_TUNING, saved);
      }
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
