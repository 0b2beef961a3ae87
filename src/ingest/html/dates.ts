/**
 * The publication date of an HTML page, from the most reliable evidence first: meta tags
 * (article:published_time, pubdate, date, DC.date …), RDFa/microdata `content` attributes,
 * JSON-LD datePublished (also inside @graph), `<time datetime>`, then visible Arabic dates read by `parseArabicDate`.
 *
 * Why the care: machine dates come in many shapes (`2020-06-03T03:01+0400`,
 * `2020-12-01 02:00:00` without a zone, a Jalali `۱۳۹۹/۰۲/۲۱` in a meta tag) and the UTC
 * instant can fall on the day before the date the page shows. Contract: returns the UTC
 * instant plus `localDate`, the calendar date as the page wrote it (what gold sets record);
 * a zone-less timestamp is read as UTC unless another source gives the same wall-clock
 * time with a zone. Never throws; null when nothing credible is found.
 */
import { parseArabicDate } from '../../arabic/index.ts';
import { jsonLdObjects, ldString, metaContent } from './meta.ts';

export interface PageDate {
  /** The instant in UTC. */
  date: Date;
  /** YYYY-MM-DD as written on the page (its own offset), or the UTC date when unknown. */
  localDate: string;
  /** Where it came from, e.g. `meta:article:published_time`, `jsonld`, `time`, `text`. */
  source: string;
  /** True when the source gave an explicit zone or offset. */
  zoned: boolean;
  /** `YYYY-MM-DDTHH:MM` as written (before any offset is applied). */
  wallClock: string;
}

const META_KEYS = [
  'article:published_time', 'og:article:published_time', 'article:published', 'og:published_time',
  'datepublished', 'pubdate', 'publishdate', 'publish_date', 'publish-date', 'publication_date',
  'sailthru.date', 'parsely-pub-date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date',
  'dcterms.created', 'datecreated', 'date', 'created',
];

const DIGITS: Record<string, string> = {};
'٠١٢٣٤٥٦٧٨٩'.split('').forEach((d, i) => (DIGITS[d] = String(i)));
'۰۱۲۳۴۵۶۷۸۹'.split('').forEach((d, i) => (DIGITS[d] = String(i)));
const asciiDigits = (s: string): string => s.replace(/[٠-٩۰-۹]/g, (d) => DIGITS[d] ?? d);

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+T?\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** A plausible news date: after 1990 and not more than two days ahead of `now`. */
function plausible(d: Date, now: Date): boolean {
  const t = d.getTime();
  return Number.isFinite(t) && d.getUTCFullYear() >= 1990 && t <= now.getTime() + 2 * 86_400_000;
}

