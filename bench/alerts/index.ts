/**
 * Alerts bench (issue 11): full-pipeline ingest throughput with 0 vs 10,000 stored alerts
 * (target: a drop of at most 20%), and the percolator's matching cost alone against a
 * brute-force baseline (every alert verified against every article).
 *
 * Alerts are realistic queries drawn from the corpus itself, from days other than the ones
 * ingested: 40% adjacent headline word pairs as phrases, 20% an entity name (found by the
 * enrich stage) with a headline word, 15% two such phrases ORed, 15% two headline words
 * with an excluded word, 7% an entity name with a headline phrase, 3% an entity name alone
 * (broad: a country's name matches a large share of the news). As in monitoring, most
 * alerts match few articles and some match many; the figures print how many matched.
 *
 * Each ingest run is a child process (a fresh SQLite file; alerts created before the
 * clock starts) that ingests the parsed days in batches of 500 through `ingest`, the path
 * of `marsad import`; wall and CPU time (user+system) are measured around the ingest
 * only. Modes run interleaved `--runs` times; the medians and their ratio are printed.
 *
 * Run: `npm run bench:alerts [-- --corpus DIR] [--days 2] [--alerts 10000] [--runs 3]`.
 * DIR holds saudinewsnet/ (default ../shared/corpus beside the repository).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../../src/ingest/index.ts';
import { readInputs } from '../../src/ingest/inputs.ts';
import type { Article } from '../../src/model/article.ts';
import { enrichArticle, ingest } from '../../src/pipeline/index.ts';
import { openMarsadSqliteStore } from '../../src/store/sqlite/marsad.ts';
import { makeAlert } from '../../src/alerts/model.ts';
import { AlertMatcher, tokensOf, type MatchDoc } from '../../src/alerts/percolate.ts';
import { analyze } from '../../src/arabic/index.ts';
import { parseQuery } from '../../src/search/query.ts';
import { defaultAnalyzer } from '../../src/search/analyzer.ts';
import type { Alert } from '../../src/alerts/types.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const CORPUS = arg('--corpus') ?? fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const DAYS = Math.max(1, Number(arg('--days')) || 2);
const N_ALERTS = Math.max(0, Number(arg('--alerts') ?? 10_000));
const RUNS = Math.max(1, Number(arg('--runs')) || 3);
const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const noGuard = { checkUrl: () => ({ ok: true as const }) };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function parseDays(files: string[]): Promise<Article[]> {
  const out: Article[] = [];
  for await (const item of readInputs(files)) if ('doc' in item) out.push(...(await parseDocument(item.doc)).articles);
  const seen = new Set<string>();
  return out.filter((a) => !seen.has(a.id) && seen.add(a.id));
}

function dayFiles(): { ingest: string[]; queries: string[] } {
  const dir = join(CORPUS, 'saudinewsnet');
  const all = readdirSync(dir).filter((f) => f.endsWith('.zip')).sort().map((f) => join(dir, f));
  if (all.length < DAYS + 1) throw new Error(`bench:alerts: need ${DAYS + 1} daily zips in ${dir}`);
  return { ingest: all.slice(0, DAYS), queries: all.slice(-3) };
}

/** A deterministic PRNG (mulberry32), so every run draws the same alerts. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` realistic queries from the headlines and entities of `source`. */
function drawQueries(source: Article[], n: number): string[] {
  const rand = rng(11);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const words: string[][] = source.map((a) => a.title.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter((w) => w.length >= 3 && analyze(w).length === 1));
  const titled = words.filter((w) => w.length >= 3);
  const entities = new Set<string>();
  for (const a of source.slice(0, 1500)) for (const e of enrichArticle(a).article.entities ?? []) entities.add(e.name);
  const names = [...entities].filter((x) => analyze(x).length > 0);
  const out = new Set<string>();
  while (out.size < n) {
    const w = pick(titled);
    const i = Math.floor(rand() * (w.length - 1));
    const r = rand();
    const w2 = pick(titled);
    const j = Math.floor(rand() * (w2.length - 1));
    let q: string;
    if (r < 0.4) q = `"${w[i]} ${w[i + 1]}"`;
    else if (r < 0.6) q = `"${pick(names)}" ${pick(w)}`;
    else if (r < 0.75) q = `"${w[i]} ${w[i + 1]}" OR "${w2[j]} ${w2[j + 1]}"`;
    else if (r < 0.9) q = `${w[i]} ${pick(w.filter((x) => x !== w[i]))} -${pick(w2)}`;
    else if (r < 0.97) q = `"${pick(names)}" "${w[i]} ${w[i + 1]}"`;
    // A few broad ones: an entity name alone (a country's name matches a large share of the news).
    else q = `"${pick(names)}"`;
    if (!parseQuery(q, defaultAnalyzer).empty) out.add(q);
  }
  return [...out];
}

