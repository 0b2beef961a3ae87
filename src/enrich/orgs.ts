/**
 * Organisations the gazetteer does not list, found by their shape: a head word that names a
 * kind of body, then what it is of.
 * - `وزارة الداخلية`, `هيئة التحقيق والادعاء العام`, `الرئاسة العامة لرعاية الشباب` style:
 *   the head and the definite words after it (و-joined ones too), up to five words;
 * - `جامعة الملك سعود`, `مستشفى الملك فهد`, `مدينة الملك عبدالعزيز للعلوم والتقنية`: an
 *   honorific and the person's name belong to the name (and are no person there, see
 *   people/find.ts);
 * - `شركة أرامكو`, `نادي الهلال`, `جامعة أكسفورد`: one or two words after the head, definite or not;
 * - `الهيئة الوطنية لمكافحة الفساد`, `للإدارة العامة للدفاع المدني`: a head with the article, one or
 *   two definite adjectives and a ل-linked complement (required), shown with its ال whatever clitic
 *   it carried (see `definite`).
 * Heads (clitics allowed: بوزارة، لهيئة): see HEADS. A head alone (`الوزارة`) is no name. Id: `org:` +
 * the normalized words joined by `_` (one body, one id); display: the article's most frequent spelling.
 * Contract: pure; O(tokens).
 */
import { isStopword } from '../arabic/index.ts';
import type { Match } from './match.ts';
import { CLUBS } from './clubs.ts';
import { lexicon } from './people/lexicon.ts';
import { cleanSurface, cliticCandidates, infoOf, type DocToken } from './tokens.ts';
import { ARABIC, commonWord, preposed, universityWord } from './org-words.ts';
import { shippedTermStats, termKey } from './termstats.ts';

export interface OrgMention {
  id: string;
  start: number;
  len: number;
  display: string;
  norms: string[];
  /** Set when the mention is a gazetteer organisation's headed spelling (`نادي برشلونة`): an alias of that entity, not a new mention. */
  alias?: boolean;
}

const HEADS = new Set([
  'وزاره', 'هيئه', 'جامعه', 'شركه', 'نادي', 'مؤسسه', 'جمعيه', 'مجلس', 'بنك', 'مصرف', 'صندوق', 'مستشفي', 'امانه',
  'رئاسه', 'الرئاسه', 'مديريه', 'اداره', 'مركز', 'معهد', 'كليه', 'محكمه', 'ديوان', 'حزب', 'حركه', 'جماعه', 'منظمه',
  'اتحاد', 'غرفه', 'لجنه', 'وكاله', 'شرطه', 'قوات', 'جيش', 'بلديه', 'منتخب', 'حرس', 'عماده', 'مصلحه',
  'مجمع', 'مدينه', 'مليشيا', 'ميليشيا', 'ميليشيات', 'جبهه', 'كتائب', 'تحالف',
  'صحيفه', 'مجله', 'متحف', 'سفاره', 'قنصليه', 'بورصه', 'رابطه', 'قياده', 'قوه', 'اماره',
]);
/** A word that heads organisations' names (هيئه، وزاره، مجلس; normalized, without ال). */
export const isOrgHead = (bare: string): boolean => HEADS.has(bare) || DEF_HEADS.has(bare);
/** Heads that take an honorific and a person's name (جامعة الملك سعود). */
const NAMED_AFTER = new Set(['جامعه', 'مستشفي', 'مدينه', 'مركز', 'مؤسسه', 'جمعيه', 'معهد', 'كليه', 'مجمع', 'صندوق']);
const HONORIFICS = new Set(['الملك', 'الامير', 'الاميره', 'الامام', 'الشيخ', 'السلطان']);
/** Buildings and bodies named after a person, inside another body's name (إدارة مطار الملك عبدالعزيز). */
const NAMED_PLACE = new Set(['مطار', 'جامعه', 'مستشفي', 'مدينه', 'مركز', 'جسر', 'ميناء', 'مجمع', 'مستشفيات']);
/** Heads whose name may be indefinite (شركة أرامكو، نادي الهلال، بنك الرياض). */
const OPEN = new Set(['شركه', 'جامعه', 'نادي', 'بنك', 'مصرف', 'حزب', 'حركه', 'جماعه', 'مستشفي', 'مجمع', 'جبهه', 'كتائب', 'صحيفه', 'مجله', 'متحف', 'بورصه']);
/**
 * Heads that are mostly common nouns and name a body only before these words: `قيادة القوات
 * المشتركة` (not `قيادة السيارة` «driving», nor `قيادة الجيش`: the army itself), `قوة الطوارئ
 * الخاصة` (not `قوة الاقتصاد` «strength»), `إمارة منطقة عسير` (the governorate; `إمارة دبي` is a place).
 */
