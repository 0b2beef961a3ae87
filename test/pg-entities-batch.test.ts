/**
 * The PostgreSQL entity and keyword index written for a chunk at once
 * (`indexEnrichments` → `PgEntityIndex.indexArticles`, what the grouping step uses) holds
 * exactly what indexing the same articles one by one holds: the entities with their
 * counts, each article's rows, the daily totals, the aliases and the keywords — on real
 * enriched articles (one SaudiNewsNet day of test/testdata, wire copies included, so many
 * entities recur within the batch), and again after a re-index of some of them.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { loadDay } from '../bench/stories/corpus.ts';
import type { Article } from '../src/model/article.ts';
import { enrichArticle } from '../src/pipeline/enrich.ts';
import { MarsadPgStore } from '../src/store/postgres/marsad.ts';
import { dropSchemas, PG_URL, scratchName, skipPg, urlFor } from './pg-env.ts';

const schemas: string[] = [];
after(() => dropSchemas(schemas));

const day = [...new Map(loadDay(new URL('./testdata/saudinewsnet/2015-07-22.zip', import.meta.url)).map((a) => [a.id, a])).values()];
const articles = day.slice(0, 160).map((a) => enrichArticle(a).article);

/** The per-article path (`PgEntityIndex.indexArticle`), one article after another. */
async function oneByOne(s: MarsadPgStore, list: readonly Article[]): Promise<void> {
  for (const x of list) {
    const r = (await s.scope.db().query<{ seq: string; published_at: string | null }>('SELECT seq, published_at FROM articles WHERE id = $1', [x.id])).rows[0]!;
    await s.entityIndex.indexArticle({ seq: Number(r.seq), publishedAt: r.published_at, entities: x.entities, keywords: x.keywords });
  }
}

async function tables(schema: string): Promise<Record<string, unknown[]>> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`SET search_path TO "${schema}"`);
    const q = async (sql: string) => (await c.query(sql)).rows;
    return {
      entities: await q('SELECT id, name, type, norm, article_count, mention_count FROM entities ORDER BY id'),
      articleEntities: await q('SELECT e.id, a.published, a.seq, a.mentions FROM article_entities a JOIN entities e ON e.eid = a.ent ORDER BY e.id, a.seq'),
      daily: await q('SELECT e.id, d.day, d.count FROM entity_daily d JOIN entities e ON e.eid = d.ent ORDER BY e.id, d.day'),
      aliases: await q('SELECT e.id, a.norm, a.alias FROM entity_aliases a JOIN entities e ON e.eid = a.ent ORDER BY e.id, a.norm'),
      keywords: await q('SELECT kw, seq FROM article_keywords ORDER BY kw, seq'),
    };
  } finally {
    await c.end();
  }
}

test('a batch of articles indexes the same entity and keyword rows as one by one', { skip: skipPg }, async () => {
  const [one, batch] = [scratchName(), scratchName()];
  schemas.push(one, batch);
  const a = await MarsadPgStore.open(urlFor(one));
  const b = await MarsadPgStore.open(urlFor(batch));
  try {
    await a.upsertArticles(articles);
    await b.upsertArticles(articles);
    await oneByOne(a, articles);
    assert.equal((await b.indexEnrichments(articles)).size, articles.length);
    const want = await tables(one);
    assert.ok(want.entities!.some((e) => Number((e as { article_count: number }).article_count) >= 10), 'entities recur across the batch');
    assert.ok(want.daily!.length > 50 && want.keywords!.length > 300, 'real rows to compare');
    assert.deepEqual(await tables(batch), want);
    // Re-indexing (rows held already) and new articles in one batch: still the same.
    const again = [...articles.slice(0, 20), ...day.slice(160, 200).map((x) => enrichArticle(x).article)];
    await a.upsertArticles(again.slice(20));
    await b.upsertArticles(again.slice(20));
    await oneByOne(a, again);
    await b.indexEnrichments(again);
    assert.deepEqual(await tables(batch), await tables(one));
  } finally {
    await a.close();
    await b.close();
  }
});
