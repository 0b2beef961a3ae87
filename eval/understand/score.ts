/**
 * Scores Marsad's entities and keywords against the labelled set (eval/understand/): the
 * rules below are the measurement, written down once (README.md of this folder repeats them).
 *
 * - Countries: the set of ISO codes per article (country:XX entities vs the gold codes);
 *   precision, recall and F1 micro-averaged over articles.
 * - People and organisations: one-to-one matching per article (a maximum bipartite
 *   matching). A found entity matches a gold one when its name or any of its aliases, and
 *   the gold name or any of its multi-word mentions, are equal after `fold`, or one is a
 *   word sub-sequence (in order, whole words) of the other and the shorter has ≥ 2 words.
 *   People are entities of type person; organisations those of type org or agency.
 * - Keyword overlap: the share of gold keywords matched by one of Marsad's: equal after
 *   `fold`, or one contains the other as a whole-word run; `keywordOverlapWhole` counts only a
 *   keyword of Marsad's that holds the gold one whole (a word cut out of an editor's phrase,
 *   `بطاقة` for `بطاقة بديلة`, matches the first and not the second).
 * - Weak keywords: the share of Marsad's keywords that break an automatic rule (`weakReason`):
 *   verb (a one-word keyword that the corpus counts show to be a present-tense verb: ي/ت/ن
 *   first, never written with ال — or one of the verbs of saying), fragment (a word that is
 *   not a whole word of the article, clitics aside; a definite plural's nominative `ون` the
 *   corpus knows counts as written where the article writes its oblique `ين`: the base form the
 *   guidelines ask for, `المستوطنون` for `المستوطنين`), clitic-attached (a word glued to و/ف/ب/ل/ك
 *   or a pronoun suffix when the corpus knows the bare word far better), common (a one-word
 *   keyword in more than COMMON_SHARE of the corpus's documents, a nominative at its oblique's
 *   df when that is the higher).
 * `fold`: the analyzer's normalize (hamza, ى/ي, ة/ه, marks), `عبد ال…` joined, and a leading
 * ال of every word dropped, spaces collapsed.
 */
import { normalize, tokenize } from '../../src/arabic/index.ts';
import type { TermStats } from '../../src/enrich/index.ts';

export interface GoldArticle {
  id: string;
  countries: Array<{ code: string; mentions?: string[] }>;
  people: Array<{ name: string; mentions?: string[] }>;
  orgs: Array<{ name: string; mentions?: string[] }>;
  keywords: string[];
}

export interface Found {
  countries: string[];
  people: Array<{ name: string; aliases: string[] }>;
  orgs: Array<{ name: string; aliases: string[] }>;
  keywords: string[];
}

export const COMMON_SHARE = 0.05;

export function fold(s: string): string {
  return normalize(s)
    .replace(/[^\u0621-\u064a0-9a-z\s]/gi, ' ')
    .replace(/(^|\s)عبد\s+ال/g, '$1عبدال')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (w.startsWith('ال') && w.length > 3 ? w.slice(2) : w))
    .join(' ');
}

const words = (s: string): string[] => s.split(' ').filter(Boolean);

/** `a`'s words appear in `b` in order. */
function subsequence(a: string[], b: string[]): boolean {
  let j = 0;
  for (const w of b) if (j < a.length && w === a[j]) j++;
  return j === a.length;
}

function namesMatch(found: string[], gold: string[]): boolean {
  for (const f of found) {
    for (const g of gold) {
      if (!f || !g) continue;
      if (f === g) return true;
      const fw = words(f);
      const gw = words(g);
      const [short, long] = fw.length <= gw.length ? [fw, gw] : [gw, fw];
      if (short.length >= 2 && subsequence(short, long)) return true;
    }
  }
  return false;
}

