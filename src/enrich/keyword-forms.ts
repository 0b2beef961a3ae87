/**
 * Word forms for keywords.ts: a word's grouping key and display (a proclitic cut when the
 * corpus says it is one), and the forms that are never keywords or are shown otherwise:
 * verb-like words, pronoun-suffixed words, an indefinite accusative or a genitive plural
 * shown in its base form.
 * Contract: pure given the term statistics.
 */
import { normalize } from '../arabic/index.ts';
import { cleanSurface, displayPart, type DocToken } from './tokens.ts';
import { termKey, type TermStats } from './termstats.ts';

/** A nisba adjective's shape (الإنجليزي، التونسية، الفلسطينيون): a demonym may end a phrase. */
export const NISBA = /^(ال)?..+(ي|يه|يون|يين)$/;

/** A definite word: ال as written (ألفارو، ألكسندر are names, not ال + word), or لل. */
export function definite(t: DocToken): boolean {
  const k = termKey(t.norm);
  return k.restoreAl || (k.key.startsWith('ال') && cleanSurface(t.surface).startsWith('ال', k.cut));
}

/**
 * A phrase of `n` words at `starts` that ends in an indefinite noun (no nisba) which a word written
 * with ال always follows: an idafa cut short of its last term (فتح باب | التقديم، نهائي كأس | السوبر);
 * with `named`, also one a name always follows (محافظات منطقة | مكة المكرمة، عناصر تنظيم | داعش:
 * keywords.ts passes the tokens of the article's entities, not behind a glued preposition). Over
 * 4,964 corpus articles 54 keyword lists change, mostly such fragments gone (جنوب شرق، وكيل إمارة،
 * أمين منطقة، فعاليات مهرجان، صافي أرباح); judged weak c 0.166 → 0.163, d 0.158 → 0.156; overlap
 * d 0.580 → 0.578, f 0.607 → 0.605 (a fragment an editor's longer phrase held: تفجير مسجد); b unchanged.
 * With `stats`, a feminine ـية is a nisba only where the corpus writes its masculine ـي (دولية:
 * دولي; not نهاية, عطلة نهاية | الأسبوع).
 */
export function cutShort(toks: readonly DocToken[], starts: readonly number[], n: number, stats?: TermStats, named?: (i: number) => boolean): boolean {
  const last = toks[starts[0]! + n - 1]!;
  if (definite(last) || (NISBA.test(last.norm) && !(stats && falseNisba(last.norm, stats)))) return false;
  return starts.every((i) => {
    const u = toks[i + n];
    if (!u || u.seg !== toks[i]!.seg) return false;
    const name = named?.(i + n) ?? false;
    // (Across a break only a name in quotes: عناصر تنظيم ”داعش“.)
    return u.brk ? !!u.quote && name : cleanSurface(u.surface).startsWith('ال') || name;
  });
}

/**
 * A phrase's display where it stands at `starts`: as it is, or, cut short there (cutShort), with
 * its idafa's last term when the article writes the phrase twice or more and always with that same
 * word (عطلة نهاية → عطلة نهاية الأسبوع); undefined otherwise (named once, كسر حاجز | المليوني, or
 * before several terms: a fragment).
 */
export function completed(toks: readonly DocToken[], starts: readonly number[], n: number, display: string, stats: TermStats, named?: (i: number) => boolean): string | undefined {
  if (!cutShort(toks, starts, n, stats, named)) return display;
  const next = toks[starts[0]! + n]!;
  return starts.length > 1 && starts.every((i) => toks[i + n]!.norm === next.norm) ? `${display} ${cleanSurface(next.surface)}` : undefined;
}

/** A word in ـيه whose masculine ـي the corpus hardly writes, with ال or without (نهايه, حمايه). */
function falseNisba(norm: string, stats: TermStats): boolean {
  if (!norm.endsWith('يه')) return false;
  const m = norm.slice(0, -1);
  return stats.df(m) + stats.df('ال' + m) < 5;
}

