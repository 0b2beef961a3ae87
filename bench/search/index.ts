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
 * 4. Story collapse (src/store/query.ts): the same corpus imported through the whole
 *    pipeline (`marsad import`: enrich, store, group into stories), searched one row per
 *    article and one row per story (`collapse: 'story'`), same queries, same run: MRR@10 and
 *    R@10 with the same relevant sets (a copy of the target counts, as above), the same
 *    counting the target's story row as found (the row links to every copy), and the
 *    latency of both.
 *
 * Run: `npm run bench:search [-- --queries N] [-- --no-pg] [-- --corpus DIR]` (DIR holds
 * saudinewsnet/; default ../shared/corpus beside the repository; a few minutes on 2 cores).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.ts';
import { openMarsadSqliteStore } from '../../src/store/sqlite/marsad.ts';
import { importInputs } from '../../src/pipeline/import.ts';
import { ingest } from '../../src/pipeline/index.ts';
import { rowToArticle, type ArticleRow } from '../../src/store/rows.ts';
import { analyzerFor } from '../../src/search/analyzer.ts';
import { knownItems, REPORT_SEED, TUNING_SEED, type KnownItem, type Recipe } from './queries.ts';
import { writtenCeiling } from './ceiling.ts';
import { marsadSystem, postgresArabic, rawFts, type System } from './systems.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const CORPUS = arg('--corpus') ? join(arg('--corpus')!, 'saudinewsnet') : fileURLToPath(new URL('../../../shared/corpus/saudinewsnet/', import.meta.url));
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

/** `storyOf`: article id → story; then `storyMrr` counts a row of the target's story as found. */
async function evaluate(sys: System, items: KnownItem[], variant: 'typed' | 'written', storyOf?: Map<string, string>): Promise<Score & { storyMrr?: number }> {
  for (const it of items.slice(0, 25)) await sys.search(it[variant]); // warm-up
  let rr = 0;
  let srr = 0;
  let found = 0;
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (const it of items) {
    const t0 = performance.now();
    const ids = await sys.search(it[variant]);
    ms.push(performance.now() - t0);
    const rank = ids.slice(0, 10).findIndex((row) => [row].flat().some((id) => it.relevant.has(id)));
    if (rank >= 0) {
      rr += 1 / (rank + 1);
      found++;
    }
    if (storyOf) {
      const s = storyOf.get(it.target);
      const srank = ids.slice(0, 10).findIndex((row) => [row].flat().some((id) => it.relevant.has(id) || (s !== undefined && storyOf.get(id) === s)));
      if (srank >= 0) srr += 1 / (srank + 1);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  const score = { mrr: rr / items.length, recall: found / items.length, p50: pct(ms, 0.5), p95: pct(ms, 0.95), cpu: (cpu.user + cpu.system) / 1000 / items.length };
  return storyOf ? { ...score, storyMrr: srr / items.length } : score;
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

    log('story collapse: marsad import path (enrich, store, group) …');
    const grouped = openMarsadSqliteStore(join(dir, 'grouped.db'), { analyzer: analyzerFor('light') });
    t0 = performance.now();
    await importInputs(grouped, [CORPUS], { ingest: (b) => ingest(grouped, b) });
    const groupMs = performance.now() - t0;
    const storyOf = new Map((grouped.db.prepare('SELECT id, story_id FROM articles').all() as Array<{ id: string; story_id: string | null }>).map((r) => [r.id, r.story_id ?? r.id]));
    const stories = new Set(storyOf.values()).size;
    const none = () => Promise.resolve();
    const perArticle: System = { name: 'collapse=none', search: (q) => grouped.searchSync({ q, limit: 10 }).hits.map((h) => h.id), close: none };
    // A collapsed row shows its copy and names up to three more under their own headlines (coverage.also).
    const collapsed: System = { name: 'collapse=story', search: (q) => grouped.searchSync({ q, limit: 10, collapse: 'story' }).hits.map((h) => [h.id, ...h.coverage!.also.map((a) => a.id)]), close: none };
    const shownOnly: System = { name: 'collapse=story, shown copy only', search: (q) => grouped.searchSync({ q, limit: 10, collapse: 'story' }).hits.map((h) => h.id), close: none };
    const rows3: string[][] = [];
    // Alternated twice, so that a change in the machine's load falls on both alike.
    const runs: Array<[System, Array<Awaited<ReturnType<typeof evaluate>>>]> = [[perArticle, []], [collapsed, []], [shownOnly, []]];
    for (let round = 0; round < 2; round++) for (const [sys, out] of runs) for (const v of ['typed', 'written'] as const) out.push(await evaluate(sys, items, v, storyOf));
    for (const [sys, [t1, w1, t2, w2]] of runs) {
      const ms = (x: number) => x.toFixed(2);
      rows3.push([sys.name, f3(t1!.mrr), f3(t1!.storyMrr!), f3(t1!.recall), f3(w1!.mrr), f3(w1!.storyMrr!), f3(w1!.recall), ms(Math.min(Math.max(t1!.p50, w1!.p50), Math.max(t2!.p50, w2!.p50))), ms(Math.min(Math.max(t1!.p95, w1!.p95), Math.max(t2!.p95, w2!.p95))), ms(Math.min((t1!.cpu + w1!.cpu) / 2, (t2!.cpu + w2!.cpu) / 2))]);
    }
    await grouped.close();
    const head3 = ['Marsad light, grouped store', 'typed MRR@10', 'typed story MRR@10', 'typed R@10', 'written MRR@10', 'written story MRR@10', 'written R@10', 'p50 ms', 'p95 ms', 'CPU ms/query'];
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
      '',
      `Story collapse: the same ${items.length} queries on the corpus imported through the whole pipeline (${(groupMs / 1000).toFixed(0)} s; ${stories} stories), one row per article vs one per story.`,
      ...table(head3, rows3),
      'MRR@10 and R@10: a copy of the target (same folded headline) counts, as above — for collapse=story, shown or named on its row (coverage.also, up to three more headlines);',
      '"shown copy only" counts the row\'s own copy alone. Story MRR@10: a row of the target\'s story counts too.',
      'Latency: each system measured twice, alternated; the better of the two runs (the machine is shared).',
    ];
    process.stdout.write(out.join('\n') + '\n');
    for (const s of systems) await s.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