// ── child: one timed ingest ─────────────────────────────────────────────────────────
async function child(mode: 'none' | 'alerts', db: string): Promise<void> {
  const { ingest: files, queries } = dayFiles();
  const articles = await parseDays(files);
  const store = openMarsadSqliteStore(db);
  let alerts = 0;
  if (mode === 'alerts') {
    const qs = drawQueries(await parseDays(queries), N_ALERTS);
    for (const q of qs) await store.alerts.createAlert(makeAlert({ name: q, query: q }, noGuard));
    alerts = qs.length;
  }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i += 500) await ingest(store, articles.slice(i, i + 500));
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const m = store.db.prepare('SELECT (SELECT count(*) FROM alert_match_articles) AS matches, (SELECT count(*) FROM alert_matches) AS entries').get() as { matches: number; entries: number };
  await store.close();
  process.stdout.write(JSON.stringify({ mode, articles: articles.length, alerts, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, ...m }) + '\n');
}

interface Run {
  mode: string;
  articles: number;
  alerts: number;
  wallMs: number;
  cpuMs: number;
  matches: number;
  entries: number;
}

async function main(): Promise<void> {
  if (!existsSync(join(CORPUS, 'saudinewsnet'))) {
    process.stderr.write(`bench:alerts: no corpus at ${CORPUS} (pass --corpus DIR holding saudinewsnet/)\n`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-alerts-'));
  const runs: Run[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      for (const mode of ['none', 'alerts'] as const) {
        const db = join(dir, `${mode}-${r}.db`);
        const out = execFileSync(process.execPath, ['--import', 'tsx', SELF, '--child', mode, db, ...process.argv.slice(2)], { cwd: ROOT, maxBuffer: 1 << 24 });
        const run = JSON.parse(out.toString().trim().split('\n').at(-1)!) as Run;
        runs.push(run);
        process.stderr.write(`run ${r + 1}/${RUNS} ${mode}: ${run.articles} articles in ${(run.wallMs / 1000).toFixed(1)} s (cpu ${(run.cpuMs / 1000).toFixed(1)} s)\n`);
        rmSync(db, { force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const of = (mode: string) => runs.filter((r) => r.mode === mode);
  const none = of('none');
  const withA = of('alerts');
  const rate = (rs: Run[], k: 'wallMs' | 'cpuMs') => median(rs.map((r) => r.articles / (r[k] / 1000)));
  const [w0, w1, c0, c1] = [rate(none, 'wallMs'), rate(withA, 'wallMs'), rate(none, 'cpuMs'), rate(withA, 'cpuMs')];
  const a = withA[0]!;
  console.log(`\nAlerts bench — ${a.articles} articles (${DAYS} saudinewsnet day(s)), ${RUNS} interleaved run(s), load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`${'mode'.padEnd(34)} ${'articles/s (wall)'.padStart(18)} ${'articles/s (cpu)'.padStart(17)}`);
  console.log(`${'full pipeline, 0 alerts (baseline)'.padEnd(34)} ${w0.toFixed(1).padStart(18)} ${c0.toFixed(1).padStart(17)}`);
  console.log(`${`full pipeline, ${a.alerts} alerts`.padEnd(34)} ${w1.toFixed(1).padStart(18)} ${c1.toFixed(1).padStart(17)}`);
  console.log(`ratio (with / without): wall ${(w1 / w0).toFixed(3)}, cpu ${(c1 / c0).toFixed(3)} → drop ${((1 - w1 / w0) * 100).toFixed(1)}% wall, ${((1 - c1 / c0) * 100).toFixed(1)}% cpu (target ≤ 20%)`);
  console.log(`matches recorded: ${a.matches} (article × alert), outbox entries (alert × story): ${a.entries}`);

  // Matching alone: the percolator vs verifying every alert on every article.
  const { ingest: files, queries } = dayFiles();
  const articles = (await parseDays(files)).map((x) => enrichArticle(x).article);
  const alerts: Alert[] = drawQueries(await parseDays(queries), N_ALERTS).map((q) => makeAlert({ name: q, query: q }, noGuard));
  const docs: MatchDoc[] = articles.map((x) => ({ title: tokensOf(analyze(x.title)), text: tokensOf(analyze(x.text)), outlet: x.outlet, entities: x.entities, keywords: x.keywords, tags: x.tags }));
  const m = await AlertMatcher.build(alerts);
  const times: number[] = [];
  let hits = 0;
  let cands = 0;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    hits = 0;
    for (const d of docs) hits += m.match(d).length;
    times.push((performance.now() - t) / docs.length);
  }
  for (const d of docs) cands += m.candidates(d);
  const sample = docs.slice(0, 100);
  const brute = await Promise.all(alerts.map((x) => AlertMatcher.build([x])));
  const tb = performance.now();
  let bruteHits = 0;
  for (const d of sample) for (const one of brute) bruteHits += one.match(d).length;
  const bruteMs = (performance.now() - tb) / sample.length;
  let pHits = 0;
  for (const d of sample) pHits += m.match(d).length;
  console.log(`\nmatching alone (${alerts.length} alerts): percolator ${(median(times) * 1000).toFixed(1)} µs/article, ${(cands / docs.length).toFixed(1)} candidate alerts/article, ${hits} matches`);
  console.log(`brute force (every alert verified, first 100 articles): ${(bruteMs * 1000).toFixed(1)} µs/article → percolator ${(bruteMs / median(times)).toFixed(0)}× faster; same matches on the sample: ${pHits === bruteHits ? 'yes' : `NO (${pHits} vs ${bruteHits})`}`);
}

if (process.argv[2] === '--child') await child(process.argv[3] as 'none' | 'alerts', process.argv[4]!);
else await main();
