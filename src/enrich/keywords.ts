/**
 * Keywords (كلمات دلالية) of one article: 3 to 8 display strings, entity names first, then
 * phrases and words ranked by salience — TF-IDF against corpus document frequencies
 * (TermStats), with words in the title weighing TITLE_WEIGHT more. Up to 8 are given whenever
 * the article has that many candidates (an editor tags 3–8; a ninth-best phrase is still better
 * than none), less the common single words (PLAIN_DF) and the words of the telling
 * (keyword-told.ts) held back, whose places go to the next names the article gives.
 *
 * Candidates:
 * - entities mentioned at least twice or in the title, most salient first (display: their most
 *   frequent spelling in the article, so `إيران` stays `إيران`; a person by the shortest name of
 *   two or more words the article uses, `ماجد السبيعي` rather than `ماجد بن فهد السبيعي`); a
 *   country seen only through demonyms (`اللاعب التركي`، `كأس السوبر السعودي`) is no keyword
 *   unless its people are named again and again (`السكان السعوديين`) or the article is too short for
 *   three others (keyword-entities.ts); a news agency quoted (`رويترز`، `واس`) is a source, never a keyword; Saudi regions and governorates the
 *   gazetteer lacks (`عسير`، `حفر الباطن`: keyword-places.ts) rank as entities; a country the
 *   title does not name leads only when named COUNTRY_LEAD times (not `تركيا` for a training camp);
 * - the office of a salient person when it is a state's ministerial post (`وزير الدفاع الروسي`; not
 *   `نظيره الإيراني`, `الرئيس الإيراني`, `المدرب الهولندي`: editors tag the person, not the title);
 * - a person the corpus names in over BACKGROUND_SHARE (keyword-entities.ts) of its documents (the king, the crown
 *   princes in a greeting formula) leads only when the title names them or their office;
 * - 2–3-word noun phrases of content words that the corpus knows as a unit (df ≥ MIN_PHRASE_DF
 *   and a good share of their words' df) and that recur here, or that recur 3+ times here, or
 *   that the corpus knows well and the title or lead names once (`تحطم طائرة`), or that it knows
 *   as a unit in many documents, named once anywhere (`عاصفة الحزم`). A phrase ends at
 *   a coordinated word (`الأسلحة | والذخيرة`) and at an indefinite word after a definite one
 *   (`المباريات الودية | جيدة`: a predicate, not an adjective). After its first word a phrase
 *   may hold a word too common to be a keyword alone (`رجال الأمن`) and a demonym a country
 *   took (`الدوري الإنجليزي`، `الأسهم الأمريكية`); it may end in a name the corpus never writes
 *   with ال where the corpus knows the phrase (`خام برنت`: keyword-phrases.ts nameTails), and a ب/ك
 *   glued to its definite first word is cut off (`بالألعاب النارية` → `الألعاب النارية`);
 * - single content words that recur (twice in the body, or title + body), not part of an entity
 *   mention, shown through the phrase holding them that the corpus knows and that carries at
 *   least half of their occurrences here (`الانتقالات` → `فترة الانتقالات`, `الحر` → `موجة الحر`);
 * - a word family editors tag by one noun (data/keywords/topics.txt: `الإرهابية`، `إرهابي`،
 *   `للإرهابيين` → `الإرهاب`), shown as that noun, a candidate even when written only as an
 *   adjective after its noun, counted in the phrases that hold it (`الجرائم الإرهابية` names the
 *   topic too: keyword-topics.ts);
 * - entities named once, scored like a rare word, twice that when the lede (the body's first
 *   LEDE_TOKENS tokens) names them; a person or body named once after the lede whom the corpus
 *   hardly knows (an expert or spokeswoman quoted in passing) does not lead (keyword-entities.ts).
 * A definite sound plural is shown in its nominative base form, with the adjectives that agree
 * with it, when the article or the corpus writes it (`المستوطنين` → `المستوطنون`, `اللاعبين
 * الأجانب` → `اللاعبون الأجانب`, `مصابين` → `المصابون`; not an idafa's genitive `نقابة الصحفيين`, a dual or a name:
 * keyword-forms.ts baseForm). No keyword holds another, in either case of a plural (`الباجي قائد`
 * goes when `الباجي قائد السبسي` is kept, `المستوطنون اليهود` beside `عصابات المستوطنين اليهود`).
 * A common word the article never writes with ال (شخص، سبل، هدوء) weighs GENERIC_WEIGHT: a word of
 * the telling, not the topic; so does, at ASIDE_WEIGHT, a word named at most twice and neither in
 * the title nor in the lede (متهكما).
 * Never output: stopwords, numbers, single letters, clitic fragments (وال، ال), pronoun-suffixed
 * forms whose bare form the corpus knows far better (مواساته، مديونياتها، لقاءاته), adverbs
 * (ماديا ومعنويا) and other indefinite accusatives (139 معلما، مرتفعا), phrases opening with a
 * و conjunction (وسفك الدماء), verb-like words (frequent but never with an article: وصل، يقود،
 * بلاده; or of a verb's shape, however rare: يشيخون، استشهد), a derived verbal noun's accusative
 * (اتصالاً، استنادا), a plural in construct with a pronoun (مشتركيها), a definite word only ever
 * seen after another word (an adjective tail of a phrase: الحياتية), phrases holding a glued
 * preposition (بمناسبة ذكرى، رجل أمن بانفجار) and words always so (لشغل، برصيد), phrases cut
 * before their idafa's last term (فتح باب | التقديم: keyword-forms.ts cutShort; a word shown through
 * such a phrase is shown with that term when it is always the same, عطلة نهاية الأسبوع), words used in
 * over MAX_DF_SHARE of documents (stopword-like in news: العام، المملكة، اليوم), words on
 * data/keywords/stoplist.txt (reporting verbs and fillers: مشيرا، مؤكدا، ...).
 * Contract: pure given its inputs and the shipped tables (editor tags, people roles); [] for empty, numeric-only or non-Arabic text.
 */
