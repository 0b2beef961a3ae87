/**
 * Named local times on Arabic pages (`بتوقيت القدس`, `بتوقيت تونس العاصمة`, `بتوقيت مكة
 * المكرمة`) mapped to IANA zones, and the UTC offset of such a zone at a local wall time
 * through Intl (so daylight saving in Cairo, Beirut, Jerusalem… is right for the date).
 *
 * The city names are CLDR 47 `exemplarCity` names (ar/timeZoneNames.json, Unicode License
 * v3, see tables.ts); country names and the Mecca/Abu Dhabi spellings are ours. `عمان` is
 * left out on purpose: it is both Amman and Oman.
 */
import { normalize } from '../normalize.ts';

const ZONES: ReadonlyArray<[string, readonly string[]]> = [
  ['UTC', ['غرينتش', 'غرينيتش', 'جرينتش', 'جرينيتش', 'جرينويتش']],
  ['Asia/Riyadh', ['الرياض', 'مكة', 'مكة المكرمة', 'السعودية']],
  ['Asia/Jerusalem', ['القدس']],
  ['Asia/Hebron', ['فلسطين', 'الخليل']],
  ['Asia/Gaza', ['غزة']],
  ['Africa/Cairo', ['القاهرة', 'مصر']],
  ['Asia/Beirut', ['بيروت', 'لبنان']],
  ['Asia/Damascus', ['دمشق', 'سوريا', 'سورية']],
  ['Asia/Baghdad', ['بغداد', 'العراق']],
  ['Asia/Kuwait', ['الكويت']],
  ['Asia/Qatar', ['قطر', 'الدوحة']],
  ['Asia/Bahrain', ['البحرين', 'المنامة']],
  ['Asia/Dubai', ['دبي', 'أبوظبي', 'أبو ظبي', 'الإمارات']],
  ['Asia/Muscat', ['مسقط', 'سلطنة عمان']],
  ['Asia/Aden', ['عدن', 'صنعاء', 'اليمن']],
  ['Africa/Khartoum', ['الخرطوم', 'السودان']],
  ['Africa/Tripoli', ['طرابلس', 'ليبيا']],
  ['Africa/Tunis', ['تونس']],
  ['Africa/Algiers', ['الجزائر']],
  ['Africa/Casablanca', ['الدار البيضاء', 'الرباط', 'المغرب']],
  ['Africa/Nouakchott', ['نواكشوط', 'موريتانيا']],
  ['Europe/London', ['لندن']],
];

/** Normalized place name → IANA zone. */
export const ZONE_NAMES: ReadonlyMap<string, string> = new Map(
  ZONES.flatMap(([zone, names]) => names.map((n): [string, string] => [normalize(n), zone])),
);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC of `zone` at the instant `utcMs`. */
function offsetAt(zone: string, utcMs: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    formatters.set(zone, f);
  }
  const name = f.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (parseInt(m[2]!, 10) * 60 + parseInt(m[3] ?? '0', 10)) : 0;
}

/** Minutes east of UTC of `zone` for a wall-clock time given as if it were UTC ms. */
export function zoneOffset(zone: string, wallMs: number): number {
  const first = offsetAt(zone, wallMs);
  return offsetAt(zone, wallMs - first * 60_000);
}
