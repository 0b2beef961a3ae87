/**
 * Maps Articles to `articles` rows and back, and computes the two hashes that decide
 * re-indexing (content_hash: exact title and text) and change (source_hash: every field
 * a source gives). Computed fields are JSON or NULL when absent. Shared by every backend:
 * `planUpsert` is the one place that decides unchanged / updated / re-indexed and builds
 * the row; a backend only writes it.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../model/article.ts';
import type { ArticleCard } from '../model/reader.ts';
import { canonicalUrl } from '../model/url.ts';
import { normalize } from '../arabic/index.ts';

export interface ArticleRow {
  seq: number;
  id: string;
  url: string | null;
  canonical_url: string | null;
  content_hash: string;
  source_hash: string;
  title: string;
  text: string;
  published_at: string | null;
  outlet: string | null;
  via: string | null;
  author: string | null;
  lang: string;
  tags: string;
  read_also: string;
  related_to: string | null;
  entities: string | null;
  keywords: string | null;
  story_id: string | null;
  duplicate_of: string | null;
  title_terms: string;
  /** Absent in SQLite rows written before migration 002. */
  title_norms?: string;
  created_at: string;
  updated_at: string;
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);

/**
 * Hash of the exact title and text: decides whether the index entry must be rebuilt.
 * (Identity without a URL is the id itself, derived from the normalized content.)
 */
export function contentHash(a: Pick<Article, 'title' | 'text'>): string {
  return sha(`${a.title}\n${a.text}`);
}

/**
 * Hash of every source-given field: equal hashes mean nothing to write. The URL counts by
 * its canonical form, so `…/slug.html?weekly` after `…/slug.html` is no change; the date
 * is the effective one (see `effectiveDate`).
 */
export function sourceHash(a: Article, canon: string | null, publishedAt: string | null): string {
  return sha(
    JSON.stringify([canon ?? a.url, a.title, a.text, publishedAt, a.outlet, a.via, a.author, a.lang, a.tags, a.readAlso, a.relatedTo]),
  );
}

/**
 * The publication time to store. Copies of one unchanged article often carry different
 * times (crawl times, feed vs page): the earliest known wins, and a missing one never
 * erases a known one, so re-importing in any order changes nothing. A changed text takes
 * the incoming time.
 */
export function effectiveDate(incoming: string | null, stored: string | null | undefined, sameText: boolean): string | null {
  if (stored === undefined) return incoming;
  if (!sameText) return incoming ?? stored;
  if (incoming === null) return stored;
  if (stored === null) return incoming;
  return incoming < stored ? incoming : stored;
}

export function canonicalOf(a: Pick<Article, 'url'>): string | null {
  return a.url ? canonicalUrl(a.url) : null;
}

/**
 * What `planUpsert` hashes of an article, computable away from the store (a pooled import's
 * worker threads; pipeline/prepare.ts): its canonical URL, content hash, and source hash for
 * its own `publishedAt` (the date stored unless a stored copy's date wins, see `effectiveDate`).
 */
export interface RowHashes {
  canon: string | null;
  content: string;
  source: string;
}

export function rowHashes(a: Article): RowHashes {
  const canon = canonicalOf(a);
  return { canon, content: contentHash(a), source: sourceHash(a, canon, a.publishedAt) };
}

const attachedHashes = new WeakMap<Article, { h: RowHashes; of: Article }>();

/**
 * Attaches `rowHashes(a)`, computed elsewhere, to `a`, which the upsert then does not hash
 * again. The article is treated as immutable after this (the pipeline never changes one in
 * place); a copy with other fields does not carry them.
 */
export function attachRowHashes(a: Article, h: RowHashes): void {
  attachedHashes.set(a, { h, of: { ...a } });
}

const SOURCE_FIELDS = ['url', 'title', 'text', 'publishedAt', 'outlet', 'via', 'author', 'lang', 'tags', 'readAlso', 'relatedTo'] as const;

/** The hashes attached to `a`, when every field they were computed from is still the same value. */
function hashesOf(a: Article): RowHashes | undefined {
  const x = attachedHashes.get(a);
  return x && SOURCE_FIELDS.every((k) => x.of[k] === a[k]) ? x.h : undefined;
}