import { normalize } from '../arabic/index.ts';
import { analyzeEntities, TITLE_WEIGHT, type ArticleText } from './entities.ts';
import { docTokens, type DocToken } from './tokens.ts';
import { alongside, withCandidates } from './keyword-events.ts';
import { beforePerson, displayOnce, entityRanks, LEDE_TOKENS } from './keyword-entities.ts';
import { baseForm, caseFold, completed, cutShort, NISBA, verbLike } from './keyword-forms.ts';
import { PLURAL } from './people/words.ts';
import { lexicon } from './people/lexicon.ts';
import { lexiconFor, type Form } from './keyword-lexicon.ts';
import { findPhrases, nameLike, nameTails, type Cand } from './keyword-phrases.ts';
import { TITLE_TOPIC_WEIGHT, topicTag } from './keyword-topics.ts';
import { termKey, type TermStats } from './termstats.ts';
import { shippedEditorTags, type EditorTags } from './editor-tags.ts';
import { toldInPassing } from './keyword-told.ts';
import type { EntityInfo } from './types.ts';

export const MIN_PHRASE_DF = 12;
export const MAX_DF_SHARE = 0.08;
/** A phrase named once is a candidate when its corpus df is this share of its rarest word's and it is in the title or the first ONCE_LEAD tokens. */
const ONCE_SHARE = 0.1;
const ONCE_LEAD = 80;
/**
 * A phrase named once further down is a candidate when the corpus knows it as a unit: in at
 * least KNOWN_DF documents and KNOWN_SHARE of its rarest word's (عاصفة الحزم، القضية الفلسطينية);
 * it weighs KNOWN_WEIGHT times a word of the same idf named once.
 */
const KNOWN_DF = 50;
const KNOWN_SHARE = 0.2;
const KNOWN_WEIGHT = 3;
/** Weight of an entity named once against a word of the same idf (entities are never weak keywords). */
const ENTITY_WEIGHT = 1.5;
/** A word never written with ال here and in this many corpus documents weighs GENERIC_WEIGHT (a word of the telling). */
const GENERIC_DF = 50;
const GENERIC_WEIGHT = 0.5;
/**
 * A single word the title and the lede (the body's first LEDE_TOKENS tokens) never name, named at most twice and shown
 * through no phrase (الكشف → الكشف الطبي) weighs ASIDE_WEIGHT: a detail of the telling (متهكما، يقولا). Dev top-8: such
 * words 13–19 % editor keywords, lede words repeated 3+ times below the cut 23–45 % (overlap a 0.656 → 0.656, c 0.647 → 0.653, e 0.640 → 0.648).
 */
