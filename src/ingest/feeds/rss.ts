/**
 * RSS 0.9x/2.0 adapter: feedsmith's RssFeed struct (and the extras feedsmith does not
 * keep, extras.ts) to the neutral `FeedInfo`.
 *
 * Why its own file: each format's quirks stay with its raw struct (Miniflux style).
 * Contract: picks fields only; cleaning happens in item.ts. The body is content:encoded
 * when present (the full text), else an XHTML `<body>` or `<fullitem>`, else description,
 * else dc:description; the date is pubDate, else dc:date, else dcterms:issued, created or
 * modified; the author is <author>, else dc:creator, else dc:author — `Name (email)` gives
 * the name; a permalink guid stands in for a missing link.
 */
import type { RssFeed } from 'feedsmith';
import { first, type FeedInfo, type FeedItem } from './item.ts';
import { fromExtras, pairExtras, personName, type ItemExtras } from './extras.ts';

function item(i: RssFeed.Item<string>, ex: ItemExtras | null): FeedItem {
  const guid = i.guid?.value?.trim() || null;
  const guidIsLink = guid != null && i.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid);
  const author = i.authors?.find((a) => a.name || a.email);
  return {
    id: guid,
    title: i.title ?? first(i.dc?.titles),
    html: i.content?.encoded?.trim() || ex?.body || i.description || first(i.dc?.descriptions),
    text: null,
    link: i.link?.trim() || (guidIsLink ? guid : null),
    date: i.pubDate ?? first(i.dc?.dates) ?? first(i.dcterms?.issued) ?? first(i.dcterms?.created) ?? first(i.dcterms?.modified),
    author: author?.name ?? author?.email ?? personName(first(i.dc?.creators)) ?? personName(ex?.author),
    tags: [...(i.categories ?? []).map((c) => c.name ?? ''), ...(i.dc?.subjects ?? [])],
    source: i.source?.title ?? first(i.dc?.sources),
    lang: first(i.dc?.languages),
  };
}

export function fromRss(feed: RssFeed.Feed<string>, extras: ItemExtras[] | null = null): FeedInfo {
  const alternate = feed.atom?.links?.find((l) => !l.rel || l.rel === 'alternate')?.href;
  const items = feed.items ?? [];
  const paired = extras ? pairExtras(items, extras) : null;
  return {
    title: feed.title ?? first(feed.dc?.titles),
    link: feed.link ?? alternate ?? null,
    lang: feed.language ?? first(feed.dc?.languages),
    items: paired ? [...paired.pairs.map(([i, ex]) => item(i, ex)), ...paired.orphans.map(fromExtras)] : items.map((i) => item(i, null)),
  };
}
