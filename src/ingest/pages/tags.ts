/**
 * Splits a page's keyword line into tags. Pages separate tags with single spaces
 * (`روسيا موسكو وزير الدفاع الروسي طهران ايران`), so a tag of several words can only be
 * found by meaning: here, a run of 2–5 words is one tag when the same words, in order,
 * occur in the article's title or body (compared through `normalize`, so `ايران` meets
 * `إيران`; the first word may carry proclitics there, `لخام برنت`, and inner words may
 * differ by the article, `إعادة إعمار`; an inner `و` means two tags, so it must match). Runs are taken greedily from the left, longest first; a word that starts no
 * such run is a tag by itself. A line with explicit separators (`،` `,` `|` `;` `/` `-`)
 * is split on them instead.
 */
import { normalize } from '../../arabic/normalize.ts';

const MAX_PHRASE = 5;
const SEPARATORS = /\s*[،,|;؛/]\s*|\s+-\s+/;

/** Normalized words of a text: letters and digits, everything else separates. */
function words(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** The first word of a phrase may carry proclitics in the text: «لخام برنت» holds «خام برنت». */
const firstKey = (w: string): string => {
  const k = w.replace(/^[وف]?(?:[بكل]?ال|لل|[بكل])/, '');
  return k.length >= 2 ? k : w;
};
/** Inner words may differ only by the article: «إعادة الإعمار» meets «إعادة إعمار». */
const innerKey = (w: string): string => (w.length > 3 ? w.replace(/^ال/, '') : w);

/** Where each first-word key occurs in the context, to test phrases without a full scan. */
function index(ws: string[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  ws.forEach((w, i) => {
    const k = firstKey(w);
    const list = at.get(k);
    if (list) list.push(i);
    else at.set(k, [i]);
  });
  return at;
}

/** True when the phrase's words occur in order in the context (see firstKey, innerKey). */
function occurs(phrase: string[], ws: string[], at: Map<string, number[]>): boolean {
  const inner = phrase.slice(1).map(innerKey);
  return (at.get(firstKey(phrase[0]!)) ?? []).some((i) => inner.every((w, j) => ws[i + 1 + j] !== undefined && innerKey(ws[i + 1 + j]!) === w));
}

/** The tags of a keyword line, in the page's order, without duplicates. */
export function splitTags(line: string, context: string): string[] {
  const clean = line.trim();
  if (clean === '') return [];
  const out: string[] = [];
  const add = (t: string) => {
    const tag = t.trim();
    if (tag !== '' && !out.some((o) => normalize(o) === normalize(tag))) out.push(tag);
  };
  if (SEPARATORS.test(clean)) {
    for (const t of clean.split(SEPARATORS)) add(t);
    return out;
  }
  const surface = clean.split(/\s+/);
  const ws = words(context);
  const at = index(ws);
  for (let i = 0; i < surface.length; ) {
    let k = Math.min(MAX_PHRASE, surface.length - i);
    for (; k >= 2; k--) {
      const phrase = words(surface.slice(i, i + k).join(' '));
      if (phrase.length === k && occurs(phrase, ws, at)) break;
    }
    const take = Math.max(k, 1);
    add(surface.slice(i, i + take).join(' '));
    i += take;
  }
  return out;
}
