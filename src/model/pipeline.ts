/**
 * What the pipeline needs from storage: the article store, the stories state (the
 * `StoryIndex` / `RelatedSource` interfaces), the entity/keyword index and a write
 * transaction. Declared here so the store backends implement it without importing
 * pipeline/; every backend that serves the reader implements it.
 */
import type { Article } from './article.ts';
import type { UpsertResult } from './search.ts';
import type { EdgeIndex, RelatedSource, RelatedStore, StoryEntry, StoryIndex } from './stories.ts';
import type { AlertStore } from './alerts.ts';

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
  /**
   * Stored articles without a story, in arrival order, after `cursor` (start with -1). With
   * `claim`, inside a write transaction, the rows are claimed for it: another worker's
   * claiming read skips them until it ends (PostgreSQL `FOR UPDATE SKIP LOCKED`; a store
   * with one writer has nobody to skip).
   */
  ungrouped(cursor: number, limit: number, opts?: { claim?: boolean }): Promise<PendingArticle[]>;
  readonly storyIndex: StoryIndex & EdgeIndex & RelatedSource & RelatedStore;
  /**
   * Replaces the entity and keyword index rows of a stored article from its fields (under
   * its stored date); true when it did. With `onlyUngrouped` it does nothing (false) when
   * the article has a story already: another worker grouped, and so indexed, it since the
   * pending list was read. The same on every backend.
   */
  indexEnrichment(article: Article, opts?: { onlyUngrouped?: boolean }): Promise<boolean>;
  /** `indexEnrichment` of each article, as one batch (PostgreSQL: a few statements for all); the ids indexed. */
  indexEnrichments(articles: Article[], opts?: { onlyUngrouped?: boolean }): Promise<Set<string>>;
  /** Copies the grouping of an article's existing story entry onto the article. */
  syncGrouping(id: string): Promise<boolean>;
  /** Saved searches that notify: matched against every newly grouped article (absent: none). */
  readonly alerts?: AlertStore;
  /**
   * Runs `fn` as one write transaction: all of it is stored, or none. `lock`/`lateLock` are
   * the single-writer grouping's shape (src/pipeline/group.ts); no store takes a lock over
   * the whole index for them — a store with many writers groups through
   * `ConcurrentGrouping` instead.
   */
  writeTransaction<T>(fn: (lock: () => Promise<void>) => Promise<T>, opts?: { lateLock?: boolean }): Promise<T>;
}

/**
 * A store whose many writers group at once (PostgreSQL's `marsad worker`s): the pipeline
 * adds each chunk's entries unlinked, commits, then links them (src/pipeline/group-concurrent.ts,
 * src/stories/link.ts), with no lock over the whole index.
 */
export interface ConcurrentGrouping {
  readonly concurrentGrouping: true;
  /** These articles' rows while still ungrouped, claimed for the current write transaction. */
  claimUngrouped(ids: string[]): Promise<PendingArticle[]>;
  readonly storyIndex: PipelineStore['storyIndex'] & {
    /** Adds entries' lookup keys to the key dictionary outside the current transaction. */
    addKeys(entries: readonly StoryEntry[]): Promise<void>;
    /** Adds entries unlinked (story id `''`), all at once; their keys added by `addKeys` first. */
    addUnlinked(entries: readonly StoryEntry[]): Promise<void>;
    /** Row-locks entries to the end of the current transaction. */
    lockEntries(ids: string[]): Promise<void>;
  };
}
