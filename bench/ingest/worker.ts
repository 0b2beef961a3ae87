/**
 * One measured ingest run of bench/ingest, in its own process (so its CPU time is its
 * own): parses the corpus into memory, then stores it into a fresh SQLite file in batches
 * of 500, one of three ways, and prints one JSON line with wall and CPU times.
 *
 * - `fts`: the baseline — a bare FTS5 table (`unicode61`) with the raw title and text, the
 *   same pragmas as Marsad's store (WAL, synchronous=NORMAL), one transaction per batch.
 * - `store`: Marsad's store path without enrichment or grouping (`store.upsertArticles`:
 *   identity, analyzer, FTS5 over pre-analyzed terms, tags).
 * - `pipeline`: the serial pipeline (src/pipeline `ingest`: outlet names, entities and
 *   keywords, upsert, duplicates/stories and the entity index), `marsad import --threads 0`.
 * - `pooled`: what `marsad import` does by default (src/pipeline/pool.ts): the same, with
 *   entities, keywords and analysis in worker threads (available parallelism − 1) and this
 *   thread the one writer, `threads + 2` batches in flight as importInputs keeps them; the
 *   serial start as in the CLI (pool.ts DEFAULT_MIN_ARTICLES). CPU time counts every thread of the process.
 *
 * Usage: node --import tsx bench/ingest/worker.ts <fts|store|pipeline|pooled> <corpus dir> <db file>
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { pathToFileURL } from 'node:url';
import type * as IngestMod from '../../src/ingest/index.ts';
import type * as InputsMod from '../../src/ingest/inputs.ts';
import type { Article } from '../../src/model/article.ts';
import type * as PipelineMod from '../../src/pipeline/index.ts';
import type * as PoolMod from '../../src/pipeline/pool.ts';
import type * as StoreMod from '../../src/store/index.ts';

/**
 * The Marsad sources measured: this checkout's, or another's (`MARSAD_BENCH_SOURCES`, a
 * checkout's root; bench/ingest --base), measured by this same script.
 */
const SOURCES = process.env.MARSAD_BENCH_SOURCES ? pathToFileURL(process.env.MARSAD_BENCH_SOURCES.replace(/\/?$/, '/')) : new URL('../../', import.meta.url);
const from = <T>(path: string): Promise<T> => import(new URL(path, SOURCES).href) as Promise<T>;
const { parseDocument } = await from<typeof IngestMod>('src/ingest/index.ts');
const { readInputs } = await from<typeof InputsMod>('src/ingest/inputs.ts');
const { ingest } = await from<typeof PipelineMod>('src/pipeline/index.ts');
const { IngestPool } = await from<typeof PoolMod>('src/pipeline/pool.ts');
const { openStore } = await from<typeof StoreMod>('src/store/index.ts');

const BATCH = 500;
const [mode, corpus, db] = process.argv.slice(2);
if ((mode !== 'fts' && mode !== 'store' && mode !== 'pipeline' && mode !== 'pooled') || !corpus || !db) {
  process.stderr.write('usage: worker.ts <fts|store|pipeline|pooled> <corpus dir> <db file>\n');
  process.exit(2);
}

/** CPU milliseconds (user + system) of this process since `from`. */
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/**
 * CPU milliseconds of this process's main thread alone (Linux /proc; null elsewhere). In the
 * pooled mode that is the writer: on an otherwise idle machine with a core per thread, the
 * import cannot finish sooner than this, whatever the workers do.
 */
const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  } catch {
    return NaN;
  }
})();
const mainThreadMs = (): number | null => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(f[11]) + Number(f[12])) * TICK_MS;
    return Number.isFinite(ms) ? ms : null;
  } catch {
    return null;
  }
};

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const articles: Article[] = [];
for await (const item of readInputs([corpus])) {
  if ('doc' in item) articles.push(...(await parseDocument(item.doc)).articles);
}
const parse = { wallMs: performance.now() - t0, cpuMs: cpuMs(cpu0) };

for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
/** Wall ms of each batch (the pipeline's cost per article must not grow with the store). */
const batchMs: number[] = [];
/** Pooled: the main thread's CPU ms when each batch was done (the writer's cost past the serial start). */
const batchMainMs: Array<number | null> = [];
const cpu1 = process.cpuUsage();
const main1 = mainThreadMs();
const t1 = performance.now();
if (mode === 'fts') {
  const d = new Database(db);
  d.pragma('journal_mode = WAL');
  d.pragma('synchronous = NORMAL');
  d.exec("CREATE VIRTUAL TABLE fts USING fts5 (title, text, tokenize = 'unicode61')");
  const ins = d.prepare('INSERT INTO fts (title, text) VALUES (?, ?)');
  const batch = d.transaction((as: Article[]) => {
    for (const a of as) ins.run(a.title, a.text);
  });
  for (let i = 0; i < articles.length; i += BATCH) {
    const b0 = performance.now();
    batch(articles.slice(i, i + BATCH));
    batchMs.push(performance.now() - b0);
  }
  d.close();
} else if (mode === 'pooled') {
  const store = await openStore(db);
  const pool = new IngestPool(store);
  const inFlight = pool.threads + 2;
  const running: Array<Promise<unknown>> = [];
  let b0 = performance.now();
  const settle = async (): Promise<void> => {
    await running.shift();
    batchMs.push(performance.now() - b0);
    batchMainMs.push(mainThreadMs());
    b0 = performance.now();
  };
  for (let i = 0; i < articles.length; i += BATCH) {
    running.push(pool.ingest(articles.slice(i, i + BATCH)));
    while (running.length >= inFlight) await settle();
  }
  while (running.length) await settle();
  await pool.close();
  await store.close();
} else {
  const store = await openStore(db);
  for (let i = 0; i < articles.length; i += BATCH) {
    const part = articles.slice(i, i + BATCH);
    const b0 = performance.now();
    if (mode === 'store') await store.upsertArticles(part);
    else await ingest(store, part);
    batchMs.push(performance.now() - b0);
  }
  await store.close();
}
const main2 = mainThreadMs();
const run = { wallMs: performance.now() - t1, cpuMs: cpuMs(cpu1), mainCpuMs: main1 !== null && main2 !== null ? main2 - main1 : null };
process.stdout.write(JSON.stringify({ mode, articles: articles.length, parse, run, batchMs, batchMainMs, batch: BATCH }) + '\n');
