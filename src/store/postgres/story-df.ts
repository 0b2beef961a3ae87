/**
 * Document frequencies of the story entries' terms (`story_df`, with the entry counter in
 * `story_counters`) on PostgreSQL, for the PgStoryIndex: read through a cache that is
 * kept while the entry counter says no other worker has added entries, and written once
 * per transaction — a new entry's terms and the entry itself are counted in memory and
 * `flush` writes them in two statements just before the commit (one row update per
 * distinct term of the batch, then the counter), so concurrent workers' groupings wait on
 * these hot rows only while committing, never for a whole grouping step. The store flushes before it commits and before it opens a savepoint, so a
 * rolled-back savepoint drops only its own counts (`reset`).
 */
import type { TxScope } from './db.ts';

/** Terms whose frequency is kept cached at most (the cache is emptied beyond). */
const DF_CACHE = 300_000;

export class PgDocFreq {
  private readonly cache = new Map<string, number>();
  /** The entry count the cache is true for; −1: unknown. */
  private count = -1;
  /** Counts of entries added in this transaction, not yet written. */
  private readonly pending = new Map<string, number>();
  private pendingDocs = 0;

  constructor(private readonly scope: TxScope) {}

  private get db() {
    return this.scope.db();
  }

  /** Entries held: the counter, plus those added in this transaction and not yet written. */
  async docCount(): Promise<number> {
    return (await this.committed()) + this.pendingDocs;
  }

  private async committed(): Promise<number> {
    // bigint comes back as a string: a number, so that it compares with the counter kept here.
    const r = await this.db.query<{ value: string }>("SELECT value FROM story_counters WHERE name = 'entries'");
    return Number(r.rows[0]?.value ?? 0);
  }

  async docFreq(terms: string[]): Promise<number[]> {
    if (terms.length === 0) return [];
    const n = await this.committed();
    if (n !== this.count || this.cache.size > DF_CACHE) {
      this.cache.clear();
      this.count = n;
    }
    const missing = [...new Set(terms.filter((t) => !this.cache.has(t)))];
    if (missing.length) {
      const held = new Map<string, number>();
      const r = await this.db.query<{ term: string; df: number }>('SELECT term, df FROM story_df WHERE term = ANY($1::text[])', [missing]);
      for (const x of r.rows) held.set(x.term, Number(x.df));
      for (const t of missing) this.cache.set(t, (held.get(t) ?? 0) + (this.pending.get(t) ?? 0));
    }
    return terms.map((t) => this.cache.get(t) ?? 0);
  }

  /**
   * Counts the terms of an entry just added (cached frequencies include them); written by
   * `flush`, which the store calls before each commit and savepoint.
   */
  added(terms: readonly string[]): void {
    for (const t of terms) {
      this.pending.set(t, (this.pending.get(t) ?? 0) + 1);
      const d = this.cache.get(t);
      if (d !== undefined) this.cache.set(t, d + 1);
    }
    this.pendingDocs++;
  }

  /** Writes the counted frequencies and the entry counter (the counter's row last: the hottest). */
  async flush(): Promise<void> {
    if (this.pending.size === 0 && this.pendingDocs === 0) return;
    const terms = [...this.pending.keys()].sort();
    const counts = terms.map((t) => this.pending.get(t)!);
    const docs = this.pendingDocs;
    this.pending.clear();
    this.pendingDocs = 0;
    if (terms.length) {
      await this.db.query(
        `INSERT INTO story_df (term, df) SELECT * FROM unnest($1::text[], $2::int[])
         ON CONFLICT (term) DO UPDATE SET df = story_df.df + EXCLUDED.df`,
        [terms, counts],
      );
    }
    if (docs) await this.db.query("UPDATE story_counters SET value = value + $1 WHERE name = 'entries'", [docs]);
    // What is cached now includes these counts, and the counter moved by them.
    if (this.count >= 0) this.count += docs;
  }

  /** Forgets the cache and the uncommitted counts (after a rollback). */
  reset(): void {
    this.pending.clear();
    this.pendingDocs = 0;
    this.cache.clear();
    this.count = -1;
  }
}
