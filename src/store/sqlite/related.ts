/**
 * The SQLite side of the related lists kept at ingest (src/stories/relate.ts, migration
 * 024): reading and writing the lists, the backfill's query, and the candidates the
 * scoring reads for every arrival (part of SqliteStoryIndex, stories.ts, which delegates).
 *
 * Candidates come from an LRU cache of what was read before: their terms never change,
 * and this index updates the cached story, copy group and floor when it writes them.
 * Another process writing the same file can leave those stale here: they only steer the
 * scoring, and pages filter by the stories as they are (store/related.ts).
 */
import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { RelatedCandidate, RelatedList } from '../../stories/index.ts';
import { candidateOf, relatedListOf, relatedListText, type FeatureRow, type RelatedRow } from '../story-rows.ts';

/** Related candidates kept parsed (≈ 1 kB each). */
const CANDIDATE_CACHE = 16_384;

export class SqliteRelated {
  private readonly cache = new LRUCache<string, RelatedCandidate>({ max: CANDIDATE_CACHE });
  private readonly q;

  constructor(db: Database.Database) {
    const p = <T = unknown>(sql: string) => db.prepare<unknown[], T>(sql);
    this.q = {
      features: p<FeatureRow>(
        `SELECT e.id, e.time, e.title_terms, e.lede_terms, e.entities, e.story_id, e.duplicate_of, r.floor
         FROM story_entries e LEFT JOIN story_related r ON r.eid = e.eid WHERE e.id IN (SELECT value FROM json_each(?))`,
      ),
      lists: p<RelatedRow>(
        `SELECT e.id, r.floor, r.list FROM story_entries e JOIN story_related r ON r.eid = e.eid
         WHERE e.id IN (SELECT value FROM json_each(?)) AND r.floor >= 0`,
      ),
      put: p(
        `INSERT INTO story_related (eid, floor, list) SELECT eid, ?, ? FROM story_entries WHERE id = ?
         ON CONFLICT (eid) DO UPDATE SET floor = excluded.floor, list = excluded.list`,
      ),
      groupings: p<{ id: string; story_id: string; duplicate_of: string | null }>(
        'SELECT id, story_id, duplicate_of FROM story_entries WHERE id IN (SELECT value FROM json_each(?))',
      ),
      unrelated: p<string>(`SELECT e.id FROM story_related r JOIN story_entries e ON e.eid = r.eid WHERE r.floor < 0 ORDER BY r.eid LIMIT ?`).pluck(),
    };
  }

  /** The candidates of these ids (those that exist), read once and then from the cache. */
  candidates(ids: ReadonlySet<string>): RelatedCandidate[] {
    const missing = [...ids].filter((id) => !this.cache.has(id));
    if (missing.length) for (const r of this.q.features.all(JSON.stringify(missing))) this.cache.set(r.id, candidateOf(r));
    const out: RelatedCandidate[] = [];
    for (const id of ids) {
      const c = this.cache.get(id);
      if (c) out.push(c);
    }
    return out;
  }

  /** Keeps a cached candidate's grouping current (called by updateEntries). */
  regrouped(id: string, patch: { storyId?: string; duplicateOf?: string | null }): void {
    const c = this.cache.get(id);
    if (!c) return;
    if (patch.storyId !== undefined) c.storyId = patch.storyId;
    if (patch.duplicateOf !== undefined) c.duplicateOf = patch.duplicateOf === id ? null : patch.duplicateOf;
  }

  clearCache(): void {
    this.cache.clear();
  }

  lists(ids: string[]): Map<string, RelatedList> {
    const out = new Map<string, RelatedList>();
    if (ids.length) for (const r of this.q.lists.all(JSON.stringify([...new Set(ids)]))) out.set(r.id, relatedListOf(r));
    return out;
  }

  put(lists: ReadonlyMap<string, RelatedList>): void {
    for (const [id, l] of lists) {
      this.q.put.run(l.floor, relatedListText(l), id);
      const c = this.cache.get(id);
      if (c) c.floor = l.floor;
    }
  }

  /** The current story and copy group of these entries (the covering index of migration 024). */
  groupings(ids: string[]): Map<string, { storyId: string; duplicateOf: string | null }> {
    const out = new Map<string, { storyId: string; duplicateOf: string | null }>();
    if (ids.length) for (const r of this.q.groupings.all(JSON.stringify([...new Set(ids)]))) out.set(r.id, { storyId: r.story_id, duplicateOf: r.duplicate_of });
    return out;
  }

  unrelated(limit: number): string[] {
    return this.q.unrelated.all(Math.max(0, limit));
  }
}
