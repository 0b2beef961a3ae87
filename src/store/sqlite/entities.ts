/**
 * The entity and keyword index of the SQLite store: article ↔ entity with mentions, each
 * entity's name, type and counts, mentions per UTC day, and normalized keywords. Written
 * from an article's stored enrichment (`entities`, `keywords`), read by the entity page,
 * the entity and keyword filters, and `marsad entity`.
 *
 * Contract: `indexArticle` replaces an article's rows (decrementing the counts its old
 * rows added), so re-indexing is idempotent; the counts and daily totals are kept on
 * write, so reading them never aggregates. Which rows an article gets is decided in
 * ../entity-rows.ts (shared with PostgreSQL). Lookup is by id, else normalized name
 * (`ايران` finds `إيران`); other spellings are resolved above the store (pipeline/entity.ts).
 */
import type Database from 'better-sqlite3';
import type { EntityInfo } from '../../model/reader.ts';
import { dayOf, entityNorm, entityRows, keywordRows, publishedKey, type IndexedArticle } from '../entity-rows.ts';

interface EntityRow {
  eid: number;
  id: string;
  name: string;
  type: string;
  article_count: number;
}

export class SqliteEntityIndex {
  private readonly q;

  constructor(db: Database.Database) {
    const p = <T = unknown>(sql: string) => db.prepare<unknown[], T>(sql);
    this.q = {
      byId: p<EntityRow>('SELECT eid, id, name, type, article_count FROM entities WHERE id = ?'),
      byNorm: p<EntityRow>('SELECT eid, id, name, type, article_count FROM entities WHERE norm = ? ORDER BY article_count DESC LIMIT 1'),
      upsert: p<number>(
        `INSERT INTO entities (id, name, type, norm) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, norm = excluded.norm RETURNING eid`,
      ).pluck(),
      old: p<{ ent: number; published: string; mentions: number }>('SELECT ent, published, mentions FROM article_entities WHERE seq = ?'),
      delete: p('DELETE FROM article_entities WHERE seq = ?'),
      insert: p('INSERT OR REPLACE INTO article_entities (ent, published, seq, mentions) VALUES (?, ?, ?, ?)'),
      counts: p('UPDATE entities SET article_count = article_count + ?, mention_count = mention_count + ? WHERE eid = ?'),
      daily: p(
        `INSERT INTO entity_daily (ent, day, count) VALUES (?, ?, ?)
         ON CONFLICT (ent, day) DO UPDATE SET count = count + excluded.count`,
      ),
      dailyPrune: p('DELETE FROM entity_daily WHERE ent = ? AND day = ? AND count <= 0'),
      dailyOf: p<{ day: string; count: number }>('SELECT day, count FROM entity_daily WHERE ent = ? AND count > 0 ORDER BY day'),
      aliasInsert: p('INSERT OR IGNORE INTO entity_aliases (ent, norm, alias) VALUES (?, ?, ?)'),
      byAlias: p<EntityRow>(
        `SELECT e.eid, e.id, e.name, e.type, e.article_count FROM entity_aliases a JOIN entities e ON e.eid = a.ent
         WHERE a.norm = ? ORDER BY e.article_count DESC LIMIT 1`,
      ),
      aliasesOf: p<string>("SELECT alias FROM entity_aliases WHERE ent = ? AND alias <> '' ORDER BY rowid LIMIT 20").pluck(),
      kwDelete: p('DELETE FROM article_keywords WHERE seq = ?'),
      kwInsert: p('INSERT OR IGNORE INTO article_keywords (kw, seq) VALUES (?, ?)'),
    };
  }

  /** Replaces the entity and keyword rows of one article. */
  indexArticle(a: IndexedArticle): void {
    this.indexArticles([a]);
  }

