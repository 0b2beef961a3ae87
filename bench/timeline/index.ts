/**
 * Timeline and co-mention query latency on the whole shared corpus (SQLite) and on a few
 * days of it in PostgreSQL (bench/timeline/pg.ts), each next to a
 * baseline measured in the same run: a plain count of an entity's articles
 * (`SELECT count(*) FROM article_entities WHERE ent = ?`, the same index the timeline
 * reads). Cases, interleaved per repetition so load drifts hit all alike, each over the
 * same entities (the two most mentioned, and إيران + روسيا):
 *   baseline              count(*) of one entity's articles
 *   timeline day/story    one entity, day buckets, stories
 *   timeline day/article  one entity, day buckets, articles
 *   timeline week ×2      two entities and the together series
 *   comention             top 20 co-mentioned entities with lift
 *   together ×2           the 20 newest stories mentioning both
 * Prints median and p95 in ms and the median's ratio to the baseline's.
 *
 * Run: `npm run bench:timeline [-- --corpus DIR] [--db FILE] [--runs N] [--pg URL]
 * [--pg-days 2] [--no-pg]`; --pg defaults to $MARSAD_TEST_PG (PostgreSQL is skipped
 * without either). Without
 * --db the corpus (saudinewsnet/, textdumps/, pages/ of DIR, default ../shared/corpus) is
 * imported once with `marsad import` into a cached temp database (bench/startup/db.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDb, importInputs } from '../startup/db.ts';
import { openMarsadSqliteStore } from '../../src/store/sqlite/marsad.ts';
import { runCases } from './cases.ts';
import { pgTimeline } from './pg.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Math.max(5, Number(arg('--runs')) || 30);
const CORPUS = resolve(arg('--corpus') ?? join(ROOT, '../shared/corpus'));
const PG = arg('--pg') ?? process.env.MARSAD_TEST_PG ?? null;
const PG_DAYS = Math.max(1, Number(arg('--pg-days')) || 2);
const log = (s: string): void => void process.stderr.write(`bench:timeline: ${s}\n`);

let db = arg('--db') ? resolve(arg('--db')!) : null;
if (!db) {
  if (!existsSync(CORPUS)) {
    log(`no corpus at ${CORPUS}: pass --corpus DIR or --db FILE`);
    process.exit(2);
  }
  const c = corpusDb(ROOT, importInputs(CORPUS), log);
  if (c.summary) log(c.summary);
  db = c.path;
}
if (!existsSync(db)) {
  log(`no database at ${db}`);
  process.exit(2);
}

const store = openMarsadSqliteStore(db);
const articles = await store.countArticles();
const top = store.db.prepare('SELECT id, eid FROM entities ORDER BY article_count DESC LIMIT 2').all() as Array<{ id: string; eid: number }>;
const pair = ['country:IR', 'country:RU'].filter((id) => store.entityIndex.eidOf(id) !== null);
const countStmt = store.db.prepare('SELECT count(*) FROM article_entities WHERE ent = ?').pluck();
try {
  await runCases(
    {
      title: `SQLite ${db} (${articles} articles)`,
      top: top.map((t) => t.id),
      pair: pair.length === 2 ? pair : null,
      count: (i) => countStmt.get(top[i]!.eid),
      timeline: (q) => store.timeline(q),
      comentions: (e, l) => store.comentions(e, l),
      storiesTogether: (es, l) => store.storiesTogether(es, l),
    },
    RUNS,
  );
} finally {
  await store.close();
}

if (PG && !process.argv.includes('--no-pg')) {
  console.log('');
  await pgTimeline(PG, CORPUS, PG_DAYS, RUNS, log);
} else log('PostgreSQL skipped (pass --pg URL or set MARSAD_TEST_PG)');
