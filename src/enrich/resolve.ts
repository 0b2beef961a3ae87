/**
 * Decides ambiguous gazetteer names from context: one spelling, several entities.
 *
 * The cases in the shipped data: `عمان` (Oman, or Amman the capital of Jordan) and
 * `طرابلس` (Tripoli of Libya, or of Lebanon). Rules, first that applies wins:
 * 1. Vowel marks as written: `عُمان` (damma) is Oman; `عمّان`/`عَمّان` (shadda) is Amman.
 * 2. An appositive right before: `العاصمة الأردنية عمان`, `العاصمة الليبية طرابلس`: the
 *    candidate tied to that country.
 * 3. The words around it, in this order:
 *    - a candidate's country named right after it: `عمان الأردنية`, `عمان في الأردن`, `عمان بالأردن`;
 *    - the word before: a ruler or a state (`سلطان عمان`, `دولة عمان`) wants the country; the city's
 *      offices and kind (`أمانة عمان`, `أمين عمان`, `مطار عمان`, `العاصمة عمان`) want the city;
 *    - a list it stands in (joined by و or commas to the matches right before and after): among
 *      countries it is the country (`والبحرين وعمان والأردن ولبنان`), among cities the city
 *      (`بالقاهرة ودمشق وبغداد وعمان`) — before the article's backing, which a list's other
 *      members would sway (`والأردن` there backs Amman);
 *    - a dateline (`عين اليوم – عمان`) names where a story was filed: a city.
 * 4. The article: each candidate is backed by the unambiguous mentions of its country (itself
 *    for a country, the implied country for a city): `سلطنة`/`مسقط`/`العماني` back Oman,
 *    `الأردن`/`الأردني` back Amman. The best-backed candidate wins.
 * 5. Otherwise the default: a country before a city (`عمان` alone is Oman), then by id.
 * Contract: pure; rewrites `ids` of the ambiguous matches to one id.
 */
import type { GazetteerIndex } from './gazetteer.ts';
import type { Match } from './match.ts';
import type { DocToken } from './tokens.ts';
import type { GazetteerEntity } from './types.ts';

/** Vowel-mark hints for one spelling: the mark as written → the entity type it means. */
const MARK_HINTS: Record<string, Array<[RegExp, GazetteerEntity['type']]>> = {
  عمان: [
    [/ع\u064f/, 'country'],
    [/\u0651/, 'city'],
  ],
};

/** Words before an ambiguous name that want its country (a ruler, a state) or its city (offices of a city, its kind). */
const BEFORE_COUNTRY = /^[وفبل]?(ل|ال|لل)?(سلطان|سلطنه|دوله|حكومه|شعب|ملك)$/;
const BEFORE_CITY = /^[وفبل]?(ل|ال|لل)?(امانه|امين|مطار|بلديه|مدينه|عاصمه)$/;
/** Prepositions between a city and its country (`عمان في الأردن`). */
const IN = new Set(['في', 'ب']);

/** The country an entity stands for: itself, or the first country it implies. */
function countryOf(e: GazetteerEntity | undefined): string | undefined {
  if (!e) return undefined;
  if (e.type === 'country') return e.id;
  return e.implies?.find((x) => x.startsWith('country:'));
}

