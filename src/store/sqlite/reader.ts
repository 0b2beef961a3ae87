/**
 * The reader's read model over SQLite: stories newest first (by first publication) with
 * outlet and date filters, a story with its articles in time order, articles by ids, and
 * the newest-first article listing with outlet, date, entity and keyword filters, by
 * offset or by keyset (`before`).
 *
 * Contract: every listing is served by an index in its order (stories_first_seen,
 * story_outlets, articles_published, articles_outlet, article_entities); offsets are
 * capped at 100,000 and limits at 1,000. Date bounds are inclusive; a bare `to` date
 * covers its whole day. Keyword filters match the normalized computed keywords and the
 * source's own tags alike.
 */
import type Database from 'better-sqlite3';
import type { Article } from '../../model/article.ts';
import type { ArticleCard, ArticleListOptions, ListedArticle, ListOptions, StorySummary } from '../../model/reader.ts';
import { isUtf8, textOf } from './utf8.ts';
import { CARD_COLUMNS, cardsInOrder, normalizeTag, rowToArticle, type ArticleRow, type CardRow } from '../rows.ts';
import { coverageOf, earlierSibling, limitOf, offsetOf, upperBound } from '../query.ts';

interface StoryRow {
  id: string;
  title: string;
  first_seen: string;
  last_seen: string;
  original_outlet: string | null;
  outlets: string;
}

/** The columns `rowToArticle` reads; the body and the entities (most of a row's Arabic) as UTF-8 bytes (utf8.ts). */
const ARTICLE_COLUMNS = 'id, url, title, text, published_at, outlet, via, author, lang, tags, read_also, related_to, entities, keywords, story_id, duplicate_of';
const ARTICLE_BYTES = ARTICLE_COLUMNS.replace('text', 'CAST(text AS BLOB) AS text').replace('entities', 'CAST(entities AS BLOB) AS entities');

export class SqliteReader {
  private readonly q;
  /** Whether text is read as UTF-8 bytes (utf8.ts). */
  private readonly utf8: boolean;
  private readonly articleColumns: string;

  constructor(private readonly db: Database.Database) {
    this.utf8 = isUtf8(db);
    this.articleColumns = this.utf8 ? ARTICLE_BYTES : ARTICLE_COLUMNS;
    const p = <T = unknown>(sql: string) => db.prepare<unknown[], T>(sql);
    this.q = {
      story: p<StoryRow>('SELECT * FROM stories WHERE id = ?'),
      storyIds: p<string>('SELECT id FROM story_entries WHERE story_id = ? ORDER BY time, id').pluck(),
      articles: p<ArticleRow>(`SELECT ${this.articleColumns} FROM articles WHERE id IN (SELECT value FROM json_each(?))`),
      cards: p<CardRow>(`SELECT ${CARD_COLUMNS} FROM articles WHERE id IN (SELECT value FROM json_each(?))`),
      eid: p<number>('SELECT eid FROM entities WHERE id = ?').pluck(),
      article: p<ArticleRow>(`SELECT ${this.articleColumns} FROM articles WHERE id = ?`),
    };
  }

  private summary(r: StoryRow): StorySummary {
    return {
      id: r.id,
      title: r.title,
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
      outlets: JSON.parse(r.outlets) as string[],
      originalOutlet: r.original_outlet,
      articleIds: this.q.storyIds.all(r.id),
    };
  }

  getStory(id: string): StorySummary | null {
    const r = this.q.story.get(id);
    return r ? this.summary(r) : null;
  }

