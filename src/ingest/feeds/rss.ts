/**
 * RSS 0.9x/2.0 adapter: feedsmith's RssFeed struct to the neutral `FeedInfo`.
 *
 * Why its own file: each format's quirks stay with its raw struct (Miniflux style).
 * Contract: picks fields only; cleaning happens in item.ts. The body is content:encoded
 * when present (the full text), else description; the date is pubDate, else dc:date;
 * the author is <author>, else dc:creator; a permalink guid stands in for a missing link.
 */
import type { RssFeed } from 'feedsmith';
import { first, type FeedInfo, type FeedItem } from './item.ts';

function item(i: RssFeed.Item<string>): FeedItem {
  const guid = i.guid?.value?.trim() || null;
  const guidIsLink = guid != null && i.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid);
  const author = i.authors?.find((a) => a.name || a.email);
  return {
    id: guid,
    title: i.title ?? first(i.dc?.titles),
    html: i.content?.encoded?.trim() || i.description || null,
    text: null,
    link: i.link?.trim() || (guidIsLink ? guid : null),
    date: i.pubDate ?? first(i.dc?.dates),
    author: author?.name ?? author?.email ?? first(i.dc?.creators),
    tags: [...(i.categories ?? []).map((c) => c.name ?? ''), ...(i.dc?.subjects ?? [])],
    source: i.source?.title ?? first(i.dc?.sources),
    lang: first(i.dc?.languages),
  };
}

export function fromRss(feed: RssFeed.Feed<string>): FeedInfo {
  const alternate = feed.atom?.links?.find((l) => !l.rel || l.rel === 'alternate')?.href;
  return {
    title: feed.title ?? first(feed.dc?.titles),
    link: feed.link ?? alternate ?? null,
    lang: feed.language ?? first(feed.dc?.languages),
    items: (feed.items ?? []).map(item),
  };
}
