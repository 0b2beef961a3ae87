/**
 * Relative dates (`منذ ساعتين`, `قبل 3 أيام`, `أمس`, `اليوم`, `2 hours ago`) against a
 * reference instant. Input is already `normalize`d (so `أمس` arrives as `امس`, `ساعة` as
 * `ساعه`). Day words (`اليوم`, `أمس`, `أول أمس`) give 00:00 UTC of that day, or the time
 * given after them; `منذ`/`قبل`/`ago` forms give the reference minus the span, to the second.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** Normalized unit word → unit and the count the word itself carries (dual = 2). */
const UNIT_WORDS: ReadonlyMap<string, [Unit, number]> = new Map<string, [Unit, number]>([
  ...['ثانيه', 'ثواني', 'ثوان', 'second', 'seconds', 'sec', 'secs'].map((w): [string, [Unit, number]] => [w, ['second', 1]]),
  ...['ثانيتين', 'ثانيتان'].map((w): [string, [Unit, number]] => [w, ['second', 2]]),
  ...['دقيقه', 'دقائق', 'دقايق', 'minute', 'minutes', 'min', 'mins'].map((w): [string, [Unit, number]] => [w, ['minute', 1]]),
  ...['دقيقتين', 'دقيقتان'].map((w): [string, [Unit, number]] => [w, ['minute', 2]]),
  ...['ساعه', 'ساعات', 'hour', 'hours', 'hr', 'hrs'].map((w): [string, [Unit, number]] => [w, ['hour', 1]]),
  ...['ساعتين', 'ساعتان'].map((w): [string, [Unit, number]] => [w, ['hour', 2]]),
  ...['يوم', 'ايام', 'day', 'days'].map((w): [string, [Unit, number]] => [w, ['day', 1]]),
  ...['يومين', 'يومان'].map((w): [string, [Unit, number]] => [w, ['day', 2]]),
  ...['اسبوع', 'اسابيع', 'week', 'weeks'].map((w): [string, [Unit, number]] => [w, ['week', 1]]),
  ...['اسبوعين', 'اسبوعان'].map((w): [string, [Unit, number]] => [w, ['week', 2]]),
  ...['شهر', 'شهور', 'اشهر', 'month', 'months'].map((w): [string, [Unit, number]] => [w, ['month', 1]]),
  ...['شهرين', 'شهران'].map((w): [string, [Unit, number]] => [w, ['month', 2]]),
  ...['سنه', 'سنوات', 'سنين', 'عام', 'اعوام', 'year', 'years'].map((w): [string, [Unit, number]] => [w, ['year', 1]]),
  ...['سنتين', 'سنتان', 'عامين', 'عامان'].map((w): [string, [Unit, number]] => [w, ['year', 2]]),
]);

/** Number words 1–12 (normalized; with and without ta marbuta). */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['واحد', 1], ['واحده', 1], ['a', 1], ['an', 1], ['one', 1], ['ثلاث', 3], ['ثلاثه', 3], ['اربع', 4], ['اربعه', 4],
  ['خمس', 5], ['خمسه', 5], ['ست', 6], ['سته', 6], ['سبع', 7], ['سبعه', 7], ['ثماني', 8], ['ثمان', 8], ['ثمانيه', 8],
  ['تسع', 9], ['تسعه', 9], ['عشر', 10], ['عشره', 10], ['احدي عشر', 11], ['اثني عشر', 12], ['اثنتي عشره', 12],
]);

const SPAN = /^(?:منذ|قبل)\s+(?:حوالي\s+|نحو\s+)?(?:(\d{1,4}|[\p{L}]+(?:\s+عشره?)?)\s+)?([\p{L}]+)$/u;
const AGO = /^(\d{1,4}|an?|one)\s+([a-z]+)\s+ago$/;
const DAY_WORD = /^(اليوم|امس|البارحه|اول\s+امس|اول\s+من\s+امس|غدا|today|yesterday|tomorrow)(?:\s+(?:الساعه\s+|at\s+)?(.+))?$/;
const DAY_OFFSET: Readonly<Record<string, number>> = { اليوم: 0, today: 0, امس: -1, البارحه: -1, yesterday: -1, غدا: 1, tomorrow: 1 };

/** Subtracts `n` units from `ref`; months and years by the calendar. */
function minus(ref: Date, unit: Unit, n: number): Date {
  const d = new Date(ref.getTime());
  if (unit === 'month') d.setUTCMonth(d.getUTCMonth() - n);
  else if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() - n);
  else d.setTime(d.getTime() - n * { second: SECOND, minute: MINUTE, hour: HOUR, day: DAY, week: 7 * DAY }[unit]);
  return d;
}

/** A span back from now (`منذ 3 أيام`), or null. */
function span(s: string, now: Date): Date | null {
  const m = SPAN.exec(s) ?? AGO.exec(s);
  if (!m) return null;
  const unit = UNIT_WORDS.get(m[2]!);
  if (!unit) return null;
  let n = unit[1];
  if (m[1] !== undefined) {
    const count = /^\d+$/.test(m[1]) ? parseInt(m[1], 10) : NUMBER_WORDS.get(m[1]);
    // «منذ ساعتين» carries its count; «منذ 2 ساعتين» is not a form anyone writes.
    if (count === undefined || unit[1] !== 1) return null;
    n = count;
  }
  return minus(now, unit[0], n);
}

/**
 * Parses a relative form; `parseTime` reads a trailing clock time (hours, minutes, seconds
 * as ms since midnight) for `أمس 10:30 م`, or returns null.
 */
export function parseRelative(s: string, now: Date, parseTime: (t: string) => number | null): Date | null {
  if (/^(?:الان|now|just now|للتو|(?:منذ|قبل)\s+قليل)$/.test(s)) return new Date(now.getTime());
  const spanned = span(s, now);
  if (spanned) return spanned;
  const m = DAY_WORD.exec(s);
  if (!m) return null;
  const word = m[1]!.replace(/\s+/g, ' ');
  const offset = DAY_OFFSET[word] ?? -2; // the two «أول أمس» spellings
  const midnight = Math.floor(now.getTime() / DAY) * DAY + offset * DAY;
  if (m[2] === undefined) return new Date(midnight);
  const t = parseTime(m[2]);
  return t === null ? null : new Date(midnight + t);
}
