/**
 * Splits text into word tokens, each with its original surface, its normalized form and
 * its UTF-16 offsets in the input.
 *
 * Why: SQLite's and Orama's tokenizers treat harakat as separators and split vowelled
 * words into letters; here harakat, tatweel and zero-width joiners are part of the word
 * they sit in, so `مُحَمَّدٌ` is one token whose `norm` is `محمد` and whose `surface`
 * (with its vowels) is what highlighting marks.
 *
 * Contract:
 * - An Arabic word is a run of Arabic letters with the marks, tatweel and zero-width
 *   characters inside it. A run of digits (ASCII, Arabic-Indic, Persian) is a number;
 *   `3.5`, `1,000` and `٣٫٥` stay whole (norm `3.5`, `1000`, `3.5`). A run of Latin
 *   letters and ASCII digits is one token (`G20`, `mp3`); a hyphen or apostrophe
 *   separates (`COVID-19` → `covid`, `19`, adjacent, so phrase queries still match).
 * - A change of script separates: `الـ24` → `24`, `بـCNN` → `cnn`. The bare clitic left
 *   in front (`الـ`, `بـ`, `والـ` …, written with tatweel or glued to the number) is
 *   dropped, since it is no word of its own.
 * - `norm` is `normalize(surface)` (numbers also drop thousands marks and write the
 *   decimal mark as `.`); tokens whose norm is empty are dropped. U+200B (zero-width
 *   space) separates words, the other zero-width and bidi marks do not.
 * - The scan works on char codes and allocates only per token.
 * - The last RECENT texts' tokens are kept (texts of at least RECENT_MIN chars: a person's
 *   name tokenized during enrichment neither is looked up nor pushes an article out): an
 *   import tokenizes each title and body for enrichment and again for the index analysis
 *   (src/pipeline/prepare.ts), and the second call is a copy of the array. Tokens are
 *   read-only (`readonly` fields), so callers share the token objects; each gets its own array.
 */
import { fromUnits, KEEP, normalize, TABLE } from './normalize.ts';

export interface Token {
  /** The word as written (original spelling, for display and highlighting). */
  readonly surface: string;
  /** The normalized form (see normalize.ts). */
  readonly norm: string;
  /** UTF-16 offsets of `surface` in the input. */
  readonly start: number;
  readonly end: number;
}

/* Character classes, one byte per char code below 0x0800 (the rest is classified by range). */
const OTHER = 0; // separator
const AR = 1; // Arabic letter
const MARK = 2; // inside-word mark: harakat, tatweel, zero-width joiners (never starts a word)
const DIGIT = 3; // ASCII or Eastern digit
const LATIN = 4; // Latin letter

const CLASS = new Uint8Array(0x800);
const setRange = (a: number, b: number, c: number): void => {
  CLASS.fill(c, a, b + 1);
};
setRange(0x30, 0x39, DIGIT);
setRange(0x41, 0x5a, LATIN);
setRange(0x61, 0x7a, LATIN);
setRange(0xc0, 0x24f, LATIN);
CLASS[0xd7] = OTHER; // ×
CLASS[0xf7] = OTHER; // ÷
setRange(0x300, 0x36f, MARK); // combining diacritics (Latin accents written apart)
setRange(0x610, 0x61a, MARK); // honorific and Quranic signs
setRange(0x620, 0x64a, AR);
CLASS[0x640] = MARK; // tatweel
setRange(0x64b, 0x65f, MARK); // harakat
setRange(0x660, 0x669, DIGIT);
setRange(0x66e, 0x66f, AR);
CLASS[0x670] = MARK; // superscript alef
setRange(0x671, 0x6d3, AR);
CLASS[0x6d5] = AR;
setRange(0x6d6, 0x6ed, MARK); // Quranic marks
setRange(0x6ee, 0x6ef, AR);
setRange(0x6f0, 0x6f9, DIGIT);
setRange(0x6fa, 0x6fc, AR);
CLASS[0x6ff] = AR;
CLASS[0x61c] = MARK; // Arabic letter mark (bidi)

