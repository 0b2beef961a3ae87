/**
 * Name tables for date parsing: Gregorian month names of every Arabic region, Hijri month
 * names, weekdays, in the spelling the pages use; matched after `normalize`.
 *
 * The `cldr` rows are derived from Unicode CLDR 47 (cldr-json, `ca-gregorian.json` of ar,
 * ar-LB, ar-DZ, ar-MA, ar-MR and `ca-islamic-umalqura.json` of ar), © Unicode, Inc., used
 * under the Unicode License v3 (text in ./testdata/cldr/LICENSE;
 * it must travel with these tables). tables.test.ts checks them against the CLDR files.
 * The `extra` rows are common spellings the pages use that CLDR does not list (our own).
 */
import { normalize } from '../normalize.ts';

/** Month names by region, January first (index 0), exactly as CLDR spells them. */
export const CLDR_GREGORIAN_MONTHS: Readonly<Record<string, readonly string[]>> = {
  // ar (= ar-EG, ar-SA, ar-AE …)
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  // ar-LB (= SY, IQ, JO, PS): the Syriac month names
  'ar-LB': ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'],
  // ar-DZ (= TN): from French
  'ar-DZ': ['جانفي', 'فيفري', 'مارس', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  'ar-MA': ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'],
  'ar-MR': ['يناير', 'فبراير', 'مارس', 'إبريل', 'مايو', 'يونيو', 'يوليو', 'أغشت', 'شتمبر', 'أكتوبر', 'نوفمبر', 'دجمبر'],
};

/** Spellings seen on pages that CLDR lacks (Egyptian ـية endings, no article, English). */
const EXTRA_GREGORIAN_MONTHS: readonly (readonly string[])[] = [
  ['كانون ثاني', 'january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['يونية', 'june', 'jun'],
  ['يولية', 'july', 'jul'],
  ['اغسطس', 'august', 'aug'],
  ['september', 'sept', 'sep'],
  ['تشرين أول', 'october', 'oct'],
  ['تشرين ثاني', 'november', 'nov'],
  ['كانون أول', 'december', 'dec'],
];

/** Hijri month names, Muharram first, as CLDR spells them (islamic-umalqura, ar). */
export const CLDR_HIJRI_MONTHS: readonly string[] = [
  'محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة',
  'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة',
];

const EXTRA_HIJRI_MONTHS: readonly (readonly string[])[] = [
  ['المحرم'],
  [],
  ['ربيع أول'],
  ['ربيع الثاني', 'ربيع ثاني', 'ربيع الآخِر'],
  ['جمادى الأول', 'جمادى أولى'],
  ['جمادى الثانية', 'جمادى الثاني', 'جمادى الآخر', 'جمادى آخرة'],
  [],
  [],
  [],
  [],
  ['ذي القعدة', 'ذوالقعدة', 'ذو القعده'],
  ['ذي الحجة', 'ذوالحجة'],
];

/** Weekdays, Sunday first, as CLDR spells them (all regions agree). */
export const CLDR_WEEKDAYS: readonly string[] = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

/** Weekday words that may prefix a date; they are checked for nothing and dropped. */
const EXTRA_WEEKDAYS: readonly string[] = [
  'الإثنين', 'أحد', 'اثنين', 'إثنين', 'ثلاثاء', 'أربعاء', 'خميس', 'جمعة', 'سبت', 'يوم',
  'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sun', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat',
];

/** Normalized name → month number (1–12). */
function monthMap(cldr: readonly (readonly string[])[], extra: readonly (readonly string[])[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const row of cldr) row.forEach((name, i) => m.set(normalize(name), i + 1));
  extra.forEach((names, i) => names.forEach((name) => m.set(normalize(name), i + 1)));
  return m;
}

export const GREGORIAN_MONTHS: ReadonlyMap<string, number> = monthMap(Object.values(CLDR_GREGORIAN_MONTHS), EXTRA_GREGORIAN_MONTHS);
export const HIJRI_MONTHS: ReadonlyMap<string, number> = monthMap([CLDR_HIJRI_MONTHS], EXTRA_HIJRI_MONTHS);
export const WEEKDAYS: readonly string[] = [...CLDR_WEEKDAYS, ...EXTRA_WEEKDAYS].map(normalize);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alternation of the names, longest first, whole words only (for a `u` regex). */
export function alternation(names: Iterable<string>): string {
  const sorted = [...names].sort((a, b) => b.length - a.length).map((n) => escape(n).replace(/ /g, '\\s*'));
  return `(?:${sorted.join('|')})`;
}
