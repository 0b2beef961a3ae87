/**
 * The SQLite StoryIndex and RelatedSource: src/stories' grouping state in tables (entries,
 * LSH band keys, interned candidate keys, term document frequencies, stories), so
 * duplicate detection and story assignment run against the store instead of memory.
 *
 * Why this shape: every call the grouping makes per article is an indexed range read
 * (exact key; band key + time window; candidate key + time window, newest first, LIMIT;
 * term df by primary key), and the document count is a kept counter, so the cost of one
 * insert depends on the article's keys, not on the size of the store.
 *
 * Contract: methods are synchronous (the interfaces accept plain values); the caller
 * wraps a batch in a transaction. `addEntry` and `updateEntries` also mirror storyId and
 * duplicateOf onto the `articles` row of the same id, so an Article read from the store
 * always carries its current grouping. A story's article list and outlets are derived
 * from the entries that point at it (time order), never stored twice.
 */
import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { EdgeIndex, RelatedCandidate, RelatedList, RelatedSource, RelatedStore, Story, StoryEdge, StoryEntry, StoryIndex } from '../../stories/index.ts';
import { bandInt, bandSpan, clampTime, daysText, isoTime, join, toEntry as sharedToEntry, type EntryRow, type StoryRow } from '../story-rows.ts';
import { SqliteRelated } from './related.ts';
import { SqliteDocFreq } from './story-df.ts';
import { SqlitePostings } from './story-postings.ts';


const toBlob = (s: Uint32Array): Buffer => Buffer.from(s.buffer, s.byteOffset, s.byteLength);
function fromBlob(b: Buffer): Uint32Array {
  const out = new Uint32Array(b.byteLength >>> 2);
  new Uint8Array(out.buffer).set(b.subarray(0, out.length * 4));
  return out;
}

/** Entries whose immutable parts stay parsed in memory (≈ 5 kB each). */
export const ENTRY_CACHE = 4096;

export class SqliteStoryIndex implements StoryIndex, EdgeIndex, RelatedSource, RelatedStore {
  private readonly q;
  private readonly cache = new LRUCache<string, StoryEntry>({ max: ENTRY_CACHE });
  /** The kept related lists and the candidates' cache (related.ts). */
  private readonly related: SqliteRelated;
  /** Document frequencies and the entry count (story-df.ts). */
  private readonly df: SqliteDocFreq;
  /** Candidate lookups by key and band (story-postings.ts). */
  private readonly postings: SqlitePostings;
  /**
   * The entry count after this index's own last insert (−1: none yet). Another writer's
   * inserts show as a different count at the next insert, and then the cached entries and
   * related candidates are forgotten. (Tracked here, not by the df cache, which is only
   * current while someone reads frequencies: without alerts nobody does, and every insert
   * emptied both caches.)
   */
  private seen = -1;
  /** The data_version at the last `checkOthers` (null: never read). */
  private version: number | null = null;

