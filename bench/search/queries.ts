/**
 * Known-item queries for the search benchmark, drawn reproducibly (seeded) from the
 * corpus: pick an article with text, keep 2 or 3 consecutive content words of its
 * headline (stopwords skipped), and give two spellings of them:
 * - `written`: the words exactly as the headline has them;
 * - `typed`: the way people type: harakat and tatweel left out, hamza on alef dropped
 *   (أ إ آ → ا), ة written ه, a final ى written ي and a final ي written ى, and on one word
 *   a clitic (و, ب, ال) added or removed (see `toggleClitic`; `Recipe` for its versions).
 * The relevant set of a query is its article plus every article whose headline is the
 * same after folding hamza, ة, ى, harakat and tatweel (copies nobody can tell apart).
 */
import { tokenize, isStopword } from '../../src/arabic/index.ts';
import { rng } from '../rng.ts';

export interface BenchArticle {
  id: string;
  title: string;
  text: string;
}

export interface KnownItem {
  target: string;
  title: string;
  written: string;
  typed: string;
  relevant: Set<string>;
}


const HARAKAT = /[\u064b-\u065f\u0670\u0640]/g;

/** The headline folding that decides "the same article" (hamza, ة, ى, harakat, tatweel). */
export function foldTitle(t: string): string {
  return t
    .replace(HARAKAT, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One word as people type it (orthography only). */
function typeWord(w: string): string {
  let s = w.replace(HARAKAT, '').replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه');
  if (s.endsWith('ى')) s = s.slice(0, -1) + 'ي';
  else if (s.endsWith('ي')) s = s.slice(0, -1) + 'ى';
  return s;
}

/**
 * The clitic rules. `v2` (the default) follows the issue literally; `v1`, the first
 * version, also toggled letters that are no clitic: it cut the ال of words whose ال is
 * their own (ألبوم → بوم, إلغاء → غاء: an article is never written with hamza) and gave
 * four-letter words with the article a second one (الفن → الالفن).
 */
export type Recipe = 'v1' | 'v2';

/**
 * Adds or removes a clitic (و, ب, ال) on a word, the way people do: a word with the
 * article loses it (or gains و); وال/بال lose their first letter; لل becomes ال; a word
 * starting with ب ل ف ك (maybe a clitic already) gains و; a bare word gains و, ب or ال.
 * A word starting with و is left alone (the و may be the clitic or the root): null.
 * `surface` is the word as written (v2 reads its hamza: أل is no article).
 */
function toggleClitic(w: string, surface: string, r: () => number, recipe: Recipe): string | null {
  if (!/^\p{Script=Arabic}{2,}$/u.test(w)) return null;
  if (/^[وبفك]ال/.test(w) && w.length > 5) return w.slice(1);
  if (w.startsWith('لل') && w.length > 4) return 'ا' + w.slice(1);
  const article = w.startsWith('ال') && (recipe === 'v1' ? w.length > 4 : w.length > 3 && !/^[أإآ]/.test(surface));
  if (article) return r() < 0.5 ? w.slice(2) : 'و' + w;
  if (w.startsWith('و')) return null;
  if (/^[بلفك]/.test(w)) return 'و' + w;
  const pick = r();
  return (pick < 1 / 3 ? 'ال' : pick < 2 / 3 ? 'ب' : 'و') + w;
}

/** The seed of the reported run (bench/search/index.ts). */
export const REPORT_SEED = 20150721;
/** The seed ranking and stemmer changes were tuned on (bench/search/tune.ts); shown beside, never as the result. */
export const TUNING_SEED = 7;

/** Draws `n` known-item queries from `articles` (those with text and ≥ 2 headline content words). */
export function knownItems(articles: BenchArticle[], n: number, seed = REPORT_SEED, recipe: Recipe = 'v2'): KnownItem[] {
  const r = rng(seed);
  const byFold = new Map<string, string[]>();
  for (const a of articles) {
    const f = foldTitle(a.title);
    const list = byFold.get(f);
    if (list) list.push(a.id);
    else byFold.set(f, [a.id]);
  }
  const pool = articles.filter((a) => a.text.trim() !== '');
  const out: KnownItem[] = [];
  const used = new Set<string>();
  let guard = 0;
  while (out.length < n && guard++ < n * 50) {
    const a = pool[Math.floor(r() * pool.length)]!;
    if (used.has(a.id)) continue;
    const words = tokenize(a.title)
      .filter((t) => !isStopword(t.norm) && t.norm.length > 1)
      .map((t) => t.surface);
    if (words.length < 2) continue;
    const len = words.length >= 3 && r() < 0.5 ? 3 : 2;
    const start = Math.floor(r() * (words.length - len + 1));
    const picked = words.slice(start, start + len);
    const typed = picked.map(typeWord);
    const options = typed.map((w, i) => [i, toggleClitic(w, picked[i]!.replace(HARAKAT, ''), r, recipe)] as const).filter(([, w]) => w !== null);
    if (options.length === 0) continue;
    const [k, changed] = options[Math.floor(r() * options.length)]!;
    typed[k] = changed!;
    used.add(a.id);
    out.push({
      target: a.id,
      title: a.title,
      written: picked.join(' '),
      typed: typed.join(' '),
      relevant: new Set(byFold.get(foldTitle(a.title)) ?? [a.id]),
    });
  }
  return out;
}
