/**
 * Decides ambiguous gazetteer names from context: one spelling, several entities.
 *
 * The cases in the shipped data: `عمان` (Oman, or Amman the capital of Jordan) and
 * `طرابلس` (Tripoli of Libya, or of Lebanon). Rules, first that applies wins:
 * 1. Vowel marks as written: `عُمان` (damma) is Oman; `عمّان`/`عَمّان` (shadda) is Amman.
 * 2. An appositive right before: `العاصمة الأردنية عمان`, `العاصمة الليبية طرابلس`: the
 *    candidate tied to that country.
 * 3. The article: each candidate is backed by the unambiguous mentions of its country (itself
 *    for a country, the implied country for a city): `سلطنة`/`مسقط`/`العماني` back Oman,
 *    `الأردن`/`الأردني` back Amman. The best-backed candidate wins.
 * 4. Otherwise the default: a country before a city (`عمان` alone is Oman), then by id.
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
    // 3. backing in the article
    if (!pick) {
      let bestScore = 0;
      for (const e of cands) {
        const s = backing.get(countryOf(e) ?? '') ?? 0;
        if (s > bestScore) [pick, bestScore] = [e, s];
      }
    }
    // 4. default
    pick ??= cands[0];
    m.ids = pick ? [pick.id] : [];
  }
}
