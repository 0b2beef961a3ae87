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
 * Contract: the same ids as the joins they replace, per key in the order the keys were
 * given: newest first (time, then eid) with a limit; without one, in the key index's order
 * (time, eid; the votes summed per id do not depend on it); bands as distinct ids.
 */
import type Database from 'better-sqlite3';
import { bandInt, clampTime } from '../story-rows.ts';

/** Entry numbers and key numbers kept mapped (a few dozen bytes each). */
const ID_CACHE = 65_536;

/**
 * A map that empties itself when full: the mappings never change, so unlike an LRU (whose
 * every read reorders it, measured at 1 % of the writer's time) nothing is kept per read.
 */
class Bounded<K, V> extends Map<K, V> {
  override set(k: K, v: V): this {
    if (this.size >= ID_CACHE) this.clear();
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

export class SqlitePostings {
  private readonly q;
  private readonly ids = new Bounded<number, string>();
  private readonly kids = new Bounded<string, number>();

  constructor(db: Database.Database) {
    const p = <T = unknown>(sql: string) => db.prepare<unknown[], T>(sql);
    this.q = {
      kids: p<[string, number]>('SELECT key, kid FROM story_keydict WHERE key IN (SELECT value FROM json_each(?))').raw(),
      ids: p<[number, string]>('SELECT eid, id FROM story_entries WHERE eid IN (SELECT value FROM json_each(?))').raw(),
      newest: p<number>('SELECT eid FROM story_keys WHERE kid = ? AND time BETWEEN ? AND ? ORDER BY time DESC, eid DESC LIMIT ?').pluck(),
      all: p<[number, number]>(
        `SELECT j.key, k.eid FROM json_each(?) j JOIN story_keys k ON k.kid = j.value
         WHERE k.time BETWEEN ? AND ?`,
      ).raw(),
      bands: p<number>('SELECT DISTINCT eid FROM story_bands WHERE band IN (SELECT value FROM json_each(?)) AND time BETWEEN ? AND ?').pluck(),
    };
  }

  /** Notes an entry this connection inserted (its number is known then). */
  added(eid: number, id: string): void {
    this.ids.set(eid, id);
  }

  /** Forgets every mapping (after a rollback: its numbers may be given again). */
  reset(): void {
    this.ids.clear();
    this.kids.clear();
  }

  /** Up to `limitPerKey` ids per key within [from, to], newest first. */
  byKeys(keys: readonly string[], from: number, to: number, limitPerKey: number): Map<string, string[]> {
    const kids = this.kidsOf(keys);
    const [lo, hi, limit] = [clampTime(from), clampTime(to), Math.max(0, limitPerKey)];
    const eids = keys.map((k) => {
      const kid = kids.get(k);
      return kid === undefined ? [] : this.q.newest.all(kid, lo, hi, limit);
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
    const eids = this.q.bands.all(JSON.stringify(bands.map(bandInt)), clampTime(from), clampTime(to));
    const ids = this.idsOf(eids);
    return eids.map((e) => ids.get(e)!).filter((x) => x !== undefined);
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
