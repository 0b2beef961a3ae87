/**
 * CPU of an article page's first view, in-process, on the HTTP benchmark's database (the
 * whole saudinewsnet corpus, built once by `marsad import`: server.ts): the store opened as
 * `serve` opens it (a 16 MiB page cache, the read cache with `serve`'s 10 s staleness, the
 * accounts' hooks), pages asked through fastify's `inject` (no socket, no load generator:
 * what the page itself costs the main thread). 500 other articles are viewed first (code
 * compiled, as on a running server), then `--articles` unseen ones once each in batches;
 * then the same ones again (a second view: the rendered page cached). Each store call the
 * page makes is timed (wall time around the call, the same thread, so it is its CPU but for
 * waits on the disk), summed per page. `--cpu-prof` (a node flag) gives a profile of
 * exactly this work.
 *
 * Run: `node --import tsx bench/http/first-view-cpu.ts [-- --cache DIR --articles 6000 --batch 500]`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase } from './server.ts';
import { shuffled } from '../rng.ts';
import { openStore } from '../../src/store/index.ts';
import { buildApp } from '../../src/web/app.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/saudinewsnet/', import.meta.url));
const CACHE = arg('--cache') ?? process.env.MARSAD_BENCH_HTTP_DIR ?? join(tmpdir(), 'marsad-bench-http');
const N = Number(arg('--articles') ?? 6000);
const BATCH = Number(arg('--batch') ?? 500);
const log = (s: string) => process.stderr.write(s + '\n');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const path = await ensureDatabase(CACHE, CORPUS, false, log);
  const store = await openStore(path, { cacheKiB: 16 * 1024 });
  const ids = shuffled((store as unknown as { db: { prepare(s: string): { pluck(): { all(): string[] } } } }).db.prepare('SELECT id FROM articles ORDER BY id').pluck().all(), 20261203);
  if (ids.length < N + 500) throw new Error(`the database has ${ids.length} articles: fewer than --articles ${N} + 500`);
  // Every store method the pages call, timed: µs per page, by method.
  const spent = new Map<string, number>();
  const calls = new Map<string, number>();
  const timed = new Proxy(store, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver) as unknown;
      if (typeof v !== 'function' || typeof key !== 'string') return v;
      return (...a: unknown[]) => {
        const t = performance.now();
        const out = (v as (...x: unknown[]) => unknown).apply(target, a);
        spent.set(key, (spent.get(key) ?? 0) + performance.now() - t);
        calls.set(key, (calls.get(key) ?? 0) + 1);
        return out;
      };
    },
  });
  const app = await buildApp({ store: timed, accounts: { store: store.accounts }, adminToken: null, cacheStaleMs: 10_000, logger: false });
  const view = async (id: string) => {
    const r = await app.inject({ method: 'GET', url: `/article/${encodeURIComponent(id)}` });
    if (r.statusCode !== 200) throw new Error(`/article/${id}: ${r.statusCode}`);
    return r.body.length;
  };
  for (const id of ids.slice(N, N + 500)) await view(id);
  const measure = async (label: string): Promise<{ label: string; cpu: number[]; byMethod: Map<string, number>; perPage: Map<string, number>; bytes: number }> => {
    spent.clear();
    calls.clear();
    const cpu: number[] = [];
    let bytes = 0;
    for (let b = 0; b < N; b += BATCH) {
      const c0 = process.cpuUsage();
      for (const id of ids.slice(b, Math.min(N, b + BATCH))) bytes += await view(id);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000 / Math.min(BATCH, N - b));
    }
    return { label, cpu, byMethod: new Map(spent), perPage: new Map(calls), bytes: bytes / N };
  };
  const first = await measure('first view');
  const second = await measure('second view');
  const out = [`\nArticle page, in-process (fastify inject), ${N} articles in batches of ${BATCH}, after 500 others`, '| view | CPU ms/page (median of batches) | min | max | bytes |', '|---|---:|---:|---:|---:|'];
  for (const m of [first, second]) out.push(`| ${m.label} | ${median(m.cpu).toFixed(3)} | ${Math.min(...m.cpu).toFixed(3)} | ${Math.max(...m.cpu).toFixed(3)} | ${m.bytes.toFixed(0)} |`);
  out.push('', '| store call (first view) | calls/page | µs/page |', '|---|---:|---:|');
  for (const [k, ms] of [...first.byMethod].sort((a, b) => b[1] - a[1])) out.push(`| ${k} | ${(first.perPage.get(k)! / N).toFixed(2)} | ${((1000 * ms) / N).toFixed(0)} |`);
  const total = [...first.byMethod.values()].reduce((s, x) => s + x, 0);
  out.push(`store calls in all: ${((1000 * total) / N).toFixed(0)} µs of the first view's ${(1000 * median(first.cpu)).toFixed(0)} µs CPU`);
  process.stdout.write(out.join('\n') + '\n');
  await app.close();
  await store.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`first-view-cpu failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
