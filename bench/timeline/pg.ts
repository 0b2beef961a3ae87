/**
 * The timeline bench on PostgreSQL: a few saudinewsnet days of the corpus are ingested
 * through the full pipeline (`ingest`, the path of `marsad import`) into a fresh schema
 * `marsad_bench_tl_<pid>`, the same cases as on SQLite run against it, and the schema is
 * dropped. Only a few days (default 2, `--pg-days N`; 2 days, 4,862 articles, took 349 s under load): importing the whole corpus into
 * PostgreSQL takes far longer than the queries measured, so the figures are for a smaller
 * database than SQLite's and say so.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { parseDocument } from '../../src/ingest/index.ts';
import { readInputs } from '../../src/ingest/inputs.ts';
import type { Article } from '../../src/model/article.ts';
import { ingest } from '../../src/pipeline/index.ts';
import { openMarsadPgStore } from '../../src/store/postgres/marsad.ts';
import { runCases } from './cases.ts';

export async function pgTimeline(url: string, corpus: string, days: number, runs: number, log: (s: string) => void): Promise<void> {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') throw new Error(`bench:timeline: --pg must be on this machine (127.0.0.1), not ${host}`);
  const dir = join(corpus, 'saudinewsnet');
  const files = readdirSync(dir).filter((f) => f.endsWith('.zip')).sort().slice(0, days).map((f) => join(dir, f));
  if (files.length === 0) throw new Error(`bench:timeline: no saudinewsnet/*.zip in ${corpus}`);
  const schema = `marsad_bench_tl_${process.pid}`;
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const store = await openMarsadPgStore(u.toString());
    try {
      const articles: Article[] = [];
      for await (const item of readInputs(files)) if ('doc' in item) articles.push(...(await parseDocument(item.doc)).articles);
      const t0 = performance.now();
      for (let i = 0; i < articles.length; i += 500) await ingest(store, articles.slice(i, i + 500));
      const n = await store.countArticles();
      log(`PostgreSQL: ${files.length} saudinewsnet day(s) imported into schema ${schema} (${n} articles) in ${((performance.now() - t0) / 1000).toFixed(0)} s — a part of the corpus, not all of it`);
      const topRows = (await store.pool.query<{ id: string; eid: string }>('SELECT id, eid FROM entities ORDER BY article_count DESC, id LIMIT 2')).rows;
      const top = topRows.map((r) => r.id);
      const eids = topRows.map((r) => r.eid);
      const named = (await store.pool.query<{ id: string }>("SELECT id FROM entities WHERE id IN ('country:IR', 'country:RU') ORDER BY id")).rows.map((r) => r.id);
      const pair = named.length === 2 ? ['country:IR', 'country:RU'] : null;
      const count = 'SELECT count(*) FROM article_entities WHERE ent = $1';
      await runCases(
        {
          title: `PostgreSQL schema ${schema} (${n} articles, ${files.length} saudinewsnet days of the corpus)`,
          top,
          pair,
          count: (i) => store.pool.query(count, [eids[i]]),
          timeline: (q) => store.timeline(q),
          comentions: (e, l) => store.comentions(e, l),
          storiesTogether: (es, l) => store.storiesTogether(es, l),
        },
        runs,
      );
    } finally {
      await store.close();
    }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await admin.end();
  }
}
