/**
 * Renamed stories. A story is named after its earliest article (`s-<article id>`, the
 * order-independent grouping of src/stories/stable.ts), so it is renamed when an earlier
 * copy arrives, or when it merges with another. A link to the old name (a page, a feed
 * entry, an alert's webhook) still names one of its articles: it is sent on to the story
 * that article is in now.
 */
import type { ReaderStore } from './types.ts';

/** The current id of the story once named `id` (ask only when `id` names no story now); else null. */
export async function storyMovedTo(store: Pick<ReaderStore, 'getArticle'>, id: string): Promise<string | null> {
  if (!id.startsWith('s-')) return null;
  const a = await store.getArticle(id.slice(2));
  return a?.storyId && a.storyId !== id ? a.storyId : null;
}
