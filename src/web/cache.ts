/**
 * The web layer's read cache: remembers the reads that every page repeats (search results,
 * the outlet list, story lists and stories, related lists) and the list cards of articles,
 * for as long as the store's change token stays the same.
 *
 * Why: a search costs a few milliseconds of CPU and the home page reads three hundred
 * stories, so under concurrent load a single-threaded server queues behind them; an
 * article page's lists read whole articles (bodies included) to print five titles. A
 * cached read is a map lookup, and a card is the five fields a list item prints.
 *
 * Contract: `cachedStore(store)` returns the same store (every method, bound) with those
 * reads memoized (timelines and co-mentions too) plus `articleCards` and `relatedCards`. Entries are dropped, all at once,
 * when `store.changeToken()` changes (any commit, by this process or another); nothing is
 * remembered while it is null (a write under way) or when the store has no token (then
 * every read goes to the store, as before). Each memo is an LRU with a bounded number of
 * entries (lru-cache). Cached arrays are returned as fresh copies; their elements are shared and must
 * not be mutated by callers.
 */
import { LRUCache } from 'lru-cache';
import type { Article, ReaderStore, SourceAdmin } from './types.ts';

/** What a list item prints of an article. */
export type ArticleCard = Pick<Article, 'id' | 'title' | 'lang' | 'outlet' | 'publishedAt'>;

export interface CardReader {
  /** Cards of these ids, in the order given (unknown ids skipped). */
  articleCards(ids: string[]): Promise<ArticleCard[]>;
  /** Cards of the article's related articles (the same list as relatedArticles). */
  relatedCards(id: string, limit: number): Promise<ArticleCard[]>;
}

export type CachedStore<S extends ReaderStore> = S & CardReader;

/** Entries kept per memo (bounded by what an entry weighs: a story list holds 300 stories). */
export const CACHE_LIMITS = { search: 1000, timeline: 1000, comentions: 1000, storiesTogether: 1000, listOutlets: 20, listStories: 100, getStory: 10_000, relatedIds: 10_000, cards: 20_000 };

const card = (a: ArticleCard): ArticleCard => ({ id: a.id, title: a.title, lang: a.lang, outlet: a.outlet, publishedAt: a.publishedAt });
const copy = <T>(v: T): T => (Array.isArray(v) ? (v.slice() as T) : v);

export function cachedStore<S extends ReaderStore & Partial<SourceAdmin>>(store: S): CachedStore<S> {
  const memos: Array<{ clear(): void }> = [];
  const cards = new LRUCache<string, ArticleCard>({ max: CACHE_LIMITS.cards });
  let seen: string | null = null;
  // The token is asked once per synchronous run: nothing can be written between two reads
  // that no await separates, and a page makes several reads at once.
  let current: string | null | undefined;
  const forget = () => (current = undefined);
  /** The current token, after dropping everything remembered under an older one. */
  const token = (): string | null => {
    if (current !== undefined) return current;
    const t = (current = store.changeToken?.() ?? null);
    queueMicrotask(forget);
    if (t !== null && t !== seen) {
      for (const m of memos) m.clear();
      cards.clear();
      seen = t;
    }
    return t;
  };
  const memo = <A extends unknown[], R>(name: keyof typeof CACHE_LIMITS, fn: (...a: A) => Promise<R>) => {
    const reads = new LRUCache<string, Promise<R>>({ max: CACHE_LIMITS[name] });
    memos.push(reads);
    return async (...args: A): Promise<R> => {
      if (token() === null) return fn(...args);
      const key = JSON.stringify(args);
      let p = reads.get(key);
      if (!p) {
        const q = fn(...args);
        reads.set(key, q);
        // A failed read is not remembered.
        q.catch(() => reads.peek(key) === q && reads.delete(key));
        p = q;
      }
      return copy(await p);
    };
  };
  const remember = (list: ArticleCard[]): ArticleCard[] => {
    const out = list.map(card);
    if (token() !== null) for (const c of out) cards.set(c.id, c);
    return out;
  };
  const articleCards = async (ids: string[]): Promise<ArticleCard[]> => {
    if (token() === null) return (await store.getArticles(ids)).map(card);
    const missing = ids.filter((id) => !cards.get(id));
    if (missing.length) remember(await store.getArticles(missing));
    const out: ArticleCard[] = [];
    for (const id of new Set(ids)) {
      const c = cards.get(id);
      if (c) out.push(c);
    }
    return out;
  };
  const relatedIds = memo('relatedIds', async (id: string, limit: number) => remember(await store.relatedArticles(id, limit)).map((c) => c.id));
  const overrides: Record<string, unknown> = {
    search: memo('search', store.search.bind(store)),
    listOutlets: memo('listOutlets', store.listOutlets.bind(store)),
    listStories: memo('listStories', store.listStories.bind(store)),
    getStory: memo('getStory', store.getStory.bind(store)),
    timeline: memo('timeline', store.timeline.bind(store)),
    comentions: memo('comentions', store.comentions.bind(store)),
    storiesTogether: memo('storiesTogether', store.storiesTogether.bind(store)),
    articleCards,
    relatedCards: async (id: string, limit: number) => articleCards(await relatedIds(id, limit)),
  };
  return new Proxy(store, {
    get(target, key) {
      if (typeof key === 'string' && key in overrides) return overrides[key];
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
    has(target, key) {
      return (typeof key === 'string' && key in overrides) || Reflect.has(target, key);
    },
  }) as CachedStore<S>;
}
