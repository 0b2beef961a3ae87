/**
 * The pooled import (src/pipeline/pool.ts) gives the same database as the serial pipeline:
 * the same real articles (the SaudiNewsNet test day, test/day.ts) imported serially with
 * `ingest` and through the worker-thread pool — every batch handed over before the first is
 * written, so workers prepare ahead of the writer — into two SQLite files, compared row by
 * row: articles (with their entities, keywords, story and index terms), the full-text
 * index's terms and positions, the entity and keyword index, story entries, edges and
 * stories. Also the case the pool's second "already enriched" check exists for: an article
 * skipped at submission whose stored copy an earlier batch in flight changed. On PostgreSQL
 * (MARSAD_TEST_PG), the same import serially and pooled into two scratch schemas.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Article } from '../src/model/article.ts';
import { ingest } from '../src/pipeline/index.ts';
import { IngestPool } from '../src/pipeline/pool.ts';
import { openStore, type MarsadStore } from '../src/store/index.ts';
import type { UpsertResult } from '../src/store/types.ts';
import { dayArticles } from './day.ts';
import { dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-pool-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const BATCH = 100;
const batches = (as: Article[]): Article[][] => Array.from({ length: Math.ceil(as.length / BATCH) }, (_, i) => as.slice(i * BATCH, (i + 1) * BATCH));

/** Imports the batches one at a time through the serial pipeline. */
async function serial(db: string, bs: Article[][], then?: (s: MarsadStore) => Promise<unknown>): Promise<UpsertResult[][]> {
  const store = await openStore(db);
  const out: UpsertResult[][] = [];
  try {
    for (const b of bs) out.push(await ingest(store, b));
    await then?.(store);
  } finally {
    await store.close();
  }
  return out;
}

/** The batches through a pool of one thread from the first article, all submitted at once (after `serialFirst`, serially). */
async function pooled(
  db: string,
  bs: Article[][],
  serialFirst: Article[][] = [],
  then?: (s: MarsadStore) => Promise<unknown>,
): Promise<{ results: UpsertResult[][]; pooledBatches: number }> {
  const store = await openStore(db);
  const pool = new IngestPool(store, { threads: 1, minArticles: 0 });
  try {
    for (const b of serialFirst) await ingest(store, b);
    const results = await Promise.all(bs.map((b) => pool.ingest(b)));
    await then?.(store);
    return { results, pooledBatches: pool.pooledBatches };
  } finally {
    await pool.close();
    await store.close();
  }
}

