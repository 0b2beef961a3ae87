/**
 * Keyword candidates (for keywords.ts): the record of a word or phrase of an article, and the
 * article's noun phrases of 2–3 content words inside one clause.
 *
 * A phrase starts at a word that may be a keyword alone and continues over words a phrase may
 * hold; it never holds a preposition glued to a word (بمناسبة ذكرى، رجل أمن بانفجار) but a ب/ك
 * before a definite first word (بالألعاب النارية: its display is without it) and one the corpus
 * writes bare before an indefinite first word (بعيد الفطر is عيد الفطر), nor starts
 * with a و conjunction (وسفك الدماء، وشعب المملكة: the second of two conjuncts); it ends at a
 * coordinated word (الأسلحة | والذخيرة) and at an indefinite word after a definite one
 * (المباريات الودية | جيدة: a predicate or a new clause, not an adjective or a genitive), at a
 * definite title word after a definite one (ولي العهد | النائب الثاني: an apposition), at a time
 * adjective (الجلسة | السابقة) and at a word that refers back to the story's subject (صفوف |
 * الفريق); it never starts at an elative (أدنى مستوى) and may end in a one-word name in quotes
 * (أسعار خام “برنت”).
 * A phrase is keyed as termstats.ts keys it (the first word's term key, then the others as
 * written); occurrences are found through a tree of those words, so no key string is built per
 * occurrence, and the corpus df of each phrase is asked once per article (KeywordLexicon.phraseDf).
 * Contract: pure given the tokens, the per-token forms and keys, and the lexicon.
 */
import { TITLE_WEIGHT } from './entities.ts';
import type { Form, KeywordLexicon } from './keyword-lexicon.ts';
import type { DocToken } from './tokens.ts';

export interface Cand {
  keys: string[];
  display: Map<string, number>;
  /** Weighted count (title occurrences weigh 1 + TITLE_WEIGHT); occurrences in the body; in all. */
  tf: number;
  body: number;
  raw: number;
  /** Occurrences as the second part of a noun phrase. */
  attached: number;
  /** Occurrences written with the article; not glued to a preposition the display keeps (words: لشغل). */
  def?: number;
  free?: number;
  /** Occurrences before phrases absorbed them (words). */
  raw0?: number;
  /** Named once, after the lead, and known to the corpus as a unit (phrases). */
  known?: boolean;
  /** Occurrences (a phrase's first token); the displays are spelled out on first need. */
  starts?: number[];
  df: number;
  first: number;
}

/** Offices that, definite after a definite word, open an apposition (ولي العهد | النائب الثاني، الحرمين الشريفين | الملك سلمان). */
const OFFICE = /^(نائب|رئيس|وزير|مدير|امين|قائد|محافظ|سفير|امير|ملك|شيخ)$/;

/** A phrase behind a glued preposition is keyed bare when the corpus knows it in this many documents (keywords.ts MIN_PHRASE_DF). */
const BARE_DF = 12;

/** Time adjectives (normalized): a reader judged each of the 13 keywords ending in one weak; no editor's keyword does. */
const TIME = /^(ال)?(سابق|ماضي|مقبل|قادم|حالي|اخير|منصرم|آخير)(ه|ين|ون|ان|تين|تان)?$/;

/** Elatives (normalized) that head no phrase: a reader judged the 6 such keywords weak, no editor tagged one. */
const ELATIVE = new Set(['ادني', 'اعلي', 'اكبر', 'اقل', 'اكثر', 'افضل', 'اسوا', 'اهم', 'ابرز', 'اقصي', 'ارفع', 'اطول', 'اقوي', 'اضعف']);

/**
 * Words that refer back to what the story names elsewhere (the team, the kingdom) or to a formula
 * (الشفاء العاجل): no phrase holds them (صفوف الفريق, مناطق المملكة: a reader judged 20 of the 21
 * such keywords weak, no editor tagged one); and heads of the same kind (الجهاز الفني، أفراد الأسرة،
 * مناطق المملكة: 13 of 14 weak). Not الرسمي: cut off, it left its head alone (الراعي | الرسمي).
 */
const ANAPHOR = new Set(['الفريق', 'المملكه', 'العاجل']);
const GENERIC_HEAD = new Set(['الجهاز', 'افراد', 'مناطق']);

/** A phrase found so far, and the phrases one word longer that continue it. */
interface Node {
  c: Cand;
  next?: Map<string, Node>;
}

/**
 * The article's phrases in order of first occurrence. `formAt[i]`: the form of token i (set
 * wherever `partKeyAt[i]` is); `wordKeyAt[i]`: the grouping key of a word that may start a
 * phrase; `partKeyAt[i]`: of a word a phrase may hold.
 */