  constructor(private readonly db: Database.Database) {
    this.df = new SqliteDocFreq(db);
    this.related = new SqliteRelated(db);
    this.postings = new SqlitePostings(db);
    const p = <T = unknown>(sql: string) => db.prepare<unknown[], T>(sql);
    this.q = {
      byExact: p<string>('SELECT id FROM story_entries WHERE exact = ?').pluck(),
      entries: p<EntryRow>('SELECT * FROM story_entries WHERE id IN (SELECT value FROM json_each(?))'),
      entry: p<EntryRow>('SELECT * FROM story_entries WHERE id = ?'),
      watermark: p<number>('SELECT coalesce(max(eid), 0) FROM story_entries').pluck(),
      dataVersion: p<number>('PRAGMA data_version').pluck(),
      entriesAfter: p<EntryRow>('SELECT * FROM story_entries WHERE eid > ? ORDER BY eid'),
      exists: p<number>('SELECT 1 FROM story_entries WHERE id = ?').pluck(),
      children: p<string>('SELECT id FROM story_entries WHERE duplicate_of = ?').pluck(),
      countBump: p("UPDATE story_counters SET value = value + 1 WHERE name = 'entries'"),
      insert: p(
        `INSERT INTO story_entries (id, time, outlet, title, exact, shingles, terms, title_terms, lede_terms, entities, story_id, duplicate_of, days)
         VALUES (@id, @time, @outlet, @title, @exact, @shingles, @terms, @title_terms, @lede_terms, @entities, @story_id, @duplicate_of, @days)`,
      ),
      bands: p('INSERT OR IGNORE INTO story_bands (span, band, time, eid) SELECT ?, value, ?, ? FROM json_each(?)'),
      setStory: p('UPDATE story_entries SET story_id = ? WHERE id = ?'),
      setDup: p('UPDATE story_entries SET duplicate_of = ? WHERE id = ?'),
      mirror: p('UPDATE articles SET story_id = ?, duplicate_of = ? WHERE id = ? AND (story_id IS NOT ? OR duplicate_of IS NOT ?)'),
      grouping: p<{ story_id: string; duplicate_of: string | null }>('SELECT story_id, duplicate_of FROM story_entries WHERE id = ?'),
      story: p<StoryRow>('SELECT * FROM stories WHERE id = ?'),
      storyArticles: p<{ id: string; time: number; outlet: string | null }>(
        'SELECT id, time, outlet FROM story_entries WHERE story_id = ? ORDER BY time, id',
      ),
      storyPut: p(
        `INSERT INTO stories (id, title, first_seen, last_seen, original_id, original_outlet, outlets, article_count)
         VALUES (@id, @title, @first_seen, @last_seen, @original_id, @original_outlet, @outlets, @article_count)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
           original_id = excluded.original_id, original_outlet = excluded.original_outlet, outlets = excluded.outlets,
           article_count = excluded.article_count`,
      ),
      storyDelete: p('DELETE FROM stories WHERE id = ?'),
      readsMove: p('INSERT OR IGNORE INTO story_reads (user_id, story_id, read_at, seen) SELECT user_id, ?, read_at, seen FROM story_reads WHERE story_id = ?'),
      readsDrop: p('DELETE FROM story_reads WHERE story_id = ?'),
      edgeAdd: p(
        `INSERT INTO story_edges (a, b, kind, score) SELECT x.eid, y.eid, @kind, @score FROM story_entries x, story_entries y
         WHERE x.id = @a AND y.id = @b ON CONFLICT (a, b) DO UPDATE SET kind = excluded.kind, score = excluded.score`,
      ),
      outletsDelete: p('DELETE FROM story_outlets WHERE story_id = ?'),
      outletInsert: p('INSERT OR IGNORE INTO story_outlets (outlet, first_seen, story_id) VALUES (?, ?, ?)'),
    };
  }

  byExact(exact: string): string[] {
    return this.q.byExact.all(exact);
  }

  byBands(bands: string[], from: number, to: number): string[] {
    // (The spans holding postings are kept: another connection may have added one.)
    this.checkOthers();
    return this.postings.byBands(bands, from, to);
  }

  byKeys(keys: string[], from: number, to: number, limitPerKey: number): Map<string, string[]> {
    return this.postings.byKeys(keys, from, to, limitPerKey);
  }

  allByKeys(keys: string[], from: number, to: number): Map<string, string[]> {
    return this.postings.allByKeys(keys, from, to);
  }

  /**
   * Before anything cached is read: when another connection has committed since the last
   * check (SQLite's data_version; this connection's own commits leave it as it is), the
   * cached entries' groupings may be stale, so everything cached is forgotten.
   */
  private checkOthers(): void {
    const v = this.q.dataVersion.get()!;
    if (v === this.version) return;
    if (this.version !== null) this.forgetCached();
    this.version = v;
  }

  /** Adds edges (smaller article id first, as stories/stable.ts makes them); a pair held already is replaced. */
  addEdges(edges: StoryEdge[]): void {
    for (const e of edges) this.q.edgeAdd.run(e.a < e.b ? e : { ...e, a: e.b, b: e.a });
  }

  edgesOf(ids: string[]): StoryEdge[] {
    return ids.length ? this.postings.edgesOf(ids) : [];
  }

  watermark(): number {
    return this.q.watermark.get()!;
  }

