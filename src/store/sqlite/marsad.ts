/**
 * The whole embedded store: F's article store and search (SqliteStore) plus the stories
 * index, the entity/keyword index, sources with their poll state and the reader's read
 * model, all on one SQLite connection. This is what `openStore` returns for a file path.
 *
 * Why a subclass: the article store stays untouched (its migrations also bring these
 * tables, 010+), and every part here is a small class over the same Database handle, so
 * one transaction can span an upsert's aftermath (grouping, entity index) atomically.
 *
 * Contract: implements Store, ReaderStore, SourceAdmin, SourceStateStore and the
 * pipeline's PipelineStore (see src/store/marsad.ts). `listArticles` extends the Store's
 * (keyset `before`) with offset, entity and keyword filters.
 */
import type { ArticleCard, ArticleListOptions, SourceAdmin, SourceInfo, EntityInfo, ReaderStore, ListOptions, StorySummary } from '../../model/reader.ts';
import type { PollOutcome, PollState, SourceStateStore } from '../../model/sources.ts';
import type { Article } from '../../model/article.ts';
import type { PendingArticle, PipelineStore } from '../../model/pipeline.ts';
import type { Statement } from 'better-sqlite3';
import { SqliteStore, type SqliteStoreOptions } from './index.ts';
import { SqliteStoryIndex } from './stories.ts';
import { SqliteEntityIndex } from './entities.ts';
import type { IndexedArticle } from '../entity-rows.ts';
import { SqliteSources } from './sources.ts';
import { SqliteReader } from './reader.ts';
import { SqliteTimeline } from './timeline.ts';
import { timelineReader, type ComentionResult, type StoriesTogetherResult, type TimelineQuery, type TimelineReader, type TimelineResult } from '../timeline.ts';
import { SqliteAlerts } from './alerts.ts';
import { SqliteAccounts } from './reading.ts';
import type { QuietChanges } from './accounts.ts';
import { canonicalOf, contentHash, rowToArticle, type ArticleRow } from '../rows.ts';
import { PAGE_LINKED_SQL, relatedLimit, selectRelated } from '../related.ts';

type Known = Pick<ArticleRow, 'content_hash' | 'entities' | 'keywords'>;

/** Page cache (KiB) and memory-mapped I/O window of the connection. */
const CACHE_KIB = 64 * 1024;
const MMAP_BYTES = 1024 * 1024 * 1024;

export interface MarsadSqliteOptions extends SqliteStoreOptions {
  /** The page cache in KiB (default CACHE_KIB): its pages stay resident once touched. */
  cacheKiB?: number;
}

export class MarsadSqliteStore extends SqliteStore implements ReaderStore, SourceAdmin, SourceStateStore, PipelineStore {
  readonly storyIndex: SqliteStoryIndex;
  readonly entityIndex: SqliteEntityIndex;
  readonly sources: SqliteSources;
  readonly reader: SqliteReader;
  /** Alerts and their outbox (src/alerts), on the same connection. */
  readonly alerts: SqliteAlerts;
  /** Users, sessions, follows, read state and stars (src/model/accounts.ts), on the same connection. */
  readonly accounts: SqliteAccounts;
  /** Rows changed by account writes: left out of the change token (see accounts.ts). */
  private readonly quiet: QuietChanges = { changes: 0 };
  private readonly m;
  private savepoints = 0;
  private tokenStatements?: [Statement, Statement];

  constructor(path: string, opts: MarsadSqliteOptions = {}) {
    super(path, opts);
    // The grouping reads and writes small rows all over its indexes: keep them in memory
    // (SQLite's default page cache is 2 MB; a corpus-sized store is hundreds).
    this.db.pragma(`cache_size = -${opts.cacheKiB ?? CACHE_KIB}`);
    this.db.pragma(`mmap_size = ${MMAP_BYTES}`);
    this.storyIndex = new SqliteStoryIndex(this.db);
    this.entityIndex = new SqliteEntityIndex(this.db);
    this.sources = new SqliteSources(this.db);
    this.reader = new SqliteReader(this.db);
    this.alerts = new SqliteAlerts(this.db);
    this.accounts = new SqliteAccounts(this.db, this.quiet);
    this.m = {
      knownById: this.db.prepare<[string], Known>('SELECT content_hash, entities, keywords FROM articles WHERE id = ?'),
      knownByCanon: this.db.prepare<[string], Known>('SELECT content_hash, entities, keywords FROM articles WHERE canonical_url = ?'),
      ungrouped: this.db.prepare<[number, number], ArticleRow>('SELECT * FROM articles WHERE story_id IS NULL AND seq > ? ORDER BY seq LIMIT ?'),
      seqOf: this.db.prepare<[string], { seq: number; published_at: string | null; story_id: string | null }>('SELECT seq, published_at, story_id FROM articles WHERE id = ?'),
      pageLinked: this.db.prepare<[string, string], string>(PAGE_LINKED_SQL('?')).pluck(),
    };
  }