export function resolveAmbiguous(matches: Match[], tokens: DocToken[], index: GazetteerIndex): void {
  const ambiguous = matches.filter((m) => m.ids.length > 1);
  if (ambiguous.length === 0) return;
  // Rule 3's evidence: unambiguous mentions per country.
  const backing = new Map<string, number>();
  for (const m of matches) {
    if (m.ids.length !== 1) continue;
    const c = countryOf(index.byId.get(m.ids[0]!));
    if (c) backing.set(c, (backing.get(c) ?? 0) + 1);
  }
  for (const m of ambiguous) {
    const cands = m.ids.map((id) => index.byId.get(id)).filter((e): e is GazetteerEntity => !!e);
    cands.sort((a, b) => (a.type === b.type ? (a.id < b.id ? -1 : 1) : a.type === 'country' ? -1 : b.type === 'country' ? 1 : 0));
    let pick: GazetteerEntity | undefined;
    // 1. vowel marks
    const surface = tokens[m.start]!.surface;
    for (const [re, type] of MARK_HINTS[tokens[m.start]!.norm.replace(/^[وفبل]/, '')] ?? []) {
      if (re.test(surface)) pick ??= cands.find((c) => c.type === type);
    }
    // 2. «العاصمة <demonym> X»
    const prev = matches.find((p) => p.start + p.len === m.start && !tokens[m.start]!.brk);
    const before = prev ? tokens[prev.start - 1] : undefined;
    if (!pick && prev?.demonym && before && /^(ال|لل|بال|وال)?عاصمه$/.test(before.norm)) {
      const c = prev.ids[0];
      pick = cands.find((e) => countryOf(e) === c);
    }
    // 3. the words around it
    pick ??= around(m, matches, tokens, index, cands);
    // 4. backing in the article
    if (!pick) {
      let bestScore = 0;
      for (const e of cands) {
        const s = backing.get(countryOf(e) ?? '') ?? 0;
        if (s > bestScore) [pick, bestScore] = [e, s];
      }
    }
    // 5. default
    pick ??= cands[0];
    m.ids = pick ? [pick.id] : [];
  }
}

/** Rule 3: the candidate the words around `m` point to, if any. */
function around(m: Match, matches: Match[], tokens: DocToken[], index: GazetteerIndex, cands: GazetteerEntity[]): GazetteerEntity | undefined {
  const t = tokens[m.start]!;
  const end = m.start + m.len;
  const country = cands.find((c) => c.type === 'country');
  const city = cands.find((c) => c.type !== 'country');
  const k = matches.indexOf(m);
  const next = matches[k + 1];
  const prev = k > 0 ? matches[k - 1] : undefined;
  const one = (x: Match | undefined): GazetteerEntity | undefined => (x && x.ids.length === 1 ? index.byId.get(x.ids[0]!) : undefined);
  // The country right after (`عمان الأردنية`, `عمان في الأردن`, `عمان بالأردن`, an address `عمان، الأردن`).
  const after = tokens[end];
  if (next && after && after.seg === t.seg && (next.start === end || (next.start === end + 1 && !after.brk && IN.has(after.norm)))) {
    const c = one(next);
    const hit = c ? cands.find((e) => e.type !== 'country' && countryOf(e) === countryOf(c) && countryOf(c) !== undefined) : undefined;
    const address = after.brk && !after.norm.startsWith('و') && !next.demonym && !(prev && prev.start + prev.len === m.start);
    if (hit && (address || (!after.brk && (next.demonym || next.start > end || /^[وف]?ب/.test(after.norm))))) return hit;
  }
  // The rest tells a country from a city (عمان), not two cities (طرابلس).
  if (!country || !city) return undefined;
  // The word before.
  const before = tokens[m.start - 1];
  if (before && !t.brk) {
    if (BEFORE_COUNTRY.test(before.norm)) return country;
    if (BEFORE_CITY.test(before.norm)) return city;
  }
  // A list: the matches joined to it by و or a break, right before and after; among cities only
  // capitals count (`خامي عمان ودبي` are two crudes).
  const joined = (x: DocToken | undefined): boolean => !!x && x.seg === t.seg && (x.brk || x.norm.startsWith('و'));
  let countries = 0;
  let cities = 0;
  const neighbour = (x: Match | undefined, ok: boolean): void => {
    const e = ok && x && !x.demonym ? one(x) : undefined;
    if (e?.type === 'country') countries++;
    else if (e?.type === 'city' && e.capital) cities++;
  };
  neighbour(prev, !!prev && prev.start + prev.len === m.start && joined(t));
  neighbour(next, !!next && next.start === end && joined(tokens[end]));
  if (countries > cities) return country;
  if (cities > countries) return city;
  // A dateline names a city.
  if (t.dateline !== undefined) return city;
  return undefined;
}
