/**
 * The idempotent batch upsert behind `SqliteStore.upsertArticles`. An incoming article is
 * matched to a stored one by canonical URL, else by id (which, without a URL, is the hash
 * of its normalized content); the stored id is kept. Unchanged source fields write nothing; changed ones replace the
 * row and, when the words changed, its index entry. One transaction per call.
 */
import type Database from 'better-sqlite3';
import type { Article } from '../../model/article.ts';
import { attachAnalysis, normalize, type Term } from '../../arabic/index.ts';
import { defaultAnalyzer, termString, titleStrings, type Analyzer } from '../../search/analyzer.ts';
import type { UpsertResult } from '../types.ts';
import { canonicalOf, computedColumns, contentHash, effectiveDate, sourceHash, type ArticleRow } from './rows.ts';

type Existing = Pick<
  ArticleRow,
  'seq' | 'id' | 'source_hash' | 'content_hash' | 'entities' | 'keywords' | 'story_id' | 'duplicate_of' | 'created_at' | 'title_terms' | 'title_norms' | 'published_at'
>;

const EXISTING = 'seq, id, source_hash, content_hash, entities, keywords, story_id, duplicate_of, created_at, title_terms, title_norms, published_at';
const COLUMNS = [
  'id', 'url', 'canonical_url', 'content_hash', 'source_hash', 'title', 'text', 'published_at', 'outlet', 'via',
  'author', 'lang', 'tags', 'read_also', 'related_to', 'entities', 'keywords', 'story_id', 'duplicate_of',
  'title_terms', 'title_norms', 'created_at', 'updated_at',
] as const;
type Columns = Omit<ArticleRow, 'seq'>;

/** A tag as the tag filter compares it: normalized, whitespace folded. */
export function normalizeTag(tag: string): string {
  return normalize(tag).replace(/\s+/gu, ' ').trim();
}

export class Upserter {
  private readonly byId;
  private readonly byCanon;
  private readonly insert;
  private readonly update;
  private readonly ftsInsert;
  private readonly ftsDelete;
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
    this.ftsInsert = db.prepare<[number | bigint, string, string]>('INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)');
    this.ftsDelete = db.prepare<[number]>('DELETE FROM article_fts WHERE rowid = ?');
    this.tagsDelete = db.prepare<[number]>('DELETE FROM article_tags WHERE seq = ?');
    this.tagInsert = db.prepare<[string, number | bigint]>('INSERT OR IGNORE INTO article_tags (tag, seq) VALUES (?, ?)');
    this.run = db.transaction((articles: Article[]) => articles.map((a) => this.one(a)));
  }

  /**
   * The index strings of an article. With the default analyzer its terms are also attached
   * to the article object (src/arabic attachAnalysis), so the pipeline's story step does
   * not analyze the same title and text again.
   */
  private analyze(a: Article): { title: { terms: string; norms: string }; text: string } {
    if (this.analyzer !== defaultAnalyzer) return { title: titleStrings(this.analyzer, a.title), text: termString(this.analyzer, a.text) };
    const tt = this.analyzer.terms(a.title);
    const xt = this.analyzer.terms(a.text);
    const term = (t: Term): string => t.term;
    const titleTerms = tt.map(term);
    const textTerms = xt.map(term);
    attachAnalysis(a, { title: a.title, text: a.text, titleTerms, textTerms });
    return { title: { terms: titleTerms.join(' '), norms: tt.map((t) => t.norm).join(' ') }, text: textTerms.join(' ') };
  }

  /** Without a URL the id is the normalized-content hash (model/article.ts): match by id. */
  private find(a: Article, canon: string | null): Existing | undefined {
    if (canon) return this.byCanon.get(canon) ?? this.byId.get(a.id);
    return this.byId.get(a.id);
  }

  private one(a: Article): UpsertResult {
    const canon = canonicalOf(a);
    const chash = contentHash(a);
    const old = this.find(a, canon);
    const published = effectiveDate(a.publishedAt, old?.published_at, old?.content_hash === chash);
    const shash = sourceHash(a, canon, published);
    const computed = computedColumns(a);
    const now = new Date().toISOString();
    if (old && old.source_hash === shash) {
      const changed = (Object.keys(computed) as Array<keyof typeof computed>).some((k) => computed[k] !== old[k]);
      if (!changed) return { id: old.id, status: 'unchanged' };
    }
    const reindex = !old || old.content_hash !== chash;
    const analysis = reindex ? this.analyze(a) : null;
    const title = analysis?.title ?? null;
    const keep = old && !reindex;
    const row: Columns = {
      id: old?.id ?? a.id,
      url: a.url,
      canonical_url: canon,
      content_hash: chash,
      source_hash: shash,
      title: a.title,
      text: a.text,
      published_at: published,
      outlet: a.outlet,
      via: a.via,
      author: a.author,
      lang: a.lang,
      tags: JSON.stringify(a.tags),
      read_also: JSON.stringify(a.readAlso),
      related_to: a.relatedTo,
      entities: computed.entities !== undefined ? computed.entities : keep ? old.entities : null,
      keywords: computed.keywords !== undefined ? computed.keywords : keep ? old.keywords : null,
      story_id: computed.story_id !== undefined ? computed.story_id : keep ? old.story_id : null,
      duplicate_of: computed.duplicate_of !== undefined ? computed.duplicate_of : keep ? old.duplicate_of : null,
      title_terms: title?.terms ?? old?.title_terms ?? '',
      title_norms: title?.norms ?? old?.title_norms ?? '',
      created_at: old?.created_at ?? now,
      updated_at: now,
    };
    let seq: number | bigint;
    if (old) {
      seq = old.seq;
      this.update.run({ ...row, seq: old.seq });
      if (reindex) this.ftsDelete.run(old.seq);
      this.tagsDelete.run(old.seq);
    } else {
      seq = this.insert.run(row).lastInsertRowid;
    }
    if (analysis) this.ftsInsert.run(seq, row.title_terms, analysis.text);
    for (const t of a.tags) {
      const n = normalizeTag(t);
      if (n) this.tagInsert.run(n, seq);
    }
    return { id: row.id, status: old ? 'updated' : 'added' };
  }
}
