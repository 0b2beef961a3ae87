/**
 * Finds people introduced by a title: `وزير الدفاع الروسي، سيرجي شويجو` gives the person
 * `سيرجي شويجو` with the role `وزير الدفاع الروسي`; `الرئيس الإيراني الدكتور مسعود بزشكيان`
 * gives `مسعود بزشكيان` (the honorific الدكتور is skipped).
 *
 * Why titles: Arabic has no capital letters, and news introduces nearly every person by office.
 * The grammar, in order:
 * - trigger: an office word (الرئيس، رئيس، وزير، الملك، الأمير، ولي العهد، المتحدث، نظيره …),
 *   clitics allowed (والرئيس، للوزير);
 * - role: the following definite words (الدفاع، الخارجية، الوزراء), link words (باسم، لشؤون، لدى)
 *   and gazetteer names; a demonym (الروسي) ends the role;
 * - then optional punctuation and honorifics (الدكتور، الشيخ، السيد، المهندس، اللواء …);
 * - name: 2–4 words (بن/بنت/أبو/عبد not counted, at most 7 in all), the first without ال,
 *   stopping at punctuation, stopwords, verbs and time words, other titles, gazetteer names.
 * Each person's id is `person:` + the normalized name with `_` between words, so the same
 * name in two articles is one entity. Later bare mentions of the last name (`عن شويجو`)
 * count for the person (last names of 4+ letters without ال only: الاتفاق is no surname to count).
 * Contract: pure; returns people in order of first mention.
 */
import { isStopword } from '../arabic/index.ts';
import type { Match } from './match.ts';
import { cleanSurface, cliticCandidates, type DocToken } from './tokens.ts';

export interface Person {
  id: string;
  name: string;
  role: string;
  /** Token index of the first mention and all mention starts. */
  first: number;
  mentions: number;
  titleMentions: number;
  /** Normalized tokens of the name. */
  tokens: string[];
}

/** Office words (normalized, without ال). `ولي` needs العهد next, `امين` needs العام. */
const TRIGGERS = new Set([
  'رئيس', 'رئيسه', 'وزير', 'وزيره', 'ملك', 'امير', 'اميره', 'ولي', 'متحدث', 'متحدثه', 'ناطق',
  'امين', 'سفير', 'سفيره', 'نائب', 'مستشار', 'مستشاره', 'قائد', 'زعيم', 'نظير', 'نظيره', 'نظيرته',
  'مبعوث', 'مندوب', 'محافظ', 'عاهل', 'سلطان', 'مرشد', 'مفتي', 'بابا',
]);
const NEEDS_NEXT: Record<string, string> = { ولي: 'العهد', امين: 'العام' };
/** Honorifics: skipped between role and name (and they end the role). */
const HONORIFICS = new Set([
  'الدكتور', 'د', 'الشيخ', 'السيد', 'السيده', 'المهندس', 'الاستاذ', 'اللواء', 'الفريق', 'العميد',
  'العقيد', 'المقدم', 'الرائد', 'المشير', 'الملك', 'الامير', 'الاميره', 'السلطان', 'سمو', 'صاحب',
  'السمو', 'الملكي', 'معالي', 'فخامه', 'سعاده', 'الحاج', 'الجنرال', 'الاميرال', 'القاضي', 'الامام',
]);
const ROLE_LINKS = new Set([
  'باسم', 'لشؤون', 'شؤون', 'لدي', 'عام', 'مجلس', 'لمجلس', 'وزاره', 'لوزاره', 'هيئه', 'لهيئه', 'دوله', 'منطقه',
  'محافظه', 'مدينه', 'جامعه', 'لجنه', 'اداره', 'شركه', 'نادي', 'جمعيه', 'مركز', 'مؤسسه', 'اتحاد', 'غرفه',
  'حزب', 'حركه', 'جماعه', 'قوات', 'قياده', 'منظمه', 'وكاله', 'بنك', 'صندوق', 'برنامج', 'مكتب', 'ديوان',
]);
/** Role words after a demonym that still belong to the role. */
const ROLE_TAIL = new Set(['السابق', 'الاسبق', 'الجديد', 'المكلف', 'المنتهيه', 'الحالي']);
const CONNECTORS = new Set(['بن', 'بنت', 'ابن', 'ابو', 'عبد', 'ابي', 'ال']);
/** Words that end a name: verbs of speech and action, time words, common adverbs. */
const NAME_STOP = new Set([
  'قال', 'قالت', 'اكد', 'اكدت', 'اعلن', 'اعلنت', 'اشار', 'اشارت', 'اضاف', 'اضافت', 'اوضح', 'اوضحت',
  'اعتبر', 'شدد', 'دعا', 'طالب', 'بحث', 'التقي', 'استقبل', 'وصل', 'اجري', 'يقول', 'يزور', 'زار',
  'غادر', 'توجه', 'عقد', 'ترأس', 'تراس', 'افتتح', 'رعي', 'وقع', 'هنا', 'بعث', 'تلقي', 'اجتمع',
  'اليوم', 'امس', 'غدا', 'الليله', 'صباح', 'مساء', 'السبت', 'الاحد', 'الاثنين', 'الثلاثاء',
  'الاربعاء', 'الخميس', 'الجمعه', 'الماضي', 'المقبل', 'الحالي', 'خلال', 'عقب', 'اثناء', 'امام',
  'حيث', 'الذي', 'التي', 'الذين', 'انه', 'انها', 'ان', 'كما', 'وذلك', 'هذا', 'هذه', 'الي', 'علي',
  'في', 'من', 'عن', 'مع', 'بعد', 'قبل', 'لدي', 'عندما', 'بان', 'لا', 'لم', 'لن', 'قد', 'وقال', 'وقد',
  'يوم', 'يوما', 'عام', 'بشان', 'حول', 'جديد', 'خلفا', 'رعاه', 'حفظه', 'يحفظه', 'ايده', 'بمناسبه', 'ذكري',
  'كتب', 'نص', 'لكره', 'القدم', 'انه', 'بينما', 'ايضا', 'فقط', 'حاليا', 'سابقا', 'مؤخرا',
]);
/** Given names that start with ي. */
const YA_NAMES = new Set(['يوسف', 'يحيي', 'ياسر', 'يزيد', 'يعقوب', 'يونس', 'ياسين', 'يعرب', 'يسري', 'يوهان', 'يان', 'يوري', 'يوشيهيدي', 'ينس']);
/** Given names that start with و (a first name word starting with و is otherwise read as «and …»). */
const WAW_NAMES = new Set(['وليد', 'وائل', 'وديع', 'وسام', 'وفاء', 'وجدي', 'وحيد', 'وضاح', 'وصفي', 'ولاء', 'وهيب', 'وهبه']);