/** Everything an import writes that a reader or the grouping uses, keyed by article id (seq numbers aside). */
function snapshot(path: string): Record<string, unknown> {
  const db = new Database(path, { fileMustExist: true });
  try {
    const all = (sql: string): unknown[] => db.prepare(sql).raw().all();
    // The contentless FTS index, read back through fts5vocab: every term at every position.
    db.exec("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, 'article_fts', 'instance')");
    const fts = new Map<string, ReturnType<typeof createHash>>();
    const ids = new Map(db.prepare('SELECT seq, id FROM articles').raw().all() as Array<[number, string]>);
    for (const [doc, term, col, offset] of db.prepare('SELECT doc, term, col, offset FROM temp.fts_terms ORDER BY doc, col, offset').raw().iterate() as Iterable<[number, string, string, number]>) {
      const id = ids.get(doc)!;
      if (!fts.has(id)) fts.set(id, createHash('sha256'));
      fts.get(id)!.update(`${col}:${offset}:${term} `);
    }
    return {
      articles: all(
        `SELECT id, url, canonical_url, content_hash, source_hash, title, text, published_at, outlet, tags, entities, keywords,
                story_id, duplicate_of, title_terms, title_norms FROM articles ORDER BY id`,
      ),
      fts: [...fts].map(([id, h]) => [id, h.digest('hex')]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      entities: all('SELECT id, name, type, norm, article_count, mention_count FROM entities ORDER BY id'),
      articleEntities: all('SELECT a.id, e.id, ae.published, ae.mentions FROM article_entities ae JOIN entities e ON e.eid = ae.ent JOIN articles a ON a.seq = ae.seq ORDER BY 1, 2'),
      entityDaily: all('SELECT e.id, d.day, d.count FROM entity_daily d JOIN entities e ON e.eid = d.ent ORDER BY 1, 2'),
      keywords: all('SELECT a.id, k.kw FROM article_keywords k JOIN articles a ON a.seq = k.seq ORDER BY 1, 2'),
      entries: all('SELECT id, time, outlet, title, exact, shingles, terms, title_terms, lede_terms, entities, story_id, duplicate_of FROM story_entries ORDER BY id'),
      bands: all('SELECT e.id, b.band, b.time FROM story_bands b JOIN story_entries e ON e.eid = b.eid ORDER BY 1, 2'),
      edges: all('SELECT * FROM story_edges ORDER BY 1, 2'),
      stories: all('SELECT id, title, first_seen, last_seen, original_id, original_outlet, outlets, article_count FROM stories ORDER BY id'),
      related: all('SELECT e.id, r.floor, r.list FROM story_related r JOIN story_entries e ON e.eid = r.eid ORDER BY 1'),
    };
  } finally {
    db.close();
  }
}

const articles = (await dayArticles()).slice(0, 600);

test('an import through the worker-thread pool writes what the serial pipeline writes', async () => {
  const a = join(dir, 'serial.db');
  const b = join(dir, 'pooled.db');
  const s = await serial(a, batches(articles));
  const p = await pooled(b, batches(articles));
  assert.equal(p.pooledBatches, Math.ceil(articles.length / BATCH), 'every batch went through the pool');
  assert.deepEqual(p.results, s);
  const want = snapshot(a);
  const got = snapshot(b);
  // The comparison means something: enriched articles, and stories of more than one article.
  const rows = want.articles as unknown[][];
  assert.equal(rows.length, articles.length);
  assert.ok(rows.filter((r) => r[10] !== '[]' && r[10] !== null).length > articles.length / 2, 'most articles have entities');
  assert.ok((want.stories as unknown[][]).some((r) => (r[7] as number) > 1), 'some story has several articles');
  assert.ok((want.fts as unknown[]).length === articles.length, 'every article is in the full-text index');
  for (const k of Object.keys(want)) assert.deepEqual(got[k], want[k], `${k} differ`);
});

test('by default the batches before the first 100 articles and the one reaching them go serially, the rest to the threads; a small import starts none', async () => {
  const some = articles.slice(0, 240);
  const by60 = Array.from({ length: 4 }, (_, i) => some.slice(i * 60, (i + 1) * 60));
  const a = join(dir, 'serial3.db');
  const b = join(dir, 'pooled3.db');
  const s = await serial(a, by60);
  const store = await openStore(b);
  const pool = new IngestPool(store, { threads: 1 });
  try {
    // The second batch reaches 120 articles: it starts the threads and goes serially (they load meanwhile).
    assert.deepEqual(await Promise.all(by60.map((x) => pool.ingest(x))), s);
    assert.equal(pool.pooledBatches, 2, 'batches 3 and 4 went through the threads');
  } finally {
    await pool.close();
    await store.close();
  }
  const want = snapshot(a);
  const got = snapshot(b);
  for (const k of Object.keys(want)) assert.deepEqual(got[k], want[k], `${k} differ`);

  const small = await openStore(join(dir, 'small.db'));
  const few = new IngestPool(small, { threads: 1 });
  try {
    await Promise.all([articles.slice(300, 340), articles.slice(340, 390)].map((x) => few.ingest(x)));
    assert.equal(few.pooledBatches, 0);
    assert.equal(few.started, false, '90 articles never start a thread');
  } finally {
    await few.close();
    await small.close();
  }
});

test('a pooled re-import, and an article changed then restored by batches in flight, match the serial pipeline', async () => {
  const a = join(dir, 'serial2.db');
  const b = join(dir, 'pooled2.db');
  const first = articles.slice(0, 200);
  // Then: the same articles again (skipped at submission, unchanged), a batch of ten of them
  // with a new text, a batch of the same ten restored — all in flight together in the pool,
  // so the restored copies were "already enriched" when submitted but no longer when written.
  const edited = first.slice(0, 10).map((x) => ({ ...x, text: `${x.text}\n\nتحديث: أضيفت هذه الفقرة إلى الخبر.` }));
  const again = [...batches(first), edited, first.slice(0, 10)];
  const s = await serial(a, [...batches(first), ...again]);
  const p = await pooled(b, again, batches(first));
  assert.deepEqual(p.results, s.slice(batches(first).length));
  const statuses = p.results.flat().map((r) => r.status);
  assert.deepEqual(statuses.slice(0, 200), Array(200).fill('unchanged'));
  assert.deepEqual(statuses.slice(200), Array(20).fill('updated'));
  const want = snapshot(a);
  const got = snapshot(b);
  const restored = (got.articles as unknown[][]).filter((r) => first.slice(0, 10).some((x) => x.id === r[0]));
  assert.ok(restored.every((r) => r[10] !== null && r[11] !== null), 'restored articles keep their entities and keywords');
  for (const k of Object.keys(want)) assert.deepEqual(got[k], want[k], `${k} differ`);
});

/** What a reader sees of each article (enrichment and grouping) and of each story, through the store. */
async function readBack(s: MarsadStore, as: Article[]): Promise<unknown> {
  const arts = await Promise.all(as.map(async (a) => {
    const x = (await s.getArticle(a.id))!;
    return [x.id, x.entities, x.keywords, x.storyId, x.duplicateOf];
  }));
  const stories = (await s.listStories({ limit: 1000, offset: 0 })).map((x) => JSON.stringify([x.id, x.title, [...x.articleIds].sort(), x.originalOutlet, x.outlets]));
  return { arts, stories: stories.sort() };
}

test('on PostgreSQL the pooled import stores and groups what the serial pipeline does', { skip: skipPg }, async () => {
  const names = [scratchName(), scratchName()];
  try {
    const some = articles.slice(0, 300);
    let want: unknown;
    let got: unknown;
    const s = await serial(urlFor(names[0]!), batches(some), async (st) => (want = await readBack(st, some)));
    const p = await pooled(urlFor(names[1]!), batches(some), [], async (st) => (got = await readBack(st, some)));
    assert.equal(p.pooledBatches, 3);
    assert.deepEqual(p.results, s);
    assert.ok((want as { stories: string[] }).stories.length > 50);
    assert.deepEqual(got, want);
  } finally {
    await dropSchemas(names);
  }
});
