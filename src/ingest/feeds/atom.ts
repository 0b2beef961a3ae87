/**
 * Atom 1.0 (and 0.3) adapter: feedsmith's AtomFeed struct (and the extras it does not
 * keep, extras.ts) to the neutral `FeedInfo`.
 *
 * Why its own file: Atom says how each text is encoded (`type` text, html or xhtml; in
 * 0.3 also `mode="base64"`), links come as a list with `rel`, and an entry copied from
 * elsewhere carries its origin in <source>. Contract: picks fields only; content wins over
 * summary, published over updated (then dc:date, dcterms:issued, dcterms:modified),
 * rel=alternate over other links. Base64 is decoded: Atom 0.3 `mode="base64"` titles and
 * bodies, and Atom 1.0 content whose type is neither text, HTML nor XML (RFC 4287
 * §4.1.3.3). A title declared `type="text"` is literal: `<b>` in it is text, not markup.
 */
import type { AtomFeed } from 'feedsmith';
import { first, type FeedInfo, type FeedItem } from './item.ts';
import { fromBase64, pairExtras, personName, type ItemExtras } from './extras.ts';

type Link = AtomFeed.Link<string>;
type Text = { value?: string; type?: string };

function alternate(links: Link[] | undefined): string | null {
  const l = links?.find((x) => !x.rel || x.rel === 'alternate') ?? links?.find((x) => x.rel !== 'self');
  return l?.href?.trim() || null;
}

const isHtml = (type: string | undefined) => type === 'html' || type === 'xhtml' || (type?.includes('html') ?? false);
/** RFC 4287 §4.1.3.3: a type that is not text, HTML or XML means base64 content. */
const isBase64Type = (type: string | undefined) =>
  !!type && type.includes('/') && !/^text\/|[+/]xml$|html/i.test(type);

/** The value of a text construct, decoded from base64 when it says so. */
function valueOf(c: Text | undefined, base64: boolean): { value: string; type: string | undefined } | null {
  if (!c?.value) return null;
  if (base64 || isBase64Type(c.type)) {
    const decoded = fromBase64(c.value);
    if (decoded === null) return null;
    // Decoded base64 of a non-text type: markup when it looks like markup.
    const type = isBase64Type(c.type) && /<\/?[a-z][^>]*>/i.test(decoded) ? 'html' : c.type;
    return { value: decoded, type };
  }
  return { value: c.value, type: c.type };
}

function body(e: AtomFeed.Entry<string>, ex: ItemExtras | null): { html: string | null; text: string | null } {
  const content = valueOf(e.content, ex?.base64.content ?? false);
  const c = content?.value.trim() ? content : valueOf(e.summary, ex?.base64.summary ?? false);
  if (!c?.value) return { html: null, text: null };
  return isHtml(c.type) ? { html: c.value, text: null } : { html: null, text: c.value };
}

function item(e: AtomFeed.Entry<string>, ex: ItemExtras | null): FeedItem {
  const { html, text } = body(e, ex);
  const title = valueOf(e.title, ex?.base64.title ?? false);
  return {
    id: e.id?.trim() || null,
    title: title?.value ?? null,
    titleIsText: title?.type === 'text' || title?.type === 'text/plain',
    html,
    text,
    link: alternate(e.links),
    date: e.published ?? e.updated ?? first(e.dc?.dates) ?? first(e.dcterms?.issued) ?? first(e.dcterms?.modified),
    author: first(e.authors?.map((a) => a.name ?? '')) ?? personName(first(e.dc?.creators)) ?? personName(ex?.author),
    tags: (e.categories ?? []).map((c) => c.label ?? c.term ?? ''),
    source: e.source?.title?.value ?? null,
    lang: e.xml?.lang ?? null,
  };
}

export function fromAtom(feed: AtomFeed.Feed<string>, extras: ItemExtras[] | null = null): FeedInfo {
  const entries = feed.entries ?? [];
  const paired = extras ? pairExtras(entries, extras) : null;
  return {
    title: feed.title?.value ?? null,
    link: alternate(feed.links),
    lang: feed.xml?.lang ?? null,
    items: paired ? paired.pairs.map(([e, ex]) => item(e, ex)) : entries.map((e) => item(e, null)),
  };
}