const ARABIC_WORD = /^[\u0621-\u064a]+$/;

/** A first name: no article, no connector, no clitic و/ف/ب/ل glued to it (وجاك، لمجلس، فالأسرة). */
function isFirstNameWord(norm: string): boolean {
  if (/^([وفبل]|)(ال|لل)/.test(norm) || CONNECTORS.has(norm)) return false;
  if (norm.startsWith('و') && !WAW_NAMES.has(norm)) return false;
  // Present-tense verbs (يعزي، يستقبل) start with ي; few given names do.
  if (norm.startsWith('ي') && !YA_NAMES.has(norm)) return false;
  return true;
}

/** The trigger key of a token (clitics removed), or undefined. */
function triggerOf(norm: string): string | undefined {
  for (const c of cliticCandidates(norm)) if (TRIGGERS.has(c.key)) return c.key;
  return undefined;
}

function isNameWord(t: DocToken): boolean {
  return (
    ARABIC_WORD.test(t.norm) &&
    t.norm.length >= 2 &&
    !isStopword(t.norm) &&
    !NAME_STOP.has(t.norm) &&
    !HONORIFICS.has(t.norm) &&
    triggerOf(t.norm) === undefined
  );
}

/** Reads «trigger role [،] [honorifics] name» at token i; returns the role end and name span. */
function readTitled(tokens: DocToken[], i: number, matchAt: Map<number, Match>): { role: [number, number]; name: [number, number] } | undefined {
  const trig = triggerOf(tokens[i]!.norm);
  if (!trig) return undefined;
  let j = i + 1;
  const need = NEEDS_NEXT[trig];
  if (need) {
    if (tokens[j]?.norm !== need || tokens[j]!.brk) return undefined;
    j++;
  }
  // Role.
  while (j < tokens.length && j - i < 8) {
    const t = tokens[j]!;
    if (t.brk || HONORIFICS.has(t.norm)) break;
    const m = matchAt.get(j);
    if (m) {
      j += m.len;
      if (m.demonym) {
        while (j < tokens.length && !tokens[j]!.brk && ROLE_TAIL.has(tokens[j]!.norm)) j++;
        break;
      }
      continue;
    }
    const definite = /^(ال|لل|بال|وال)/.test(t.norm) && !NAME_STOP.has(t.norm);
    if (definite || ROLE_LINKS.has(t.norm)) j++;
    else break;
  }
  const roleEnd = j;
  // Honorifics (punctuation allowed once, right after the role).
  while (j < tokens.length && HONORIFICS.has(tokens[j]!.norm) && (j === roleEnd || !tokens[j]!.brk)) j++;
  // Name.
  const start = j;
  let counted = 0;
  while (j < tokens.length && j - start < 7 && counted < 4) {
    const t = tokens[j]!;
    if (j > start && t.brk) break;
    if (t.seg !== tokens[i]!.seg || matchAt.has(j) || !isNameWord(t)) break;
    if (j === start && !isFirstNameWord(t.norm)) break;
    // Future verbs (سيخلف، ستعقد) end a name.
    if (j > start && /^س[يت]/.test(t.norm) && t.norm.length >= 5) break;
    const definite = !CONNECTORS.has(t.norm) && /^(ال|لل|بال|وال|فال)/.test(t.norm);
    // Two definite words in a row are a noun phrase (العلاقات الخارجية), not a surname.
    if (definite && j > start && !CONNECTORS.has(tokens[j - 1]!.norm) && /^(ال|لل|بال|وال|فال)/.test(tokens[j - 1]!.norm)) return undefined;
    if (!CONNECTORS.has(t.norm)) counted++;
    j++;
    // A definite surname (الأسد، الفالح) ends the name unless a connector follows (آل، بن).
    if (definite && !CONNECTORS.has(tokens[j]?.norm ?? '')) break;
  }
  while (j > start && CONNECTORS.has(tokens[j - 1]!.norm)) j--;
  if (counted < 2) return undefined;
  return { role: [i, roleEnd], name: [start, j] };
}

