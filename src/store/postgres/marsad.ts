/**
 * The whole scale-out store: the PostgreSQL article store and search (PgStore) plus the
 * stories index, the entity/keyword index, sources with their poll state and the reader's
 * read model — the MarsadStore shape `openStore` returns for a postgres:// URL, the port of
 * store/sqlite/marsad.ts.
 *
 * Many workers, one database, no lock over the whole index: the pipeline groups in two
 * transactions per chunk (src/pipeline/group-concurrent.ts, src/stories/link.ts): the
 * chunk's pending rows are claimed (`FOR UPDATE SKIP LOCKED`, so workers share the
 * backlog) and their story entries added unlinked and committed; then, claimed again, each
 * is linked — candidates searched among everything committed, edges added, and its
 * component's stories recomputed under row locks of the entries it reaches. Workers wait
 * on each other only where their arrivals share a component (or a hot counter row while
 * committing); a deadlock between two of them is retried by the pipeline.
 */
import type { PollOutcome, PollState, SourceStateStore } from '../../model/sources.ts';
import type { Article } from '../../model/article.ts';
import type { PendingArticle, PipelineStore } from '../../model/pipeline.ts';
import type { ArticleCard, ArticleListOptions, EntityInfo, ListOptions, ReaderStore, SourceAdmin, SourceInfo, StorySummary } from '../../model/reader.ts';
import { PgTimeline } from './timeline.ts';
import { timelineReader, type ComentionResult, type StoriesTogetherResult, type TimelineQuery, type TimelineReader, type TimelineResult } from '../timeline.ts';
import { canonicalOf, contentHash, rowToArticle, type ArticleRow } from '../rows.ts';
import { PAGE_LINKED_SQL, relatedLimit, selectRelated } from '../related.ts';
import { TxScope } from './db.ts';
import { PgEntityIndex } from './entities.ts';
import { PgStore, type PgStoreOptions } from './index.ts';
import { ARTICLE_COLUMNS, PgReader } from './reader.ts';
import { PgSources } from './sources.ts';
import { PgStoryIndex } from './stories.ts';
import { PgAlerts } from './alerts.ts';
import { PgAccounts } from './reading.ts';

export class MarsadPgStore extends PgStore implements ReaderStore, SourceAdmin, SourceStateStore, PipelineStore {
  readonly scope: TxScope;
  readonly storyIndex: PgStoryIndex;
  readonly entityIndex: PgEntityIndex;
  readonly sources: PgSources;
  readonly reader: PgReader;
  /** Alerts and their outbox (src/alerts); matches are written in the grouping transaction. */
  readonly alerts: PgAlerts;
  /** Users, sessions, follows, read state and stars (src/model/accounts.ts). */
  readonly accounts: PgAccounts;
  private savepoints = 0;
  /** Grouping runs in two steps per chunk, beside other workers (see the header). */
  readonly concurrentGrouping = true;

  protected constructor(url: string, opts: PgStoreOptions) {
    super(url, opts);
    this.scope = new TxScope(this.pool);
    this.storyIndex = new PgStoryIndex(this.scope);
    this.entityIndex = new PgEntityIndex(this.scope);
    this.sources = new PgSources(this.pool);
    this.reader = new PgReader(this.scope);
    this.alerts = new PgAlerts(this.pool, this.scope, (fn) => this.tx(fn));
    this.accounts = new PgAccounts(this.pool, (fn) => this.tx(fn));
  }

  static override open(url: string, opts: PgStoreOptions = {}): Promise<MarsadPgStore> {
    return PgStore.init(new MarsadPgStore(url, opts), opts);
  }

  // ── the pipeline's side ──────────────────────────────────────────────────────────

  async enrichedAlready(articles: Article[]): Promise<Set<string>> {
    const out = new Set<string>();
    if (articles.length === 0) return out;
    const canons = articles.map((a) => canonicalOf(a));
    const r = await this.scope.db().query<{ id: string; canonical_url: string | null; content_hash: string; enriched: boolean }>(
      `SELECT id, canonical_url, content_hash, (entities IS NOT NULL AND keywords IS NOT NULL) AS enriched FROM articles
       WHERE canonical_url = ANY($1::text[]) OR id = ANY($2::text[])`,
      [canons.filter((c): c is string => c !== null), articles.map((a) => a.id)],
    );
    const byCanon = new Map(r.rows.filter((x) => x.canonical_url).map((x) => [x.canonical_url!, x]));
    const byId = new Map(r.rows.map((x) => [x.id, x]));
    articles.forEach((a, i) => {
      const c = canons[i];
      const k = (c ? byCanon.get(c) : undefined) ?? byId.get(a.id);
      if (k && k.enriched && k.content_hash === contentHash(a)) out.add(a.id);
    });
    return out;
  }

