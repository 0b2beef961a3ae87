/**
 * Group commit in the pooled import (src/pipeline/pool.ts, SQLite): batches the writer stores
 * back to back share one transaction, each a savepoint. Real articles (the SaudiNewsNet test
 * day, test/day.ts), a real SQLite file and a second connection on it as a reader would open:
 * - a group's batches become visible together, at its commit, never one by one;
 * - a batch that fails inside a group is rolled back alone, the others are committed;
 * - the stories are those of the serial pipeline (one transaction per batch);
 * - when the last submitted batch returns, everything is committed (nothing waits for close);
 * - a group that cannot begin (another connection holds the write lock past the busy timeout)
 *   fails its batch, and the next batch goes in.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Article } from '../src/model/article.ts';
import { ingest } from '../src/pipeline/index.ts';
import { IngestPool } from '../src/pipeline/pool.ts';
import { serialized } from '../src/pipeline/write.ts';
import { openStore, type MarsadStore } from '../src/store/index.ts';
import { dayArticles } from './day.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-group-commit-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const articles = (await dayArticles()).slice(0, 200);
const batches = Array.from({ length: 4 }, (_, i) => articles.slice(i * 50, (i + 1) * 50));

/** Stories as sets of article ids, read by another connection. */
function stories(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT group_concat(id, ' ') FROM (SELECT id, story_id FROM articles ORDER BY id) GROUP BY story_id").pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

/**
 * The batches through a pool of one thread, with the writer held until the worker has
 * prepared every batch (so they are written back to back); `fail` makes the upsert of that
 * batch (0-based) throw. Returns what a reader saw after each batch was grouped, and after.
 */
async function grouped(path: string, fail = -1): Promise<{ views: number[]; results: PromiseSettledResult<unknown>[]; after: number }> {
  const store = await openStore(path);
  const reader = new Database(path, { readonly: true });
  const count = () => reader.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  const views: number[] = [];
  const pool = new IngestPool(store, { threads: 1, minArticles: 0, groupMs: 600_000, onGrouped: () => views.push(count()) });
  try {
    let calls = 0;
    const upsert = store.upsertArticles.bind(store);
    store.upsertArticles = async (as: Article[]) => {
      if (calls++ === fail) throw new Error('disk full (test)');
      return upsert(as);
    };
    let release!: () => void;
    void serialized(store, () => new Promise<void>((r) => (release = r)));
    const pending = batches.map((b) => pool.ingest(b));
    // The worker has prepared every batch when piscina has completed them all.
    const piscina = () => (pool as unknown as { pool: { completed: number } | null }).pool;
    for (let i = 0; i < 6000 && (piscina()?.completed ?? 0) < batches.length; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(piscina()?.completed, batches.length, 'the worker prepared every batch');
    release();
    const results = await Promise.allSettled(pending);
    return { views, results, after: count() };
  } finally {
    await pool.close();
    await store.close();
    reader.close();
  }
}

test("a group's batches become visible together at its commit, with the serial pipeline's stories", async () => {
  const path = join(dir, 'group.db');
  const g = await grouped(path);
  assert.deepEqual(g.results.map((r) => r.status), ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
  // Each batch grouped inside the open transaction: the reader saw none of them.
  assert.deepEqual(g.views, [0, 0, 0, 0]);
  // The last batch returned after the commit: everything is there before close.
  assert.equal(g.after, 200);
  const serialPath = join(dir, 'serial.db');
  const s: MarsadStore = await openStore(serialPath);
  try {
    for (const b of batches) await ingest(s, b);
  } finally {
    await s.close();
  }
  const want = stories(serialPath);
  assert.ok(want.some((x) => x.includes(' ')), 'some story has several articles');
  assert.deepEqual(stories(path), want);
});

test('a batch that fails inside a group is rolled back alone; the others are committed', async () => {
  const path = join(dir, 'fail.db');
  const g = await grouped(path, 2);
  assert.deepEqual(g.results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  assert.match(String((g.results[2] as PromiseRejectedResult).reason), /disk full \(test\)/);
  assert.deepEqual(g.views, [0, 0, 0]);
  assert.equal(g.after, 150);
  const db = new Database(path, { readonly: true });
  try {
    const ids = new Set(db.prepare('SELECT id FROM articles WHERE story_id IS NOT NULL').pluck().all() as string[]);
    assert.equal(ids.size, 150, 'every stored article is grouped');
    assert.ok(batches[2]!.every((a) => !ids.has(a.id)), 'nothing of the failed batch');
    assert.ok([0, 1, 3].every((i) => batches[i]!.every((a) => ids.has(a.id))), 'all of the others');
  } finally {
    db.close();
  }
});

test('a group that cannot begin (another connection holds the write lock) fails its batch; the next batch goes in', async () => {
  const path = join(dir, 'busy.db');
  const store = (await openStore(path)) as MarsadStore & { db: Database.Database };
  store.db.pragma('busy_timeout = 50');
  const other = new Database(path);
  const pool = new IngestPool(store, { threads: 1, minArticles: 0 });
  try {
    other.exec('BEGIN IMMEDIATE');
    await assert.rejects(pool.ingest(batches[0]!), /database is locked|SQLITE_BUSY/);
    other.exec('ROLLBACK');
    const r = await pool.ingest(batches[1]!);
    assert.equal(r.filter((x) => x.status === 'added').length, 50);
    assert.equal(other.prepare('SELECT count(*) FROM articles WHERE story_id IS NOT NULL').pluck().get(), 50);
  } finally {
    await pool.close();
    await store.close();
    other.close();
  }
});
