/**
 * Derives the light stemmer's guard lists (src/arabic/stem/guards.json) from word
 * frequencies in the SaudiNewsNet corpus and place names from the gazetteers.
 *
 * Why: light10's length guards alone strip the و of وزير and the ين of فلسطين. A strip
 * is kept only when the corpus attests the stripped form (the rules, with their
 * thresholds, are below and in src/arabic/stem/README.md). Only words go into the file,
 * no counts or text.
 *
 * Run: node --import tsx bench/stem/build-guards.ts   (about 15 s; prints samples)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readCorpus } from './corpus.ts';
import { tokenize } from '../../src/arabic/tokenize.ts';
import { normalize } from '../../src/arabic/normalize.ts';
import { isStopword } from '../../src/arabic/stopwords.ts';
import { prefixBase, suffixPath, ruleStem, stopAt, SUFFIXES, type Guards } from '../../src/arabic/stem/light.ts';

const MIN = 3; // a word needs this many occurrences to earn a guard
const WAW_RATIO = 0.2; // و+R keeps its و when R is rarer than this share of و+R
const PREP_RATIO = 0.5; // same for ب ك ل ف
const LL_RATIO = 5; // لل+R is ل+ال+لR when لR is this many times commoner than R
const ATTEST = 0.05; // a stripped form is attested at this share of the word's count …
const ATTEST_AN = 0.2; // … and at this share for ان (names: ايران, سلمان, عثمان)
const BASE_RATIO = 0.05; // a word takes the article at this share of its own count (and ≥ MIN) …
const AL_BASE_RATIO = 0.25; // … at this share when it starts with ال (الالام is الآلام, not ال+الأم)

const counts = new Map<string, number>();
for (const a of readCorpus()) {
  for (const t of [...tokenize(a.title), ...tokenize(a.content)]) {
    const c = t.norm.charCodeAt(0);
    if (c >= 0x621 && c <= 0x64a) counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1);
  }
}
const c = (w: string): number => counts.get(w) ?? 0;

// Places: one-word country names (i18n-iso-countries, CLDR territories) and CLDR cities.
const GAZ = new URL('../../../shared/corpus/lexicons/gazetteers/', import.meta.url);
const readJson = (p: string): unknown => JSON.parse(readFileSync(new URL(p, GAZ), 'utf8'));
const names: string[] = [];
const countries = (readJson('i18n-iso-countries/ar.json') as { countries: Record<string, string | string[]> }).countries;
for (const v of Object.values(countries)) names.push(...(Array.isArray(v) ? v : [v]));
const terr = readJson('cldr/cldr-localenames-full/main/ar/territories.json') as { main: { ar: { localeDisplayNames: { territories: Record<string, string> } } } };
names.push(...Object.values(terr.main.ar.localeDisplayNames.territories));
const cities: string[] = [];
const walk = (x: unknown): void => {
  if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'exemplarCity' && typeof v === 'string') cities.push(v);
      else walk(v);
    }
  }
};
walk(readJson('cldr/cldr-dates-full/main/ar/timeZoneNames.json'));

const keepWaw = new Set<string>();
const keepPrep = new Set<string>();
// ال is always an article (light10), except in الله and اللهم: stripping it where the
// rest never occurs alone (المانيا) conflates nothing, and keeping it would break
// queries typed without ال.
const alWords = new Set<string>(['له', 'لهم']);
const llWords = new Set<string>();
for (const [w, n] of counts) {
  if (n < MIN || w.length < 4 || isStopword(w)) continue;
  const r = w.slice(1);
  if (w[0] === 'و' && c(r) < WAW_RATIO * n) keepWaw.add(w);
  const article = /^(ال|وال|بال|كال|فال|لل)/.test(w); // the article step comes first
  if ('بكلف'.includes(w[0]!) && !article && c(r) < PREP_RATIO * n) keepPrep.add(w);
  if (w.startsWith('لل') && c('ل' + w.slice(2)) > LL_RATIO * (c(w.slice(2)) + c('ال' + w.slice(2)))) llWords.add(w.slice(2));
}

// Words that take the article are words on their own: clitics stand before ال, never
// after it, so the first letters of البلديه's بلديه, الالتزام's التزام and الوحده's وحده
// belong to the word. Without this, بلديه lost its ب (→ لديه) while البلديه kept it.
const ARTICLES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل'];
const withArticle = (w: string): number => ARTICLES.reduce((s, p) => s + c(p + w), 0);
const bases = new Set<string>();
for (const [x] of counts) {
  const p = ARTICLES.find((a) => x.startsWith(a));
  if (!p) continue;
  const w = x.slice(p.length);
  if (w.length < 3 || bases.has(w) || isStopword(w) || !/^(و|ب|ك|ل|ف|ال)/.test(w)) continue;
  const a = withArticle(w);
  if (a >= MIN && a >= (w.startsWith('ال') ? AL_BASE_RATIO : BASE_RATIO) * c(w)) bases.add(w);
}

const base0: Guards = { keepWaw, keepPrep, alWords, llWords, bases, stops: new Set(), overrides: new Map() };
const pb = (w: string): string => prefixBase(w, base0);
const stops = new Set<string>();
const addPlace = (raw: string): void => {
  const toks = tokenize(raw);
  if (toks.length !== 1) return;
  const p = pb(normalize(toks[0]!.norm));
  if (p.length < 3) return;
  stops.add(p);
  // its nisba stem: سعوديه → سعودي, روسيا → روسي, امريكا → امريكي, ايران → ايراني
  stops.add(p.endsWith('يه') || p.endsWith('يا') ? p.slice(0, -1) : p.endsWith('ا') ? p.slice(0, -1) + 'ي' : p + 'ي');
};
names.forEach(addPlace);
cities.filter((x) => x.length >= 4).forEach(addPlace);
const g0: Guards = { ...base0, stops };

// Counts of bases (after steps 1-2), over all the corpus forms that reduce to them.
const cb = new Map<string, number>();
for (const [w, n] of counts) if (w.length >= 3) cb.set(pb(w), (cb.get(pb(w)) ?? 0) + n);
const CB = (w: string): number => cb.get(w) ?? 0;

function attested(s: string, suffix: string, from: string): boolean {
  const thr = Math.max(2, (suffix === 'ان' ? ATTEST_AN : ATTEST) * CB(from));
  if (CB(s) >= thr) return true;
  if (suffix === 'ان') return false;
  return SUFFIXES.some((x) => x !== suffix && x !== 'ها' && x !== 'ان' && CB(s + x) >= thr);
}

const overrides: Record<string, string> = {};
for (const [b, n] of cb) {
  if (n < MIN || stops.has(b) || isStopword(b)) continue;
  const path = suffixPath(b);
  let stem = b;
  for (let i = 1; i < path.length; i++) {
    const to = path[i]!;
    const from = path[i - 1]!;
    const st = stopAt(path, i, g0);
    if (st !== undefined) {
      stem = st;
      break;
    }
    if (!attested(to, from.slice(to.length), from)) break;
    stem = to;
  }
  if (stem !== ruleStem(b, g0)) overrides[b] = stem;
}

const sorted = (s: Iterable<string>): string[] => [...s].sort();
const out = { keepWaw: sorted(keepWaw), keepPrep: sorted(keepPrep), alWords: sorted(alWords), llWords: sorted(llWords), bases: sorted(bases), stops: sorted(stops), overrides: Object.fromEntries(Object.entries(overrides).sort()) };
writeFileSync(new URL('../../src/arabic/stem/guards.json', import.meta.url), JSON.stringify(out, null, 0).replace(/\],"/g, '],\n"') + '\n');
const top = (s: Iterable<string>, k = 40): string => sorted(s).map((w) => [w, c(w) || CB(w)] as const).sort((a, b) => b[1] - a[1]).slice(0, k).map((x) => x[0]).join(' ');
console.log(`keepWaw ${keepWaw.size}: ${top(keepWaw)}`);
console.log(`keepPrep ${keepPrep.size}: ${top(keepPrep)}`);
console.log(`alWords ${alWords.size}: ${top(alWords)}`);
console.log(`llWords ${llWords.size}: ${top(llWords)}`);
console.log(`bases ${bases.size}: ${top(bases, 80)}`);
console.log(`stops ${stops.size}; overrides ${Object.keys(overrides).length}: ${top(Object.keys(overrides), 60)}`);