  // ── the pipeline's side ──────────────────────────────────────────────────────────

  enrichedAlready(articles: Article[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const a of articles) {
      const canon = canonicalOf(a);
      const k = (canon ? this.m.knownByCanon.get(canon) : undefined) ?? this.m.knownById.get(a.id);
      if (k && k.entities !== null && k.keywords !== null && k.content_hash === contentHash(a)) out.add(a.id);
    }
    return Promise.resolve(out);
  }

  ungrouped(cursor: number, limit: number): Promise<PendingArticle[]> {
    return Promise.resolve(this.m.ungrouped.all(cursor, limit).map((r) => ({ cursor: r.seq, article: rowToArticle(r) })));
  }

  indexEnrichment(a: Article, opts: { onlyUngrouped?: boolean } = {}): Promise<boolean> {
    const r = this.m.seqOf.get(a.id);
    if (!r || (opts.onlyUngrouped && r.story_id !== null)) return Promise.resolve(false);
    this.entityIndex.indexArticle({ seq: r.seq, publishedAt: r.published_at, entities: a.entities, keywords: a.keywords });
    return Promise.resolve(true);
  }

  /** Like `indexEnrichment` for each (an id once), with the entity index written as one batch. */
  indexEnrichments(articles: Article[], opts: { onlyUngrouped?: boolean } = {}): Promise<Set<string>> {
    const done = new Set<string>();
    const rows: IndexedArticle[] = [];
    for (const a of articles) {
      if (done.has(a.id)) continue;
      const r = this.m.seqOf.get(a.id);
      if (!r || (opts.onlyUngrouped && r.story_id !== null)) continue;
      done.add(a.id);
      rows.push({ seq: r.seq, publishedAt: r.published_at, entities: a.entities, keywords: a.keywords });
    }
    this.entityIndex.indexArticles(rows);
    return Promise.resolve(done);
  }

  syncGrouping(id: string): Promise<boolean> {
    return Promise.resolve(this.storyIndex.syncArticle(id) !== null);
  }

  /**
   * BEGIN IMMEDIATE … COMMIT around an async function (a savepoint when nested). The
   * stories' df increments are summed in memory meanwhile and written before the commit
   * (before a savepoint too, so a rollback to it drops only its own).
   */
  async writeTransaction<T>(fn: (lock: () => Promise<void>) => Promise<T>): Promise<T> {
    const nested = this.db.inTransaction;
    const name = `marsad_${++this.savepoints}`;
    if (nested) this.storyIndex.flushDocFreq();
    this.db.exec(nested ? `SAVEPOINT ${name}` : 'BEGIN IMMEDIATE');
    if (!nested) this.storyIndex.deferDocFreq(true);
    try {
      const out = await fn(() => Promise.resolve());
      this.storyIndex.flushDocFreq();
      this.db.exec(nested ? `RELEASE ${name}` : 'COMMIT');
      if (!nested) this.storyIndex.deferDocFreq(false);
      return out;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec(nested ? `ROLLBACK TO ${name}; RELEASE ${name}` : 'ROLLBACK');
      this.storyIndex.resetCaches();
      if (!nested) this.storyIndex.deferDocFreq(false);
      throw e;
    }
  }

  // ── the reader's side ────────────────────────────────────────────────────────────

  override getArticle(id: string): Promise<Article | null> {
    return Promise.resolve(this.reader.getArticle(id));
  }

  override listArticles(o: ArticleListOptions = {}): Promise<Article[]> {
    return Promise.resolve(this.reader.listArticles(o));
  }

