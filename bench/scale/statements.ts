/**
 * What one PostgreSQL pipeline worker costs per article: statements sent (counted by wrapping
 * pg's `Client.query`), the worker's CPU, PostgreSQL's CPU (every `postgres` process's
 * utime + stime from /proc: run it on a machine where nothing else uses the server), and the
 * statements that took the most time. The first 200 corpus articles are ingested untimed (a
 * store that already holds stories), then N more in batches of 200 through `ingest`, into a
 * fresh schema. `--root DIR` measures another checkout (its src/ and node_modules/) — run it
 * for a baseline and this tree one after the other, alternately, and compare.
 *
 * Run: `node --import tsx bench/scale/statements.ts [--articles 600] [--root DIR] [--corpus DIR]`
 * (MARSAD_TEST_PG or the local test database; DIR: the shared corpus folder holding
 * saudinewsnet/, default ../shared/corpus beside the repository).
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CORPUS, loadCorpus } from './corpus.ts';
import { PG, pgAdmin } from './pg.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '600' }, root: { type: 'string' }, corpus: { type: 'string' } } });
const N = Number(values.articles);
const ROOT = values.root ?? fileURLToPath(new URL('../..', import.meta.url));
const { default: pg } = await import(`${ROOT}/node_modules/pg/lib/index.js`);
const { ingest } = await import(`${ROOT}/src/pipeline/index.ts`);
const { openStore } = await import(`${ROOT}/src/store/index.ts`);

/** CPU ms of every postgres process so far. */
function postgresCpu(): number {
  let ticks = 0;
  for (const pid of execSync('pgrep -f postgres || true').toString().trim().split('\n').filter(Boolean)) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // the process ended
    }
  }
  return ticks * 10;
}

const schema = `bench_statements_${process.pid}`;
const counts = new Map<string, { n: number; ms: number }>();
let counting = false;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  const r = query.apply(this, args);
  if (!counting) return r;
  const a0 = args[0] as string | { text?: string };
  const key = (typeof a0 === 'string' ? a0 : (a0?.text ?? '')).replace(/\s+/g, ' ').slice(0, 80);
  const c = counts.get(key) ?? { n: 0, ms: 0 };
  counts.set(key, c);
  c.n++;
  const t = performance.now();
  if (r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(() => (c.ms += performance.now() - t), () => undefined);
  return r;
};

const articles = (await loadCorpus(() => undefined, values.corpus ?? CORPUS)).slice(0, 200 + N);
await pgAdmin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
const url = new URL(PG);
url.searchParams.set('schema', schema);
const store = await openStore(url.toString());
try {
  await ingest(store, articles.slice(0, 200));
  counting = true;
  const pg0 = postgresCpu();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 200; i < articles.length; i += 200) await ingest(store, articles.slice(i, i + 200));
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const pgMs = postgresCpu() - pg0;
  counting = false;
  const total = [...counts.values()].reduce((s, c) => s + c.n, 0);
  const n = articles.length - 200;
  console.log(`${ROOT}: ${n} articles, ${(n / (wall / 1000)).toFixed(1)} articles/s, ${(total / n).toFixed(1)} statements per article, worker CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms, PostgreSQL CPU ${(pgMs / n).toFixed(2)} ms per article`);
  console.log('statements by time spent (count, ms per article):');
  for (const [k, c] of [...counts].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) console.log(`${String(c.n).padStart(7)} ${(c.ms / n).toFixed(2).padStart(6)}  ${k}`);
} finally {
  await store.close();
  await pgAdmin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
}
