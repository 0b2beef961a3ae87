/**
 * Scores the HTML extractor on the test pages in testdata/ (copies of the corpus pages
 * and hostile pages written here): body token-F1 against the hand-written gold of every
 * page, publication dates of the eight Media Cloud pages, and the Assabah must / must-not
 * phrases. Why one module: the tests, bench/parse/html-eval.ts and bench/extract must print
 * the same figures from the same code. Contract: `tokenF1` is bag-of-tokens F1 over the
 * analyzer's tokens and normalization (tokenize → norm; no stopword removal, no stemming).
 */
import { readFileSync } from 'node:fs';
import { tokenize } from '../../arabic/index.ts';
import type { Article } from '../../model/article.ts';
import { extractHtml } from './index.ts';
import type { PageDate } from './dates.ts';
import { PAGES, goldDates, goldText, pageFile } from './testdata/pages.ts';

/** The analyzer's normalized tokens of a text. */
export const normTokens = (s: string): string[] => tokenize(s).map((t) => t.norm);

/** Bag-of-tokens F1 between two texts (1 when both are empty). */
export function tokenF1(got: string, gold: string): number {
  const g = normTokens(got);
  const counts = new Map<string, number>();
  const want = normTokens(gold);
  if (g.length === 0 && want.length === 0) return 1;
  for (const t of want) counts.set(t, (counts.get(t) ?? 0) + 1);
  let hit = 0;
  for (const t of g) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      hit++;
      counts.set(t, c - 1);
    }
  }
  if (hit === 0) return 0;
  const p = hit / g.length;
  const r = hit / want.length;
  return (2 * p * r) / (p + r);
}

export interface PageResult {
  file: string;
  article: Article | null;
  date: PageDate | null;
}

/** Runs the extractor on one saved page (no network: the URL comes from the page). */
export function extractFile(path: string, now = new Date('2024-01-01T00:00:00Z')): PageResult {
  const r = extractHtml(readFileSync(path, 'utf8'), path, null, now);
  return { file: path, article: r.articles[0] ?? null, date: r.extraction?.date ?? null };
}

export interface PageScore {
  slug: string;
  hostile: boolean;
  f1: number;
  article: Article | null;
}

export interface DateRow {
  slug: string;
  gold: string;
  /** The date as the page wrote it (its own offset). */
  local: string | null;
  /** The UTC date of publishedAt. */
  utc: string | null;
  lang: string | null;
}

export interface HtmlEval {
  pages: PageScore[];
  dates: DateRow[];
  /** Pages whose date as written equals the gold date. */
  dateHits: number;
  /** Pages whose UTC date equals the gold date (pages published after midnight local differ). */
  utcDateHits: number;
  assabah: { with: Record<string, boolean>; without: Record<string, boolean> };
}

/** Evaluates the extractor on every test page. */
export function evaluateHtml(): HtmlEval {
  const gold = goldDates();
  const pages: PageScore[] = [];
  const dates: DateRow[] = [];
  for (const p of PAGES) {
    const r = extractFile(pageFile(p.slug, 'source.html'));
    pages.push({ slug: p.slug, hostile: p.hostile, f1: tokenF1(r.article?.text ?? '', goldText(p.slug)), article: r.article });
    const g = p.mediacloud ? gold.get(p.mediacloud) : undefined;
    if (g) dates.push({ slug: p.slug, gold: g, local: r.date?.localDate ?? null, utc: r.article?.publishedAt?.slice(0, 10) ?? null, lang: r.article?.lang ?? null });
  }
  const text = pages.find((p) => p.slug === 'assabah')?.article?.text ?? '';
  const ab = Object.values(JSON.parse(readFileSync(pageFile('assabah', 'evaldata.json'), 'utf8')) as Record<string, { with: string[]; without: string[] }>)[0]!;
  return {
    pages,
    dates,
    dateHits: dates.filter((d) => d.local === d.gold).length,
    utcDateHits: dates.filter((d) => d.utc === d.gold).length,
    assabah: {
      with: Object.fromEntries(ab.with.map((p) => [p, text.includes(p)])),
      without: Object.fromEntries(ab.without.map((p) => [p, !text.includes(p)])),
    },
  };
}
