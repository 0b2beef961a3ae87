/**
 * What the web layer needs from storage: the reader's read model. Owned here (by its
 * caller); every Store backend implements it. Lists are newest first.
 */
import type { Article, EntityMention } from '../model/article.ts';
import type { SearchQuery, SearchResult } from '../store/types.ts';
import type { TimelineReader } from '../store/timeline.ts';

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

/** `timeline`, `comentions`, `storiesTogether`: see src/store/timeline.ts. */
export interface ReaderStore extends TimelineReader {
  listStories(o?: ListOptions): Promise<StorySummary[]>;
  getStory(id: string): Promise<StorySummary | null>;
  getArticle(id: string): Promise<Article | null>;
  getArticles(ids: string[]): Promise<Article[]>;
  listArticles(o?: ListOptions & { entityId?: string | null; keyword?: string | null }): Promise<Article[]>;
  relatedArticles(id: string, limit?: number): Promise<Article[]>;
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

export type { Article, EntityMention };