/** A word's grouping key and display: termKey, then a bare و/ف/ب/ل cut when the corpus says it is a clitic (for و: the bare word is the commoner). */
export function wordForm(t: DocToken, stats: TermStats): { key: string; display: string; df: number } {
  const k = termKey(t.norm);
  let df = stats.df(k.key);
  let cut = k;
  if (k.cut === 0 && /^[وفبل]/.test(k.key) && k.key.length >= 4) {
    const rest = k.key.slice(1);
    const dfRest = stats.df(rest);
    // A rare form counts the bare word with its definite form (وبنادق 6: بنادق 7 + البنادق 11);
    // a common one must be rarer than the bare word alone (فكرة 668 is not ف + كرة 738).
    const known = dfRest + (df < 50 && !rest.startsWith('ال') ? stats.df('ال' + rest) : 0);
    // A و the corpus writes less often than the bare word is the conjunction (وسفك 45: سفك 60,
    // وشعب 127: شعب 208), unless the bare word is a verb (وادي is no و + أدى).
    // So is a و before a hamza-initial word, which no word starts with (وأطيب التمنيات، وإعادة).
    const conj = k.key.startsWith('و') && (dfRest > df || /^و[أإآ]/.test(cleanSurface(t.surface))) && !verbLike(rest, dfRest, stats);
    if ((known > 2 * df || conj) && dfRest >= 5) {
      cut = { key: rest, cut: 1, restoreAl: false };
      df = dfRest;
    }
  }
  return { key: cut.key, display: displayPart(t.surface, { key: cut.key, al: false, cut: cut.cut, restoreAl: cut.restoreAl }), df };
}

/**
 * Verb-like or pronoun-suffixed words (وصل، يقود، قمنا، بلاده، قتلت): frequent in the corpus but
 * (almost) never with an article, which every noun takes. Unknown rare words (new names) pass.
 */
export function verbLike(key: string, df: number, stats: TermStats): boolean {
  if (key.startsWith('ال')) return false;
  // A present tense with a plural or dual ending (يشتغلون، يتنزهان) and a past tense of the
  // استفعل stem (استشهد، استخدم، استهدف; its noun is استفعال) are verbs however rare the word,
  // unless the corpus writes it with ال (a noun of that shape); not after يو/يا, as foreign names
  // start (يوركتاون).
  if ((/^ي[^وا]..+(ون|ان)$/.test(key) || /^است...$/.test(key)) && stats.df('ال' + key) === 0) return true;
  // Present-tense prefixes and past-tense endings after three letters or more (قتلت، انتهكت،
  // حاصروا; not شات of سناب شات) mark a verb at a lower df.
  const minDf = /^(ي|ت|ن|سي|ست)/.test(key) ? 3 : /^...+(ت|وا)$/.test(key) ? 20 : 150;
  return df >= minDf && stats.df('ال' + key) < 0.05 * df;
}

/**
 * An adverb made of a nisba adjective's indefinite accusative (معنويا، ماديا، رسميا، سنويا), with
 * or without a glued و (ماديا ومعنويا): the corpus knows the adjective (المعنوي). Never a keyword.
 * So is any other indefinite accusative of five letters or more whose bare form the corpus knows
 * (a counted noun, a state or a manner: `139 معلما`، `مرتفعا 20 نقطة`، `مراجعا`، `متهكما`، `عقابا`):
 * an editor tags the noun (المعلمون), never that form. Names ending in ا are not cut (`صافولا`:
 * no `صافول`; `كينيا`، `ماليزيا` end in يا, which only the nisba rule reads).
 */
const ACCUSATIVE = /^[^ا].{2,}[^اي]ا$/;
/**
 * The same of a verbal noun of the استفعال، افتعال، انفعال stems (استنادا، احتفالا، اتصالا، انتعاشا):
 * a manner or a purpose. Not إفعال, which a broken plural shares (أهدافا، أرباحا: the noun is
 * shown bare), nor a name (اوبرا، اوروبا).
 */