const ymd = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Reads a machine date (ISO 8601 and its common deviations, or RFC 822 with a zone). */
export function parseMachineDate(raw: string, now: Date, source: string): PageDate | null {
  const s = asciiDigits(raw.trim());
  const m = ISO.exec(s);
  if (m) {
    const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x ? Number(x) : 0)) as number[];
    const zone = m[7];
    let offsetMin = 0;
    if (zone && /^[+-]/.test(zone)) {
      const z = zone.replace(':', '');
      offsetMin = (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5) || 0));
    }
    if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59) return null;
    const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, se!) - offsetMin * 60_000);
    const wallClock = `${ymd(y!, mo!, d!)}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
    return plausible(date, now) ? { date, localDate: ymd(y!, mo!, d!), source, zoned: !!zone, wallClock } : null;
  }
  // RFC 822 / toString forms: only with an explicit zone (Date.parse would use the host's).
  if (/[a-z]{3}/i.test(s) && /(GMT|UTC|[+-]\d{4})\b/.test(s)) {
    const t = Date.parse(s);
    const date = new Date(t);
    if (Number.isFinite(t) && plausible(date, now)) return { date, localDate: date.toISOString().slice(0, 10), source, zoned: true, wallClock: date.toISOString().slice(0, 16) };
  }
  return null;
}

const WEEKDAY_OR_DIGIT = /(?:ال(?:أ|ا)حد|ال(?:إ|ا)ثنين|الثلاثاء|ال(?:أ|ا)ربعاء|الخميس|الجمعة|السبت|[0-9٠-٩۰-۹])/u;
const CUT = /\s*(?:[|(]|،?\s*(?:آخر|اخر) تحديث|محدث[ةه]?|updated)/iu;

/**
 * The pieces of a date line worth handing to the date parser, which wants the whole string
 * to be a date: the line, the line from its first weekday or digit (dropping a label such
 * as `تم نشره`), and each of those cut before `آخر تحديث` / `(محدثة …)` / `|`.
 */
export function dateSubstrings(text: string): string[] {
  const t = text.replace(/\s+/g, ' ').trim();
  const starts = [t];
  const m = WEEKDAY_OR_DIGIT.exec(t);
  if (m && m.index > 0) starts.push(t.slice(m.index));
  const out: string[] = [];
  for (const s of starts) {
    out.push(s);
    const c = CUT.exec(s);
    if (c && c.index > 0) out.push(s.slice(0, c.index).replace(/[،,\s]+$/u, ''));
  }
  return [...new Set(out)];
}

/** A date read from visible text through the shared Arabic date parser. */
export function parseVisibleDate(text: string, now: Date, source = 'text'): PageDate | null {
  for (const piece of dateSubstrings(text)) {
    let d: Date | null = null;
    try {
      d = parseArabicDate(piece, { now });
    } catch {
      d = null;
    }
    if (d && plausible(d, now)) {
      return { date: d, localDate: d.toISOString().slice(0, 10), source, zoned: false, wallClock: d.toISOString().slice(0, 16) };
    }
  }
  return null;
}

/** Machine-readable candidates in order of trust. */
function machineCandidates(doc: Document, now: Date): PageDate[] {
  const out: PageDate[] = [];
  for (const key of META_KEYS) {
    const v = metaContent(doc, [key]);
    const d = v ? parseMachineDate(v, now, `meta:${key}`) : null;
    if (d) out.push(d);
  }
  // RDFa / microdata on any element: <span property="dc:date" content="2019-02-08T00:00:00+01:00">.
  for (const el of Array.from(doc.querySelectorAll('body [property][content], body [itemprop][content]'))) {
    const key = `${el.getAttribute('property') ?? ''} ${el.getAttribute('itemprop') ?? ''}`.toLowerCase();
    if (!/(^|\s)(dc:date|dcterms:created|dc:created|datepublished|article:published_time)(\s|$)/.test(key)) continue;
    const d = parseMachineDate(el.getAttribute('content') ?? '', now, `rdfa:${key.trim()}`);
    if (d) out.push(d);
  }
  for (const o of jsonLdObjects(doc)) {
    for (const f of ['datePublished', 'dateCreated']) {
      const v = ldString(o, f);
      const d = v ? parseMachineDate(v, now, `jsonld:${f}`) : null;
      if (d) out.push(d);
    }
  }
  const times = Array.from(doc.querySelectorAll('time[datetime]'));
  const pub = times.filter((t) => /publish|created|posted/i.test(`${t.getAttribute('itemprop')} ${t.getAttribute('class')}`));
  for (const t of [...pub, ...times]) {
    const d = parseMachineDate(t.getAttribute('datetime') ?? '', now, 'time');
    if (d) out.push(d);
  }
  return out;
}

/** Texts of elements whose class or id says they hold a date (short, with digits). */
export function visibleDateTexts(doc: Document): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('[class],[id],time'))) {
    const key = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.tagName}`;
    if (!/date|time|publish|posted|created|تاريخ/i.test(key) || /update|modif/i.test(key)) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t.length >= 6 && t.length <= 120 && /\d|[٠-٩۰-۹]/.test(t)) out.push(t);
    if (out.length >= 20) break;
  }
  return out;
}

/**
 * The date from markup: meta tags, then JSON-LD, then `<time datetime>`. A zone-less
 * first choice is replaced by a zoned candidate written with the same wall-clock time.
 */
export function machineDate(doc: Document, now: Date): PageDate | null {
  const cands = machineCandidates(doc, now);
  const first = cands[0];
  if (!first || first.zoned) return first ?? null;
  return cands.find((c) => c.zoned && c.wallClock === first.wallClock) ?? first;
}

/** The first of `texts` that the Arabic date parser reads as a plausible date. */
export function visibleDate(texts: readonly string[], now: Date): PageDate | null {
  for (const t of texts) {
    const d = parseVisibleDate(t, now);
    if (d) return d;
  }
  return null;
}
