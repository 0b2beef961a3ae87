/**
 * The people finder's word classes (find.ts): the closed lists of words that link, end or
 * cannot be names, and the tests of an open word against the corpus counts (a word no list
 * knows that may still be a name; a future verb; an adverb in -ًا).
 * Contract: pure.
 */
import { isStopword } from '../../arabic/index.ts';
import { cliticCandidates, type DocToken } from '../tokens.ts';
import { isCommonNoun, isVerbLike, type PeopleLexicon } from './lexicon.ts';

/** Words inside a name that need a name after them: nasab and kunya (بو as in حمد بو عميم), and the particles of foreign names (لويس فان خال، دافيد دي خيا). */
export const CONNECTORS = new Set(['بن', 'بنت', 'ابن', 'ابو', 'ابي', 'بو', 'عبد', 'ال', 'ام', 'دي', 'فان', 'فون', 'دا', 'دو', 'ديل', 'ولد']);

/** A connector as written: not `آبي` (Abe, Abiy: شينزو آبي), which normalizes to the kunya's `ابي`. */
export const connector = (t: DocToken): boolean => CONNECTORS.has(t.norm) && !(t.norm === 'ابي' && t.surface.replace(/^[^\u0621-\u064a]+/, '').startsWith('آ'));
/** Link words inside an office (وزير الدولة لشؤون …, رئيس مجلس إدارة …). */
export const ROLE_LINKS = new Set([
  'باسم', 'لشؤون', 'شؤون', 'لشئون', 'شئون', 'للشئون', 'لدي', 'عام', 'مجلس', 'لمجلس', 'وزاره', 'لوزاره', 'هيئه', 'لهيئه', 'دوله', 'منطقه',
  'محافظه', 'مدينه', 'جامعه', 'لجنه', 'اداره', 'شركه', 'نادي', 'جمعيه', 'مركز', 'مؤسسه', 'اتحاد', 'غرفه',
  'حزب', 'حركه', 'جماعه', 'قوات', 'قياده', 'منظمه', 'وكاله', 'بنك', 'صندوق', 'برنامج', 'مكتب', 'ديوان', 'فريق',
  'منتخب', 'لنادي', 'لمنتخب', 'لفريق', 'للشؤون', 'اعلام', 'عمليات', 'بلديه', 'امانه', 'فرع', 'قسم', 'شرطه',
  'لشركه', 'مجموعه', 'لجماعه', 'لحزب', 'لحركه', 'لمنظمه', 'لهيئه', 'للشركه', 'ادارات', 'شعبه', 'تحرير', 'تنظيم',
]);
/** Role words after a demonym that still belong to the role. */
export const ROLE_TAIL = new Set(['السابق', 'الاسبق', 'الجديد', 'المكلف', 'المنتهيه', 'الحالي', 'السابقه', 'الجديده', 'المكلفه']);
/** Words that end a name: verbs, time words, particles and formulas. */
export const NAME_STOP = new Set([
  'قال', 'قالت', 'اكد', 'اكدت', 'اعلن', 'اعلنت', 'اشار', 'اشارت', 'اضاف', 'اضافت', 'اوضح', 'اوضحت',
  'اعتبر', 'شدد', 'دعا', 'طالب', 'بحث', 'التقي', 'استقبل', 'وصل', 'اجري', 'يقول', 'يزور', 'زار',
  'غادر', 'توجه', 'عقد', 'ترأس', 'تراس', 'افتتح', 'رعي', 'وقع', 'هنا', 'بعث', 'تلقي', 'اجتمع',
  'اليوم', 'امس', 'غدا', 'الليله', 'صباح', 'مساء', 'السبت', 'الاحد', 'الاثنين', 'الثلاثاء',
  'الاربعاء', 'الخميس', 'الجمعه', 'الماضي', 'المقبل', 'الحالي', 'خلال', 'عقب', 'اثناء', 'امام',
  'حيث', 'الذي', 'التي', 'الذين', 'انه', 'انها', 'ان', 'كما', 'وذلك', 'هذا', 'هذه', 'الي', 'علي',
  'في', 'من', 'عن', 'مع', 'بعد', 'قبل', 'لدي', 'عندما', 'بان', 'لا', 'لم', 'لن', 'قد', 'وقال', 'وقد',
  'يوم', 'يوما', 'عام', 'بشان', 'حول', 'جديد', 'خلفا', 'رعاه', 'حفظه', 'يحفظه', 'ايده', 'بمناسبه', 'ذكري',
  'كتب', 'نص', 'لكره', 'القدم', 'بينما', 'ايضا', 'فقط', 'حاليا', 'سابقا', 'مؤخرا', 'رحمه', 'رحمها',
  'صلي', 'عليه', 'رضي', 'تعالي', 'سبحانه', 'السلام', 'وسلم', 'يرحمه', 'الشهيد', 'سموه', 'معاليه', 'وقالت',
  'واضاف', 'واكد', 'واوضح', 'واشار', 'اذ', 'لكن', 'ولكن', 'منذ', 'الان', 'هو', 'هي', 'ثم', 'او', 'والذي',
  'نفسه', 'انذاك', 'حينها', 'حينذاك', 'وقتها', 'شخصيا', 'بنفسه', 'مجددا', 'حفظهما', 'اطال', 'عمره', 'ساعه', 'دقيقه', 'مباراه', 'لقاء', 'رقم',
  // «إبّان» (during: الملك فيصل إبان توليه الحكم); «أفندي» follows a name as a title (رائف أفندي), and
  // «يوسف أفندي» is a fruit (فاكهة «يوسف أفندي»).
  'ابان', 'افندي',
  // What introduces a nickname or an epithet after a name (خالص بايانجوك الملقب «…»).
  'الملقب', 'الملقبه', 'المكني', 'المدعو', 'المدعوه', 'المولود', 'المولوده', 'المتوفي', 'المتوفاه',
]);
/** Given names that start with و or ي (a first word with those letters is otherwise «and …» or a verb). */
export const WAW_YA = new Set([
  'وليد', 'وائل', 'وديع', 'وسام', 'وفاء', 'وجدي', 'وحيد', 'وضاح', 'وصفي', 'ولاء', 'وهيب', 'وهبه', 'وعد', 'ورد',
  'يوسف', 'يحيي', 'ياسر', 'يزيد', 'يعقوب', 'يونس', 'ياسين', 'يعرب', 'يسري', 'يوهان', 'يان', 'يوري', 'ينس', 'يسرا',
  'ياسمين', 'يمني', 'يوشيهيدي', 'يولاندا', 'يانيس', 'يورغن', 'يوكيا', 'يعلون', 'يتسحاق', 'يائير', 'يوآف', 'يحيى',
]);
/** Definite verbal nouns (التلويح، الإشهار، الاستقبال، الانسحاب): no family names. */
export const MASDAR = /^ال(ت..ي.|ا..ا.|است...ا.|ان..ا.|ا.ت.ا.)$/;
/** Definite participles of the derived verb forms (المنتقل، المنضم، المتوج، المستقيل): no family names (a nisba such as المنتشري is). */
export const PARTICIPLE = /^ال(من|مت|مست)[\u0621-\u064a]{2,}[\u0621-\u0649]$/;
/** Plural and dual endings (المصابين، المتمردون، السجلات): no family names. */
export const PLURAL = /(ين|ون|ات)$/;
/** Tanween marks (a word written with them is a common noun or adverb, no name). */
export const TANWEEN = /[\u064b-\u064d]/;
export const NUMBER_WORDS = new Set(['واحد', 'اثنان', 'اثنين', 'ثلاث', 'اربع', 'خمس', 'ست', 'سبع', 'ثمان', 'تسع', 'عشر', 'عشرين', 'مئه', 'الف', 'مليون']);
export const ARABIC_WORD = /^[\u0621-\u064a]+$/;
export const DEFINITE = /^(ال|لل|بال|وال|فال)/;

