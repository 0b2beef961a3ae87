/**
 * What orgs.ts asks of a word after a body's head: whether it is a common word (no name), a common
 * word behind a preposition, a word a university's name may go on with. By the corpus counts of
 * the shipped table (data/keywords/df.tsv) and the word's shape.
 * Contract: pure given the shipped table.
 */
import { isStopword } from '../arabic/index.ts';
import { verbLike } from './keyword-forms.ts';
import { shippedTermStats } from './termstats.ts';

/** An Arabic word of two letters or more (normalized). */
export const ARABIC = /^[\u0621-\u064a]{2,}$/;

/**
 * A common word, no name, by the corpus (data/keywords/df.tsv): a verb (`تؤيد`, `يستحق`: frequent,
 * never with ال; a past tense by its shape, the body its subject: `شركة رفضت`, `شركة ساعدت`, `جامعة
 * أعلنت`), a noun or adjective news writes with ال more often than without (`متقدم`, `طب`, `سينما`),
 * a nisba written with ال at least as often, with its feminine (`حزب تركي`, `مستشفى حكومي`),
 * or a word that says what kind or size a body is (`شركة جديدة`, `مستشفى كبير`, `جامعة مرموقة`);
 * names after a head (`أرامكو`, `شنغهاي`, `بوينج`, `سوني`) almost never take ال. Rare words pass.
 */
export function commonWord(norm: string): boolean {
  const stats = shippedTermStats();
  // (a noun's indefinite accusative, `شركة … فائضا`: its bare noun takes ال; not `تويوتا`, `كولومبيا`)
  if (KIND.has(norm) || (/^...+[^ي]ا$/.test(norm) && stats.df('ال' + norm.slice(0, -1)) >= 20)) return true;
  const df = stats.df(norm);
  if (df < 20) return false;
  const al = stats.df('ال' + norm);
  // (a verb by its prefix or as a past tense: names never take ال either, `عسير`, `بارك`, `مايكروسوفت`)
  if ((/^[يتن]/.test(norm) || pastTense(norm)) && verbLike(norm, df, stats)) return true;
  // (a nisba inflects: `تركية`, `التركية`; a name ending in ي does not, `أباتشي`)
  const nisba = /ي$/.test(norm) && al >= df && stats.df(norm + 'ه') + stats.df('ال' + norm + 'ه') >= 20;
  return al >= 1.5 * df || nisba;
}

/**
 * A past tense's third person (فعلت، فاعلت، أفعلت، تفعّلت، افتعلت، انفعلت, and فعلوا) whose present
 * tense the corpus writes (رفضت: يرفض، ساعدت: يساعد); a name of that shape has none (`ماركت`, `ويست`).
 */
function pastTense(norm: string): boolean {
  const m = /^(...+?)(?:ت|وا)$/.exec(norm);
  if (!m) return false;
  const st = m[1]!;
  const present = st.length === 3 || /^(.ا..|ت...)$/.test(st) ? st : /^(ا...|ا.ت..|ان...)$/.test(st) ? st.slice(1) : undefined;
  const stats = shippedTermStats();
  return present !== undefined && stats.df('ي' + present) + stats.df('ت' + present) >= 3;
}

/** Words that say what kind, size or standing a body is, not which one (normalized, masculine and feminine). */
const KIND = new Set(
  ['جديد', 'كبير', 'صغير', 'متخصص', 'ضخم', 'عملاق', 'شهير', 'معروف', 'عريق', 'مرموق', 'قريب', 'بعيد', 'متوسط', 'ناشئ', 'رائد', 'كثيف', 'مذهل', 'مزدوج', 'واحد', 'اخر', 'معترف'].flatMap((w) => [w, w + 'ه']),
);

/**
 * A common word behind the preposition ل, or `by` (`دون حركة لساعات`, `لأكثر من`, `لمدة 15 ساعة`, g021): a
 * function word, a span of time, or a word the corpus writes bare far more often; a name that starts
 * with ل (`لينوفو`, `لوريال`) is no word bare.
 */
export function preposed(norm: string, by = 'ل'): boolean {
  if (!norm.startsWith(by) || norm.length < 4) return false;
  // (ب before the article: `بالولايات`)
  if (by === 'ب' && norm.startsWith('بال')) return true;
  const word = norm.slice(1);
  // (a function word, `لأكثر`, which the table does not count; a span of time, `لمدة`, `لفترة`)
  if (isStopword(word) || word === 'مده' || word === 'فتره') return true;
  const stats = shippedTermStats();
  const bare = stats.df(word);
  return bare >= 50 && bare >= 3 * stats.df(norm);
}

/**
 * A word that may go on a university's name after its first (`جامعة جونز هوبكنز`): Arabic, no
 * particle, no و-joined word (`جامعة أكسفورد وصاحب`), none glued to ب (`جامعة برنستون بولاية`) and
 * no verb (`جامعة ويتشيتا أعلنت`); not after the other heads, whose names' frequent second words
 * look like verbs to the corpus (`إير فرانس`, `كوينز بارك`, `وول ستريت`).
 */
export function universityWord(norm: string): boolean {
  const stats = shippedTermStats();
  return ARABIC.test(norm) && !norm.startsWith('و') && !isStopword(norm) && !preposed(norm, 'ب') && !verbLike(norm, stats.df(norm), stats);
}

