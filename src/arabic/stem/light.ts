/**
 * The light stemmer: Larkey's light10 (clitics and suffixes, no roots) on normalized
 * Arabic, with guards learned from the corpus so that common words keep their letters.
 *
 * Why: light10 beat root-based and Snowball stemmers on the TREC Arabic tracks, but
 * applied blindly it strips the و of وزير, the ين of فلسطين and the ان of ايران (while
 * ايراني keeps it). The guard lists in guards.json, derived from SaudiNewsNet word
 * frequencies by bench/stem/build-guards.ts, veto a strip where the corpus shows the
 * letters belong to the word (rules and thresholds: README.md beside this file).
 *
 * Contract: input is a normalized token (Token.norm); output is its stem, the same with
 * and without the word's clitics (بلديه, البلديه, وبلديه). Non-Arabic tokens (numbers,
 * Latin) come back unchanged. Steps, each at most once:
 * 0. a word in `bases` (it takes the article in the corpus: بلديه, التزام, وحده) keeps its
 *    first letters: clitics stand before ال, never after it;
 * 1. a conjunction و when ≥ 3 letters remain, unless the word is in keepWaw (وزير);
 * 2. a definite article ال وال بال كال فال لل when ≥ 2 letters remain and the rest is not
 *    in alWords (له of الله), and giving back a word's own ال (بالتزام → التزام); else one
 *    preposition ب ك ل ف when ≥ 3 letters remain and the word is not in keepPrep (كتاب,
 *    لجنه), ل before ال read like the bare word (لالتزام → التزام, لالمانيا → مانيا);
 * 3. suffixes ها ان ات ون ين يه ه ي, checked once each in that order (two-letter ones
 *    when ≥ 3 letters remain, one-letter ones when ≥ 2 remain). A corpus word whose
 *    stripped form is not attested has its stem in `overrides` (فلسطين stays فلسطين);
 *    a strip stops at a place nisba in `stops` (ايرانيه → ايراني, not ايران) and never
 *    lands on a place name (رياضه stays رياضه, not the stem of الرياض).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rootUrl } from '../../paths.ts';

/** The guard lists (src/arabic/stem/guards.json). */
const GUARDS_URL = rootUrl('src/arabic/stem/guards.json');

export interface Guards {
  keepWaw: ReadonlySet<string>;
  keepPrep: ReadonlySet<string>;
  alWords: ReadonlySet<string>;
  /** لل + rest where the article's lam merged with the word's own: جنه → لجنه. */
  llWords: ReadonlySet<string>;
  /** Words that take the article, so no clitic is cut from them: بلديه, التزام, وحده. */
  bases: ReadonlySet<string>;
  stops: ReadonlySet<string>;
  overrides: ReadonlyMap<string, string>;
}

interface GuardsFile {
  keepWaw: string[];
  keepPrep: string[];
  alWords: string[];
  llWords: string[];
  bases?: string[];
  stops: string[];
  overrides: Record<string, string>;
}

/** Loads guards.json (beside this file). */
export function loadGuards(url: URL = GUARDS_URL): Guards {
  const g = JSON.parse(readFileSync(url, 'utf8')) as GuardsFile;
  return {
    keepWaw: new Set(g.keepWaw),
    keepPrep: new Set(g.keepPrep),
    alWords: new Set(g.alWords),
    llWords: new Set(g.llWords),
    bases: new Set(g.bases ?? []),
    stops: new Set(g.stops),
    overrides: new Map(Object.entries(g.overrides)),
  };
}

const ALEF = 0x627;
const LAM = 0x644;
const WAW = 0x648;
const BEH = 0x628;
const KAF = 0x643;
const FEH = 0x641;

export const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;

const isArabicLetter = (c: number): boolean => c >= 0x621 && c <= 0x64a;

/** Steps 1 and 2: the word without its conjunction, article or preposition. */
export function prefixBase(norm: string, g: Guards): string {
  let w = norm;
  if (g.bases.has(w)) return w;
  if (w.charCodeAt(0) === WAW && w.length >= 4 && !g.keepWaw.has(w)) {
    w = w.slice(1);
    if (g.bases.has(w)) return w;
  }
  const c0 = w.charCodeAt(0);
  const c1 = w.charCodeAt(1);
  let n = 0; // length of a definite-article prefix
  if (c0 === ALEF && c1 === LAM) n = 2;
  else if ((c0 === WAW || c0 === BEH || c0 === KAF || c0 === FEH) && c1 === ALEF && w.charCodeAt(2) === LAM) n = 3;
  else if (c0 === LAM && c1 === LAM) n = 2;
  if (n > 0 && w.length - n >= 2) {
    const rest = w.slice(n);
    // بال + تزام is ب + التزام: the ال belongs to a word that takes the article itself.
    if (n === 3 && g.bases.has('ال' + rest)) return 'ال' + rest;
    if (n === 2 && c0 === LAM && g.llWords.has(rest)) return 'ل' + rest;
    if (!g.alWords.has(rest)) return rest;
  }
  if ((c0 === BEH || c0 === KAF || c0 === LAM || c0 === FEH) && w.length >= 4 && !g.keepPrep.has(w)) {
    // ل + ال whose alef fell (للمانيا): give back the article the word keeps.
    if (n === 2 && c0 === LAM) return 'ال' + w.slice(2);
    const r = w.slice(1);
    // ل before a word's own ال (لالتزام), else before a word read as article + rest
    // like its bare form (لالمانيا → مانيا, as المانيا → مانيا).
    if (c0 === LAM && r.charCodeAt(0) === ALEF && r.charCodeAt(1) === LAM && r.length >= 4 && !g.bases.has(r) && !g.alWords.has(r.slice(2))) return r.slice(2);
    return r;
  }
  return w;
}

