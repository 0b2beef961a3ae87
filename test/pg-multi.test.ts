/**
 * The scale-out deployment in miniature, as real processes on one PostgreSQL database
 * (a scratch schema): 3 `marsad worker`s and 1 `marsad serve`, ingesting the feed
 * fixtures (src/ingest/feeds/testdata) from a local feed server on 127.0.0.1 (polled as
 * subscribed sources) and a saudinewsnet subset (process-articles jobs). One worker is
 * killed with SIGKILL in the middle of a job. Checked: every article is stored exactly
 * once, the killed worker's job was retried by another and nothing is lost, no two
 * workers hit the feed host at once, the server serves what the workers stored, and the
 * stories are those a single process makes of the same articles.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../src/ingest/index.ts';
import { dayArticles } from './day.ts';
import type { Article } from '../src/model/article.ts';
import { ingest } from '../src/pipeline/index.ts';
import { PROCESS_ARTICLES } from '../src/jobs/definitions.ts';
import { PgBossQueue, bossSchemaFor } from '../src/jobs/pgboss.ts';
import { openMarsadPgStore } from '../src/store/postgres/marsad.ts';
import { openMarsadSqliteStore } from '../src/store/sqlite/marsad.ts';
import { PG_URL, dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';
import { fixtureServer, marsad, type Proc } from './pg-helpers.ts';

const FEEDS = fileURLToPath(new URL('../src/ingest/feeds/testdata/', import.meta.url));
const schema = scratchName();
const dir = mkdtempSync(join(tmpdir(), 'marsad-pg-multi-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas([schema, bossSchemaFor(schema)]);
});

const TYPES: Record<string, string> = { '.xml': 'application/xml', '.json': 'application/feed+json' };

async function withText(n: number): Promise<Article[]> {
  return (await dayArticles()).filter((a) => a.text).slice(0, n);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('3 workers + 1 server on one database; a worker SIGKILLed mid-job loses nothing', { skip: skipPg, timeout: 300_000 }, async () => {
  const db = urlFor(schema);
  const migrate = marsad(['migrate', '--db', db]);
  assert.equal((await migrate.exited).code, 0, migrate.out());

  // The feed server: every fixture feed, 100 ms per response.
  const routes = new Map<string, { body: Buffer; type: string }>();
  for (const f of readdirSync(FEEDS).filter((f) => /\.(xml|json)$/.test(f) && !f.endsWith('.expected.json'))) {
    routes.set(`/${f}`, { body: readFileSync(join(FEEDS, f)), type: TYPES[f.slice(f.lastIndexOf('.'))]! });
  }
  const srv = await fixtureServer(routes, 100);
  const feedArticles: Article[] = [];
  for (const [path, r] of routes) {
    const url = `http://127.0.0.1:${srv.port}${path}`;
    feedArticles.push(...(await parseDocument({ name: url, bytes: r.body, contentType: r.type, url })).articles);
  }
  const day = await withText(160);
  assert.equal(day.length, 160);
  const expected = new Set([...feedArticles, ...day].map((a) => a.id));

  const store = await openMarsadPgStore(db);
  const queue = new PgBossQueue({ url: PG_URL, schema: bossSchemaFor(schema), maxTimeoutSec: 8 });
  const procs: Proc[] = [];
  try {
    for (const path of routes.keys()) await store.addSource({ url: `http://127.0.0.1:${srv.port}${path}`, title: null });
    for (let i = 0; i < day.length; i += 20) {
      assert.ok(await queue.send(PROCESS_ARTICLES, { name: `day-${i}`, articles: day.slice(i, i + 20) as unknown as Array<Record<string, unknown>> }));
    }
    const server = marsad(['serve', '--db', db, '--port', '0', '--no-sample', '--no-poll']);
    procs.push(server);
    const workerArgs = ['worker', '--db', db, '--concurrency', '2', '--poll-sec', '0.5', '--maintenance-sec', '1', '--tick-sec', '2', '--min-delay-ms', '0', '--job-timeout-sec', '8'];
    for (let i = 0; i < 3; i++) procs.push(marsad(workerArgs));
    const [, victim] = procs.slice(0, 2) as [Proc, Proc];
    await victim.waitFor(/"job":"process-articles"[^\n]*"msg":"job start"/, 40_000);
    victim.child.kill('SIGKILL');
    assert.equal((await victim.exited).signal, 'SIGKILL');

    // Wait until every job is done and every source polled (a liveness bound, generous for a
    // loaded 2-core machine: the killed job is retried only after its 8 s timeout).
    const boss = `"${bossSchemaFor(schema)}"`;
    const t0 = Date.now();
    for (;;) {
      const r = await store.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${boss}.job WHERE name = $1 AND state = 'completed'`, [PROCESS_ARTICLES.name]);
      const polled = (await store.listSources()).filter((s) => s.status !== null).length;
      if (r.rows[0]!.n === Math.ceil(day.length / 20) && polled === routes.size) break;
      assert.ok(Date.now() - t0 < 180_000, `timed out: ${r.rows[0]!.n} jobs done, ${polled} sources polled`);
      await sleep(500);
    }
    await sleep(1000); // the last grouping commits after its job is marked done

    // Every article exactly once.
    const rows = (await store.pool.query<{ id: string }>('SELECT id FROM articles')).rows.map((r) => r.id);
    assert.equal(rows.length, new Set(rows).size);
    assert.deepEqual(new Set(rows), expected);
    // The killed worker's job was retried by the others.
    const retried = await store.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${boss}.job WHERE name = $1 AND retry_count > 0`, [PROCESS_ARTICLES.name]);
    assert.ok(retried.rows[0]!.n >= 1, 'a job of the killed worker was retried');
    // Politeness across workers: one request at a time to the feed host.
    assert.equal(srv.maxConcurrent.get(`127.0.0.1:${srv.port}`), 1);
    assert.ok((await store.listSources()).every((s) => s.status === 'ok'), JSON.stringify(await store.listSources()));
    // Every article grouped exactly once.
    const entries = await store.pool.query<{ n: number; u: number }>('SELECT count(*)::int AS n, count(DISTINCT id)::int AS u FROM story_entries');
    assert.deepEqual([entries.rows[0]!.n, entries.rows[0]!.u], [expected.size, expected.size]);

    // The server process serves what the workers stored.
    const port = Number(/http:\/\/127\.0\.0\.1:(\d+)\//.exec(await server.waitFor(/Marsad is serving[^\n]*/))![1]);
    const api = (await (await fetch(`http://127.0.0.1:${port}/api/v1/search?q=${encodeURIComponent(day[0]!.title)}&limit=5`)).json()) as { results: Array<{ id: string }> };
    assert.ok(api.results.some((h) => h.id === day[0]!.id), JSON.stringify(api).slice(0, 300));

    // The same stories as one process ingesting the same articles (SQLite, embedded). The
    // grouping does not depend on arrival order (docs/STORIES.md), so any order would do;
    // the workers' order of entries is replayed.
    const single = openMarsadSqliteStore(join(dir, 'single.db'));
    try {
      const order = (await store.pool.query<{ id: string }>('SELECT id FROM story_entries ORDER BY eid')).rows.map((r) => r.id);
      const fetched = await store.getArticles(order);
      const strip = (a: Article): Article => {
        const { entities: _e, keywords: _k, storyId: _s, duplicateOf: _d, ...rest } = a;
        return rest;
      };
      await ingest(single, fetched.map(strip));
      const shape = async (s: { listStories(o: { limit: number }): Promise<Array<{ articleIds: string[] }>> }) =>
        (await s.listStories({ limit: 1000 })).map((x) => [...x.articleIds].sort().join(',')).sort();
      const [mine, theirs] = [await shape(store), await shape(single)];
      assert.ok(mine.length > 60);
      assert.deepEqual(mine, theirs);
    } finally {
      await single.close();
    }
  } finally {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await queue.stop(1000);
    await store.close();
    await srv.close();
  }
});
