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
 * keywords and analysis in worker threads, one writer (src/pipeline/pool.ts), in a process with
 * the V8 flags bin/marsad.js gives the import (a checkout's own: `importFlags`). The machine
 * is shared and noisy, so besides wall time the table gives the child's CPU time (user +
 * system, process.cpuUsage), and ratios to the baseline on both. With `--runs N` (default 1) the modes run interleaved N times and the
 * median run of each is shown. The pipeline also reports ms/article over its first and its
 * last 5,000 articles: the cost must not grow with the store (issue 4).
 * `--cli` adds one timed `marsad import` of the corpus (the real command, /usr/bin/time).
 * `--base DIR` runs every mode but the bare insert also on another checkout's sources (e.g.
 * a `git worktree` of main, its node_modules in place; measured by this checkout's
 * worker.ts), interleaved with this one, prints its
 * rows and the ratios this / base, and checks that both databases of each mode hold the
 * same grouping (stories, copies, edges with their scores, related lists: same.ts).
 *
 * Run: `npm run bench:ingest [-- --runs 3] [-- --corpus DIR] [-- --cli] [-- --modes pipeline,pooled] [-- --base DIR]`.
 * Nothing is fetched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare } from './same.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(arg('--runs')) || 1);
const CORPUS = arg('--corpus') ?? fileURLToPath(new URL('../../../shared/corpus/saudinewsnet/', import.meta.url));
const CLI = process.argv.includes('--cli');
/** `--modes store,pooled`: only these besides the baseline (default: all). */
const ONLY = arg('--modes')?.split(',');
/** `--base DIR`: the same modes from another checkout, for before/after figures in one run. */
const BASE = arg('--base');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
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
  batchMainMs?: Array<number | null>;
  batch?: number;
}

/**
 * Pooled: the main thread's CPU per article over the batches past the first 2,000 articles
 * (the serial start before 2026-12-05: pool.ts DEFAULT_MIN_ARTICLES; the window is kept so
 * figures compare across versions), i.e. the one writer's cost (store, group, related) alone;
 * null when not measured.
 */
const writerUs = (x: Result): number | null => {
  const first = Math.ceil(2000 / (x.batch ?? 500));
  const m = x.batchMainMs;
  if (!m || m.length <= first + 1) return null;
  const [a, b] = [m[first - 1], m.at(-1)];
  if (a == null || b == null) return null;
  const n = Math.min(x.articles, m.length * (x.batch ?? 500)) - first * (x.batch ?? 500);
  return n > 0 ? ((b - a) * 1000) / n : null;
};

