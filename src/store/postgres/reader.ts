/**
 * The reader's read model over PostgreSQL: the port of store/sqlite/reader.ts (stories
 * newest first with outlet and date filters, a story's articles in time order, articles by
 * ids, the newest-first listing with outlet, date, entity and keyword filters by offset or
 * keyset). Same caps: offsets ≤ 100,000, limits ≤ 1,000; a bare `to` date covers its day.
 */
import type { Article } from '../../model/article.ts';
import type { ArticleListOptions, ListOptions, StorySummary } from '../../model/reader.ts';
import { normalizeTag, rowToArticle, type ArticleRow } from '../rows.ts';
import { limitOf, offsetOf, upperBound } from '../query.ts';
import type { TxScope } from './db.ts';

export const ARTICLE_COLUMNS =
  'seq, id, url, canonical_url, content_hash, source_hash, title, text, published_at, outlet, via, author, lang, tags, read_also, related_to, entities, keywords, story_id, duplicate_of, title_terms, title_norms, created_at, updated_at';
const A_COLUMNS = ARTICLE_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ');

interface StoryRow {
  id: string;
  title: string;
  first_seen: string;
  last_seen: string;
  original_outlet: string | null;
  outlets: string;
}


export class PgReader {
  constructor(private readonly scope: TxScope) {}

  private get db() {
    return this.scope.db();
  }

  private async summaries(rows: StoryRow[]): Promise<StorySummary[]> {
    if (rows.length === 0) return [];
    const ids = await this.db.query<{ story_id: string; id: string }>(
      'SELECT story_id, id FROM story_entries WHERE story_id = ANY($1::text[]) ORDER BY story_id, time, id',
      [rows.map((r) => r.id)],
    );
    const by = new Map<string, string[]>();
    for (const r of ids.rows) {
      let l = by.get(r.story_id);
      if (!l) by.set(r.story_id, (l = []));
      l.push(r.id);
    }
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
      outlets: JSON.parse(r.outlets) as string[],
      originalOutlet: r.original_outlet,
      articleIds: by.get(r.id) ?? [],
    }));
  }

  async getStory(id: string): Promise<StorySummary | null> {
    const r = await this.db.query<StoryRow>('SELECT * FROM stories WHERE id = $1', [id]);
    return (await this.summaries(r.rows))[0] ?? null;
  }

  async listStories(o: ListOptions = {}): Promise<StorySummary[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    const col = o.outlet ? 'so.first_seen' : 's.first_seen';
    if (o.outlet) where.push(`so.outlet = ${p(o.outlet)}`);
    if (o.from) where.push(`${col} >= ${p(o.from)}`);
    if (o.to) where.push(`${col} <= ${p(upperBound(o.to))}`);
    const page = `LIMIT ${limitOf(o.limit, 20)} OFFSET ${offsetOf(o.offset)}`;
    const sql = o.outlet
      ? `SELECT s.* FROM story_outlets so JOIN stories s ON s.id = so.story_id WHERE ${where.join(' AND ')} ORDER BY so.first_seen DESC, so.story_id DESC ${page}`
      : `SELECT s.* FROM stories s${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY s.first_seen DESC, s.id DESC ${page}`;
    return this.summaries((await this.db.query<StoryRow>(sql, params)).rows);
  }

  /** The stored articles with these ids, in the order given (unknown ids skipped). */
  async getArticles(ids: string[]): Promise<Article[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::text[])`, [ids]);
    const byId = new Map(rows.rows.map((r) => [r.id, r]));
    const out: Article[] = [];
    for (const id of new Set(ids)) {
      const r = byId.get(id);
      if (r) out.push(rowToArticle(r));
    }
    return out;
  }

  async listArticles(o: ArticleListOptions = {}): Promise<Article[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    let from = 'articles a';
    let pub = 'a.published_at';
    if (o.entityId) {
      const eid = (await this.db.query<{ eid: number }>('SELECT eid FROM entities WHERE id = $1', [o.entityId])).rows[0]?.eid;
      if (eid === undefined) return [];
      from = 'article_entities ae JOIN articles a ON a.seq = ae.seq';
      where.push(`ae.ent = ${p(eid)}`);
      pub = "nullif(ae.published, '')";
    }
    if (o.keyword) {
      const kw = normalizeTag(o.keyword);
      if (!kw) return [];
      const k = p(kw);
      where.push(`a.seq IN (SELECT seq FROM article_keywords WHERE kw = ${k} UNION SELECT seq FROM article_tags WHERE tag = ${k})`);
    }
    if (o.outlet) where.push(`a.outlet = ${p(o.outlet)}`);
    if (o.from) where.push(`${pub} >= ${p(o.from)}`);
    if (o.to) where.push(`${pub} <= ${p(upperBound(o.to))}`);
    if (o.before) {
      const bid = p(o.before.id);
      if (o.before.publishedAt === null) where.push(`(${pub} IS NULL AND a.id < ${bid})`);
      else {
        const bp = p(o.before.publishedAt);
        where.push(`(${pub} < ${bp} OR (${pub} = ${bp} AND a.id < ${bid}) OR ${pub} IS NULL)`);
      }
    }
    const order = o.entityId ? 'ae.published DESC, a.id DESC' : 'a.published_at DESC NULLS LAST, a.id DESC';
    const sql = `SELECT ${A_COLUMNS} FROM ${from}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY ${order} LIMIT ${limitOf(o.limit, 50)} OFFSET ${offsetOf(o.offset)}`;
    return (await this.db.query<ArticleRow>(sql, params)).rows.map(rowToArticle);
  }
}
