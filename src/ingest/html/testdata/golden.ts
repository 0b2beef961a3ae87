/**
 * The golden-file summary of one extracted page, shared by regen.ts and the test: small
 * enough to review in a diff, specific enough to catch a changed extraction.
 */
import { extractFile } from '../eval.ts';

/** slug → page path under shared/corpus/html/. */
export const GOLDEN_PAGES: Record<string, string> = {
  'youm7': 'htmldate_mediacloud2020/1691196862.html',
  'alyaum': 'htmldate_mediacloud2020/1784190729.html',
  'albayan': 'htmldate_mediacloud2020/1623715966.html',
  'almadenahnews': 'htmldate_mediacloud2020/1588107198.html',
  'sputnik-arabic': 'htmldate_mediacloud2020/1550981615.html',
  'beirutobserver': 'htmldate_mediacloud2020/1764731404.html',
  'khabaronline-fa': 'htmldate_mediacloud2020/1523806243.html',
  'yjc-fa': 'htmldate_mediacloud2020/1602557452.html',
  'cnn-arabic': 'newspaper4k/arabic_article.html',
  'assabah': 'trafilatura/assabah.com.tn.article.html',
};

export interface Golden {
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  outlet: string | null;
  lang: string | null;
  tags: string[];
  readAlsoCount: number;
  paragraphs: number;
  textStart: string;
  textEnd: string;
}

export function goldenOf(path: string): Golden {
  const a = extractFile(path).article;
  const text = a?.text ?? '';
  return {
    title: a?.title ?? null,
    url: a?.url ?? null,
    publishedAt: a?.publishedAt ?? null,
    outlet: a?.outlet ?? null,
    lang: a?.lang ?? null,
    tags: a?.tags ?? [],
    readAlsoCount: a?.readAlso.length ?? 0,
    paragraphs: text === '' ? 0 : text.split('\n\n').length,
    textStart: text.slice(0, 200),
    textEnd: text.slice(-200),
  };
}
