/**
 * Short state names that are common words too (data/gazetteer/curated/dropped.tsv: `مالي`
 * «financial», `بنين` «sons») are never matched alone; in a list of states joined by و they are
 * the states (`جاءوا من دول مثل السنغال ومالي وبنين ونيجيريا`, f050). entities.ts counts them.
 * Contract: pure; one pass over the tokens each way, a hash lookup per token.
 */
import type { GazetteerIndex } from './gazetteer.ts';
import type { Match } from './match.ts';
import { cleanSurface, type DocToken } from './tokens.ts';

/** Normalized short name → its state. */
const SHORT: ReadonlyMap<string, string> = new Map([
  ['مالي', 'country:ML'],
  ['بنين', 'country:BJ'],
]);

export interface Listed {
  id: string;
  /** Token index. */
  at: number;
  /** The name as written, و removed. */
  display: string;
}

/**
 * The short names joined by و to a state's name, or to another short name so joined, with no
 * punctuation between: `السنغال ومالي` (after a state), `مالي والنيجر` (before one), and along
 * the list (`ومالي وبنين ونيجيريا`). A demonym does not make a list of states (`الدعم السعودي ومالي`).
 */
export function listedStates(toks: readonly DocToken[], matches: readonly Match[], index: GazetteerIndex): Listed[] {
  const state = new Map<number, 'start' | 'end' | 'both'>();
  const busy = new Set<number>();
  for (const m of matches) {
    for (let k = 0; k < m.len; k++) busy.add(m.start + k);
    if (m.demonym || index.byId.get(m.ids[0] ?? '')?.type !== 'country') continue;
    const end = m.start + m.len - 1;
    state.set(m.start, m.len === 1 ? 'both' : 'start');
    if (m.len > 1) state.set(end, 'end');
  }
  const cands: number[] = [];
  toks.forEach((t, i) => {
    if (!busy.has(i) && SHORT.has(t.norm.replace(/^و/, ''))) cands.push(i);
  });
  if (cands.length === 0 || state.size === 0) return [];
  const found = new Set<number>();
  const joined = (i: number): boolean => !toks[i]!.brk && toks[i]!.norm.startsWith('و');
  const ends = (i: number): boolean => found.has(i) || state.get(i) === 'end' || state.get(i) === 'both';
  const starts = (i: number): boolean => found.has(i) || state.get(i) === 'start' || state.get(i) === 'both';
  for (const i of cands) if (i > 0 && joined(i) && ends(i - 1)) found.add(i);
  for (const i of [...cands].reverse()) if (i + 1 < toks.length && joined(i + 1) && starts(i + 1)) found.add(i);
  return [...found].sort((a, b) => a - b).map((i) => {
    const t = toks[i]!;
    const id = SHORT.get(t.norm.replace(/^و/, ''))!;
    return { id, at: i, display: cleanSurface(t.surface).replace(/^و/, '') };
  }).filter((l) => index.byId.has(l.id));
}
