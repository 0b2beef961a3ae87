/**
 * The candidate lookups of the SqliteStoryIndex (stories.ts, which delegates): entries by
 * lookup key (newest first with a limit per key, or all within a time window) and by LSH
 * band, as article ids.
 *
 * Why this shape: the grouping and the related lists ask these for every arrival (about 30
 * keys), and reading each posting's article id from `story_entries` (a B-tree of rows of
 * several kB) cost as much as the posting itself. The postings are read as entry numbers
 * (`eid`) from the key and band indexes alone, and mapped to article ids through a cache;
 * a key's number (`story_keydict.kid`) is cached too. Both mappings never change once
 * committed (entries and keys are never deleted), so only a rolled-back insert can make
 * them wrong: `reset` forgets them (the store calls it on every rollback).
 *
 * The related lists ask each of an arrival's keys for its newest postings within its window
 * (`byKeys` up to a time after every posting of the key, ~12 statements an arrival): those
 * top lists are kept per key (up to TOP_KEEP postings, newest first) and updated by this
 * connection's own inserts (`posted`), so a key asked again (an entity, a story's title
 * terms) costs no statement; the window's start cuts the list where its times fall below.
 * Edges are read by entry numbers and mapped to ids through the same caches
 * (`edgesOf`), not joined with the wide entry rows.
 *
 * Contract: the same ids as the joins they replace, per key in the order the keys were
 * given: newest first (time, then eid) with a limit; without one, in the key index's order
 * (time, eid; the votes summed per id do not depend on it); bands as distinct ids; edges in
 * the order of the UNION they replace (a, then b, as entry numbers). The kept top lists are
 * right only while every posting is inserted through this connection: the store forgets
 * them (`forget`) when another connection has written, and on every rollback (`reset`).
 */
import type Database from 'better-sqlite3';
import { bandInt, bandSpan, clampTime } from '../story-rows.ts';
import type { StoryEdge } from '../../model/stories.ts';

/** A band lookup over more spans than this finds the spans that hold postings first (an unbounded window). */
const LISTED_SPANS = 16;

/** Entry numbers and key numbers kept mapped (a few dozen bytes each). */
const ID_CACHE = 65_536;
/** Keys whose newest postings are kept (each up to TOP_KEEP of them: ~0.5 kB). */
const TOP_CACHE = 32_768;
/** Postings kept per key: the related lists' limit per key (RELATED_DEFAULTS.limitPerKey). */
export const TOP_KEEP = 24;

/**
 * A map that empties itself when full: the mappings never change, so unlike an LRU (whose
 * every read reorders it, measured at 1 % of the writer's time) nothing is kept per read.
 */
class Bounded<K, V> extends Map<K, V> {
  constructor(private readonly max = ID_CACHE) {
    super();
  }

  override set(k: K, v: V): this {
    if (this.size >= this.max) this.clear();
    return super.set(k, v);
  }

  /** The values of `keys` held; those missing are read in one statement (`read`: the JSON array of them → [key, value] rows) and kept. Keys not found are absent (asked again next time). */
  through(keys: readonly K[], read: (json: string) => Array<[K, V]>): Map<K, V> {
    const out = new Map<K, V>();
    const missing = new Set<K>();
    for (const k of keys) {
      const v = this.get(k);
      if (v !== undefined) out.set(k, v);
      else missing.add(k);
    }
    if (missing.size)
      for (const [k, v] of read(JSON.stringify([...missing]))) {
        this.set(k, v);
        out.set(k, v);
      }
    return out;
  }
}

/** A key's newest postings (time, then eid, descending); `all`: they are every posting of the key. */
interface Top {
  times: number[];
  eids: number[];
  all: boolean;
}

export interface EdgeRow {
  a: string;
  b: string;
  kind: StoryEdge['kind'];
  score: number;
}

export class SqlitePostings {
  private readonly q;
  private readonly ids = new Bounded<number, string>();
  private readonly eids = new Bounded<string, number>();
  private readonly kids = new Bounded<string, number>();
  /** Per key, its newest postings over the whole time line (see the header). */
  private readonly top = new Bounded<string, Top>(TOP_CACHE);
  /** The first and last spans holding band postings (null: not read yet; lo > hi: none). */
  private spans: { lo: number; hi: number } | null = null;

