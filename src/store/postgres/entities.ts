/**
 * The PostgreSQL entity and keyword index (migration 011): the port of
 * store/sqlite/entities.ts with the same contract — `indexArticle` replaces an article's
 * rows (decided in ../entity-rows.ts) and adjusts the kept counts and daily totals, so
 * re-indexing is idempotent; lookup by id, else normalized name. Runs inside the
 * store's grouping transaction; counters are updated in place (`count = count + n`), so
 * two workers' writes add up.
 */
import type { EntityInfo } from '../../model/reader.ts';
import { dayOf, entityNorm, entityRows, keywordRows, publishedKey, type IndexedArticle } from '../entity-rows.ts';
import type { TxScope } from './db.ts';

interface EntityRow {
  eid: number;
  id: string;
  name: string;
  type: string;
  article_count: number;
}

const ENTITY = 'SELECT eid, id, name, type, article_count FROM entities';

export class PgEntityIndex {
  constructor(private readonly scope: TxScope) {}

  private get db() {
    return this.scope.db();
  }

  /** Replaces the entity and keyword rows of one article. */
  async indexArticle(a: IndexedArticle): Promise<void> {
    const old = await this.db.query<{ ent: number; published: string; mentions: number }>('SELECT ent, published, mentions FROM article_entities WHERE seq = $1', [a.seq]);
    for (const o of old.rows) {
      await this.db.query('UPDATE entities SET article_count = article_count - 1, mention_count = mention_count - $1 WHERE eid = $2', [o.mentions, o.ent]);
      const day = dayOf(o.published);
      if (day) {
        await this.db.query('UPDATE entity_daily SET count = count - $3 WHERE ent = $1 AND day = $2', [o.ent, day, o.mentions]);
        await this.db.query('DELETE FROM entity_daily WHERE ent = $1 AND day = $2 AND count <= 0', [o.ent, day]);
      }
    }
    await this.db.query('DELETE FROM article_entities WHERE seq = $1', [a.seq]);
    const published = publishedKey(a.publishedAt);
    const day = dayOf(a.publishedAt);
    // One statement for every entity: its row, the article's row, the day's total, the aliases.
    const rows = entityRows(a.entities);
    if (rows.length) {
      const aliases = rows.flatMap((e) => e.aliases.map((x) => [e.id, x.norm, x.alias] as const));
      await this.db.query(
        `WITH x AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) WITH ORDINALITY AS x (id, name, type, norm, mentions, i)),
         ins AS (
           INSERT INTO entities (id, name, type, norm, article_count, mention_count) SELECT id, name, type, norm, 1, mentions FROM x ORDER BY i
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, norm = excluded.norm,
             article_count = entities.article_count + 1, mention_count = entities.mention_count + excluded.mention_count
           RETURNING eid, id),
         ae AS (
           INSERT INTO article_entities (ent, published, seq, mentions) SELECT ins.eid, $6, $7, x.mentions FROM ins JOIN x USING (id)
           ON CONFLICT (ent, published, seq) DO UPDATE SET mentions = excluded.mentions),
         daily AS (
           INSERT INTO entity_daily (ent, day, count) SELECT ins.eid, $8::text, x.mentions FROM ins JOIN x USING (id) WHERE $8::text IS NOT NULL
           ON CONFLICT (ent, day) DO UPDATE SET count = entity_daily.count + excluded.count)
         INSERT INTO entity_aliases (ent, norm, alias)
         SELECT ins.eid, al.n, al.a FROM unnest($9::text[], $10::text[], $11::text[]) WITH ORDINALITY AS al (id, n, a, i) JOIN ins USING (id) ORDER BY al.i
         ON CONFLICT (ent, norm) DO NOTHING`,
        [
          rows.map((e) => e.id), rows.map((e) => e.name), rows.map((e) => e.type), rows.map((e) => e.norm), rows.map((e) => e.mentions),
          published, a.seq, day || null,
          aliases.map((x) => x[0]), aliases.map((x) => x[1]), aliases.map((x) => x[2]),
        ],
      );
    }
    await this.db.query('DELETE FROM article_keywords WHERE seq = $1', [a.seq]);
    const kws = keywordRows(a.keywords);
    if (kws.length) await this.db.query('INSERT INTO article_keywords (kw, seq) SELECT k, $2 FROM unnest($1::text[]) k ON CONFLICT DO NOTHING', [kws, a.seq]);
  }