const HEAD_ONLY: Record<string, RegExp> = {
  قياده: /^(ال)?(قوات|عمليات|قوه|حرس|شرطه|اركان|المنطقه)$/,
  قوه: /^ال(طوارئ|مهام|مهمات|واجبات)$/,
  اماره: /^(منطقه|محافظه|المنطقه)$/,
};
/** Words that end an organisation's name (time words, particles, generic adjectives). */
const STOP = new Set([
  'اليوم', 'امس', 'الماضي', 'المقبل', 'الحالي', 'الذي', 'التي', 'الذين', 'الاول', 'الثاني', 'الجديد', 'الجديده', 'الاخير', 'الاخيره', 'السابق', 'الكبير', 'الاسبوع', 'العام',
  'التابع', 'التابعه', 'التاليه', 'التالي', 'المكلفه', 'المكلف', 'المكونه', 'الدكتور', 'المهندس', 'الاستاذ', 'التعازي',
  // (a woman's title before her name: `إدارة الموهوبات الدكتورة ليلى الصاعدي`, g008; the decision a
  // council takes: `قرر مجلس الوزراء الموافقة على`, g024)
  'الدكتوره', 'المهندسه', 'الاستاذه', 'الموافقه',
  'السبت', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'الالكتروني', 'الله',
]);
/**
 * Words that end a name after its first word, though right after the head they are the name
 * (`نادي الرائد`, `مجلس الطلاب`, `لجنة أصدقاء المرضى`): military and police ranks, the title of the
 * spokesman named next (`شرطة منطقة القصيم الرائد بدر السحيباني`), and the people a body
 * addresses, its verb's object (`ودعت المديرية العامة للجوازات الإخوة الأشقاء أبناء اليمن`).
 */
const RANKS = new Set([
  'الرائد', 'العقيد', 'المقدم', 'النقيب', 'اللواء', 'العميد', 'الملازم', 'الرقيب', 'العريف', 'المشير',
  'الاشقاء', 'الاخوه', 'المقيمين', 'الحجاج', 'المعتمرين', 'الزوار', 'الجميع', 'المرضي', 'الطلاب', 'الاهالي',
]);
/**
 * Words that name no body after a head: the body's own kind (`إدارة النادي`، `رئاسة الهيئة`), people
 * (`مصلحة المواطن`، `إدارة الأمير`) and what a common noun is «of» (`حركة السير`، `مركز الاتصال`).
 * Per head where the head is also a common noun: حركة «movement», مصلحة «interest», مركز «centre».
 */
