/**
 * A million articles through the real CLI (issue 10), on SQLite or PostgreSQL:
 *
 * 1. Articles: the whole saudinewsnet corpus, then perturbed copies (corpus.ts: new URL and
 *    id, ~3% of words swapped or dropped) up to `--articles`, written as JSONL files of 50,000
 *    lines under `--dir` (kept and reused: delete the folder to rebuild). Copy k of every
 *    article moves by the same k × 35 days (the corpus spans 22 days, duplicates are looked
 *    for 7 days back), so each generation is a new stretch of news whose wire copies (one
 *    agency story in many outlets) stay together: grouping has the corpus's real work, and a
 *    copy is no near-duplicate of the copy before it (with a one-day step all 41 copies of an
 *    article chain into one duplicate group: 79,767 duplicates in 100,000 articles).
 * 2. Import: `marsad import <dir>/articles --db <db>` (the whole pipeline as a user runs
 *    it), under /usr/bin/time: wall time, articles/s, the importer's CPU and peak RSS.
 * 3. The store: size on disk, articles, stories, articles in stories of two or more,
 *    duplicates.
 * 4. Search: the search benchmark's known-item queries as people type them (bench/search/
 *    queries.ts) against the store in this process, p50/p95 (targets: ≤ 25 ms on SQLite, ≤ 50
 *    ms on PostgreSQL).
 * 5. Reader: `marsad serve` on the store; 500 articles read once to compile its code, then
 *    the first view of `--first-views` other random articles (each once, 50 connections):
 *    req/s, p50/p99, failures; the server's resident and anonymous memory after.
 *
 * Run: `node --import tsx bench/scale/million.ts [--articles 1000000] [--dir DIR]
 *       [--db sqlite|postgres] [--queries 300] [--first-views 2000] [--skip-import] [--trace-gc] [--corpus DIR]`
 * (--trace-gc: the importer runs with V8's GC trace, and the table adds each isolate's heap
 * after its full collections by fifth of the run: whether the importer's memory levels off)
 * (DIR default: marsad-million in the OS temp folder; --corpus: the shared corpus folder
 * holding saudinewsnet/, default ../shared/corpus beside the repository; PostgreSQL:
 * MARSAD_TEST_PG or the local test database, schema `million_<n>`, kept for --skip-import).
 * Run `npm run build` first: the CLI runs dist/. It prints one table and exits.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore } from '../../src/store/index.ts';
import { load } from '../http/load.ts';
import { memoryOf, startServer } from '../http/server.ts';
import { rng } from '../rng.ts';
import { knownItems } from '../search/queries.ts';
import { CORPUS, loadCorpus, scaled } from './corpus.ts';
import { PG, pgAdmin } from './pg.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000000' },
    dir: { type: 'string' },
    db: { type: 'string', default: 'sqlite' },
    queries: { type: 'string', default: '300' },
    'first-views': { type: 'string', default: '2000' },
    'skip-import': { type: 'boolean', default: false },
    corpus: { type: 'string' },
    'trace-gc': { type: 'boolean', default: false },
  },
});
const N = Number(values.articles);
const BACKEND = values.db === 'postgres' || values.db === 'pg' ? 'postgres' : 'sqlite';
const DIR = values.dir ?? join(tmpdir(), 'marsad-million');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PER_FILE = 50_000;
/** Days between two generations of copies (see the header). */
const DAY_STEP = 35;
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
const corpusDir = values.corpus ? join(values.corpus, 'saudinewsnet') : CORPUS;
if (!existsSync(corpusDir)) {
  process.stderr.write(`million: no corpus at ${corpusDir}; pass --corpus <the shared corpus folder holding saudinewsnet/>\n`);
  process.exit(2);
}

const schema = `million_${N}_step${DAY_STEP}`;
const DB = BACKEND === 'sqlite' ? join(DIR, `million-${N}-step${DAY_STEP}.db`) : (() => {
  const u = new URL(PG);
  u.searchParams.set('schema', schema);
  return u.toString();
})();

/** Writes the articles as JSONL files (once: a `done` stamp names the count). */
async function writeArticles(): Promise<string> {
  const out = join(DIR, `articles-${N}-step${DAY_STEP}`);
  // Beside the folder, not in it: the import reads every file of the folder.
  const stamp = `${out}.done`;
  if (existsSync(stamp)) return out;
  mkdirSync(out, { recursive: true });
  const base = await loadCorpus(log, corpusDir);
  log(`articles: writing ${N} (${base.length} from the corpus, the rest perturbed copies) to ${out}`);
  let i = 0;
  let file: ReturnType<typeof createWriteStream> | null = null;
  for (const a of scaled(base, N, DAY_STEP)) {
    if (i % PER_FILE === 0) {
      if (file) await new Promise<void>((r) => file!.end(() => r()));
      file = createWriteStream(join(out, `part-${String(i / PER_FILE).padStart(4, '0')}.jsonl`));
    }
    const line = JSON.stringify({ url: a.url, title: a.title, text: a.text, publishedAt: a.publishedAt, outlet: a.outlet, author: a.author, tags: a.tags }) + '\n';
    if (!file!.write(line)) await new Promise<void>((r) => file!.once('drain', () => r()));
    i++;
  }
  if (file) await new Promise<void>((r) => file!.end(() => r()));
  writeFileSync(stamp, String(N));
  return out;
}

