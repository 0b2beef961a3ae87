/**
 * When a demonym is not its state (entities.ts asks before counting a country mention): a
 * language (`اللغة الفرنسية`, `بالفرنسية`), a family name after a given name (`اللواء منصور
 * التركي`) and that family name used again alone (`وأضاف التركي`, `اللواء التركي`), the name an
 * institution is called after (`مدرسة الكندي`).
 * Contract: pure; each test reads a few tokens around the match.
 */
import { isStopword, normalize } from '../arabic/index.ts';
import type { Match } from './match.ts';
import { PLACE_HEADS } from './people/cues.ts';
import { cleanSurface, type DocToken } from './tokens.ts';

/** A word for language or dialect before a demonym (اللغة، باللغة، لغات، اللغتين، باللهجتين). */
const LANGUAGE_WORD = /^[وف]?[بلك]?(ال|لل)?(لغ|لهج)(ه|ات|تين|تان)$/;

/**
 * A feminine demonym that names a language is no mention of the state: after a word for
 * language (`اللغة الفرنسية`), used as a noun behind ب or ك (`بالفرنسية`, `بألمانية فصيحة`,
 * `كالألمانية`), or joined by و to such a language (`كالإنجليزية والفرنسية والإيطالية`); so is any
 * demonym after a verb of speaking (`تتكلم إنجليزي`, `يتقن الاسبانية`), and English with no article
 * right after punctuation (a school subject: `، انجليزي، حاسب آلي`).
 * `prev`: the match before, when it was a language.
 */
/** Languages that are no state's demonym (الأوردية، السواحلية، البشتو), normalized, و/ف and ال allowed. */
const LANGUAGE_ONLY = /^[وف]?(ال)?(اورديه|سواحليه|بشتو|هوسا|تاميليه|مليباريه|سنهاليه|تلغو|امهريه|لاتينيه)$/;

/** Present-tense verbs of speaking or mastering a language (normalized, و/ف allowed). */
const SPEAK = /^[وف]?[يت](تكلم|تحدث|جيد|تقن)(ون|ان)?$/;

export function language(m: Match, toks: DocToken[], prev: Match | undefined): boolean {
  if (!m.demonym || m.len !== 1) return false;
  const t = toks[m.start]!;
  const before = toks[m.start - 1];
  // Any form right after a verb of speaking a language (تتكلم إنجليزي جيداً، يجيد الفرنسية).
  if (before && !t.brk && SPEAK.test(before.norm)) return true;
  // English with no article and no noun before it is a subject or language label (، انجليزي، حاسب آلي).
  if (t.brk && /^[وف]?(انجليزي|انكليزي)$/.test(t.norm)) return true;
  if (!t.norm.endsWith('يه')) return false;
  if (before && !t.brk && LANGUAGE_WORD.test(before.norm)) return true;
  // In a list of languages (انجليزية فرنسية أوردية بنغالية، الفلبينية، الإندونيسية، الأوردية): within three
  // words of a language no state is named after, or right after a language of the list.
  if (prev && prev.start + prev.len === m.start) return true;
  for (let k = Math.max(0, m.start - 3); k <= m.start + 3 && k < toks.length; k++) if (k !== m.start && toks[k]!.seg === t.seg && LANGUAGE_ONLY.test(toks[k]!.norm)) return true;
  const surface = cleanSurface(t.surface);
  const cut = surface.length - (m.display.split(' ')[0] ?? '').length;
  const clitics = cut > 0 ? normalize(surface.slice(0, cut)).replace(/^[وف]/, '') : '';
  if (/^[بك]/.test(clitics)) return true;
  if (t.brk || !t.norm.startsWith('و') || !before) return false;
  // (The language before may be one the gazetteer does not list as a demonym: كالإنجليزية.)
  return (!!prev && prev.start + prev.len === m.start) || /^[وف]?[بك]ال.{3,}يه$/.test(before.norm) || languageList(toks, m.start);
}

/**
 * `i` continues a list of feminine adjectives joined by و that a word for language opens (`بجميع
 * اللغات الفرنسية والإنجليزية والإيطالية والصينية`, g028): the list may hold a language the
 * gazetteer does not take for a state (الإنجليزية), so `prev` alone does not reach back.
 */
function languageList(toks: DocToken[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(1, i - 8); k--) {
    const t = toks[k]!;
    if (!/^[وف]?(ال).{3,}يه$/.test(t.norm)) return false;
    if (t.brk) return false;
    if (!t.norm.startsWith('و')) return LANGUAGE_WORD.test(toks[k - 1]!.norm);
  }
  return false;
}

/** Below this many corpus documents a given name behind ل or ب is the name (لطلال: 7, لمحمد: 23), not a preposition (لصالح: 413, لحسن: 55, بسلام: 56). */
const RARE_GLUED = 30;

/**
 * A definite demonym right after a given name is a family name (`اللواء منصور التركي`,
 * `ونواف التركي`, `عثمان الصيني`), not the country: one word, masculine singular, after a
 * given name that starts the name (not `محمد صلاح المصري`, where a second name came first, nor
 * a kunya `أبو حمزة المصري`, nor the preposition `على` that normalizes like `علي`).
 */
