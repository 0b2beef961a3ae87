/**
 * The entity and keyword index of the SQLite store: article ↔ entity with mentions, each
 * entity's name, type and counts, mentions per UTC day, and normalized keywords. Written
 * from an article's stored enrichment (`entities`, `keywords`), read by the entity page,
 * the entity and keyword filters, and `marsad entity`.
 *
 * Contract: `indexArticle` replaces an article's rows (decrementing the counts its old
 * rows added), so re-indexing is idempotent; the counts and daily totals are kept on
 * write, so reading them never aggregates. Lookup by name compares normalized names
 * (`ايران` finds `إيران`) and, failing that, runs the gazetteer over the name
 * (`الإيرانية` → country:IR).
 */
import type Database from 'better-sqlite3';
import { normalize } from '../../arabic/index.ts';
import { extractEntities } from '../../enrich/index.ts';
import type { EntityMention } from '../../model/article.ts';
import type { EntityInfo } from '../../web/types.ts';
import { normalizeTag } from '../rows.ts';

/** An entity name as compared by lookup: normalized, whitespace folded, `_` as a space. */
export function entityNorm(name: string): string {
  return normalize(name).replace(/[\s_]+/gu, ' ').trim();
}

/** The UTC day of an ISO time, or null when there is none. */
function dayOf(iso: string | null): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
}

interface EntityRow {
  eid: number;
  id: string;
  name: string;
  type: string;
  article_count: number;
}

export interface IndexedArticle {
  seq: number;
  publishedAt: string | null;
  entities: EntityMention[] | undefined;
  keywords: string[] | undefined;
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
    const published = a.publishedAt ?? '';
    const day = dayOf(a.publishedAt);
    const seen = new Set<string>();
    for (const e of a.entities ?? []) {
      if (!e.id || seen.has(e.id)) continue;
      seen.add(e.id);
      const mentions = Math.max(1, Math.trunc(e.mentions) || 1);
      const ent = this.q.upsert.get(e.id, e.name || e.id, e.type || 'unknown', entityNorm(e.name || e.id))!;
      this.q.insert.run(ent, published, a.seq, mentions);
      this.q.counts.run(1, mentions, ent);
      if (day) this.q.daily.run(ent, day, mentions);
    }
    this.q.kwDelete.run(a.seq);
    for (const k of a.keywords ?? []) {
      const n = normalizeTag(k);
      if (n) this.q.kwInsert.run(n, a.seq);
    }
  }

  private find(idOrName: string): EntityRow | null {
    const s = idOrName.trim();
    if (!s) return null;
    const direct = this.q.byId.get(s) ?? this.q.byNorm.get(entityNorm(s));
    if (direct) return direct;
    // A spelling the gazetteer knows (a demonym, a clitic-attached form, a capital).
    for (const e of extractEntities({ title: s.slice(0, 200), text: '' })) {
      const r = this.q.byId.get(e.id);
      if (r) return r;
    }
    return null;
  }

  /** The entity by id, else by (normalized) name; null when nothing matches. */
  getEntity(idOrName: string): EntityInfo | null {
    const r = this.find(idOrName);
    return r ? { id: r.id, name: r.name, type: r.type, articleCount: r.article_count } : null;
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
