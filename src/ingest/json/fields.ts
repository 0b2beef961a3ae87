/**
 * Maps one JSON object of a news corpus to an Article. Corpora name their fields in many
 * ways; the first present alias wins: title `title|headline|head_line`, body
 * `content|text|body` (then `description|summary` when no body), `url|link`, date
 * `date|published|publishedAt|published_at|date_extracted|pubDate`, outlet
 * `source|outlet` (a string, or NewsAPI's `{name}`), `author` (a string, an array, or
 * `{name}`), `tags|keywords`, `lang|language`.
 *
 * Decisions (the data decides what an item says; we only clean it):
 * - No title and no body → not an Article: the caller reports `json.item.empty`.
 * - A body without a title stays an Article with an empty title (64 such in
 *   saudinewsnet); inventing a title from the first sentence would put words in the
 *   outlet's mouth. A title without a body is kept too (a headline-only item is news).
 * - `author` is kept as given, even when it is a dateline or agency (`واس - الرياض`).
 * - `lang` is decided from the text (a corpus' own `lang` field is only a hint, as the html
 *   lang attribute is for pages): Arabic-script corpora mix Arabic and Persian.
 * - Dates without a zone (`2015-07-21 02:51:32`, saudinewsnet's crawl time) are UTC.
 */
import type { ArticleInput } from '../../model/article.ts';
import { parseArabicDate } from '../../arabic/index.ts';
import { detectLang } from '../../arabic/lang.ts';
import { cleanText, cleanTitle } from './clean.ts';
import { addTags, splitTagLine, tagsFromField } from './tags.ts';

type Obj = Record<string, unknown>;

const TITLE = ['title', 'headline', 'head_line'];
const BODY = ['content', 'text', 'body', 'articleBody', 'description', 'summary'];
const URL_KEYS = ['url', 'link', 'href'];
const DATE = ['date', 'published', 'publishedAt', 'published_at', 'datePublished', 'date_extracted', 'pubDate'];
const OUTLET = ['source', 'outlet', 'publisher'];
const TAGS = ['tags', 'keywords'];
const LANG = ['lang', 'language'];

/** The first alias whose value is present (not null, not an empty string after trim). */
function pick(o: Obj, keys: string[]): unknown {
  for (const k of keys) {
    const v = o[k];
    if (v == null) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    return v;
  }
  return undefined;
}

/** A string value: strings as is, numbers printed, `{name}` objects by their name, arrays joined. */
function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(str).filter(Boolean).join('، ');
  if (v && typeof v === 'object') {
    const o = v as Obj;
    return str(o.name ?? o.title ?? o.href ?? o.url ?? '');
  }
  return '';
}

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date value to ISO 8601 UTC, or null. Machine forms (ISO 8601 with or without a zone,
 * epoch seconds or milliseconds) are read here, zone-less as UTC; anything else goes to
 * the Arabic date parser.
 */
export function toIsoDate(v: unknown, now?: Date): string | null {
  let d: Date | null = null;
  if (typeof v === 'number' && Number.isFinite(v)) d = new Date(v > 1e11 ? v : v * 1000);
  else if (typeof v === 'string') {
    const s = v.trim();
    const m = ISO_LIKE.exec(s);
    if (m) {
      const [, y, mo, da, h = '00', mi = '00', se = '00', frac = '', zone] = m;
      const z = !zone ? 'Z' : zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
      d = new Date(`${y}-${mo}-${da}T${h}:${mi}:${se}${frac}${z}`);
    } else if (s) d = parseArabicDate(s, { now });
  }
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}

/** Letters Arabic does not use (Persian, Urdu); without them Arabic-script text is Arabic. */
const NON_ARABIC_LETTERS = /[پچژگیکٹڈڑںھہےۓ]/;

/** The language, with a fast path for the common case (mostly Arabic letters, none foreign). */
function langOf(sample: string, hint: string | null): string {
  if (!NON_ARABIC_LETTERS.test(sample)) {
    let arabic = 0;
    let latin = 0;
    for (let i = 0; i < sample.length; i++) {
      const c = sample.charCodeAt(i);
      if (c >= 0x0621 && c <= 0x064a) arabic++;
      else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    }
    if (arabic >= 20 && arabic > 2 * latin) return 'ar';
  }
  return detectLang(sample, hint);
}

/** What one item gives: Article fields, or null when it has neither title nor body. */
export function mapItem(o: Obj, opts: { now?: Date; via?: string | null }): ArticleInput | null {
  const title = cleanTitle(str(pick(o, TITLE)));
  let text = cleanText(str(pick(o, BODY)));
  if (!title && !text) return null;
  const tags = tagsFromField(pick(o, TAGS));
  const tail = splitTagLine(text, title);
  if (tail.tags.length) {
    text = tail.text;
    addTags(tags, tail.tags);
  }
  const given = str(pick(o, LANG)).trim().toLowerCase();
  const detected = langOf(`${title}\n${text.slice(0, 1000)}`, given || null);
  const lang = detected === 'und' ? given || 'ar' : detected;
  const url = str(pick(o, URL_KEYS)).trim();
  return {
    title,
    text,
    url: /^https?:\/\//i.test(url) ? url : null,
    publishedAt: toIsoDate(pick(o, DATE), opts.now),
    outlet: cleanTitle(str(pick(o, OUTLET))) || null,
    via: opts.via ?? null,
    author: cleanTitle(str(pick(o, ['author', 'authors', 'byline', 'creator']))) || null,
    lang: /^[a-z]{2,3}(?:-[a-z0-9]+)*$/.test(lang) ? lang : 'ar',
    tags,
  };
}