const GENERIC = new Set([
  'النادي', 'الفريق', 'المنتخب', 'الحساب', 'الشركه', 'الهيئه', 'الوزاره', 'الجامعه', 'المؤسسه', 'المركز', 'الاداره', 'المجلس',
  'اللجنه', 'الامير', 'المشرف', 'المواطن', 'المواطنين', 'البلاد', 'الدوله', 'المنطقه', 'المحافظه', 'الموقع', 'المشروع',
  'الاعلامي', 'الاعلاميه', 'الرئيس', 'المدير', 'الحرم', 'المحميه', 'الجمعيه',
]);
const HEAD_GENERIC: Record<string, RegExp> = {
  حركه: /^(ال)?(سير|مرور|مؤشر|رياح|مواطنين|بضائع|ارقام|تداول|ملاحه|طيران|نقل|اسهم|سوق|شراء|بيع|تجاره|استثمار|اموال|سياح|حجاج|ركاب|زوار|سيارات|مركبات|اسعار|مياه|انتقالات|لاعبين|جسم|اقتصاد|صادرات|واردات|عمل|مسافرين|شاحنات|قطارات|سفن|عبور|دخول|خروج|جويه|فاعله|نشطه|مجتمع|تجاريه|سياحيه|احتجاجيه|تصحيحيه|كبيره|دؤوبه|بطيئه|سريعه)$/,
  مصلحه: /^(?!ال(جمارك|زكاه|ضرائب|احصاءات|مياه|سجون|اراضي))/,
  مركز: /^(زلزال|خط|قلب|صحي|الزلزال)$|^ال(اتصال|مثلث|شرطه|مدينه|حي|القريه|الشركه|جناح|وسط|دفاع|هجوم|حراسه|ظهير|صداره|وصافه|اول|ثاني|ثالث|اخير)$/,
  غرفه: /^(ال)?(عمليات|تحكم|ملابس|نوم|اخبار|طوارئ|تبريد|تفتيش)$/,
  لجنه: /^ال(تحكيم|تحقيق|تدريب)$/,
  // (a body's own departments are no body news names: `إدارة العلاقات العامة`, `إدارة الموارد البشرية`)
  اداره: /^ال(علاقات|موارد|تسويق|معرفه|مباني|تخطيط|تنفيذ|قبول|متنزهات|ثروات|مهرجان|غرفه|حركه|مشاريع|مشتريات|متعه)$/,
  // (whose forces, not a body: `قوات الاحتلال`, `قوات الأمن`, `قوات المخلوع`)
  قوات: /^ال(احتلال|عدو|امن|جيش|حوثي|مخلوع|عميل|شرعيه|نظام|حكومه|معارضه)$/,
  جيش: /^ال(احتلال|عدو|نظام)$/,
  // (the office held, not a body: `رئاسة الحكومة`, `رئاسة الجمهورية`, `رئاسة النادي`)
  رئاسه: /^ال(حكومه|جمهوريه|وزراء|مجلس|لجنه|اتحاد|بعثه|وفد|فريق|نادي|جلسه|دوله|اجتماع|هيئه)$/,
  هيئه: /^التدريس$/,
  // (indefinite: `شركة طيران`, `حزب معارض`, `جماعة ضغط` name a kind, not a body)
  شركه: /^(طيران|بترول|مستحضرات|اداره|صناعه|استثمار|استقدام|خاصه|عالميه|وطنيه|محليه|اجنبيه|كبري|كبيره|صغيره|ناشئه|مساهمه|تامين|اتصالات|تقنيه|عقاريه|سياحيه|مقاولات|توقع|تعمل|تقوم)$/,
  حزب: /^(معارض|حاكم|سياسي|ديني|يساري|يميني|اسلامي|جديد|كبير)$/,
  جماعه: /^(ضغط|ارهابيه|مسلحه|متطرفه|اسلاميه|صغيره|كبيره)$/,
};
/** Heads a city or region names (`أمانة المدينة المنورة`, `غرفة جدة`, `جامعة تبوك`, `شرطة الرياض`). */
const PLACE_HEADS = new Set(['امانه', 'بلديه', 'غرفه', 'جامعه', 'شرطه', 'مستشفي', 'مديريه', 'محكمه', 'بورصه', 'اماره']);
/** Words before a place's name in a body's name (normalized): `إمارة منطقة الباحة`. */
const PLACE_MARKER = new Set(['منطقه', 'محافظه', 'مدينه']);
/** A gazetteer city or region. */
const isPlace = (m: Match): boolean => /^(city|region):/.test(m.ids[0] ?? '');
/** The gazetteer city or region starting at token k. */
const placeAt = (matches: readonly Match[], k: number): Match | undefined => matches.find((x) => x.start === k && isPlace(x));
/** Heads a state names (`سفارة اليمن`, `قنصلية فرنسا`). */
const STATE_HEADS = new Set(['سفاره', 'قنصليه']);
/** Heads that, before a club's name, are its board (`إدارة الرائد`): the club is what news names (clubs.ts). */
const BOARD = new Set(['اداره', 'رئاسه']);
/** Heads that name a body only after an honorific (`مدينة الملك عبدالعزيز للعلوم`): `مدينة الشعر` is a festival's «city». */
const NAMED_ONLY = new Set(['مدينه']);
/** Heads whose name is one word (and a demonym): a club or team (نادي الاتحاد، not «نادي الاتحاد التعاقد»). */
const ONE_WORD = new Set(['نادي', 'منتخب']);
/** A definite nisba or rank adjective (الإسلامي، الخارجية، الدولي، العليا). */
const ADJ = /^[وف]?ال(?:.{2,}(?:ي|يه)|عام|عامه|عليا|اعلي|كبري|عظمي)$/;
const DEF = /^([وف]?(ال|لل))/;

