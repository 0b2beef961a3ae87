/**
 * Stories do not depend on arrival order (issue 10), through the real pipeline and stores:
 * the same real SaudiNewsNet articles ingested in three shuffled orders, in batches, give
 * every article the same story, the same duplicateOf and every story the same original —
 * on SQLite, and on PostgreSQL with one process and with two workers ingesting interleaved
 * halves at the same time. The invariant comes from src/stories/stable.ts (edges are pure
 * functions of their two articles; a story is a pure function of its component).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayArticles } from './day.ts';
import type { Article } from '../src/model/article.ts';
import { ingest } from '../src/pipeline/index.ts';
import { openMarsadSqliteStore } from '../src/store/sqlite/marsad.ts';
import { openMarsadPgStore } from '../src/store/postgres/marsad.ts';
import { dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';
import { shuffled } from '../bench/rng.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-order-'));
const base = scratchName();
const schemas: string[] = [];
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas(schemas);
});

/** The day's articles in the hours with the most wire traffic: the first N by date. */
async function load(n: number): Promise<Article[]> {
  return (await dayArticles()).sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || (a.id < b.id ? -1 : 1)).slice(0, n);
}


interface Grouping {
  /** article id → [storyId, duplicateOf] */
  articles: Map<string, string>;
  /** story id → its original (earliest article), original outlet, title and size */
  originals: Map<string, string>;
}

type Store = {
  getArticles(ids: string[]): Promise<Article[]>;
  getStory(id: string): Promise<{ articleIds: string[]; originalOutlet: string | null; title: string } | null>;
};

async function grouping(store: Store, ids: string[]): Promise<Grouping> {
  const got = await store.getArticles(ids);
  assert.equal(got.length, ids.length, 'every article stored');
  const articles = new Map(got.map((a) => [a.id, `${a.storyId} ${a.duplicateOf}`]));
  const originals = new Map<string, string>();
  for (const a of got) {
    assert.ok(a.storyId, `${a.id} grouped`);
    if (originals.has(a.storyId!)) continue;
    const st = (await store.getStory(a.storyId!))!;
    originals.set(a.storyId!, `${st.articleIds[0]} ${st.originalOutlet} ${st.articleIds.length} ${st.title}`);
  }
  return { articles, originals };
}

function assertSame(a: Grouping, b: Grouping, what: string): void {
  const diff = [...a.articles].filter(([id, g]) => b.articles.get(id) !== g);
  assert.equal(diff.length, 0, `${what}: ${diff.length} articles differ, e.g. ${diff.slice(0, 3).map(([id, g]) => `${id}: ${g} vs ${b.articles.get(id)}`).join('; ')}`);
  assert.deepEqual([...a.originals].sort(), [...b.originals].sort(), `${what}: originals`);
}

/** The grouping is not trivial: wire copies and multi-article stories are in the sample. */
function assertNonTrivial(g: Grouping): void {
  const sizes = new Map<string, number>();
  let dups = 0;
  for (const v of g.articles.values()) {
    const [story, dup] = v.split(' ');
    sizes.set(story!, (sizes.get(story!) ?? 0) + 1);
    if (dup !== 'null') dups++;
  }
  const multi = [...sizes.values()].filter((n) => n > 1).length;
  assert.ok(multi >= 15, `at least 15 multi-article stories (got ${multi})`);
  assert.ok(dups >= 15, `at least 15 duplicates (got ${dups})`);
}

const articles = await load(600);
const ids = articles.map((a) => a.id);
const ORDERS = [1, 2, 3].map((seed) => shuffled(articles, seed));

async function ingestAll(store: Parameters<typeof ingest>[0], list: Article[]): Promise<void> {
  for (let i = 0; i < list.length; i += 100) await ingest(store, list.slice(i, i + 100));
}

test('SQLite: three arrival orders give the same stories, duplicates and originals', async () => {
  const results: Grouping[] = [];
  for (const [k, order] of ORDERS.entries()) {
    const store = openMarsadSqliteStore(join(dir, `order-${k}.db`));
    try {
      await ingestAll(store, order);
      results.push(await grouping(store, ids));
    } finally {
      await store.close();
    }
  }
  assertNonTrivial(results[0]!);
  assertSame(results[0]!, results[1]!, 'order 1 vs 2');
  assertSame(results[0]!, results[2]!, 'order 1 vs 3');
});

test('PostgreSQL: one process and two concurrent workers give the same stories as each other and as SQLite', { skip: skipPg }, async () => {
  const url = (k: number) => {
    const s = `${base}_${k}`;
    schemas.push(s);
    return urlFor(s);
  };
  const one = await openMarsadPgStore(url(0));
  let single: Grouping;
  try {
    await ingestAll(one, ORDERS[0]!);
    single = await grouping(one, ids);
  } finally {
    await one.close();
  }
  const u = url(1);
  const workers = [await openMarsadPgStore(u), await openMarsadPgStore(u)];
  let parallel: Grouping;
  try {
    const order = ORDERS[1]!;
    await Promise.all(workers.map((w, k) => ingestAll(w, order.filter((_, i) => i % 2 === k))));
    // A worker groups whatever is stored and ungrouped: a last pass picks up anything the other was storing meanwhile.
    await ingest(workers[0]!, []);
    parallel = await grouping(workers[0]!, ids);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
  assertNonTrivial(single);
  assertSame(single, parallel, '1 process vs 2 workers');
  const lite = openMarsadSqliteStore(join(dir, 'pg-compare.db'));
  try {
    await ingestAll(lite, ORDERS[2]!);
    assertSame(single, await grouping(lite, ids), 'PostgreSQL vs SQLite');
  } finally {
    await lite.close();
  }
});