/** Size of a maximum one-to-one matching between found and gold items (Kuhn's algorithm). */
export function matchCount(found: string[][], gold: string[][]): number {
  const adj = found.map((f) => gold.map((g, j) => (namesMatch(f, g) ? j : -1)).filter((j) => j >= 0));
  const owner = new Array<number>(gold.length).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (const j of adj[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (owner[j]! < 0 || tryAssign(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  let n = 0;
  for (let i = 0; i < found.length; i++) if (tryAssign(i, new Array<boolean>(gold.length).fill(false))) n++;
  return n;
}

/** Gold forms compared: the name and its multi-word mentions. */
const goldForms = (x: { name: string; mentions?: string[] }): string[] =>
  [x.name, ...(x.mentions ?? []).filter((m) => words(fold(m)).length >= 2)].map(fold);
const foundForms = (x: { name: string; aliases: string[] }): string[] => [x.name, ...x.aliases].map(fold);

/** `ours` holds the gold keyword `gold` whole (not a word cut out of it: بطاقة for بطاقة بديلة). */
function keywordHolds(gold: string, ours: string): boolean {
  const fg = fold(gold);
  const fo = fold(ours);
  return !!fg && !!fo && (fg === fo || ` ${fo} `.includes(` ${fg} `));
}

function keywordMatch(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  if (!fa || !fb) return false;
  return fa === fb || ` ${fa} `.includes(` ${fb} `) || ` ${fb} `.includes(` ${fa} `);
}

const SAYING = new Set(['قال', 'اكد', 'اوضح', 'اضاف', 'اشار', 'صرح', 'اعلن', 'قالت', 'اكدت', 'اضافت', 'اشارت', 'اعلنت']);
const PRONOUN = /(ها|هم|هما|هن|كم|كما|نا|ه)$/;

/** Why a keyword is weak, or '' (see the rules above). */
export function weakReason(kw: string, articleWords: Set<string>, stats: TermStats, entityNames: Set<string>): string {
  const ws = words(normalize(kw));
  if (ws.length === 0) return 'empty';
  if (entityNames.has(fold(kw))) return '';
  const df = (k: string): number => stats.df(k);
  // A definite plural's nominative (المستوطنون) where the article writes its oblique
  // (المستوطنين): the base form the guidelines ask for, not a fragment, when the corpus knows it;
  // judged common at the df of the form the article writes.
  const oblique = (w: string): string | undefined => {
    const o = /^ال..+ون$/.test(w) ? w.slice(0, -2) + 'ين' : undefined;
    return o && articleWords.has(o) ? o : undefined;
  };
  for (const w of ws) {
    if (!articleWords.has(w) && !(oblique(w) && df(w) >= 5)) return 'fragment';
  }
  for (const w of ws) {
    const m = /^([وف]?[بكل]?)(.+)$/.exec(w)!;
    if (m[1] && !w.startsWith('ال') && m[2]!.length >= 3 && df(m[2]!) > 3 * df(w) + 5) return 'clitic';
    const p = PRONOUN.exec(w);
    if (p && w.length - p[0].length >= 3) {
      const bare = w.slice(0, -p[0].length);
      const base = df(bare) + df(bare + 'ه') + df(bare + 'ات');
      if (base > 3 * df(w) + 5) return 'clitic';
    }
  }
  if (ws.length === 1) {
    const w = ws[0]!;
    if (SAYING.has(w)) return 'verb';
    if (/^[يتن]/.test(w) && w.length >= 4 && df(w) >= 20 && df('ال' + w) < 0.05 * df(w)) return 'verb';
    if (Math.max(df(w), df(oblique(w) ?? w)) > COMMON_SHARE * stats.docCount) return 'common';
  }
  return '';
}

/** Every whole word of an article and its forms without proclitics (for the fragment rule). */
export function articleWords(title: string, text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(`${title}\n${text}`)) {
    const n = t.norm;
    out.add(n);
    const m = /^([وف]?[بكل]?)(.*)$/.exec(n)!;
    if (m[2]) out.add(m[2]);
    if (m[2]?.startsWith('ال')) out.add(m[2].slice(2));
    if (n.startsWith('لل')) out.add('ال' + n.slice(2)).add(n.slice(2));
    if (/^[وف]لل/.test(n)) out.add('ال' + n.slice(3)).add(n.slice(3));
    if (!n.startsWith('ال')) out.add('ال' + (m[2] || n));
  }
  return out;
}

export interface Tally {
  articles: number;
  country: { tp: number; fp: number; fn: number };
  people: { tp: number; found: number; gold: number };
  orgs: { tp: number; found: number; gold: number };
  keywords: { goldMatched: number; goldHeld: number; gold: number; ours: number; weak: number; reasons: Record<string, number> };
}

export const emptyTally = (): Tally => ({
  articles: 0,
  country: { tp: 0, fp: 0, fn: 0 },
  people: { tp: 0, found: 0, gold: 0 },
  orgs: { tp: 0, found: 0, gold: 0 },
  keywords: { goldMatched: 0, goldHeld: 0, gold: 0, ours: 0, weak: 0, reasons: {} },
});

export interface ArticleScore {
  countries: { missed: string[]; extra: string[] };
  people: { tp: number; found: string[]; gold: string[] };
  orgs: { tp: number; found: string[]; gold: string[] };
  keywords: { matched: string[]; missed: string[]; weak: Array<[string, string]> };
}

export function scoreArticle(t: Tally, gold: GoldArticle, found: Found, ctx: { words: Set<string>; stats: TermStats; entityNames: Set<string> }): ArticleScore {
  t.articles++;
  const g = new Set(gold.countries.map((c) => c.code.toUpperCase()));
  const f = new Set(found.countries);
  const missed = [...g].filter((c) => !f.has(c));
  const extra = [...f].filter((c) => !g.has(c));
  t.country.tp += g.size - missed.length;
  t.country.fp += extra.length;
  t.country.fn += missed.length;
  const pTp = matchCount(found.people.map(foundForms), gold.people.map(goldForms));
  t.people.tp += pTp;
  t.people.found += found.people.length;
  t.people.gold += gold.people.length;
  const oTp = matchCount(found.orgs.map(foundForms), gold.orgs.map(goldForms));
  t.orgs.tp += oTp;
  t.orgs.found += found.orgs.length;
  t.orgs.gold += gold.orgs.length;
  const matched = gold.keywords.filter((k) => found.keywords.some((m) => keywordMatch(k, m)));
  t.keywords.goldMatched += matched.length;
  t.keywords.goldHeld += gold.keywords.filter((k) => found.keywords.some((m) => keywordHolds(k, m))).length;
  t.keywords.gold += gold.keywords.length;
  t.keywords.ours += found.keywords.length;
  const weak: Array<[string, string]> = [];
  for (const k of found.keywords) {
    const why = weakReason(k, ctx.words, ctx.stats, ctx.entityNames);
    if (!why) continue;
    weak.push([k, why]);
    t.keywords.weak++;
    t.keywords.reasons[why] = (t.keywords.reasons[why] ?? 0) + 1;
  }
  return {
    countries: { missed, extra },
    people: { tp: pTp, found: found.people.map((p) => p.name), gold: gold.people.map((p) => p.name) },
    orgs: { tp: oTp, found: found.orgs.map((p) => p.name), gold: gold.orgs.map((p) => p.name) },
    keywords: { matched, missed: gold.keywords.filter((k) => !matched.includes(k)), weak },
  };
}

const ratio = (a: number, b: number): number => (b ? Math.round((a / b) * 1000) / 1000 : 0);

export interface Figures {
  countriesP: number;
  countriesR: number;
  countriesF1: number;
  peopleP: number;
  peopleR: number;
  orgsP: number;
  orgsR: number;
  keywordOverlap: number;
  /** The same, counting only a keyword of ours that holds the editor's whole (no fragment of it). */
  keywordOverlapWhole: number;
  weakShare: number;
}

export function figures(t: Tally): Figures {
  const p = ratio(t.country.tp, t.country.tp + t.country.fp);
  const r = ratio(t.country.tp, t.country.tp + t.country.fn);
  return {
    countriesP: p,
    countriesR: r,
    countriesF1: p + r ? Math.round(((2 * p * r) / (p + r)) * 1000) / 1000 : 0,
    peopleP: ratio(t.people.tp, t.people.found),
    peopleR: ratio(t.people.tp, t.people.gold),
    orgsP: ratio(t.orgs.tp, t.orgs.found),
    orgsR: ratio(t.orgs.tp, t.orgs.gold),
    keywordOverlap: ratio(t.keywords.goldMatched, t.keywords.gold),
    keywordOverlapWhole: ratio(t.keywords.goldHeld, t.keywords.gold),
    weakShare: ratio(t.keywords.weak, t.keywords.ours),
  };
}

/**
 * What the test set reached when the people finder landed (2026-12-02: countries F1 0.942,
 * people P 0.748 R 0.661, keyword overlap 0.467 — 0.506 once the lead's people and organisations became keywords —, weak 0.063;
 * people P 0.83 R 0.785 and organisations P 0.716 R 0.341 after the people finder's second pass),
 * then with the country and keyword work of branch kw (countries F1 0.952, keyword overlap
 * 0.534, weak 0.027), then with branch ppl's error classes from unlabelled corpus days
 * (countries F1 0.954, people P 0.874 R 0.802, organisations P 0.714 R 0.355) and branch kw's
 * noun phrases (keyword overlap 0.546, weak 0.026; measured before the two were merged), then
 * with branch kw3's phrase parts and known phrases (keyword overlap 0.546, weak 0.022),
 * then with branch ppl3's error classes (people P 0.886 R 0.802, countries F1 0.954), then
 * with branch ppl4's (people P 0.916 R 0.81, the issue's people targets met; keyword overlap
 * 0.543: a club taken for a counterpart person no longer covers its keyword), then with branch
 * kwrank's ranking of the entities named once by the lede (keyword overlap 0.573 → 0.574, weak
 * 0.025 → 0.026; dev a 0.648 → 0.657, c 0.620 → 0.636, d 0.593 → 0.608; tuned on a, c and d only),
 * then with branch ppl5's people and set e's country classes (people P 0.917 → 0.921, countries
 * F1 0.962 unchanged while the new set e went 0.957 → 0.982), then with branch orgs's organisations
 * (orgs P 0.793 → 0.813, R 0.557 → 0.618; tuned on a, c, d and e only), then with set f's
 * country classes (unchanged, 0.966), then with set g's (2026-12-04: countries F1 0.966 → 0.968,
 * with the Houthis named by their adjective orgs P 0.814 → 0.824 R 0.622 → 0.632, keyword overlap
 * 0.594 → 0.595; the new set g 0.947 → 0.973), then with 2026-12-05's competitions, events and
 * phrase rules (keyword overlap 0.536 → 0.548, whole 0.381 → 0.390: its floor 0.36 → 0.375),
 * less a small margin: falling
 * below a floor is a regression and fails the check (and test/understand.test.ts); the
 * issue's targets (TARGETS) are reported as met or not met until they are reached, then
 * they become the floors. The keyword floor guards the whole-keyword overlap (an editor's
 * keyword among Marsad's, 0.378 on b when this floor was set, 2026-12-04) and no longer the
 * looser overlap, which credits a word cut out of an editor's phrase: the fragment a reader
 * judges weak (judged/). Holding back what readers judge weak costs the looser figure
 * more than what it costs the whole one (b 0.543 → 0.536 against 0.378 → 0.378 for
 * keyword-told.ts's model), so guarding it would keep the fragments.
 */
export const FLOORS: Partial<Record<keyof Figures, ['min' | 'max', number]>> = {
  countriesF1: ['min', 0.95],
  peopleP: ['min', 0.9],
  peopleR: ['min', 0.8],
  orgsP: ['min', 0.78],
  orgsR: ['min', 0.58],
  keywordOverlapWhole: ['min', 0.375],
  weakShare: ['max', 0.03],
};

export const TARGETS: Partial<Record<keyof Figures, ['min' | 'max', number]>> = {
  countriesF1: ['min', 0.98],
  peopleP: ['min', 0.9],
  peopleR: ['min', 0.75],
  keywordOverlap: ['min', 0.7],
  weakShare: ['max', 0.1],
};