export function findPhrases(
  toks: readonly DocToken[],
  formAt: readonly (Form | undefined)[],
  wordKeyAt: readonly (string | undefined)[],
  partKeyAt: readonly (string | undefined)[],
  lex: KeywordLexicon,
  /** Words a phrase may end at but not go past (a name never written with ال: nameTails). */
  endAt: readonly boolean[] = [],
): Cand[] {
  const out: Cand[] = [];
  const byFirst = new Map<string, Map<string, Node>>();
  for (let i = 0; i < toks.length; i++) {
    if (!wordKeyAt[i]) continue;
    const head = formAt[i]!;
    // A ب/ك glued to a definite head is cut from the phrase (بالألعاب النارية → الألعاب النارية;
    // not لل, whose display loses the article's ا); keywords.ts keeps such a phrase only where the
    // corpus knows it or the article also writes it bare.
    // An indefinite head whose preposition wordForm cut (بعيد الفطر → عيد الفطر, بمكافحة الإرهاب) is
    // keyed bare too; keywords.ts keeps such a phrase only where the corpus knows it (not لكرة القدم,
    // whose ل the corpus keeps: الاتحاد السعودي لكرة القدم).
    const bare = head.glued && !head.definite && !head.kept && head.key !== head.spelling.norm;
    if ((head.glued && !bare && !(head.spelling.term.cut > 0 && head.definite && !head.spelling.term.restoreAl)) || head.conjunct) continue;
    // (An elative heads a comparison, not a topic: أدنى مستوى، أهم الوجهات السياحية; nor does a generic head: الجهاز الفني.)
    if (ELATIVE.has(head.key) || GENERIC_HEAD.has(head.key)) continue;
    const first = bare ? lex.spellingOf(head.key) : head.spelling;
    const t = toks[i]!;
    let node: Node | undefined;
    let before = head;
    const rest: string[] = [];
    for (let n = 1; n < 3; n++) {
      const u = toks[i + n];
      // (A one-word name in quotes may end a phrase: خام «برنت», مزيج “برنت”.)
      const quoted = !!u && u.quote && (toks[i + n + 1]?.brk ?? true);
      if (!u || (u.brk && !quoted) || u.seg !== t.seg || !partKeyAt[i + n]) break;
      const fu = formAt[i + n]!;
      if (fu.glued || fu.coordinated) break;
      if (before.definite && (!fu.definite || OFFICE.test(fu.key.slice(2)))) break;
      // (A time adjective places the noun in time, it names nothing: الجلسة | السابقة، الأجيال | القادمة.)
      if (TIME.test(fu.key) || ANAPHOR.has(fu.key)) break;
      before = fu;
      const w = fu.spelling.norm;
      rest.push(w);
      let level: Map<string, Node> | undefined;
      if (n === 1) {
        level = byFirst.get(first.term.key);
        if (!level) byFirst.set(first.term.key, (level = new Map()));
      } else level = node!.next ??= new Map();
      const next = level.get(w);
      const df = next ? next.c.df : lex.phraseDf(first, rest);
      // (A bare-keyed occurrence counts only for a phrase the corpus knows: not بفتح فصول, ببيع عقود.)
      if (bare && df < BARE_DF) break;
      node = next;
      if (!node) {
        const c: Cand = { keys: partKeyAt.slice(i, i + n + 1) as string[], display: new Map(), tf: 0, body: 0, raw: 0, attached: 0, df, first: i, starts: [] };
        level.set(w, (node = { c }));
        out.push(c);
      }
      const c = node.c;
      c.tf += t.seg === 0 ? 1 + TITLE_WEIGHT : 1;
      c.raw++;
      if (t.seg === 1) c.body++;
      c.starts!.push(i);
      if (endAt[i + n] || quoted) break;
    }
  }
  return out;
}

/**
 * A verb-like word (frequent, never written with ال) that may be a name: not a present-tense
 * prefix, no و/ف/ب/ل glued, no accusative ا or pronoun suffix (برنت، عكاظ; not يقود، وأصيب،
 * مترا، منهم). A phrase may end in one (nameTails); no keyword is such a word alone.
 */
const NAME_LIKE = /^(?!ي|ت|ن|سي|ست|و|ف).+(?<!ا|ه|هم|ها|نا)$/;
export const nameLike = (f: Form): boolean => NAME_LIKE.test(f.key) && !f.glued && !f.coordinated && !f.conjunct;

/** A name-ending phrase names the corpus's unit when in this share of the name's documents (خام برنت 97 of برنت 178; not متحدث باسم 137 of 1,535). */
const NAME_SHARE = 0.1;
/** …and is no cut of a longer one: the phrase one word longer is in under this share of its documents (فسيح | جناته). */
const CONTINUES_SHARE = 0.5;

/**
 * The phrases without a name-like word (`nameAt`), and those that end in one when the corpus
 * phrase table knows them as a unit (df ≥ minDf and NAME_SHARE of the name's df: `خام برنت`،
 * `مزيج برنت`، `سوق عكاظ`) and the article does not cut them short of a longer phrase it knows
 * as well (`دوري عبداللطيف | جميل`). A name inside a phrase (`نائب خادم | الحرمين الشريفين`)
 * is never kept: the table holds no longer phrase to tell a cut.
 */
export function nameTails(
  phrases: readonly Cand[],
  toks: readonly DocToken[],
  formAt: readonly (Form | undefined)[],
  nameAt: readonly boolean[],
  lex: KeywordLexicon,
  minDf: number,
): Cand[] {
  const continues = (p: Cand): boolean =>
    p.starts!.some((i) => {
      const u = toks[i + p.keys.length];
      if (!u || u.brk || u.seg !== toks[i]!.seg) return false;
      const rest: string[] = [];
      for (let k = 1; k < p.keys.length; k++) rest.push(formAt[i + k]!.spelling.norm);
      rest.push(lex.spelling(u).norm);
      return lex.phraseDf(formAt[i]!.spelling, rest) >= Math.max(minDf, CONTINUES_SHARE * p.df);
    });
  return phrases.filter((p) => {
    const n = p.keys.length - 1;
    for (let k = 1; k < n; k++) if (nameAt[p.first + k]) return false;
    if (!nameAt[p.first + n]) return true;
    return p.df >= minDf && p.df >= NAME_SHARE * formAt[p.first + n]!.df && !continues(p);
  });
}
