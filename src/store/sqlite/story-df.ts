/**
 * Document frequencies of the story entries' terms (`story_df`, and the entry counter in
 * `story_counters`) for the SqliteStoryIndex: read through a cache kept while the entry
 * counter says nobody else has added entries since (another process's insert empties it;
 * own inserts update it). Inside one write transaction the increments are summed in memory
 * and written once per term by `flush` (a chunk of articles shares most of its terms)
 * instead of one upsert per term and article; `docFreq` adds them to what it reads, so the
 * grouping sees the same numbers. The store flushes before it commits or opens a savepoint,
 * and drops them (`reset`) when it rolls back.
 */
import type Database from 'better-sqlite3';

/** Terms whose document frequency stays cached. */
const DF_CACHE = 300_000;

export class SqliteDocFreq {
  private readonly q;
  private readonly cache = new Map<string, number>();
  /** The entry count the cache agrees with (−1: none). */
  private count = -1;
  /** Increments not yet written (while deferring, see `defer`). */
  private pending: Map<string, number> | null = null;

  constructor(db: Database.Database) {
    this.q = {
      df: db.prepare<[string], [string, number]>('SELECT term, df FROM story_df WHERE term IN (SELECT value FROM json_each(?))').raw(),
      bump: db.prepare<[string]>(`INSERT INTO story_df (term, df) SELECT value, 1 FROM json_each(?) WHERE true ON CONFLICT (term) DO UPDATE SET df = df + 1`),
      add: db.prepare<[string]>(
        `INSERT INTO story_df (term, df) SELECT value ->> 0, value ->> 1 FROM json_each(?) WHERE true
         ON CONFLICT (term) DO UPDATE SET df = df + excluded.df`,
      ),
      count: db.prepare<[], number>("SELECT value FROM story_counters WHERE name = 'entries'").pluck(),
    };
  }

  docCount(): number {
    return this.q.count.get() ?? 0;
  }

  docFreq(terms: string[]): number[] {
    if (terms.length === 0) return [];
    const n = this.docCount();
    if (n !== this.count || this.cache.size > DF_CACHE) {
      this.cache.clear();
      this.count = n;
    }
    const missing = [...new Set(terms.filter((t) => !this.cache.has(t)))];
    const pending = this.pending;
    for (let i = 0; i < missing.length; i += 5000) {
      const part = missing.slice(i, i + 5000);
      for (const t of part) this.cache.set(t, pending?.get(t) ?? 0);
      for (const [t, d] of this.q.df.all(JSON.stringify(part))) this.cache.set(t, d + (pending?.get(t) ?? 0));
    }
    return terms.map((t) => this.cache.get(t) ?? 0);
  }

  /**
   * Counts the terms of an entry just added, `before` being the entry counter before it.
   * False when another writer's entries had made the cache stale (it is emptied; the
   * caller forgets what else it cached).
   */
  added(terms: readonly string[], before: number): boolean {
    const pending = this.pending;
    if (pending) for (const t of terms) pending.set(t, (pending.get(t) ?? 0) + 1);
    else this.q.bump.run(JSON.stringify(terms));
    if (before !== this.count) {
      this.cache.clear();
      this.count = -1;
      return false;
    }
    for (const t of terms) {
      const d = this.cache.get(t);
      if (d !== undefined) this.cache.set(t, d + 1);
    }
    this.count = before + 1;
    return true;
  }

  /** Starts (true) or ends (false: flushes first) summing increments in memory. */
  defer(on: boolean): void {
    if (!on) this.flush();
    this.pending = on ? (this.pending ?? new Map()) : null;
  }

  /** Writes the deferred increments (one row per term). */
  flush(): void {
    const pending = this.pending;
    if (!pending || pending.size === 0) return;
    const rows = [...pending];
    pending.clear();
    for (let i = 0; i < rows.length; i += 5000) this.q.add.run(JSON.stringify(rows.slice(i, i + 5000)));
  }

  /** Forgets the cache, and unwritten increments (after a rollback). */
  reset(): void {
    this.cache.clear();
    this.count = -1;
    this.pending?.clear();
  }
}
