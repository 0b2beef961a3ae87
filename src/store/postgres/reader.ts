/**
 * The reader's read model over PostgreSQL: the port of store/sqlite/reader.ts (stories
 * newest first with outlet and date filters, a story's articles in time order, articles by
 * ids, the newest-first listing with outlet, date, entity and keyword filters by offset or
 * keyset). Same caps: offsets ≤ 100,000, limits ≤ 1,000; a bare `to` date covers its day.
 */
import type { Article } from '../../model/article.ts';
import type { ArticleCard, ArticleListOptions, ListedArticle, ListOptions, StorySummary } from '../../model/reader.ts';
import { CARD_COLUMNS, cardsInOrder, normalizeTag, rowToArticle, type ArticleRow, type CardRow } from '../rows.ts';
import { coverageOf, earlierSibling, limitOf, offsetOf, upperBound } from '../query.ts';
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

  /** Cards of these ids, in the order given (unknown ids skipped): no body, no JSON to parse. */
  async articleCards(ids: string[]): Promise<ArticleCard[]> {
    if (ids.length === 0) return [];
    return cardsInOrder(ids, (await this.db.query<CardRow>(`SELECT ${CARD_COLUMNS} FROM articles WHERE id = ANY($1::text[])`, [ids])).rows);
  }

  async listArticles(o: ArticleListOptions = {}): Promise<ListedArticle[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    // Each filter once as a parameter, then as conditions on any article alias (store/query.ts).
    const f: Record<string, string> = {};
    let from = 'articles a';
    let pub = 'a.published_at';
    if (o.entityId) {
      const eid = (await this.db.query<{ eid: number }>('SELECT eid FROM entities WHERE id = $1', [o.entityId])).rows[0]?.eid;
      if (eid === undefined) return [];
      f.eid = p(eid);
      from = 'article_entities ae JOIN articles a ON a.seq = ae.seq';
      where.push(`ae.ent = ${f.eid}`);
      pub = "nullif(ae.published, '')";
    }
    if (o.keyword) {
      const kw = normalizeTag(o.keyword);
      if (!kw) return [];
      f.kw = p(kw);
      where.push(`a.seq IN (SELECT seq FROM article_keywords WHERE kw = ${f.kw} UNION SELECT seq FROM article_tags WHERE tag = ${f.kw})`);
    }
    if (o.outlet) where.push(`a.outlet = ${(f.outlet = p(o.outlet))}`);
    if (o.from) where.push(`${pub} >= ${(f.from = p(o.from))}`);
    if (o.to) where.push(`${pub} <= ${(f.to = p(upperBound(o.to)))}`);
    /** The filters on alias `x`, entity and keyword as subqueries. */
    const filters = (x: string): string =>
      [
        f.eid && `EXISTS (SELECT 1 FROM article_entities xe WHERE xe.seq = ${x}.seq AND xe.ent = ${f.eid})`,
        f.kw && `(EXISTS (SELECT 1 FROM article_keywords WHERE kw = ${f.kw} AND seq = ${x}.seq) OR EXISTS (SELECT 1 FROM article_tags WHERE tag = ${f.kw} AND seq = ${x}.seq))`,
        f.outlet && `${x}.outlet = ${f.outlet}`,
        f.from && `${x}.published_at >= ${f.from}`,
        f.to && `${x}.published_at <= ${f.to}`,
      ]
        .filter(Boolean)
        .map((c) => ` AND ${c}`)
        .join('');
    const nf = params.length;
    if (o.before) {
      const bid = p(o.before.id);
      if (o.before.publishedAt === null) where.push(`(${pub} IS NULL AND a.id < ${bid})`);
      else {
        const bp = p(o.before.publishedAt);
        where.push(`(${pub} < ${bp} OR (${pub} = ${bp} AND a.id < ${bid}) OR ${pub} IS NULL)`);
      }
    }
    const collapse = o.collapse === 'story';
    // One row per story: the copy no earlier listed copy of its story precedes (store/query.ts).
    if (collapse) where.push(`NOT EXISTS (SELECT 1 FROM articles b WHERE b.story_id = a.story_id AND b.seq <> a.seq${filters('b')} AND ${earlierSibling('b', 'a')})`);
    const order = o.entityId ? 'ae.published DESC, a.id DESC' : 'a.published_at DESC NULLS LAST, a.id DESC';
    const sql = `SELECT ${A_COLUMNS} FROM ${from}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY ${order} LIMIT ${limitOf(o.limit, 50)} OFFSET ${offsetOf(o.offset)}`;
    const rows = (await this.db.query<ArticleRow>(sql, params)).rows;
    if (!collapse) return rows.map(rowToArticle);
    // Each row's story, and how many listed copies it stands for (the filters' parameters, then the ids).
    const ids = [...new Set(rows.map((r) => r.story_id).filter((x): x is string => x !== null))];
    const stories = new Map(
      ids.length
        ? (
            await this.db.query<{ id: string; outlets: string; article_count: number; listed: number }>(
              `SELECT s.id, s.outlets, s.article_count, (SELECT count(*)::int FROM articles a WHERE a.story_id = s.id${filters('a')}) AS listed FROM stories s WHERE s.id = ANY($${nf + 1}::text[])`,
              [...params.slice(0, nf), ids],
            )
          ).rows.map((r) => [r.id, r])
        : [],
    );
    return rows.map((r) => {
      const st = r.story_id ? stories.get(r.story_id) : undefined;
      return { ...rowToArticle(r), coverage: coverageOf(r, st, (st?.listed ?? 1) - 1) };
    });
  }
}
