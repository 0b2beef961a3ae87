/**
 * Atom 1.0 (and 0.3) adapter: feedsmith's AtomFeed struct to the neutral `FeedInfo`.
 *
 * Why its own file: Atom says how each text is encoded (`type` text, html or xhtml),
 * links come as a list with `rel`, and an entry copied from elsewhere carries its
 * origin in <source>. Contract: picks fields only; content wins over summary, published
 * over updated, rel=alternate over other links.
 */
import type { AtomFeed } from 'feedsmith';
import { first, type FeedInfo, type FeedItem } from './item.ts';

type Link = AtomFeed.Link<string>;

function alternate(links: Link[] | undefined): string | null {
  const l = links?.find((x) => !x.rel || x.rel === 'alternate') ?? links?.find((x) => x.rel !== 'self');
  return l?.href?.trim() || null;
}

function body(e: AtomFeed.Entry<string>): { html: string | null; text: string | null } {
  const c = e.content?.value?.trim() ? e.content : e.summary;
  if (!c?.value) return { html: null, text: null };
  return c.type === 'html' || c.type === 'xhtml' || c.type?.includes('html') ? { html: c.value, text: null } : { html: null, text: c.value };
}

function item(e: AtomFeed.Entry<string>): FeedItem {
  const { html, text } = body(e);
  return {
    id: e.id?.trim() || null,
    title: e.title?.value ?? null,
    html,
    text,
    link: alternate(e.links),
    date: e.published ?? e.updated ?? first(e.dc?.dates),
    author: first(e.authors?.map((a) => a.name ?? '')) ?? first(e.dc?.creators),
    tags: (e.categories ?? []).map((c) => c.label ?? c.term ?? ''),
    source: e.source?.title?.value ?? null,
    lang: e.xml?.lang ?? null,
  };
}

export function fromAtom(feed: AtomFeed.Feed<string>): FeedInfo {
  return {
    title: feed.title?.value ?? null,
    link: alternate(feed.links),
    lang: feed.xml?.lang ?? null,
    items: (feed.entries ?? []).map(item),
  };
}