/**
 * A definite word (ال، لل، or و/ف/ب and ال): `بال`, `وال`, `فال` only when the corpus knows the
 * ال-word behind them (والرئيس، بالمدينة), since many foreign names start with those letters
 * (فالون، والتر، بالوتيلي، فالفيردي).
 */
export function definite(lx: PeopleLexicon, n: string): boolean {
  if (!DEFINITE.test(n)) return false;
  if (n.startsWith('ال') || n.startsWith('لل')) return true;
  if (lx.given.has(n) || lx.surname.has(n)) return false;
  // (والرئيس is far rarer than الرئيس; فالون is more frequent than «الون».)
  const df = lx.stats.df(n);
  const al = lx.stats.df(n.slice(1));
  // (A ف- or ب-word the corpus knows neither way is a name: فالديس، بالاسيو; a و-word is «and the …»: والبارونات.)
  return al >= df && (al > 0 || n.startsWith('وال'));
}

/**
 * Where a trailing tag line starts (`… واستقراره. سمات الحرس الوطني متعب بن عبدالله`, as one
 * outlet appends its tags): its words run together with no punctuation, so names read there
 * would join two tags (`خالد طاهر خالد متعب لوس`). Names are not read in it (a bare last name
 * there still counts, people/merge.ts). tokens.length when there is none.
 */