  /**
   * Replaces the entity and keyword rows of these articles (one transaction, the caller's).
   * The same rows and counts as `indexArticle` one by one, with fewer statements: an
   * entity's counts and daily totals are summed over the articles and written once each
   * (sums do not depend on order; a day row that was decremented is pruned at the end, as
   * each decrement pruned it), and an entity or alias already written by an earlier article
   * of the call with the same values is not written again (the upsert would change nothing).
   */
  indexArticles(as: readonly IndexedArticle[]): void {
    const counts = new Map<number, { articles: number; mentions: number }>();
    const daily = new Map<string, { ent: number; day: string; count: number; dropped: boolean }>();
    const count = (ent: number, articles: number, mentions: number): void => {
      const c = counts.get(ent);
      if (c) {
        c.articles += articles;
        c.mentions += mentions;
      } else counts.set(ent, { articles, mentions });
    };
    const perDay = (ent: number, day: string, n: number): void => {
      const k = `${ent}\u0000${day}`;
      const d = daily.get(k);
      if (d) {
        d.count += n;
        d.dropped ||= n < 0;
      } else daily.set(k, { ent, day, count: n, dropped: n < 0 });
    };
    const upserted = new Map<string, { name: string; norm: string; eid: number }>();
    const aliases = new Set<string>();
    for (const a of as) {
      for (const o of this.q.old.all(a.seq)) {
        count(o.ent, -1, -o.mentions);
        const day = dayOf(o.published);
        if (day) perDay(o.ent, day, -o.mentions);
      }
      this.q.delete.run(a.seq);
      const published = publishedKey(a.publishedAt);
      const day = dayOf(a.publishedAt);
      for (const e of entityRows(a.entities)) {
        const u = upserted.get(e.id);
        let ent: number;
        if (u && u.name === e.name && u.norm === e.norm) ent = u.eid;
        else {
          ent = this.q.upsert.get(e.id, e.name, e.type, e.norm)!;
          upserted.set(e.id, { name: e.name, norm: e.norm, eid: ent });
        }
        this.q.insert.run(ent, published, a.seq, e.mentions);
        count(ent, 1, e.mentions);
        if (day) perDay(ent, day, e.mentions);
        for (const al of e.aliases) {
          const k = `${ent}\u0000${al.norm}\u0000${al.alias}`;
          if (aliases.has(k)) continue;
          aliases.add(k);
          this.q.aliasInsert.run(ent, al.norm, al.alias);
        }
      }
      this.q.kwDelete.run(a.seq);
      for (const k of keywordRows(a.keywords)) this.q.kwInsert.run(k, a.seq);
    }
    for (const [ent, c] of counts) if (c.articles !== 0 || c.mentions !== 0) this.q.counts.run(c.articles, c.mentions, ent);
    for (const d of daily.values()) {
      if (d.count !== 0 || !d.dropped) this.q.daily.run(d.ent, d.day, d.count);
      if (d.dropped) this.q.dailyPrune.run(d.ent, d.day);
    }
  }

  private find(idOrName: string): EntityRow | null {
    const s = idOrName.trim();
    if (!s) return null;
    const n = entityNorm(s);
    const direct = this.q.byId.get(s) ?? this.q.byNorm.get(n) ?? this.q.byAlias.get(n);
    return direct ?? null;
  }

  /** The entity by id, else by (normalized) name, else by an alias or lookup key; null when nothing matches. */
  getEntity(idOrName: string): EntityInfo | null {
    const r = this.find(idOrName);
    if (!r) return null;
    const aliases = this.q.aliasesOf.all(r.eid);
    return { id: r.id, name: r.name, type: r.type, articleCount: r.article_count, ...(aliases.length ? { aliases } : {}) };
  }

  /** The internal key of an entity id (for joins), or null. */
  eidOf(id: string): number | null {
    return this.q.byId.get(id)?.eid ?? null;
  }

  entityDaily(id: string): Array<{ day: string; count: number }> {
    const eid = this.eidOf(id);
    return eid === null ? [] : this.q.dailyOf.all(eid);
  }
}
