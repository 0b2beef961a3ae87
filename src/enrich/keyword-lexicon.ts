/**
 * What keywords.ts asks about one spelling, asked once: whether it is a content word, its term
 * key, and per written form its keyword form (keyword-forms.ts wordForm) with the answers that
 * follow from it alone — stem, verb-likeness, pronoun suffix, glued preposition, definiteness.
 *
 * Why: these answers depend only on the spelling and the term statistics, and word frequencies
 * are Zipfian: asked per token they cost a dozen df lookups on freshly built strings and a stem
 * per word of every article (a third of keyword extraction's CPU). They hang off the token's
 * memoized WordInfo (tokens.ts `infoOf`, one hash lookup per token that the entity pass already
 * made), so a token costs a few property reads.
 *
 * A `KeywordLexicon` belongs to one TermStats. Answers are kept across articles only when the
 * statistics say they never change (`frozen`: the shipped table); for any other statistics
 * `lexiconFor` gives a new lexicon per call, so its answers live for one article, as before.
 * Contract: every answer equals what the function it memoizes returns for the same token.
 */
import { readFileSync } from 'node:fs';
import { rootUrl } from '../paths.ts';
import { stem } from '../arabic/index.ts';
import { adverb, definite, keptClitic, NISBA, pronounAttached, verbLike, wordForm } from './keyword-forms.ts';
import { isContent, MemoryTermStats, termKey, type TermKey, type TermStats } from './termstats.ts';
import { cleanSurface, infoOf, wordInfo, type DocToken, type WordInfo } from './tokens.ts';

/** Reporting verbs and fillers that are never keywords (data/keywords/stoplist.txt). */
export const STOPLIST: ReadonlySet<string> = new Set(
  readFileSync(rootUrl('data/keywords/stoplist.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')),
);

/** One normalized spelling. */
export interface Spelling {
  readonly lex: KeywordLexicon;
  /** The normalized spelling (one string object for all its tokens). */
  readonly norm: string;
  /** isContent: Arabic letters only, 2+ letters, no stopword. */
  readonly content: boolean;
  /** On the keyword stoplist as written. */
  readonly stop: boolean;
  /** termKey of the spelling. */
  readonly term: TermKey;
  /** The term key has a nisba's shape (a demonym may still be a phrase's part). */
  readonly nisba: boolean;
  /** Its first written form met, and the others (most spellings have one). */
  form?: Form;
  others?: Form[];
  /** The table's phrases that start with this term key (KeywordLexicon.phraseDf), looked up on first need. */
  phrases?: PhraseLevel | null;
}

/** Phrases of a table by their following words: the document frequency of each, and the phrases one word longer. */
type PhraseLevel = Map<string, { df: number; next?: PhraseLevel }>;

/** One written form (surface) of a spelling: wordForm's answer and what follows from it, each computed on first need. */
export class Form {
  private stem_?: string;
  private short_?: boolean;
  private attached_?: boolean;
  private verbLike_?: boolean;
  private adverb_?: boolean;
  private kept_?: boolean;
  private glued_?: boolean;
  private conjunct_?: boolean;
  private coordinated_?: boolean;
  private definite_?: boolean;
  private clean_?: string;
  private attributive_?: boolean;

  readonly surface: string;
  readonly key: string;
  readonly display: string;
  readonly df: number;

  constructor(
    private readonly lex: KeywordLexicon,
    readonly spelling: Spelling,
    /** A token of this form (only its surface and norm are read). */
    private readonly tok: DocToken,
  ) {
    const f = wordForm(tok, lex.stats);
    this.surface = tok.surface;
    this.key = f.key;
    this.display = f.display;
    this.df = f.df;
  }

  get stem(): string {
    return (this.stem_ ??= stem(this.key));
  }

  /** Too short or on the stoplist (as keyed or stemmed): never a keyword word. */
  get short(): boolean {
    return (this.short_ ??= this.key.length < 3 || STOPLIST.has(this.key) || STOPLIST.has(this.stem));
  }

  /** keyword-forms.ts pronounAttached. */
  get attached(): boolean {
    return (this.attached_ ??= pronounAttached(this.key, this.df, this.lex.stats));
  }

  /** keyword-forms.ts verbLike. */
  get verbLike(): boolean {
    return (this.verbLike_ ??= verbLike(this.key, this.df, this.lex.stats));
  }

  /** keyword-forms.ts adverb. */
  get adverb(): boolean {
    return (this.adverb_ ??= adverb(this.key, this.lex.stats));
  }

  /** keyword-forms.ts keptClitic: a ب/ل the display keeps before a word the corpus knows better without it. */
  get kept(): boolean {
    return (this.kept_ ??= keptClitic(this.tok, this, this.lex.stats));
  }

  /** A preposition glued to the word (بمناسبة، لشغل, not بطاقة): no phrase holds it. */
  get glued(): boolean {
    if (this.glued_ === undefined) {
      const norm = this.tok.norm;
      const head = this.spelling.term;
      if (head.cut > 0) this.glued_ = /^[وف]?[بكل]/.test(norm);
      else if (this.key !== head.key && /^[بكل]/.test(head.key)) this.glued_ = true;
      // Not cut by wordForm but glued all the same: the bare word is the more frequent (لشغل، للوقوف),
      // or the word is never written with ال while the bare one is a word (بموفور الصحة; not بطاقة).
      else {
        const df = (w: string): number => this.lex.stats.df(w);
        const rest = this.key.slice(1);
        this.glued_ = /^[بكل]/.test(this.key) && this.key.length >= 4 && (df(rest) > df(this.key) || (this.key.length >= 5 && df('ال' + this.key) === 0 && df(rest) >= 5));
      }
    }
    return this.glued_;
  }

