/**
 * Clock times and time zones inside a (normalized) date string: `10:30 م`, `22:15:05`,
 * `9:05 am`, `GMT`, `+03:00`, `GMT+3`, `EST`, `بتوقيت غرينتش`, `بتوقيت القدس` (zones.ts).
 * Each finder returns the value and the string with that part cut out, so the caller can
 * insist that nothing is left over.
 */
import { ZONE_NAMES, zoneOffset } from './zones.ts';
import { alternation } from './tables.ts';

/** Time of day: h:mm[:ss[.fff]] with an optional 12-hour marker (ص/م, صباحا/مساء, am/pm). */
const TIME =
  /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?(?:\s*(ص|صباحا|صباح|فجرا|م|مساء|مساءا|ظهرا|عصرا|ليلا|a\.?m\.?|p\.?m\.?)(?![\p{L}]))?/u;

const AM = new Set(['ص', 'صباحا', 'صباح', 'فجرا', 'am', 'a.m.', 'a.m', 'am.']);

export interface Cut<T> {
  value: T;
  rest: string;
}

/** Milliseconds since midnight for a time match, or null when out of range. */
function clockMs(h: number, mi: number, s: number, ms: number, marker: string | undefined): number | null {
  if (mi > 59 || s > 59) return null;
  if (marker !== undefined) {
    if (h < 1 || h > 12) return null;
    const am = AM.has(marker.replace(/\s/g, ''));
    h = am ? h % 12 : (h % 12) + 12;
  } else if (h > 23) return null;
  return ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

/** Finds one clock time. `value` is null when there is none; `rest` is null when it is invalid. */
export function cutTime(s: string): { value: number | null; rest: string | null } {
  const m = TIME.exec(s);
  if (!m) return { value: null, rest: s };
  const ms = m[4] ? parseInt(m[4].padEnd(3, '0'), 10) : 0;
  const v = clockMs(parseInt(m[1]!, 10), parseInt(m[2]!, 10), m[3] ? parseInt(m[3], 10) : 0, ms, m[5]?.toLowerCase());
  if (v === null) return { value: null, rest: null };
  return { value: v, rest: s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length) };
}

/** A whole string that is only a clock time (for `أمس 10:30 م`). */
export function parseClock(s: string): number | null {
  const t = cutTime(s.trim());
  return t.value !== null && t.rest?.trim() === '' ? t.value : null;
}

/** RFC 822 and common zone names with fixed offsets, in minutes east of UTC. */
const NAMED: Readonly<Record<string, number>> = {
  gmt: 0, utc: 0, ut: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

const ZONE_NAME = /(?<![\p{L}])(gmt|utc|ut|z|est|edt|cst|cdt|mst|mdt|pst|pdt)(?:\s*([+-])(\d{1,2})(?::?(\d{2}))?)?(?![\p{L}])/u;
/** A bare numeric offset must follow a time or a space, so `20-09-2023` is not read as `-2023`. */
const ZONE_OFFSET = /(?:(?<=\d:\d\d(?::\d\d(?:[.,]\d+)?)?)|\s)([+-])(\d{2}):?(\d{2})(?![\d:])/;
/** `بتوقيت <place>` (optionally `العاصمه`/`المحلي` after it), place from zones.ts. */
const ZONE_ARABIC = new RegExp(`(?:ب?توقيت)\\s+(${alternation(ZONE_NAMES.keys())})(?:\\s+(?:العاصمه|المحلي))?(?![\\p{L}])`, 'u');

/** A zone: a fixed offset (minutes east of UTC) or an IANA zone resolved at the date. */
export type Zone = { fixed: number } | { iana: string };

/** Minutes east of UTC of a zone at a wall-clock time (as if UTC ms). */
export function offsetOf(zone: Zone, wallMs: number): number {
  return 'fixed' in zone ? zone.fixed : zoneOffset(zone.iana, wallMs);
}

/** Finds one zone; `value` is null when there is none. */
export function cutZone(s: string): Cut<Zone | null> {
  let m = ZONE_NAME.exec(s);
  if (m) {
    const base = NAMED[m[1]!]!;
    const off = m[2] ? (m[2] === '-' ? -1 : 1) * (parseInt(m[3]!, 10) * 60 + (m[4] ? parseInt(m[4], 10) : 0)) : 0;
    if (Math.abs(off) > 14 * 60) return { value: null, rest: s };
    return { value: { fixed: base + off }, rest: s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length) };
  }
  m = ZONE_OFFSET.exec(s);
  if (m) {
    const off = (m[1] === '-' ? -1 : 1) * (parseInt(m[2]!, 10) * 60 + parseInt(m[3]!, 10));
    if (Math.abs(off) > 14 * 60) return { value: null, rest: s };
    return { value: { fixed: off }, rest: s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length) };
  }
  m = ZONE_ARABIC.exec(s);
  if (m) {
    const iana = ZONE_NAMES.get(m[1]!.replace(/\s+/g, ' '));
    if (iana) return { value: { iana }, rest: s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length) };
  }
  return { value: null, rest: s };
}
