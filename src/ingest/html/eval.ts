/**
 * Scores the HTML extractor against the gold in ../shared/corpus/html/: publication dates
 * of the eight Media Cloud pages (six Arabic, two Persian), the CNN Arabic body text, and
 * the Assabah must / must-not phrases. Why one module: the tests and
 * bench/parse/html-eval.ts must print the same figures from the same code.
 * Contract: `evaluateHtml(root)` reads the corpus under `root` and returns the figures;
 * `tokenF1` is bag-of-words F1 over normalized tokens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../../arabic/index.ts';
import type { Article } from '../../model/article.ts';
import { extractHtml } from './index.ts';
import type { PageDate } from './dates.ts';

/** Bag-of-words F1 between two texts, over normalized letter/digit tokens. */
export function tokenF1(got: string, gold: string): number {
  const toks = (s: string): string[] => normalize(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const g = toks(got);
  const counts = new Map<string, number>();
  for (const t of toks(gold)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const goldN = [...counts.values()].reduce((a, b) => a + b, 0);
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
  const r = hit / goldN;
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

export interface DateRow {
  file: string;
  gold: string;
  /** The date as the page wrote it (its own offset). */
  local: string | null;
  /** The UTC date of publishedAt. */
  utc: string | null;
  lang: string | null;
}

export interface HtmlEval {
  dates: DateRow[];
  /** Pages whose date as written equals the gold date. */
  dateHits: number;
  /** Pages whose UTC date equals the gold date (pages published after midnight local differ). */
  utcDateHits: number;
  cnnF1: number;
  assabah: { with: Record<string, boolean>; without: Record<string, boolean> };
}

/** Evaluates against the corpus at `root` (the `shared/corpus/html` folder). */
export function evaluateHtml(root: string): HtmlEval {
  const mc = join(root, 'htmldate_mediacloud2020');
  const gold = JSON.parse(readFileSync(join(mc, 'gold_dates.json'), 'utf8')) as Record<string, { file: string; date: string }>;
  const dates: DateRow[] = Object.values(gold).map(({ file, date }) => {
    const r = extractFile(join(mc, file));
    return { file, gold: date, local: r.date?.localDate ?? null, utc: r.article?.publishedAt?.slice(0, 10) ?? null, lang: r.article?.lang ?? null };
  });
  const cnn = extractFile(join(root, 'newspaper4k', 'arabic_article.html'));
  const cnnGold = readFileSync(join(root, 'newspaper4k', 'arabic_article.txt'), 'utf8');
  const ab = extractFile(join(root, 'trafilatura', 'assabah.com.tn.article.html'));
  const abGold = Object.values(JSON.parse(readFileSync(join(root, 'trafilatura', 'assabah.com.tn.article.evaldata.json'), 'utf8')) as Record<string, { with: string[]; without: string[] }>)[0]!;
  const text = ab.article?.text ?? '';
  return {
    dates,
    dateHits: dates.filter((d) => d.local === d.gold).length,
    utcDateHits: dates.filter((d) => d.utc === d.gold).length,
    cnnF1: tokenF1(cnn.article?.text ?? '', cnnGold),
    assabah: {
      with: Object.fromEntries(abGold.with.map((p) => [p, text.includes(p)])),
      without: Object.fromEntries(abGold.without.map((p) => [p, !text.includes(p)])),
    },
  };
}
