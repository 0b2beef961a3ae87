/**
 * The people finder's word lists, read once from data/people/:
 * - `titles.tsv` (hand-written): office and role words that introduce a name, honorifics
 *   skipped before it, two-word triggers (ولي العهد), verbs whose subject is a person, and
 *   institution words before which a name is no person (مطار الملك خالد الدولي);
 * - `names.tsv` (built by data/people/build.ts): given names and surnames, each with where it
 *   was learnt (an openly licensed name list, or how often the corpus shows it after a title).
 * Plus word classes read from the shipped document frequencies (a word that often takes ال is
 * a common noun, not a name; a frequent word that never does is a verb or a particle).
 * Contract: `lexicon()` is cached; all keys are normalized (src/arabic normalize) without ال
 * unless the form itself is definite (surnames such as الجبير).
 */
import { readFileSync } from 'node:fs';
import { normalize } from '../../arabic/index.ts';
import { rootUrl } from '../../paths.ts';
import { shippedTermStats, type TermStats } from '../termstats.ts';

export interface PeopleLexicon {
  /** Trigger key (normalized, without ال and clitics) → kind. */
  office: Set<string>;
  role: Set<string>;
  honorific: Set<string>;
  /** First word → the words that must follow (ولي → [العهد], [ولي العهد]). */
  pair: Map<string, string[][]>;
  speaker: Set<string>;
  context: Set<string>;
  /** Given names (Arabic and transliterated) known from the name list or the corpus. */
  given: Set<string>;
  /**
   * Arabic names of the name list that another listed name would meet under the
   * transliteration fold (حسن/حسين، قاسم/جاسم، سعد/سعيد): kept as spelled, never folded.
   */
  arabic: Set<string>;
  /** Given names learnt from the corpus rather than the Arabic name list: mostly transliterated (سيباستيان، جورج). */
  foreign: Set<string>;
  /** Surnames, definite ones with their ال (الجبير، السبيعي). */
  surname: Set<string>;
  stats: TermStats;
  /**
   * An unknown word more frequent than this is no name (ارتفاع، مقر). data/people/build.ts lifts
   * it while learning names, so frequent names (جون) can be learnt and listed.
   */
  maxUnknownDf: number;
}

let cached: PeopleLexicon | undefined;

/**
 * A transliterated word's phonetic key: ج/غ/ق → ج, long vowels (ا و ي) inside the word
 * dropped when at least three letters remain, doubled letters single.
 */
export function foldForeign(w: string): string {
  let s = w.replace(/[غق]/g, 'ج');
  if (s.length >= 4) {
    const inner = s.slice(1, -1).replace(/[اوي]/g, '');
    if (inner.length + 2 >= 3) s = s[0] + inner + s[s.length - 1];
  }
  return s.replace(/(.)\1+/g, '$1');
}

const norm = (s: string): string => normalize(s.trim()).replace(/\s+/g, ' ');
const bare = (s: string): string => s.replace(/^ال(?=..)/, '');

function rows(file: string): string[][] {
  return readFileSync(rootUrl(file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.trim()));
}

export function lexicon(): PeopleLexicon {
  cached ??= makeLexicon(rows('data/people/names.tsv').map(([w, k]) => [w ?? '', k ?? '']));
  return cached;
}

