/**
 * What publishers write that feedsmith's structs do not keep: Atom 0.3 `mode="base64"`
 * (the attribute is dropped, the value left encoded), `dc:author` (not a Dublin Core
 * element, but written), and an XHTML `<body>` / `<xhtml:body>` or a `<fullitem>` as an
 * RSS item's body (an item holding only such a body is dropped by feedsmith altogether).
 *
 * Why a second read and not a hand-written parser: fast-xml-parser (the parser feedsmith
 * itself runs on, with the same safe settings: no entity expansion, no DOCTYPE) reads the
 * items again, but only when the text shows one of these forms, so ordinary feeds pay
 * nothing. The extras are matched to feedsmith's items by position (feedsmith keeps the
 * order, and drops only items with nothing it knows). Contract: never throws; null when
 * the items cannot be matched.
 */
import { XMLParser } from 'fast-xml-parser';
import { decodeXML } from 'entities';
import type { FeedItem } from './item.ts';

export interface ItemExtras {
  /** Atom 0.3 `mode="base64"` on the title, content or summary. */
  base64: { title: boolean; content: boolean; summary: boolean };
  /** `dc:author`, entities decoded. */
  author: string | null;
  /** An XHTML body or `fullitem`, as HTML. */
  body: string | null;
  /** The item's plain fields, for an item feedsmith dropped (only a body). */
  title: string | null;
  link: string | null;
  date: string | null;
  /** Whether feedsmith would have kept the item (it has an element feedsmith reads). */
  known: boolean;
}

const MARKERS = /\smode\s*=\s*["']base64["']|<dc:author[\s>]|<(?:[\w-]+:)?body[\s>]|<(?:[\w-]+:)?fullitem[\s>]/i;

/** Whether `text` holds any form only the extras read. */
export const needsExtras = (text: string): boolean => MARKERS.test(text);

const parser = new XMLParser({
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: false,
  ignorePiTags: true,
  ignoreDeclaration: true,
  attributeNamePrefix: '@',
  removeNSPrefix: false,
  transformTagName: (name) => name.toLowerCase(),
  stopNodes: ['*.body', '*.xhtml:body', '*.fullitem'],
  isArray: (name) => name === 'item' || name === 'entry',
});

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const one = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/** The text of an element (string, or an object with `#text`), entities and CDATA decoded. */
function textOf(v: unknown): string | null {
  const x = one(v);
  const raw = typeof x === 'string' ? x : isNode(x) && typeof x['#text'] === 'string' ? x['#text'] : null;
  if (raw == null) return null;
  const s = raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, c: string) => c.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  return decodeXML(s).trim() || null;
}

const isB64 = (v: unknown) => isNode(one(v)) && String((one(v) as Node)['@mode'] ?? '').toLowerCase() === 'base64';

/** Elements the extras read; an item holding nothing else is one feedsmith drops. */
const EXTRA_KEYS = /^(?:(?:[\w-]+:)?body|(?:[\w-]+:)?fullitem|dc:author|#text)$/;

/** The raw body markup: prefixes of the XHTML namespace dropped (`xhtml:p` → `p`). */
function bodyOf(item: Node): string | null {
  for (const [k, v] of Object.entries(item)) {
    if (!/^(?:[\w-]+:)?(?:body|fullitem)$/.test(k)) continue;
    const x = one(v);
    const raw = typeof x === 'string' ? x : isNode(x) && typeof x['#text'] === 'string' ? x['#text'] : '';
    if (!raw.trim()) continue;
    // `fullitem` holds escaped HTML (like description); `body` holds XHTML elements.
    if (k.endsWith('fullitem')) return textOf(raw);
    return raw.replace(/<(\/?)[\w-]+:/g, '<$1');
  }
  return null;
}

function itemsOf(doc: Node): Node[] | null {
  const feed = one(doc.feed);
  if (isNode(feed)) return (feed.entry as Node[] | undefined) ?? [];
  const rss = one(doc.rss);
  if (isNode(rss)) {
    const channel = one(rss.channel);
    return isNode(channel) ? ((channel.item as Node[] | undefined) ?? []) : [];
  }
  const rdf = one(doc['rdf:rdf']);
  if (isNode(rdf)) return (rdf.item as Node[] | undefined) ?? [];
  return null;
}

/** The extras of every item, in document order; null when the text cannot be read. */
export function readExtras(text: string): ItemExtras[] | null {
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch {
    return null;
  }
  const items = isNode(doc) ? itemsOf(doc) : null;
  if (!items) return null;
  return items.filter(isNode).map((it) => ({
    base64: { title: isB64(it.title), content: isB64(it.content), summary: isB64(it.summary) },
    author: textOf(it['dc:author']),
    body: bodyOf(it),
    title: textOf(it.title),
    link: textOf(it.link) ?? textOf(it.guid),
    date: textOf(it.pubdate) ?? textOf(it['dc:date']) ?? textOf(it['dcterms:issued']),
    known: Object.keys(it).some((k) => !k.startsWith('@') && !EXTRA_KEYS.test(k)),
  }));
}

/**
 * Pairs feedsmith's items with the extras read for the same document: by position when
 * the counts agree, else by position among the items feedsmith keeps (those with an
 * element it reads). Items feedsmith dropped come back as `orphans`. Null when no pairing
 * holds.
 */
export function pairExtras<T>(items: T[], extras: ItemExtras[]): { pairs: Array<[T, ItemExtras | null]>; orphans: ItemExtras[] } | null {
  if (extras.length === items.length) return { pairs: items.map((it, i) => [it, extras[i]!]), orphans: [] };
  const known = extras.filter((e) => e.known);
  if (known.length !== items.length) return null;
  return { pairs: items.map((it, i) => [it, known[i]!]), orphans: extras.filter((e) => !e.known) };
}

/** A base64 value decoded as UTF-8 text, or null when it is not base64 of text. */
export function fromBase64(v: string | null | undefined): string | null {
  if (!v) return null;
  const s = v.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) return null;
  const bytes = Buffer.from(s, 'base64');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.includes('\uFFFD') ? null : text;
}

/**
 * A person as feeds write one: `Name (email)`, `email (Name)` or `Name <email>` give the
 * name (the email is dropped, as for RSS `<author>`); anything else is kept as is.
 */
export function personName(s: string | null | undefined): string | null {
  if (!s?.trim()) return null;
  const t = s.trim();
  const email = String.raw`[^\s()<>@]+@[^\s()<>]+`;
  let m = new RegExp(String.raw`^(.+?)\s*\(\s*${email}\s*\)$`).exec(t);
  if (m) return m[1]!.trim();
  m = new RegExp(String.raw`^${email}\s*\(\s*(.+?)\s*\)$`).exec(t);
  if (m) return m[1]!.trim();
  m = new RegExp(String.raw`^(.+?)\s*<${email}>$`).exec(t);
  if (m) return m[1]!.trim();
  return t;
}

/** The item of an entry feedsmith dropped (one holding only a body), from its extras. */
export function fromExtras(ex: ItemExtras): FeedItem {
  return { id: null, title: ex.title, html: ex.body, text: null, link: ex.link, date: ex.date, author: personName(ex.author), tags: [], source: null, lang: null };
}