const ASIDE_WEIGHT = 0.7;
/**
 * A single word this many corpus documents use, that the title does not hold (الدراسة، المباراة، نظام) or shown without
 * ال (مهرجان، تعليم), is held back — shown only to reach three keywords — unless a sound plural (المصابون، مخالفات). A reader
 * (eval/understand/judged/, sets g and h) found 84 % of 159 body-only such words weak, 76 % of 54 indefinite ones in the
 * title, 53 % of 30 sound plurals, 7 % of entities: judged weak g 0.333 → 0.233, h 0.336 → 0.234; editor keywords −0.000–0.011.
 */
const PLAIN_DF = 100;
/** A word is shown through a phrase of the article holding it when the corpus df of the phrase is this share of the word's (المعسكر → المعسكر الإعدادي). */
const EXPAND_SHARE = 0.05;

export interface KeywordOptions {
  /** At most this many keywords (default 8). */
  max?: number;
  /** Entities already computed for this article (saves a second pass). */
  entities?: EntityInfo[];
  /** Sees each word or phrase candidate's features where its hold-back is decided (keyword-told.ts; for fitting). */
  onTold?: (display: string, x: number[]) => void;
  /** What editors tag (default: the shipped table, editor-tags.ts). */
  editorTags?: EditorTags;
  /** `docTokens(title, text)` of this article, when the caller has them (saves tokenizing twice). */
  tokens?: DocToken[];
}

