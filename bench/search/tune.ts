/**
 * Tuning harness for the search ranking: imports the corpus once into a kept database
 * (re-indexed automatically when the analyzer changes), draws known-item queries from
 * the TUNING seed (never the reported one, see index.ts) and prints MRR@10 / R@10 for
 * typed and as-written queries, plus the misses, so ranking changes can be judged without
 * looking at the reported query set.
 *
 * Run: node --import tsx bench/search/tune.ts [--db PATH] [--seed N] [--recipe v1|v2] [--queries N] [--misses K]
 *      [--set name=value,…]   (overrides RANKING / FTS_TUNING fields for this run)
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { importInputs } from '../../src/pipeline/import.ts';
import { rowToArticle, type ArticleRow } from '../../src/store/rows.ts';
import { analyzerFor } from '../../src/search/analyzer.ts';
import { knownItems, TUNING_SEED, type Recipe } from './queries.ts';
import { RANKING } from '../../src/search/rank.ts';
import { writtenCeiling } from './ceiling.ts';
import { FTS_TUNING } from '../../src/store/query.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/saudinewsnet/', import.meta.url));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const path = arg('--db') ?? join(tmpdir(), 'marsad-tune', 'light.db');
const seed = Number(arg('--seed')) || TUNING_SEED;
const n = Number(arg('--queries')) || 500;
const showMisses = Number(arg('--misses') ?? 0);
const recipe = (arg('--recipe') ?? 'v2') as Recipe;

for (const kv of (arg('--set') ?? '').split(',').filter(Boolean)) {
  const [k, v] = kv.split('=') as [string, string];
  const target = k in RANKING ? (RANKING as Record<string, number>) : k in FTS_TUNING ? (FTS_TUNING as Record<string, number>) : null;
  if (!target) throw new Error(`unknown setting: ${k}`);
  target[k] = Number(v);
}

const fresh = !existsSync(path);
const store = openSqliteStore(path, { analyzer: analyzerFor('light') });
if (fresh) await importInputs(store, [CORPUS]);
const articles = (store.db.prepare('SELECT * FROM articles ORDER BY seq').all() as ArticleRow[]).map(rowToArticle);
const items = knownItems(articles, n, seed, recipe);
const titleOf = new Map(articles.map((a) => [a.id, a.title]));

for (const variant of ['typed', 'written'] as const) {
  let rr = 0;
  let found = 0;
  const misses: string[] = [];
  const t0 = performance.now();
  for (const it of items) {
    const ids = store.searchSync({ q: it[variant], limit: 10 }).hits.map((h) => h.id);
    const rank = ids.findIndex((id) => it.relevant.has(id));
    if (rank >= 0) {
      rr += 1 / (rank + 1);
      found++;
    }
    if (rank !== 0) misses.push(`${rank < 0 ? '-' : rank + 1}\t${it[variant]}\t| ${it.title}\t| top: ${titleOf.get(ids[0] ?? '') ?? ''}`);
  }
  const ms = (performance.now() - t0) / items.length;
  console.log(`seed ${seed} ${recipe} ${variant.padEnd(7)} MRR@10 ${(rr / items.length).toFixed(3)}  R@10 ${(found / items.length).toFixed(3)}  ${ms.toFixed(2)} ms/query`);
  for (const m of misses.slice(0, showMisses)) console.log('  ' + m);
}
console.log(`seed ${seed} ${recipe} written ceiling (Bayes-optimal ranking) ${writtenCeiling(articles, items).toFixed(3)}`);
await store.close();
