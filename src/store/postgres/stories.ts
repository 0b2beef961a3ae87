/**
 * The PostgreSQL StoryIndex and RelatedSource: src/stories' grouping state in tables
 * (migration 010), the port of the SQLite index (store/sqlite/stories.ts) with the same
 * contract: indexed range reads per call, a kept entry counter, storyId/duplicateOf
 * mirrored onto the `articles` row. Queries go through `scope.db()`, so inside the
 * store's `writeTransaction` they run on the transaction's connection, under its
 * row locks (marsad.ts, src/stories/link.ts).
 *
 * Caches: an entry's immutable parts (fingerprints, terms) by id (its grouping is always
 * read fresh), a related candidate's parsed terms by id, and document frequencies
 * (story-df.ts) while the entry counter says no other
 * worker has added entries since.
 */
import { LRUCache } from 'lru-cache';
import type { CandidateQuery, EdgeIndex, RelatedCandidate, RelatedList, RelatedSource, RelatedStore, Story, StoryEdge, StoryEntry, StoryIndex } from '../../stories/index.ts';
import { bandInt, candidateFloor, candidateOf, type FeatureRow, clampTime, isoTime, relatedListOf, relatedListText, toEntry, type EntryRow, type RelatedRow, type StoryRow } from '../story-rows.ts';
import type { TxScope } from './db.ts';
import { PgDocFreq } from './story-df.ts';
import { insertEntry, insertUnlinked } from './story-add.ts';
import { candidateIds } from './story-candidates.ts';


const ENTRY_CACHE = 4096;
/** Related candidates' immutable parts kept parsed (≈ 1 kB each), as on SQLite (store/sqlite/related.ts). */
const FEATURE_CACHE = 16_384;

type GroupingRow = { id: string; story_id: string; duplicate_of: string | null; floor: number | null; parts: boolean };


export class PgStoryIndex implements StoryIndex, EdgeIndex, RelatedSource, RelatedStore {
  private readonly cache = new LRUCache<string, StoryEntry>({ max: ENTRY_CACHE });
  private readonly features = new LRUCache<string, RelatedCandidate>({ max: FEATURE_CACHE });
  private readonly df: PgDocFreq;

  constructor(private readonly scope: TxScope) {
    this.df = new PgDocFreq(scope);
  }

  private get db() {
    return this.scope.db();
  }