  /** Glued to a و conjunction (wordForm: وسفك 45 is و + سفك 60; not وزارة، ولي، وادي). */
  get conjunct(): boolean {
    return (this.conjunct_ ??= this.tok.norm.startsWith('و') && this.spelling.term.cut === 0 && this.key !== this.tok.norm);
  }

  /** Written with a coordinating و/ف (a clitic cut, or one wordForm cut): it starts a new noun phrase. */
  get coordinated(): boolean {
    return (this.coordinated_ ??= /^[وف]/.test(this.tok.norm) && (this.spelling.term.cut > 0 || this.key !== this.tok.norm));
  }

  /** keyword-forms.ts definite: ال as written, or لل. */
  get definite(): boolean {
    return (this.definite_ ??= definite(this.tok));
  }

  /** A definite nisba-like adjective without a و/ف before it (الحياتية، الإعلامي): attributive after a content word. */
  get attributive(): boolean {
    return (this.attributive_ ??= /^ال.*(ي|يه)$/.test(this.key) && !/^[وف]/.test(this.tok.norm));
  }

  /** The surface without harakat and tatweel (tokens.ts cleanSurface). */
  get clean(): string {
    return (this.clean_ ??= cleanSurface(this.tok.surface));
  }
}

export class KeywordLexicon {
  /** The frozen table's phrases by first term key, when the statistics are an in-memory table. */
  private readonly phraseTable?: Map<string, PhraseLevel>;

  constructor(readonly stats: TermStats) {
    if (stats.frozen && stats instanceof MemoryTermStats) this.phraseTable = phraseTable(stats);
  }

  /**
   * `stats.df` of the phrase `first` + `rest` (the words' norms), as termstats.ts keys it: the first
   * word's term key and the others as written, joined by spaces. From the phrase table when there
   * is one, so no key string is built.
   */
  phraseDf(first: Spelling, rest: readonly string[]): number {
    if (!this.phraseTable) return this.stats.df([first.term.key, ...rest].join(' '));
    if (first.phrases === undefined) first.phrases = this.phraseTable.get(first.term.key) ?? null;
    let level: PhraseLevel | null | undefined = first.phrases;
    let df = 0;
    for (const w of rest) {
      const e: { df: number; next?: PhraseLevel } | undefined = level?.get(w);
      if (!e) return 0;
      df = e.df;
      level = e.next;
    }
    return df;
  }

  /** The token's spelling (memoized on its WordInfo while this lexicon is the one asked). */
  spelling(t: DocToken): Spelling {
    return this.spellingOf(t.norm, infoOf(t));
  }

  /** A normalized word's spelling, met without a token of its own (a phrase's head without its glued preposition: keyword-phrases.ts). */
  spellingOf(norm: string, info: WordInfo = wordInfo(norm)): Spelling {
    let s = info.keyword as Spelling | undefined;
    if (s?.lex !== this) {
      const term = termKey(norm);
      info.keyword = s = { lex: this, norm, content: isContent({ norm }), stop: STOPLIST.has(norm), term, nisba: NISBA.test(term.key), form: undefined, others: undefined, phrases: undefined };
    }
    return s;
  }

  /** The token's written form. */
  form(t: DocToken, s: Spelling = this.spelling(t)): Form {
    const surface = t.surface;
    if (s.form?.surface === surface) return s.form;
    const others = s.others;
    if (others) for (let k = 0; k < others.length; k++) if (others[k]!.surface === surface) return others[k]!;
    const f = new Form(this, s, { surface, norm: t.norm, seg: t.seg, brk: false });
    if (!s.form) s.form = f;
    else (s.others ??= []).push(f);
    return f;
  }
}

const kept = new WeakMap<TermStats, KeywordLexicon>();

/** The lexicon of `stats`: one for the life of frozen statistics, else a new one (answers for one article). */
export function lexiconFor(stats: TermStats): KeywordLexicon {
  if (!stats.frozen) return new KeywordLexicon(stats);
  let lex = kept.get(stats);
  if (!lex) kept.set(stats, (lex = new KeywordLexicon(stats)));
  return lex;
}

/** A table's phrase keys (2 or 3 words) as a tree by first word, then each following word. */
export function phraseTable(stats: MemoryTermStats): Map<string, PhraseLevel> {
  const table = new Map<string, PhraseLevel>();
  for (const [key, df] of stats.counts) {
    const words = key.split(' ');
    if (words.length < 2) continue;
    let level = table.get(words[0]!) ?? table.set(words[0]!, new Map()).get(words[0]!)!;
    for (let k = 1; k < words.length; k++) {
      let e = level.get(words[k]!);
      if (!e) level.set(words[k]!, (e = { df: 0 }));
      if (k === words.length - 1) e.df = df;
      else level = e.next ??= new Map();
    }
  }
  return table;
}
