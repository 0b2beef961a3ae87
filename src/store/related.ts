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
import { asEntry, relatedHits } from '../stories/index.ts';

type MaybePromise<T> = T | Promise<T>;

export interface Grouping {
  storyId: string | null;
  duplicateOf: string | null;
}

/** `T`: what is read of each related article (whole articles, or cards for a list). */
export interface RelatedLookups<T extends { id: string }> {
  /** The article's story entry, if it was grouped. */
  getEntry(id: string): MaybePromise<StoryEntry | null>;
  getArticle(id: string): Promise<Article | null>;
  /** The items of these ids that exist (any order). */
  read(ids: string[]): Promise<T[]>;
  /** Ids of articles whose related_to is `id`, and the one `id`'s related_to names. */
  pageLinked(id: string): MaybePromise<string[]>;
  /** The article's kept list, if it has one. */
  relatedList(id: string): MaybePromise<RelatedList | null>;
  /** The current story and copy group of grouped articles, by id. */
  groupings(ids: string[]): MaybePromise<Map<string, Grouping>>;
  index: RelatedSource;
}

/** The number of related articles asked for, as served: 1–20, 5 when not a number. */
export const relatedLimit = (limit: number | undefined): number => Math.min(20, Math.max(1, Math.trunc(limit ?? 5) || 5));

/** The related articles of `id`, in order (page links first), at most `limit` of them. */
export async function selectRelated<T extends { id: string }>(id: string, limit: number, l: RelatedLookups<T>): Promise<T[]> {
  const linkedIds = (await l.pageLinked(id)).filter((x) => x !== id).slice(0, limit);
  const kept = await l.relatedList(id);
  if (!kept) return computeNow(id, limit, linkedIds, l);
  // The kept ids are filtered by the stories as they are now, then only the shown ones read.
  const ids = kept.items.map((x) => x.id);
  const g = await l.groupings([id, ...linkedIds, ...ids]);
  const self = g.get(id);
  if (!self) return [];
  const root = self.duplicateOf ?? id;
  const stories = new Set(linkedIds.map((x) => g.get(x)?.storyId ?? x));
  if (self.storyId) stories.add(self.storyId);
  const shown = [...linkedIds];
  for (const x of ids) {
    if (shown.length >= limit) break;
    const o = g.get(x);
    if (!o || x === id || x === root || o.duplicateOf === root || o.duplicateOf === id) continue;
    const story = o.storyId ?? o.duplicateOf ?? x;
    if (stories.has(story)) continue;
    stories.add(story);
    shown.push(x);
  }
  return inOrder(shown, l);
}

/** Without a kept list: the list computed now (an older database before its backfill, or an ungrouped article). */
async function computeNow<T extends { id: string }>(id: string, limit: number, linkedIds: string[], l: RelatedLookups<T>): Promise<T[]> {
  const entry = (await l.getEntry(id)) ?? (await l.getArticle(id).then((a) => (a ? asEntry(a) : null)));
  if (!entry) return [];
  const similar = (await relatedHits(entry, l.index, { limit })).map((h) => h.id);
  return inOrder([...linkedIds, ...similar.filter((x) => !linkedIds.includes(x))].slice(0, limit), l);
}

/** The items of `ids` that exist, in that order (one read). */
async function inOrder<T extends { id: string }>(ids: string[], l: RelatedLookups<T>): Promise<T[]> {
  const byId = new Map((await l.read(ids)).map((a) => [a.id, a]));
  return ids.flatMap((x) => byId.get(x) ?? []);
}

/** The SQL both backends run for `pageLinked` (one parameter, the article id, used twice). */
export const PAGE_LINKED_SQL = (p: string): string =>
  `SELECT id FROM articles WHERE related_to = ${p} UNION SELECT related_to AS id FROM articles WHERE id = ${p} AND related_to IS NOT NULL`;
