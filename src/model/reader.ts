/**
 * The reader's read model: what the web layer (and the CLI's read commands) need from
 * storage — stories, entities, sources and the article listings — and source management.
 * Declared here, below both the web layer that calls it and the store backends that
 * implement it, so neither imports the other. Lists are newest first.
 */
import type { Article } from './article.ts';
import type { ArticleQuery, Collapse, Coverage, SearchQuery, SearchResult } from './search.ts';
import type { TimelineReader } from './timeline.ts';

export interface StorySummary {
  id: string;
  title: string;
  /** ISO time of the earliest article. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** Outlets in order of first publication. */
  outlets: string[];
  /** The earliest outlet: the likely original of a syndicated text. */
  originalOutlet: string | null;
  articleIds: string[];
}

export interface EntityInfo {
  id: string;
  name: string;
  type: string;
  articleCount: number;
  /** Other spellings seen in articles, in the order first seen (none when there are none). */
  aliases?: string[];
}

export interface SourceInfo {
  id: string;
  url: string;
  title: string | null;
  lastFetch: string | null;
  status: string | null;
  errorCount: number;
  lastError: string | null;
  nextPoll: string | null;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
  outlet?: string | null;
  from?: string | null;
  to?: string | null;
}

/**
 * The newest-first article listing of the reader: the Store's keyset listing plus offset,
 * entity and keyword filters (a keyword matches computed keywords and source tags alike).
 */
export type ArticleListOptions = ArticleQuery &
  ListOptions & {
    entityId?: string | null;
    keyword?: string | null;
    /**
     * 'story': one row per story among the listed articles — the story's earliest listed
     * copy, placed by its own date, with `coverage` (src/store/query.ts). Default 'none'.
     */
    collapse?: Collapse;
  };

/** A listed article; with `collapse: 'story'`, the story it stands for. */
export type ListedArticle = Article & { coverage?: Coverage };

/** What a list item prints of an article (read without its body and analysis). */
export type ArticleCard = Pick<Article, 'id' | 'title' | 'lang' | 'outlet' | 'publishedAt'>;

/** `timeline`, `comentions`, `storiesTogether`: see src/store/timeline.ts. */
export interface ReaderStore extends TimelineReader {
  listStories(o?: ListOptions): Promise<StorySummary[]>;
  getStory(id: string): Promise<StorySummary | null>;
  getArticle(id: string): Promise<Article | null>;
  getArticles(ids: string[]): Promise<Article[]>;
  listArticles(o?: ArticleListOptions): Promise<ListedArticle[]>;
  relatedArticles(id: string, limit?: number): Promise<Article[]>;
  /** Cards of these ids, in the order given (unknown ids skipped): `getArticles` without bodies. */
  articleCards(ids: string[]): Promise<ArticleCard[]>;
  /** The same list as `relatedArticles`, as cards. */
  relatedCards(id: string, limit?: number): Promise<ArticleCard[]>;
  search(q: SearchQuery): Promise<SearchResult>;
  getEntity(idOrName: string): Promise<EntityInfo | null>;
  /** Mentions per UTC day (YYYY-MM-DD), oldest first. */
  entityDaily(id: string): Promise<Array<{ day: string; count: number }>>;
  listOutlets(): Promise<Array<{ outlet: string; count: number }>>;
  listSources(): Promise<SourceInfo[]>;
  /**
   * Optional: a token that changes whenever the stored data may have changed, null while
   * a write is under way. A store that has one gets its reads cached (src/web/cache.ts).
   */
  changeToken?(): string | null;
}

/** Source management (admin only). */
export interface SourceAdmin {
  addSource(s: { url: string; title?: string | null }): Promise<SourceInfo>;
  removeSource(id: string): Promise<boolean>;
  importSources(list: Array<{ url: string; title: string | null }>): Promise<{ added: number; existing: number }>;
}
