/**
 * Scale benchmark: SQLite and PostgreSQL side by side, in one run.
 *
 * 1. Articles: the whole saudinewsnet corpus (articles with text) plus perturbed copies
 *    (corpus.ts) up to `--articles` (default 31,000), written once as JSON lines.
 * 2. Ingest: for 1, 2 and 4 worker PROCESSES (ingest-worker.ts, each its share of the
 *    articles, batches of 200) into a fresh database per run: articles/s over the slowest
 *    worker's ingest time (process start-up excluded).
 *    `store` mode (analyze + index, the storage layer's cost) for all articles; with
 *    `--pipeline M`, also the whole pipeline (entities, keywords, stories) for M articles.
 *    SQLite has one writer at a time (WAL): its workers queue on the file lock.
 * 3. Search: the search benchmark's known-item queries (typed and as written) against the
 *    full store of each backend, p50/p95 per query, in this process.
 * 4. Size: the SQLite file (+ WAL) and the PostgreSQL schema's tables, indexes and TOAST.
 *
 * Run: `MARSAD_TEST_PG=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/scale/index.ts
 *       [--articles 31000] [--workers 1,2,4] [--queries 300] [--pipeline 0]`
 * Scratch schemas `t_scale_*` and temp files are removed at the end.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.ts';
import { knownItems } from '../search/queries.ts';
import { PG, pgAdmin } from './pg.ts';
import { loadCorpus, scaled } from './corpus.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const N = Number(arg('--articles', '31000'));
const WORKERS = arg('--workers', '1,2,4').split(',').map(Number);
const Q = Number(arg('--queries', '300'));
const PIPELINE = Number(arg('--pipeline', '0'));
const log = (s: string) => process.stderr.write(s + '\n');
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

type Backend = 'sqlite' | 'postgres';

function runWorker(db: string, file: string, from: number, to: number, mode: string): Promise<{ articles: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/scale/ingest-worker.ts', db, file, String(from), String(to), mode, '200'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '', MARSAD_LOG_LEVEL: 'silent' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as { articles: number; ms: number }) : reject(new Error(`worker failed (${code}): ${err.slice(-2000)}`))));
  });
}

/**
 * Runs `w` workers over `n` articles of `file` into `db`; articles/s over the slowest
 * worker's ingest time (process start-up and opening the store excluded).
 */
async function ingestRun(db: string, file: string, n: number, w: number, mode: string): Promise<number> {
  // Create and migrate the database first: workers then only open it.
  await (await openStore(db)).close();
  const share = Math.ceil(n / w);
  const runs = await Promise.all(Array.from({ length: w }, (_, i) => runWorker(db, file, i * share, Math.min(n, (i + 1) * share), mode)));
  return n / (Math.max(...runs.map((r) => r.ms)) / 1000);
}

const pgUrl = (schema: string) => {
  const u = new URL(PG);
  u.searchParams.set('schema', schema);
  return u.toString();
};

async function dbSize(b: Backend, db: string, schema: string): Promise<number> {
  if (b === 'sqlite') return [db, `${db}-wal`].filter(existsSync).reduce((s, f) => s + statSync(f).size, 0);
  return pgAdmin(async (c) => {
    const r = await c.query<{ n: string }>(
      "SELECT coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))), 0)::text AS n FROM pg_tables WHERE schemaname = $1",
      [schema],
    );
    return Number(r.rows[0]!.n);
  });
}

async function main(): Promise<void> {
  const base = await loadCorpus(log);
  const dir = mkdtempSync(join(tmpdir(), 'marsad-scale-'));
  const file = join(dir, 'articles.jsonl');
  const lines: string[] = [];
  for (const a of scaled(base, N)) lines.push(JSON.stringify(a));
  writeFileSync(file, lines.join('\n') + '\n');
  log(`articles: ${N} (${base.length} from the corpus, ${Math.max(0, N - base.length)} perturbed copies)`);
  const schemas: string[] = [];
  const rows: string[] = [];
  try {
    const items = knownItems(base, Q);
    for (const b of ['sqlite', 'postgres'] as Backend[]) {
      if (process.argv.includes(`--no-${b === 'sqlite' ? 'sqlite' : 'pg'}`)) continue;
      const rates: string[] = [];
      let kept = '';
      let keptSchema = '';
      for (const w of WORKERS) {
        const schema = `t_scale_${process.pid}_${w}`;
        const db = b === 'sqlite' ? join(dir, `store-${w}.db`) : pgUrl(schema);
        if (b === 'postgres') schemas.push(schema);
        log(`ingest ${b}: ${N} articles, ${w} worker(s) …`);
        const rate = await ingestRun(db, file, N, w, 'store');
        rates.push(`${w}w ${Math.round(rate)}/s`);
        log(`  ${Math.round(rate)} articles/s`);
        if (kept && kept !== db) {
          if (b === 'sqlite') rmSync(kept, { force: true });
          else await pgAdmin((c) => c.query(`DROP SCHEMA IF EXISTS "${keptSchema}" CASCADE`));
        }
        kept = db;
        keptSchema = schema;
      }
      const size = await dbSize(b, kept, keptSchema);
      log(`search ${b} …`);
      const store = await openStore(kept);
      const count = await store.countArticles();
      const lat: Record<string, number[]> = { typed: [], written: [] };
      for (const v of ['typed', 'written'] as const) {
        for (const it of items.slice(0, 20)) await store.search({ q: it[v] });
        for (const it of items) {
          const t0 = performance.now();
          await store.search({ q: it[v], limit: 10 });
          lat[v]!.push(performance.now() - t0);
        }
      }
      await store.close();
      let pipe = '';
      if (PIPELINE > 0) {
        const prates: string[] = [];
        for (const w of WORKERS) {
          const schema = `t_scale_${process.pid}_p${w}`;
          const db = b === 'sqlite' ? join(dir, `pipe-${w}.db`) : pgUrl(schema);
          if (b === 'postgres') schemas.push(schema);
          log(`pipeline ${b}: ${PIPELINE} articles, ${w} worker(s) …`);
          prates.push(`${w}w ${Math.round(await ingestRun(db, file, PIPELINE, w, 'pipeline'))}/s`);
          if (b === 'sqlite') rmSync(db, { force: true });
          else await pgAdmin((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
        }
        pipe = prates.join(', ');
      }
      const f = (x: number) => x.toFixed(1);
      rows.push(
        `| ${b} | ${count} | ${rates.join(', ')} | ${pipe || '—'} | ${f(pct(lat.typed!, 0.5))} / ${f(pct(lat.typed!, 0.95))} | ` +
          `${f(pct(lat.written!, 0.5))} / ${f(pct(lat.written!, 0.95))} | ${(size / 2 ** 20).toFixed(0)} MiB |`,
      );
    }
    const out = [
      `Scale benchmark: ${N} articles (saudinewsnet + perturbed copies), ${items.length} known-item queries; worker = process.`,
      `| backend | stored | ingest, store-only (articles/s by workers) | ingest, whole pipeline${PIPELINE ? ` (${PIPELINE} articles)` : ''} | search typed p50/p95 ms | search written p50/p95 ms | DB size |`,
      '|:--|--:|:--|:--|--:|--:|--:|',
      ...rows,
    ];
    process.stdout.write(out.join('\n') + '\n');
  } finally {
    for (const s of schemas) await pgAdmin((c) => c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`)).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