if (!existsSync(CORPUS)) {
  process.stderr.write(`bench:ingest: no corpus at ${CORPUS}\n`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-ingest-'));
const dbOf = (mode: Mode, base: boolean): string => join(dir, `${mode}${base ? '-base' : ''}.db`);
/**
 * The V8 flags `marsad import` runs with in a checkout (bin/marsad.js starts the import process
 * with a larger young generation since 2026-12-05): the pooled mode gets them too, so it measures
 * what the command does; older checkouts get none.
 */
const importFlags = (root: string): string[] => {
  const m = /const YOUNG = '(--max-semi-space-size=\d+)'/.exec(readFileSync(join(root, 'bin/marsad.js'), 'utf8'));
  return m ? [m[1]!] : [];
};
const runOne = (mode: Mode, base = false): Result => {
  // The base's sources, measured by this checkout's worker (MARSAD_BENCH_SOURCES).
  const flags = mode === 'pooled' ? importFlags(base ? BASE! : ROOT) : [];
  const out = execFileSync(process.execPath, [...flags, '--import', 'tsx', join(ROOT, 'bench/ingest/worker.ts'), mode, CORPUS, dbOf(mode, base)], {
    cwd: base ? BASE! : ROOT,
    env: base ? { ...process.env, MARSAD_BENCH_SOURCES: BASE! } : process.env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Result;
};

const median = (rs: Result[]): Result => [...rs].sort((a, b) => a.run.cpuMs - b.run.cpuMs)[Math.floor((rs.length - 1) / 2)]!;
const results = new Map<Mode, Result[]>(MODES.map((m) => [m, []]));
const baseResults = new Map<Mode, Result[]>(MODES.map((m) => [m, []]));
process.stderr.write(`bench:ingest: ${CORPUS}, ${RUNS} run(s), load ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
const report = (r: number, label: string, res: Result): void => {
  const main = res.run.mainCpuMs != null ? `, ${(res.run.mainCpuMs / 1000).toFixed(1)} s main thread` : '';
  process.stderr.write(`  run ${r + 1} ${label}: ${(res.run.wallMs / 1000).toFixed(1)} s wall, ${(res.run.cpuMs / 1000).toFixed(1)} s CPU${main}\n`);
};
for (let r = 0; r < RUNS; r++) {
  for (const m of RUN) {
    // Base and this alternate, the base first on even runs and second on odd ones.
    const order = BASE && m !== 'fts' ? (r % 2 ? [false, true] : [true, false]) : [false];
    for (const b of order) {
      const res = runOne(m, b);
      (b ? baseResults : results).get(m)!.push(res);
      report(r, b ? `${m} (base)` : m, res);
    }
  }
}

const base = median(results.get('fts')!);
const rate = (n: number, ms: number): string => Math.round((n * 1000) / ms).toLocaleString('en');
const rows: string[][] = [['system', 'articles', 'wall s', 'CPU s', 'main thread CPU s', 'art/s wall', 'art/s CPU', 'art/s main thread', '× base wall', '× base CPU', 'with parse art/s']];
const row = (x: Result, label: string): void => {
  rows.push([
    label,
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
};
for (const m of RUN) {
  if (BASE && m !== 'fts') row(median(baseResults.get(m)!), `${LABEL[m]} — base`);
  row(median(results.get(m)!), LABEL[m]);
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

if (BASE) {
  console.log(`\nbase: ${BASE} (medians by CPU of ${RUNS} run(s) each, alternated)`);
  for (const m of RUN.filter((x) => x !== 'fts')) {
    const [b, x] = [median(baseResults.get(m)!), median(results.get(m)!)];
    const main = b.run.mainCpuMs && x.run.mainCpuMs ? `, main thread CPU ${(x.run.mainCpuMs / b.run.mainCpuMs).toFixed(2)}× (${((b.run.mainCpuMs / b.articles) * 1000).toFixed(0)} → ${((x.run.mainCpuMs / x.articles) * 1000).toFixed(0)} µs/article)` : '';
    const [wb, wx] = [writerUs(b), writerUs(x)];
    const writer = wb && wx ? `, writer past the first 2,000 articles ${(wx / wb).toFixed(2)}× (${wb.toFixed(0)} → ${wx.toFixed(0)} µs CPU/article)` : '';
    console.log(`${m}: this / base CPU ${(x.run.cpuMs / b.run.cpuMs).toFixed(2)}×${main}${writer}, wall ${(x.run.wallMs / b.run.wallMs).toFixed(2)}×`);
    if (m === 'store') continue;
    const c = compare(dbOf(m, true), dbOf(m, false));
    console.log(`  grouping of the last runs ${c.same ? 'IDENTICAL' : 'DIFFERENT'}:\n  ${c.lines.join('\n  ')}`);
  }
}

if (CLI) {
  const db = join(dir, 'cli.db');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, 'bin/marsad.js', 'import', CORPUS, '--db', db], { cwd: ROOT, encoding: 'utf8' });
  const [wall, user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
  const out = `${r.stdout.trim()}; ${wall.toFixed(1)} s wall, ${(user + sys).toFixed(1)} s CPU`;
  console.log(`marsad import (CLI): ${out}`);
}
rmSync(dir, { recursive: true, force: true });
