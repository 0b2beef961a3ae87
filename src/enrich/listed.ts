/**
 * State mentions the gazetteer cannot list because the word is something else too; entities.ts
 * counts them where the context settles it:
 * - short state names that are common words (data/gazetteer/curated/dropped.tsv: `مالي`
 *   «financial», `بنين` «sons»), in a list of states joined by و (`جاءوا من دول مثل السنغال ومالي
 *   وبنين ونيجيريا`, f050);
 * - bare plural demonyms that are names too (`روس`: دينيس روس، ديانا روس; `أمريكان`: أمريكان
 *   أيرلاينز، أنجلو أمريكان), after an indefinite plural noun (`جنود روس`، `مسؤولين روس`) or joined by و
 *   to another demonym (`خبراء إنجليز وأميركان`, `فرنسيون وروس`).
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

/** Bare plural demonyms that are names too (normalized, و allowed) → their state. */
const PLURALS: ReadonlyMap<string, string> = new Map([
  ['روس', 'country:RU'],
  ['امريكان', 'country:US'],
  ['اميركان', 'country:US'],
]);

/** Broken plurals of people that take a nationality (جنود روس، تجار روس، خبراء أمريكان). */
const PEOPLE_PLURALS = new Set(['جنود', 'تجار', 'خبراء', 'علماء', 'رجال', 'عمال', 'طلاب', 'سياح', 'اطباء', 'ضباط', 'قاده', 'زوار', 'نشطاء', 'رهائن', 'اسري', 'سجناء', 'لاعبين', 'فنانين', 'مستثمرين']);

/** An indefinite plural noun of people: a sound plural (مسؤولون، طيارين) or a listed broken one. */
function peoplePlural(t: DocToken): boolean {
  const n = t.norm.replace(/^[وف]/, '');
  return !/^(ال|لل)/.test(n) && (PEOPLE_PLURALS.has(n) || (n.length >= 5 && /(ون|ين)$/.test(n)));
}

/** A word's entry, with or without a leading و (no regex per token: this runs on every word). */
function lookup(map: ReadonlyMap<string, string>, norm: string): string | undefined {
  return map.get(norm) ?? (norm.charCodeAt(0) === 0x648 ? map.get(norm.slice(1)) : undefined);
}

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
  // Most articles have no such word: two hash lookups per token, then nothing else.
  let any = false;
  for (const t of toks) if (lookup(SHORT, t.norm) || lookup(PLURALS, t.norm)) { any = true; break; }
  if (!any) return [];
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
    if (!busy.has(i) && lookup(SHORT, t.norm)) cands.push(i);
  });
  const out = plurals(toks, matches, busy);
  if (cands.length === 0 || state.size === 0) return out;
  const found = new Set<number>();
  const joined = (i: number): boolean => !toks[i]!.brk && toks[i]!.norm.startsWith('و');
  const ends = (i: number): boolean => found.has(i) || state.get(i) === 'end' || state.get(i) === 'both';
  const starts = (i: number): boolean => found.has(i) || state.get(i) === 'start' || state.get(i) === 'both';
  for (const i of cands) if (i > 0 && joined(i) && ends(i - 1)) found.add(i);
  for (const i of [...cands].reverse()) if (i + 1 < toks.length && joined(i + 1) && starts(i + 1)) found.add(i);
  for (const i of found) {
    const t = toks[i]!;
    out.push({ id: lookup(SHORT, t.norm)!, at: i, display: cleanSurface(t.surface).replace(/^و/, '') });
  }
  return out.filter((l) => index.byId.has(l.id)).sort((a, b) => a.at - b.at);
}

/** The bare plurals of PLURALS where the word before settles them (see the module comment). */
function plurals(toks: readonly DocToken[], matches: readonly Match[], busy: ReadonlySet<number>): Listed[] {
  const demonymEnd = new Set(matches.filter((m) => m.demonym).map((m) => m.start + m.len - 1));
  const out: Listed[] = [];
  toks.forEach((t, i) => {
    const id = busy.has(i) || i === 0 || t.brk ? undefined : lookup(PLURALS, t.norm);
    if (!id) return;
    const prev = toks[i - 1]!;
    const ok = t.norm.startsWith('و') ? demonymEnd.has(i - 1) || out.some((l) => l.at === i - 1) : peoplePlural(prev);
    if (ok) out.push({ id, at: i, display: cleanSurface(t.surface).replace(/^و/, '') });
  });
  return out;
}