  entriesAfter(mark: number): StoryEntry[] {
    this.checkOthers();
    return this.q.entriesAfter.all(mark).map((r) => {
      const e = toEntry(r);
      this.remember(e);
      return { ...e };
    });
  }

  /**
   * Entries by id, kept parsed in memory (LRU) with their grouping: this connection changes
   * a grouping only through `addEntry` and `updateEntries`, which update the cached entry,
   * and a rollback empties the cache. Another connection's commit (SQLite's data_version)
   * empties it too, before anything cached is read, so another process writing the same
   * file never leaves a stale story behind. (Re-reading every cached entry's grouping per
   * call cost the writer 6 % of its time.)
   */
  getEntries(ids: string[]): StoryEntry[] {
    if (ids.length === 0) return [];
    this.checkOthers();
    const uniq = [...new Set(ids)];
    // The cached ones are taken before any row read is remembered: remembering may push out of
    // the LRU an entry this call was about to return.
    const got = new Map<string, StoryEntry>();
    const missing: string[] = [];
    for (const id of uniq) {
      const e = this.cache.get(id); // LRU: marks it the newest
      if (e) got.set(id, e);
      else missing.push(id);
    }
    if (missing.length > 0)
      for (const r of this.q.entries.all(JSON.stringify(missing))) {
        const e = toEntry(r);
        got.set(e.id, e);
        this.remember(e);
      }
    const out: StoryEntry[] = [];
    for (const id of uniq) {
      const e = got.get(id);
      if (e) out.push({ ...e });
    }
    return out;
  }

  private remember(e: StoryEntry): void {
    this.cache.set(e.id, e);
  }

  getEntry(id: string): StoryEntry | null {
    const r = this.q.entry.get(id);
    return r ? toEntry(r) : null;
  }

  duplicatesOf(rootId: string): string[] {
    return this.q.children.all(rootId);
  }

  docFreq(terms: string[]): number[] {
    return this.df.docFreq(terms);
  }

  docCount(): number {
    return this.df.docCount();
  }

  addEntry(e: StoryEntry): void {
    if (this.q.exists.get(e.id)) return;
    const time = clampTime(e.time);
    const eid = Number(
      this.q.insert.run({
        id: e.id,
        time,
        outlet: e.outlet,
        title: e.title,
        exact: e.exact,
        shingles: toBlob(e.shingles),
        terms: join(e.terms),
        title_terms: join(e.titleTerms),
        lede_terms: join(e.ledeTerms),
        entities: join(e.entities),
        story_id: e.storyId,
        duplicate_of: e.duplicateOf,
        days: daysText(e.days),
      }).lastInsertRowid,
    );
    this.postings.added(eid, e.id);
    const n = this.docCount();
    this.q.countBump.run();
    this.df.added([...new Set(e.terms)], n);
    if (n !== this.seen) this.forgetCached();
    this.seen = n + 1;
    if (e.bands.length) {
      const span = bandSpan(time);
      this.q.bands.run(span, time, eid, JSON.stringify([...new Set(e.bands)].map(bandInt)));
      this.postings.bandsPosted(span);
    }
    if (e.keys.length) this.postings.post([...new Set(e.keys)], time, eid);
    this.mirror(e.id, e.storyId, e.duplicateOf);
    this.remember({ ...e, bands: [], keys: [] });
  }

  /** Forgets every cached value (after a rolled-back transaction), and unwritten df increments. */
  resetCaches(): void {
    this.forgetCached();
    this.postings.reset();
    this.seen = -1;
    this.df.reset();
  }

  /** Forgets cached entries and related candidates (another writer's entries may have changed them). */
  private forgetCached(): void {
    this.cache.clear();
    this.related.clearCache();
    this.postings.forget();
  }

  /** While on (one write transaction), df increments are summed and written by `flushDocFreq` (story-df.ts). */
  deferDocFreq(on: boolean): void {
    this.df.defer(on);
  }

  flushDocFreq(): void {
    this.df.flush();
  }

  private mirror(id: string, storyId: string, duplicateOf: string | null): void {
    this.q.mirror.run(storyId, duplicateOf, id, storyId, duplicateOf);
  }

