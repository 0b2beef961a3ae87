/**
 * Logged-in HTTP benchmark (issue 12): «أخباري» (`/me`, a person's followed stories with
 * unread counts) and the Google Reader reading list (`stream/contents` n=20, `items/ids`
 * n=1000 unread only — what an app asks at each sync —, `unread-count`), for --users people
 * (default 100) on the whole saudinewsnet corpus at --connections (default 50), each
 * request as the next person in turn; next to `/healthz` (constant) and the anonymous home
 * page, measured in the same run.
 *
 * The people (`bench-reader-NNN`) are made once in the cached database of `bench:http`
 * (same cache: $MARSAD_BENCH_HTTP_DIR / --cache DIR): half follow everything, half follow
 * three outlets and two entities; each has the 50 newest stories read. Their sessions are
 * started in the store before the server starts (a cookie for /me, a GoogleLogin Auth
 * token for the API), so the login limiter is not in the way.
 *
 * Run: `npm run bench:http:readers [-- --users 100 --runs 3 --duration 10 --warmup 3 --connections 50 --json out.json]`.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, memoryOf, startServer } from './server.ts';
import { load, type LoadResult, type PathWithHeaders } from './load.ts';
import { openStore } from '../../src/store/index.ts';
import { createUser, startSession } from '../../src/accounts/service.ts';
import type { Follow } from '../../src/model/accounts.ts';

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
const USERS = num('--users', 100);
const RUNS = num('--runs', 3);
const DURATION = num('--duration', 10);
const WARMUP = num('--warmup', 3);
const CONNECTIONS = num('--connections', 50);
const CACHE = arg('--cache') ?? process.env.MARSAD_BENCH_HTTP_DIR ?? join(tmpdir(), 'marsad-bench-http');
const log = (s: string) => process.stderr.write(s + '\n');
const load1 = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Person {
  cookie: string;
  auth: string;
}

/** Makes the people (once) and starts a web session and an app session for each. */
async function people(db: string): Promise<Person[]> {
  const store = await openStore(db);
  try {
    const a = store.accounts;
    const outlets = (await store.listOutlets()).map((o) => o.outlet);
    const entities = [...new Map((await store.listArticles({ limit: 500 })).flatMap((x) => x.entities ?? []).map((e) => [e.id, e])).values()];
    const now = new Date().toISOString();
    const out: Person[] = [];
    let made = 0;
    for (let i = 0; i < USERS; i++) {
      const name = `bench-reader-${String(i).padStart(3, '0')}`;
      let user = await a.findUserByName(name);
      if (!user) {
        made++;
        const u = await createUser(a, { name, password: `${name} password`, role: 'reader' });
        if (i % 2 === 1) {
          const f = (kind: Follow['kind'], target: string, label: string): Follow => ({ kind, target, label, match: target, createdAt: now });
          for (let k = 0; k < 3; k++) await a.follow(u.id, f('outlet', outlets[(i + k) % outlets.length]!, outlets[(i + k) % outlets.length]!));
          for (let k = 0; k < 2 && entities.length; k++) {
            const e = entities[(i * 2 + k) % entities.length]!;
            await a.follow(u.id, f('entity', e.id, e.name));
          }
        }
        const newest = await a.followedStories(u.id, { limit: 50 });
        await a.markStoriesRead(u.id, newest.map((s) => s.storyId), now);
        user = await a.findUserByName(name);
      }
      const web = await startSession(a, user!.id, 'bench web');
      const app = await startSession(a, user!.id, 'bench app');
      out.push({ cookie: `marsad_session=${web.token}`, auth: `GoogleLogin auth=${app.token}` });
    }
    log(`people: ${USERS} (${made} made now; ${entities.length} entities and ${outlets.length} outlets to follow from)`);
    return out;
  } finally {
    await store.close();
  }
}

/**
 * Waits until the server has worked off the requests a finished load left in flight (up to
 * 50 slow ones keep it busy after autocannon stops): /healthz answering within 20 ms twice.
 */
async function settle(base: string): Promise<void> {
  let quick = 0;
  for (const until = Date.now() + 120_000; Date.now() < until && quick < 2; ) {
    const t0 = performance.now();
    await (await fetch(base + '/healthz')).arrayBuffer();
    quick = performance.now() - t0 < 20 ? quick + 1 : 0;
  }
}

interface Route {
  name: string;
  label: string;
  paths: string[] | (() => string | PathWithHeaders);
}