/**
 * Heads that also name a body with the article, an adjective and what it is for: `الهيئة الوطنية
 * لمكافحة الفساد`, `الشركة السعودية للكهرباء`, `المديرية العامة للدفاع المدني`. Both parts are
 * required (`الهيئة العامة` or `الشركة السعودية` alone name no one body).
 */
const DEF_HEADS = new Set([
  'وزاره', 'هيئه', 'مؤسسه', 'جمعيه', 'مجلس', 'صندوق', 'مديريه', 'اداره', 'مركز', 'معهد', 'محكمه', 'منظمه', 'اتحاد',
  'غرفه', 'لجنه', 'وكاله', 'شركه', 'مصلحه', 'برنامج', 'مكتب', 'رئاسه', 'جامعه',
]);
/** A definite adjective after such a head: a nisba (الوطنية، السعودية، الإسلامي) or a rank (العامة، العليا، الأعلى). */
const DEF_ADJ = /^ال(?:.{2,}(?:ي|يه)|عام|عامه|اعلي|عليا)$/;

/** A word with a conjunction و (`إدارة وتقديم الخدمات`: managing and providing), not one spelt with و (`وزراء`): the corpus knows it better without. */
function conjoined(norm: string): boolean {
  if (!norm.startsWith('و')) return false;
  const stats = shippedTermStats();
  return stats.df(norm.slice(1)) > stats.df(norm);
}

/**
 * A definite word that starts the clause after a complete name rather than going on with it
 * (`الاتحاد السعودي لكرة القدم الطلب`, `أمانة العاصمة المقدسة البارحة`, `الرئاسة العامة لرعاية
 * الشباب القائمة`, `هيئة شؤون الإعلام السماح`): news never writes it after the word before (the
 * pair is not among the corpus's phrases, df < 12). Not an adjective of the nisba shape, which
 * qualifies whatever it follows (`الشؤون الإسلامية السعودية`), nor a لل-linked complement (`الملك
 * عبدالعزيز للعلوم`) or a و-joined word, a name's rarer pairs (`للموانئ البرية والجافة`, `الموارد
 * المائية والري`: over the corpus, cutting at them lost more whole names than run-ons), nor the
 * word after such a word (`المهمات والواجبات الخاصة`, `للنيازك وعلوم الفضاء`); asked only from a
 * name's fourth word on (after a ل-link, from its second word on), past the words that make it one.
 */
function runsOn(prev: DocToken, cur: DocToken): boolean {
  if (!cur.norm.startsWith('ال') || ADJ.test(cur.norm) || /^[وف]/.test(prev.norm)) return false;
  return shippedTermStats().df(termKey(prev.norm).key + ' ' + cur.norm) === 0;
}

/** The article-form head (`الهيئة`, `بالمديرية`) of a word, if it is one. */
function defHead(t: DocToken): { key: string; cut: number } | undefined {
  return alHead(t, 'defHead', DEF_HEADS);
}

