/**
 * Reads the marked metadata at the top of a text dump: a date line (`التاريخ: 18 يوليو 2012`,
 * `تاريخ النشر :26 مايو 2012`, `بتاريخ 5-4-1433 هـ`, a line that is only a date such as
 * `09/05/2012` or `الإثنين 2 يوليو 2012`, or a date glued before a dateline,
 * `الأحد 16 سبتمبر 2012الجزائر: …`) and a byline (`بقلم: …`, `كتب محمد جاد:`,
 * `كتبت ـ ليلى أولادثاني:`, `الكاتب: …`, `إعداد: …`, `متابعة: …`, `حوار: …`).
 *
 * Contract: only marked lines count (a bare name under the headline is left in the text:
 * nothing is guessed). A date must contain a digit (relative words like `اليوم` have no
 * reference time in a dump). `readDate`/`readByline` return null when the line is not one;
 * `rest` is what remains of the line for the body ('' when nothing).
 */
import { parseArabicDate } from '../../arabic/dates.ts';

export interface HeaderHit<T> {
  value: T;
  rest: string;
}

/** A labelled date line; the label itself is stripped by parseArabicDate. */
const DATE_LABEL = /^(?:تاريخ\s+النشر|التاريخ|بتاريخ|نشر\s+في|آخر\s+تحديث)\s*(?:[:：]|(?=[\d\u0660-\u0669\u06F0-\u06F9]))/;
/**
 * A date glued to a dateline (`الأحد 16 سبتمبر 2012الجزائر: …`): day, month word(s) and a
 * 4-digit year with a letter straight after it. With a space after the year the line is
 * a headline that starts with a date (`14 تموز 1958 الوقوف عند الحافة`), not metadata.
 */
const DATE_PREFIX = /^([^\d\u0660-\u0669]{0,16}\d{1,2}\s*[^\d\s]{2,12}(?:\s*\/\s*[^\d\s]{2,12})?\s*\d{4})(\p{L}.*)$/u;

/** Two reference times far apart: a date that moves with the reference is relative. */
const REF_A = new Date(Date.UTC(2000, 0, 1));
const REF_B = new Date(Date.UTC(2020, 6, 1));

/** A date that does not depend on a reference time (`أمس 11:03 AM` has none in a dump). */
function absoluteDate(s: string): Date | null {
  const a = parseArabicDate(s, { now: REF_A });
  return a && parseArabicDate(s, { now: REF_B })?.getTime() === a.getTime() ? a : null;
}

const hasDigit = (s: string): boolean => /[\d\u0660-\u0669\u06F0-\u06F9]/.test(s);

/** A date line, or null. `labelled` is true when a label marked it (a bad one is reported). */
export function readDate(line: string): (HeaderHit<string | null> & { labelled: boolean }) | null {
  if (!hasDigit(line)) return null;
  const labelled = DATE_LABEL.test(line);
  const whole = absoluteDate(line);
  if (whole) return { value: whole.toISOString(), rest: '', labelled };
  if (labelled) return { value: null, rest: '', labelled };
  const m = DATE_PREFIX.exec(line);
  if (m && m[2]!.trim() !== '') {
    const d = absoluteDate(m[1]!);
    if (d) return { value: d.toISOString(), rest: m[2]!.trim(), labelled: false };
  }
  return null;
}

/** Byline markers; `strong` ones may be followed directly by the name, without a separator. */
const BYLINE = /^(بقلم|كتبت|كتب|الكاتب|إعداد|اعداد|متابعة|أجرى الحوار|حوار)[\u064B-\u065F]*(\s*[:\-ـ–—/.|]+\s*|\s+)(.*)$/;
const STRONG = new Set(['بقلم', 'إعداد', 'اعداد']);
const MAX_NAME_WORDS = 6;
/** Credits after the name that are not the author's: `ليز سلاي ترجمة - الصباح`, `… - تصوير`. */
const CREDIT = /\s*[-/|]?\s*(?:ترجمة|تصوير|عدسة)(?![\p{L}]).*$/u;

/** Cleans a name: trailing colon, star, dash and directional marks go. */
const cleanName = (s: string): string => s.replace(/[\u200e\u200f\u061c]/g, '').replace(/[\s:*\-ـ–—|]+$/g, '').trim();

/** A byline, or null. Text glued after the name's colon (`كتب ـ أيمن حسين:صدر عن …`) is `rest`. */
export function readByline(line: string): HeaderHit<string> | null {
  const m = BYLINE.exec(line);
  if (!m) return null;
  const [, marker, sep] = m as unknown as [string, string, string];
  let tail = m[3]!;
  const explicit = sep.trim() !== '';
  let colon = tail.search(/[:：]/);
  let prefix = '';
  // «بقلم / د : شعيب الغباشي»: a title abbreviation before the colon belongs to the name.
  const abbr = colon >= 0 ? /^\s*(د|أ|م|ا\.د)\s*[./]?\s*$/.exec(tail.slice(0, colon)) : null;
  if (abbr) {
    prefix = `${abbr[1]}. `;
    tail = tail.slice(colon + 1);
    colon = tail.search(/[:：]/);
  }
  const name = prefix + cleanName(colon >= 0 ? tail.slice(0, colon) : tail).replace(CREDIT, '');
  const rest = colon >= 0 ? tail.slice(colon + 1).replace(/^[\s\u200e\u200f]+/, '') : '';
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_NAME_WORDS || hasDigit(name) || /[،,؛;!?؟«»"]|\.\S*\./.test(name)) return null;
  // Without a separator only `بقلم X` and a short `كتب X:` are bylines («كتبت في مقالة …» is prose).
  if (!explicit && !STRONG.has(marker) && (colon < 0 || rest !== '')) return null;
  return { value: name, rest };
}
