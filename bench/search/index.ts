/**
 * Search benchmark: quality and speed side by side, in one run, on saudinewsnet.
 *
 * 1. Ingest: `importInputs` (the `marsad import` path: read ZIPs, parse, analyze, store in
 *    batches of 500) of the whole corpus into a fresh file, next to a bare FTS5 `unicode61`
 *    insert of the same raw titles and texts, same batching, same run.
 * 2. Known-item search (queries.ts): 500 queries, typed and as written, against Marsad
 *    with the light stemmer, with Snowball, without stemming; FTS5 `unicode61` over the
 *    raw text; PostgreSQL's `arabic` configuration when a server answers on
 *    $MARSAD_TEST_PG (default postgres://postgres@127.0.0.1:5432/test).
 *    MRR@10, Recall@10, p50/p95 latency of one search call (Marsad's includes re-ranking
 *    and snippets; PostgreSQL's a local round trip).
 *
 * 3. The query sets: the reported one (REPORT_SEED, recipe v2: queries.ts) for every
 *    system; Marsad with the light stemmer also on the tuning seed (TUNING_SEED, which
 *    ranking and stemmer changes were tuned on: bench/search/tune.ts) and with the first
 *    recipe (v1). Beside each, the written-query ceiling (ceiling.ts): the MRR@10 of the
 *    Bayes-optimal ranking that knows the recipe.
 *
 * Run: `npm run bench:search [-- --queries N] [-- --no-pg]` (a few minutes on 2 cores).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.ts';
import { importInputs } from '../../src/pipeline/import.ts';
import { rowToArticle, type ArticleRow } from '../../src/store/rows.ts';
import { analyzerFor } from '../../src/search/analyzer.ts';
import { knownItems, REPORT_SEED, TUNING_SEED, type KnownItem, type Recipe } from './queries.ts';
import { writtenCeiling } from './ceiling.ts';
import { marsadSystem, postgresArabic, rawFts, type System } from './systems.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/saudinewsnet/', import.meta.url));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('--queries')) || 500;
const PG = process.env.MARSAD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Score {
  mrr: number;
  recall: number;
  p50: number;
  p95: number;
  /** This process's CPU time per query (the machine is shared: wall time includes waiting). */
  cpu: number;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};

async function evaluate(sys: System, items: KnownItem[], variant: 'typed' | 'written'): Promise<Score> {
  for (const it of items.slice(0, 25)) await sys.search(it[variant]); // warm-up
  let rr = 0;
  let found = 0;
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (const it of items) {
    const t0 = performance.now();
    const ids = await sys.search(it[variant]);
    ms.push(performance.now() - t0);
    const rank = ids.slice(0, 10).findIndex((id) => it.relevant.has(id));
    if (rank >= 0) {
      rr += 1 / (rank + 1);
      found++;
    }
  }
  const cpu = process.cpuUsage(cpu0);
  return { mrr: rr / items.length, recall: found / items.length, p50: pct(ms, 0.5), p95: pct(ms, 0.95), cpu: (cpu.user + cpu.system) / 1000 / items.length };
}

const f3 = (x: number): string => x.toFixed(3);

/** A Markdown table: first column left-aligned, the others right-aligned. */
function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|') + '|', ...rows.map(line)];
}

