/**
 * Re-ranking reads its candidates' headline terms from the covering index articles_seq_rank
 * (migration 031), never the article row whose body spills to overflow pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { loadContractArticles } from '../src/store/contract.ts';

test('the headline columns the re-ranker reads are covered by articles_seq_rank, and searches read them from it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-rank-index-'));
  const store = openSqliteStore(join(dir, 'm.db'));
  try {
    await store.upsertArticles(loadContractArticles());
    const db = store.db;
    const plan = (sql: string): string => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    // The shapes search.ts reads candidates with (one per article, and the story path's lookup).
    assert.match(plan('SELECT r.title_terms, r.title_norms, r.published_at FROM article_fts JOIN articles r INDEXED BY articles_seq_rank ON r.seq = article_fts.rowid WHERE article_fts MATCH \'x\''), /COVERING INDEX articles_seq_rank/);
    assert.match(plan('SELECT seq, title_terms, title_norms, published_at FROM articles INDEXED BY articles_seq_rank WHERE seq IN (SELECT value FROM json_each(\'[1]\'))'), /COVERING INDEX articles_seq_rank/);
    // A search reads the index's values: the headline evidence still ranks the headline match first.
    const r = store.searchSync({ q: 'وزير الخارجية', limit: 3 });
    assert.ok(r.hits.length > 0 && r.hits[0]!.title.includes('وزير الخارجية'), r.hits[0]?.title);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