/** One full (mark-compact) collection of one isolate of the importer (`--trace-gc`): when, and the heap it left. */
interface FullGc { isolate: string; ms: number; after: number }
const FULL_GC = /^\[\d+:(0x[0-9a-f]+)\]\s+(\d+) ms: Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(/;

/**
 * The live heap the importer keeps as the store grows: each isolate's (the writer's main thread,
 * each worker thread's) heap after its full collections, as the median of each fifth of the run.
 * A heap that levels off is bounded caches filling; one that climbs fifth after fifth is a leak.
 */
function liveHeap(gcs: FullGc[]): string[] {
  if (!gcs.length) return ['importer live heap: no full collection traced'];
  const end = Math.max(...gcs.map((g) => g.ms));
  const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[xs.length >> 1]!.toFixed(0) : '–');
  const isolates = [...new Set(gcs.map((g) => g.isolate))];
  return isolates.map((iso, i) => {
    const own = gcs.filter((g) => g.isolate === iso);
    const fifths = [0, 1, 2, 3, 4].map((k) => med(own.filter((g) => Math.min(4, Math.floor((g.ms / (end + 1)) * 5)) === k).map((g) => g.after)));
    return `importer live heap, isolate ${i + 1} of ${isolates.length} (${own.length} full GCs): ${fifths.join(' / ')} MiB by fifth of the run, max ${Math.max(...own.map((g) => g.after)).toFixed(0)}`;
  });
}

/** `marsad import` under /usr/bin/time -v: wall s, CPU s, peak RSS MiB (and with --trace-gc, every full collection). */
function importAll(input: string): Promise<{ wall: number; cpu: number; maxRss: number; out: string; gcs: FullGc[] }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // V8 flags are process-wide but a Worker refuses --trace-gc in its execArgv: set it from a module the workers may import too.
    const node = values['trace-gc'] ? [process.execPath, '--import', 'data:text/javascript,import v8 from "node:v8"; v8.setFlagsFromString("--trace-gc")'] : [process.execPath];
    const p = spawn('/usr/bin/time', ['-v', ...node, join(ROOT, 'bin', 'marsad.js'), 'import', input, '--db', DB], { env: { ...process.env, MARSAD_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let partial = '';
    const gcs: FullGc[] = [];
    // V8's GC trace goes to stdout, a line per collection: keep the full ones, pass the rest on as the CLI's output.
    p.stdout.on('data', (b: Buffer) => {
      const lines = (partial + b.toString()).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        const m = FULL_GC.exec(line);
        if (m) gcs.push({ isolate: m[1]!, ms: Number(m[2]), after: Number(m[3]) });
        else if (!/^\[\d+:0x/.test(line)) out += line + '\n';
      }
    });
    p.stderr.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-20_000)));
    p.on('error', reject);
    p.on('close', (code) => {
      const num = (re: RegExp) => Number(re.exec(err)?.[1] ?? NaN);
      if (code !== 0) return reject(new Error(`marsad import exited ${code}:\n${err.slice(-3000)}`));
      // What the import itself said on stderr (a failed article names its file and line), before time's report.
      const said = err.split('\tCommand being timed')[0]!.trim();
      if (said) log(`import said:\n${said.split('\n').slice(-10).join('\n')}`);
      out += partial;
      resolve({ wall: (performance.now() - t0) / 1000, cpu: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/), maxRss: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024, out: out.trim(), gcs });
    });
  });
}

/** Rows of one SQL statement on the store (better-sqlite3 or pg; both stores name these columns alike). */
async function sql<T>(q: string): Promise<T[]> {
  if (BACKEND === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(DB, { readonly: true });
    try {
      return db.prepare(q).all() as T[];
    } finally {
      db.close();
    }
  }
  return pgAdmin(async (c) => {
    await c.query(`SET search_path TO "${schema}"`);
    return (await c.query(q)).rows as T[];
  });
}