  listStories(o?: ListOptions): Promise<StorySummary[]> {
    return Promise.resolve(this.reader.listStories(o));
  }

  getStory(id: string): Promise<StorySummary | null> {
    return Promise.resolve(this.reader.getStory(id));
  }

  getArticles(ids: string[]): Promise<Article[]> {
    return Promise.resolve(this.reader.getArticles(ids));
  }

  /**
   * Changes whenever the database may have: a commit by this connection (total_changes)
   * or by any other (data_version). The web layer keys its read cache on it; null while a
   * transaction is open, when nothing read may be remembered. Account writes (a read
   * mark, a session) are left out: nothing the cache holds depends on them.
   */
  changeToken(): string | null {
    if (this.db.inTransaction) return null;
    const s = (this.tokenStatements ??= [this.db.prepare('PRAGMA data_version').pluck(), this.db.prepare('SELECT total_changes()').pluck()]);
    return `${String(s[0].get())}:${Number(s[1].get()) - this.quiet.changes}`;
  }

  articleCards(ids: string[]): Promise<ArticleCard[]> {
    return Promise.resolve(this.reader.articleCards(ids));
  }

  /** Up to `limit` related articles (../related.ts: page links first, then the list kept at ingest). */
  relatedArticles(id: string, limit = 5): Promise<Article[]> {
    return this.related(id, limit, (xs) => this.reader.getArticles(xs));
  }

  relatedCards(id: string, limit = 5): Promise<ArticleCard[]> {
    return this.related(id, limit, (xs) => this.reader.articleCards(xs));
  }

  private related<T extends { id: string }>(id: string, limit: number, read: (ids: string[]) => T[]): Promise<T[]> {
    return selectRelated(id, relatedLimit(limit), {
      getEntry: (x) => this.storyIndex.getEntry(x),
      getArticle: (x) => this.getArticle(x),
      read: (xs) => Promise.resolve(read(xs)),
      pageLinked: (x) => this.m.pageLinked.all(x, x),
      relatedList: (x) => this.storyIndex.relatedLists([x]).get(x) ?? null,
      groupings: (xs) => this.storyIndex.groupings(xs),
      index: this.storyIndex,
    });
  }

  getEntity(idOrName: string): Promise<EntityInfo | null> {
    return Promise.resolve(this.entityIndex.getEntity(idOrName));
  }

  entityDaily(id: string): Promise<Array<{ day: string; count: number }>> {
    return Promise.resolve(this.entityIndex.entityDaily(id));
  }

  private timelines?: TimelineReader;
  private get timelineReads(): TimelineReader {
    return (this.timelines ??= timelineReader(new SqliteTimeline(this.db), this));
  }

  /** Mentions over time, in stories or articles (src/store/timeline.ts). */
  timeline(q: TimelineQuery): Promise<TimelineResult> {
    return this.timelineReads.timeline(q);
  }

  comentions(entity: string, limit?: number): Promise<ComentionResult> {
    return this.timelineReads.comentions(entity, limit);
  }

  storiesTogether(entities: string[], limit?: number): Promise<StoriesTogetherResult> {
    return this.timelineReads.storiesTogether(entities, limit);
  }

  // ── sources ──────────────────────────────────────────────────────────────────────

  listSources(): Promise<SourceInfo[]> {
    return this.sources.listSources();
  }

  addSource(s: { url: string; title?: string | null }): Promise<SourceInfo> {
    return this.sources.addSource(s);
  }

  removeSource(id: string): Promise<boolean> {
    return this.sources.removeSource(id);
  }

  importSources(list: Array<{ url: string; title: string | null }>): Promise<{ added: number; existing: number }> {
    return this.sources.importSources(list);
  }

  dueSources(nowIso: string, limit: number): Promise<PollState[]> {
    return this.sources.dueSources(nowIso, limit);
  }

  getPollState(id: string): Promise<PollState | null> {
    return this.sources.getPollState(id);
  }

  recordPoll(id: string, outcome: PollOutcome): Promise<void> {
    return this.sources.recordPoll(id, outcome);
  }
}

export function openMarsadSqliteStore(path: string, opts: MarsadSqliteOptions = {}): MarsadSqliteStore {
  return new MarsadSqliteStore(path, opts);
}