/** Step 3 by rule: the successive forms as suffixes come off (يه gives two forms). */
export function suffixPath(base: string): string[] {
  const path = [base];
  let w = base;
  for (const s of SUFFIXES) {
    if (!w.endsWith(s) || w.length - s.length < (s.length === 2 ? 3 : 2)) continue;
    if (s === 'يه') path.push(w.slice(0, -1));
    w = w.slice(0, w.length - s.length);
    path.push(w);
  }
  return path;
}

/**
 * Where a strip lands on a stop, at step i of the path: a nisba (ends in ي) is the stem;
 * a place name is not (رياضه is no form of الرياض), so the form before it is.
 */
export function stopAt(path: readonly string[], i: number, g: Guards): string | undefined {
  const w = path[i]!;
  if (!g.stops.has(w)) return undefined;
  return w.endsWith('ي') ? w : path[i - 1];
}

/** Each suffix's last and (two-letter ones) first code, in SUFFIXES order; يه is index 5. */
const SUFFIX_LAST = SUFFIXES.map((x) => x.charCodeAt(x.length - 1));
const SUFFIX_FIRST = SUFFIXES.map((x) => (x.length === 2 ? x.charCodeAt(0) : -1));
const YEH_HEH = SUFFIXES.indexOf('يه');
const YEH = 0x64a;

/** Step 3 with the stops: a place nisba or the form before a place name, else the end. */
export function ruleStem(base: string, g: Guards): string {
  // suffixPath without the array, on char codes (this runs for every token at import)
  let w = base;
  for (let k = 0; k < SUFFIX_LAST.length; k++) {
    const first = SUFFIX_FIRST[k]!;
    const len = first < 0 ? 1 : 2;
    const n = w.length;
    if (n - len < (len === 2 ? 3 : 2) || w.charCodeAt(n - 1) !== SUFFIX_LAST[k] || (first >= 0 && w.charCodeAt(n - 2) !== first)) continue;
    if (k === YEH_HEH) {
      const nisba = w.slice(0, -1);
      if (g.stops.has(nisba)) return nisba;
    }
    const next = w.slice(0, n - len);
    if (g.stops.has(next)) return next.charCodeAt(next.length - 1) === YEH ? next : w;
    w = next;
  }
  return w;
}

/** The light stem of a normalized token under the given guards. */
export function lightStemWith(norm: string, g: Guards): string {
  if (norm.length < 3 || !isArabicLetter(norm.charCodeAt(0))) return norm;
  const base = prefixBase(norm, g);
  if (g.stops.has(base)) return base;
  return g.overrides.get(base) ?? ruleStem(base, g);
}

/**
 * `lightStemWith`'s step after the prefixes as one lookup: a stop stands for itself, an
 * override (not a stop) for its stem; what is absent goes through `ruleStem`.
 */
function finalStems(g: Guards): Map<string, string> {
  const m = new Map<string, string>(g.overrides);
  for (const w of g.stops) m.set(w, w);
  return m;
}

const GUARDS = loadGuards(GUARDS_URL);
const FINAL = finalStems(GUARDS);

/**
 * Identifies the light stemmer's behaviour: a rule revision (bump it when the rules in this
 * file change) plus a digest of guards.json.
 * An index records it (through the analyzer's version), so new guards or rules re-index.
 */
export const LIGHT_STEMMER_VERSION = `2.${createHash('sha256').update(readFileSync(GUARDS_URL)).digest('hex').slice(0, 8)}`;

/**
 * A normalized token without its clitics (conjunction, article, preposition) but with its
 * suffixes: the word form (مدرستها, الحوثيين → حوثيين), for ranking words typed with
 * other clitics above words that only share a stem. Same guards as the stemmer.
 */
export function lightBase(norm: string): string {
  if (norm.length < 3 || !isArabicLetter(norm.charCodeAt(0))) return norm;
  return prefixBase(norm, GUARDS);
}

/** The light stem of a normalized token (the default stemmer). */
export function lightStem(norm: string): string {
  // lightStemWith(norm, GUARDS) with the stops and overrides in one map
  if (norm.length < 3 || !isArabicLetter(norm.charCodeAt(0))) return norm;
  const base = prefixBase(norm, GUARDS);
  return FINAL.get(base) ?? ruleStem(base, GUARDS);
}

/** Override keys by the stem they give (for `lightStemProbes`). */
let overridden: Map<string, string[]> | undefined;

/**
 * Strings of which every normalized token whose light stem is `stem` holds at least one,
 * or null when there are none to give. The stem is a piece of the token (prefixes and
 * suffixes come off), except that a لل word's base is written with ال (للمانيا → المانيا)
 * and that an override maps a base to another stem: so the stem without a leading ال, and
 * each base overridden to it, likewise. A stem with a digit or `.` may come from a number
 * whose separators were dropped (`1,000`): null.
 */
export function lightStemProbes(stem: string): string[] | null {
  if (!overridden) {
    overridden = new Map();
    for (const [base, to] of GUARDS.overrides) overridden.set(to, [...(overridden.get(to) ?? []), base]);
  }
  const out: string[] = [];
  for (const s of [stem, ...(overridden.get(stem) ?? [])]) {
    if (/[\d.]/u.test(s)) return null;
    const p = s.startsWith('ال') ? s.slice(2) : s;
    if (p === '' || 'ال'.startsWith(p)) return null;
    // A base holding the stem's own probe (اتجاهات → اتجاه) adds nothing.
    if (out.length === 0 || !p.includes(out[0]!)) out.push(p);
  }
  return out;
}
