/**
 * The one writer (SQLite) stores and groups a batch in one transaction (src/pipeline/write.ts):
 * another connection never sees the batch's articles stored but not grouped — not between the
 * upsert and the grouping — and after the call sees every one of them grouped. Real articles
 * (the SaudiNewsNet sample), a second connection on the same file as a reader would open.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseDocument } from '../src/ingest/index.ts';
import { ingest } from '../src/pipeline/index.ts';
import { openMarsadSqliteStore } from '../src/store/sqlite/marsad.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-one-commit-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLE = new URL('../src/ingest/json/testdata/saudinewsnet-sample.json', import.meta.url);

test('a batch is stored and grouped in one commit: no other connection sees it ungrouped', async () => {
  const { articles } = await parseDocument({ name: 'saudinewsnet-sample.json', bytes: readFileSync(SAMPLE) });
  assert.ok(articles.length >= 5);
  const file = join(dir, 'one.db');
  const store = openMarsadSqliteStore(file);
  const reader = new Database(file, { readonly: true });
  const seen = (): { stored: number; ungrouped: number } =>
    reader.prepare('SELECT count(*) AS stored, count(*) FILTER (WHERE story_id IS NULL) AS ungrouped FROM articles').get() as { stored: number; ungrouped: number };
  // What another connection sees right after the upsert returns, and when the grouping starts.
  const views: Array<{ stored: number; ungrouped: number }> = [];
  const upsert = store.upsertArticles.bind(store);
  store.upsertArticles = async (as) => {
    const r = await upsert(as);
    views.push(seen());
    return r;
  };
  const ungrouped = store.ungrouped.bind(store);
  store.ungrouped = (...args) => {
    views.push(seen());
    return ungrouped(...args);
  };
  try {
    const first = articles.slice(0, 3);
    await ingest(store, first);
    await ingest(store, articles.slice(3));
    assert.ok(views.length >= 4);
    for (const v of views) assert.equal(v.ungrouped, 0, `another connection saw ${v.ungrouped} stored article(s) without a story`);
    // Before the first batch committed nothing was visible; after both, everything, grouped.
    assert.equal(views[0]!.stored, 0);
    assert.deepEqual(seen(), { stored: articles.length, ungrouped: 0 });
  } finally {
    reader.close();
    await store.close();
  }
});
