/**
 * CPU per distinct search, in-process, on the HTTP benchmark's database (the whole
 * saudinewsnet corpus, built once by `marsad import`: server.ts): the queries bench:http
 * asks once each (workload.ts), asked as /api/v1/search asks them (21 hits, one row per
 * article, snippets) and serialized to JSON, through two read-only connections running the
 * same `SqliteSearch`:
 * - baseline: snippets analyze the hits' text (the connection's TEMP table `article_spans`
 *   hides the stored spans: what a database from before migration 032 does);
 * - stored: snippets read the term spans kept at ingest.
 * With `--base DIR` (a checkout of another branch, e.g. main: `git archive main | tar -x -C DIR`)
 * the two sides are instead DIR's `SqliteSearch` (baseline) and this tree's (stored), both
 * reading the stored spans: the change of a branch, on the same database.
 * Batches of queries alternate between the two (which goes first alternating too); the
 * figure is this thread's CPU time (process.cpuUsage) per query, median over batches, and
 * the ratio stored ÷ baseline per batch. Every answer is compared: hits, order, scores,
 * snippets and highlights must be identical.
 *
 * A database from before migration 032 is migrated and its spans filled first (its CPU time printed).
 * Run: `node --import tsx bench/http/search-cpu.ts [-- --cache DIR --queries 6000 --batch 250 --base DIR]`.
 */
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDatabase } from './server.ts';
import { queriesFrom } from './workload.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { SqliteSearch } from '../../src/store/sqlite/search.ts';
import { defaultAnalyzer } from '../../src/search/analyzer.ts';
import type { SearchQuery } from '../../src/store/types.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/saudinewsnet/', import.meta.url));
const CACHE = arg('--cache') ?? process.env.MARSAD_BENCH_HTTP_DIR ?? join(tmpdir(), 'marsad-bench-http');
const N = Number(arg('--queries') ?? 6000);
const BATCH = Number(arg('--batch') ?? 250);
const log = (s: string) => process.stderr.write(s + '\n');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const BASE = arg('--base');

interface Searcher {
  search(q: SearchQuery): unknown;
}

function open(path: string): Database.Database {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('cache_size = -2048');
  db.pragma('mmap_size = 1073741824');
  return db;
}

function connection(path: string, hideSpans: boolean): Searcher {
  const db = open(path);
  if (hideSpans) db.exec('CREATE TEMP TABLE article_spans (seq INTEGER PRIMARY KEY, spans BLOB NOT NULL)');
  return new SqliteSearch(db, defaultAnalyzer);
}

/** The `SqliteSearch` of the checkout at `dir`, on its own connection. */
async function baseConnection(path: string, dir: string): Promise<Searcher> {
  const root = pathToFileURL(resolve(dir) + '/').href;
  const { SqliteSearch: Base } = (await import(new URL('src/store/sqlite/search.ts', root).href)) as { SqliteSearch: new (db: Database.Database, a: unknown) => Searcher };
  const { defaultAnalyzer: analyzer } = (await import(new URL('src/search/analyzer.ts', root).href)) as { defaultAnalyzer: unknown };
  return new Base(open(path), analyzer);
}

async function main(): Promise<void> {
  const path = await ensureDatabase(CACHE, CORPUS, false, log);
  const c0 = process.cpuUsage();
  const store = openSqliteStore(path); // migrates: a database from before 032 gets its spans here
  const c = process.cpuUsage(c0);
  const spans = store.db.prepare('SELECT count(*) AS n, sum(length(spans)) AS bytes FROM article_spans').get() as { n: number; bytes: number };
  const text = store.db.prepare('SELECT sum(length(CAST(text AS BLOB))) FROM articles').pluck().get() as number;
  const titles = store.db.prepare('SELECT title FROM articles ORDER BY published_at DESC, id DESC').all() as Array<{ title: string }>;
  await store.close();
  log(`spans: ${spans.n} articles, ${(spans.bytes / 2 ** 20).toFixed(1)} MiB (${((100 * spans.bytes) / text).toFixed(0)} % of the bodies' ${(text / 2 ** 20).toFixed(0)} MiB); opening the store took ${((c.user + c.system) / 1e6).toFixed(1)} s CPU (the spans' migration and fill, the first time)`);

  const queries = queriesFrom(titles).slice(0, N);
  const ask = (q: string): SearchQuery => ({ q, limit: 21, offset: 0, collapse: 'none' });
  const sides = { baseline: BASE ? await baseConnection(path, BASE) : connection(path, true), stored: connection(path, false) };
  // Warm-up: code and page cache, on queries not measured.
  for (const q of queries.slice(-200)) for (const s of Object.values(sides)) JSON.stringify(s.search(ask(q)));
  const cpu: Record<keyof typeof sides, number[]> = { baseline: [], stored: [] };
  const ratios: number[] = [];
  let differ = 0;
  let hits = 0;
  for (let b = 0, k = 0; b < queries.length - 200; b += BATCH, k++) {
    const batch = queries.slice(b, Math.min(b + BATCH, queries.length - 200));
    const out: Record<string, string[]> = {};
    const order = (k % 2 ? ['stored', 'baseline'] : ['baseline', 'stored']) as Array<keyof typeof sides>;
    for (const side of order) {
      const c0 = process.cpuUsage();
      out[side] = batch.map((q) => JSON.stringify(sides[side].search(ask(q))));
      const c = process.cpuUsage(c0);
      cpu[side].push((c.user + c.system) / 1000 / batch.length);
    }
    ratios.push(cpu.stored.at(-1)! / cpu.baseline.at(-1)!);
    for (let i = 0; i < batch.length; i++) {
      if (out.baseline![i] !== out.stored![i]) differ++;
      hits += (JSON.parse(out.stored![i]!) as { hits: unknown[] }).hits.length;
    }
  }
  const asked = cpu.stored.length ? queries.length - 200 : 0;
  const lines = [
    `\nCPU per distinct search (in-process SqliteSearch, /api/v1/search's shape: 21 hits with snippets, JSON), ${asked} queries in ${cpu.stored.length} batches of ${BATCH}, ${(hits / asked).toFixed(1)} hits a query`,
    `| ${BASE ? "search from" : "snippets from"} | CPU ms/query (median of batches) |`,
    `|---|---:|`,
    BASE ? `| ${BASE} (baseline) | ${median(cpu.baseline).toFixed(3)} |` : `| text analyzed (baseline: no stored spans) | ${median(cpu.baseline).toFixed(3)} |`,
    BASE ? `| this tree | ${median(cpu.stored).toFixed(3)} |` : `| stored spans | ${median(cpu.stored).toFixed(3)} |`,
    `${BASE ? 'this tree' : 'stored'} ÷ baseline: ${median(ratios).toFixed(3)} (median of per-batch ratios; min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)})`,
    `answers differing between the two: ${differ} of ${asked}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (differ) process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`search-cpu failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
