/**
 * Peak memory of the real CLI per input size (issue 13, defect 3: one 200 MB JSON article
 * took the heap past 5 GB; a 10 MB one 725 MB). Target: `marsad import` under 500 MB peak
 * RSS whatever the file size.
 *
 * Inputs, generated into os.tmpdir() from real articles (`--corpus DIR`, default
 * ../shared/corpus: the saudinewsnet days), with ids and urls perturbed so no two records
 * are one article: single-article JSON files of 10, 60 and 200 MB (one body that long,
 * real paragraphs repeated), and a JSONL corpus of `--big-mb` (default 2048) MB.
 *
 * Each run is one child process of the real CLI under /usr/bin/time (its peak RSS, exact),
 * with VmRSS sampled from /proc every 250 ms for the curve over time, split into the
 * process's own memory (RssAnon: V8 heap, SQLite's page cache) and mapped file pages
 * (RssFile: code, and SQLite's mmap window of the database — 1 GiB at most, set in
 * src/store/sqlite/marsad.ts — which grows with the database, not with the input). Baselines in the same
 * run: `node -e ''`, and `marsad import` of a one-article file (the CLI's own footprint).
 * The whole pipeline (enrich, group) runs ~200 articles/s, so the 2 GB corpus is measured
 * as `marsad parse --json > /dev/null` (the whole file: the streamed read) and `marsad
 * import` of prefixes of it (`--prefix-mb`, default 8,32); the import's RSS curve shows it
 * does not grow with the corpus. Run: `npm run bench:memory [-- --big-mb 2048]`.
 */
import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = arg('--corpus') ?? join(ROOT, '../shared/corpus');
const BIG_MB = Number(arg('--big-mb') ?? 2048);
const list = (v: string) => v.split(',').filter(Boolean).map(Number);
const PREFIX_MB = list(arg('--prefix-mb') ?? '8,32');
const SINGLES = list(arg('--singles') ?? '10,60,200');
const MB = 1024 * 1024;

interface Rec {
  url: string;
  title: string;
  content: string;
  source: string;
  date_extracted: string;
  author: string;
}

function records(): Rec[] {
  const dir = join(CORPUS, 'saudinewsnet');
  if (!existsSync(dir)) throw new Error(`bench:memory: no corpus at ${dir} (--corpus DIR)`);
  const out: Rec[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.zip')).sort()) {
    for (const bytes of Object.values(unzipSync(readFileSync(join(dir, f))))) out.push(...(JSON.parse(Buffer.from(bytes).toString('utf8')) as Rec[]));
  }
  return out.filter((r) => r.title && r.content);
}

async function writeJsonl(path: string, recs: Rec[], mb: number): Promise<number> {
  const ws = createWriteStream(path);
  let size = 0;
  let n = 0;
  for (let round = 0; size < mb * MB; round++) {
    for (const r of recs) {
      const line = JSON.stringify({ ...r, url: `${r.url}?copy=${round}`, id: `${round}-${n}` }) + '\n';
      if (!ws.write(line)) await new Promise<void>((res) => ws.once('drain', () => res()));
      size += Buffer.byteLength(line);
      n++;
      if (size >= mb * MB) break;
    }
  }
  await new Promise<void>((res) => ws.end(res));
  return n;
}

function writeSingle(path: string, recs: Rec[], mb: number): void {
  const fd = openSync(path, 'w');
  const head = recs[0]!;
  const open = `{"title": ${JSON.stringify(head.title)}, "url": ${JSON.stringify(`${head.url}?single=${mb}`)}, "source": ${JSON.stringify(head.source)}, "content": "`;
  writeFileSync(fd, open);
  let size = 0;
  for (let i = 0; size < mb * MB; i++) {
    const s = JSON.stringify(recs[i % recs.length]!.content).slice(1, -1) + '\\n\\n';
    writeFileSync(fd, s);
    size += Buffer.byteLength(s);
  }
  writeFileSync(fd, '"}\n');
  closeSync(fd);
}

interface Run {
  label: string;
  peakMb: number;
  /** Sampled maxima of the process's own memory (heap, SQLite page cache) and of file pages it maps (SQLite's mmap window). */
  anonMb: number;
  fileMb: number;
  secs: number;
  curve: number[];
  code: number | null;
  out: string;
}