async function dbBytes(): Promise<number> {
  if (BACKEND === 'sqlite') return [DB, `${DB}-wal`].filter(existsSync).reduce((s, f) => s + statSync(f).size, 0);
  const [r] = await sql<{ n: string }>(`SELECT coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))), 0)::text AS n FROM pg_tables WHERE schemaname = '${schema}'`);
  return Number(r!.n);
}

async function main(): Promise<void> {
  const load0 = loadavg()[0]!.toFixed(1);
  mkdirSync(DIR, { recursive: true });
  const input = await writeArticles();
  const inputBytes = readdirSync(input).reduce((s, f) => s + statSync(join(input, f)).size, 0);
  let imp: Awaited<ReturnType<typeof importAll>> | null = null;
  if (!values['skip-import']) {
    if (BACKEND === 'postgres') await pgAdmin((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    else for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) if (existsSync(f)) throw new Error(`${f} exists: pass --skip-import to measure it, or delete it to import again`);
    log(`import: marsad import ${input} --db ${BACKEND === 'sqlite' ? DB : `…?schema=${schema}`}`);
    imp = await importAll(input);
    log(`import: ${imp.out.split('\n').at(-1)} [${imp.wall.toFixed(0)} s]`);
  }
  const [counts] = await sql<{ articles: number; stories: number; grouped: number; dups: number }>(
    `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM stories) AS stories,
            (SELECT count(*) FROM (SELECT story_id FROM articles WHERE story_id IS NOT NULL GROUP BY story_id HAVING count(*) > 1) s) AS grouped,
            (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL) AS dups`,
  );
  const bytes = await dbBytes();

  // Typed known-item queries, in this process, after 20 unmeasured ones.
  const base = await loadCorpus(log, corpusDir);
  const items = knownItems(base, Number(values.queries));
  const store = await openStore(DB);
  const times: number[] = [];
  try {
    for (const it of items.slice(0, 20)) await store.search({ q: it.typed, limit: 10 });
    for (const it of items) {
      const t = performance.now();
      await store.search({ q: it.typed, limit: 10 });
      times.push(performance.now() - t);
    }
  } finally {
    await store.close();
  }
  log(`search: ${times.length} typed queries, p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms`);

  // First views: random stored ids, each read once, after 500 others warmed the server's code.
  const K = Number(values['first-views']);
  const ids = (await sql<{ id: string }>(`SELECT id FROM articles ORDER BY id LIMIT ${K + 500} OFFSET ${Math.floor(rng(N)() * Math.max(0, Number(counts!.articles) - K - 500))}`)).map((r) => r.id);
  const server = await startServer(DB, 1_000_000_000);
  let first;
  let mem;
  try {
    const path = (id: string) => `/article/${encodeURIComponent(id)}`;
    await load(server.base, ids.slice(K).map(path), 50, { amount: ids.length - K });
    first = await load(server.base, ids.slice(0, K).map(path), 50, { amount: K });
    mem = memoryOf(server.pid);
  } finally {
    await server.stop();
  }
  const c = counts!;
  const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MiB`;
  const rows = [
    `\n${BACKEND}: ${N.toLocaleString('en')} articles (${mb(inputBytes)} of JSONL), load average ${load0} at start, ${loadavg()[0]!.toFixed(1)} at the end (2 cores, shared)`,
    imp ? `import (marsad import): ${imp.wall.toFixed(0)} s wall, ${(N / imp.wall).toFixed(0)} articles/s, CPU ${imp.cpu.toFixed(0)} s (${((imp.cpu * 1000) / N).toFixed(2)} ms/article), peak RSS ${imp.maxRss.toFixed(0)} MiB` : 'import: skipped (--skip-import)',
    `store: ${Number(c.articles).toLocaleString('en')} articles, ${Number(c.stories).toLocaleString('en')} stories (${Number(c.grouped).toLocaleString('en')} with two or more articles), ${Number(c.dups).toLocaleString('en')} duplicates; ${mb(bytes)} on disk (${(bytes / Number(c.articles) / 1024).toFixed(1)} KiB per article)`,
    `search, typed known-item queries (${times.length}): p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms (target p95 ≤ ${BACKEND === 'sqlite' ? 25 : 50} ms)`,
    `article page, first view of ${first.ok + first.bad + first.errors} (each once, 50 connections): ${first.rps.toFixed(0)} req/s, p50 ${first.p50.toFixed(1)} ms, p99 ${first.p99.toFixed(1)} ms, ${first.bad + first.errors} failed`,
    `server memory after: ${mem.rss.toFixed(0)} MiB resident (${mem.anon.toFixed(0)} anonymous), peak ${mem.hwm.toFixed(0)} MiB`,
    ...(imp && values['trace-gc'] ? liveHeap(imp.gcs) : []),
  ];
  process.stdout.write(rows.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`million failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