/** The word's article-form reading whose key is in `heads`, memoized with its spelling under `field`. */
function alHead(t: DocToken, field: 'defHead' | 'natHead', heads: ReadonlySet<string>): { key: string; cut: number } | undefined {
  const w = infoOf(t);
  if (w[field] === undefined) {
    const c = w.cands.find((x) => x.al && heads.has(x.key));
    w[field] = c ? { key: c.key, cut: c.cut } : null;
  }
  return w[field] ?? undefined;
}

/** A word's head key (clitics removed), memoized per spelling (tokens.ts wordInfo): most words are no head. */
function head(t: DocToken): string | undefined {
  const w = infoOf(t);
  if (w.head === undefined) w.head = w.cands.find((c) => !c.al && HEADS.has(c.key))?.key ?? null;
  return w.head ?? undefined;
}

/** A title word (النائب، والمشرف، المدير): a person follows, the organisation's name has ended. */
function isTitle(t: DocToken): boolean {
  const lx = lexicon();
  return cliticCandidates(t.norm).some((c) => c.al && (lx.office.has(c.key) || lx.role.has(c.key)));
}

export function findOrgs(tokens: DocToken[], matches: Match[], isName: (norm: string) => boolean): OrgMention[] {
  const taken = new Set<number>();
  for (const m of matches) for (let k = 0; k < m.len; k++) taken.add(m.start + k);
  const out: OrgMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const d = taken.has(i) ? undefined : (definite(tokens, i, taken, matches) ?? national(tokens, i, matches));
    if (d) {
      out.push(d);
      i += d.len - 1;
      continue;
    }
    const h = taken.has(i) ? undefined : head(tokens[i]!);
    if (!h || h.startsWith('ال')) continue;
    let j = i + 1;
    let closed = false;
    let state: string | undefined;
    let placeEnd = -1;
    const at = (k: number): DocToken | undefined => (k < tokens.length && !tokens[k]!.brk && tokens[k]!.seg === tokens[i]!.seg ? tokens[k] : undefined);
    const first = at(j);
    if (!first || !ARABIC.test(first.norm)) continue;
    if (HEAD_ONLY[h] && !HEAD_ONLY[h]!.test(first.norm)) continue;
    if (NAMED_AFTER.has(h) && HONORIFICS.has(first.norm) && at(j + 1) && isName(at(j + 1)!.norm)) {
      j += 2;
      while (j < i + 5 && at(j) && (at(j)!.norm === 'بن' || (at(j - 1)!.norm === 'بن' && ARABIC.test(at(j)!.norm)))) j++;
    } else if (NAMED_ONLY.has(h) || GENERIC.has(first.norm) || HEAD_GENERIC[h]?.test(first.norm) || /^وا/.test(first.norm) || (BOARD.has(h) && CLUBS.has(first.norm))) {
      // (nor does a و-joined word: `شركة واستقرار أسعار`)
      continue;
    } else if (taken.has(j) || isStopword(first.norm)) {
      if (!taken.has(j)) continue;
      // A gazetteer name right after the head (بنك الرياض، جامعة الدول العربية is in the gazetteer itself).
      const m = matches.find((x) => x.start === j)!;
      // (a city or region names any body but a «centre», which is its middle: `هيئة قناة السويس`, not `مركز الرمادي`)
      const place = (h !== 'مركز' && isPlace(m)) || (STATE_HEADS.has(h) && /^country:/.test(m.ids[0] ?? ''));
      // (a gazetteer organisation after the head, `نادي برشلونة`, is that organisation: no second one,
      // its headed spelling an alias)
      if (/^(org|agency):/.test(m.ids[0] ?? '') && OPEN.has(h)) {
        const c = cliticCandidates(tokens[i]!.norm).find((x) => x.key === h)!;
        const words = [cleanSurface(tokens[i]!.surface).slice(c.cut), m.display];
        out.push({ id: m.ids[0]!, start: i, len: 1 + m.len, display: words.join(' '), norms: [h], alias: true });
        i = j + m.len - 1;
        continue;
      }
      if ((!OPEN.has(h) && !place) || m.demonym || /^(org|agency):/.test(m.ids[0] ?? '')) continue;
      j += m.len;
      // (after a city or region, what it is goes on — an adjective or a لل-linked word first:
      // `مستشفى عسير المركزي`, `بورصة طوكيو للأوراق المالية`; not `أمانة الرياض البعد الاجتماعي`)
      closed = !isPlace(m);
      if (!closed) placeEnd = j;
      if (STATE_HEADS.has(h) && m.ids.length === 1) state = m.ids[0];
    } else if ((PLACE_HEADS.has(h) || h === 'مجلس') && PLACE_MARKER.has(first.norm) && placeAt(matches, j + 1)) {
      // A region's or governorate's body: `إمارة منطقة الباحة`, `شرطة محافظة النبهانية`.
      j += 1 + placeAt(matches, j + 1)!.len;
      closed = true;
    } else if (first.norm.startsWith('ال') && !STOP.has(first.norm)) {
      // (a bare definite word: `لجنة للتحقيق`, `منتخب للبلاد` are no names)
      j++;
      closed = ONE_WORD.has(h);
    } else if (!OPEN.has(h) && !DEF.test(first.norm) && !/^[لب]/.test(first.norm) && !conjoined(first.norm) && !lexicon().office.has(first.norm) && isName(first.norm) && !head(first) && !defHead(first) && !/(ها|هم|هما|هن)$/.test(first.norm) && !lexicon().given.has(first.norm) && at(j + 1)?.norm.startsWith('ال') && !STOP.has(at(j + 1)!.norm) && (!taken.has(j + 1) || placeAt(matches, j + 1)) && !GENERIC.has(at(j + 1)!.norm)) {
      // An idafa: `هيئة تنظيم الكهرباء`, `إدارة تطوير الشراكة المجتمعية`, `هيئة كبار العلماء` (not a
      // verb with its pronoun, `محكمة تنفذها الجهات`, nor a person, `رئاسة عبدالله القريني`); its
      // second word may be a place (`قيادة عمليات الأنبار`, `مركز معارض الظهران الدولي`).
      j += 1 + (placeAt(matches, j + 1)?.len ?? 1);
    } else if (OPEN.has(h) && !DEF.test(first.norm) && isName(first.norm) && !head(first) && !/.يه$/.test(first.norm) && !commonWord(first.norm) && !preposed(first.norm) && !(h === 'جامعه' && lexicon().given.has(first.norm))) {
      // (an indefinite nisba says what kind it is, not which one: `حركة احتجاجية`, `صحيفة يومية`;
      // a university after a given name alone is a person's, `جامعة محمد`, named without its honorific)
      j++;
      // (a second name word; not a ل-linked complement: `شركة بوينج لصناعة الطائرات` is شركة بوينج,
      // nor the verb the body is subject of: `مستشفى رفحاء يناشدون`, `شركة أبل تطلق`, nor a
      // common word, a stopword or a word with a pronoun behind و, which start a clause:
      // `مستشفى بقيق ويهنئهم`، `وخاصة`، `وغيره`; not `مستشفى سوق واقف`، `شركة إرنست ويونغ`)
      const second = at(j)?.norm;
      const rest = second?.startsWith('و') ? second.slice(1) : '';
      const clause = !!rest && (isStopword(rest) || commonWord(rest) || /(ها|هم|هما|هن|ه)$/.test(rest));
      if (second && !DEF.test(second) && !second.startsWith('ل') && !/^[يت]/.test(second) && !clause && isName(second) && !head(at(j)!) && !commonWord(second) && !(h === 'جامعه' && !universityWord(second))) j++;
      closed = true;
    } else continue;
    // What it is of: definite words, و-joined ones, لل-linked ones (للعلوم والتقنية، العامة للرياضة).
    const more = (k: number): boolean => {
      const u = at(k);
      return !!u && DEF.test(u.norm) && !STOP.has(u.norm) && !RANKS.has(u.norm) && !isStopword(u.norm) && !isStopword(u.norm.replace(/^[وف]/, '')) && !taken.has(k) && !head(u) && !(k > i + 1 && defHead(u)) && !isTitle(u);
    };
    // After an adjective (الإسلامي) only another adjective or a و/لل-joined word goes on: `حزب الدعوة
    // الإسلامي المقر` ends before المقر.
    while (!closed && j < i + 6 && more(j) && !(j >= i + 3 && runsOn(tokens[j - 1]!, tokens[j]!)) && !(ADJ.test(tokens[j - 1]!.norm) && !ADJ.test(tokens[j]!.norm) && !/^[وف]|^لل/.test(tokens[j]!.norm)) && !(j === placeEnd && !ADJ.test(tokens[j]!.norm) && !/^لل/.test(tokens[j]!.norm))) j++;
    // A building named after a person inside the name takes the person's name and what closes it
    // (`إدارة مطار الملك عبدالعزيز الدولي`, not «إدارة مطار الملك»).
    if (j - i >= 3 && HONORIFICS.has(tokens[j - 1]!.norm) && NAMED_PLACE.has(tokens[j - 2]!.norm) && at(j) && !taken.has(j) && isName(at(j)!.norm) && !DEF.test(at(j)!.norm)) {
      j++;
      while (at(j) && !taken.has(j) && ADJ.test(at(j)!.norm) && !/^[وف]/.test(at(j)!.norm)) j++;
    }
    // A demonym closes the name (وزارة الخارجية الأمريكية).
    // (so does a state's name that is an adjective itself: وزارة الشؤون الإسلامية السعودية)
    const m = matches.find((x) => x.start === j && (x.demonym || (x.len === 1 && (x.ids[0] ?? '').startsWith('country:') && /^ال.+يه$/.test(tokens[j]!.norm))));
    if (m && at(j)) j += m.len;
    const span = tokens.slice(i, j);
    const c = cliticCandidates(tokens[i]!.norm).find((x) => x.key === h)!;
    const words = span.map((t, k) => (k === 0 ? cleanSurface(t.surface).slice(c.cut) : cleanSurface(t.surface)));
    const norms = span.map((t, k) => (k === 0 ? h : t.norm.replace(/^[وف]?(?=(ال|لل))/, '')));
    out.push({ id: state ? stateBodyId(h, state) : 'org:' + norms.join('_'), start: i, len: j - i, display: words.join(' '), norms });
    i = j - 1;
  }
  return out;
}

