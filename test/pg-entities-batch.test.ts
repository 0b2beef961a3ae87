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

/**
 * Another worker claimed an article this one's add step indexed (its link not run yet) and
 * indexes it again, unchanged, while a third transaction takes the same entity rows in key
 * order (as every batch does). Taking its rows out one by one locked them in the article's
 * order — a later key first — and deadlocked (PostgreSQL aborts one after deadlock_timeout);
 * an unchanged article now goes through the batch statement, in key order, and both commit.
 */
test('indexing an unchanged article again locks its entities in key order: no deadlock with a batch', { skip: skipPg }, async () => {
  const schema = scratchName();
  schemas.push(schema);
  const s = await MarsadPgStore.open(urlFor(schema));
  const other = new pg.Client({ connectionString: urlFor(schema) });
  await other.connect();
  try {
    await other.query(`SET search_path TO "${schema}"`);
    // An article with two or more entities, indexed with its entities in reverse key order
    // (its rows stored in that order, as an article's own order may be).
    const a = articles.find((x) => (x.entities ?? []).filter((e) => e.id).length >= 2)!;
    const reversed = { ...a, entities: [...(a.entities ?? [])].sort((x, y) => (x.id < y.id ? 1 : -1)) };
    await s.upsertArticles([a]);
    await s.entityIndex.indexArticle({ ...(await seqOf(s, a.id)), entities: reversed.entities, keywords: a.keywords });
    const ids = entityRowsOf(reversed);
    const [low, high] = [ids.at(-1)!, ids[0]!];
    assert.ok(low < high);
    const before = await tables(schema);

    await other.query('BEGIN');
    await other.query('SELECT 1 FROM entities WHERE id = $1 FOR UPDATE', [low]);
    let pid = 0;
    const again = s.writeTransaction(async () => {
      pid = Number((await s.scope.db().query<{ p: number }>('SELECT pg_backend_pid() AS p')).rows[0]!.p);
      await s.indexEnrichments([reversed]);
    });
    const failures: unknown[] = [];
    again.catch((e: unknown) => failures.push(e));
    // Once the re-index waits on `low`, the other transaction takes `high`.
    for (let i = 0; i < 200; i++) {
      const w = await other.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'", [pid]);
      if (pid && w.rows[0]!.n > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    try {
      await other.query('SELECT 1 FROM entities WHERE id = $1 FOR UPDATE', [high]);
      await other.query('COMMIT');
    } catch (e) {
      failures.push(e);
      await other.query('ROLLBACK');
    }
    await again.catch(() => undefined);
    assert.deepEqual(failures.map((e) => (e as { code?: string }).code), [], 'no transaction aborted');
    assert.deepEqual(await tables(schema), before, 'the same rows and counts after indexing it again');
  } finally {
    await other.end();
    await s.close();
  }
});

async function seqOf(s: MarsadPgStore, id: string): Promise<{ seq: number; publishedAt: string | null }> {
  const r = (await s.scope.db().query<{ seq: string; published_at: string | null }>('SELECT seq, published_at FROM articles WHERE id = $1', [id])).rows[0]!;
  return { seq: Number(r.seq), publishedAt: r.published_at };
}

/** The entity ids an article's rows name, in its order. */
const entityRowsOf = (a: Article): string[] => [...new Set((a.entities ?? []).map((e) => e.id).filter(Boolean))];
