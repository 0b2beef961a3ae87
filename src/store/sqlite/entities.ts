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
    for (const o of this.q.old.all(a.seq)) {
      this.q.counts.run(-1, -o.mentions, o.ent);
      const day = dayOf(o.published);
      if (day) {
        this.q.daily.run(o.ent, day, -o.mentions);
        this.q.dailyPrune.run(o.ent, day);
      }
    }
    this.q.delete.run(a.seq);
    const published = publishedKey(a.publishedAt);
    const day = dayOf(a.publishedAt);
    for (const e of entityRows(a.entities)) {
      const ent = this.q.upsert.get(e.id, e.name, e.type, e.norm)!;
      this.q.insert.run(ent, published, a.seq, e.mentions);
      this.q.counts.run(1, e.mentions, ent);
      if (day) this.q.daily.run(ent, day, e.mentions);
      for (const al of e.aliases) this.q.aliasInsert.run(ent, al.norm, al.alias);
    }
    this.q.kwDelete.run(a.seq);
    for (const k of keywordRows(a.keywords)) this.q.kwInsert.run(k, a.seq);
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