/**
 * `الهيئة الوطنية لمكافحة الفساد` at `i`: an article-form head, one or two definite adjectives, then
 * what it is for — a ل-linked word and the definite or و-joined words after it (up to seven words).
 */
function definite(tokens: DocToken[], i: number, taken: ReadonlySet<number>, matches: readonly Match[]): OrgMention | undefined {
  const h = defHead(tokens[i]!);
  if (!h) return undefined;
  const at = (k: number): DocToken | undefined => (k < tokens.length && !tokens[k]!.brk && tokens[k]!.seg === tokens[i]!.seg ? tokens[k] : undefined);
  let j = i + 1;
  while (j < i + 3 && at(j) && DEF_ADJ.test(at(j)!.norm) && !STOP.has(at(j)!.norm) && !isStopword(at(j)!.norm)) j++;
  const link = at(j);
  // (… or a city or region: `الهيئة الملكية للجبيل`)
  const linkPlace = link && taken.has(j) && /^لل/.test(link.norm) ? placeAt(matches, j) : undefined;
  if (j === i + 1 || !link || (taken.has(j) && !linkPlace) || !/^ل(?!ا).../.test(link.norm) || isStopword(link.norm) || head(link) || defHead(link) || GENERIC.has('ال' + link.norm.slice(2))) return undefined;
  j += linkPlace?.len ?? 1;
  const linkEnd = j;
  // (Right after the link, its complement may be an adjective that is a title elsewhere, `للتعاون
  // الإعلامي`, and after a verbal noun, ل and no article, the people it serves: `لرعاية المرضى`; not
  // those a body addresses, `للجوازات الإخوة`.)
  const object = /^ل[^ل]/.test(link.norm);
  const more = (k: number): boolean => {
    const u = at(k);
    const complement = k === linkEnd;
    return !!u && DEF.test(u.norm) && !STOP.has(u.norm) && (!RANKS.has(u.norm) || (complement && object)) && !isStopword(u.norm) && !isStopword(u.norm.replace(/^[وف]/, '')) && !taken.has(k) && !head(u) && !defHead(u) && (!isTitle(u) || (complement && ADJ.test(u.norm)));
  };
  // (and a و-joined construct: `للأرصاد وحماية البيئة`)
  const construct = (k: number): boolean => {
    const u = at(k);
    return !!u && /^و[^ا]/.test(u.norm) && !isStopword(u.norm) && !isStopword(u.norm.slice(1)) && !head(u) && more(k + 1);
  };
  while (j < i + 7 && (more(j) || (construct(j) && j++)) && !(j > linkEnd && runsOn(tokens[j - 1]!, tokens[j]!))) j++;
  // A demonym closes it (`المجلس الوطني للمقاومة الإيرانية`).
  if (at(j) && matches.some((x) => x.start === j && x.demonym && x.len === 1)) j++;
  const span = tokens.slice(i, j);
  // The head as «ال…» whatever clitics it carried (للهيئة، بالمديرية → الهيئة، المديرية).
  const words = span.map((t, k) => (k === 0 ? 'ال' + cleanSurface(t.surface).slice(h.cut) : cleanSurface(t.surface)));
  const norms = span.map((t, k) => (k === 0 ? 'ال' + h.key : t.norm.replace(/^[وف]?(?=(ال|لل))/, '')));
  return { id: 'org:' + norms.join('_'), start: i, len: j - i, display: words.join(' '), norms };
}