export function tagLine(tokens: DocToken[]): number {
  for (let k = tokens.length - 1; k >= 0 && k >= tokens.length - 16; k--) {
    const t = tokens[k]!;
    if (t.norm === 'سمات' && t.brk && t.seg === 1) return k;
  }
  return tokens.length;
}

/** A pronoun suffix (معنا، عنهما، لديهما). */
const PRONOUN = /(هما|هم|هن|ها|كم|نا|ه|ك)$/;

/** A word that can stand in a name at all. */
export function nameWord(lx: PeopleLexicon, n: string): boolean {
  if (!ARABIC_WORD.test(n) || n.length < 2 || isStopword(n) || NAME_STOP.has(n) || lx.honorific.has(n)) return false;
  // A stopword or stop word behind clitics (بأنه، وفي، لدى); but العلي, a family name, is not
  // ال + على (ى is normalized to ي, so على reads علي, and no preposition takes the article).
  for (const c of cliticCandidates(n)) if (c.cut > 0 && !(c.al && c.cut === 2 && c.key === 'علي') && (isStopword(c.key) || NAME_STOP.has(c.key))) return false;
  // … or before a pronoun suffix (كارلوس إدواردو معنا، رضي الله عنهما), unless a listed name (لينا).
  // (Such words are short: معنا، عنهما، لديهما، عليكم.)
  const p = n.length <= 7 ? PRONOUN.exec(n) : null;
  if (p && n.length - p[0].length >= 2 && !lx.given.has(n) && !lx.surname.has(n)) {
    const b = n.slice(0, -p[0].length);
    if (isStopword(b) || NAME_STOP.has(b)) return false;
  }
  // A preposition and a pronoun around a word (بظلالها، لمطالبهم) is a noun phrase, never a name.
  if (/^[بل].{3,}(ها|هما|هم|هن)$/.test(n) && !lx.given.has(n) && !lx.surname.has(n)) return false;
  // … nor ب or ل, a word the corpus knows and ه, its pronoun or a ة (الملك سلمان باسمه، لصالحه، ادريان
  // ببعثة، صلاح بثلاثة; not باناعمة, بركة: what is between is no word).
  if (/^[بل]..+ه$/.test(n) && !lx.given.has(n) && !lx.surname.has(n) && lx.stats.df(n.slice(1, -1)) + lx.stats.df('ال' + n.slice(1, -1)) >= 100) return false;
  return true;
}

/**
 * A verb in the plural (صاروا، فروا، قالوا، فاستغفروا) no name list knows: its stem is a stop
 * word, of the form استفعل, or known to the corpus in the present plural (يفرون); names in -وا
 * (فرانسوا، جوشوا) are listed.
 */
export function pluralVerb(lx: PeopleLexicon, n: string): boolean {
  const pl = /^[وف]?(.{2,})وا$/.exec(n)?.[1];
  if (!pl || lx.given.has(n) || lx.surname.has(n)) return false;
  return NAME_STOP.has(pl) || isStopword(pl) || (pl.length >= 3 && (pl.startsWith('است') || lx.stats.df('ي' + (pl.startsWith('ا') ? pl.slice(1) : pl) + 'ون') >= 3));
}

/**
 * A past verb (رفض، قصفت، فروا، أطلقا، أكد) that no name list knows, read after a name's first
 * word: a frequent word seldom written with ال whose stem (the word, or the word less a feminine
 * ت, a plural وا or a dual ا) the corpus knows in the present tense (يرفض، يقصف، يفر، يطلق،
 * يؤكد), or a plural of a stop word (قالوا). Listed names that are verbs too (زيد/يزيد) are names;
 * a م-initial word is a participle or noun (مني/يمني), an ة-final one a noun (أحمد عرفة); a frequent noun is a family name as well
 * (فادي كرم، إسحاق دار، أشرف غني); and a word before الله is a name (سليمان فتح الله).
 */
/**
 * A weak verb's participle ending in ي whose plural the corpus writes and whose stem is no word
 * (المنتمي/المنتمين، الساعي/الساعين), not a nisba family name (المنتشري of المنتشر، القحطاني).
 */