/** The trigger word as written without its clitics, keeping its article: والرئيس → الرئيس, للوزير → الوزير. */
function triggerDisplay(t: DocToken): string {
  const clean = cleanSurface(t.surface);
  const c = cliticCandidates(t.norm).find((x) => TRIGGERS.has(x.key));
  if (!c) return clean;
  return c.al ? 'ال' + clean.slice(c.cut) : clean.slice(c.cut);
}

const spanText = (tokens: DocToken[], a: number, b: number): string =>
  tokens.slice(a, b).map((t) => cleanSurface(t.surface)).join(' ');

export function findPeople(tokens: DocToken[], matches: Match[]): Person[] {
  const matchAt = new Map(matches.map((m) => [m.start, m]));
  const people = new Map<string, Person>();
  const counterpartRole = new Set<string>();
  const covered = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const r = readTitled(tokens, i, matchAt);
    if (!r) continue;
    const norms = tokens.slice(r.name[0], r.name[1]).map((t) => t.norm);
    const id = `person:${norms.join('_')}`;
    const role = [triggerDisplay(tokens[i]!), spanText(tokens, r.role[0] + 1, r.role[1])].filter(Boolean).join(' ');
    // «نظيره الإيراني» is a weaker role than an office: a later office replaces it.
    const counterpart = triggerOf(tokens[i]!.norm)!.startsWith('نظير');
    const p = people.get(id);
    if (!p) {
      people.set(id, { id, name: spanText(tokens, r.name[0], r.name[1]), role, first: r.name[0], mentions: 0, titleMentions: 0, tokens: norms });
      if (counterpart) counterpartRole.add(id);
    } else if (counterpartRole.has(id) && !counterpart) {
      p.role = role;
      counterpartRole.delete(id);
    }
    i = r.name[1] - 1;
  }
  // Count full-name and bare last-name mentions.
  for (const p of people.values()) {
    const last = p.tokens[p.tokens.length - 1]!;
    for (let i = 0; i < tokens.length; i++) {
      if (covered.has(i)) continue;
      const full = p.tokens.every((n, k) => {
        const t = tokens[i + k];
        return t && (k === 0 ? cliticCandidates(t.norm).some((c) => c.key === n) : t.norm === n && !t.brk);
      });
      const bare = !full && last.length >= 4 && !last.startsWith('ال') && !matchAt.has(i) && cliticCandidates(tokens[i]!.norm).some((c) => !c.al && c.key === last);
      if (!full && !bare) continue;
      p.mentions++;
      if (tokens[i]!.seg === 0) p.titleMentions++;
      const n = full ? p.tokens.length : 1;
      for (let k = 0; k < n; k++) covered.add(i + k);
      i += n - 1;
    }
  }
  return [...people.values()].filter((p) => p.mentions > 0);
}