export function familyName(m: Match, toks: DocToken[], given: ReadonlySet<string>, df: (norm: string) => number = () => 0): boolean {
  if (!m.demonym || m.len !== 1) return false;
  const t = toks[m.start]!;
  const prev = toks[m.start - 1];
  // After a nasab (سعد بن رحيل السويدي) it is the family name too.
  const link = toks[m.start - 2];
  if (prev && !t.brk && !prev.brk && link && /^(بن|بنت|ابن)$/.test(link.norm) && !isStopword(prev.norm) && /^ال.{2,}ي$/.test(t.norm)) return true;
  // The token, not the display: a gazetteer may list the bare form (عراقي) and match the ال as a clitic.
  // (Feminine too, after a woman's name: وردة الجزائرية.)
  if (!/^ال.+(ي|يه)$/.test(t.norm)) return false;
  if (!prev || t.brk || cleanSurface(prev.surface) === 'على') return false;
  // A function word the name list holds too (لكن، عليه، أنا) is no given name: `لكن البوسني ميراليم`.
  if (prev.norm !== 'علي' && isStopword(prev.norm)) return false;
  // (The given name may carry a conjunction or a preposition: ونواف التركي، لطلال الأردني; not a
  // preposition the corpus writes often, a given name only by its letters: لصالح الفرنسي «in favour of»;
  // not a short name, which a foreign word may hide: لانس الفرنسي, the club Lens, is no ل + أنس.)
  const bare = prev.norm.replace(/^[وف]?[لب]?/, '');
  const glued = bare.length > 3 && given.has(bare) && (/^[وف]?$/.test(prev.norm.slice(0, -bare.length)) || df(prev.norm) < RARE_GLUED);
  const name = given.has(prev.norm) ? prev.norm : bare !== prev.norm && glued ? bare : '';
  if (!name) return false;
  const before = toks[m.start - 2];
  if (!before || prev.brk || name !== prev.norm) return true;
  return !given.has(before.norm) && !/^(ابو|ابا|ابي|ام|ابن|بن)$/.test(before.norm);
}

/**
 * A masculine definite demonym right after a feminine institution word without ال cannot qualify
 * it (an adjective agrees in gender and definiteness: مدرسة كندية، المدرسة الكندية): the two are a
 * construct and the demonym is the name of whom the place is named after (مدرسة الكندي «al-Kindi school»).
 * Elsewhere a demonym after a noun is a person of that nation (بقيادة اليوناني دونيس) and counts.
 */
export function constructName(m: Match, toks: DocToken[], given: ReadonlySet<string>): boolean {
  const t = toks[m.start]!;
  const prev = toks[m.start - 1];
  // (دار, a feminine noun without ة, names a house after its owner too: دار السويدي للنشر.)
  const house = !!prev && /^[وفبل]?دار$/.test(prev.norm);
  if (!m.demonym || m.len !== 1 || t.brk || !prev || !/^ال.{3,}ي$/.test(t.norm) || !(house || cleanSurface(prev.surface).endsWith('ة'))) return false;
  // (… and no name after it, which makes it a person of that nation: مجموعة الليبي أبو هريرة.)
  const next = toks[m.start + 1];
  if (next && !next.brk && (given.has(next.norm) || /^(ابو|ام|بن)$/.test(next.norm))) return false;
  return house || PLACE_HEADS.has(prev.norm) || PLACE_HEADS.has(prev.norm.replace(/^[وفبل]/, ''));
}

/** Institutions no state acts through, and the dollar (normalized, with ال or not). */
const NON_STATE = /^[وفبل]?(ال)?(جامعه|اكاديميه|جمعيه|مستشفي|دوريه|مجله|كليه|معهد|مدرسه|دولار)$/;

/**
 * The demonym at `i` names an institution that is no state body (الجامعة السعودية الإلكترونية،
 * الأكاديمية السعودية للطيران المدني، المستشفى الأمريكي في دبي, or after one definite adjective: الجمعية
 * العربية السعودية للثقافة) or the dollar (مليار دولار أميركي): no mention of the state, where a
 * ministry's, an army's or a team's is (وزارة الخارجية الأمريكية، المنتخب السعودي). The development
 * sets' annotators left such demonyms out on c and g (c070, g022, g080) and counted them on e (e032
 * the dollar, e064 a society): countries F1 c 0.984 → 0.992, f 0.978 → 0.981, g 0.973 → 0.986,
 * e 0.989 → 0.981. The state's name read as its feminine demonym (الجامعة الإلكترونية السعودية) too.
 */
export function nonStateName(toks: readonly DocToken[], i: number): boolean {
  const prev = toks[i - 1];
  if (!prev || toks[i]!.brk) return false;
  if (NON_STATE.test(prev.norm)) return true;
  const head = toks[i - 2];
  return !!head && !prev.brk && prev.norm.startsWith('ال') && NON_STATE.test(head.norm) && /^[وفبل]?ال/.test(head.norm);
}