function classOf(c: number): number {
  if (c < 0x800) return CLASS[c]!;
  if (c >= 0xfb50 && c <= 0xfdff) return c === 0xfd3e || c === 0xfd3f ? OTHER : AR; // presentation forms A
  if (c >= 0xfe70 && c <= 0xfefc) return AR; // presentation forms B
  if (c >= 0x1e00 && c <= 0x1eff) return LATIN; // Latin extended additional
  // ZWNJ, ZWJ, LRM/RLM, word joiner, BOM, bidi embeddings and isolates: part of the word.
  if (c === 0x200c || c === 0x200d || c === 0x200e || c === 0x200f || c === 0x2060 || c === 0xfeff) return MARK;
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return MARK;
  return OTHER;
}

/* Fast normalization for the common case: normalize.ts's per-code-unit TABLE for U+0000–U+07FF,
 * ASCII capitals lowered. Tokens holding anything else (presentation forms, combining hamza,
 * Latin beyond ASCII) go through `normalize` itself. */
const FAST = TABLE.slice(0, 0x800);
for (let c = 0x41; c <= 0x5a; c++) FAST[c] = c + 32;
/** Codes the fast path cannot decide alone (NFC composition, non-ASCII case folding). */
const slow = (c: number): boolean => (c >= 0x80 && c < 0x600) || (c >= 0x653 && c <= 0x655) || c >= 0x800;

const buf = new Uint16Array(256);

/**
 * Normalizes `surface`, which is text[start, end), through the fast map; falls back to
 * `normalize`. A surface the map leaves as it is is returned itself (no second copy).
 */
function normSpan(text: string, start: number, end: number, surface: string): string {
  if (end - start > buf.length) return normalize(surface);
  let n = 0;
  let changed = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (slow(c)) return normalize(surface);
    const m = FAST[c]!;
    if (m === KEEP) buf[n++] = c;
    else {
      changed = true;
      if (m !== 0) buf[n++] = m;
    }
  }
  if (!changed) return surface;
  return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
}

/** Normalized clitics that are dropped when glued to a number or a Latin word. */
const BARE_CLITICS = new Set(['ال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ب', 'ل', 'و', 'ف', 'ك', 'وب', 'ول']);

/** How many recent texts' tokens `tokenize` keeps (an article's title and body, and room for two more). */
export const RECENT = 4;
/** Shorter texts are tokenized afresh (names, queries: a lookup would cost about as much). */
export const RECENT_MIN = 40;
const recentText: string[] = [];
const recentTokens: Token[][] = [];

/** Splits `text` into tokens (see the module comment for the rules). */
export function tokenize(text: string): Token[] {
  if (text.length < RECENT_MIN) return scan(text);
  for (let r = 0; r < recentText.length; r++) if (recentText[r] === text) return recentTokens[r]!.slice();
  const out = scan(text);
  if (recentText.length === RECENT) {
    recentText.shift();
    recentTokens.shift();
  }
  recentText.push(text);
  recentTokens.push(out);
  return out.slice();
}

/** How many texts `tokenize` holds the tokens of now (at most RECENT; for its tests). */
export function recentTokenizations(): number {
  return recentText.length;
}