  /** Copies an entry's grouping onto its article row (after a crash between the two writes). */
  syncArticle(id: string): { storyId: string; duplicateOf: string | null } | null {
    const g = this.q.grouping.get(id);
    if (!g) return null;
    this.mirror(id, g.story_id, g.duplicate_of);
    return { storyId: g.story_id, duplicateOf: g.duplicate_of };
  }

  updateEntries(ids: string[], patch: { storyId?: string; duplicateOf?: string | null }): void {
    for (const id of ids) {
      this.related.regrouped(id, patch);
      const cached = this.cache.peek(id);
      if (cached && patch.storyId !== undefined) cached.storyId = patch.storyId;
      if (cached && patch.duplicateOf !== undefined) cached.duplicateOf = patch.duplicateOf === id ? null : patch.duplicateOf;
      if (patch.storyId !== undefined) this.q.setStory.run(patch.storyId, id);
      if (patch.duplicateOf !== undefined) this.q.setDup.run(patch.duplicateOf === id ? null : patch.duplicateOf, id);
      this.syncArticle(id);
    }
  }

  getStory(id: string): Story | null {
    const r = this.q.story.get(id);
    if (!r) return null;
    return {
      id: r.id,
      title: r.title,
      firstSeen: r.first_seen,
      outlets: JSON.parse(r.outlets) as string[],
      articleIds: this.q.storyArticles.all(id).map((a) => a.id),
      originalOutlet: r.original_outlet,
      originalId: r.original_id,
    };
  }

  /**
   * Stores a story's title and original as given; its outlets, last time and size are
   * derived from the entries pointing at it (articleIds is derived too, so it is ignored).
   */
  putStory(s: Story): void {
    const arts = this.q.storyArticles.all(s.id);
    const outlets: string[] = [];
    for (const a of arts) if (a.outlet && !outlets.includes(a.outlet)) outlets.push(a.outlet);
    for (const o of s.outlets) if (!outlets.includes(o)) outlets.push(o);
    const last = arts.at(-1);
    const lastSeen = last ? isoTime(last.time) : s.firstSeen;
    this.q.storyPut.run({
      id: s.id,
      title: s.title,
      first_seen: s.firstSeen,
      last_seen: lastSeen > s.firstSeen ? lastSeen : s.firstSeen,
      original_id: s.originalId,
      original_outlet: s.originalOutlet,
      outlets: JSON.stringify(outlets),
      article_count: Math.max(arts.length, 1),
    });
    this.q.outletsDelete.run(s.id);
    for (const o of outlets) this.q.outletInsert.run(o, s.firstSeen, s.id);
  }

  /**
   * Deletes a story that no entry points at any more. Its name is `s-<article>` and that
   * article is in another story now (the grouping moved the entries first): the readers'
   * read marks move there (a mark already held there wins).
   */
  deleteStory(id: string): void {
    this.q.storyDelete.run(id);
    this.q.outletsDelete.run(id);
    const to = this.q.grouping.get(id.slice(2))?.story_id;
    if (to && to !== id) {
      this.q.readsMove.run(to, id);
      this.q.readsDrop.run(id);
    }
  }

  relatedCandidates(keys: string[], from: number, to: number, limitPerKey: number): RelatedCandidate[] {
    this.checkOthers();
    const ids = new Set<string>();
    for (const ps of this.byKeys(keys, from, to, limitPerKey).values()) for (const id of ps) ids.add(id);
    return this.related.candidates(ids);
  }

  relatedLists(ids: string[]): Map<string, RelatedList> {
    return this.related.lists(ids);
  }

  putRelatedLists(lists: ReadonlyMap<string, RelatedList>): void {
    this.related.put(lists);
  }

  unrelated(limit: number): string[] {
    return this.related.unrelated(limit);
  }

  /** The current story and copy group of these entries. */
  groupings(ids: string[]): Map<string, { storyId: string; duplicateOf: string | null }> {
    return this.related.groupings(ids);
  }
}

function toEntry(r: EntryRow): StoryEntry {
  return sharedToEntry(r, fromBlob);
}
