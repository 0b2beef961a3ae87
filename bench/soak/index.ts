/**
 * Soak (issue 13): `marsad serve` (a real process, empty database: it imports the sample)
 * polls 200 local feeds that change every minute — some slow, some failing, some
 * redirecting (bench/soak/farm.ts, its own process) — while 20 connections of reader
 * traffic (autocannon, this process) walk the pages, feeds and API for --minutes.
 *
 * Measured: RSS (and its anon/file parts, /proc) and event-loop delay (the server's
 * `monitorEventLoopDelay`, admin-only GET /api/v1/metrics) every --sample-sec; the total
 * delay histogram is restarted when the warm-up ends. Reported against the targets: RSS
 * growth after warm-up ≤ 10 %, zero 5xx (reader answers and the server's error lines),
 * event-loop delay p99 ≤ 50 ms, and every item a feed served stored exactly once (after
 * the load, publishing stops and the bench waits until every working feed was fetched at
 * its final version, then compares the farm's record with the database).
 *
 * Run: `nice npm run bench:soak -- [--minutes 30 --feeds 200 --sites 20 --connections 20
 *       --warmup 5 --sample-sec 10 --interval-sec 60 --json out.json]`. Reads the corpus
 * (../shared/corpus/saudinewsnet) for item texts; everything else is made here, on loopback.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from '../rng.ts';
import type { FarmConfig, FarmReport, Kind } from './farm.ts';
import { memoryOf, startServe, storedItems, subscribe } from './serve.ts';
import { summarize, type Sample } from './report.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const num = (name: string, dflt: number): number => {
  const v = Number(arg(name) ?? dflt);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name}: not a number ≥ 0`);
  return v;
};
const MINUTES = num('--minutes', 30);
const WARMUP = num('--warmup', Math.min(5, MINUTES / 6));
const SAMPLE_SEC = num('--sample-sec', 10);
const CONNECTIONS = num('--connections', 20);
const log = (s: string) => process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Autocannon {
  (o: { url: string; connections: number; duration: number; timeout: number; requests: Array<{ setupRequest: (r: Record<string, unknown>) => Record<string, unknown> }> }, cb: (err: Error | null, r: { requests: { total: number; average: number }; errors: number; timeouts: number }) => void): {
    on(ev: 'response', fn: (client: unknown, status: number) => void): void;
  };
}
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Reader traffic: pages, feeds and API calls over what the server holds, drawn with a seeded PRNG. */
async function readerPaths(base: string): Promise<() => string> {
  const arts = ((await (await fetch(`${base}/api/v1/articles?limit=100`)).json()) as { results: Array<{ id: string; outlet: string | null }> }).results;
  const stories = ((await (await fetch(`${base}/api/v1/stories?limit=100`)).json()) as { results: Array<{ id: string }> }).results;
  const queries = ['ايران', 'السعودية', 'وزير الدفاع', 'الرياض', 'النفط', 'مجلس الوزراء', 'الهلال', 'اليمن', '"خادم الحرمين"', 'التعليم -الجامعة', 'امير منطقة', 'الصحة'];
  const outlets = [...new Set(arts.map((a) => a.outlet).filter((o): o is string => !!o))];
  const pick = <T>(xs: T[], r: number): T => xs[Math.floor(r * xs.length)]!;
  const rand = rng(20150721);
  const q = () => encodeURIComponent(pick(queries, rand()));
  const routes: Array<[number, () => string]> = [
    [10, () => '/'],
    [5, () => `/?page=${2 + Math.floor(rand() * 4)}`],
    [25, () => `/article/${pick(arts, rand()).id}`],
    [10, () => `/story/${encodeURIComponent(pick(stories, rand()).id)}`],
    [15, () => `/search?q=${q()}`],
    [15, () => `/api/v1/search?q=${q()}&limit=10`],
    [5, () => '/feed.atom'],
    [3, () => `/search.atom?q=${q()}`],
    [4, () => `/outlet/${encodeURIComponent(pick(outlets, rand()))}`],
    [3, () => '/outlets'],
    [5, () => '/api/v1/articles?limit=20'],
  ];
  const total = routes.reduce((s, [w]) => s + w, 0);
  return () => {
    let r = rand() * total;
    for (const [w, f] of routes) if ((r -= w) < 0) return f();
    return '/';
  };
}