function scan(text: string): Token[] {
  const out: Token[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c0 = text.charCodeAt(i);
    const k = classOf(c0);
    if (k === OTHER || k === MARK) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1; // end of the last letter/digit (trailing bidi marks are not part of it)
    i++;
    if (k === AR) {
      while (i < len) {
        const c = text.charCodeAt(i);
        const kc = classOf(c);
        if (kc === AR) end = ++i;
        else if (kc === MARK) {
          i++;
          // harakat and tatweel belong to the surface; bidi and zero-width marks only inside.
          if ((c >= 0x64b && c <= 0x65f) || c === 0x640 || c === 0x670 || (c >= 0x610 && c <= 0x61a) || (c >= 0x6d6 && c <= 0x6ed)) end = i;
        } else break;
      }
      const surface = text.slice(start, end);
      const norm = normSpan(text, start, end, surface);
      // `الـ24`, `بـCNN`: a bare clitic glued to a number or Latin word is not a token.
      const next = i < len ? classOf(text.charCodeAt(i)) : OTHER;
      if ((next === DIGIT || next === LATIN || text.charCodeAt(end - 1) === 0x640) && BARE_CLITICS.has(norm)) continue;
      if (norm) out.push({ surface, norm, start, end });
    } else if (k === DIGIT) {
      let plain = true; // only digits (no separators)
      while (i < len) {
        const c = text.charCodeAt(i);
        if (classOf(c) === DIGIT) end = ++i;
        else if (isNumberSeparator(text, i)) {
          plain = false;
          i++;
        } else break;
      }
      const surface = text.slice(start, end);
      let norm = normSpan(text, start, end, surface);
      if (!plain) norm = numberNorm(norm);
      out.push({ surface, norm, start, end });
    } else {
      while (i < len) {
        const kc = classOf(text.charCodeAt(i));
        if (kc === LATIN || kc === DIGIT || (kc === MARK && text.charCodeAt(i) < 0x370)) end = ++i;
        else break;
      }
      const surface = text.slice(start, end);
      const norm = normSpan(text, start, end, surface);
      if (norm) out.push({ surface, norm, start, end });
    }
  }
  return out;
}

/**
 * Whether the char at `i` of `text` separates tokens (no word, number or mark class), or `i`
 * is past the end: a cut just before it leaves every token before it as in the whole text,
 * unless a number runs through it (search snippets cut text at such points).
 */
export function isSeparatorAt(text: string, i: number): boolean {
  return i >= text.length || classOf(text.charCodeAt(i)) === OTHER;
}

const isDigitAt = (text: string, i: number): boolean => i < text.length && classOf(text.charCodeAt(i)) === DIGIT;

/** A decimal mark (`.` `٫`) before a digit, or a thousands mark (`,` `٬`) before exactly three. */
function isNumberSeparator(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x2e || c === 0x66b) return isDigitAt(text, i + 1);
  if (c === 0x2c || c === 0x66c) return isDigitAt(text, i + 1) && isDigitAt(text, i + 2) && isDigitAt(text, i + 3) && !isDigitAt(text, i + 4);
  return false;
}

/** `1,000` → `1000`, `٣٫٥` → `3.5`: thousands separators go, the decimal mark becomes `.`. */
function numberNorm(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2c || c === 0x66c) continue;
    out += c === 0x66b ? '.' : s[i];
  }
  return out;
}

let foldBuf = new Uint16Array(4096);

/**
 * `text[from, to)` as the token norms read it, for a cheap substring probe (search
 * snippets): each char of a word class mapped through the fast normalization map (marks
 * it removes dropped), each separator written as a space. Null when the span holds a word
 * char the fast map cannot decide (a token holding one is normalized by `normalize`).
 *
 * Contract: every token of `tokenize(text.slice(from, to))` is either a number with
 * separators (`1,000`, `3.5`) or has a norm that occurs in the result; so a string found
 * in no such token is absent from the result only if no token's norm holds it.
 */
export function foldSpan(text: string, from: number, to: number): string | null {
  if (to - from > foldBuf.length) foldBuf = new Uint16Array(to - from);
  const b = foldBuf;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (classOf(c) === OTHER) {
      b[n++] = 0x20;
      continue;
    }
    if (slow(c)) return null;
    const m = FAST[c]!;
    if (m === KEEP) b[n++] = c;
    else if (m !== 0) b[n++] = m;
  }
  return fromUnits(b, n);
}
