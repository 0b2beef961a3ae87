/**
 * HTTP benchmark: requests/s and latency of the reader and the search API over the whole
 * saudinewsnet corpus, each next to a constant route (`/healthz`) as the ratio's denominator.
 *
 * The database is built once by the real `marsad import` CLI and cached (default
 * marsad-bench-http in the OS temp folder, or $MARSAD_BENCH_HTTP_DIR / --cache DIR); the server is
 * `marsad serve` in its own process on 127.0.0.1 with MARSAD_LOG_LEVEL=warn and the search
 * rate limit raised (MARSAD_RATE_LIMIT_SEARCH) so the limiter does not cap the load; the
 * load comes from autocannon in this process. Each route is warmed up, then loaded for
 * --duration seconds at --connections connections, --runs times, the routes interleaved;
 * the table shows the medians. p50/p95/p99 are exact percentiles of every 2xx response.
 * Targets (issue 5): article page ≥ 2,000 req/s, /api/v1/search p95 ≤ 20 ms at 50 connections;
 * (issue 10) first view of each article (once each, every article but 500 others that were
 * viewed first to compile the server's code; `--first-views N` takes the first N of them in
 * their shuffled order) ≥ 1,000 req/s with p99 ≤ 100 ms, distinct searches ≥ 1,000
 * req/s with p95 ≤ 50 ms, the server's anonymous memory ≤ 250 MiB after the runs.
 *
 * Each row also gives the server's CPU time (all its threads, from /proc/<pid>/stat) per
 * answered request, median over runs: the cost of a route whatever the load generator
 * beside it takes, and its main thread's share (the rest: search threads, V8's GC helpers);
 * the first views' too; `bench/http/search-cpu.ts` gives distinct searches' CPU in-process, with
 * and without stored snippet spans, side by side. MARSAD_BENCH_SERVER_REPO=<checkout> serves
 * from another checkout's CLI (a baseline branch, on a database that branch can open).
 *
 * Run: `npm run bench:http [-- --runs 3 --duration 10 --warmup 3 --connections 50
 *       --only article,api-search --no-first-view --first-views N --rebuild --json out.json]`.
 * Profile the server: MARSAD_BENCH_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=prof".
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuOf, ensureDatabase, memoryOf, startServer } from './server.ts';
import { load, type LoadResult } from './load.ts';
import { floorRun } from './floor.ts';
import { buildWorkload } from './workload.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/saudinewsnet/', import.meta.url));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const num = (name: string, dflt: number): number => {
  const v = Number(arg(name) ?? dflt);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name}: not a positive number`);
  return v;
};
const RUNS = num('--runs', 3);
const DURATION = num('--duration', 10);
const WARMUP = num('--warmup', 3);
const CONNECTIONS = num('--connections', 50);
const CACHE = arg('--cache') ?? process.env.MARSAD_BENCH_HTTP_DIR ?? join(tmpdir(), 'marsad-bench-http');
const ONLY = arg('--only')?.split(',');
const FIRST_VIEWS = arg('--first-views') === undefined ? Infinity : num('--first-views', 1);
const log = (s: string) => process.stderr.write(s + '\n');
const load1 = () => loadavg().map((x) => x.toFixed(2)).join(' ');

interface Route {
  name: string;
  label: string;
  /** Rotated through, or (a route whose answers must not repeat) called for each request. */
  paths: string[] | (() => string);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const loadStart = load1();
  const db = await ensureDatabase(CACHE, CORPUS, process.argv.includes('--rebuild'), log);
  const server = await startServer(db, 1_000_000_000);
  try {
    log(`server: pid ${server.pid} at ${server.base}, ${server.articles} articles; memory at start ${memoryOf(server.pid).rss.toFixed(0)} MiB`);
    const w = await buildWorkload(server.base, server.articles);
    log(`workload: ${w.articleIds.length} article ids (${Math.min(FIRST_VIEWS, w.firstViewIds.length)} first views), ${w.queries.length} repeated queries, ${w.uniqueQueries.length} asked once (e.g. ${w.queries.slice(0, 4).map((q) => `«${q}»`).join(', ')})`);
    const q = (prefix: string) => w.queries.map((x) => `${prefix}?q=${encodeURIComponent(x)}`);
    // Each of these queries is asked once (until they run out: then reuse is reported).
    let u = 0;
    const unique = () => `/api/v1/search?q=${encodeURIComponent(w.uniqueQueries[u++ % w.uniqueQueries.length]!)}`;
    const routes: Route[] = [
      { name: 'constant', label: 'GET /healthz (constant)', paths: ['/healthz'] },
      { name: 'home', label: 'GET / (home)', paths: ['/'] },
      { name: 'article', label: 'GET /article/:id', paths: w.articleIds.map((id) => `/article/${encodeURIComponent(id)}`) },
      { name: 'search', label: 'GET /search?q=', paths: q('/search') },
      { name: 'api-search', label: 'GET /api/v1/search?q=', paths: q('/api/v1/search') },
      { name: 'api-search-unique', label: 'GET /api/v1/search?q= (each query once)', paths: unique },
    ].filter((r) => r.name === 'constant' || !ONLY || ONLY.includes(r.name));

    for (const r of routes) {
      const first = typeof r.paths === 'function' ? r.paths() : r.paths[0]!;
      const res = await fetch(server.base + first);
      if (res.status !== 200) throw new Error(`${r.label}: ${first} answered ${res.status} before the benchmark`);
      await res.arrayBuffer();
    }
    // First views: every article once (the sampled ones among them), none of them read before
    // (the read cache cold for them); this is the cold cost, reported on its own row. A run of
    // every article rather than a sample of 2,000: its p99 is then the pages' tail, not the
    // start of the run, when the last of 50 connections opened at once wait for the first
    // ones (a 2,000-request run's slowest 20 are those, on any server: floor.ts). The server first
    // serves 500 other articles once each, as a running server has: otherwise the slowest
    // 1 % are the first requests of a fresh process (code not yet compiled), not the
    // articles' first views.
    const article = routes.find((r) => r.name === 'article');
    if (article && !process.argv.includes('--no-first-view')) await load(server.base, w.warmIds.map((id) => `/article/${encodeURIComponent(id)}`), CONNECTIONS, { amount: w.warmIds.length });
    const coldC0 = cpuOf(server.pid);
    const coldM0 = cpuOf(server.pid, true);
    const firstViews = w.firstViewIds.slice(0, FIRST_VIEWS).map((id) => `/article/${encodeURIComponent(id)}`);
    const cold = article && !process.argv.includes('--no-first-view') ? await load(server.base, firstViews, CONNECTIONS, { amount: firstViews.length }) : null;
    const coldCpu = cold ? (cpuOf(server.pid) - coldC0) / Math.max(1, cold.ok + cold.bad) : 0;
    const coldMain = cold ? (cpuOf(server.pid, true) - coldM0) / Math.max(1, cold.ok + cold.bad) : 0;
    if (cold) log(`article first views: ${cold.ok} pages, ${cold.rps.toFixed(0)} req/s, p50 ${cold.p50.toFixed(1)} p95 ${cold.p95.toFixed(1)} ms, server CPU ${coldCpu.toFixed(2)} ms/req (main thread ${coldMain.toFixed(2)})`);
    log(`warm-up: ${WARMUP} s per route at ${CONNECTIONS} connections…`);
    for (const r of routes) await load(server.base, r.paths, CONNECTIONS, WARMUP);
    const warm = memoryOf(server.pid);
    log(`memory after warm-up: ${warm.rss.toFixed(0)} MiB resident`);

    const results = new Map<string, LoadResult[]>(routes.map((r) => [r.name, []]));
    // The server's CPU time (all threads) per answered request, per run.
    const cpu = new Map<string, number[]>(routes.map((r) => [r.name, []]));
    // The main thread's share of it (the rest: search threads, V8's GC helpers).
    const mainCpu = new Map<string, number[]>(routes.map((r) => [r.name, []]));
    for (let run = 1; run <= RUNS; run++) {
      for (const r of routes) {
        const c0 = cpuOf(server.pid);
        const m0 = cpuOf(server.pid, true);
        const res = await load(server.base, r.paths, CONNECTIONS, DURATION);
        cpu.get(r.name)!.push((cpuOf(server.pid) - c0) / Math.max(1, res.ok + res.bad));
        mainCpu.get(r.name)!.push((cpuOf(server.pid, true) - m0) / Math.max(1, res.ok + res.bad));
        results.get(r.name)!.push(res);
        log(`run ${run}/${RUNS} ${r.label.padEnd(26)} ${res.rps.toFixed(0).padStart(6)} req/s  p50 ${res.p50.toFixed(1)}  p95 ${res.p95.toFixed(1)}  p99 ${res.p99.toFixed(1)} ms` +
          `  server CPU ${cpu.get(r.name)!.at(-1)!.toFixed(2)} ms/req (main thread ${mainCpu.get(r.name)!.at(-1)!.toFixed(2)})` + (res.bad || res.errors ? `  (${res.bad} non-2xx, ${res.errors} errors/timeouts)` : ''));
      }
    }
    if (u > w.uniqueQueries.length) log(`note: the ${w.uniqueQueries.length} once-only queries ran out after ${u} requests: some were asked twice`);
    const end = memoryOf(server.pid);
    // The same first-view load on a plain node:http server whose one thread spends what the first views' main thread did (floor.ts).
    const floor = cold ? await floorRun(coldMain, cold.bytesPerResponse, cold.ok + cold.bad, CONNECTIONS) : null;
    const loadEnd = load1();

    const rows = routes.map((r) => {
      const rs = results.get(r.name)!;
      return {
        route: r.label,
        rps: median(rs.map((x) => x.rps)),
        p50: median(rs.map((x) => x.p50)),
        p95: median(rs.map((x) => x.p95)),
        p99: median(rs.map((x) => x.p99)),
        kb: median(rs.map((x) => x.bytesPerResponse)) / 1024,
        cpu: median(cpu.get(r.name)!),
        mainCpu: median(mainCpu.get(r.name)!),
        bad: rs.reduce((s, x) => s + x.bad + x.errors, 0),
        runs: rs.map((x) => Math.round(x.rps)),
      };
    });
    const base = rows[0]!.rps;
    const pad = (s: string, n: number) => s.padStart(n);
    const out: string[] = [];
    out.push(`\nHTTP benchmark: ${server.articles} saudinewsnet articles, ${CONNECTIONS} connections, ${DURATION} s × ${RUNS} run(s) per route (medians), warm-up ${WARMUP} s`);
    out.push(`| route | req/s | ÷ constant | p50 ms | p95 ms | p99 ms | KiB/resp | server CPU ms/req | of which main thread | ÷ constant | non-2xx+errors | req/s per run |`);
    out.push(`|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|`);
    for (const r of rows) {
      out.push(`| ${r.route} |${pad(r.rps.toFixed(0), 7)} |${pad((r.rps / base).toFixed(3), 6)} |${pad(r.p50.toFixed(1), 6)} |${pad(r.p95.toFixed(1), 6)} |${pad(r.p99.toFixed(1), 6)} |${pad(r.kb.toFixed(1), 6)} |${pad(r.cpu.toFixed(3), 6)} |${pad(r.mainCpu.toFixed(3), 6)} |${pad((r.cpu / rows[0]!.cpu).toFixed(1), 6)} | ${r.bad} | ${r.runs.join(', ')} |`);
    }
    if (cold) {
      out.push(`| GET /article/:id, first view (once each, cache cold) |${pad(cold.rps.toFixed(0), 7)} |${pad((cold.rps / base).toFixed(3), 6)} |${pad(cold.p50.toFixed(1), 6)} |${pad(cold.p95.toFixed(1), 6)} |${pad(cold.p99.toFixed(1), 6)} |${pad((cold.bytesPerResponse / 1024).toFixed(1), 6)} | ${coldCpu.toFixed(3)} | ${coldMain.toFixed(3)} | | ${cold.bad + cold.errors} | 1 run of ${cold.ok} |`);
    }
    if (floor) {
      out.push(`| floor: plain node:http, the first views' main-thread CPU and size per request, same load |${pad(floor.rps.toFixed(0), 7)} |${pad((floor.rps / base).toFixed(3), 6)} |${pad(floor.p50.toFixed(1), 6)} |${pad(floor.p95.toFixed(1), 6)} |${pad(floor.p99.toFixed(1), 6)} |${pad((floor.bytesPerResponse / 1024).toFixed(1), 6)} | | ${coldMain.toFixed(3)} | | ${floor.bad + floor.errors} | 1 run of ${floor.ok} |`);
    }
    const mem = (m: typeof warm) => `${m.rss.toFixed(0)} MiB (${m.anon.toFixed(0)} anonymous + ${m.file.toFixed(0)} mapped files)`;
    out.push(`server resident memory (VmRSS): ${mem(warm)} after warm-up, ${mem(end)} at the end; peak ${end.hwm.toFixed(0)} MiB`);
    out.push(`load average (1/5/15 min): ${loadStart} at start, ${loadEnd} at the end (${availableParallelism()} cores, shared; autocannon runs on the same machine)`);
    const art = rows.find((r) => r.route.includes('/article/'));
    const api = rows.find((r) => r.route === 'GET /api/v1/search?q=');
    if (art) out.push(`target article page ≥ 2000 req/s: ${art.rps >= 2000 ? 'met' : 'MISSED'} (${art.rps.toFixed(0)})`);
    if (api) out.push(`target /api/v1/search p95 ≤ 20 ms: ${api.p95 <= 20 ? 'met' : 'MISSED'} (${api.p95.toFixed(1)} ms)`);
    // Issue 10's targets: first views, distinct searches, the server's own memory.
    const uniq = rows.find((r) => r.route.includes('each query once'));
    const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
    if (cold) out.push(`target first view ≥ 1000 req/s, p99 ≤ 100 ms, no failure: ${met(cold.rps >= 1000 && cold.p99 <= 100 && cold.bad + cold.errors === 0)} (${cold.rps.toFixed(0)} req/s, p99 ${cold.p99.toFixed(1)} ms, ${cold.bad + cold.errors} failed)` +
      (floor ? `; the floor under the same load: ${floor.rps.toFixed(0)} req/s, p99 ${floor.p99.toFixed(1)} ms (first views ÷ floor: ${(cold.rps / floor.rps).toFixed(2)}× req/s, ${(cold.p99 / floor.p99).toFixed(2)}× p99)` : ''));
    if (uniq) out.push(`target distinct searches ≥ 1000 req/s, p95 ≤ 50 ms: ${met(uniq.rps >= 1000 && uniq.p95 <= 50)} (${uniq.rps.toFixed(0)} req/s, p95 ${uniq.p95.toFixed(1)} ms)`);
    out.push(`target anonymous memory ≤ 250 MiB after the load: ${met(end.anon <= 250)} (${end.anon.toFixed(0)} MiB)`);
    process.stdout.write(out.join('\n') + '\n');
    const json = arg('--json');
    if (json) writeFileSync(json, JSON.stringify({ articles: server.articles, connections: CONNECTIONS, duration: DURATION, runs: RUNS, rows, articleFirstView: cold, firstViewFloor: floor, memory: { warm, end }, loadavg: { start: loadStart, end: loadEnd } }, null, 2));
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:http failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