function readBack(store: SqliteStore) {
  return (store.db.prepare('SELECT * FROM articles ORDER BY seq').all() as ArticleRow[]).map(rowToArticle);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-search-'));
  const log = (s: string) => process.stderr.write(s + '\n');
  try {
    log('ingest: marsad import path …');
    const light = openSqliteStore(join(dir, 'light.db'), { analyzer: analyzerFor('light') });
    let t0 = performance.now();
    const counts = await importInputs(light, [CORPUS]);
    const importMs = performance.now() - t0;
    const articles = readBack(light);
    const stored = counts.added + counts.updated + counts.unchanged;

    log('ingest: bare FTS5 insert …');
    const raw = rawFts(join(dir, 'raw.db'), articles);

    const others: Array<[string, SqliteStore, number]> = [];
    for (const stemmer of ['snowball', 'none'] as const) {
      log(`index: marsad ${stemmer} …`);
      const s = openSqliteStore(join(dir, `${stemmer}.db`), { analyzer: analyzerFor(stemmer) });
      t0 = performance.now();
      for (let i = 0; i < articles.length; i += 500) await s.upsertArticles(articles.slice(i, i + 500));
      others.push([stemmer, s, performance.now() - t0]);
    }
    log('index: PostgreSQL …');
    const pgSys = process.argv.includes('--no-pg') ? null : await postgresArabic(PG, articles);

    const items = knownItems(articles, N, REPORT_SEED, 'v2');
    const systems: System[] = [
      marsadSystem('Marsad, light stemmer', light),
      marsadSystem('Marsad, Snowball', others[0]![1]),
      marsadSystem('Marsad, no stemming', others[1]![1]),
      raw.system,
      ...(pgSys ? [pgSys] : []),
    ];
    const rows: string[][] = [];
    for (const sys of systems) {
      log(`search: ${sys.name} …`);
      const typed = await evaluate(sys, items, 'typed');
      const written = await evaluate(sys, items, 'written');
      const f = f3;
      const ms = (x: number) => x.toFixed(2);
      const p50 = Math.max(typed.p50, written.p50);
      const p95 = Math.max(typed.p95, written.p95);
      rows.push([sys.name, f(typed.mrr), f(typed.recall), f(written.mrr), f(written.recall), ms(p50), ms(p95), ms((typed.cpu + written.cpu) / 2)]);
    }
    log('ceiling …');
    rows.push(['Bayes-optimal ranking (ceiling)', '', '', f3(writtenCeiling(articles, items)), '', '', '', '']);
    const head = ['system', 'typed MRR@10', 'typed R@10', 'written MRR@10', 'written R@10', 'p50 ms', 'p95 ms', 'CPU ms/query'];

    log('other query sets: Marsad light …');
    const sets: Array<[number, Recipe]> = [[REPORT_SEED, 'v1'], [TUNING_SEED, 'v2'], [TUNING_SEED, 'v1']];
    const rows2: string[][] = [];
    for (const [seed, recipe] of sets) {
      const xs = knownItems(articles, N, seed, recipe);
      const typed = await evaluate(systems[0]!, xs, 'typed');
      const written = await evaluate(systems[0]!, xs, 'written');
      const role = seed === REPORT_SEED ? 'reported' : 'tuning';
      rows2.push([`seed ${seed} (${role}), recipe ${recipe}`, f3(typed.mrr), f3(typed.recall), f3(written.mrr), f3(written.recall), f3(writtenCeiling(articles, xs))]);
    }
    const head2 = ['Marsad light, query set', 'typed MRR@10', 'typed R@10', 'written MRR@10', 'written R@10', 'written ceiling'];
    const out = [
      `Known-item search on saudinewsnet: ${articles.length} articles indexed, ${items.length} queries (seed ${REPORT_SEED}, recipe v2), top 10.`,
      ...table(head, rows),
      'Targets: typed MRR@10 ≥ 0.88, typed R@10 ≥ 0.97, written MRR@10 ≥ 0.90, p95 ≤ 5 ms.',
      'p50/p95: wall time of one search call, the worse of typed and written; CPU: this process only (PostgreSQL works in its server).',
      `Machine load average while searching: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores.`,
      '',
      `Ingest: marsad import path ${stored} articles (${counts.added} rows) in ${(importMs / 1000).toFixed(1)} s = ${Math.round(stored / (importMs / 1000))} articles/s` +
        ` (read ZIP, parse, analyze, store); bare FTS5 unicode61 insert of the same ${articles.length} raw titles+texts ${(raw.ms / 1000).toFixed(1)} s` +
        ` = ${Math.round(articles.length / (raw.ms / 1000))}/s; ratio ${(importMs / raw.ms).toFixed(2)}×.`,
      `  (analyze+store only, from parsed Articles: ${others.map(([n, , ms]) => `${n} ${(ms / 1000).toFixed(1)} s`).join(', ')}.)`,
      'Targets: ≥ 1,000 articles/s and ≤ 2.5× the bare insert.',
      'Sample queries (typed | as written): ' + items.slice(0, 3).map((i) => `${i.typed} | ${i.written}`).join(' ; '),
      '',
      `Marsad (light stemmer) on other query sets of ${N}: the tuning seed and the first recipe (v1: queries.ts).`,
      ...table(head2, rows2),
      'Written ceiling: MRR@10 of the Bayes-optimal ranking that knows the query recipe (ceiling.ts).',
    ];
    process.stdout.write(out.join('\n') + '\n');
    for (const s of systems) await s.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
