/**
 * Duplicate fingerprints of an article: an exact hash and a MinHash/LSH sketch over
 * analyzed word shingles. Pure functions, no I/O, so a store can persist what they return.
 *
 * Why these parameters (measured in bench/stories, see README.md there): 3-word shingles
 * keep a short lede with one word changed at Jaccard ≈ 0.8 (5-word shingles drop it to
 * ≈ 0.64); 96 MinHash values in 32 bands of 3 rows make a pair a candidate with
 * probability 1 − (1 − J³)³² — 0.986 at J = 0.5, 0.88 at J = 0.4, 0.03 at J = 0.1.
 * Candidates are then verified on the real shingle sets (jaccard / containment), so LSH
 * only has to find them.
 *
 * Contract: empty or term-less input gives `exact: null`, no shingles and no band keys
 * (it can never be anyone's duplicate); the same text always gives the same fingerprint.
 */
import { createHash } from 'node:crypto';
import { normalize } from '../arabic/index.ts';

export interface FingerprintParams {
  /** Words per shingle. */
  shingle: number;
  /** LSH bands × rows = MinHash values. */
  bands: number;
  rows: number;
}

export const DEFAULT_PARAMS: Readonly<FingerprintParams> = Object.freeze({ shingle: 3, bands: 32, rows: 3 });

export interface Fingerprint {
  /** Hex SHA-256 (first 16 digits) of the folded body text; null when it is empty. */
  exact: string | null;
  /** Sorted, unique 32-bit shingle hashes. */
  shingles: Uint32Array;
  /** One LSH key per band (`<band>:<hex>`); empty when there are no shingles. */
  bands: string[];
}

/** Normalized text with every run of non-letters/digits folded to one space. */
export function foldText(text: string): string {
  return foldRuns(normalize(text));
}

/** Per UTF-16 code unit: 0 not yet known, 1 a letter or digit (\p{L}, \p{N}), 2 neither. */
const WORD_CLASS = new Uint8Array(0x10000);
const WORD = /[\p{L}\p{N}]/u;

let foldBuf = new Uint16Array(4096);

/**
 * `s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()` in one pass over char codes, each code's
 * class tested once per process (the regex path for a string with surrogates: there a
 * class belongs to the code point). Letters and digits are never white space, so the trim
 * only drops a run's space at either end.
 */
export function foldRuns(s: string): string {
  const n = s.length;
  if (foldBuf.length < n) foldBuf = new Uint16Array(n);
  const b = foldBuf;
  let w = 0;
  let gap = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let k = WORD_CLASS[c]!;
    if (k === 0) {
      if (c >= 0xd800 && c <= 0xdfff) return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      k = WORD_CLASS[c] = WORD.test(String.fromCharCode(c)) ? 1 : 2;
    }
    if (k === 2) gap = true;
    else {
      if (gap && w > 0) b[w++] = 0x20;
      gap = false;
      b[w++] = c;
    }
  }
  let out = '';
  for (let j = 0; j < w; j += 8192) out += String.fromCharCode.apply(null, b.subarray(j, Math.min(w, j + 8192)) as unknown as number[]);
  return out;
}

/** The exact-duplicate key: hash of the folded text, null when nothing is left. */
export function exactHash(text: string): string | null {
  const folded = foldText(text);
  return folded ? createHash('sha256').update(folded).digest('hex').slice(0, 16) : null;
}

function fmix32(x: number): number {
  let h = x;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Hashes of the k-word shingles of `terms`, sorted and unique. Fewer than k terms give one
 * shingle of all of them (a short text still has an identity); no terms give none.
 */
export function shingleSet(terms: readonly string[], k: number): Uint32Array {
  if (terms.length === 0) return new Uint32Array(0);
  const n = Math.max(1, terms.length - k + 1);
  const out = new Uint32Array(n);
  // FNV-1a over the UTF-16 code units of terms.slice(i, i + k).join(' '), finished with
  // murmur3's fmix32, without making the joined string
  for (let i = 0; i < n; i++) {
    const end = Math.min(i + k, terms.length);
    let h = 0x811c9dc5;
    for (let j = i; j < end; j++) {
      if (j > i) h = Math.imul(h ^ 0x20, 0x01000193);
      const t = terms[j]!;
      for (let c = 0; c < t.length; c++) h = Math.imul(h ^ t.charCodeAt(c), 0x01000193);
    }
    out[i] = fmix32(h);
  }
  out.sort();
  let w = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[w - 1]) out[w++] = out[i]!;
  return out.slice(0, w);
}

const SEEDS: number[] = [];
function seeds(n: number): number[] {
  for (let i = SEEDS.length; i < n; i++) SEEDS.push(fmix32((i + 1) * 0x9e3779b9));
  return SEEDS;
}

/** `n` MinHash values: the minimum of fmix32(x ⊕ seedᵢ) over the shingles, for each i. */
export function minhash(shingles: Uint32Array, n: number): Uint32Array {
  const s = seeds(n);
  const out = new Uint32Array(n);
  const m = shingles.length;
  // One seed at a time over all the shingles (seed and minimum stay in registers); the
  // minimum is kept offset by 2³¹ as a signed int (x ^ 0x80000000), so the comparison is
  // on int32: a < b unsigned iff (a ^ 2³¹) < (b ^ 2³¹) signed.
  for (let i = 0; i < n; i++) {
    const seed = s[i]! | 0;
    let min = 0x7fffffff;
    for (let j = 0; j < m; j++) {
      let h = shingles[j]! ^ seed;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h = h ^ (h >>> 16) ^ 0x80000000;
      if (h < min) min = h;
    }
    out[i] = (min ^ 0x80000000) >>> 0;
  }
  return out;
}

/** LSH band keys of a signature: `bands` groups of `rows` values, each hashed to one key. */
export function bandKeys(sig: Uint32Array, bands: number, rows: number): string[] {
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rows; r++) h = fmix32(Math.imul(h, 0x01000193) ^ sig[b * rows + r]!);
    keys.push(`${b}:${h.toString(16)}`);
  }
  return keys;
}

/** Fingerprint of an article body, given its analyzed terms (see `analyze`). */
export function fingerprint(text: string, terms: readonly string[], p: FingerprintParams = DEFAULT_PARAMS): Fingerprint {
  const shingles = shingleSet(terms, p.shingle);
  const bands = shingles.length ? bandKeys(minhash(shingles, p.bands * p.rows), p.bands, p.rows) : [];
  return { exact: exactHash(text), shingles, bands };
}

/** Size of the intersection of two sorted unique arrays. */
export function overlap(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Jaccard and containment (overlap over the smaller set) of two shingle sets. */
export function resemblance(a: Uint32Array, b: Uint32Array): { jaccard: number; containment: number } {
  if (a.length === 0 || b.length === 0) return { jaccard: 0, containment: 0 };
  const n = overlap(a, b);
  return { jaccard: n / (a.length + b.length - n), containment: n / Math.min(a.length, b.length) };
}
