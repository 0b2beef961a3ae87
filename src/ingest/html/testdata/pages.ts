/**
 * The extractor's test pages (see README.md beside this file for where each comes from):
 * ten real pages (eight Arabic, two Persian) and seven hostile ones written here around
 * real article text. Why one list: the tests, regen.ts, eval.ts and bench/extract must
 * all read the same pages from this folder, never from ../shared.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface TestPage {
  slug: string;
  /** Language of the article text. */
  lang: 'ar' | 'fa';
  /** Markup written here around corpus text (true), or a real saved page (false). */
  hostile: boolean;
  /** The Media Cloud file name, for the gold date in gold_dates.json. */
  mediacloud?: string;
}

export const PAGES: readonly TestPage[] = [
  { slug: 'youm7', lang: 'ar', hostile: false, mediacloud: '1691196862.html' },
  { slug: 'alyaum', lang: 'ar', hostile: false, mediacloud: '1784190729.html' },
  { slug: 'albayan', lang: 'ar', hostile: false, mediacloud: '1623715966.html' },
  { slug: 'almadenahnews', lang: 'ar', hostile: false, mediacloud: '1588107198.html' },
  { slug: 'sputnik-arabic', lang: 'ar', hostile: false, mediacloud: '1550981615.html' },
  { slug: 'beirutobserver', lang: 'ar', hostile: false, mediacloud: '1764731404.html' },
  { slug: 'cnn-arabic', lang: 'ar', hostile: false },
  { slug: 'assabah', lang: 'ar', hostile: false },
  { slug: 'khabaronline-fa', lang: 'fa', hostile: false, mediacloud: '1523806243.html' },
  { slug: 'yjc-fa', lang: 'fa', hostile: false, mediacloud: '1602557452.html' },
  { slug: 'hostile-lebanese', lang: 'ar', hostile: true },
  { slug: 'hostile-english-ui', lang: 'ar', hostile: true },
  { slug: 'hostile-oped-list', lang: 'ar', hostile: true },
  { slug: 'hostile-tips', lang: 'ar', hostile: true },
  { slug: 'hostile-app-charts', lang: 'ar', hostile: true },
  { slug: 'hostile-wp-sports', lang: 'ar', hostile: true },
  { slug: 'hostile-portal-oped', lang: 'ar', hostile: true },
];

/** Absolute path of a file in a page's folder (`source.html`, `expected.txt`, …). */
export function pageFile(slug: string, name: string): string {
  return fileURLToPath(new URL(`./${slug}/${name}`, import.meta.url));
}

/** The page's HTML. */
export const pageSource = (slug: string): string => readFileSync(pageFile(slug, 'source.html'), 'utf8');

/** The hand-written gold body text. */
export const goldText = (slug: string): string => readFileSync(pageFile(slug, 'expected.txt'), 'utf8');

/** Gold publication dates of the Media Cloud pages: file name → YYYY-MM-DD. */
export function goldDates(): Map<string, string> {
  const raw = JSON.parse(readFileSync(fileURLToPath(new URL('./gold_dates.json', import.meta.url)), 'utf8')) as Record<string, { file: string; date: string }>;
  return new Map(Object.values(raw).map((e) => [e.file, e.date]));
}
