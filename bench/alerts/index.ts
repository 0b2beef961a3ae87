/**
 * Alerts bench (issue 11): full-pipeline ingest throughput with 0 vs 10,000 stored alerts
 * (target: a drop of at most 20%), and the percolator's matching cost alone against a
 * brute-force baseline (every alert verified against every article).
 *
 * Alerts are realistic queries drawn from the corpus itself, from days other than the ones
 * ingested (bench/alerts/queries.ts: 2–4 word queries, phrases, names with a topic word,
 * some filters, a few broad ones); the figures print how the matches spread over the
 * alerts and the articles.
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
import type { Alert } from '../../src/alerts/types.ts';
import { drawAlerts } from './queries.ts';

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

// ── child: one timed ingest ─────────────────────────────────────────────────────────
async function child(mode: 'none' | 'alerts', db: string): Promise<void> {
  const { ingest: files, queries } = dayFiles();
  const articles = await parseDays(files);
  const store = openMarsadSqliteStore(db);
  let alerts = 0;
  if (mode === 'alerts') {
    const drafts = drawAlerts(await parseDays(queries), N_ALERTS);
    for (const d of drafts) await store.alerts.createAlert(makeAlert(d, noGuard));
    alerts = drafts.length;
  }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i += 500) await ingest(store, articles.slice(i, i + 500));
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const m = store.db.prepare('SELECT (SELECT count(*) FROM alert_match_articles) AS matches, (SELECT count(*) FROM alert_matches) AS entries').get() as { matches: number; entries: number };
  // How the matches spread: per alert (how many articles each matched) and per article.
  const perAlert = store.db.prepare('SELECT count(*) AS n FROM alert_match_articles GROUP BY alert_id').pluck().all() as number[];
  const perArticle = store.db.prepare('SELECT count(*) AS n FROM alert_match_articles GROUP BY article_id').pluck().all() as number[];
  await store.close();
  const spread = {
    alertsNone: alerts - perAlert.length,
    alerts1to5: perAlert.filter((n) => n <= 5).length,
    alerts6to50: perAlert.filter((n) => n > 5 && n <= 50).length,
    alertsOver50: perAlert.filter((n) => n > 50).length,
    articlesMatched: perArticle.length,
    perArticleMedian: median([...perArticle, ...new Array<number>(articles.length - perArticle.length).fill(0)]),
  };
  process.stdout.write(JSON.stringify({ mode, articles: articles.length, alerts, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, ...m, ...spread }) + '\n');
}

interface Run {
  mode: string;
  articles: number;
  alerts: number;
  wallMs: number;
  cpuMs: number;
  matches: number;
  entries: number;
  alertsNone: number;
  alerts1to5: number;
  alerts6to50: number;
  alertsOver50: number;
  articlesMatched: number;
  perArticleMedian: number;
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
  console.log(`per article: ${(a.matches / a.articles).toFixed(2)} matches on average, median ${a.perArticleMedian}, ${a.articlesMatched} of ${a.articles} articles matched by at least one alert`);
  console.log(`per alert: ${a.alertsNone} matched nothing, ${a.alerts1to5} matched 1–5 articles, ${a.alerts6to50} matched 6–50, ${a.alertsOver50} matched more than 50`);

  // Matching alone: the percolator vs verifying every alert on every article.
  const { ingest: files, queries } = dayFiles();
  const articles = (await parseDays(files)).map((x) => enrichArticle(x).article);
  const alerts: Alert[] = drawAlerts(await parseDays(queries), N_ALERTS).map((d) => makeAlert(d, noGuard));
  const docs: MatchDoc[] = articles.map((x) => ({ title: tokensOf(analyze(x.title)), text: tokensOf(analyze(x.text)), outlet: x.outlet, entities: x.entities, keywords: x.keywords, tags: x.tags }));
  // Keys from the document frequencies of these articles (what the pipeline's df table holds once they are stored).
  const dfs = new Map<string, number>();
  for (const d of docs) for (const t of new Set([...d.title, ...d.text])) dfs.set(t, (dfs.get(t) ?? 0) + 1);
  const blind = await AlertMatcher.build(alerts);
  const m = await blind.rekey((ts) => ts.map((t) => dfs.get(t) ?? 0));
  let blindCands = 0;
  for (const d of docs) blindCands += blind.candidates(d);
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
  console.log(`\nmatching alone (${alerts.length} alerts): percolator ${(median(times) * 1000).toFixed(1)} µs/article, ${(cands / docs.length).toFixed(1)} candidate alerts/article (${(blindCands / docs.length).toFixed(1)} when keyed without document frequencies), ${hits} matches`);
  console.log(`brute force (every alert verified, first 100 articles): ${(bruteMs * 1000).toFixed(1)} µs/article → percolator ${(bruteMs / median(times)).toFixed(0)}× faster; same matches on the sample: ${pHits === bruteHits ? 'yes' : `NO (${pHits} vs ${bruteHits})`}`);
}

if (process.argv[2] === '--child') await child(process.argv[3] as 'none' | 'alerts', process.argv[4]!);
else await main();
