/**
 * Ingest throughput (issues 3 and 4): articles/s for the whole saudinewsnet corpus through
 * (1) a bare FTS5 insert of the raw title and text — the baseline, (2) Marsad's store path
 * without enrichment or grouping (`upsertArticles`), (3) the full pipeline on one thread
 * (entities, keywords, upsert, duplicates and stories), (4) the same through the worker-thread
 * pool, all in one run.
 *
 * Each figure is measured in a child process (bench/ingest/worker.ts) that first parses the
 * corpus into memory (reported apart: the same for all three), then stores it into a fresh
 * SQLite file in batches of 500. (4) is (3) as `marsad import` runs it by default: entities,
 * keywords and analysis in worker threads, one writer (src/pipeline/pool.ts). The machine is shared and noisy, so besides wall time the
 * table gives the child's CPU time (user + system, process.cpuUsage), and ratios to the
 * baseline on both. With `--runs N` (default 1) the modes run interleaved N times and the
 * median run of each is shown. The pipeline also reports ms/article over its first and its
 * last 5,000 articles: the cost must not grow with the store (issue 4).
 * `--cli` adds one timed `marsad import` of the corpus (the real command, /usr/bin/time).
 *
 * Run: `npm run bench:ingest [-- --runs 3] [-- --corpus DIR] [-- --cli] [-- --modes pipeline,pooled]`.
 * Nothing is fetched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(arg('--runs')) || 1);
const CORPUS = arg('--corpus') ?? fileURLToPath(new URL('../../../shared/corpus/saudinewsnet/', import.meta.url));
const CLI = process.argv.includes('--cli');
/** `--modes store,pooled`: only these besides the baseline (default: all). */
const ONLY = arg('--modes')?.split(',');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const MODES = ['fts', 'store', 'pipeline', 'pooled'] as const;
type Mode = (typeof MODES)[number];
const RUN: readonly Mode[] = MODES.filter((m) => m === 'fts' || !ONLY || ONLY.includes(m));
const LABEL: Record<Mode, string> = {
  fts: 'bare FTS5 insert (unicode61, raw text)',
  store: 'Marsad store path (no enrich/group)',
  pipeline: 'Marsad full pipeline, one thread (--threads 0)',
  pooled: `Marsad full pipeline, pooled (marsad import, ${Math.max(1, availableParallelism() - 1)} worker thread(s))`,
};

interface Timing {
  wallMs: number;
  cpuMs: number;
  /** The main thread's CPU alone (the writer, in the pooled mode); null off Linux. */
  mainCpuMs?: number | null;
}
interface Result {
  mode: Mode;
  articles: number;
  parse: Timing;
  run: Timing;
  batchMs: number[];
}

if (!existsSync(CORPUS)) {
  process.stderr.write(`bench:ingest: no corpus at ${CORPUS}\n`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-ingest-'));
const runOne = (mode: Mode): Result => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', WORKER, mode, CORPUS, join(dir, `${mode}.db`)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Result;
};

const median = (rs: Result[]): Result => [...rs].sort((a, b) => a.run.cpuMs - b.run.cpuMs)[Math.floor((rs.length - 1) / 2)]!;
const results = new Map<Mode, Result[]>(MODES.map((m) => [m, []]));
process.stderr.write(`bench:ingest: ${CORPUS}, ${RUNS} run(s), load ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
for (let r = 0; r < RUNS; r++) {
  for (const m of RUN) {
    const res = runOne(m);
    results.get(m)!.push(res);
    process.stderr.write(`  run ${r + 1} ${m}: ${(res.run.wallMs / 1000).toFixed(1)} s wall, ${(res.run.cpuMs / 1000).toFixed(1)} s CPU\n`);
  }
}

const base = median(results.get('fts')!);
const rate = (n: number, ms: number): string => Math.round((n * 1000) / ms).toLocaleString('en');
const rows: string[][] = [['system', 'articles', 'wall s', 'CPU s', 'main thread CPU s', 'art/s wall', 'art/s CPU', 'art/s main thread', '× base wall', '× base CPU', 'with parse art/s']];
for (const m of RUN) {
  const x = median(results.get(m)!);
  rows.push([
    LABEL[m],
    String(x.articles),
    (x.run.wallMs / 1000).toFixed(1),
    (x.run.cpuMs / 1000).toFixed(1),
    x.run.mainCpuMs != null ? (x.run.mainCpuMs / 1000).toFixed(1) : '–',
    rate(x.articles, x.run.wallMs),
    rate(x.articles, x.run.cpuMs),
    x.run.mainCpuMs != null ? rate(x.articles, x.run.mainCpuMs) : '–',
    (x.run.wallMs / base.run.wallMs).toFixed(2),
    (x.run.cpuMs / base.run.cpuMs).toFixed(2),
    rate(x.articles, x.run.wallMs + x.parse.wallMs),
  ]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
const line = (r: string[]): string => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
console.log(line(rows[0]!));
console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
for (const r of rows.slice(1)) console.log(line(r));

const p = median(results.get(RUN.includes('pipeline') ? 'pipeline' : RUN.at(-1)!)!);
console.log(
  `\nparse (same for all, in the worker before the timed part): ${(base.parse.wallMs / 1000).toFixed(1)} s wall, ${(base.parse.cpuMs / 1000).toFixed(1)} s CPU`,
);
const slice = (ms: number[]): string => ((ms.reduce((s, x) => s + x, 0) / (ms.length * 500)) * 1000).toFixed(0);
const k = Math.min(10, Math.floor(p.batchMs.length / 2));
if (k > 0) {
  console.log(`${p.mode} µs/article (wall), first ${k * 500} articles: ${slice(p.batchMs.slice(0, k))}; last ${k * 500}: ${slice(p.batchMs.slice(-k))}`);
}
console.log(
  "'main thread CPU': the process's main thread alone — in the pooled row the one writer, the bound of its wall time on a machine with a free core per thread; CPU counts every thread.",
);
console.log(`targets: ≥ 1,000 articles/s; store path ≤ 2.5 × the bare insert. load now ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

if (CLI) {
  const db = join(dir, 'cli.db');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, 'bin/marsad.js', 'import', CORPUS, '--db', db], { cwd: ROOT, encoding: 'utf8' });
  const [wall, user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
  const out = `${r.stdout.trim()}; ${wall.toFixed(1)} s wall, ${(user + sys).toFixed(1)} s CPU`;
  console.log(`marsad import (CLI): ${out}`);
}
rmSync(dir, { recursive: true, force: true });