  listStories(o: ListOptions = {}): StorySummary[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: limitOf(o.limit, 20), offset: offsetOf(o.offset) };
    const col = o.outlet ? 'so.first_seen' : 's.first_seen';
    if (o.from) {
      where.push(`${col} >= @from`);
      params.from = o.from;
    }
    if (o.to) {
      where.push(`${col} <= @to`);
      params.to = upperBound(o.to);
    }
    let sql: string;
    if (o.outlet) {
      params.outlet = o.outlet;
      where.unshift('so.outlet = @outlet');
      sql = `SELECT s.* FROM story_outlets so JOIN stories s ON s.id = so.story_id WHERE ${where.join(' AND ')}
             ORDER BY so.first_seen DESC, so.story_id DESC LIMIT @limit OFFSET @offset`;
    } else {
      sql = `SELECT s.* FROM stories s${where.length ? ' WHERE ' + where.join(' AND ') : ''}
             ORDER BY s.first_seen DESC, s.id DESC LIMIT @limit OFFSET @offset`;
    }
    return (this.db.prepare<Record<string, string | number>, StoryRow>(sql).all(params)).map((r) => this.summary(r));
  }

  /** An article read by `q.article` or `q.articles`: its byte columns decoded. */
  private article(r: ArticleRow): Article {
    if (this.utf8) {
      r.text = textOf(r.text as unknown as Uint8Array);
      // NULL stays null: the article has no entities yet.
      if (r.entities !== null) r.entities = textOf(r.entities as unknown as Uint8Array);
    }
    return rowToArticle(r);
  }

  getArticle(id: string): Article | null {
    const r = this.q.article.get(id);
    return r ? this.article(r) : null;
  }

  /** The stored articles with these ids, in the order given (unknown ids are skipped). */
  getArticles(ids: string[]): Article[] {
    if (ids.length === 0) return [];
    const byId = new Map(this.q.articles.all(JSON.stringify(ids)).map((r) => [r.id, r]));
    const out: Article[] = [];
    for (const id of new Set(ids)) {
      const r = byId.get(id);
      if (r) out.push(this.article(r));
    }
    return out;
  }

  /** Cards of these ids, in the order given (unknown ids skipped): no body, no JSON to parse. */
  articleCards(ids: string[]): ArticleCard[] {
    return ids.length ? cardsInOrder(ids, this.q.cards.all(JSON.stringify(ids))) : [];
  }

  /**
   * The listing's filters as conditions on article alias `x`, entity and keyword as
   * subqueries (what a story's other copies must pass to count as listed too).
   */
  private filters(o: ArticleListOptions, x: string, eid: number | undefined, kw: string | null): string[] {
    const c: string[] = [];
    if (eid !== undefined) c.push(`EXISTS (SELECT 1 FROM article_entities xe WHERE xe.seq = ${x}.seq AND xe.ent = @eid)`);
    if (kw !== null) c.push(`(EXISTS (SELECT 1 FROM article_keywords WHERE kw = @kw AND seq = ${x}.seq) OR EXISTS (SELECT 1 FROM article_tags WHERE tag = @kw AND seq = ${x}.seq))`);
    if (o.outlet) c.push(`${x}.outlet = @outlet`);
    if (o.from) c.push(`${x}.published_at >= @from`);
    if (o.to) c.push(`${x}.published_at <= @to`);
    return c;
  }

  listArticles(o: ArticleListOptions = {}): ListedArticle[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: limitOf(o.limit, 50), offset: offsetOf(o.offset) };
    let from = 'articles a';
    let pub = 'a.published_at';
    let eid: number | undefined;
    if (o.entityId) {
      eid = this.q.eid.get(o.entityId);
      if (eid === undefined) return [];
      from = 'article_entities ae JOIN articles a ON a.seq = ae.seq';
      where.push('ae.ent = @eid');
      params.eid = eid;
      pub = "nullif(ae.published, '')";
    }
    let kw: string | null = null;
    if (o.keyword) {
      kw = normalizeTag(o.keyword);
      if (!kw) return [];
      where.push('a.seq IN (SELECT seq FROM article_keywords WHERE kw = @kw UNION SELECT seq FROM article_tags WHERE tag = @kw)');
      params.kw = kw;
    }
    if (o.outlet) {
      where.push('a.outlet = @outlet');
      params.outlet = o.outlet;
    }
    if (o.from) {
      where.push(`${pub} >= @from`);
      params.from = o.from;
    }
    if (o.to) {
      where.push(`${pub} <= @to`);
      params.to = upperBound(o.to);
    }
    if (o.before) {
      params.bid = o.before.id;
      if (o.before.publishedAt === null) where.push(`(${pub} IS NULL AND a.id < @bid)`);
      else {
        params.bp = o.before.publishedAt;
        where.push(`(${pub} < @bp OR (${pub} = @bp AND a.id < @bid) OR ${pub} IS NULL)`);
      }
    }
    const collapse = o.collapse === 'story';
    // One row per story: the copy no earlier listed copy of its story precedes (store/query.ts).
    if (collapse) where.push(`NOT EXISTS (SELECT 1 FROM articles b WHERE b.story_id = a.story_id AND b.seq <> a.seq${this.filters(o, 'b', eid, kw).map((c) => ` AND ${c}`).join('')} AND ${earlierSibling('b', 'a')})`);
    // The entity listing orders by its own copy of the date, so the index serves the order.
    const order = o.entityId ? 'ae.published DESC, a.id DESC' : 'a.published_at DESC, a.id DESC';
    const sql = `SELECT a.* FROM ${from}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
    const rows = this.db.prepare<Record<string, string | number>, ArticleRow>(sql).all(params);
    if (!collapse) return rows.map(rowToArticle);
    // Each row's story, and how many listed copies it stands for.
    const ids = [...new Set(rows.map((r) => r.story_id).filter((x): x is string => x !== null))];
    const { limit: _l, offset: _o, bid: _b, bp: _p, ...fp } = params;
    const cond = this.filters(o, 'a', eid, kw).map((c) => ` AND ${c}`).join('');
    const stories = new Map(
      ids.length
        ? this.db
            .prepare<Record<string, string | number>, { id: string; outlets: string; article_count: number; listed: number }>(
              `SELECT s.id, s.outlets, s.article_count, (SELECT count(*) FROM articles a WHERE a.story_id = s.id${cond}) AS listed FROM stories s WHERE s.id IN (SELECT value FROM json_each(@ids))`,
            )
            .all({ ...fp, ids: JSON.stringify(ids) })
            .map((r) => [r.id, r])
        : [],
    );
    return rows.map((r) => {
      const st = r.story_id ? stories.get(r.story_id) : undefined;
      return { ...rowToArticle(r), coverage: coverageOf(r, st, (st?.listed ?? 1) - 1) };
    });
  }
}