/** Verbs of saying a speaker's name follows (وأضاف التركي). */
const SAYING = /^[وف]?(قال|قالت|اضاف|اضافت|اكد|اكدت|اوضح|اوضحت|اشار|اشارت|بين|لفت|شدد|ذكر|تابع|اختتم|راي|كشف|اعتبر|دعا|طالب|نوه|افاد|اعلن|ابدي|استطرد|واصل)$/;

/** Honorifics a demonym qualifies (the Jordanian king, the Turkish team), never a family name after them. */
const STATE_HONORIFICS = /^[وف]?(الملك|الامير|الاميره|السلطان|الفريق|الرئيس|السيد|السيده)$/;

/**
 * A family name that is a demonym (`families`: found after a given name in this article) named
 * again alone: as a speaker or a sentence's subject (وأضاف التركي), after a rank or honorific
 * (اللواء التركي after اللواء منصور التركي), or as a noun after a word it cannot qualify (`جثة الأردني`
 * after `طلال الأردني`); not after a sovereign's title or «the team», which the demonym qualifies
 * (الملك الأردني، الفريق التركي), nor after a definite noun (الجيش التركي).
 */
export function surnameAgain(m: Match, toks: DocToken[], families: ReadonlySet<string>, honorifics: ReadonlySet<string>, df: (norm: string) => number = () => 0): boolean {
  const t = toks[m.start]!;
  if (!families.size || !m.demonym || m.len !== 1 || !families.has(t.norm.replace(/^[وف]/, ''))) return false;
  const prev = toks[m.start - 1];
  const honorific = !!prev && honorifics.has(prev.norm.replace(/^[وف]/, '')) && !STATE_HONORIFICS.test(prev.norm);
  return t.brk || !prev || SAYING.test(prev.norm) || honorific || construct(prev, df);
}

/**
 * A word a definite demonym cannot qualify, so that the demonym is a noun, the person (`جثة الأردني`
 * «al-Urduni's body», `عن الأردني`, `واستنكر التركي`): a function word, or a word the corpus knows
 * (df ≥ RARE_GLUED; not a name: `أريس ليماسول القبرصي` is a Cypriot club) with no article (an
 * adjective agrees in definiteness) and no pronoun suffix (`نظيره التركي` «his Turkish counterpart» is definite).
 */
function construct(prev: DocToken, df: (norm: string) => number): boolean {
  if (/^[وفبكل]?(ال|لل)/.test(prev.norm)) return false;
  if (isStopword(prev.norm)) return true;
  const surface = cleanSurface(prev.surface);
  return !/(ه|ها|هم|هما|هن|ك|كم|نا)$/.test(surface) && df(prev.norm) >= RARE_GLUED;
}

/** The plural المغاربة / مغاربة, with clitics. */
const MAGHREBIS = /^[وفبلك]?(ال|لل)?مغاربه$/;

/** The Maghreb's other states. */
const MAGHREB = new Set(['country:DZ', 'country:LY', 'country:TN', 'country:MR']);

/**
 * `المغاربة` is the Maghreb's peoples, not Moroccans, in an article that names Morocco in no other
 * way and names two of the Maghreb's other states (`السياح المغاربة` beside `الليبيون` and
 * `الجزائريون` in a report on Tunisia's tourism; a Libyan tribe `«المغاربة»` beside Misrata): the
 * starts of such matches. In the corpus this holds in those two articles only; where Morocco is
 * named too (`التونسيين والليبيين، مع بعض الجزائريين والمغاربة` beside the Moroccan story) they are Moroccans.
 */
export function maghrebis(matches: readonly Match[], toks: DocToken[]): Set<number> {
  const out = new Set<number>();
  const plural: number[] = [];
  const others = new Set<string>();
  for (const m of matches) {
    const id = m.ids[0] ?? '';
    if (id === 'country:MA' || id === 'city:rabat') {
      if (m.demonym && m.len === 1 && MAGHREBIS.test(toks[m.start]!.norm)) plural.push(m.start);
      else return out;
    } else if (MAGHREB.has(id)) others.add(id);
  }
  if (others.size >= 2) for (const p of plural) out.add(p);
  return out;
}

/** Bare broken plurals of curated demonyms (countries.tsv), normalized, و/ف allowed. */
const BARE_PLURAL = /^[وف]?(اتراك|المان|انجليز|انكليز|هنود|مغاربه|توانسه|افغان|ارمن|اسبان|طليان|كروات)$/;

/**
 * A bare plural demonym that is no nationality: right after punctuation, unquoted (`نومك، أتراك ستهدأ`,
 * `أيها العيد: أتراك أنت`: أَتُراك «do you think»; a nationality follows its noun: جنود أتراك), or after a
 * given name (`لبنى ألمان`, a family name).
 */
export function notBarePlural(m: Match, toks: DocToken[], given: ReadonlySet<string>): boolean {
  const t = toks[m.start]!;
  if (!m.demonym || m.len !== 1 || !BARE_PLURAL.test(t.norm)) return false;
  const prev = toks[m.start - 1];
  return (t.brk && !t.quote) || (!!prev && given.has(prev.norm) && !isStopword(prev.norm));
}
