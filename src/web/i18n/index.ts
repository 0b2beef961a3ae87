/**
 * The UI's two languages: every string a page, feed title or error shows comes from a
 * message catalog (`ar.json`, `en.json`: flat keys → ICU MessageFormat), compiled once per
 * language at start by intl-messageformat, so plurals follow CLDR (Arabic's six forms:
 * «لا مصادر», «مصدر واحد», «مصدران», «٣ مصادر», «١١ مصدراً», «١٠٠ مصدر»).
 *
 * Contract: `ui(lang)` returns the language's `Ui` (one per language, shared): `t(key,
 * values)` for text, `h(key, values)` for markup (the message's text and string values
 * escaped; `SafeHtml` values, e.g. a link, kept as markup), and Intl formatters of dates
 * and numbers in the language (Arabic: `ar-EG`, Arabic-Indic digits; English: `en-GB`).
 * A key missing from either catalog is a compile-time error (keys are typed from `en.json`)
 * and the catalogs' equality is tested (`i18n.test.ts`). Which language a request gets is
 * `uiLanguage(req)` (`negotiate.ts`).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import ar from './ar.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import { escapeHtml, SafeHtml } from '../html.ts';

export const LANGS = ['ar', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ar';
export type MessageKey = keyof typeof en;
export type Values = Record<string, string | number | SafeHtml>;

export const CATALOGS: Record<Lang, Record<string, string>> = { ar, en };
/** Intl locale of each UI language: `ar-EG` keeps Arabic-Indic digits (plain `ar` has Latin ones in ICU 74+). */
export const LOCALES: Record<Lang, string> = { ar: 'ar-EG', en: 'en-GB' };
/** Languages written right to left (the UI's and an article's, by its `lang`). */
const RTL = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'ckb', 'sd', 'ug', 'yi', 'dv']);

/** `rtl` or `ltr` for a language tag (`ar`, `fa-IR`, `en`…); unknown or empty: null. */
export function dirOf(lang: string | null | undefined): 'rtl' | 'ltr' | null {
  if (!lang) return null;
  const base = lang.toLowerCase().split(/[-_]/)[0]!;
  return RTL.has(base) ? 'rtl' : /^[a-z]{2,3}$/.test(base) ? 'ltr' : null;
}

/** Every message of a catalog compiled (throws on a syntax error, naming the key). */
export function compileCatalog(lang: Lang, catalog: Record<string, string> = CATALOGS[lang]): Map<string, IntlMessageFormat> {
  const out = new Map<string, IntlMessageFormat>();
  for (const [key, msg] of Object.entries(catalog)) {
    try {
      out.set(key, new IntlMessageFormat(msg, LOCALES[lang], undefined, { ignoreTag: true }));
    } catch (e) {
      throw new Error(`i18n: ${lang}.json "${key}" does not compile: ${(e as Error).message}`);
    }
  }
  return out;
}

/** Remembers a formatter's output per ISO string; bounded, emptied when full. */
function memo(f: (d: Date) => string): (iso: string | null | undefined) => string {
  const m = new Map<string, string>();
  return (iso) => {
    if (!iso) return '';
    let v = m.get(iso);
    if (v === undefined) {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return '';
      if (m.size >= 20_000) m.clear();
      v = f(d);
      m.set(iso, v);
    }
    return v;
  };
}

export interface Ui {
  lang: Lang;
  dir: 'rtl' | 'ltr';
  /** The Intl locale (`ar-EG`, `en-GB`). */
  locale: string;
  /** The message as text. */
  t(key: MessageKey, values?: Values): string;
  /** The message as markup: its text and string values escaped, SafeHtml values kept. */
  h(key: MessageKey, values?: Values): SafeHtml;
  /** A number in the language's digits. */
  num(n: number, o?: Intl.NumberFormatOptions): string;
  /** «الاثنين، ١٠ أغسطس ٢٠١٥» / «Monday 10 August 2015». */
  date(iso: string | null | undefined): string;
  /** «١٠ أغسطس، ١٤:٠٣» / «10 August, 14:03». */
  short(iso: string | null | undefined): string;
}

function build(lang: Lang): Ui {
  const compiled = compileCatalog(lang);
  const locale = LOCALES[lang];
  const msg = (key: string): IntlMessageFormat => {
    const m = compiled.get(key);
    if (!m) throw new Error(`i18n: no message "${key}" in ${lang}.json`);
    return m;
  };
  const number = new Intl.NumberFormat(locale);
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    locale,
    t: (key, values) => String(msg(key).format(values)),
    h: (key, values) => {
      const out = msg(key).format<SafeHtml>(values);
      const parts = Array.isArray(out) ? out : [out];
      return new SafeHtml(parts.map((p) => (p instanceof SafeHtml ? p.value : escapeHtml(String(p)))).join(''));
    },
    num: (n, o) => (o ? n.toLocaleString(locale, o) : number.format(n)),
    date: memo((d) => full.format(d)),
    short: memo((d) => short.format(d)),
  };
}

const UIS: Record<Lang, Ui> = { ar: build('ar'), en: build('en') };

export function ui(lang: Lang): Ui {
  return UIS[lang];
}

export function isLang(s: unknown): s is Lang {
  return s === 'ar' || s === 'en';
}