  /**
   * `indexArticle` for many articles at once: what their rows add up to, in one statement
   * for the entities (each hot row — an entity's counts, a day's total — written once per
   * batch, not once per article) and two for the keywords. The same rows and counts as
   * indexing them one by one in order (test/pg-entities-batch.test.ts).
   *
   * An article whose stored rows are already what it would write (another worker's add step
   * indexed it and its link has not run yet, so this one claimed it again) is not taken out
   * and put back: it goes through the same statement with a weight of 0 (its names still
   * refresh the entities', as one by one would). Only an article whose rows changed (an
   * edit) is replaced one by one. So a batch normally locks its entities in one statement, in
   * key order: two workers' batches wait on each other's hot rows but do not deadlock on them
   * (taking rows out one by one locked them in the article's order, and did deadlock).
   */
  async indexArticles(list: readonly IndexedArticle[]): Promise<void> {
    if (list.length === 0) return;
    const old = new Map<number, string[]>();
    for (const r of (
      await this.db.query<{ seq: number; id: string; published: string; mentions: string }>(
        'SELECT a.seq, e.id, a.published, a.mentions FROM article_entities a JOIN entities e ON e.eid = a.ent WHERE a.seq = ANY($1::bigint[])',
        [list.map((a) => a.seq)],
      )
    ).rows) {
      const rows = old.get(Number(r.seq)) ?? [];
      old.set(Number(r.seq), rows);
      rows.push(`${r.id}\t${r.published}\t${r.mentions}`);
    }
    const kept = new Set<number>();
    for (const a of list) {
      const was = old.get(a.seq);
      if (!was) continue;
      const now = entityRows(a.entities).map((e) => `${e.id}\t${publishedKey(a.publishedAt)}\t${e.mentions}`);
      if (now.length === was.length && now.sort().join('\n') === was.sort().join('\n')) kept.add(a.seq);
      else await this.indexArticle(a);
    }
    const batch = list.filter((a) => !old.has(a.seq) || kept.has(a.seq));
    if (batch.length === 0) return;
    const xs = batch.flatMap((a) => entityRows(a.entities).map((e) => ({ a, e, w: kept.has(a.seq) ? 0 : 1 })));
    if (xs.length) {
      const aliases = xs.flatMap(({ e }) => e.aliases.map((x) => [e.id, x.norm, x.alias] as const));
      await this.db.query(
        `WITH x AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::bigint[], $8::text[], $12::int[])
                    WITH ORDINALITY AS x (id, name, type, norm, mentions, published, seq, day, w, i)),
         agg AS (
           SELECT id, (array_agg(name ORDER BY i DESC))[1] AS name, (array_agg(type ORDER BY i))[1] AS type, (array_agg(norm ORDER BY i DESC))[1] AS norm,
                  sum(w) AS n, sum(mentions * w) AS m
           FROM x GROUP BY id),
         ins AS (
           INSERT INTO entities (id, name, type, norm, article_count, mention_count) SELECT id, name, type, norm, n, m FROM agg ORDER BY id COLLATE "C"
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, norm = excluded.norm,
             article_count = entities.article_count + excluded.article_count, mention_count = entities.mention_count + excluded.mention_count
           RETURNING eid, id),
         ae AS (
           INSERT INTO article_entities (ent, published, seq, mentions) SELECT ins.eid, x.published, x.seq, x.mentions FROM ins JOIN x USING (id) WHERE x.w = 1
           ON CONFLICT (ent, published, seq) DO UPDATE SET mentions = excluded.mentions),
         daily AS (
           INSERT INTO entity_daily (ent, day, count) SELECT ins.eid, x.day, sum(x.mentions) FROM ins JOIN x USING (id) WHERE x.day IS NOT NULL AND x.w = 1 GROUP BY ins.eid, x.day ORDER BY 1, 2
           ON CONFLICT (ent, day) DO UPDATE SET count = entity_daily.count + excluded.count)
         INSERT INTO entity_aliases (ent, norm, alias)
         SELECT ins.eid, al.n, al.a FROM unnest($9::text[], $10::text[], $11::text[]) WITH ORDINALITY AS al (id, n, a, i) JOIN ins USING (id) ORDER BY al.i
         ON CONFLICT (ent, norm) DO NOTHING`,
        [
          xs.map((x) => x.e.id), xs.map((x) => x.e.name), xs.map((x) => x.e.type), xs.map((x) => x.e.norm), xs.map((x) => x.e.mentions),
          xs.map((x) => publishedKey(x.a.publishedAt)), xs.map((x) => x.a.seq), xs.map((x) => dayOf(x.a.publishedAt) || null),
          aliases.map((x) => x[0]), aliases.map((x) => x[1]), aliases.map((x) => x[2]),
          xs.map((x) => x.w),
        ],
      );
    }
    await this.db.query('DELETE FROM article_keywords WHERE seq = ANY($1::bigint[])', [batch.map((a) => a.seq)]);
    const kws = batch.flatMap((a) => keywordRows(a.keywords).map((k) => [k, a.seq] as const));
    if (kws.length) {
      await this.db.query('INSERT INTO article_keywords (kw, seq) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING', [kws.map((k) => k[0]), kws.map((k) => k[1])]);
    }
  }