const ALEF_MASDAR = /^(است..?|ا.ت.|ات.|ان..)ا.ا$/;
/**
 * A participle of the تفعّل/تفاعل stems (مُتَفَعِّل، مُتَفاعِل) in the indefinite accusative is a
 * state or a manner whether or not the corpus knows its bare form (`متهكما`، `متسائلا`، `متوجها`،
 * `متفائلا`): never a keyword.
 */
const MUTA_ACCUSATIVE = /^مت..+[^اي]ا$/;
export function adverb(key: string, stats: TermStats): boolean {
  if (MUTA_ACCUSATIVE.test(key)) return true;
  if ((ACCUSATIVE.test(key) || ALEF_MASDAR.test(key)) && !key.startsWith('ال')) {
    const bare = key.slice(0, -1);
    if (stats.df(bare) + stats.df('ال' + bare) >= 5) return true;
  }
  if (!/^..+يا$/.test(key)) return false;
  const bare = key.startsWith('و') && stats.df(key.slice(1)) >= 5 ? key.slice(1) : key;
  return stats.df('ال' + bare.slice(0, -1)) >= 5;
}

const PRONOUN = /(ها|هم|هما|هن|كم|كما|نا|ه|ك)$/;

/**
 * A ب/ل the display keeps (wordForm did not cut it) before a word the corpus knows better bare
 * or with ال, its pronoun aside (لشغل 79: شغل + الشغل 129; لمنسوبيها: منسوبي; برصيد; not بايدن
 * 9: ايدن 11, too rare to be a word; not بطاقة, written البطاقة too). `f`: the token's wordForm.
 */
export function keptClitic(t: DocToken, f: { key: string; df: number }, stats: TermStats): boolean {
  const k = termKey(t.norm);
  if (k.cut > 0 || f.key !== k.key || f.key.length < 4 || !/^[بل]/.test(f.key) || f.key.endsWith('ا')) return false;
  // A noun that starts with ب/ل takes ال as a whole (البطاقة، البوصلة); a glued form never does.
  if (stats.df('ال' + f.key) >= 0.05 * f.df) return false;
  const rest = f.key.slice(1);
  const bare = rest.replace(PRONOUN, '');
  const known = Math.max(stats.df(rest) + stats.df('ال' + rest), bare.length >= 3 ? stats.df(bare) + stats.df('ال' + bare) : 0);
  return known >= 20 && known > f.df;
}

/**
 * A word carrying a pronoun suffix (مواساته، مديونياتها، صلتهم): the corpus knows its bare
 * form (or the bare form's ة/ات) far better. Such a form is never a keyword.
 */
export function pronounAttached(key: string, df: number, stats: TermStats): boolean {
  const p = PRONOUN.exec(key);
  if (!p || key.length - p[0].length < 3) return false;
  const bare = key.slice(0, -p[0].length);
  // A ة noun shows its ت before a pronoun (رتبة → رتبته): known as a ة noun, it is attached;
  // else the ت is a plural's (لقاءاته، مقالاته: لقاءات، مقالات) and the bare plural is weighed below.
  if (bare.endsWith('ت') && stats.df(bare.slice(0, -1) + 'ه') >= 5) return true;
  // (A sound masculine plural in construct drops its ن: مساهميها، دائنيها are مساهمين، دائنين + ها;
  // not before ه, which is also a normalized ة: مسؤولية، الأمية; nor نا, an accusative's ending: أمينا.)
  const plural = bare.length >= 4 && bare.endsWith('ي') && p[0] !== 'ه' && p[0] !== 'نا' ? stats.df(bare + 'ن') + stats.df('ال' + bare + 'ن') : 0;
  const known = (w: string): number => stats.df(w) + stats.df('ال' + w) + stats.df(w + 'ه') + stats.df(w + 'ات');
  // (A hamza takes its seat before the pronoun, عزاء → عزائه; a preposition may precede too, برصفها —
  // not before ه, a normalized ة as well: لنصرة.)
  const hamza = /[ئؤ]$/.test(bare) ? known(bare.slice(0, -1) + 'ء') : 0;
  const glued = /^[وفبل]/.test(bare) && bare.length >= 4 && p[0] !== 'ه' ? known(bare.slice(1)) : 0;
  const base = known(bare) + plural + hamza + glued;
  // (ك alone, «your», only where the bare word is far better known: not شريك، مبارك.)
  return base > (p[0] === 'ك' ? 20 * df + 50 : 3 * df + 5);
}

