/**
 * Do the SQLite and PostgreSQL backends rank alike? Indexes the whole saudinewsnet corpus
 * in both (same articles, same analyzer), runs the search benchmark's known-item queries
 * (bench/search/queries.ts: typed and as written) against each, and prints, per variant,
 * the mean top-10 overlap (|A ∩ B| / max(|A|, |B|), 1 when both are empty), MRR@10 and
 * Recall@10 of each backend, and p50/p95 latency. Targets: overlap ≥ 0.9 and typed MRR@10
 * within 0.02 of SQLite's.
 *
 * Run: `MARSAD_TEST_PG=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/scale/search-agreement.ts [--queries N]`
 * (a scratch schema is created and dropped).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { openPgStore } from '../../src/store/postgres/index.ts';
import type { Store } from '../../src/store/types.ts';
import { knownItems, type KnownItem } from '../search/queries.ts';
import { loadCorpus } from './corpus.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('--queries')) || 500;
const PG = process.env.MARSAD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const log = (s: string) => process.stderr.write(s + '\n');
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

async function run(store: Store, items: KnownItem[], v: 'typed' | 'written') {
  for (const it of items.slice(0, 20)) await store.search({ q: it[v] });
  const ids: string[][] = [];
  const ms: number[] = [];
  for (const it of items) {
    const t0 = performance.now();
    const r = await store.search({ q: it[v], limit: 10 });
    ms.push(performance.now() - t0);
    ids.push(r.hits.map((h) => h.id));
  }
  let rr = 0;
  let found = 0;
  items.forEach((it, i) => {
    const rank = ids[i]!.findIndex((id) => it.relevant.has(id));
    if (rank >= 0) {
      rr += 1 / (rank + 1);
      found++;
    }
  });
  return { ids, mrr: rr / items.length, recall: found / items.length, p50: pct(ms, 0.5), p95: pct(ms, 0.95) };
}

function overlap(a: string[][], b: string[][]): number {
  let sum = 0;
  a.forEach((x, i) => {
    const y = new Set(b[i]!);
    const n = Math.max(x.length, y.size);
    sum += n === 0 ? 1 : x.filter((id) => y.has(id)).length / n;
  });
  return sum / a.length;
}

async function main(): Promise<void> {
  const articles = await loadCorpus(log);
  const dir = mkdtempSync(join(tmpdir(), 'marsad-agree-'));
  const schema = `t_agree_${process.pid}`;
  const u = new URL(PG);
  u.searchParams.set('schema', schema);
  const sqlite = openSqliteStore(join(dir, 'a.db'));
  const pgs = await openPgStore(u.toString());
  try {
    for (const [name, s] of [['sqlite', sqlite], ['postgres', pgs]] as const) {
      const t0 = performance.now();
      for (let i = 0; i < articles.length; i += 500) await s.upsertArticles(articles.slice(i, i + 500));
      log(`index ${name}: ${articles.length} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const items = knownItems(articles, N);
    const lines = [`Search agreement, SQLite vs PostgreSQL: ${articles.length} articles, ${items.length} known-item queries, top 10.`];
    lines.push('| variant | top-10 overlap | SQLite MRR@10 | PG MRR@10 | ΔMRR | SQLite R@10 | PG R@10 | SQLite p50/p95 ms | PG p50/p95 ms |');
    lines.push('|:--|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const v of ['typed', 'written'] as const) {
      const a = await run(sqlite, items, v);
      const b = await run(pgs, items, v);
      const f = (x: number) => x.toFixed(3);
      lines.push(
        `| ${v} | ${f(overlap(a.ids, b.ids))} | ${f(a.mrr)} | ${f(b.mrr)} | ${(b.mrr - a.mrr).toFixed(3)} | ${f(a.recall)} | ${f(b.recall)} | ` +
          `${a.p50.toFixed(2)}/${a.p95.toFixed(2)} | ${b.p50.toFixed(2)}/${b.p95.toFixed(2)} |`,
      );
    }
    lines.push('Targets: overlap ≥ 0.9; typed MRR@10 within 0.02 of SQLite.');
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await sqlite.close();
    await pgs.close();
    const c = new pg.Client({ connectionString: PG });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
