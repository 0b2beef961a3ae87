/**
 * Finds gazetteer names in a token stream: longest match first, clitic-aware on the first
 * word, exact normalized words after it, never across punctuation or a line break.
 *
 * Rules (each tested in entities.test.ts):
 * - The first word may carry proclitics: `وطهران`, `بموسكو`, `للولايات المتحدة`.
 * - Names never take an added article (`هند` the given name is not `الهند`); demonyms do
 *   (`الروسي`, `والإيرانية` reach Russia and Iran through `روسي`, `إيراني`).
 * - `exact` names must be written as listed once clitics are removed (`جدة` with ة; `وجده`
 *   «and found it» normalizes to the same letters and is not Jeddah).
 * - Blocked phrases (`صلاة المغرب`, `مصر على`) are consumed like names and yield nothing.
 * - A name spelled like several entities (`عمان`, `طرابلس`) is left with all its ids here;
 *   resolve.ts picks one from context.
 * Contract: pure; O(words × clitic candidates) hash lookups.
 */
import type { GazetteerIndex, NameEntry } from './gazetteer.ts';
import { cleanSurface, displayPart, infoOf, type Candidate, type DocToken } from './tokens.ts';

export interface Match {
  /** Index of the first token. */
  start: number;
  /** Number of tokens. */
  len: number;
  /** Candidate entity ids (one unless ambiguous; none for a blocked phrase). */
  ids: string[];
  demonym: boolean;
  /** The name as written, clitics removed (for display and keywords). */
  display: string;
}

function restMatches(tokens: DocToken[], i: number, e: NameEntry): boolean {
  for (let j = 1; j < e.tokens.length; j++) {
    const t = tokens[i + j];
    if (!t || t.brk || t.norm !== e.tokens[j]) return false;
  }
  return true;
}

/** A spelling's clitic readings that start some name of one index: [candidate, its entries] pairs. */
type Starts = ReadonlyArray<readonly [Candidate, readonly NameEntry[]]>;
const NONE: Starts = [];

/**
 * The readings of a token's spelling that start a name in `index`, memoized on its word info
 * (tokens.ts `wordInfo`) for the last index asked: most words start no name, and then a
 * token costs one property read instead of a hash lookup per clitic reading.
 */
function startsOf(tok: DocToken, index: GazetteerIndex): Starts {
  const w = infoOf(tok);
  if (w.gazetteer === index) return w.starts as Starts;
  let hits: Array<readonly [Candidate, readonly NameEntry[]]> | null = null;
  for (const cand of w.cands) {
    const entries = index.byFirst.get(cand.key);
    if (entries) (hits ??= []).push([cand, entries]);
  }
  w.gazetteer = index;
  w.starts = hits ?? NONE;
  return w.starts as Starts;
}

export function matchGazetteer(tokens: DocToken[], index: GazetteerIndex): Match[] {
  const out: Match[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    let best: { e: NameEntry; display: string } | undefined;
    const starts = startsOf(tok, index);
    for (let h = 0; h < starts.length; h++) {
      const [cand, entries] = starts[h]!;
      for (const e of entries) {
        if (best && e.tokens.length <= best.e.tokens.length) break;
        if (cand.al && !e.demonym) continue;
        if (!restMatches(tokens, i, e)) continue;
        const first = displayPart(tok.surface, cand);
        if (e.exact && e.tokens.length === 1 && first !== e.exact) continue;
        const rest = tokens.slice(i + 1, i + e.tokens.length).map((t) => cleanSurface(t.surface));
        best = { e, display: [first, ...rest].join(' ') };
        break;
      }
    }
    if (best) {
      out.push({ start: i, len: best.e.tokens.length, ids: best.e.ids, demonym: best.e.demonym, display: best.display });
      i += best.e.tokens.length;
    } else i++;
  }
  return out.filter((m) => m.ids.length > 0);
}