/** An oblique `ين` written in under this share of its singular's documents is a dual (العامين، الطرفين). */
const DUAL_SHARE = 0.02;
/** Tens in the oblique (العشرين، الثلاثين): numbers, not plurals of a noun. */
const TENS = /^ال(عشر|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع)ين$/;

/**
 * The nominative of a definite sound masculine plural written in the oblique (`المستوطنين` →
 * `المستوطنون`), or undefined when `n` (a normalized word) is none: the article itself writes
 * the nominative, or the corpus knows it with ال (df ≥ 5, the shipped table's floor) at least as
 * often as the dual's nominative `ان`, and the oblique is no rare dual of a common singular (under
 * DUAL_SHARE of its df: `العامين` 115 beside `العام` 6,729, though `العامون` is a word). A stem of
 * three letters or more, even where the article writes the `ون` form: `السجين`، `الجنين`، `الحصين`
 * are singulars (السجون is prisons); `البحرين`، `الطرفين`، `الحسين` have no `ون` form in the
 * corpus; the tens (`العشرين`) are numbers.
 */
function nominative(n: string, written: () => ReadonlySet<string>, stats?: TermStats): string | undefined {
  if (!/^ال...+ين$/.test(n) || TENS.test(n)) return undefined;
  const stem = n.slice(0, -2);
  const nom = stem + 'ون';
  if (stats) {
    const df = stats.df(nom);
    if (df >= 5 && df >= stats.df(stem + 'ان') && stats.df(n) >= DUAL_SHARE * stats.df(stem)) return nom;
  }
  return written().has(nom) ? nom : undefined;
}

/** A normalized word without its ال and in the oblique when it may be a definite plural's nominative (المسلمون → مسلمين): for comparing keywords. */
export const caseFold = (w: string): string => w.replace(/^ال(...+)ون$/, '$1ين').replace(/^ال/, '');

/**
 * The base form an editor tags with. An indefinite accusative (`عقارا`) is the bare noun the
 * corpus knows far better. A definite sound masculine plural is in the nominative `ون`
 * (`nominative`), and so are the definite words after it that agree with it
 * (`اللاجئين السوريين` → `اللاجئون السوريون`, `الأشقاء اللاجئين السوريين` → `الأشقاء اللاجئون
 * السوريون`: a definite word after a definite one is its adjective or apposition, in its case);
 * a definite word after an indefinite one is the genitive of an idafa and stays so (`إصابات
 * اللاعبين`، `منتخب الناشئين`). Other words unchanged. `written`: the article's normalized
 * words without proclitics; `stats`: the corpus's (without it, only forms the article writes).
 */
export function baseForm(display: string, written: () => ReadonlySet<string>, stats?: TermStats): string {
  // An indefinite accusative (عقارا، قانونا، شابا): the bare noun the corpus knows far better.
  if (stats && !display.includes(' ') && /[^اء]ا$/.test(display) && display.length >= 4) {
    const n = normalize(display);
    if (stats.df(n.slice(0, -1)) > 3 * stats.df(n) + 5) return display.slice(0, -1);
  }
  if (!display.includes('ين')) return display;
  // An indefinite plural alone (مصابين): the definite nominative, when the corpus knows it.
  if (stats && !display.includes(' ') && !display.startsWith('ال')) {
    const n = 'ال' + normalize(display);
    if (nominative(n, written, stats)) return 'ال' + display.slice(0, -2) + 'ون';
  }
  const ws = display.split(' ');
  // The nominative reaches a word only through a chain of definite words from the head.
  for (let i = 0; i < ws.length && (i === 0 || normalize(ws[i - 1]!).startsWith('ال')); i++) {
    const n = normalize(ws[i]!);
    if (nominative(n, written, stats)) ws[i] = ws[i]!.slice(0, -2) + 'ون';
  }
  return ws.join(' ');
}
