/**
 * RSS 1.0 (RDF) adapter: feedsmith's RdfFeed struct to the neutral `FeedInfo`.
 *
 * Why its own file: RSS 1.0 keeps most metadata in Dublin Core (dc:date, dc:creator,
 * dc:subject, dc:source) and identifies items by rdf:about. Contract: picks fields only;
 * `Name (email)` creators give the name; dc:author (extras.ts) stands in for dc:creator.
 */
import type { RdfFeed } from 'feedsmith';
import { first, type FeedInfo, type FeedItem } from './item.ts';
import { pairExtras, personName, type ItemExtras } from './extras.ts';

function item(i: RdfFeed.Item<string>, ex: ItemExtras | null): FeedItem {
  return {
    id: i.rdf?.about?.trim() || null,
    title: i.title ?? first(i.dc?.titles),
    html: i.content?.encoded?.trim() || ex?.body || i.description || first(i.dc?.descriptions),
    text: null,
    link: i.link?.trim() || i.rdf?.about?.trim() || null,
    date: first(i.dc?.dates) ?? first(i.dcterms?.issued) ?? first(i.dcterms?.created) ?? first(i.dcterms?.modified),
    author: personName(first(i.dc?.creators)) ?? personName(ex?.author),
    tags: i.dc?.subjects ?? [],
    source: first(i.dc?.sources) ?? first(i.dc?.publishers),
    lang: first(i.dc?.languages),
  };
}

export function fromRdf(feed: RdfFeed.Feed<string>, extras: ItemExtras[] | null = null): FeedInfo {
  const items = feed.items ?? [];
  const paired = extras ? pairExtras(items, extras) : null;
  return {
    title: feed.title ?? first(feed.dc?.titles),
    link: feed.link ?? null,
    lang: first(feed.dc?.languages),
    items: paired ? paired.pairs.map(([i, ex]) => item(i, ex)) : items.map((i) => item(i, null)),
  };
}
