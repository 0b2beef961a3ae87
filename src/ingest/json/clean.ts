/**
 * Text hygiene for JSON corpora: turns a field value into clean display text. Corpora
 * are scraped text, so they carry HTML entities (`&quot;`, `&#8220;`), stray control
 * characters (0x1A), NBSP, byte-order marks inside words and indented paragraphs; some
 * carry HTML bodies. Contract: `cleanTitle` gives one line; `cleanText` gives paragraphs
 * separated by exactly one blank line, each trimmed. The spelling itself (hamza,
 * diacritics, tatweel) is kept: matching folds it later, display keeps it.
 */
import { decodeHTML } from 'entities';

/**
 * Everything cleanText rewrites, in one pass (one scan of the text instead of four):
 * line breaks (CR, CRLF, U+2028/9, and 0x1A, see below) → `\n`; control characters
 * (C0 but tab and LF, DEL, C1, U+FEFF, U+FFFE) → removed; runs of spaces/tabs and any
 * Unicode space (NBSP, thin, ideographic …) → one space. A lone ASCII space is not matched.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const FIX = /\r\n?|[\u2028\u2029\u001A]|[\u0000-\u0008\u000B\u000C\u000E-\u0019\u001B-\u001F\u007F-\u009F\uFEFF\uFFFE]+|[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]{2,}|[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const fix = (m: string): string => {
  const c = m.charCodeAt(0);
  if (c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x1a) return '\n';
  if (c === 0x09 || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) return ' ';
  return '';
};
/** Tags that end a paragraph when an HTML body is flattened. */
const BLOCK_TAG = /<\s*(?:br|\/?(?:p|div|li|ul|ol|h[1-6]|blockquote|section|article|tr|table|figure|figcaption))\b[^>]*>/gi;
const NBSP_BREAK = /([.!?؟:"”»)])[ \t]*\u00A0[ \t\u00A0]*/g;
const ANY_TAG = /<\/?[a-z][\w:-]*(?:\s[^<>]*)?\/?>/gi;
const LOOKS_HTML = /<\/?(?:p|br|div|span|a|strong|em|b|i|ul|ol|li|h[1-6]|img|blockquote|figure)\b[^<>]*>/i;

/** Decodes entities only when there is an `&`: most values have none. */
function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s;
}

/** Drops script/style blocks and tags, ending a paragraph at each block-level tag. */
function flattenHtml(s: string): string {
  return s
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(BLOCK_TAG, '\n')
    .replace(ANY_TAG, '');
}

/** One-line text: entities decoded, controls dropped, whitespace runs folded to one space. */
export function cleanTitle(raw: string): string {
  const s = LOOKS_HTML.test(raw) ? flattenHtml(raw) : raw;
  return decodeEntities(s).replace(FIX, fix).replace(/\s+/g, ' ').trim();
}

/**
 * Body text: every non-blank line is a paragraph (the corpora use one or two newlines
 * between paragraphs); paragraphs are trimmed and joined with one blank line.
 */
export function cleanText(raw: string): string {
  let s = LOOKS_HTML.test(raw) ? flattenHtml(raw) : raw;
  s = decodeEntities(s);
  // A lone NBSP after the end of a sentence is an empty `<p>&nbsp;</p>` between two
  // paragraphs that the scraper flattened (sabq, alwatan): a break, not a space.
  if (s.includes('\u00A0')) s = s.replace(NBSP_BREAK, '$1\n');
  // 0x1A (SUB) marks a paragraph or caption break in scraped corpora (saudinewsnet):
  // FIX makes it a break, not a deletion, so the words on either side are not glued.
  s = s.replace(FIX, fix);
  const paras: string[] = [];
  for (const line of s.split('\n')) {
    const p = line.trim();
    if (p) paras.push(p);
  }
  return paras.join('\n\n');
}