/** A lexicon over the shipped titles and the given `[word, kind]` names (kind: arabic | given | surname). */
export function makeLexicon(names: ReadonlyArray<readonly [string, string]>): PeopleLexicon {
  const lx: PeopleLexicon = {
    office: new Set(),
    role: new Set(),
    honorific: new Set(),
    pair: new Map(),
    speaker: new Set(),
    context: new Set(),
    given: new Set(),
    arabic: new Set(),
    foreign: new Set(),
    surname: new Set(),
    stats: shippedTermStats(),
    maxUnknownDf: 300,
  };
  for (const [kind, form, extra] of rows('data/people/titles.tsv')) {
    if (!kind || !form) continue;
    const n = norm(form);
    const feminine = extra !== '!';
    switch (kind) {
      case 'office':
      case 'role': {
        const k = bare(n);
        const set = kind === 'office' ? lx.office : lx.role;
        set.add(k);
        if (feminine && !k.endsWith('ه') && !k.endsWith('ا')) set.add(k + 'ه');
        break;
      }
      case 'honorific':
        lx.honorific.add(n);
        break;
      case 'pair': {
        const list = lx.pair.get(bare(n)) ?? [];
        list.push(norm(extra ?? '').split(' '));
        lx.pair.set(bare(n), list);
        break;
      }
      case 'speaker':
        lx.speaker.add(n);
        break;
      case 'context':
        lx.context.add(bare(n));
        break;
    }
  }
  const byFold = new Map<string, string[]>();
  for (const [word, kind] of names) {
    if (!word || !kind) continue;
    const n = norm(word);
    if (kind === 'surname') lx.surname.add(n);
    else {
      lx.given.add(n);
      if (kind === 'given') lx.foreign.add(n);
      if (kind === 'arabic') byFold.set(foldForeign(n), [...(byFold.get(foldForeign(n)) ?? []), n]);
    }
  }
  for (const same of byFold.values()) if (same.length > 1) for (const n of same) lx.arabic.add(n);
  return lx;
}

/**
 * A common word (noun or adjective): it takes ال in the corpus at least a third as often as
 * it goes without (ساعات/الساعات، مطالب/المطالب). Names seldom do (سيرجي، نقلي).
 */
export function isCommonNoun(lx: PeopleLexicon, w: string): boolean {
  if (w.startsWith('ال')) return false;
  const def = lx.stats.df('ال' + w);
  return def >= 5 && def >= 0.3 * lx.stats.df(w);
}

/**
 * A present-tense verb (يعزي، تستقبل، نطالب): a ي/ت/ن-initial word the corpus knows, never
 * with ال. Past verbs and names look alike to counts (both shun ال): they are told apart by
 * the stop list and the name lists instead.
 */
export function isVerbLike(lx: PeopleLexicon, w: string): boolean {
  // (ت or ن and a long ي is how transliterations start, not present verbs: تيفيز، نيفيز.)
  if (w.startsWith('ال') || lx.given.has(w) || lx.surname.has(w) || w.length < 4 || !/^(ي|ت|ن|سي|ست)/.test(w) || /^[تن]ي/.test(w)) return false;
  // The present of the fifth and sixth forms (يتحاور، يتفاعل) is a verb however rare.
  if (/^يت[^اوي].{2,3}$/.test(w)) return true;
  // A future verb is س and a known present verb (سيخلف); سيرغي، ستيفن are not.
  if (w.startsWith('س') && lx.stats.df(w.slice(1)) < 20) return false;
  const df = lx.stats.df(w);
  if (df < 3 || lx.stats.df('ال' + w) >= 0.05 * df) return false;
  return otherPersons(lx, w);
}

/**
 * A present verb comes in other persons too (نطالب/يطالب/تطالب); a transliterated name that
 * only starts like one does not (نتنياهو، تيرنر، يانوزاي): the corpus knows the word with
 * another of the prefixes ي/ت/ن/ا.
 */
export function otherPersons(lx: PeopleLexicon, w: string): boolean {
  const p = w.startsWith('س') && w.length > 4 ? 2 : 1;
  let siblings = 0;
  // (A plural or dual ending is left off too: يقتلون → تقتل، نقتل.)
  for (const v of /^.{4,}(ون|وا|ان|ين)$/.test(w) ? [w, w.slice(0, -2)] : [w]) {
    for (const x of ['ي', 'ت', 'ن', 'ا']) if (x !== v[p - 1]) siblings += lx.stats.df(v.slice(0, p - 1) + x + v.slice(p));
  }
  return siblings >= 3;
}
