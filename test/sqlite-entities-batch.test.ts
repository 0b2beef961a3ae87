/**
 * The SQLite entity and keyword index written for a chunk at once (`indexEnrichments` →
 * `SqliteEntityIndex.indexArticles`, what the grouping step uses: counts and daily totals
 * summed per entity, an entity or alias written once per call) holds exactly what indexing
 * the same articles one by one holds: the entities with their counts, each article's rows,
 * the daily totals, the aliases and the keywords — on real enriched articles (one
 * SaudiNewsNet day of test/testdata, wire copies included, so many entities recur within
 * the batch), and again after a re-index of some of them (old rows decremented and pruned).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDay } from '../bench/stories/corpus.ts';
import type { Article } from '../src/model/article.ts';
import { enrichArticle } from '../src/pipeline/enrich.ts';
import { MarsadSqliteStore } from '../src/store/sqlite/marsad.ts';

const day = [...new Map(loadDay(new URL('./testdata/saudinewsnet/2015-07-22.zip', import.meta.url)).map((a) => [a.id, a])).values()];
const articles = day.slice(0, 160).map((a) => enrichArticle(a).article);

/** The per-article path (`SqliteEntityIndex.indexArticle`), one article after another. */
function oneByOne(s: MarsadSqliteStore, list: readonly Article[]): void {
  const seq = s.db.prepare<[string], { seq: number; published_at: string | null }>('SELECT seq, published_at FROM articles WHERE id = ?');
  for (const x of list) {
    const r = seq.get(x.id)!;
    s.entityIndex.indexArticle({ seq: r.seq, publishedAt: r.published_at, entities: x.entities, keywords: x.keywords });
  }
}

function tables(s: MarsadSqliteStore): Record<string, unknown[]> {
  const q = (sql: string) => s.db.prepare(sql).all();
  return {
    entities: q('SELECT id, name, type, norm, article_count, mention_count FROM entities ORDER BY id'),
    articleEntities: q('SELECT e.id, a.published, a.seq, a.mentions FROM article_entities a JOIN entities e ON e.eid = a.ent ORDER BY e.id, a.seq'),
    daily: q('SELECT e.id, d.day, d.count FROM entity_daily d JOIN entities e ON e.eid = d.ent ORDER BY e.id, d.day'),
    aliases: q('SELECT e.id, a.norm, a.alias FROM entity_aliases a JOIN entities e ON e.eid = a.ent ORDER BY e.id, a.norm, a.alias'),
    keywords: q('SELECT kw, seq FROM article_keywords ORDER BY kw, seq'),
  };
}

test('a batch of articles indexes the same entity and keyword rows as one by one (SQLite)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-entities-batch-'));
  const a = new MarsadSqliteStore(join(dir, 'one.db'));
  const b = new MarsadSqliteStore(join(dir, 'batch.db'));
  try {
    await a.upsertArticles(articles);
    await b.upsertArticles(articles);
    oneByOne(a, articles);
    assert.equal((await b.indexEnrichments(articles)).size, articles.length);
    const want = tables(a);
    assert.ok(want.entities!.some((e) => (e as { article_count: number }).article_count >= 10), 'entities recur across the batch');
    assert.ok(want.daily!.length > 50 && want.keywords!.length > 300 && want.aliases!.length > 20, 'real rows to compare');
    assert.deepEqual(tables(b), want);
    // Re-indexing (rows held already, counts decremented first) and new articles in one batch;
    // the re-indexed ones with their entities cut to the first, so day rows drop to zero and
    // are pruned: still the same.
    const cut = articles.slice(0, 20).map((x) => ({ ...x, entities: x.entities?.slice(0, 1) }));
    const again = [...cut, ...day.slice(160, 200).map((x) => enrichArticle(x).article)];
    await a.upsertArticles(again.slice(20));
    await b.upsertArticles(again.slice(20));
    oneByOne(a, again);
    await b.indexEnrichments(again);
    const after = tables(a);
    const days = (t: Record<string, unknown[]>) => new Set(t.daily!.map((d) => JSON.stringify([(d as { id: string }).id, (d as { day: string }).day])));
    const kept = days(after);
    assert.ok([...days(want)].some((d) => !kept.has(d)), 'a day row pruned');
    assert.deepEqual(tables(b), after);
  } finally {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
