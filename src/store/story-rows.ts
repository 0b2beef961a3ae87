/**
 * Row shapes and conversions of the stories tables, shared by every backend (the SQL
 * schemas are the same shape in sqlite/ and postgres/ migrations 010): an entry row back
 * to the StoryEntry the grouping works on, term lists stored space-joined, shingles as a
 * little-endian uint32 blob, times as epoch ms clamped to what a database integer holds.
 */
import type { RelatedCandidate, RelatedList, StoryEntry } from '../stories/index.ts';

export interface EntryRow {
  eid: number;
  id: string;
  time: number;
  outlet: string | null;
  title: string;
  exact: string | null;
  shingles: Buffer;
  terms: string;
  title_terms: string;
  lede_terms: string;
  entities: string;
  story_id: string;
  duplicate_of: string | null;
  /** Event days (migration 033), space-separated; '' for none. */
  days?: string;
}

export interface StoryRow {
  id: string;
  title: string;
  first_seen: string;
  last_seen: string;
  original_id: string;
  original_outlet: string | null;
  outlets: string;
  article_count: number;
}

/** Space-joined term lists (terms never contain spaces; any that would are dropped). */
export const words = (s: string): string[] => (s ? s.split(' ') : []);
export function join(xs: readonly string[]): string {
  // One test over all terms (an entry has hundreds) instead of one per term; the filter only when one fails it.
  if (!xs.includes('') && !/\s/u.test(xs.join(''))) return xs.join(' ');
  return xs.filter((x) => x && !/\s/u.test(x)).join(' ');
}

/** Time bounds as database integers (±Infinity would bind as REAL and compare oddly). */
export const clampTime = (t: number): number => (Number.isFinite(t) ? Math.trunc(t) : t > 0 ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER);
export const isoTime = (t: number): string => new Date(Math.min(8.64e15, Math.max(-8.64e15, t))).toISOString();

/**
 * The width of a band posting's span on SQLite (migration 034): its postings are keyed by
 * (span, band, time, eid), span = floor(time / BAND_SPAN_MS), so a batch writes into the
 * weeks it covers instead of all over the table.
 */
export const BAND_SPAN_MS = 7 * 24 * 3_600_000;
export const bandSpan = (time: number): number => Math.floor(time / BAND_SPAN_MS);

/** `<band>:<hex>` → band × 2^32 + hash; any other shape → a 52-bit FNV hash of the string. */
export function bandInt(key: string): number {
  const m = /^(\d{1,5}):([0-9a-f]{1,8})$/.exec(key);
  if (m) return Number(m[1]) * 2 ** 32 + parseInt(m[2]!, 16);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    h1 = Math.imul(h1 ^ key.charCodeAt(i), 0x01000193);
    h2 = Math.imul(h2 ^ key.charCodeAt(i), 0x5bd1e995);
  }
  return -(((h1 >>> 0) * 2 ** 20 + ((h2 >>> 0) & 0xfffff)) + 1); // negative: never a packed key
}

/** Shingle hashes to the stored blob (little-endian uint32) and back. */
export function shinglesToBlob(s: Uint32Array): Buffer {
  const b = Buffer.alloc(s.length * 4);
  for (let i = 0; i < s.length; i++) b.writeUInt32LE(s[i]!, i * 4);
  return b;
}

export function shinglesFromBlob(b: Buffer): Uint32Array {
  const out = new Uint32Array(b.byteLength >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = b.readUInt32LE(i * 4);
  return out;
}

/** Stored event days ('' or absent: none) and back. */
export const daysOf = (s: string | undefined): number[] => (s ? s.split(' ').map(Number) : []);
export const daysText = (d: readonly number[] | undefined): string => (d ?? []).join(' ');

/** A stored entry row back to the StoryEntry the grouping works on (bands and keys are not kept per entry). */
export function toEntry(r: EntryRow, fromBlob: (b: Buffer) => Uint32Array = shinglesFromBlob): StoryEntry {
  return {
    id: r.id,
    time: r.time,
    outlet: r.outlet,
    title: r.title,
    exact: r.exact,
    bands: [],
    shingles: fromBlob(r.shingles),
    terms: words(r.terms),
    titleTerms: words(r.title_terms),
    ledeTerms: words(r.lede_terms),
    entities: words(r.entities),
    days: daysOf(r.days),
    keys: [],
    storyId: r.story_id,
    duplicateOf: r.duplicate_of,
  };
}

/** A kept related list's row (migration 024): `list` is JSON [[id, score, group], …]. */
export interface RelatedRow {
  id: string;
  floor: number;
  list: string;
}

export const relatedListOf = (r: Pick<RelatedRow, 'floor' | 'list'>): RelatedList => ({
  floor: r.floor,
  items: (JSON.parse(r.list) as Array<[string, number, string]>).map(([id, score, group]) => ({ id, score, group })),
});

export const relatedListText = (l: RelatedList): string => JSON.stringify(l.items.map((x) => [x.id, x.score, x.group]));

/** A candidate's floor as RelatedCandidate carries it: null for no list, or one not computed yet (−1). */
export const candidateFloor = (floor: number | null | undefined): number | null => (floor === null || floor === undefined || floor < 0 ? null : floor);

/** A related candidate's row: its entry's terms and grouping, and its kept list's floor. */
export type FeatureRow = Pick<EntryRow, 'id' | 'time' | 'title_terms' | 'lede_terms' | 'entities' | 'story_id' | 'duplicate_of'> & { floor: number | null };
export const candidateOf = (r: FeatureRow): RelatedCandidate => ({
  id: r.id,
  time: Number(r.time),
  storyId: r.story_id,
  duplicateOf: r.duplicate_of,
  titleTerms: words(r.title_terms),
  ledeTerms: words(r.lede_terms),
  entities: words(r.entities),
  floor: candidateFloor(r.floor),
});
