/**
 * The full-text index in parts by seq (migration 035, docs/SEARCH.md "The index in parts").
 * FTS5's BM25 counts each query phrase's documents by walking the phrase's whole doclist in
 * the table it scores (`يوم` is in 41 % of a million articles): scoring in a table that holds
 * every article costs what the store's size costs. Each part is an FTS5 table of its own
 * holding the articles from its `first` seq up to the next part's; a new part opens when a
 * new article's seq passes the newest part's first by FTS_TUNING.part. A search scores in the
 * newest part(s) only (search-parts.ts). Invariant: an article's index row is in the part
 * with the largest `first` at or below its seq, in no other; its headline terms are also in
 * `article_titles` (one table for the store: the older headline matches are looked up there).
 */
import type Database from 'better-sqlite3';
import { FTS_TUNING } from '../query.ts';

export interface FtsPart {
  /** The first seq this part holds. */
  first: number;
  /** Its FTS5 table. */
  name: string;
}

export const PARTS_SQL = 'SELECT first_seq AS first, name FROM fts_parts ORDER BY first_seq DESC';

/** The parts, newest first. */
export function readParts(db: Database.Database): FtsPart[] {
  return db.prepare<[], FtsPart>(PARTS_SQL).all();
}

/** The part holding `seq` in `parts` (newest first). */
export function partOf(parts: readonly FtsPart[], seq: number): FtsPart {
  for (const p of parts) if (seq >= p.first) return p;
  return parts[parts.length - 1]!;
}

/** The store's writes to the index: each row to its part, a part opened when one is full. */
export class FtsWriter {
  private parts: FtsPart[];
  private readonly inserts = new Map<string, Database.Statement<[number | bigint, string, string]>>();
  private readonly deletes = new Map<string, Database.Statement<[number | bigint]>>();
  private readonly list: Database.Statement<[], FtsPart>;
  private readonly titleInsert: Database.Statement<[number | bigint, string]>;
  private readonly titleDelete: Database.Statement<[number | bigint]>;

  constructor(private readonly db: Database.Database) {
    this.list = db.prepare<[], FtsPart>(PARTS_SQL);
    this.titleInsert = db.prepare('INSERT INTO article_titles (rowid, title) VALUES (?, ?)');
    this.titleDelete = db.prepare('DELETE FROM article_titles WHERE rowid = ?');
    this.parts = this.list.all();
  }

  /**
   * Reads the parts again (a rolled-back transaction may have opened one that is gone, another
   * connection may have opened one): at the start of every writing transaction.
   */
  refresh(): void {
    this.parts = this.list.all();
  }

  /**
   * Indexes an article. A new one (`fresh`: its seq is the store's newest) past the newest
   * part's size opens the next part; an edited one goes back to the part it was in.
   */
  insert(seq: number | bigint, title: string, text: string, fresh: boolean): void {
    let part = partOf(this.parts, Number(seq));
    if (fresh && part === this.parts[0] && Number(seq) >= part.first + FTS_TUNING.part) part = this.open(Number(seq));
    let st = this.inserts.get(part.name);
    if (!st) this.inserts.set(part.name, (st = this.db.prepare(`INSERT INTO ${part.name} (rowid, title, text) VALUES (?, ?, ?)`)));
    st.run(seq, title, text);
    this.titleInsert.run(seq, title);
  }

  /** Takes an article's row out of its part. */
  delete(seq: number | bigint): void {
    const part = partOf(this.parts, Number(seq));
    let st = this.deletes.get(part.name);
    if (!st) this.deletes.set(part.name, (st = this.db.prepare(`DELETE FROM ${part.name} WHERE rowid = ?`)));
    st.run(seq);
    this.titleDelete.run(seq);
  }

  /** Empties every part (a reindex writes each row back to the part its seq falls in). */
  clear(): void {
    this.refresh();
    for (const { name } of [...this.parts, { name: 'article_titles' }]) this.db.exec(`INSERT INTO ${name} (${name}) VALUES ('delete-all')`);
  }

  private open(first: number): FtsPart {
    const name = `article_fts_${this.parts.length}`;
    this.db.exec(`CREATE VIRTUAL TABLE ${name} USING fts5 (title, text, content = '', contentless_delete = 1, tokenize = 'ascii')`);
    this.db.prepare('INSERT INTO fts_parts (first_seq, name) VALUES (?, ?)').run(first, name);
    const part = { first, name };
    this.parts.unshift(part);
    return part;
  }
}
