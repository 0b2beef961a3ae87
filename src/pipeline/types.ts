/**
 * What the pipeline needs from storage, owned here (by its caller): the article store,
 * the stories state (src/stories' interfaces), the entity/keyword index and a write
 * transaction. Every Store backend that serves the reader implements it.
 */
import type { Article } from '../model/article.ts';
import type { RelatedSource, StoryIndex } from '../stories/index.ts';
import type { UpsertResult } from '../store/types.ts';
import type { AlertStore } from '../alerts/types.ts';

/** A stored article still waiting for its story, with the position to resume after. */
export interface PendingArticle {
  cursor: number;
  article: Article;
}

export interface PipelineStore {
  upsertArticles(articles: Article[]): Promise<UpsertResult[]>;
  getArticle(id: string): Promise<Article | null>;
  /**
   * Incoming ids whose stored copy (matched like upsert matches) has the same title and
   * text and is already enriched: their enrichment would not change, so it is skipped.
   */
  enrichedAlready(articles: Article[]): Promise<Set<string>>;
  /** Stored articles without a story, in arrival order, after `cursor` (start with -1). */
  ungrouped(cursor: number, limit: number): Promise<PendingArticle[]>;
  readonly storyIndex: StoryIndex & RelatedSource;
  /** Replaces the entity and keyword index rows of a stored article from its fields. */
  indexEnrichment(article: Article): Promise<void>;
  /** Copies the grouping of an article's existing story entry onto the article. */
  syncGrouping(id: string): Promise<boolean>;
  /** Saved searches that notify: matched against every newly grouped article (absent: none). */
  readonly alerts?: AlertStore;
  /** Runs `fn` as one write transaction: all of it is stored, or none. */
  writeTransaction<T>(fn: () => Promise<T>): Promise<T>;
}
