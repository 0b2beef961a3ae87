/**
 * Turns a date as written on an Arabic page into a UTC `Date`, or null.
 *
 * Forms: ISO 8601 (`2023-09-20T10:00:00+03:00`) and `YYYY-MM-DD hh:mm:ss`; RFC 822
 * (`Wed, 20 Sep 2023 10:00:00 GMT`); English day-month-year (`20th, September 2023 GMT`);
 * Arabic month names of every region (`20 سبتمبر 2023`, `20 أيلول 2023`, `20 شتنبر 2023`,
 * `جانفي`, `أوت`, tables in dates/tables.ts from CLDR), doubled names (`10 أبريل/نيسان 2012`);
 * numeric (`20/09/2023`, `2012.11.04`, `20-9-2023`; day first unless that cannot be;
 * a year 1300–1599 is Hijri, `25-07-1433`);
 * Arabic-Indic and Persian digits; weekday prefixes (dropped, not checked); clock times
 * with ص/م or am/pm; Hijri dates (`5 ربيع الأول 1445 هـ`, Umm al-Qura) converted to
 * Gregorian; `… هـ الموافق 20 سبتمبر 2023 م` (the Gregorian part wins); relative forms
 * (`منذ ساعتين`, `منذ 3 أيام`, `أمس`, `اليوم`) against `opts.now`. Other English forms go to
 * chrono-node, accepted only when it reads the whole string with a certain day, month, year.
 *
 * Contract: the whole string must be a date (a label such as `تاريخ النشر:` in front is
 * allowed); anything left over gives null, as do impossible dates (31 February, hour 25)
 * and years outside 1000–9999. A date without a zone is taken as UTC; a zone or offset
 * (`GMT`, `+03:00`, `EST`, `بتوقيت مكة`, `بتوقيت القدس` with its daylight saving) is applied
 * when given. Never throws.
 */
import { createRequire } from 'node:module';
import type * as ChronoEn from 'chrono-node/en';
import { normalize } from './normalize.ts';
import { GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS, alternation } from './dates/tables.ts';
import { hijriToUtcMs } from './dates/hijri.ts';
import { cutTime, cutZone, offsetOf, parseClock } from './dates/clock.ts';
import { parseRelative } from './dates/relative.ts';

export interface DateOptions {
  /** Reference time for relative forms (`أمس`, `منذ ساعتين`); defaults to now. */
  now?: Date;
}

const MAX_INPUT = 200;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const LABEL =
  /^(?:تاريخ\s+النشر|التاريخ|تاريخ|نشر\s+في|نشر|بتاريخ|اخر\s+تحديث|تم\s+النشر|published|updated|date)\s*(?:[:：\-–]\s*|\s)/;
const WEEKDAY = new RegExp(`(?<![\\p{L}])${alternation(WEEKDAYS)}(?![\\p{L}])`, 'gu');
const G_MONTH = alternation(GREGORIAN_MONTHS.keys());
const H_MONTH = alternation(HIJRI_MONTHS.keys());
const END = '(?![\\p{L}])';
const ORD = '(?:st|nd|rd|th)?';
const SEP = '[\\s\\-/.]*';
/** `20 سبتمبر 2023`, `20th september 2023`, `10 ابريل/نيسان 2012`, `20-sep-2023`. */
const DMY = new RegExp(`^(\\d{1,2})${ORD}${SEP}(?:of\\s+)?(${G_MONTH})${END}(?:\\s*[/\\-]?\\s*(${G_MONTH})${END})?${SEP}(\\d{4})$`, 'u');
/** `september 20 2023`, `sep 20th 2023`. */
const MDY = new RegExp(`^(${G_MONTH})${END}${SEP}(\\d{1,2})${ORD}\\s+(\\d{4})$`, 'u');
const HIJRI = new RegExp(`^(\\d{1,2})${SEP}(${H_MONTH})${END}${SEP}(\\d{4})$`, 'u');
const NUMERIC = /^(\d{1,4})\s*([/\-.])\s*(\d{1,2})\s*\2\s*(\d{1,4})$/;

/** Gregorian y-m-d plus ms of the day and an offset (minutes east) → epoch ms, or null. */
function utc(y: number, mo: number, d: number, clock = 0, offsetMin = 0): number | null {
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return day.getTime() + clock - offsetMin * 60_000;
}

function iso(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  let clock = 0;
  if (h !== undefined) {
    const t = parseClock(`${h}:${mi}${sec ? `:${sec}` : ''}`);
    if (t === null) return null;
    clock = t + (frac ? parseInt(frac.padEnd(3, '0'), 10) : 0);
  }
  let off = 0;
  if (zone && zone !== 'z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    off = (z[1] === '-' ? -1 : 1) * (parseInt(z[2]!, 10) * 60 + parseInt(z[3] ?? '0', 10));
    if (Math.abs(off) > 14 * 60) return null;
  }
  const day = numericDay(+y!, +mo!, +d!);
  return day === null ? null : day + clock - off * 60_000;
}

/**
 * A numeric y-m-d: Hijri when the year is 1300–1599 (`25-07-1433`, `1433-07-22` on Saudi
 * pages; no page dates an article in the Gregorian 14th–16th century), else Gregorian.
 */