  private async byId(id: string): Promise<EntityRow | undefined> {
    return (await this.db.query<EntityRow>(`${ENTITY} WHERE id = $1`, [id])).rows[0];
  }

  private async find(idOrName: string): Promise<EntityRow | null> {
    const s = idOrName.trim();
    if (!s) return null;
    const n = entityNorm(s);
    const direct =
      (await this.byId(s)) ??
      (await this.db.query<EntityRow>(`${ENTITY} WHERE norm = $1 ORDER BY article_count DESC LIMIT 1`, [n])).rows[0] ??
      (
        await this.db.query<EntityRow>(
          `SELECT e.eid, e.id, e.name, e.type, e.article_count FROM entity_aliases a JOIN entities e ON e.eid = a.ent
           WHERE a.norm = $1 ORDER BY e.article_count DESC LIMIT 1`,
          [n],
        )
      ).rows[0];
    return direct ?? null;
  }

  /** The entity by id, else by (normalized) name, else by an alias or lookup key. */
  async getEntity(idOrName: string): Promise<EntityInfo | null> {
    const r = await this.find(idOrName);
    if (!r) return null;
    const aliases = (await this.db.query<{ alias: string }>("SELECT alias FROM entity_aliases WHERE ent = $1 AND alias <> '' ORDER BY seen LIMIT 20", [r.eid])).rows.map((x) => x.alias);
    return { id: r.id, name: r.name, type: r.type, articleCount: Number(r.article_count), ...(aliases.length ? { aliases } : {}) };
  }

  async eidOf(id: string): Promise<number | null> {
    return (await this.byId(id))?.eid ?? null;
  }

  async entityDaily(id: string): Promise<Array<{ day: string; count: number }>> {
    const eid = await this.eidOf(id);
    if (eid === null) return [];
    return (await this.db.query<{ day: string; count: number }>('SELECT day, count FROM entity_daily WHERE ent = $1 AND count > 0 ORDER BY day', [eid])).rows;
  }
}