/** Bodies a state's demonym names (`المنتخب السعودي`, `الجيش اليمني`, `الاستخبارات التركية`, `الخطوط اليمنية`; see README.md); those of ONE_PER_STATE one id however the state is spelled. */
const NATIONAL = new Set(['جمارك', 'خطوط', 'استخبارات', 'بحريه', 'اتحاد', 'منتخب', 'جيش', 'برلمان', 'سفاره', 'قنصليه', 'بورصه']);
const ONE_PER_STATE = new Set([...STATE_HEADS, 'جمارك', 'خطوط', 'استخبارات', 'بحريه']);

/** One id for a state's body however the state is written (`السفارة اليمنية`, `سفارة اليمن`; `البحرية الأمريكية`, `البحرية الأميركية`): `org:السفاره_YE`. */
function stateBodyId(head: string, stateId: string): string {
  return 'org:ال' + head + '_' + stateId.replace(/^country:/, '');
}

/** `المنتخب السعودي` at `i`: an article-form NATIONAL head and a demonym (or `السعودية`, the name that is one) right after it. */
function national(tokens: DocToken[], i: number, matches: Match[]): OrgMention | undefined {
  const c = alHead(tokens[i]!, 'natHead', NATIONAL);
  const next = tokens[i + 1];
  if (!c || !next || next.brk || next.seg !== tokens[i]!.seg) return undefined;
  // (the feminine demonym that is also the state's name: الجمارك السعودية، الخطوط السعودية)
  const m = matches.find((x) => x.start === i + 1 && x.len === 1 && (x.demonym || ((x.ids[0] ?? '').startsWith('country:') && /^ال.+يه$/.test(next.norm))));
  if (!m) return undefined;
  const norms = ['ال' + c.key, next.norm.replace(/^[وف]/, '')];
  // (a federation or a team keeps its words: `الاتحاد السعودي` is the short form of `الاتحاد السعودي لكرة القدم`)
  return { id: ONE_PER_STATE.has(c.key) && m.ids.length === 1 ? stateBodyId(c.key, m.ids[0]!) : 'org:' + norms.join('_'), start: i, len: 2, display: 'ال' + cleanSurface(tokens[i]!.surface).slice(c.cut) + ' ' + cleanSurface(next.surface), norms };
}
