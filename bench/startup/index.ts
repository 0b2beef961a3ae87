/**
 * Start-up of the command line (issue 9): how long `marsad` takes end to end, next to a
 * bare `node -e 0` measured in the same run. Cases, interleaved (each repetition runs
 * every case once, in a rotating order, so load drifts hit all of them alike):
 *   node -e 0                       the baseline: a Node process that does nothing
 *   marsad --help                   commander and the command registry only
 *   marsad parse <page> --json      the bundled sample page (data/samples), parsed
 *   marsad search '<q>' --json      one query on the whole shared corpus (bench/startup/db.ts)
 * Every case runs `node bin/marsad.js` as a user's shell would (after `npm run build`,
 * which this bench runs first, so it measures the code on disk). Wall time is measured
 * around each process; CPU time (user + system) through /usr/bin/time when present —
 * steadier than wall time on a shared machine.
 * Targets: `marsad --help` within 150 ms of `node -e 0`; `marsad search` under 300 ms.
 *
 * Run: `npm run bench:startup [-- --runs 15] [-- --corpus DIR] [-- --db FILE] [-- --query Q]
 * [-- --entry FILE] [-- --tsx]`: --entry times another CLI entry instead of bin/marsad.js
 * (e.g. a tsc-built one); --tsx adds `--help` run from src/ through tsx, the launcher's
 * fallback when dist/ is stale. Nothing is fetched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleCount, corpusDb, importInputs } from './db.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Math.max(15, Number(arg('--runs')) || 15);
const CORPUS = resolve(arg('--corpus') ?? join(ROOT, '../shared/corpus'));
const QUERY = arg('--query') ?? 'ايران';
const ENTRY = arg('--entry') ?? 'bin/marsad.js';
const PAGE = 'data/samples/moscow-tehran-2023-09-20.txt';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const log = (s: string): void => void process.stderr.write(`bench:startup: ${s}\n`);

interface Case {
  label: string;
  argv: string[];
  /** Throws when the output is not what the command should print. */
  check: (stdout: string) => void;
}
interface Sample {
  wallMs: number;
  cpuMs: number | null;
}

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`bench:startup: npm run build failed\n${build.stderr}`);
log(build.stderr.trim());

let db = arg('--db') ? resolve(arg('--db')!) : null;
let dbNote = '';
if (!db && existsSync(CORPUS)) {
  const c = corpusDb(ROOT, importInputs(CORPUS), log);
  db = c.path;
  if (c.summary) log(c.summary);
  dbNote = `${c.built ? 'built now' : 'cached'}: ${db}`;
} else if (db) dbNote = db;
const missing = db
  ? null
  : `no corpus at ${CORPUS}: pass --corpus DIR (the shared corpus folder, holding saudinewsnet/, textdumps/, pages/) or --db FILE (a database made by \`marsad import\`); the search case is skipped`;
if (missing) log(missing);

const cases: Case[] = [
  { label: 'node -e 0', argv: ['-e', '0'], check: () => {} },
  { label: 'marsad --help', argv: [ENTRY, '--help'], check: (o) => void (o.includes('Usage: marsad') || fail('no usage', o)) },
  {
    label: 'marsad parse <page> --json',
    argv: [ENTRY, 'parse', PAGE, '--json'],
    check: (o) => void ((JSON.parse(o) as unknown[]).length === 2 || fail('not 2 articles', o)),
  },
];
if (process.argv.includes('--tsx')) {
  // What a developer pays when dist/ is stale: the launcher's fallback, the sources through tsx.
  cases.push({ label: 'marsad --help from src/ via tsx', argv: ['--import', 'tsx', 'src/cli/index.ts', '--help'], check: (o) => void (o.includes('Usage: marsad') || fail('no usage', o)) });
}
if (db) {
  cases.push({
    label: `marsad search '${QUERY}' --json`,
    argv: [ENTRY, 'search', QUERY, '--db', db, '--json'],
    check: (o) => void ((JSON.parse(o) as { results: unknown[] }).results.length > 0 || fail('no results', o)),
  });
}

function fail(what: string, out: string): never {
  throw new Error(`bench:startup: ${what}: ${out.slice(0, 300)}`);
}

const scratch = mkdtempSync(join(tmpdir(), 'marsad-bench-startup-'));
const timeFile = join(scratch, 'time.txt');
function once(c: Case): Sample {
  const [cmd, args] = TIME ? [TIME, ['-f', '%U %S', '-o', timeFile, process.execPath, ...c.argv]] : [process.execPath, c.argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NODE_OPTIONS: '' } });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`bench:startup: ${c.label} exited ${r.status}\n${r.stderr}`);
  if (r.stderr.includes('running the sources through tsx')) throw new Error(`bench:startup: ${c.label} ran from src/, not dist/: ${r.stderr}`);
  c.check(r.stdout);
  let cpuMs: number | null = null;
  if (TIME) {
    const [u, s] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
    cpuMs = (u + s) * 1000;
  }
  return { wallMs, cpuMs };
}

const loadBefore = loadavg();
log(`${RUNS} interleaved runs of ${cases.length} cases, load ${loadBefore.map((x) => x.toFixed(1)).join(' ')}`);
for (const c of cases) once(c); // warm-up: file cache, the database's pages
const samples = new Map<string, Sample[]>(cases.map((c) => [c.label, []]));
for (let r = 0; r < RUNS; r++) {
  for (let i = 0; i < cases.length; i++) {
    const c = cases[(i + r) % cases.length]!;
    samples.get(c.label)!.push(once(c));
  }
}
rmSync(scratch, { recursive: true, force: true });

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const stat = (label: string, pick: (s: Sample) => number | null, q: number): number | null => {
  const xs = samples.get(label)!.map(pick).filter((x): x is number => x !== null);
  return xs.length ? quantile(xs, q) : null;
};
const ms = (x: number | null): string => (x === null ? '—' : x.toFixed(0));
const base = { wall: stat('node -e 0', (s) => s.wallMs, 0.5)!, cpu: stat('node -e 0', (s) => s.cpuMs, 0.5) };
const rows = [['case', 'wall median ms', 'wall p90 ms', 'CPU median ms', 'Δ wall vs node', '× node wall', 'Δ CPU vs node']];
for (const c of cases) {
  const wall = stat(c.label, (s) => s.wallMs, 0.5)!;
  const cpu = stat(c.label, (s) => s.cpuMs, 0.5);
  rows.push([
    c.label,
    ms(wall),
    ms(stat(c.label, (s) => s.wallMs, 0.9)),
    ms(cpu),
    `+${ms(wall - base.wall)}`,
    (wall / base.wall).toFixed(2),
    cpu === null || base.cpu === null ? '—' : `+${ms(cpu - base.cpu)}`,
  ]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
const line = (r: string[]): string => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
console.log(line(rows[0]!));
console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
for (const r of rows.slice(1)) console.log(line(r));

const help = stat('marsad --help', (s) => s.wallMs, 0.5)! - base.wall;
console.log(`\n${RUNS} runs each, interleaved; ${process.version}; load ${loadBefore.map((x) => x.toFixed(1)).join(' ')} → ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`target: marsad --help within 150 ms of node -e 0: +${ms(help)} ms (${help <= 150 ? 'met' : 'MISSED'})`);
if (db) {
  const search = stat(cases.at(-1)!.label, (s) => s.wallMs, 0.5)!;
  console.log(`target: marsad search under 300 ms end to end on ${articleCount(db).toLocaleString('en')} articles (${dbNote}): ${ms(search)} ms (${search < 300 ? 'met' : 'MISSED'})`);
} else console.log(`target: marsad search — not measured: ${missing}`);