  constructor(db: Database.Database) {
    const p = <T = unknown>(sql: string) => db.prepare<unknown[], T>(sql);
    this.q = {
      kids: p<[string, number]>('SELECT key, kid FROM story_keydict WHERE key IN (SELECT value FROM json_each(?))').raw(),
      ids: p<[number, string]>('SELECT eid, id FROM story_entries WHERE eid IN (SELECT value FROM json_each(?))').raw(),
      eids: p<[string, number]>('SELECT id, eid FROM story_entries WHERE id IN (SELECT value FROM json_each(?))').raw(),
      intern: p<[string, number]>('INSERT OR IGNORE INTO story_keydict (key) SELECT value FROM json_each(?) RETURNING key, kid').raw(),
      post: p('INSERT OR IGNORE INTO story_keys (kid, time, eid) SELECT value, ?, ? FROM json_each(?)'),
      newestTimed: p<[number, number]>('SELECT time, eid FROM story_keys WHERE kid = ? ORDER BY time DESC, eid DESC LIMIT ?').raw(),
      edges: p<[number, number, StoryEdge['kind'], number]>(
        `SELECT a, b, kind, score FROM story_edges WHERE a IN (SELECT value FROM json_each(?))
         UNION SELECT a, b, kind, score FROM story_edges WHERE b IN (SELECT value FROM json_each(?))`,
      ).raw(),
      newest: p<number>('SELECT eid FROM story_keys WHERE kid = ? AND time BETWEEN ? AND ? ORDER BY time DESC, eid DESC LIMIT ?').pluck(),
      all: p<[number, number]>(
        `SELECT j.key, k.eid FROM json_each(?) j JOIN story_keys k ON k.kid = j.value
         WHERE k.time BETWEEN ? AND ?`,
      ).raw(),
      // The spans are the window's weeks (migration 034): listed, or for a wide window those that
      // hold postings, found by one seek each (a recursive min over the key's first column).
      spanRange: p<[number | null, number | null]>('SELECT (SELECT min(span) FROM story_bands), (SELECT max(span) FROM story_bands)').raw(),
      bands: p<number>(
        `SELECT DISTINCT eid FROM story_bands WHERE span IN (SELECT value FROM json_each(?)) AND band IN (SELECT value FROM json_each(?))
         AND time BETWEEN ? AND ?`,
      ).pluck(),
      bandsWide: p<number>(
        `WITH RECURSIVE s(v) AS (SELECT (SELECT min(span) FROM story_bands WHERE span >= @first)
           UNION ALL SELECT (SELECT min(span) FROM story_bands WHERE span > v) FROM s WHERE v < @last)
         SELECT DISTINCT eid FROM story_bands WHERE span IN (SELECT v FROM s WHERE v <= @last) AND band IN (SELECT value FROM json_each(@keys))
         AND time BETWEEN @lo AND @hi`,
      ).pluck(),
    };
  }

  /** Notes an entry this connection inserted (its number is known then). */
  added(eid: number, id: string): void {
    this.ids.set(eid, id);
    this.eids.set(id, eid);
  }

  /**
   * Inserts the postings of entry `eid` at `time` under these keys (each once), interning the
   * keys not yet held: only those are written to the key dictionary (a key whose number is
   * cached needs no lookup), in the order given, as one insert of every key numbered them.
   */
  post(keys: readonly string[], time: number, eid: number): void {
    const kids = this.kidsOf(keys);
    const fresh = keys.filter((k) => !kids.has(k));
    if (fresh.length)
      for (const [k, kid] of this.q.intern.all(JSON.stringify(fresh))) {
        this.kids.set(k, kid);
        kids.set(k, kid);
      }
    this.q.post.run(time, eid, JSON.stringify(keys.map((k) => kids.get(k)).filter((x) => x !== undefined)));
    this.posted(keys, time, eid);
  }

  /** Notes the postings this connection inserted for entry `eid` at `time` (each key once): the kept top lists take them in. */
  private posted(keys: readonly string[], time: number, eid: number): void {
    for (const k of keys) {
      const t = this.top.get(k);
      if (!t) continue;
      // Newest first: after every posting later in (time, eid), before the first earlier one.
      let i = 0;
      while (i < t.times.length && (t.times[i]! > time || (t.times[i] === time && t.eids[i]! > eid))) i++;
      if (i >= TOP_KEEP) continue;
      t.times.splice(i, 0, time);
      t.eids.splice(i, 0, eid);
      if (t.times.length > TOP_KEEP) {
        t.times.length = TOP_KEEP;
        t.eids.length = TOP_KEEP;
        t.all = false;
      }
    }
  }

  /** Notes band postings this connection inserted in a span. */
  bandsPosted(span: number): void {
    if (!this.spans) return;
    this.spans.lo = Math.min(this.spans.lo, span);
    this.spans.hi = Math.max(this.spans.hi, span);
  }

  /** Forgets every mapping (after a rollback: its numbers may be given again). */
  reset(): void {
    this.spans = null;
    this.ids.clear();
    this.eids.clear();
    this.kids.clear();
    this.top.clear();
  }

  /** Forgets the kept top lists (another connection may have added postings). */
  forget(): void {
    this.top.clear();
    this.spans = null;
  }