/** `canonicalOf(a)`, from attached hashes when present. */
export function articleCanon(a: Article): string | null {
  return hashesOf(a)?.canon ?? canonicalOf(a);
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** The computed fields as their column values (undefined stays undefined: not given). */
export function computedColumns(a: Article): Partial<Pick<ArticleRow, 'entities' | 'keywords' | 'story_id' | 'duplicate_of'>> {
  const out: Partial<Pick<ArticleRow, 'entities' | 'keywords' | 'story_id' | 'duplicate_of'>> = {};
  if (a.entities !== undefined) out.entities = json(a.entities);
  if (a.keywords !== undefined) out.keywords = json(a.keywords);
  if (a.storyId !== undefined) out.story_id = a.storyId;
  if (a.duplicateOf !== undefined) out.duplicate_of = a.duplicateOf;
  return out;
}

function parseJson<T>(s: string | null, fallback: T): T {
  if (s === null) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

export function rowToArticle(r: ArticleRow): Article {
  const a: Article = {
    id: r.id,
    url: r.url,
    title: r.title,
    text: r.text,
    publishedAt: r.published_at,
    outlet: r.outlet,
    via: r.via,
    author: r.author,
    lang: r.lang,
    tags: parseJson<string[]>(r.tags, []),
    readAlso: parseJson<Article['readAlso']>(r.read_also, []),
    relatedTo: r.related_to,
  };
  if (r.entities !== null) a.entities = parseJson<NonNullable<Article['entities']>>(r.entities, []);
  if (r.keywords !== null) a.keywords = parseJson<string[]>(r.keywords, []);
  if (r.story_id !== null) a.storyId = r.story_id;
  if (r.duplicate_of !== null) a.duplicateOf = r.duplicate_of;
  // A grouped article says `duplicateOf: null` outright when it is the earliest copy: one
  // shape on every backend and every read (API, `marsad article --json`, by id or by URL).
  else if (r.story_id !== null) a.duplicateOf = null;
  return a;
}

/** The columns a card reads (the same names on every backend). */
export const CARD_COLUMNS = 'id, title, lang, outlet, published_at';
export type CardRow = Pick<ArticleRow, 'id' | 'title' | 'lang' | 'outlet' | 'published_at'>;

/** Cards of `ids` from rows read in any order: in the order given, each once, unknown ids skipped. */
export function cardsInOrder(ids: string[], rows: CardRow[]): ArticleCard[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: ArticleCard[] = [];
  for (const id of new Set(ids)) {
    const r = byId.get(id);
    if (r) out.push({ id: r.id, title: r.title, lang: r.lang, outlet: r.outlet, publishedAt: r.published_at });
  }
  return out;
}

/** A tag as the tag filter compares it: normalized, whitespace folded. */
export function normalizeTag(tag: string): string {
  return normalize(tag).replace(/\s+/gu, ' ').trim();
}

/** What an upsert reads of the stored row it matched. */
export type Existing = Pick<
  ArticleRow,
  'seq' | 'id' | 'source_hash' | 'content_hash' | 'entities' | 'keywords' | 'story_id' | 'duplicate_of' | 'created_at' | 'title_terms' | 'title_norms' | 'published_at'
>;
export const EXISTING_COLUMNS = 'seq, id, source_hash, content_hash, entities, keywords, story_id, duplicate_of, created_at, title_terms, title_norms, published_at';

/** The written columns, in the order backends bind them. */
export const ARTICLE_COLUMNS = [
  'id', 'url', 'canonical_url', 'content_hash', 'source_hash', 'title', 'text', 'published_at', 'outlet', 'via',
  'author', 'lang', 'tags', 'read_also', 'related_to', 'entities', 'keywords', 'story_id', 'duplicate_of',
  'title_terms', 'title_norms', 'created_at', 'updated_at',
] as const;
export type Columns = Omit<ArticleRow, 'seq' | 'title_norms'> & { title_norms: string };

export type UpsertPlan = { unchanged: true; id: string } | { unchanged: false; reindex: boolean; row: Columns };

/**
 * Decides what upserting `a` over the stored row `old` (matched by canonical URL, else id)
 * does: nothing when neither its source fields nor its computed fields changed; else the
 * full row, keeping the stored id and creation time, and keeping stored computed fields
 * the article left undefined unless its words changed (`reindex`). `titleOf` is called
 * only when re-indexing, for the title's index terms and their surface forms.
 */
export function planUpsert(a: Article, old: Existing | undefined, titleOf: () => { terms: string; norms: string }, now = new Date().toISOString()): UpsertPlan {
  const given = hashesOf(a);
  const canon = given ? given.canon : canonicalOf(a);
  const chash = given?.content ?? contentHash(a);
  const published = effectiveDate(a.publishedAt, old?.published_at, old?.content_hash === chash);
  const shash = given && published === a.publishedAt ? given.source : sourceHash(a, canon, published);
  const computed = computedColumns(a);
  if (old && old.source_hash === shash) {
    const changed = (Object.keys(computed) as Array<keyof typeof computed>).some((k) => computed[k] !== old[k]);
    if (!changed) return { unchanged: true, id: old.id };
  }
  const reindex = !old || old.content_hash !== chash;
  const keep = old && !reindex;
  const title = reindex ? titleOf() : null;
  const kept = <K extends 'entities' | 'keywords' | 'story_id' | 'duplicate_of'>(k: K) => (computed[k] !== undefined ? computed[k]! : keep ? old[k] : null);
  return {
    unchanged: false,
    reindex,
    row: {
      id: old?.id ?? a.id,
      url: a.url,
      canonical_url: canon,
      content_hash: chash,
      source_hash: shash,
      title: a.title,
      text: a.text,
      published_at: published,
      outlet: a.outlet,
      via: a.via,
      author: a.author,
      lang: a.lang,
      tags: JSON.stringify(a.tags),
      read_also: JSON.stringify(a.readAlso),
      related_to: a.relatedTo,
      entities: kept('entities'),
      keywords: kept('keywords'),
      story_id: kept('story_id'),
      duplicate_of: kept('duplicate_of'),
      title_terms: title?.terms ?? old?.title_terms ?? '',
      title_norms: title?.norms ?? old?.title_norms ?? '',
      created_at: old?.created_at ?? now,
      updated_at: now,
    },
  };
}