export function weakParticiple(lx: PeopleLexicon, n: string): boolean {
  return n.endsWith('ي') && lx.stats.df(n.slice(0, -1) + 'ين') >= 5 && lx.stats.df(n.slice(0, -1)) === 0;
}

export function pastVerb(lx: PeopleLexicon, n: string, next?: string): boolean {
  if (n.length < 3 || n.startsWith('م') || n.startsWith('ال') || n.endsWith('ه') || next === 'الله' || lx.given.has(n) || lx.surname.has(n)) return false;
  if (pluralVerb(lx, n) || inflectedPast(lx, n)) return true;
  const df = lx.stats.df(n);
  if (df < 20 || lx.stats.df('ال' + n) >= 0.25 * df) return false;
  const stems = [n];
  // (… also of a doubled root: ضمت/يضم.)
  if (n.length >= 3 && n.endsWith('ت')) stems.push(n.slice(0, -1));
  if (n.length >= 4 && n.endsWith('وا')) stems.push(n.slice(0, -2));
  else if (n.length >= 4 && n.endsWith('ا')) stems.push(n.slice(0, -1), n.endsWith('تا') && n.length >= 5 ? n.slice(0, -2) : '');
  for (const st of stems) {
    if (st.length < 2 || st.length > 4) continue;
    const present = st.startsWith('ا') ? lx.stats.df('ي' + st.slice(1)) + lx.stats.df('يؤ' + st.slice(1)) : lx.stats.df('ي' + st);
    if (present >= 20) return true;
  }
  return false;
}

/**
 * A past verb with its subject's ending (انتشلت، أكدا، أكدوا، قالتا) too rare for pastVerb's
 * counts: the bare past (انتشل، أكد) is a word the corpus knows and never writes with ال, and
 * a verb by its present (يؤكد) or by the shape of a derived form (انفعل، افتعل، استفعل). Names
 * ending in those letters (ماريا، بلانيت، رامات) have no such bare form.
 */
export function inflectedPast(lx: PeopleLexicon, n: string): boolean {
  const m = /^(.{3,}?)(تا|وا|ت|ا)$/.exec(n);
  if (!m || lx.given.has(n) || lx.surname.has(n)) return false;
  const st = m[1]!;
  if (lx.given.has(st) || lx.surname.has(st)) return false;
  if (NAME_STOP.has(st)) return true;
  const df = lx.stats.df(st);
  if (df < 3 || lx.stats.df('ال' + st) > 0.05 * df) return false;
  if (/^ا(ن|ست|[^اوي]ت)[^اوي]./.test(st) && st.length <= 6) return true;
  // (An ا-initial stem is أفعل, of four letters: أنهى/أنهت; آردا is no «أرد».)
  if (st.startsWith('ا') && st.length < 4) return false;
  const present = st.startsWith('ا') ? lx.stats.df('ي' + st.slice(1)) + lx.stats.df('يؤ' + st.slice(1)) : lx.stats.df('ي' + st);
  return present >= 3 && lx.stats.df('ال' + st) === 0 && lx.stats.df(n) < 5 * present;
}

/**
 * A ت-initial word that is no verb: a transliterated name (تسيبراس، تسيبي، تركستاني). A present
 * verb (تعتزم، تغمر) is written with ي/ن/أ too or takes a verb's shape (تتفاعل، تستفعل، تفاعل),
 * and a name never takes ال.
 */
function tName(lx: PeopleLexicon, n: string): boolean {
  // (Nor a plural, dual or adverb ending, nor a pronoun suffix: ترسبات، تعبران، تدريبيتين، تليفونيا، ترهقها، تنتخبهم.)
  if (n.length < 5 || /^(تت|تست)/.test(n) || /^ت.ا/.test(n) || /(ات|ان|ين|يا|(?<![او])ني|ها|هم|هما|كم|نا)$/.test(n)) return false;
  const rest = n.slice(1);
  return lx.stats.df('ي' + rest) + lx.stats.df('ن' + rest) + lx.stats.df('ا' + rest) + lx.stats.df('ال' + n) + lx.stats.df(rest) === 0;
}

/**
 * A compound name with الله written as one word (نصرالله، عطاالله، مدالله): what comes before
 * الله is a word, not clitics alone (بالله، والله، فبالله), nor clitics on عبدالله (كعبدالله «like
 * Abdullah»: the finder reads its clitics), nor «إن شاء» (انشاءالله). Over 4,964 corpus articles
 * 10 people are found whole, all read right (حسن نصرالله ×3، سمير عطاالله، مدالله العليان ×3).
 */