  private async col<T>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.db.query<Record<string, T>>(sql, params)).rows.map((r) => Object.values(r)[0]!);
  }

  byExact(exact: string): Promise<string[]> {
    return this.col<string>('SELECT id FROM story_entries WHERE exact = $1', [exact]);
  }

  byBands(bands: string[], from: number, to: number): Promise<string[]> {
    if (bands.length === 0) return Promise.resolve([]);
    return this.col<string>(
      'SELECT DISTINCT e.id FROM story_bands b JOIN story_entries e ON e.eid = b.eid WHERE b.band = ANY($1::bigint[]) AND b.time BETWEEN $2 AND $3',
      [bands.map(bandInt), clampTime(from), clampTime(to)],
    );
  }

  async byKeys(keys: string[], from: number, to: number, limitPerKey: number): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(keys.map((k) => [k, []]));
    if (keys.length === 0) return out;
    const rows = await this.db.query<{ key: string; id: string }>(
      `SELECT d.key, p.id FROM story_keydict d CROSS JOIN LATERAL (
         SELECT e.id FROM story_keys k JOIN story_entries e ON e.eid = k.eid
         WHERE k.kid = d.kid AND k.time BETWEEN $2 AND $3 ORDER BY k.time DESC, k.eid DESC LIMIT $4) p
       WHERE d.key = ANY($1::text[])`,
      [[...new Set(keys)], clampTime(from), clampTime(to), Math.max(0, Math.trunc(limitPerKey))],
    );
    for (const r of rows.rows) out.get(r.key)?.push(r.id);
    return out;
  }

  /** The three candidate lookups in one statement (story-candidates.ts). */
  candidateIds(q: CandidateQuery): Promise<{ exact: string[]; bands: string[]; keys: Map<string, string[]> }> {
    return candidateIds(this.db, q);
  }

  /** One statement for all keys. */
  async allByKeys(keys: string[], from: number, to: number): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(keys.map((k) => [k, []]));
    if (keys.length === 0) return out;
    const rows = await this.db.query<{ key: string; id: string }>(
      `SELECT d.key, e.id FROM story_keydict d JOIN story_keys k ON k.kid = d.kid JOIN story_entries e ON e.eid = k.eid
       WHERE d.key = ANY($1::text[]) AND k.time BETWEEN $2 AND $3`,
      [[...new Set(keys)], clampTime(from), clampTime(to)],
    );
    for (const r of rows.rows) out.get(r.key)?.push(r.id);
    return out;
  }

  /** Adds edges (smaller article id first, as stories/stable.ts makes them); a pair held already is replaced. */
  async addEdges(edges: StoryEdge[]): Promise<void> {
    if (edges.length === 0) return;
    const ord = edges.map((e) => (e.a < e.b ? e : { ...e, a: e.b, b: e.a }));
    await this.db.query(
      `INSERT INTO story_edges (a, b, kind, score)
       SELECT x.eid, y.eid, g.kind, g.score FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[]) AS g (a, b, kind, score)
       JOIN story_entries x ON x.id = g.a JOIN story_entries y ON y.id = g.b
       ON CONFLICT (a, b) DO UPDATE SET kind = excluded.kind, score = excluded.score`,
      [ord.map((e) => e.a), ord.map((e) => e.b), ord.map((e) => e.kind), ord.map((e) => e.score)],
    );
  }

  async edgesOf(ids: string[]): Promise<StoryEdge[]> {
    if (ids.length === 0) return [];
    const r = await this.db.query<StoryEdge>(
      `WITH ids AS (SELECT eid FROM story_entries WHERE id = ANY($1::text[])),
       g AS (SELECT a, b, kind, score FROM story_edges WHERE a IN (SELECT eid FROM ids)
             UNION SELECT a, b, kind, score FROM story_edges WHERE b IN (SELECT eid FROM ids))
       SELECT x.id AS a, y.id AS b, g.kind, g.score FROM g JOIN story_entries x ON x.eid = g.a JOIN story_entries y ON y.eid = g.b`,
      [[...new Set(ids)]],
    );
    return r.rows;
  }

  async getEntries(ids: string[]): Promise<StoryEntry[]> {
    if (ids.length === 0) return [];
    const uniq = [...new Set(ids)];
    const missing = uniq.filter((id) => !this.cache.has(id));
    if (missing.length > 0) {
      for (const r of (await this.db.query<EntryRow>('SELECT * FROM story_entries WHERE id = ANY($1::text[])', [missing])).rows) this.remember(toEntry(r));
    }
    const rows =
      missing.length === uniq.length
        ? null
        : (await this.db.query<{ id: string; story_id: string; duplicate_of: string | null }>(
            'SELECT id, story_id, duplicate_of FROM story_entries WHERE id = ANY($1::text[])',
            [uniq],
          )).rows;
    const grouping = rows ? new Map(rows.map((r) => [r.id, r])) : null;
    const out: StoryEntry[] = [];
    for (const id of uniq) {
      const e = this.cache.get(id); // LRU: marks it the newest
      if (!e) continue;
      const g = grouping ? grouping.get(id) : undefined;
      if (grouping && !g) continue;
      out.push({ ...e, storyId: g ? g.story_id : e.storyId, duplicateOf: g ? g.duplicate_of : e.duplicateOf });
    }
    return out;
  }

  async watermark(): Promise<number> {
    return Number((await this.col<string>('SELECT coalesce(max(eid), 0)::text FROM story_entries', []))[0] ?? 0);
  }

  async entriesAfter(mark: number): Promise<StoryEntry[]> {
    const r = await this.db.query<EntryRow>('SELECT * FROM story_entries WHERE eid > $1 ORDER BY eid', [mark]);
    return r.rows.map((x) => {
      const e = toEntry(x);
      this.remember(e);
      return { ...e };
    });
  }

  private remember(e: StoryEntry): void {
    this.cache.set(e.id, e);
  }

  async getEntry(id: string): Promise<StoryEntry | null> {
    const r = (await this.db.query<EntryRow>('SELECT * FROM story_entries WHERE id = $1', [id])).rows[0];
    return r ? toEntry(r) : null;
  }

  duplicatesOf(rootId: string): Promise<string[]> {
    return this.col<string>('SELECT id FROM story_entries WHERE duplicate_of = $1', [rootId]);
  }

  docFreq(terms: string[]): Promise<number[]> {
    return this.df.docFreq(terms);
  }

  docCount(): Promise<number> {
    return this.df.docCount();
  }

  /**
   * One statement: the entry (nothing when its id is held), LSH bands, lookup keys and the
   * article row's grouping (not for an entry added unlinked, story id `''`: its link sets
   * it, src/stories/link.ts). Its terms' document frequencies, and the entry counter, are
   * counted in memory and written once per transaction (flushDf), so concurrent groupings
   * wait on those hot rows only while committing.
   */
  async addEntry(e: StoryEntry): Promise<void> {
    if (!(await insertEntry(this.db, e))) return; // the id was held already
    // Entries never change once added; only the frequencies another worker's entries make stale.
    this.df.added([...new Set(e.terms)]);
    if (!this.scope.current()) await this.df.flush();
    this.remember({ ...e, bands: [], keys: [] });
  }

  /** Adds entries unlinked (story-add.ts: one statement for a worker's chunk); frequencies as `addEntry` counts them. */
  async addUnlinked(entries: readonly StoryEntry[]): Promise<void> {
    const added = await insertUnlinked(this.db, entries);
    for (const e of entries) {
      if (!added.has(e.id)) continue; // the id was held already
      this.df.added([...new Set(e.terms)]);
      this.remember({ ...e, storyId: '', duplicateOf: null, bands: [], keys: [] });
    }
    if (added.size && !this.scope.current()) await this.df.flush();
  }

  /**
   * Adds the lookup keys of these entries to the key dictionary, in one sorted statement
   * and outside the grouping transaction (a key in the dictionary is harmless), so that
   * concurrent groupings never wait on each other's new keys.
   */
  async addKeys(entries: readonly StoryEntry[]): Promise<void> {
    const keys = [...new Set(entries.flatMap((e) => e.keys))].sort();
    if (keys.length) await this.scope.outside().query('INSERT INTO story_keydict (key) SELECT k FROM unnest($1::text[]) k ORDER BY 1 ON CONFLICT DO NOTHING', [keys]);
  }

  /** Row-locks these entries to the end of the transaction, in id order (src/stories/link.ts). */
  async lockEntries(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query('SELECT 1 FROM story_entries WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [[...new Set(ids)]]);
  }

  /** Writes the document frequencies counted in this transaction (story-df.ts). */
  flushDf(): Promise<void> {
    return this.df.flush();
  }

  /** Forgets every cached value and uncommitted count (after a rolled-back transaction). */
  resetCaches(): void {
    this.df.reset();
    this.cache.clear();
    this.features.clear();
  }

  private async mirror(id: string, storyId: string, duplicateOf: string | null): Promise<void> {
    await this.db.query(
      'UPDATE articles SET story_id = $1, duplicate_of = $2 WHERE id = $3 AND (story_id IS DISTINCT FROM $1 OR duplicate_of IS DISTINCT FROM $2)',
      [storyId, duplicateOf, id],
    );
  }

  /** Copies an entry's grouping onto its article row (after a crash between the two writes). */
  async syncArticle(id: string): Promise<{ storyId: string; duplicateOf: string | null } | null> {
    const g = (await this.db.query<{ story_id: string; duplicate_of: string | null }>('SELECT story_id, duplicate_of FROM story_entries WHERE id = $1', [id])).rows[0];
    if (!g) return null;
    await this.mirror(id, g.story_id, g.duplicate_of);
    return { storyId: g.story_id, duplicateOf: g.duplicate_of };
  }

  /** One statement for all ids: the entries, then their article rows where they differ. */
  async updateEntries(ids: string[], patch: { storyId?: string; duplicateOf?: string | null }): Promise<void> {
    if (ids.length === 0 || (patch.storyId === undefined && patch.duplicateOf === undefined)) return;
    await this.db.query(
      `WITH u AS (
         UPDATE story_entries SET story_id = CASE WHEN $2::boolean THEN $3::text ELSE story_id END,
                duplicate_of = CASE WHEN $4::boolean THEN NULLIF($5::text, id) ELSE duplicate_of END
         WHERE id = ANY($1::text[]) RETURNING id, story_id, duplicate_of)
       UPDATE articles a SET story_id = u.story_id, duplicate_of = u.duplicate_of FROM u
       WHERE a.id = u.id AND (a.story_id IS DISTINCT FROM u.story_id OR a.duplicate_of IS DISTINCT FROM u.duplicate_of)`,
      [[...new Set(ids)], patch.storyId !== undefined, patch.storyId ?? null, patch.duplicateOf !== undefined, patch.duplicateOf ?? null],
    );
  }

  private storyArticles(id: string) {
    return this.db.query<{ id: string; time: number; outlet: string | null }>('SELECT id, time, outlet FROM story_entries WHERE story_id = $1 ORDER BY time, id', [id]);
  }

  async getStory(id: string): Promise<Story | null> {
    const r = (await this.db.query<StoryRow>('SELECT * FROM stories WHERE id = $1', [id])).rows[0];
    if (!r) return null;
    return {
      id: r.id,
      title: r.title,
      firstSeen: r.first_seen,
      outlets: JSON.parse(r.outlets) as string[],
      articleIds: (await this.storyArticles(id)).rows.map((a) => a.id),
      originalOutlet: r.original_outlet,
      originalId: r.original_id,
    };
  }

  /** Stores a story's title and original; outlets, last time and size come from its entries. */
  async putStory(s: Story): Promise<void> {
    const arts = (await this.storyArticles(s.id)).rows;
    const outlets: string[] = [];
    for (const a of arts) if (a.outlet && !outlets.includes(a.outlet)) outlets.push(a.outlet);
    for (const o of s.outlets) if (!outlets.includes(o)) outlets.push(o);
    const last = arts.at(-1);
    const lastSeen = last ? isoTime(last.time) : s.firstSeen;
    // One statement: the story row, and its outlet rows made exactly (outlet, firstSeen) for
    // each outlet — the rows that differ deleted, the missing ones added (no row is both).
    await this.db.query(
      `WITH st AS (
         INSERT INTO stories (id, title, first_seen, last_seen, original_id, original_outlet, outlets, article_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
           original_id = excluded.original_id, original_outlet = excluded.original_outlet, outlets = excluded.outlets, article_count = excluded.article_count),
       gone AS (DELETE FROM story_outlets WHERE story_id = $1 AND NOT (outlet = ANY($9::text[]) AND first_seen = $3))
       INSERT INTO story_outlets (outlet, first_seen, story_id) SELECT o, $3, $1 FROM unnest($9::text[]) o ON CONFLICT DO NOTHING`,
      [s.id, s.title, s.firstSeen, lastSeen > s.firstSeen ? lastSeen : s.firstSeen, s.originalId, s.originalOutlet, JSON.stringify(outlets), Math.max(arts.length, 1), outlets],
    );
  }

  /** Deletes a story no entry points at; its readers' read marks move where its named article is now (see the SQLite index). */
  async deleteStory(id: string): Promise<void> {
    await this.db.query('DELETE FROM stories WHERE id = $1', [id]);
    await this.db.query('DELETE FROM story_outlets WHERE story_id = $1', [id]);
    const to = (await this.col<string>('SELECT story_id FROM story_entries WHERE id = $1', [id.slice(2)]))[0];
    if (to && to !== id) {
      await this.db.query(
        `INSERT INTO story_reads (user_id, story_id, read_at, seen) SELECT user_id, $1, read_at, seen FROM story_reads WHERE story_id = $2
         ON CONFLICT DO NOTHING`,
        [to, id],
      );
      await this.db.query('DELETE FROM story_reads WHERE story_id = $1', [id]);
    }
  }

  /**
   * Candidates read in one statement: the story, copy group and floor of every id fresh
   * (other workers change them), the terms only for ids not in the features cache.
   */
  async relatedCandidates(keys: string[], from: number, to: number, limitPerKey: number): Promise<RelatedCandidate[]> {
    const ids = new Set<string>();
    for (const ps of (await this.byKeys(keys, from, to, limitPerKey)).values()) for (const id of ps) ids.add(id);
    if (ids.size === 0) return [];
    const missing = [...ids].filter((id) => !this.features.has(id));
    const rows = await this.db.query<GroupingRow & Partial<FeatureRow>>(
      `SELECT e.id, e.story_id, e.duplicate_of, r.floor, m.id IS NOT NULL AS parts, CASE WHEN m.id IS NOT NULL THEN e.time END AS time,
              CASE WHEN m.id IS NOT NULL THEN e.title_terms END AS title_terms, CASE WHEN m.id IS NOT NULL THEN e.lede_terms END AS lede_terms,
              CASE WHEN m.id IS NOT NULL THEN e.entities END AS entities
       FROM story_entries e LEFT JOIN story_related r ON r.eid = e.eid LEFT JOIN unnest($2::text[]) AS m (id) ON m.id = e.id
       WHERE e.id = ANY($1::text[])`,
      [[...ids], missing],
    );
    const out: RelatedCandidate[] = [];
    for (const r of rows.rows) {
      let f = this.features.get(r.id);
      if (r.parts) {
        f = candidateOf(r as FeatureRow);
        this.features.set(r.id, f);
      }
      // An id evicted between the filter and the read gets its parts on the next call.
      if (f) out.push({ ...f, storyId: r.story_id, duplicateOf: r.duplicate_of, floor: candidateFloor(r.floor) });
    }
    return out;
  }

  async relatedLists(ids: string[]): Promise<Map<string, RelatedList>> {
    const out = new Map<string, RelatedList>();
    if (ids.length === 0) return out;
    // In a transaction (the grouping's offers: read, merge, write) the lists are locked, so
    // two workers offering to one list do not lose an item; in eid order.
    const lock = this.scope.current() ? ' ORDER BY r.eid FOR UPDATE OF r' : '';
    const rows = await this.db.query<RelatedRow>(
      `SELECT e.id, r.floor, r.list FROM story_entries e JOIN story_related r ON r.eid = e.eid WHERE e.id = ANY($1::text[]) AND r.floor >= 0${lock}`,
      [[...new Set(ids)]],
    );
    for (const r of rows.rows) out.set(r.id, relatedListOf(r));
    return out;
  }

  /** One statement for the whole batch (unnest of ids, floors, lists). */
  async putRelatedLists(lists: ReadonlyMap<string, RelatedList>): Promise<void> {
    if (lists.size === 0) return;
    const ids: string[] = [];
    const floors: number[] = [];
    const texts: string[] = [];
    for (const [id, l] of lists) {
      ids.push(id);
      floors.push(l.floor);
      texts.push(relatedListText(l));
    }
    await this.db.query(
      `INSERT INTO story_related (eid, floor, list)
       SELECT e.eid, x.floor, x.list FROM unnest($1::text[], $2::float8[], $3::text[]) AS x (id, floor, list) JOIN story_entries e ON e.id = x.id
       ON CONFLICT (eid) DO UPDATE SET floor = excluded.floor, list = excluded.list`,
      [ids, floors, texts],
    );
  }

  /** The current story and copy group of these entries. */
  async groupings(ids: string[]): Promise<Map<string, { storyId: string; duplicateOf: string | null }>> {
    const out = new Map<string, { storyId: string; duplicateOf: string | null }>();
    if (ids.length === 0) return out;
    const rows = await this.db.query<{ id: string; story_id: string; duplicate_of: string | null }>(
      'SELECT id, story_id, duplicate_of FROM story_entries WHERE id = ANY($1::text[])',
      [[...new Set(ids)]],
    );
    for (const r of rows.rows) out.set(r.id, { storyId: r.story_id, duplicateOf: r.duplicate_of });
    return out;
  }

  async unrelated(limit: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      'SELECT e.id FROM story_related r JOIN story_entries e ON e.eid = r.eid WHERE r.floor < 0 ORDER BY r.eid LIMIT $1',
      [Math.max(0, limit)],
    );
    return rows.rows.map((r) => r.id);
  }
}
