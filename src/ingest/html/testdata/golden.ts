/**
 * The golden-file summary of one extracted page, shared by regen.ts and the test: small
 * enough to review in a diff, specific enough to catch a changed extraction.
 */
import { extractFile } from '../eval.ts';
import { pageFile } from './pages.ts';

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

/** The summary of the extraction of test page `slug`. */
export function goldenOf(slug: string): Golden {
  const a = extractFile(pageFile(slug, 'source.html')).article;
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
