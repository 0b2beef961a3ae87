/**
 * Related articles («اقرأ أيضاً»), selected the same way on every backend: first the
 * articles the source page itself linked to this one (an article appended to another on
 * the same page, either way round: the page said they are related), then the article's
 * kept list (src/stories/relate.ts, computed at ingest), filtered by the stories as they
 * are now: never the article, its copies or its own story, one article per story; at most
 * `limit` (1–20, default 5) in all. A backend supplies the lookups.
 *
 * An article without a kept list (grouped before lists were kept and not yet reached by
 * the pipeline's backfill, or not grouped) gets its list computed here instead.
 */
import type { Article } from '../model/article.ts';
import type { RelatedList, RelatedSource, StoryEntry } from '../model/stories.ts';
import { asEntry, relatedHits, RELATED_KEEP } from '../stories/index.ts';

type MaybePromise<T> = T | Promise<T>;

export interface RelatedLookups {
  /** The article's story entry, if it was grouped. */
  getEntry(id: string): MaybePromise<StoryEntry | null>;
  getArticle(id: string): Promise<Article | null>;
  getArticles(ids: string[]): Promise<Article[]>;
  /** Ids of articles whose related_to is `id`, and the one `id`'s related_to names. */
  pageLinked(id: string): MaybePromise<string[]>;
  /** The article's kept list, if it has one. */
  relatedList(id: string): MaybePromise<RelatedList | null>;
  index: RelatedSource;
}

/** The number of related articles asked for, as served: 1–20, 5 when not a number. */
export const relatedLimit = (limit: number | undefined): number => Math.min(20, Math.max(1, Math.trunc(limit ?? 5) || 5));

/** The related articles of `id`, in order (page links first), at most `limit` of them. */
export async function selectRelated(id: string, limit: number, l: RelatedLookups): Promise<Article[]> {
  const linkedIds = (await l.pageLinked(id)).filter((x) => x !== id).slice(0, limit);
  const kept = await l.relatedList(id);
  let similarIds: string[];
  let self: { storyId?: string | null; duplicateOf?: string | null } | null;
  if (kept) {
    similarIds = kept.items.map((x) => x.id);
    self = await l.getArticle(id);
    if (!self) return [];
  } else {
    const entry = (await l.getEntry(id)) ?? (await l.getArticle(id).then((a) => (a ? asEntry(a) : null)));
    if (!entry) return [];
    similarIds = (await relatedHits(entry, l.index, { limit: RELATED_KEEP })).map((h) => h.id);
    self = entry;
  }
  const byId = new Map((await l.getArticles([...linkedIds, ...similarIds])).map((a) => [a.id, a]));
  const out: Article[] = linkedIds.flatMap((x) => byId.get(x) ?? []);
  const root = self.duplicateOf ?? id;
  const stories = new Set(out.map((a) => a.storyId ?? a.id));
  if (self.storyId) stories.add(self.storyId);
  for (const x of similarIds) {
    if (out.length >= limit) break;
    const a = byId.get(x);
    if (!a || a.id === id || a.id === root || a.duplicateOf === root || a.duplicateOf === id) continue;
    const story = a.storyId ?? a.duplicateOf ?? a.id;
    if (stories.has(story)) continue;
    stories.add(story);
    out.push(a);
  }
  return out.slice(0, limit);
}

/** The SQL both backends run for `pageLinked` (one parameter, the article id, used twice). */
export const PAGE_LINKED_SQL = (p: string): string =>
  `SELECT id FROM articles WHERE related_to = ${p} UNION SELECT related_to AS id FROM articles WHERE id = ${p} AND related_to IS NOT NULL`;