function numericDay(y: number, mo: number, d: number): number | null {
  return y >= 1300 && y < 1600 ? hijriToUtcMs({ year: y, month: mo, day: d }) : utc(y, mo, d);
}

/** The day part alone (no time, zone or weekday): epoch ms of 00:00 UTC, or null. */
function dayPart(s: string): number | null {
  let hijri = false;
  // Era markers after the year: هـ / هجري (Hijri), م / ميلادي (Gregorian).
  s = s.replace(/[,،;()|]/g, ' ').replace(/^[\s\-–—:]+|[\s\-–—:]+$/g, '');
  s = s.replace(/(\d)\s*(ه|هجريه|هجري|م|ميلاديه|ميلادي)\.?$/u, (_m, y: string, era: string) => {
    hijri = era.startsWith('ه');
    return y;
  });
  s = s.replace(/\s+/g, ' ').trim();
  let m = HIJRI.exec(s);
  if (m) return hijriToUtcMs({ year: +m[3]!, month: HIJRI_MONTHS.get(m[2]!.replace(/\s+/g, ' '))!, day: +m[1]! });
  if (hijri) {
    m = NUMERIC.exec(s);
    if (!m) return null;
    if (m[1]!.length === 4) return hijriToUtcMs({ year: +m[1]!, month: +m[3]!, day: +m[4]! });
    return m[4]!.length === 4 ? hijriToUtcMs({ year: +m[4]!, month: +m[3]!, day: +m[1]! }) : null;
  }
  m = DMY.exec(s);
  if (m) {
    const mo = month(m[2]!);
    if (m[3] !== undefined && month(m[3]) !== mo) return null;
    return utc(+m[4]!, mo, +m[1]!);
  }
  m = MDY.exec(s);
  if (m) return utc(+m[3]!, month(m[1]!), +m[2]!);
  m = NUMERIC.exec(s);
  if (m) {
    const [a, b, c] = [+m[1]!, +m[3]!, +m[4]!];
    if (m[1]!.length === 4) return numericDay(a, b, c);
    if (m[4]!.length !== 4 && m[4]!.length !== 2) return null;
    const y = m[4]!.length === 2 ? (c < 70 ? 2000 + c : 1900 + c) : c;
    // Day first, as Arabic pages write it, unless only month-first makes a date.
    return b > 12 && a <= 12 ? utc(y, a, b) : numericDay(y, b, a);
  }
  return null;
}

const month = (name: string): number => GREGORIAN_MONTHS.get(name.replace(/\s+/g, ' ')) ?? 0;

/** Day, month and year in any written form, with an optional time and zone. */
function written(s: string): number | null {
  const zone = cutZone(s);
  const time = cutTime(zone.rest);
  if (time.rest === null) return null;
  const rest = time.rest.replace(WEEKDAY, ' ').replace(/(?<![\p{L}])(?:الساعه|at)(?![\p{L}])/gu, ' ');
  const day = dayPart(rest.replace(/\s+/g, ' ').trim());
  if (day === null) return null;
  const wall = day + (time.value ?? 0);
  return zone.value ? wall - offsetOf(zone.value, wall) * 60_000 : wall;
}

let chronoEn: typeof ChronoEn | undefined;

/**
 * chrono-node's English locale, loaded on first use: it is a few hundred modules, and most
 * processes (search, an Arabic feed) never reach this fallback.
 */
const english = (): typeof ChronoEn => (chronoEn ??= createRequire(import.meta.url)('chrono-node/en') as typeof ChronoEn);

/** chrono-node's English parser, trusted only for a whole-string read with a certain day. */
function viaChrono(text: string, now: Date): number | null {
  if (/[\u0600-\u06FF]/.test(text) || !/[a-z]{3}/i.test(text)) return null;
  const r = english().strict.parse(text, { instant: now, timezone: 0 })[0];
  if (!r || r.text.length < text.trim().length * 0.9) return null;
  if (!r.start.isCertain('day') || !r.start.isCertain('month') || !r.start.isCertain('year')) return null;
  const t = r.start.date().getTime();
  const y = new Date(t).getUTCFullYear();
  return y >= 1000 && y <= 9999 ? t : null;
}

/** Turns a date found on a page into a UTC Date, or null when none is recognized. */
export function parseArabicDate(text: string, opts: DateOptions = {}): Date | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_INPUT) return null;
  const now = opts.now ?? new Date();
  let s = normalize(text).replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(LABEL, '').trim();
  // «5 ربيع الاول 1445 ه الموافق 20 سبتمبر 2023 م»: the Gregorian side first.
  const parts = s.split(/\s*الموافق\s*(?:ل(?=[\s\d]))?\s*|\s*=\s*/);
  // An ISO-shaped string is ISO or nothing: no fallback may reread an invalid one.
  if (ISO.test(s)) return finish(iso(s));
  let ms: number | null = null;
  for (const p of parts.length > 1 ? [...parts].reverse() : parts) {
    ms = written(p);
    if (ms !== null) break;
  }
  if (ms === null) ms = parseRelative(s, now, parseClock)?.getTime() ?? null;
  if (ms === null) ms = viaChrono(text, now);
  return finish(ms);
}

const finish = (ms: number | null): Date | null => (ms === null || !Number.isFinite(ms) ? null : new Date(ms));
