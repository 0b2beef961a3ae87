/**
 * JSON Feed 1.0/1.1 adapter: feedsmith's JsonFeed struct to the neutral `FeedInfo`.
 *
 * Why its own file: JSON Feed gives HTML and text bodies in separate fields, authors as
 * a list (1.1) or one `author` (1.0, mapped by feedsmith), and its own tags. Contract:
 * picks fields only; content_html wins over content_text, which wins over summary.
 */
import type { JsonFeed } from 'feedsmith';
import { first, type FeedInfo, type FeedItem } from './item.ts';

function item(i: JsonFeed.Item<string>): FeedItem {
  const html = i.content_html?.trim() || null;
  return {
    id: i.id != null ? String(i.id) : null,
    title: i.title ?? null,
    html,
    text: html ? null : (i.content_text ?? i.summary ?? null),
    link: i.url?.trim() || i.external_url?.trim() || null,
    date: i.date_published ?? i.date_modified ?? null,
    author: first(i.authors?.map((a) => a.name ?? '')),
    tags: i.tags ?? [],
    source: null,
    lang: i.language ?? null,
  };
}

export function fromJsonFeed(feed: JsonFeed.Feed<string>): FeedInfo {
  return {
    title: feed.title ?? null,
    link: feed.home_page_url ?? null,
    lang: feed.language ?? null,
    items: (feed.items ?? []).map(item),
  };
}
