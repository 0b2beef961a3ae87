/**
 * What the HTTP benchmark asks for: article ids spread over the whole corpus and realistic
 * Arabic queries (two or three consecutive words of real titles), both read from the
 * running server's own API before any timing, so the benchmark needs no knowledge of the
 * schema. A fixed seed makes the same database give the same workload every run.
 */
import { encodeCursor } from '../../src/web/api/cursor.ts';
import { rng } from '../rng.ts';

interface ArticleJson {
  id: string;
  title: string;
}


function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

const ARABIC_WORD = /^[\u0621-\u064A\u0660-\u0669\u0671-\u06D3]{3,}$/;
const SKIP = new Set(['التي', 'الذي', 'على', 'إلى', 'الى', 'عن', 'من', 'في', 'بعد', 'قبل', 'خلال', 'حول', 'بين', 'منذ', 'عند', 'هذا', 'هذه']);

/** Two or three consecutive content words of a title, or null when it has none. */
export function queryFromTitle(title: string, rand: () => number): string | null {
  const words = title.replace(/[\u064B-\u0652\u0640]/g, '').split(/[\s«»"'“”:،,.؟?!()\-–—/|]+/).filter(Boolean);
  const runs: string[][] = [];
  const len = rand() < 0.5 ? 2 : 3;
  for (let i = 0; i + len <= words.length; i++) {
    const run = words.slice(i, i + len);
    if (run.every((w) => ARABIC_WORD.test(w)) && !SKIP.has(run[0]!) && !SKIP.has(run[len - 1]!)) runs.push(run);
  }
  const pick = runs[Math.floor(rand() * runs.length)];
  return pick ? pick.join(' ') : null;
}

export interface Workload {
  articleIds: string[];
  /** Other articles (never among `articleIds`): what a running server has already served. */
  warmIds: string[];
  /** Every article but `warmIds` (so `articleIds` too), shuffled: the first views, each asked once. */
  firstViewIds: string[];
  /** The queries that repeat (a few hundred, as popular searches do). */
  queries: string[];
  /** Every other query found, each meant to be asked once: the cost of a cache miss. */
  uniqueQueries: string[];
}

async function page(base: string, offset: number): Promise<ArticleJson[]> {
  const r = await fetch(`${base}/api/v1/articles?limit=100&cursor=${encodeCursor(offset)}`);
  if (!r.ok) throw new Error(`GET /api/v1/articles at offset ${offset}: ${r.status}`);
  return ((await r.json()) as { results: ArticleJson[] }).results;
}

/**
 * Article ids: `idPages` pages of 100 at offsets spread evenly over `total` articles.
 * Queries: from the titles of every article (all pages), `queries` of them to repeat and
 * all the others once each.
 */
export async function buildWorkload(base: string, total: number, idPages = 20, queries = 300): Promise<Workload> {
  const rand = rng(20150721);
  const all: ArticleJson[] = [];
  for (let offset = 0; offset < total; offset += 100) all.push(...(await page(base, offset)));
  if (all.length === 0) throw new Error('the database has no articles');
  const step = Math.max(1, Math.floor(all.length / (idPages * 100)));
  const sampled = all.filter((_, i) => i % step === 0).slice(0, idPages * 100);
  const chosen = new Set(sampled.map((a) => a.id));
  const warmIds = shuffle(all.filter((a) => !chosen.has(a.id)), rng(20150722)).slice(0, 500).map((a) => a.id);
  const warm = new Set(warmIds);
  const firstViewIds = shuffle(all.filter((a) => !warm.has(a.id)), rng(20150723)).map((a) => a.id);
  const list = queriesFrom(all, rand);
  return { articleIds: shuffle(sampled.map((a) => a.id), rand), warmIds, firstViewIds, queries: list.slice(0, queries), uniqueQueries: list.slice(queries) };
}

/** The distinct queries made from `articles`' titles (newest first, as the API lists them), in the order the workload asks them. */
export function queriesFrom(articles: ReadonlyArray<{ title: string }>, rand = rng(20150721)): string[] {
  const qs = new Set<string>();
  for (const a of shuffle([...articles], rand)) {
    const q = queryFromTitle(a.title, rand);
    if (q) qs.add(q);
  }
  return [...qs];
}