export function joinedAllah(n: string): boolean {
  const m = /^(.{2,})الله$/.exec(n);
  return !!m && !/^[وفبلكت]+$/.test(m[1]!) && !/^[وفبلك]+عبد$/.test(m[1]!) && !m[1]!.endsWith('شاء');
}

/**
 * A word no list knows that may still be a name (a new transliteration): not a common noun,
 * verb or frequent word, not a clitic glued to a word (لألعاب), no ة ending (حماية، نتيجة),
 * no ت/س prefix of a verb or verbal noun (تعرض، سيخلف).
 */
export function unknownNameWord(lx: PeopleLexicon, n: string): boolean {
  // (… nor a plural nisba in construct: ميشال عون مسيحيي الثامن.)
  // (A kunya joined to its word may end in ة: أبوشوشة، بوميدوحة; so does a compound with الله written joined.)
  if (n.length < 3 || (n.endsWith('ه') && !/^(ابو|بو).{3,}$/.test(n) && !joinedAllah(n)) || (n.endsWith('يي') && lx.stats.df(n.slice(0, -1)) + lx.stats.df('ال' + n.slice(0, -1)) >= 20) || NUMBER_WORDS.has(n) || adverb(lx, n)) return false;
  // The indefinite participle of a weak verb, whose definite form ends in ي (اللاعب باق/الباقي، قاض، ماض; not كين/الكيني).
  if (n.length === 3 && n[1] === 'ا' && lx.stats.df('ال' + n + 'ي') >= 20) return false;
  if (futureVerb(lx, n) || pluralVerb(lx, n) || (/^ت[^اوي]/.test(n) && !n.startsWith('تش') && !tName(lx, n)) || /^است/.test(n)) return false;
  // A verb in the plural behind ل/ف (لينهضوا، فيقولوا), a present verb behind ل (الوزير ليغلق), a
  // future one whose present or verbal noun the corpus knows at all (المدرب سيتدرج/التدرج، سنتخذ; not سيينا/إلينا).
  if (/^[لف]?[يت].{2,}وا$/.test(n) || /^[يت].{2,}ون$/.test(n)) return false;
  if ((n.length >= 5 && /^ل[يتن]/.test(n) && lx.stats.df(n.slice(1)) >= 5) || (/^[وف]?س[يتن].{3,}/.test(n) && lx.stats.df(n.replace(/^[وف]?س/, '')) + lx.stats.df(n.replace(/^[وف]?س./, 'ي')) + (/^[وف]?س..{4}/.test(n) ? lx.stats.df(n.replace(/^[وف]?س./, 'ال')) : 0) >= 3)) return false;
  // A verbal noun the corpus knows (الشقيق اطراد التقدم، انتهاك), «like the …» (كالنحت، كالماء; not كاليفورنيا).
  if (MASDAR.test('ال' + n) && (lx.stats.df(n) >= 20 || lx.stats.df('ال' + n) >= 3)) return false;
  if (/^كال.{3,}/.test(n) && lx.stats.df(n.slice(3)) >= 3) return false;
  // A participle or adjective in the dual or plural whose singular the corpus knows (منتخبتين، أجنبيين).
  const one = n.replace(/(يين|تين|ين)$/, (e) => (e === 'يين' ? 'ي' : ''));
  if (/^[مأا].{3,}(ين|تين)$/.test(n) && one.length >= 4 && lx.stats.df(one) >= 20) return false;
  // … or a noun in the dual behind ب/ل (عبد الوهاب بعينين), or of a ة noun (جوزيه قوميز فترتين).
  if (/^.{2,}تين$/.test(n) && lx.stats.df(n.slice(0, -3) + 'ه') >= 20) return false;
  if (/^[بل].{2,}(ين|تين)$/.test(n) && lx.stats.df(one.slice(1)) + lx.stats.df(one.slice(1) + 'ه') >= 20) return false;
  // An adjective or participle in the plural, both plurals known (مرتبطون/مرتبطين، مبعدين).
  const pl = /^(.{3,})(ون|ين)$/.exec(n);
  if (pl && lx.stats.df(pl[1]!) >= 20 && lx.stats.df(pl[1]! + (pl[2] === 'ون' ? 'ين' : 'ون')) >= 3) return false;
  // A preposition on a word the corpus knows with ال (بجوار/الجوار), a participle in the plural (متفردين).
  const withAl = /^[بل]/.test(n) ? lx.stats.df('ال' + n.slice(1)) : 0;
  if ((withAl >= 20 && (withAl >= 100 || lx.stats.df(n) >= 20)) || /^(مت|مست)..+(ين|ون)$/.test(n)) return false;
  // A past verb in the plural whose stem the corpus knows (عرضوا، أكدوا).
  if (/^.{3,}وا$/.test(n) && lx.stats.df(n.slice(0, -2)) >= 20) return false;
  // A past verb of the form أفعل whose present يفعل the corpus knows (أفصح/يفصح، أرجأ).
  // (Also انفعل/افتعل: انفتح/ينفتح، أعقب/يعقب.)
  if (n.startsWith('ا') && n.length >= 4 && lx.stats.df('ي' + n.slice(1)) >= (n.length >= 5 ? 5 : 20)) return false;
  // (… and its feminine أفعلت: أدخلت/يدخل.)
  if (n.startsWith('ا') && n.endsWith('ت') && n.length >= 5 && lx.stats.df('ي' + n.slice(1, -1)) >= 20) return false;
  // A preposition glued to a verbal noun (بإشهار، لاستقبال).
  if (/^[بل]ا/.test(n) && MASDAR.test('ال' + n.slice(1))) return false;
  const df = lx.stats.df(n);
  if (df >= lx.maxUnknownDf) return false;
  // A frequent ب/ل-word no list knows is a preposition and its word (جبريل بموجب الضبط; frequent names are listed: بوتين، بلاتر).
  if (df >= 100 && /^[بل]/.test(n) && !lx.given.has(n) && !lx.surname.has(n)) return false;
  // (ك is left alone: كيري is no «like يري».)
  for (const c of cliticCandidates(n)) if (c.cut > 0 && !n.startsWith('ك') && c.key.length >= 3 && lx.stats.df(c.key) >= 20 && lx.stats.df(c.key) > df) return false;
  // A pronoun suffix or an adverb's ا on a known word (مؤشرنا، مساحتها، مؤقتا، أسبوعيا).
  const m = /(كما|هما|كم|هن|نا|ها|هم|ه|ك|ا)$/.exec(n);
  if (m && n.length - m[0].length >= 3) {
    const bare = n.slice(0, -m[0].length);
    // (ة before a pronoun is written ت: جاهزيتهم → جاهزية.)
    const ta = bare.endsWith('ت') ? bare.slice(0, -1) + 'ه' : '';
    const known = lx.stats.df(bare) + lx.stats.df(bare + 'ه') + lx.stats.df('ال' + bare) + (ta ? lx.stats.df(ta) + lx.stats.df('ال' + ta) : 0);
    if (known >= 20 && known > 3 * df) return false;
    // (A plural pronoun is seldom how a name ends: مصرعهم، مصرعه، مصرع.)
    if (/^(هم|هما|هن|كم|كما)$/.test(m[0]) && known >= 20 && 2 * known >= df) return false;
  }
  return !isCommonNoun(lx, n) && !isVerbLike(lx, n);
}

/** A future verb (سيخلف، ستعقد): س and a present verb the corpus knows; not سيرغي، ستيفن. */
export function futureVerb(lx: PeopleLexicon, n: string): boolean {
  return /^س[يتنا]/.test(n) && n.length >= 4 && lx.stats.df(n.slice(1)) >= 20;
}

/** An adverb or ḥāl in -ًا whose bare form the corpus knows (أسبوعيا، منيعا، سدا). */
export function adverb(lx: PeopleLexicon, n: string): boolean {
  if (!n.endsWith('ا') || n.length < 4 || lx.given.has(n)) return false;
  // A participle of a derived form in the accusative (… لويس انريكي متذمرا، مستغربا).
  if (/^(مت|مست|من)..+ا$/.test(n) && n.length >= 6) return true;
  const b = n.slice(0, -1);
  // (… and of the simple forms: مبتسما، مرتديا، مسموما; no listed name, nor مليندا.)
  if (/^م[^اويء][^ي].{1,2}ا$/.test(n) && !lx.surname.has(n)) return true;
  return lx.stats.df('ال' + b) >= Math.min(20, Math.max(5, lx.stats.df(n) / 2)) || lx.stats.df(b + 'ه') >= 20;
}
