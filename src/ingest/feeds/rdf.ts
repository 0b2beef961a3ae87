/**
 * RSS 1.0 (RDF) adapter: feedsmith's RdfFeed struct to the neutral `FeedInfo`.
 *
 * Why its own file: RSS 1.0 keeps most metadata in Dublin Core (dc:date, dc:creator,
 * dc:subject, dc:source) and identifies items by rdf:about. Contract: picks fields only.
 */
import type { RdfFeed } from 'feedsmith';
import { first, type FeedInfo, type FeedItem } from './item.ts';

function item(i: RdfFeed.Item<string>): FeedItem {
  return {
    id: i.rdf?.about?.trim() || null,
    title: i.title ?? first(i.dc?.titles),
    html: i.content?.encoded?.trim() || i.description || first(i.dc?.descriptions),
    text: null,
    link: i.link?.trim() || i.rdf?.about?.trim() || null,
    date: first(i.dc?.dates) ?? first(i.dcterms?.issued),
    author: first(i.dc?.creators),
    tags: i.dc?.subjects ?? [],
    source: first(i.dc?.sources) ?? first(i.dc?.publishers),
    lang: first(i.dc?.languages),
  };
}

export function fromRdf(feed: RdfFeed.Feed<string>): FeedInfo {
  return {
    title: feed.title ?? first(feed.dc?.titles),
    link: feed.link ?? null,
    lang: first(feed.dc?.languages),
    items: (feed.items ?? []).map(item),
  };
}
