/**
 * The SQLite search's candidates (src/store/sqlite/search.ts): the best matches by BM25 and
 * their headline terms come from one statement; BM25 ties go by seq (arrival order), so
 * copies of one article (wire copies, republished items) rank in the order they arrived on
 * every page, and `total` counts every match, not only the candidates read.
 * Articles: the store contract's real ones (src/store/testdata/articles.json), the first
 * republished under other URLs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { loadContractArticles } from '../src/store/contract.ts';
import { makeArticle } from '../src/model/article.ts';
import { parseQuery } from '../src/search/query.ts';
import { ftsExpression } from '../src/store/sqlite/search.ts';
import { defaultAnalyzer } from '../src/search/analyzer.ts';

test('copies of an article tie in BM25 and rank by arrival on every page; total counts every match', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-candidates-'));
  const store = openSqliteStore(join(dir, 'm.db'));
  try {
    const all = loadContractArticles();
    const original = all[0]!;
    // Republished copies: same headline and text under other URLs, arriving one by one
    // after the others (the store may group them; each stays an article of its own).
    const copies = [1, 2, 3, 4, 5].map((k) => {
      const { id: _id, ...rest } = original;
      return makeArticle({ ...rest, url: `${original.url}?copy=${k}` });
    });
    await store.upsertArticles(all);
    for (const c of copies) await store.upsertArticles([c]);
    const q = 'مجلس الأمن الاتفاق النووي';
    const seqOf = store.db.prepare('SELECT seq FROM articles WHERE id = ?').pluck();
    const full = store.searchSync({ q, limit: 20 });
    const ids = [original.id, ...copies.map((c) => c.id)];
    const found = full.hits.filter((h) => ids.includes(h.id));
    assert.equal(found.length, 6, 'the original and its five copies all match');
    // Equal scores, and in the order they arrived (seq), one after another.
    assert.equal(new Set(found.map((h) => h.score)).size, 1);
    assert.deepEqual(found.map((h) => h.id), [...ids].sort((a, b) => (seqOf.get(a) as number) - (seqOf.get(b) as number)));
    const at = full.hits.findIndex((h) => h.id === found[0]!.id);
    assert.deepEqual(full.hits.slice(at, at + 6).map((h) => h.id), found.map((h) => h.id));
    // Pages cut through the tied copies and still add up to the same list.
    const paged = [];
    for (let offset = 0; offset < full.hits.length; offset += 2) paged.push(...store.searchSync({ q, limit: 2, offset }).hits);
    assert.deepEqual(paged.map((h) => h.id), full.hits.map((h) => h.id));
    // total: every article matching, as FTS5 counts them.
    const match = ftsExpression(parseQuery(q, defaultAnalyzer));
    assert.equal(full.total, store.db.prepare('SELECT count(*) FROM article_fts WHERE article_fts MATCH ?').pluck().get(match));
    const one = store.searchSync({ q, limit: 1 });
    assert.equal(one.total, full.total);
    assert.deepEqual(one.hits[0], full.hits[0]);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a full top (more matches than candidates): total still counts every match, the top is the best by BM25 then seq', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-candidates-'));
  const store = openSqliteStore(join(dir, 'm.db'));
  try {
    const original = loadContractArticles()[0]!;
    const { id: _id, ...rest } = original;
    // 130 copies (more than the 100 candidates): the same words, some with a longer text
    // (a lower BM25), so the top is cut by score and by arrival among ties.
    const copies = Array.from({ length: 130 }, (_, k) => makeArticle({ ...rest, url: `${original.url}?full=${k}`, text: k % 3 ? rest.text : `${rest.text} ${rest.text}` }));
    for (let i = 0; i < copies.length; i += 20) await store.upsertArticles(copies.slice(i, i + 20));
    const q = 'مجلس الأمن الاتفاق النووي';
    const match = ftsExpression(parseQuery(q, defaultAnalyzer));
    const matching = store.db.prepare('SELECT count(*) FROM article_fts WHERE article_fts MATCH ?').pluck().get(match) as number;
    assert.ok(matching >= 130, `${matching} matches`);
    const r = store.searchSync({ q, limit: 100 });
    assert.equal(r.total, matching);
    assert.equal(r.hits.length, 100);
    // The 100 read are the best 100 by BM25 (ties by seq), as SQLite orders every match.
    const best = store.db.prepare('SELECT a.id FROM article_fts JOIN articles a ON a.seq = article_fts.rowid WHERE article_fts MATCH ? ORDER BY bm25(article_fts, 4, 1), article_fts.rowid LIMIT 100').pluck().all(match) as string[];
    assert.deepEqual(new Set(r.hits.map((h) => h.id)), new Set(best));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
