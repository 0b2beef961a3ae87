/**
 * PostgreSQL whole-pipeline throughput by number of worker processes, this tree against a
 * baseline git ref, in the same run: the question is whether a second worker adds
 * throughput (issue 10: 2 workers ≥ 1.5× one), not the absolute rate of a shared machine.
 *
 * The first N corpus articles (bench/scale/corpus.ts: the saudinewsnet corpus next to the
 * repository, ../shared/corpus) are written to a JSON-lines file; for each round, each tree
 * (baseline first) and each worker count, a fresh schema is migrated and W processes of that
 * tree's bench/scale/ingest-worker.ts each import their share through `ingest` (enrich,
 * store, group) — every worker also groups what the others stored. Articles/s = N over the
 * slowest worker's time; the story count of each run is printed too (it must not change
 * with the tree or the worker count). Medians over rounds, and ratios to one worker.
 *
 * Run: `MARSAD_TEST_PG=postgres://… node --import tsx bench/scale/workers.ts [--ref main]
 *       [--articles 1500] [--workers 1,2] [--rounds 1] [--corpus DIR]` (DIR: the shared corpus
 *       folder holding saudinewsnet/; default ../shared/corpus beside the repository, or
 *       MARSAD_CORPUS).
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { openStore } from '../../src/store/index.ts';
import { PG, pgAdmin } from './pg.ts';
import { CORPUS, loadCorpus } from './corpus.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: { ref: { type: 'string', default: 'main' }, articles: { type: 'string', default: '1500' }, workers: { type: 'string', default: '1,2' }, rounds: { type: 'string', default: '1' }, corpus: { type: 'string' } },
});
const N = Number(values.articles);
const WORKERS = values.workers!.split(',').map(Number);
const log = (s: string) => process.stderr.write(s + '\n');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function worker(tree: string, url: string, file: string, from: number, to: number): Promise<{ ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(tree, 'bench/scale/ingest-worker.ts'), url, file, String(from), String(to), 'pipeline', '200'], {
      cwd: tree,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number }) : reject(new Error(`worker failed (${code}): ${err.slice(-2000)}`))));
  });
}

/** Deadlocks PostgreSQL has detected in this database so far (each cost its loser `deadlock_timeout`, 1 s by default, and a retry). */
const deadlocks = () => pgAdmin(async (c) => Number((await c.query<{ n: string }>('SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()')).rows[0]!.n));

const dir = mkdtempSync(join(tmpdir(), 'marsad-workers-'));
try {
  const base = join(dir, 'base');
  execSync(`mkdir -p ${base} && git archive ${values.ref} src data bench package.json | tar -x -C ${base}`, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  symlinkSync(join(ROOT, 'node_modules'), join(base, 'node_modules'));
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, (await loadCorpus(log, values.corpus ? join(values.corpus, 'saudinewsnet') : CORPUS)).slice(0, N).map((a) => JSON.stringify(a)).join('\n') + '\n');
  const trees = [
    { name: `baseline ${values.ref} (${execSync(`git rev-parse --short ${values.ref}`, { cwd: ROOT }).toString().trim()})`, path: base },
    { name: 'this tree', path: ROOT },
  ];
  const rates = new Map<string, number[]>();
  for (let r = 0; r < Number(values.rounds); r++)
    for (const t of trees)
      for (const w of WORKERS) {
        const schema = `t_workers_${process.pid}_${r}_${w}`;
        const u = new URL(PG);
        u.searchParams.set('schema', schema);
        const tree = (await import(join(t.path, 'src/store/index.ts'))) as { openStore: typeof openStore };
        await (await tree.openStore(u.toString())).close();
        const dl0 = await deadlocks();
        const share = Math.ceil(N / w);
        const runs = await Promise.all(Array.from({ length: w }, (_, i) => worker(t.path, u.toString(), file, i * share, Math.min(N, (i + 1) * share))));
        const rate = N / (Math.max(...runs.map((x) => x.ms)) / 1000);
        const st = await pgAdmin(async (c) => (await c.query<{ n: string; u: string }>(`SELECT count(DISTINCT story_id) AS n, count(*) FILTER (WHERE story_id IS NULL) AS u FROM "${schema}".articles`)).rows[0]!);
        await pgAdmin((c) => c.query(`DROP SCHEMA "${schema}" CASCADE`));
        // The statistics reach pg_stat_database within a second of each transaction's end.
        await new Promise((res) => setTimeout(res, 1500));
        const dl = (await deadlocks()) - dl0;
        log(`${t.name}, ${w} worker(s), round ${r + 1}: ${rate.toFixed(1)} articles/s, ${st.n} stories, ${st.u} ungrouped, ${dl} deadlock(s) in the database meanwhile`);
        rates.set(`${t.name}|${w}`, [...(rates.get(`${t.name}|${w}`) ?? []), rate]);
      }
  console.log(`PostgreSQL whole pipeline, ${N} articles, medians of ${values.rounds} round(s):`);
  console.log(`| tree | ${WORKERS.map((w) => `${w} worker(s)`).join(' | ')} |`);
  console.log(`|---|${WORKERS.map(() => '---').join('|')}|`);
  for (const t of trees) {
    const one = median(rates.get(`${t.name}|${WORKERS[0]}`)!);
    console.log(`| ${t.name} | ${WORKERS.map((w) => { const m = median(rates.get(`${t.name}|${w}`)!); return `${m.toFixed(1)}/s (${(m / one).toFixed(2)}×)`; }).join(' | ')} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
