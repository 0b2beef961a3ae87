/**
 * The pg-boss queue, cross-worker host politeness and `marsad worker` against a real
 * PostgreSQL (scratch schemas): keyed deduplication, retries with backoff, declared queue
 * options, at most one request per host across two workers, `marsad migrate`, and a
 * worker that finishes its in-flight job on SIGTERM and exits 0.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FETCH_PAGE, POLL_SOURCE, PROCESS_ARTICLES } from '../src/jobs/definitions.ts';
import { PgHostLocks } from '../src/jobs/locks.ts';
import type { JobDef } from '../src/jobs/types.ts';
import { z } from 'zod';
import { PgBossQueue, bossSchemaFor } from '../src/jobs/pgboss.ts';
import { openMarsadPgStore } from '../src/store/postgres/marsad.ts';
import { PG_URL, dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';
import { fixtureServer, marsad } from './pg-helpers.ts';

const flakySchema = z.object({ k: z.string() });
const base = scratchName();
const schemas: string[] = [];
const fresh = (): string => {
  const s = `${base}_${schemas.length}`;
  schemas.push(s, bossSchemaFor(s));
  return s;
};
after(() => dropSchemas(schemas));

test('pg-boss queue: declared once per job, keyed dedup, retries with backoff', { skip: skipPg }, async () => {
  const schema = fresh();
  const q = new PgBossQueue({ url: PG_URL, schema: bossSchemaFor(schema), pollingIntervalSeconds: 0.5 });
  try {
    const payload = { name: 'batch-1', articles: [] };
    const id = await q.send(PROCESS_ARTICLES, payload);
    assert.ok(id);
    assert.equal(await q.send(PROCESS_ARTICLES, payload), null, 'the same key while queued is one job');
    assert.ok(await q.send(PROCESS_ARTICLES, { name: 'batch-2', articles: [] }));
    const declared = await q.boss.getQueue(PROCESS_ARTICLES.name);
    assert.equal(declared?.retryLimit, PROCESS_ARTICLES.retry.limit);
    assert.equal(declared?.retryDelay, PROCESS_ARTICLES.retry.delaySec);
    assert.equal(declared?.retryBackoff, true);
    assert.equal(declared?.expireInSeconds, PROCESS_ARTICLES.timeoutSec);
    assert.equal(declared?.policy, 'stately');
    await assert.rejects(q.send(FETCH_PAGE, { url: 'not a url' }), /url/i);

    // A failing job is retried (with pg-boss's backoff), then succeeds; attempts are counted.
    const FLAKY: JobDef<typeof flakySchema> = { name: 'test-flaky', schema: flakySchema, retry: { limit: 2, delaySec: 1 }, key: (p) => p.k, timeoutSec: 30 };
    assert.ok(await q.send(FLAKY, { k: 'a' }));
    assert.ok(await q.send(FLAKY, { k: 'b' }));
    const attempts = new Map<string, number[]>();
    await q.work(
      FLAKY,
      async (p, ctx) => {
        attempts.set(p.k, [...(attempts.get(p.k) ?? []), ctx.attempt]);
        if (p.k === 'a' && ctx.attempt === 0) throw new Error('transient');
      },
      { concurrency: 2 },
    );
    const t0 = Date.now();
    while ((await q.depth())[FLAKY.name] !== 0 && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(attempts.get('a'), [0, 1]);
    assert.deepEqual(attempts.get('b'), [0]);
    assert.equal((await q.depth())[FLAKY.name], 0);
  } finally {
    await q.stop(2000);
  }
});

test('processes starting together declare the same queues at once without a deadlock', { skip: skipPg }, async () => {
  // pg-boss 10 creates each queue's partition with DDL on its job table: four processes
  // declaring three queues at the same moment deadlock in PostgreSQL (40P01) unless the
  // aborted one tries again — what `marsad worker`s started together do.
  const schema = bossSchemaFor(fresh());
  const first = new PgBossQueue({ url: PG_URL, schema });
  await first.start();
  const queues = Array.from({ length: 4 }, () => new PgBossQueue({ url: PG_URL, schema }));
  try {
    await Promise.all(queues.map((q) => q.start()));
    const sends = queues.flatMap((q, i) => [
      () => q.send(POLL_SOURCE, { sourceId: `s${i}`, url: `http://127.0.0.1/${i}` }),
      () => q.send(FETCH_PAGE, { url: `http://127.0.0.1/page/${i}` }),
      () => q.send(PROCESS_ARTICLES, { name: `batch-${i}`, articles: [] }),
    ].map((_, j, all) => all[(i + j) % 3]!()));
    const results = await Promise.allSettled(sends);
    assert.deepEqual(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)), []);
    for (const def of [POLL_SOURCE, FETCH_PAGE, PROCESS_ARTICLES]) {
      assert.equal((await first.boss.getQueue(def.name))?.policy, 'stately', `${def.name} declared`);
      assert.equal(await first.boss.getQueueSize(def.name), 4, `every process's ${def.name} job is queued`);
    }
  } finally {
    for (const q of [first, ...queues]) await q.stop(100);
  }
});

test('host politeness holds across two workers: one request per host at a time', { skip: skipPg }, async () => {
  const schema = fresh();
  const stores = [await openMarsadPgStore(urlFor(schema)), await openMarsadPgStore(urlFor(schema))];
  const srv = await fixtureServer(new Map([['/x', { body: Buffer.from('ok'), type: 'text/plain' }]]), 150);
  try {
    const locks = stores.map((s) => new PgHostLocks(s.pool, { minDelayMs: 50 }));
    const get = (host: string, i: number) => () => fetch(`http://${host}:${srv.port}/x?i=${i}`).then((r) => r.text());
    const t0 = Date.now();
    const jobs: Array<Promise<string>> = [];
    for (let i = 0; i < 4; i++) {
      for (const [w, l] of locks.entries()) jobs.push(l.run(`http://127.0.0.1:${srv.port}/x`, get('127.0.0.1', i * 2 + w)));
      jobs.push(locks[i % 2]!.run(`http://localhost:${srv.port}/x`, get('localhost', i)));
    }
    await Promise.all(jobs);
    assert.equal(srv.maxConcurrent.get(`127.0.0.1:${srv.port}`), 1);
    assert.equal(srv.maxConcurrent.get(`localhost:${srv.port}`), 1);
    // 8 requests to one host, 150 ms each + 50 ms pauses: serialized, not parallel.
    assert.ok(Date.now() - t0 >= 8 * 150 + 7 * 50 - 20, `${Date.now() - t0} ms`);
    const visits = await stores[0]!.pool.query<{ host: string }>('SELECT host FROM host_visits ORDER BY host');
    assert.deepEqual(visits.rows.map((r) => r.host), [`127.0.0.1:${srv.port}`, `localhost:${srv.port}`]);
  } finally {
    await srv.close();
    for (const s of stores) await s.close();
  }
});

test('marsad migrate, then a worker that finishes its in-flight job on SIGTERM and exits 0', { skip: skipPg, timeout: 90_000 }, async () => {
  const schema = fresh();
  const db = urlFor(schema);
  const m = marsad(['migrate', '--db', db]);
  assert.equal((await m.exited).code, 0, m.out());
  assert.match(m.out(), /applied 001, 002, 010, 011, 012/);
  const m2 = marsad(['migrate', '--db', db]);
  assert.equal((await m2.exited).code, 0, m2.out());
  assert.match(m2.out(), /up to date/);

  const atom = readFileSync(new URL('../src/ingest/feeds/testdata/atom.xml', import.meta.url));
  const srv = await fixtureServer(new Map([['/atom.xml', { body: atom, type: 'application/atom+xml' }]]), 2500);
  const w = marsad(['worker', '--db', db, '--concurrency', '1', '--no-scheduler', '--poll-sec', '0.5', '--min-delay-ms', '0']);
  const q = new PgBossQueue({ url: PG_URL, schema: bossSchemaFor(schema) });
  const store = await openMarsadPgStore(db);
  try {
    await w.waitFor(/worker ready/);
    await q.send(FETCH_PAGE, { url: `http://127.0.0.1:${srv.port}/atom.xml`, via: null });
    await w.waitFor(/"job":"fetch-page"[^\n]*"job start"|job start[^\n]*fetch-page/);
    while (srv.requests.length === 0) await new Promise((r) => setTimeout(r, 50));
    w.child.kill('SIGTERM'); // the page is still being served (2.5 s)
    const exit = await w.exited;
    assert.equal(exit.code, 0, w.out());
    assert.match(w.out(), /"job":"fetch-page"[^\n]*"outcome":"ok"/);
    assert.ok((await store.countArticles()) > 0, 'the in-flight job stored its articles before the worker exited');
    const states = await store.pool.query<{ state: string }>(`SELECT state FROM "${bossSchemaFor(schema)}".job WHERE name = $1`, [FETCH_PAGE.name]);
    assert.deepEqual(states.rows.map((r) => r.state), ['completed']);
  } finally {
    if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await q.stop(1000);
    await store.close();
    await srv.close();
  }
});

