/**
 * Hijri (Umm al-Qura) to Gregorian conversion, by search over Node's Intl calendar.
 *
 * Why a search: Intl formats a Gregorian instant in `islamic-umalqura` but has no inverse.
 * We estimate the Gregorian day from the mean Hijri year (354.367 days), then format the
 * days around it until one formats as the wanted Hijri date. Outside the Umm al-Qura table
 * (1300–1600 AH) ICU falls back to its arithmetic calendar. Returns null for a day past
 * 30, a month past 12, or a year outside 1000–1999 AH.
 */

export interface YMD {
  year: number;
  month: number;
  day: number;
}

let format: Intl.DateTimeFormat | undefined;

/** The Umm al-Qura formatter, made on first use: ICU takes tens of ms to load the calendar. */
const umalqura = (): Intl.DateTimeFormat =>
  (format ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' }));

const DAY = 86_400_000;
/** 1 Muharram 1 AH, the Julian 16 July 622, as a Unix day count. */
const EPOCH_DAY = Math.round(Date.UTC(622, 6, 19) / DAY) - 3;

/** The Hijri date of a UTC day (ms at 00:00). */
export function toHijri(ms: number): YMD {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const p of umalqura().formatToParts(new Date(ms))) {
    if (p.type === 'year' || (p.type as string) === 'relatedYear') year = parseInt(p.value, 10);
    else if (p.type === 'month') month = parseInt(p.value, 10);
    else if (p.type === 'day') day = parseInt(p.value, 10);
  }
  return { year, month, day };
}

const cmp = (a: YMD, b: YMD): number => a.year - b.year || a.month - b.month || a.day - b.day;

/**
 * The Gregorian date (UTC ms at 00:00) of a Hijri date, or null if there is none. Day 30
 * of a month that Umm al-Qura counts as 29 days is read as the day after the 29th: months
 * start on local moon sighting in many countries (Sudan, Morocco…), a day off Umm al-Qura.
 */
export function hijriToUtcMs(h: YMD): number | null {
  const exact = search(h);
  if (exact !== null || h.day !== 30) return exact;
  const d29 = search({ ...h, day: 29 });
  return d29 === null ? null : d29 + DAY;
}

function search(h: YMD): number | null {
  if (h.year < 1000 || h.year > 1999 || h.month < 1 || h.month > 12 || h.day < 1 || h.day > 30) return null;
  const approx = EPOCH_DAY + Math.floor((h.year - 1) * 354.36667 + (h.month - 1) * 29.5306 + h.day - 1);
  let ms = approx * DAY;
  // The estimate is within a few days; walk towards the target, never more than 40 steps.
  for (let i = 0; i < 40; i++) {
    const got = toHijri(ms);
    const c = cmp(got, h);
    if (c === 0) return ms;
    const next = ms + (c < 0 ? DAY : -DAY);
    const after = toHijri(next);
    // Crossed over the target without hitting it: that day does not exist.
    if (Math.sign(cmp(after, h)) !== Math.sign(c) && cmp(after, h) !== 0) return null;
    ms = next;
  }
  return null;
}