/** A minister's post with its portfolio and state (وزير الدفاع الروسي، وزيرة الخارجية الأمريكية). */
const MINISTER = /^وزير(ه)? (\S+ ){1,2}\S*(ي|يه)$/;
const DISPLAY_OK = /^[\u0621-\u064a]{2,}( [\u0621-\u064a]{2,})*$/;
const bestDisplay = (m: Map<string, number>): string => [...m].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
const idf = (stats: TermStats, df: number): number => Math.log((stats.docCount + 1) / (df + 1)) + 1;
export function extractKeywords(article: ArticleText, stats: TermStats, opts: KeywordOptions = {}): string[] {
  const max = opts.max ?? 8;
  const toks = opts.tokens ?? docTokens(article.title ?? '', article.text ?? '');
  const found = opts.entities ?? analyzeEntities(article, undefined, toks);
  const tooCommon = Math.max(50, stats.docCount * MAX_DF_SHARE);
  const covered = new Set(found.flatMap((e) => e.coveredNorms));
  // Regions and governorates the gazetteer lacks (عسير، حفر الباطن) and competitions (كأس ولي العهد) rank with the entities.
  const places = alongside(toks, covered, stats);
  for (const p of places) for (const n of p.coveredNorms) covered.add(n);
  const coveredAt = new Set([...found, ...places].flatMap((e) => e.coveredAt ?? []));
  // A name where an indefinite idafa goes on (عناصر تنظيم | داعش; not glued to a preposition: هجوم مسلح | بالقاهرة) cuts it short.
  const named = (i: number): boolean => (coveredAt.has(i) || covered.has(toks[i]!.norm)) && !NISBA.test(toks[i]!.norm) && termKey(toks[i]!.norm).cut === 0;
  const ents = withCandidates(found, places, toks);
  // What is asked about each spelling and written form, asked once (keyword-lexicon.ts).
  const lex = lexiconFor(stats);
  const formAt: (Form | undefined)[] = [];
  const form = (i: number): Form => (formAt[i] ??= lex.form(toks[i]!));
  // The article's words without proclitics, built on first need (baseForm).
  let writtenSet: Set<string> | undefined;
  const written = (): ReadonlySet<string> => (writtenSet ??= new Set(toks.map((t) => lex.spelling(t).term.key)));
  const w = (t: DocToken): number => (t.seg === 0 ? 1 + TITLE_WEIGHT : 1);
  const words = new Map<string, Cand>();
  const wordKeyAt: (string | undefined)[] = [];
  // Words a phrase may hold after its first word that are no keyword alone: a word too common
  // in the corpus (رجال الأمن) and a demonym a country entity took (الدوري الإنجليزي).
  const partKeyAt: (string | undefined)[] = [];
  const partDf = new Map<string, number>();
  const nameAt: boolean[] = [];
  toks.forEach((t, i) => {
    const s = lex.spelling(t);
    if (!s.content || s.stop) return;
    const isCovered = covered.has(t.norm) || coveredAt.has(i);
    if (isCovered && !s.nisba) return;
    const f = (formAt[i] = lex.form(t, s));
    if (f.short || (!isCovered && covered.has(f.key))) return;
    // (A definite ة noun read as a word and its pronoun, المقابلة as المقابل + ه, may start or hold a phrase, المقابلة الشخصية; alone it stays out.)
    const defAttached = f.attached && f.key.startsWith('ال');
    if (f.attached && !defAttached) return;
    if ((f.verbLike && !nameLike(f)) || (!isCovered && f.adverb)) return;
    const g = f.stem || f.key;
    partKeyAt[i] = g;
    partDf.set(g, Math.max(partDf.get(g) ?? 0, f.df));
    // A name the corpus never writes with ال (برنت، عكاظ) may end a known phrase, never stand alone.
    if (f.verbLike) nameAt[i] = true;
    if (isCovered || f.df > tooCommon || f.verbLike) return;
    wordKeyAt[i] = g;
    if (defAttached) return;
    let c = words.get(g);
    if (!c) words.set(g, (c = { keys: [g], display: new Map(), tf: 0, body: 0, raw: 0, attached: 0, df: 0, first: i, starts: [] }));
    c.tf += w(t);
    c.raw++;
    if (t.seg === 1) c.body++;
    // Attributive: a definite word right after a content word (المهارات الحياتية، خفة اليد).
    const prev = toks[i - 1];
    if (f.attributive && prev && !t.brk && lex.spelling(prev).content) c.attached++;
    c.df = Math.max(c.df, f.df);
    c.starts!.push(i);
    if (f.key.startsWith('ال')) c.def = (c.def ?? 0) + 1;
    if (!f.kept) c.free = (c.free ?? 0) + 1;
  });

  // Phrases of 2–3 content words inside one clause (keyword-phrases.ts).
  let phrases = findPhrases(toks, formAt, wordKeyAt, partKeyAt, lex, nameAt);
  // Phrases ending in a name-like word only where the corpus knows them (خام برنت، سوق عكاظ).
  if (nameAt.length) phrases = nameTails(phrases, toks, formAt, nameAt, lex, MIN_PHRASE_DF);
  // A phrase seen only after a glued ب/ك (بالأسواق الآسيوية) only where the corpus knows it: dev
  // a 0.656 → 0.657, e 0.650 → 0.652, c and d unchanged, weak keywords fewer.
  phrases = phrases.filter((p) => p.df >= MIN_PHRASE_DF || p.starts!.some((i) => !form(i).glued));
  // A word's or phrase's spellings, by count (spelled out only for the candidates that get scored).
  const displays = (c: Cand): Map<string, number> => {
    if (c.starts && c.display.size === 0) {
      for (const i of c.starts) {
        const parts = [form(i).display];
        for (let k = i + 1; k < i + c.keys.length; k++) parts.push(form(k).clean);
        const d = parts.join(' ');
        c.display.set(d, (c.display.get(d) ?? 0) + 1);
      }
    }
    return c.display;
  };
  const units: Cand[] = [];
  const once: Cand[] = [];
  for (const p of phrases) {
    const minWordDf = Math.min(...p.keys.map((k) => partDf.get(k) ?? 0));
    const cohesive = p.df >= MIN_PHRASE_DF && p.df >= 0.05 * minWordDf;
    // A local unit: recurs, and its last word never occurs outside it here (المهارات الحياتية).
    const lastWord = words.get(p.keys[p.keys.length - 1]!);
    const local = p.raw >= 2 && p.body >= 1 && lastWord !== undefined && lastWord.raw === p.raw;
    if ((cohesive && p.tf >= 2) || p.raw >= 3 || local) units.push(p);
    // A collocation the corpus knows well, named once in the title or the lead (تحطم طائرة،
    // موجة الحر، المباريات الودية): a candidate of its own, its words keep their counts.
    else if (cohesive && p.df >= ONCE_SHARE * minWordDf && (toks[p.first]!.seg === 0 || p.first < ONCE_LEAD)) once.push(p);
    else if (p.df >= KNOWN_DF && p.df >= KNOWN_SHARE * minWordDf) once.push(Object.assign(p, { known: true }));
  }
  for (const c of words.values()) c.raw0 = c.raw;
  // A phrase absorbs its words' occurrences; a 3-word phrase absorbs its 2-word parts.
  units.sort((a, b) => b.keys.length - a.keys.length || b.tf - a.tf);
  const kept: Cand[] = [];
  for (const p of units) {
    if (kept.some((q) => q.keys.join(' ').includes(p.keys.join(' ')) && q.tf >= p.tf)) continue;
    kept.push(p);
    // A unit that will not be shown (named once, in the title only: its title weight made it
    // one) leaves its words their counts; else the title's own words lose their title weight
    // and the topic goes untagged (`الضربات الاستباقية`، `حفل معايدة` named in the headline only).
    if (p.raw < 2 || p.body < 1) continue;
    for (const k of p.keys) {
      const c = words.get(k);
      // (A topic family keeps its count: التفجير الإرهابي names الإرهاب too.)
      if (!c || topicTag(k)) continue;
      c.tf -= p.tf;
      c.raw -= p.raw;
      c.body -= p.body;
    }
  }
  // A single word shown through the phrase the corpus knows it in, here (المعسكر → المعسكر الإعدادي;
  // the known phrases by word built on first need).
  let known: Map<string, Cand[]> | undefined;
  const expansion = (key: string): Cand | undefined => {
    if (!known) {
      known = new Map();
      for (const p of phrases) {
        if (p.df < MIN_PHRASE_DF) continue;
        for (const k of p.keys) (known.get(k) ?? known.set(k, []).get(k)!).push(p);
      }
    }
    const w = words.get(key);
    let best: Cand | undefined;
    for (const p of known.get(key) ?? []) {
      if (p.df < EXPAND_SHARE * (w?.df ?? 0)) continue;
      if (!best || p.df * p.raw > best.df * best.raw) best = p;
    }
    return best && 2 * best.raw >= (w?.raw0 ?? 0) ? best : undefined;
  };
  const expand = (x: { display: string; keys: string[] }): string | undefined => {
    const best = x.keys.length === 1 ? expansion(x.keys[0]!) : undefined;
    if (!best) return x.display;
    const d = completed(toks, best.starts!, best.keys.length, baseForm(bestDisplay(displays(best)), written, stats), stats, named);
    return d === undefined ? undefined : DISPLAY_OK.test(d) ? d : x.display;
  };
  const [bodyStart, namePart] = [Math.max(0, toks.findIndex((t) => t.seg === 1)), beforePerson(found, toks)];
  // Named in the title or the lede (ASIDE_WEIGHT otherwise, when named at most twice).
  const upFront = (c: Cand): boolean => c.starts!.some((i) => toks[i]!.seg === 0 || i - bodyStart < LEDE_TOKENS);
  const scored: Array<{ display: string; score: number; keys: string[]; plain?: boolean; told?: Cand; entity?: boolean }> = [];
  const diffuse = toldInPassing(stats, opts.editorTags ?? shippedEditorTags(), lex, toks, form, opts.onTold); // held back like PLAIN_DF
  // Words named once, for a short article (their displays spelled out only if it comes to that).
  const weak: Array<{ c: Cand; score: number }> = [];
  const displayOf = (c: Cand): string => (c.keys.length === 1 && topicTag(c.keys[0]!)) || baseForm(bestDisplay(displays(c)), written, stats);
  for (const c of [...kept, ...words.values()]) {
    // A family editors tag by one noun (keyword-topics.ts: الإرهابية → الإرهاب), even when written
    // only as an adjective after its noun, and never shown through a phrase holding it.
    const topic = c.keys.length === 1 ? topicTag(c.keys[0]!) : undefined;
    // A word only ever seen as the second part of a phrase, or before a person's name (keyword-entities.ts beforePerson), is a fragment.
    if (c.keys.length === 1 && (c.attached >= c.raw || namePart(c.starts!)) && !topic) continue;
    // A word always glued to a preposition its display keeps (لشغل، برصيد، لمنسوبيها) is no tag.
    if (c.keys.length === 1 ? !c.free : cutShort(toks, c.starts!, c.keys.length, stats, named)) continue;
    // Recurring: twice in the body, or in the title and the body (a title-only verb is no keyword; a topic's word in the title is one: حادث عسير الإرهابي).
    if ((c.raw < 2 || c.body < 1) && !(topic && c.raw > c.body)) {
      if (c.keys.length === 1 && c.raw >= 1) weak.push({ c, score: c.tf * idf(stats, c.df) });
      continue;
    }
    const asWritten = topic ?? bestDisplay(displays(c));
    const display = topic ?? baseForm(asWritten, written, stats);
    if (!DISPLAY_OK.test(display)) continue;
    // A common noun or adjective the article never writes with ال (شخص، نقطة، هدوء، إعلاني: the
    // corpus writes it with ال often, so it is no name) is a word of the telling, not the topic,
    // unless it is shown through its phrase (رجال → رجال الأمن) or is an action's name of the
    // تفعيل pattern (تهريب، تسجيل، تمديد). Dev a 0.633 → 0.633, dev c 0.609 → 0.62.
    let generic = c.keys.length === 1 && !c.def && c.df >= GENERIC_DF;
    if (generic) {
      // (As the article writes it: not the ال baseForm gives an indefinite plural, مدنيين → المدنيون.)
      const n = normalize(display.startsWith('ال') && !asWritten.startsWith('ال') ? asWritten : display);
      generic = !/^ت..ي.$/.test(n) && stats.df('ال' + n) >= 0.2 * c.df && !expansion(c.keys[0]!);
    }
    const aside = c.keys.length === 1 && c.raw <= 2 && !upFront(c) && !expansion(c.keys[0]!) ? ASIDE_WEIGHT : 1;
    const plain = c.keys.length === 1 && !topic && (c.raw === c.body || !display.startsWith('ال')) && c.df >= PLAIN_DF && !PLURAL.test(normalize(display));
    scored.push({ display, score: aside * c.tf * idf(stats, c.df) * (c.keys.length > 1 ? 1.3 : generic ? GENERIC_WEIGHT : 1) * (topic && c.raw > c.body ? TITLE_TOPIC_WEIGHT : 1), keys: topic ? [] : c.keys, plain, told: topic ? undefined : c });
  }
  for (const c of once) {
    const display = baseForm(bestDisplay(displays(c)), written, stats);
    if (DISPLAY_OK.test(display) && !cutShort(toks, c.starts!, c.keys.length, stats, named) && !kept.some((q) => q.keys.join(' ').includes(c.keys.join(' ')))) scored.push({ display, score: c.tf * idf(stats, c.df) * (c.known ? KNOWN_WEIGHT : 1), keys: c.keys, told: c });
  }
  for (const e of ents) {
    // An office held by a salient person is one unit (وزير الدفاع الروسي); a bare title (الرئيس) is not.
    if (e.type !== 'person' || !e.role || e.salience < 2 || /^(ال)?نظير/.test(e.role)) continue;
    // Only a state's ministerial post is a tag of its own (وزير الدفاع الروسي): editors do not tag
    // titles such as المدرب الهولندي، الرئيس الإيراني، المتحدث باسم… (dev: 1 of 19 such roles was a
    // gold keyword).
    const n = e.role.split(' ').length;
    if (DISPLAY_OK.test(e.role) && n >= 3 && n <= 4 && MINISTER.test(normalize(e.role))) scored.push({ display: e.role, score: Infinity, keys: [] });
  }
  // A short title that is one noun phrase (a column's name: بيع القضايا; not a plural verb's
  // clause: حاصروا دواعش الداخل) is the article's tag.
  const titleToks = toks.filter((t) => t.seg === 0);
  if (titleToks.length >= 2 && titleToks.length <= 3 && !/وا$/.test(titleToks[0]!.norm)) {
    const p = [...phrases].find((c) => c.first === 0 && c.keys.length === titleToks.length);
    if (p) scored.push({ display: baseForm(bestDisplay(displays(p)), written, stats), score: Infinity, keys: p.keys });
  } else {
    // A headline's subject: the noun phrase of two or three words before its present-tense verb
    // (أسعار النفط ترتفع…، موجات الحر تقضي…، البلك البركاني ينافس…) is what the story is about.
    const v = titleToks.findIndex((t, i) => i >= 2 && i <= 3 && /^[يت]/.test(t.norm) && verbLike(t.norm, stats.df(t.norm), stats));
    const p = v > 0 ? [...phrases].find((c) => c.first === 0 && c.keys.length === v) : undefined;
    // (Known to the corpus as a unit or named again in the body: not مسؤول أممي، دعوا العقل.)
    if (p && (p.df >= MIN_PHRASE_DF || p.body > 0)) scored.push({ display: baseForm(bestDisplay(displays(p)), written, stats), score: Infinity, keys: p.keys });
  }
  scored.sort((a, b) => b.score - a.score);

  // Entities first, then the rest by score.
  const out: string[] = [];
  const seen = new Set<string>();
  const folded: string[] = [];
  // A held-back word (PLAIN_DF, keyword-told.ts) takes its place as if shown and is shown only when
  // fewer than three others are; a phrase it heads may take that place, no other phrase holding it.
  const plain: string[] = [];
  const heldFolded: string[] = [];
  const roles = lexicon().role;
  const push = (s: string, held = false, free = false): void => {
    const k = s.replace(/^ال/, '');
    if (seen.has(k) || out.length + (free ? 0 : plain.length) >= max) return;
    // One keyword holding another adds nothing (الباجي قائد | الباجي قائد السبسي), in either case
    // of a plural (المسلمون | جماعة المسلمين).
    const f = ' ' + normalize(s).split(' ').map(caseFold).join(' ') + ' ';
    // A phrase headed by a held-back word takes its place (المسجد → المسجد الأقصى); not a phrase
    // ending in it (وانخفض المؤشر) nor a person's title (المدرب → المدرب الروماني: editors tag the person).
    const heads = (g: string): boolean => f.startsWith(g) && !roles.has(g.trim().replace(/^ال/, ''));
    if (folded.some((g) => g.includes(f) || f.includes(g)) || heldFolded.some((g) => g.includes(f) || (f.includes(g) && !heads(g)))) return;
    for (let i = heldFolded.length - 1; i >= 0; i--) {
      if (!heads(heldFolded[i]!)) continue;
      heldFolded.splice(i, 1);
      plain.splice(i, 1);
    }
    (held ? heldFolded : folded).push(f);
    seen.add(k);
    (held ? plain : out).push(s);
  };
  // Salient entities first (keyword-entities.ts entityRanks: who leads, how the others score).
  const rank = entityRanks(ents, toks, stats);
  const shown = displayOnce(stats);
  for (const e of ents) if (rank.leads(e) && out.length < Math.min(5, max)) push(shown(e));
  // Entities named once (a city, an organisation, a person further down) compete with the
  // phrases and words as a rare term would.
  for (const e of ents) {
    const score = rank.score(e);
    if (score !== undefined && !seen.has(shown(e).replace(/^ال/, ''))) scored.push({ display: shown(e), score: score * idf(stats, rank.df(e)) * ENTITY_WEIGHT, keys: [], entity: true });
  }
  scored.sort((a, b) => b.score - a.score);
  for (const s of scored) {
    if (out.length + plain.length >= max) break;
    const shownAs = expand(s);
    if (shownAs === undefined) continue;
    const told = s.told !== undefined && shownAs === s.display && diffuse(s.told, shownAs, out.length + plain.length);
    push(shownAs, (s.plain && !shownAs.includes(' ')) || told);
  }
  // A place a held-back word took goes to the next entity (`free`), a name no word of the telling: dev overlap +0.011 to
  // +0.023, judged weak the same or lower (phrases and words too: +0.02, judged weak up on e and f).
  for (const s of scored) {
    if (out.length >= max) break;
    if (s.entity) push(s.display, false, true);
  }
  for (const p of plain) if (out.length < 3) out.push(p);
  // Fewer than 3 (short articles): single-mention entities, then the best single-mention words.
  for (const e of ents) if (out.length < 3 && !rank.fragment(e)) push(shown(e));
  weak.sort((a, b) => b.score - a.score);
  for (const x of weak) {
    if (out.length >= 3) break;
    const display = displayOf(x.c);
    if (DISPLAY_OK.test(display)) push(display);
  }
  return out.filter((s) => DISPLAY_OK.test(s));
}
