/**
 * The web layer's read cache: remembers the reads that every page repeats (search results,
 * article lists, the outlet list, story lists and stories, related lists, rendered feeds)
 * and the list cards of articles.
 *
 * Why: a search costs a few milliseconds of CPU and the home page reads three hundred
 * stories, so under concurrent load a single-threaded server queues behind them. A
 * cached read is a map lookup. List items are cards (the five fields a list item prints),
 * read by the store without bodies (`articleCards`, `relatedCards`) and cached by id.
 *
 * Contract: `cachedStore(store, { maxStaleMs })` returns the same store (every method,
 * bound) with those reads memoized, `articleCards` and `relatedCards` cached, and `rendered`.
 * Every entry remembers the store's change token (`store.changeToken()`, which changes on
 * any commit, by this process or another) and when it was read:
 * - `maxStaleMs` 0 (the default): an entry is served only under the token it was read
 *   under; a new token drops everything at once (a write is seen by the next read).
 * - `maxStaleMs` N > 0 (what `serve` uses, MARSAD_CACHE_STALE_MS): an entry read under an
 *   older token is still served while it is at most N ms old, then the next request reads
 *   again (one read, shared by the requests that arrive meanwhile). Every answer then
 *   reflects the database as it was at most N ms before; a server whose poller commits
 *   several times a second recomputes each popular read once per N ms instead of on
 *   nearly every request. Entries older than N under an old token are pruned.
 * Nothing is remembered while the token is null (a write under way) or when the store has
 * no token (every read goes to the store). Each memo is an LRU bounded by count and by an
 * estimate of its entries' bytes (lru-cache maxSize). Cached arrays are returned as fresh
 * copies; their elements are shared and must not be mutated by callers.
 */
import { LRUCache } from 'lru-cache';
import type { ArticleCard, ReaderStore, SourceAdmin } from './types.ts';

export type { ArticleCard };

export interface CardReader {
  /** Cards of these ids, in the order given (unknown ids skipped). */
  articleCards(ids: string[]): Promise<ArticleCard[]>;
  /** Cards of the article's related articles (the same list as relatedArticles). */
  relatedCards(id: string, limit: number): Promise<ArticleCard[]>;
  /**
   * `compute()`'s output (a rendered page or feed that depends on store reads and `key`
   * alone, e.g. the URL; null for "not found"), as UTF-8 bytes, remembered under `key` like a read.
   */
  rendered<T extends string | null>(key: string, compute: () => Promise<T>): Promise<Rendered<T>>;
}

export type CachedStore<S extends ReaderStore> = S & CardReader;

/**
 * A rendered page or feed as the cache keeps it: UTF-8 bytes, outside V8's heap. Pages are the
 * cache's largest entries (an article page ~13,000 characters, markup and Arabic); as strings
 * they were two bytes a character in the heap, whose growth allowance V8 sizes by what lives there.
 * A Buffer is sent as it is, with no encoding per response.
 */
export type Rendered<T> = T extends string ? Buffer : Buffer | null;

export interface CacheOptions {
  /** How old (ms) an entry read under an older change token may be and still be served; 0: never. */
  maxStaleMs?: number;
}

const MiB = 1024 * 1024;
/** Per memo: entries kept, and an estimate of the bytes they may hold (see `weigh`). */
export const CACHE_LIMITS = {
  search: [1000, 6 * MiB],
  timeline: [1000, 3 * MiB],
  comentions: [1000, 3 * MiB],
  storiesTogether: [1000, 3 * MiB],
  listOutlets: [20, 1 * MiB],
  listStories: [100, 8 * MiB],
  getStory: [10_000, 6 * MiB],
  relatedIds: [10_000, 1 * MiB],
  listArticles: [200, 6 * MiB],
  getArticles: [200, 6 * MiB],
  getArticle: [2000, 4 * MiB],
  rendered: [2000, 12 * MiB],
  cards: [20_000, 4 * MiB],
} as const satisfies Record<string, readonly [number, number]>;

/** Rough bytes a read's result holds (UTF-16 strings, a few words per field), visiting at most `budget` nodes. */
export function weigh(v: unknown, budget = 100_000): number {
  let bytes = 0;
  let left = budget;
  const visit = (x: unknown): void => {
    if (left-- <= 0) return;
    if (typeof x === 'string') bytes += 16 + 2 * x.length;
    else if (x instanceof Uint8Array) bytes += 64 + x.byteLength;
    else if (Array.isArray(x)) {
      bytes += 16 + 8 * x.length;
      for (const e of x) visit(e);
    } else if (x && typeof x === 'object') {
      for (const k in x) {
        bytes += 16;
        visit((x as Record<string, unknown>)[k]);
      }
    } else bytes += 8;
  };
  visit(v);
  return Math.max(1, bytes);
}

interface Entry<R> {
  value: Promise<R>;
  token: string;
  at: number;
}

const copy = <T>(v: T): T => (Array.isArray(v) ? (v.slice() as T) : v);

