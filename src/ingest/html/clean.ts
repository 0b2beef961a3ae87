/**
 * Article-body pass, after Readability: removes the boilerplate left among the paragraphs
 * and turns what it carries into fields. A «اقرأ أيضاً» line and the link lines after it
 * become `readAlso`; a tags line becomes `tags`; `المصدر: X` becomes the outlet; share,
 * print and comment widgets, picture captions and credits go. At the start of the body,
 * the repeated headline, date lines, section links and bare labels go (date lines are
 * returned for the date finder); at the end, link lists and comment-policy text go.
 * Contract: paragraphs keep their order and wording; nothing is invented.
 */
import type { ReadAlsoLink } from '../../model/article.ts';
import type { Block } from './blocks.ts';
import { besideImage, linkDensity } from './blocks.ts';
import { afterMarker, fold, isCredit, isDateLine, isPolicyLine, markerKind, sourceLine } from './markers.ts';
import { addLinks } from './related.ts';

export interface Cleaned {
  paragraphs: string[];
  readAlso: ReadAlsoLink[];
  tags: string[];
  outlet: string | null;
  /** Date lines removed from the body, for the visible-date fallback. */
  dateLines: string[];
}

const words = (t: string): number => t.split(/\s+/).filter(Boolean).length;
const linkOnly = (b: Block): boolean => b.links.length > 0 && linkDensity(b) >= 0.8;
const isLabel = (t: string): boolean => words(t) <= 3 && /[:：]\s*$/.test(t);
/** A real body paragraph: long enough, or a full sentence. */
const isBody = (b: Block): boolean => !linkOnly(b) && (b.text.length >= 100 || (words(b.text) >= 8 && /[.!؟?»"]\s*$/.test(b.text)));

/** Splits a tags line's text (when its tags are not links) on commas and bullets. */
function splitTags(text: string): string[] {
  return text.split(/\s*[,،;|•·]\s*/).map((t) => t.trim()).filter((t) => t !== '' && t.length <= 60);
}

/** Cleans Readability's paragraphs. `title` is the headline; `base` resolves links. */
export function cleanBlocks(blocks: readonly Block[], title: string, base: string | null): Cleaned {
  const out: Cleaned = { paragraphs: [], readAlso: [], tags: [], outlet: null, dateLines: [] };
  const kept: Block[] = [];
  let image: Element | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.image) {
      image = b.el;
      continue;
    }
    const prevImage = image;
    image = null;
    const kind = b.text.length <= 300 ? markerKind(b.text) : null;
    if (kind === 'related' || kind === 'tags' || kind === 'other') {
      const links = [...b.links];
      let j = i + 1;
      while (j < blocks.length && (blocks[j]!.image || linkOnly(blocks[j]!))) links.push(...blocks[j++]!.links);
      if (kind === 'related') {
        const before = out.readAlso.length;
        addLinks(out.readAlso, links, base);
        const rest = afterMarker(b.text);
        if (out.readAlso.length === before && b.links.length === 0 && rest.length >= 8) out.readAlso.push({ title: rest, url: null });
      } else if (kind === 'tags' && out.tags.length === 0) {
        out.tags = links.length > 0 ? [...new Set(links.map((l) => l.text).filter(Boolean))] : splitTags(afterMarker(b.text));
      }
      i = j - 1;
      continue;
    }
    const src = sourceLine(b.text);
    if (src) {
      out.outlet ??= src;
      continue;
    }
    if (kind === 'widget' || isCredit(b.text)) continue;
    // A short line right under a picture, in the same box, is its caption.
    if (besideImage(prevImage, b.el) && b.text.length <= 90 && words(b.text) <= 12 && !/[.!؟?:]\s*$/.test(b.text)) continue;
    kept.push(b);
  }
  // The lead: everything before the first real paragraph.
  const t = fold(title);
  let start = 0;
  const isTitle = (f: string): boolean => f === t || (t !== '' && t.includes(f) && f.length >= 0.8 * t.length);
  while (start < kept.length) {
    const b = kept[start]!;
    if (isDateLine(b.text)) out.dateLines.push(b.text);
    else if (!(isTitle(fold(b.text)) || (!isBody(b) && (linkOnly(b) || isLabel(b.text))))) break;
    start++;
  }
  // Runs of three or more link-only lines are link lists, not text; a short line just
  // before such a run is its heading («طلا و جواهر», «آخر الأخبار») and goes with it.
  const rest: Block[] = [];
  for (let i = start; i < kept.length; ) {
    let j = i;
    while (j < kept.length && linkOnly(kept[j]!) && kept[j]!.text.length <= 160) j++;
    if (j - i >= 3) {
      const prev = rest[rest.length - 1];
      if (prev && words(prev.text) <= 6 && !/[.!؟?:]\s*$/.test(prev.text)) rest.pop();
      i = j;
      continue;
    }
    rest.push(kept[i]!);
    i++;
  }
  // The tail: link lines, labels, widgets, policy and letterless lines after the last paragraph.
  let end = rest.length;
  while (end > 0) {
    const b = rest[end - 1]!;
    if (!(linkOnly(b) || isLabel(b.text) || isPolicyLine(b.text) || isDateLine(b.text) || !/\p{L}/u.test(b.text))) break;
    end--;
  }
  out.paragraphs = rest.slice(0, end).map((b) => b.text);
  return out;
}