  /** Up to `limitPerKey` ids per key within [from, to], newest first. */
  byKeys(keys: readonly string[], from: number, to: number, limitPerKey: number): Map<string, string[]> {
    const kids = this.kidsOf(keys);
    const [lo, hi, limit] = [clampTime(from), clampTime(to), Math.max(0, limitPerKey)];
    // A window that ends after the key's newest posting (the related lists: an arrival's window
    // ends after everything stored before it) is answered from the kept top list, cut where its
    // times fall below the window's start; every posting not kept is older than those kept.
    const eids = keys.map((k) => {
      const kid = kids.get(k);
      if (kid === undefined) return [];
      if (limit > TOP_KEEP) return this.q.newest.all(kid, lo, hi, limit);
      let t = this.top.get(k);
      if (!t) {
        const rows = this.q.newestTimed.all(kid, TOP_KEEP);
        t = { times: rows.map((r) => r[0]), eids: rows.map((r) => r[1]), all: rows.length < TOP_KEEP };
        this.top.set(k, t);
      }
      if (t.times.length && hi < t.times[0]!) return this.q.newest.all(kid, lo, hi, limit);
      let n = 0;
      while (n < limit && n < t.eids.length && t.times[n]! >= lo) n++;
      return t.eids.slice(0, n);
    });
    const ids = this.idsOf(eids.flat());
    return new Map(keys.map((k, i) => [k, eids[i]!.map((e) => ids.get(e)!).filter((x) => x !== undefined)]));
  }

  /** Every id per key within [from, to] (index order: time, then eid); one statement. */
  allByKeys(keys: readonly string[], from: number, to: number): Map<string, string[]> {
    const out = new Map<string, string[]>(keys.map((k) => [k, []]));
    const kids = this.kidsOf(keys);
    const held = keys.filter((k) => kids.has(k));
    if (held.length === 0) return out;
    const rows = this.q.all.all(JSON.stringify(held.map((k) => kids.get(k)!)), clampTime(from), clampTime(to));
    const ids = this.idsOf(rows.map((r) => r[1]));
    for (const [pos, eid] of rows) {
      const id = ids.get(eid);
      if (id !== undefined) out.get(held[pos]!)!.push(id);
    }
    return out;
  }

  /** Distinct ids holding any of these band keys within [from, to]. */
  byBands(bands: readonly string[], from: number, to: number): string[] {
    if (bands.length === 0) return [];
    const [lo, hi] = [clampTime(from), clampTime(to)];
    if (!this.spans) {
      const [a, b] = this.q.spanRange.get()!;
      this.spans = a === null || b === null ? { lo: Infinity, hi: -Infinity } : { lo: a, hi: b };
    }
    // Only the spans that hold postings: an arrival's window reaches a week ahead, mostly empty.
    const [first, last] = [Math.max(bandSpan(lo), this.spans.lo), Math.min(bandSpan(hi), this.spans.hi)];
    if (lo > hi || first > last) return [];
    const keys = JSON.stringify(bands.map(bandInt));
    const eids =
      last - first < LISTED_SPANS
        ? this.q.bands.all(JSON.stringify(Array.from({ length: last - first + 1 }, (_, i) => first + i)), keys, lo, hi)
        : this.q.bandsWide.all({ first, last, keys, lo, hi });
    const ids = this.idsOf(eids);
    return eids.map((e) => ids.get(e)!).filter((x) => x !== undefined);
  }

  /**
   * The edges touching these entries, by article id (each once, in the order of a UNION of
   * the two ends' lookups by entry number: a, then b).
   */
  edgesOf(ids: readonly string[]): EdgeRow[] {
    const eids = this.eidsOf(ids);
    if (eids.size === 0) return [];
    const json = JSON.stringify([...eids.values()]);
    const rows = this.q.edges.all(json, json);
    const names = this.idsOf(rows.flatMap((r) => [r[0], r[1]]));
    const out: EdgeRow[] = [];
    for (const [a, b, kind, score] of rows) {
      const [x, y] = [names.get(a), names.get(b)];
      if (x !== undefined && y !== undefined) out.push({ a: x, b: y, kind, score });
    }
    return out;
  }

  /** Entry numbers of article ids (those that exist). */
  private eidsOf(ids: readonly string[]): Map<string, number> {
    return this.eids.through(ids, (json) => this.q.eids.all(json));
  }

  /** The numbers of the keys held (keys never seen are absent; they are asked again next time). */
  private kidsOf(keys: readonly string[]): Map<string, number> {
    return this.kids.through(keys, (json) => this.q.kids.all(json));
  }

  /** Article ids of entry numbers (those that exist). */
  private idsOf(eids: readonly number[]): Map<number, string> {
    return this.ids.through(eids, (json) => this.q.ids.all(json));
  }
}