export function cachedStore<S extends ReaderStore & Partial<SourceAdmin>>(store: S, opts: CacheOptions = {}): CachedStore<S> {
  const maxStale = Math.max(0, opts.maxStaleMs ?? 0);
  const lrus: Array<LRUCache<string, Entry<unknown>>> = [];
  const lru = <R>(name: keyof typeof CACHE_LIMITS) => {
    const [max, maxSize] = CACHE_LIMITS[name];
    // Sized 1 while the read runs; re-weighed when it resolves.
    const c = new LRUCache<string, Entry<R>>({ max, maxSize, sizeCalculation: () => 1 });
    lrus.push(c as unknown as LRUCache<string, Entry<unknown>>);
    return c;
  };
  let seen: string | null = null;
  let pruned = 0;
  // The token is asked once per synchronous run: nothing can be written between two reads
  // that no await separates, and a page makes several reads at once.
  let current: string | null | undefined;
  const forget = () => (current = undefined);
  /** The current token, after dropping (or pruning) what was remembered under older ones. */
  const token = (): string | null => {
    if (current !== undefined) return current;
    const t = (current = store.changeToken?.() ?? null);
    queueMicrotask(forget);
    if (t !== null && t !== seen) {
      seen = t;
      const now = Date.now();
      if (maxStale === 0) for (const c of lrus) c.clear();
      else if (now - pruned > maxStale) {
        pruned = now;
        for (const c of lrus) for (const [k, e] of c.entries()) if (e.token !== t && now - e.at > maxStale) c.delete(k);
      }
    }
    return t;
  };
  const usable = (e: Entry<unknown> | undefined, t: string): boolean => !!e && (e.token === t || Date.now() - e.at <= maxStale);
  /** The entry under `key` if it may be served, else `read()` remembered under it. */
  const through = <R>(c: LRUCache<string, Entry<R>>, key: string, t: string, read: () => Promise<R>): Promise<R> => {
    const e = c.get(key);
    if (e && usable(e, t)) return e.value;
    const at = Date.now();
    const value = read();
    const entry: Entry<R> = { value, token: t, at };
    c.set(key, entry);
    value.then(
      // A new entry object: lru-cache keeps the old size when the same value is set again.
      (v) => c.peek(key) === entry && c.set(key, { ...entry }, { size: weigh(v) }),
      // A failed read is not remembered.
      () => c.peek(key) === entry && c.delete(key),
    );
    return value;
  };
  const memo = <A extends unknown[], R>(name: keyof typeof CACHE_LIMITS, fn: (...a: A) => Promise<R>) => {
    const reads = lru<R>(name);
    return async (...args: A): Promise<R> => {
      const t = token();
      if (t === null) return fn(...args);
      return copy(await through(reads, JSON.stringify(args), t, () => fn(...args)));
    };
  };
  const renders = lru<Buffer | null>('rendered');
  const rendered = async <T extends string | null>(key: string, compute: () => Promise<T>): Promise<Rendered<T>> => {
    const t = token();
    const bytes = async (): Promise<Buffer | null> => {
      const v = await compute();
      return v === null ? null : Buffer.from(v, 'utf8');
    };
    return (await (t === null ? bytes() : through(renders, key, t, bytes))) as Rendered<T>;
  };
  const cards = lru<ArticleCard>('cards');
  /** Remembers the store's cards (five fields each, as read) by id. */
  const remember = (list: ArticleCard[]): ArticleCard[] => {
    const t = token();
    if (t !== null) for (const c of list) cards.set(c.id, { value: Promise.resolve(c), token: t, at: Date.now() }, { size: weigh(c) });
    return list;
  };
  const articleCards = async (ids: string[]): Promise<ArticleCard[]> => {
    const t = token();
    if (t === null) return store.articleCards(ids);
    const known = new Map<string, Promise<ArticleCard>>();
    for (const id of ids) {
      const e = cards.get(id);
      if (e && usable(e, t)) known.set(id, e.value);
    }
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) for (const c of remember(await store.articleCards(missing))) known.set(c.id, Promise.resolve(c));
    const out: ArticleCard[] = [];
    for (const id of new Set(ids)) {
      const c = known.get(id);
      if (c) out.push(await c);
    }
    return out;
  };
  const relatedIds = memo('relatedIds', async (id: string, limit: number) => remember(await store.relatedCards(id, limit)).map((c) => c.id));
  const overrides: Record<string, unknown> = {
    search: memo('search', store.search.bind(store)),
    listOutlets: memo('listOutlets', store.listOutlets.bind(store)),
    listStories: memo('listStories', store.listStories.bind(store)),
    getStory: memo('getStory', store.getStory.bind(store)),
    timeline: memo('timeline', store.timeline.bind(store)),
    comentions: memo('comentions', store.comentions.bind(store)),
    storiesTogether: memo('storiesTogether', store.storiesTogether.bind(store)),
    listArticles: memo('listArticles', store.listArticles.bind(store)),
    getArticles: memo('getArticles', store.getArticles.bind(store)),
    getArticle: memo('getArticle', store.getArticle.bind(store)),
    articleCards,
    relatedCards: async (id: string, limit: number) => articleCards(await relatedIds(id, limit)),
    rendered,
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