async function main(): Promise<void> {
  const loadStart = load1();
  const db = await ensureDatabase(CACHE, CORPUS, false, log);
  const ppl = await people(db);
  const server = await startServer(db, 1_000_000_000);
  try {
    log(`server: pid ${server.pid} at ${server.base}, ${server.articles} articles`);
    const rotate = (path: string, header: (p: Person) => Record<string, string>) => {
      let i = 0;
      return () => {
        const p = ppl[i++ % ppl.length]!;
        return { path, headers: header(p) };
      };
    };
    const G = '/api/greader/reader/api/0';
    const RL = encodeURIComponent('user/-/state/com.google/reading-list');
    const routes: Route[] = [
      { name: 'constant', label: 'GET /healthz (constant)', paths: ['/healthz'] },
      { name: 'home', label: 'GET / (anonymous home)', paths: ['/'] },
      { name: 'me', label: 'GET /me (logged in)', paths: rotate('/me', (p) => ({ cookie: p.cookie })) },
      { name: 'stream', label: 'GET greader stream/contents reading-list n=20', paths: rotate(`${G}/stream/contents/${RL}?output=json&n=20`, (p) => ({ authorization: p.auth })) },
      { name: 'ids', label: 'GET greader stream/items/ids n=1000 xt=read', paths: rotate(`${G}/stream/items/ids?output=json&s=${RL}&n=1000&xt=user/-/state/com.google/read`, (p) => ({ authorization: p.auth })) },
      { name: 'unread', label: 'GET greader unread-count', paths: rotate(`${G}/unread-count?output=json`, (p) => ({ authorization: p.auth })) },
    ];
    for (const r of routes) {
      const first = typeof r.paths === 'function' ? r.paths() : r.paths[0]!;
      const req = typeof first === 'string' ? { path: first, headers: {} } : first;
      const res = await fetch(server.base + req.path, { headers: req.headers });
      if (res.status !== 200) throw new Error(`${r.label}: answered ${res.status} before the benchmark`);
      await res.arrayBuffer();
    }
    log(`warm-up: ${WARMUP} s per route at ${CONNECTIONS} connections…`);
    for (const r of routes) {
      await load(server.base, r.paths, CONNECTIONS, WARMUP);
      await settle(server.base);
    }
    const results = new Map<string, LoadResult[]>(routes.map((r) => [r.name, []]));
    for (let run = 1; run <= RUNS; run++) {
      for (const r of routes) {
        const res = await load(server.base, r.paths, CONNECTIONS, DURATION);
        await settle(server.base);
        results.get(r.name)!.push(res);
        log(`run ${run}/${RUNS} ${r.label.padEnd(44)} ${res.rps.toFixed(0).padStart(6)} req/s  p50 ${res.p50.toFixed(1)}  p95 ${res.p95.toFixed(1)}  p99 ${res.p99.toFixed(1)} ms` + (res.bad || res.errors ? `  (${res.bad} non-2xx, ${res.errors} errors/timeouts)` : ''));
      }
    }
    const end = memoryOf(server.pid);
    const rows = routes.map((r) => {
      const rs = results.get(r.name)!;
      return { route: r.label, rps: median(rs.map((x) => x.rps)), p50: median(rs.map((x) => x.p50)), p95: median(rs.map((x) => x.p95)), p99: median(rs.map((x) => x.p99)), kb: median(rs.map((x) => x.bytesPerResponse)) / 1024, bad: rs.reduce((s, x) => s + x.bad + x.errors, 0), runs: rs.map((x) => Math.round(x.rps)) };
    });
    const base = rows[0]!.rps;
    const pad = (s: string, n: number) => s.padStart(n);
    const out = [
      `\nLogged-in HTTP benchmark: ${server.articles} saudinewsnet articles, ${USERS} people, ${CONNECTIONS} connections, ${DURATION} s × ${RUNS} run(s) per route (medians), warm-up ${WARMUP} s`,
      `| route | req/s | ÷ constant | p50 ms | p95 ms | p99 ms | KiB/resp | non-2xx+errors | req/s per run |`,
      `|---|---:|---:|---:|---:|---:|---:|---:|---|`,
      ...rows.map((r) => `| ${r.route} |${pad(r.rps.toFixed(0), 7)} |${pad((r.rps / base).toFixed(3), 6)} |${pad(r.p50.toFixed(1), 6)} |${pad(r.p95.toFixed(1), 6)} |${pad(r.p99.toFixed(1), 6)} |${pad(r.kb.toFixed(1), 6)} | ${r.bad} | ${r.runs.join(', ')} |`),
      `server resident memory at the end: ${end.rss.toFixed(0)} MiB (peak ${end.hwm.toFixed(0)} MiB)`,
      `load average (1/5/15 min): ${loadStart} at start, ${load1()} at the end (${availableParallelism()} cores, shared; autocannon runs on the same machine)`,
    ];
    process.stdout.write(out.join('\n') + '\n');
    const json = arg('--json');
    if (json) writeFileSync(json, JSON.stringify({ articles: server.articles, users: USERS, connections: CONNECTIONS, duration: DURATION, runs: RUNS, rows }, null, 2));
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:http:readers failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
