/**
 * The idempotent batch upsert behind `SqliteStore.upsertArticles`. An incoming article is
 * matched to a stored one by canonical URL, else by id (which, without a URL, is the hash
 * of its normalized content); the stored id is kept. Unchanged source fields write nothing; changed ones replace the
 * row and, when the words changed, its index entry. One transaction per call.
 */
import type Database from 'better-sqlite3';
import type { Article } from '../../model/article.ts';
import type { Analyzer } from '../../search/analyzer.ts';
import { analyzeForIndex } from '../analysis.ts';
import type { UpsertResult } from '../types.ts';
import { FtsWriter } from './fts-parts.ts';
import { ARTICLE_COLUMNS as COLUMNS, EXISTING_COLUMNS as EXISTING, articleCanon, normalizeTag, planUpsert, type Columns, type Existing } from '../rows.ts';


export class Upserter {
  private readonly byId;
  private readonly byCanon;
  private readonly insert;
  private readonly update;
  /** The full-text index's parts (fts-parts.ts). */
  readonly fts: FtsWriter;
  private readonly spansSet;
  private readonly tagsDelete;
  private readonly tagInsert;
  readonly run: (articles: Article[]) => UpsertResult[];

  constructor(
    db: Database.Database,
    private readonly analyzer: Analyzer,
  ) {
    this.byId = db.prepare<[string], Existing>(`SELECT ${EXISTING} FROM articles WHERE id = ?`);
    this.byCanon = db.prepare<[string], Existing>(`SELECT ${EXISTING} FROM articles WHERE canonical_url = ?`);
    this.insert = db.prepare<Columns>(`INSERT INTO articles (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')})`);
    this.update = db.prepare<Columns & { seq: number }>(
      `UPDATE articles SET ${COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE seq = @seq`,
    );
    this.fts = new FtsWriter(db);
    this.spansSet = db.prepare<[number | bigint, Uint8Array]>('INSERT OR REPLACE INTO article_spans (seq, spans) VALUES (?, ?)');
    this.tagsDelete = db.prepare<[number]>('DELETE FROM article_tags WHERE seq = ?');
    this.tagInsert = db.prepare<[string, number | bigint]>('INSERT OR IGNORE INTO article_tags (tag, seq) VALUES (?, ?)');
    this.run = db.transaction((articles: Article[]) => {
      this.fts.refresh();
      return articles.map((a) => this.one(a));
    });
  }

  /** Without a URL the id is the normalized-content hash (model/article.ts): match by id. */
  private find(a: Article, canon: string | null): Existing | undefined {
    if (canon) return this.byCanon.get(canon) ?? this.byId.get(a.id);
    return this.byId.get(a.id);
  }

  private one(a: Article): UpsertResult {
    const old = this.find(a, articleCanon(a));
    let text = '';
    let spans: Uint8Array | null = null;
    const plan = planUpsert(a, old, () => {
      const analysis = analyzeForIndex(this.analyzer, a);
      text = analysis.textTerms.join(' ');
      spans = analysis.textSpans;
      return analysis.title;
    });
    if (plan.unchanged) return { id: plan.id, status: 'unchanged' };
    const { row, reindex } = plan;
    let seq: number | bigint;
    if (old) {
      seq = old.seq;
      this.update.run({ ...row, seq: old.seq });
      if (reindex) this.fts.delete(old.seq);
      this.tagsDelete.run(old.seq);
    } else {
      seq = this.insert.run(row).lastInsertRowid;
    }
    if (reindex) {
      this.fts.insert(seq, row.title_terms, text, !old);
      this.spansSet.run(seq, spans!);
    }
    for (const t of a.tags) {
      const n = normalizeTag(t);
      if (n) this.tagInsert.run(n, seq);
    }
    return { id: row.id, status: old ? 'updated' : 'added' };
  }
}
