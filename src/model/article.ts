/**
 * The one Article type: every input format is adapted to it, and the CLI, the API and
 * every storage backend speak it. Public contract: field names and meanings are stable.
 */
import { createHash } from 'node:crypto';
import { normalize } from '../arabic/normalize.ts';
import { canonicalUrl } from './url.ts';
import { LIMITS } from './limits.ts';

/** A related link the page showed (the page's «اقرأ أيضاً»): never part of the body. */
export interface ReadAlsoLink {
  title: string;
  url: string | null;
}

/** An entity found in an article (filled by enrich/, a later stage). */
export interface EntityMention {
  id: string;
  name: string;
  type: string;
  mentions: number;
  /** Other spellings of the name seen in the article (`شويجو`, `عبد الله بن مساعد`). */
  aliases?: string[];
  /**
   * Lookup keys enrichment derives from the name and aliases, spelling-insensitive where it
   * knows how (a person's transliteration fold: `شويجو`, `شويغو` and `شويقو` share one).
   */
  keys?: string[];
}

export interface Article {
  /** Stable: derived from the canonical URL, else from the normalized title and text. */
  id: string;
  url: string | null;
  title: string;
  /** Clean body text; paragraphs separated by one blank line. */
  text: string;
  /** ISO 8601 in UTC, or null when unknown. */
  publishedAt: string | null;
  /** Who wrote it (e.g. «الأسبوع»). */
  outlet: string | null;
  /** Who carried it: the aggregator page or feed it came through. */
  via: string | null;
  author: string | null;
  /** BCP 47 language code: `ar`, `fa`, `en`, … */
  lang: string;
  /** Keywords the source itself gave, in its order. */
  tags: string[];
  readAlso: ReadAlsoLink[];
  /** For an article appended to another on the same page: the main article's id. */
  relatedTo: string | null;
  // Computed by later stages (enrich/, stories/); absent until then.
  entities?: EntityMention[];
  keywords?: string[];
  storyId?: string | null;
  duplicateOf?: string | null;
}

/** The fields an adapter provides; `makeArticle` fills the defaults and the id. */
export type ArticleInput = Partial<Omit<Article, 'id' | 'title' | 'text'>> & {
  title: string;
  text: string;
};

/** Builds an Article with defaults, trimmed strings and its stable id. */
export function makeArticle(input: ArticleInput): Article {
  const url = input.url?.trim() || null;
  const title = input.title.trim();
  const text = input.text.trim();
  return {
    id: articleId(url, title, text),
    url,
    title,
    text,
    publishedAt: input.publishedAt ?? null,
    outlet: input.outlet?.trim() || null,
    via: input.via?.trim() || null,
    author: input.author?.trim() || null,
    lang: input.lang ?? 'ar',
    tags: input.tags ?? [],
    readAlso: input.readAlso ?? [],
    relatedTo: input.relatedTo ?? null,
  };
}

/**
 * The stable id: 16 hex digits of SHA-256 over the canonical URL when there is one,
 * else over the normalized title and text (so spelling variants of one text share an id).
 */
export function articleId(url: string | null, title: string, text: string): string {
  const canon = url ? canonicalUrl(url) : null;
  const key = canon ? `u:${canon}` : `c:${contentKey(title, text)}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Normalized title and text with punctuation and whitespace folded: the content identity. */
export function contentKey(title: string, text: string): string {
  // Over at most the capped length: what ingest keeps of an oversized field (and its cost).
  const fold = (s: string, max: number) => normalize(s.length > max ? s.slice(0, max) : s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return `${fold(title, LIMITS.title)}\n${fold(text, LIMITS.text)}`;
}