  async ungrouped(cursor: number, limit: number, opts: { claim?: boolean } = {}): Promise<PendingArticle[]> {
    const claim = opts.claim && this.scope.current() ? ' FOR UPDATE SKIP LOCKED' : '';
    const r = await this.scope.db().query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE story_id IS NULL AND seq > $1 ORDER BY seq LIMIT $2${claim}`, [
      cursor,
      Math.max(1, Math.trunc(limit)),
    ]);
    return r.rows.map((x) => ({ cursor: x.seq, article: rowToArticle(x) }));
  }

  /** As SQLite (see PipelineStore.indexEnrichment): `onlyUngrouped` skips an article another worker grouped meanwhile. */
  async indexEnrichment(a: Article, opts: { onlyUngrouped?: boolean } = {}): Promise<boolean> {
    return (await this.indexEnrichments([a], opts)).has(a.id);
  }

  /** `indexEnrichment` of many articles: one read of their rows, and the index rows written in a batch. */
  async indexEnrichments(articles: Article[], opts: { onlyUngrouped?: boolean } = {}): Promise<Set<string>> {
    const done = new Set<string>();
    if (articles.length === 0) return done;
    const r = await this.scope.db().query<{ id: string; seq: number; published_at: string | null; story_id: string | null }>(
      'SELECT id, seq, published_at, story_id FROM articles WHERE id = ANY($1::text[])',
      [articles.map((a) => a.id)],
    );
    const rows = new Map(r.rows.map((x) => [x.id, x]));
    const list = [];
    for (const a of articles) {
      const x = rows.get(a.id);
      if (!x || done.has(a.id) || (opts.onlyUngrouped && x.story_id !== null)) continue;
      done.add(a.id);
      list.push({ seq: Number(x.seq), publishedAt: x.published_at, entities: a.entities, keywords: a.keywords });
    }
    await this.entityIndex.indexArticles(list);
    return done;
  }

  async syncGrouping(id: string): Promise<boolean> {
    return (await this.storyIndex.syncArticle(id)) !== null;
  }

  /** These articles' rows while still ungrouped, claimed for this transaction (rows another one claimed are skipped). */
  async claimUngrouped(ids: string[]): Promise<PendingArticle[]> {
    if (ids.length === 0) return [];
    const r = await this.scope.db().query<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::text[]) AND story_id IS NULL ORDER BY seq${this.scope.current() ? ' FOR UPDATE SKIP LOCKED' : ''}`,
      [ids],
    );
    return r.rows.map((x) => ({ cursor: x.seq, article: rowToArticle(x) }));
  }

  /**
   * One transaction (a savepoint when nested). No grouping lock: `lock` does nothing (the
   * grouping's exclusion is per component, see the header); kept for the PipelineStore shape.
   */
  async writeTransaction<T>(fn: (lock: () => Promise<void>) => Promise<T>): Promise<T> {
    const none = () => Promise.resolve();
    const outer = this.scope.current();
    if (outer) {
      const name = `marsad_${++this.savepoints}`;
      await this.storyIndex.flushDf();
      await outer.query(`SAVEPOINT ${name}`);
      try {
        const out = await fn(none);
        await this.storyIndex.flushDf();
        await outer.query(`RELEASE SAVEPOINT ${name}`);
        return out;
      } catch (e) {
        await outer.query(`ROLLBACK TO SAVEPOINT ${name}`);
        await outer.query(`RELEASE SAVEPOINT ${name}`);
        this.storyIndex.resetCaches();
        throw e;
      }
    }
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await this.scope.run(c, async () => {
        const r = await fn(none);
        await this.storyIndex.flushDf();
        return r;
      });
      await c.query('COMMIT');
      this.searcher.generation++;
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      this.storyIndex.resetCaches();
      throw e;
    } finally {
      c.release();
    }
  }

  // ── the reader's side ────────────────────────────────────────────────────────────

  override listArticles(o: ArticleListOptions = {}): Promise<Article[]> {
    return this.reader.listArticles(o);
  }

  listStories(o?: ListOptions): Promise<StorySummary[]> {
    return this.reader.listStories(o);
  }

  getStory(id: string): Promise<StorySummary | null> {
    return this.reader.getStory(id);
  }

  getArticles(ids: string[]): Promise<Article[]> {
    return this.reader.getArticles(ids);
  }

  articleCards(ids: string[]): Promise<ArticleCard[]> {
    return this.reader.articleCards(ids);
  }

  /** Up to `limit` related articles (../related.ts: page links first, then the list kept at ingest). */
  relatedArticles(id: string, limit = 5): Promise<Article[]> {
    return this.related(id, limit, (xs) => this.reader.getArticles(xs));
  }

  relatedCards(id: string, limit = 5): Promise<ArticleCard[]> {
    return this.related(id, limit, (xs) => this.reader.articleCards(xs));
  }

  private related<T extends { id: string }>(id: string, limit: number, read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
    return selectRelated(id, relatedLimit(limit), {
      getEntry: (x) => this.storyIndex.getEntry(x),
      getArticle: (x) => this.getArticle(x),
      read,
      pageLinked: async (x) => (await this.pool.query<{ id: string }>(PAGE_LINKED_SQL('$1'), [x])).rows.map((r) => r.id),
      relatedList: async (x) => (await this.storyIndex.relatedLists([x])).get(x) ?? null,
      groupings: (xs) => this.storyIndex.groupings(xs),
      index: this.storyIndex,
    });
  }

  getEntity(idOrName: string): Promise<EntityInfo | null> {
    return this.entityIndex.getEntity(idOrName);
  }

  entityDaily(id: string): Promise<Array<{ day: string; count: number }>> {
    return this.entityIndex.entityDaily(id);
  }

  private timelines?: TimelineReader;
  private get timelineReads(): TimelineReader {
    return (this.timelines ??= timelineReader(new PgTimeline(this.scope), this));
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

/** Opens (creating and migrating) the whole PostgreSQL store at `url`. */
export function openMarsadPgStore(url: string, opts: PgStoreOptions = {}): Promise<MarsadPgStore> {
  return MarsadPgStore.open(url, opts);
}
