/**
 * Related articles («اقرأ أيضاً»), selected the same way on every backend: first the
 * articles the source page itself linked to this one (an article appended to another on
 * the same page, either way round: the page said they are related), then src/stories'
 * `relatedArticles` over the store's RelatedSource (never copies of the article's own
 * story), at most `limit` (1–20, default 5) in all. A backend supplies the lookups.
 */
import type { Article } from '../model/article.ts';
import type { RelatedSource, StoryEntry } from '../model/stories.ts';
import { entryOf, relatedArticles } from '../stories/index.ts';

type MaybePromise<T> = T | Promise<T>;

export interface RelatedLookups {
  /** The article's story entry, if it was grouped. */
  getEntry(id: string): MaybePromise<StoryEntry | null>;
  getArticle(id: string): Promise<Article | null>;
  /** Ids of articles whose related_to is `id`, and the one `id`'s related_to names. */
  pageLinked(id: string): MaybePromise<string[]>;
  index: RelatedSource;
}

/** The number of related articles asked for, as served: 1–20, 5 when not a number. */
export const relatedLimit = (limit: number | undefined): number => Math.min(20, Math.max(1, Math.trunc(limit ?? 5) || 5));

/** The related article ids of `id`, in order (page links first), at most `limit` of them. */
export async function selectRelated(id: string, limit: number, l: RelatedLookups): Promise<string[]> {
  const linked = (await l.pageLinked(id)).filter((x) => x !== id).slice(0, limit);
  let entry = await l.getEntry(id);
  if (!entry) {
    const a = await l.getArticle(id);
    if (!a) return [];
    entry = entryOf(a, { now: 0 });
    entry.storyId = a.storyId ?? '';
    entry.duplicateOf = a.duplicateOf ?? null;
  }
  const similar = await relatedArticles(entry, l.index, { limit });
  return [...linked, ...similar.filter((x) => !linked.includes(x))].slice(0, limit);
}

/** The SQL both backends run for `pageLinked` (one parameter, the article id, used twice). */
export const PAGE_LINKED_SQL = (p: string): string =>
  `SELECT id FROM articles WHERE related_to = ${p} UNION SELECT related_to AS id FROM articles WHERE id = ${p} AND related_to IS NOT NULL`;