/** Sends `type` to a child and resolves with its first message of type `reply`. */
const asker =
  (child: ChildProcess) =>
  <T>(type: string, reply: string): Promise<T> =>
    new Promise((resolve) => {
      const on = (m: { type: string }) => {
        if (m.type !== reply) return;
        child.off('message', on);
        resolve(m as T);
      };
      child.on('message', on);
      if (type) child.send({ type });
    });

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-soak-'));
  const db = join(dir, 'soak.db');
  const config: FarmConfig = {
    sites: num('--sites', 20),
    feeds: num('--feeds', 200),
    minutes: MINUTES,
    window: num('--window', 30),
    initialItems: 5,
    slowMs: num('--slow-ms', 4000),
    corpusDir: fileURLToPath(new URL('../../../shared/corpus/saudinewsnet/', import.meta.url)),
    seed: 7,
  };
  log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${MINUTES} min, warm-up ${WARMUP} min, ${config.feeds} feeds on ${config.sites} hosts, ${CONNECTIONS} reader connections`);
  const child = (name: string) => fork(fileURLToPath(new URL(`./${name}.ts`, import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const farm = child('farm');
  const ask = asker(farm);
  const control = child('control');
  const askControl = asker(control);
  const ready = ask<{ feeds: Array<{ url: string; kind: Kind }>; pool: number; need: number }>('', 'ready');
  farm.send({ type: 'start', config });
  const { feeds, pool, need } = await ready;
  log(`farm ready: ${feeds.length} feeds, ${pool} corpus articles for ${need} items`);
  await subscribe(db, dir, feeds.map((f) => f.url), num('--interval-sec', 60));
  const server = await startServe(db, num('--poll-tick', 5));
  log(`serve: pid ${server.pid} at ${server.base}, ${server.articlesAtStart} articles after the sample import`);
  const nextPath = await readerPaths(server.base);

  const statuses = new Map<number, number>();
  const samples: Sample[] = [];
  const t0 = Date.now();
  let warmedUp = false;
  const sampler = setInterval(() => {
    const t = (Date.now() - t0) / 60_000;
    const reset = !warmedUp && t >= WARMUP;
    if (reset) {
      warmedUp = true;
      control.send({ type: 'reset' });
    }
    Promise.all([server.metrics(reset), askControl<{ p99Ms: number }>('sample', 'sample')])
      .then(([m, ctl]) => {
        const mem = memoryOf(server.pid);
        samples.push({ min: t, rss: mem.rss, anon: mem.anon, file: mem.file, heap: m.heapUsedBytes / 2 ** 20, p99: m.eventLoop.p99Ms, max: m.eventLoop.maxMs, totalP99: m.eventLoopTotal.p99Ms, controlP99: ctl.p99Ms, afterWarmup: warmedUp && !reset });
        if (samples.length % Math.max(1, Math.round(60 / SAMPLE_SEC)) === 0) {
          log(`${t.toFixed(1)} min: RSS ${mem.rss.toFixed(0)} MiB (anon ${mem.anon.toFixed(0)}, file ${mem.file.toFixed(0)}), heap ${(m.heapUsedBytes / 2 ** 20).toFixed(0)} of ${(m.heapTotalBytes / 2 ** 20).toFixed(0)} MiB, external ${(m.externalBytes / 2 ** 20).toFixed(0)} MiB, loop p99 ${m.eventLoop.p99Ms} ms (max ${m.eventLoop.maxMs}; idle control ${ctl.p99Ms}), 5xx ${count5xx(statuses)}, load ${loadavg()[0]!.toFixed(1)}`);
        }
      })
      .catch((e: Error) => log(`sample failed: ${e.message}`));
  }, SAMPLE_SEC * 1000);

  const result = await new Promise<{ requests: { total: number; average: number }; errors: number; timeouts: number }>((resolve, reject) => {
    const inst = autocannon(
      { url: server.base, connections: CONNECTIONS, duration: Math.round(MINUTES * 60), timeout: 30, requests: [{ setupRequest: (r) => ({ ...r, path: nextPath() }) }] },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    inst.on('response', (_c, status) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
  });
  clearInterval(sampler);
  const [final, controlTotal] = await Promise.all([server.metrics(), askControl<{ p99Ms: number; maxMs: number }>('total', 'total')]);
  control.send({ type: 'stop' });
  log(`load done: ${result.requests.total} requests (${result.requests.average.toFixed(0)}/s), ${result.errors} errors, ${result.timeouts} timeouts`);

  // Drain: stop publishing, wait until every working feed was fetched at its final version.
  await ask('freeze', 'frozen');
  const drainStart = Date.now();
  let pending = Infinity;
  while (Date.now() - drainStart < 10 * 60_000 && pending > 0) {
    await sleep(5000);
    pending = (await ask<{ pending: number }>('status', 'status')).pending;
  }
  log(`drained in ${((Date.now() - drainStart) / 1000).toFixed(0)} s (${pending} feeds not refetched)`);
  await sleep(20_000); // the last polls' ingest
  const { report } = await ask<{ report: FarmReport }>('report', 'report');
  await server.stop();
  farm.send({ type: 'stop' });
  const stored = storedItems(db);
  const out = summarize({ samples, final, statuses, errorLines: server.errorLines(), report, stored, requests: result.requests.total, minutes: MINUTES, warmup: WARMUP, drainPending: pending, controlTotal });
  process.stdout.write(out.text);
  const json = arg('--json');
  if (json) writeFileSync(json, JSON.stringify({ ...out.figures, samples }, null, 2));
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  else log(`kept ${dir}`);
}

const count5xx = (s: Map<number, number>): number => [...s].filter(([k]) => k >= 500).reduce((a, [, n]) => a + n, 0);

main().catch((e: Error) => {
  process.stderr.write(`soak: ${e.stack ?? e.message}\n`);
  process.exit(1);
});