/** Runs a command under /usr/bin/time, sampling the RSS of the process it starts. */
function measure(label: string, cmd: string[], stdoutTo: string | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const fd = stdoutTo ? openSync(stdoutTo, 'w') : 'ignore';
    const child = spawn('/usr/bin/time', ['-f', '%M', ...cmd], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, MARSAD_LOG_LEVEL: 'silent' } });
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
    const curve: number[] = [];
    let anonMb = 0;
    let fileMb = 0;
    const timer = setInterval(() => {
      try {
        const kids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
        const pid = kids[0];
        if (!pid) return;
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
        curve.push(Math.round(kb('VmRSS')));
        anonMb = Math.max(anonMb, Math.round(kb('RssAnon')));
        fileMb = Math.max(fileMb, Math.round(kb('RssFile')));
      } catch {
        // the process is gone
      }
    }, 250);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (typeof fd === 'number') closeSync(fd);
      const lines = err.trim().split('\n');
      const kb = Number(lines.at(-1));
      resolve({ label, peakMb: Math.round(kb / 1024), anonMb, fileMb, secs: (performance.now() - t0) / 1000, curve, code, out: lines.slice(0, -1).slice(-3).join(' | ') });
    });
  });
}

/** The curve in a few points (MB at 0%, 25%, 50%, 75%, 100% of the run). */
const points = (c: number[]) => (c.length ? [0, 0.25, 0.5, 0.75, 1].map((f) => c[Math.min(c.length - 1, Math.floor(f * (c.length - 1)))]).join('→') : '-');

const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-memory-'));
const cli = [process.execPath, 'bin/marsad.js'];
const rows: Run[] = [];
const row = (r: Run, note = '') => {
  rows.push(r);
  console.log(`${r.label.padEnd(44)} ${String(r.peakMb).padStart(7)} MB ${String(r.anonMb).padStart(6)} MB ${String(r.fileMb).padStart(6)} MB ${r.secs.toFixed(1).padStart(8)} s   exit ${r.code}   RSS ${points(r.curve)} MB ${note}`);
};
try {
  console.log(`bench:memory — load ${loadavg().map((x) => x.toFixed(1)).join(' ')}; inputs in ${dir}`);
  const recs = records();
  console.log(`${recs.length} corpus records`);
  const small = join(dir, 'one.json');
  writeFileSync(small, JSON.stringify([{ ...recs[0], url: `${recs[0]!.url}?one` }]));
  console.log(`${'run'.padEnd(44)} ${'peak RSS'.padStart(10)} ${'anon'.padStart(9)} ${'file'.padStart(9)} ${'time'.padStart(10)}`);
  row(await measure('baseline: node -e ""', [process.execPath, '-e', ''], null));
  row(await measure('baseline: marsad import (1 article)', [...cli, 'import', small, '--db', join(dir, 'one.db')], null));
  for (const mb of SINGLES) {
    const f = join(dir, `single-${mb}mb.json`);
    writeSingle(f, recs, mb);
    row(await measure(`marsad import: one ${mb} MB article (JSON)`, [...cli, 'import', f, '--db', join(dir, `single-${mb}.db`)], null));
    rmSync(f, { force: true });
  }
  for (const mb of PREFIX_MB) {
    const f = join(dir, `prefix-${mb}mb.jsonl`);
    const n = await writeJsonl(f, recs, mb);
    row(await measure(`marsad import: ${mb} MB JSONL (${n} articles)`, [...cli, 'import', f, '--db', join(dir, `prefix-${mb}.db`)], null));
    rmSync(f, { force: true });
    rmSync(join(dir, `prefix-${mb}.db`), { force: true });
  }
  const big = join(dir, `corpus-${BIG_MB}mb.jsonl`);
  const n = BIG_MB > 0 ? await writeJsonl(big, recs, BIG_MB) : 0;
  if (BIG_MB > 0) row(await measure(`marsad parse --json: ${BIG_MB} MB JSONL (${n} articles)`, [...cli, 'parse', '--json', big], '/dev/null'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const worst = Math.max(0, ...rows.slice(2).map((r) => r.peakMb));
const base = rows[1]?.peakMb ?? 0;
console.log(`\nworst peak ${worst} MB (target < 500 MB); CLI baseline ${base} MB; worst − baseline ${worst - base} MB`);
