/**
 * Search at scale (issue 10): typed known-item queries against a store of `--articles`
 * articles (default 1,000,000), every match scored (FTS_TUNING.scored = 0: every match of
 * every index part, each by its part's BM25) against the bounded search (FTS_TUNING.scored:
 * BM25 in the newest part(s) only, the older matches unscored; docs/SEARCH.md "The index in
 * parts"), in the same process, the two alternated query by query. The store is built in
 * parts of FTS_TUNING.part articles, as the store builds any; a store built before the parts
 * is one part and is measured as it is.
 *
 * 1. The store: the saudinewsnet corpus, then perturbed copies of it 35 days apart (bench/scale/
 *    corpus.ts, as bench/scale/million.ts builds them), stored through `upsertArticles` (the
 *    analysis and the index, no grouping or enrichment: search reads neither), built once
 *    under `--dir` and reused. A sidecar file keeps each corpus article's copies' ids.
 * 2. The queries: the search benchmark's known items as people type them (bench/search/
 *    queries.ts); an item's relevant set is its article, the corpus articles with the same
 *    folded headline, and all their copies.
 * 3. The table: per mode, p50/p95/mean ms per search (wall, in this process), MRR@10 and R@10
 *    over the relevant sets, and how far the bounded top-10 agrees with the exact one.
 *
 * Run: `node --import tsx bench/search/scale.ts [--articles 1000000] [--queries 500]
 *       [--collapse] [--dir DIR] [--corpus DIR]` (--collapse: one row per story, as the reader's
 *       search page asks; DIR default: marsad-search-scale in the OS temp folder;
 *       --corpus: the shared corpus folder holding saudinewsnet/, default ../shared/corpus
 *       beside the repository: pass it when the repository stands alone).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from '../../src/model/article.ts';
import { openStore } from '../../src/store/index.ts';
import { FTS_TUNING } from '../../src/store/query.ts';
import { CORPUS, loadCorpus, scaled } from '../scale/corpus.ts';
import { knownItems } from './queries.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '500' },
    dir: { type: 'string' },
    corpus: { type: 'string' },
    collapse: { type: 'boolean', default: false },
  },
});
const N = Number(values.articles);
const COLLAPSE = values.collapse ? 'story' : 'none';
const DIR = values.dir ?? join(tmpdir(), 'marsad-search-scale');
const DB = join(DIR, `search-${N}.db`);
const IDS = join(DIR, `search-${N}.copies.json`);
const corpusDir = values.corpus ? join(values.corpus, 'saudinewsnet') : CORPUS;
const log = (s: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

if (!existsSync(corpusDir)) {
  process.stderr.write(`no corpus at ${corpusDir}: pass --corpus <the shared corpus folder, the one holding saudinewsnet/>\n`);
  process.exit(2);
}

/** Builds the store once; returns each corpus article's copies' ids (by corpus index). */
async function build(base: Article[]): Promise<string[][]> {
  if (existsSync(DB) && existsSync(IDS)) return JSON.parse(readFileSync(IDS, 'utf8')) as string[][];
  if (existsSync(DB)) throw new Error(`${DB} exists without ${IDS}: delete it to build again`);
  mkdirSync(DIR, { recursive: true });
  const copies: string[][] = base.map(() => []);
  const store = await openStore(DB);
  const t0 = performance.now();
  let batch: Article[] = [];
  let i = 0;
  try {
    for (const a of scaled(base, N, 35)) {
      if (i >= base.length) copies[i % base.length]!.push(a.id);
      batch.push(a);
      if (++i % 2000 === 0) {
        await store.upsertArticles(batch);
        batch = [];
        if (i % 50_000 === 0) log(`build: ${i} articles, ${(i / ((performance.now() - t0) / 1000)).toFixed(0)}/s`);
      }
    }
    if (batch.length) await store.upsertArticles(batch);
  } finally {
    await store.close();
  }
  writeFileSync(IDS, JSON.stringify(copies));
  log(`build: ${N} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return copies;
}

interface Run {
  ms: number[];
  rr: number;
  found: number;
  tops: string[][];
}

async function main(): Promise<void> {
  const base = await loadCorpus(log, corpusDir);
  const copies = await build(base);
  const index = new Map(base.map((a, i) => [a.id, i]));
  const items = knownItems(base, Number(values.queries));
  const relevant = items.map((it) => new Set([...it.relevant].flatMap((id) => [id, ...(copies[index.get(id)!] ?? [])])));
  const bounded = FTS_TUNING.scored;
  const modes: Array<[string, number]> = [
    ['every match scored', 0],
    [`bounded (${bounded} newest)`, bounded],
  ];
  const runs: Run[] = modes.map(() => ({ ms: [], rr: 0, found: 0, tops: [] }));
  const store = await openStore(DB, { mustExist: true });
  const load0 = loadavg()[0]!.toFixed(1);
  try {
    for (const it of items.slice(0, 20)) await store.search({ q: it.typed, limit: 10, collapse: COLLAPSE });
    for (let q = 0; q < items.length; q++) {
      for (let k = 0; k < modes.length; k++) {
        const m = (q + k) % modes.length; // alternate which mode goes first
        FTS_TUNING.scored = modes[m]![1];
        const t = performance.now();
        const res = await store.search({ q: items[q]!.typed, limit: 10, collapse: COLLAPSE });
        runs[m]!.ms.push(performance.now() - t);
        const ids = res.hits.map((h) => h.id);
        runs[m]!.tops.push(ids);
        const at = ids.findIndex((id) => relevant[q]!.has(id));
        if (at >= 0) {
          runs[m]!.rr += 1 / (at + 1);
          runs[m]!.found++;
        }
      }
    }
  } finally {
    FTS_TUNING.scored = bounded;
    await store.close();
  }
  const exact = runs[0]!;
  const same = (r: Run) => r.tops.filter((t, q) => t.join() === exact.tops[q]!.join()).length / items.length;
  const overlap = (r: Run) => r.tops.reduce((s, t, q) => s + t.filter((id) => exact.tops[q]!.includes(id)).length / Math.max(1, exact.tops[q]!.length), 0) / items.length;
  const f = (x: number, d = 1) => x.toFixed(d);
  const lines = [
    `search at scale: ${N.toLocaleString('en')} articles (${DB}), ${items.length} typed known-item queries (collapse=${COLLAPSE}), load ${load0} → ${loadavg()[0]!.toFixed(1)}`,
    '',
    '| scoring | p50 ms | p95 ms | mean ms | MRR@10 | R@10 | top-10 identical to exact | top-10 overlap |',
    '|---|---|---|---|---|---|---|---|',
    ...modes.map(([name], m) => {
      const r = runs[m]!;
      const mean = r.ms.reduce((s, x) => s + x, 0) / r.ms.length;
      return `| ${name} | ${f(pct(r.ms, 0.5))} | ${f(pct(r.ms, 0.95))} | ${f(mean)} | ${f(r.rr / items.length, 3)} | ${f(r.found / items.length, 3)} | ${f(same(r), 3)} | ${f(overlap(r), 3)} |`;
    }),
    '',
    `bounded / exact: p50 ×${f(pct(runs[1]!.ms, 0.5) / pct(exact.ms, 0.5), 2)}, p95 ×${f(pct(runs[1]!.ms, 0.95) / pct(exact.ms, 0.95), 2)} (target p95 ≤ 25 ms on SQLite)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
