/**
 * Article-body pass, after Readability: removes the boilerplate left among the paragraphs
 * and turns what it carries into fields. A «اقرأ أيضاً» line and the link lines after it
 * become `readAlso`; a tags line becomes `tags`; `المصدر: X` becomes the outlet; share,
 * print and comment widgets, picture captions and credits go. Page chrome (chrome.ts) goes
 * wherever it stands: counters, reading time, view badges, ad labels, breadcrumbs, the
 * repeated headline, strict bylines, next/previous links with their headline, and whole
 * app / newsletter / follow boxes. The lead and the tail are trimmed in edges.ts.
 * Contract: paragraphs keep their order and wording; nothing is invented; a real
 * paragraph (long, or a sentence) is never dropped by a box or a next/previous rule.
 */
import type { ReadAlsoLink } from '../../model/article.ts';
import type { Block } from './blocks.ts';
import { besideImage } from './blocks.ts';
import { afterMarker, isCredit, markerKind, sourceLine } from './markers.ts';
import { chromeKind, isByline, navMarker } from './chrome.ts';
import { addLinks } from './related.ts';
import { isBody, linkOnly, sentenceEnd, trimEdges, words, type PageContext } from './edges.ts';

export type { PageContext } from './edges.ts';

export interface Cleaned {
  paragraphs: string[];
  readAlso: ReadAlsoLink[];
  tags: string[];
  outlet: string | null;
  /** Date lines removed from the body, for the visible-date fallback. */
  dateLines: string[];
}

/** Splits a tags line's text (when its tags are not links) on commas and bullets. */
function splitTags(text: string): string[] {
  return text.split(/\s*[,،;|•·]\s*/).map((t) => t.trim()).filter((t) => t !== '' && t.length <= 60);
}

/** Characters of text of an element, whitespace collapsed. */
const textLength = (el: Element): number => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;

/** Widget boxes looked for per page, and levels climbed for each (bounds the cost on hostile pages). */
const MAX_BOXES = 64;
const MAX_CLIMB = 6;

/** The widget box around `el`: its largest ancestor (a few levels up) that still holds only a little text. */
function widgetBox(el: Element | null): Element | null {
  let box = el;
  for (let up = 0; up < MAX_CLIMB && box?.parentElement && box.parentElement.tagName.toUpperCase() !== 'BODY'; up++) {
    if (textLength(box.parentElement) > 320) break;
    box = box.parentElement;
  }
  return box;
}

const inTable = (b: Block): boolean => b.el?.closest('table, pre') != null;

/** Cleans Readability's paragraphs. `ctx` carries the headline, page URL and metadata. */
export function cleanBlocks(blocks: readonly Block[], ctx: PageContext): Cleaned {
  const out: Cleaned = { paragraphs: [], readAlso: [], tags: [], outlet: null, dateLines: [] };
  const kept: Block[] = [];
  let image: Element | null = null;
  let boxes = 0;
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
        addLinks(out.readAlso, links, ctx.base);
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
    const chrome = chromeKind(b.text);
    if (chrome === 'line' && !inTable(b)) {
      if (/\b(?:19|20)\d\d\b/.test(b.text)) out.dateLines.push(b.text);
      continue;
    }
    const nav = navMarker(b.text);
    if (nav && (chrome === 'nav' || linkOnly(b))) {
      // A bare label: the headline of the next / previous article follows it.
      const next = blocks[i + 1];
      if (nav.rest === '' && next && !next.image && !isBody(next) && (linkOnly(next) || !sentenceEnd(next.text))) i++;
      continue;
    }
    if (chrome === 'box') {
      if (boxes++ < MAX_BOXES) i = dropBox(blocks, i, kept);
      continue;
    }
    if (ctx.isTitle(b.text) || isByline(b.text, ctx.author, false)) continue;
    kept.push(b);
  }
  out.paragraphs = trimEdges(kept, ctx, out.dateLines).map((b) => b.text);
  return out;
}

/**
 * Drops the widget box of chrome line `i` (an app banner, a newsletter form): the short
 * lines just before it that are already kept, and those after it, inside the same box.
 * Returns the index of the last block dropped.
 */
function dropBox(blocks: readonly Block[], i: number, kept: Block[]): number {
  const box = widgetBox(blocks[i]!.el);
  if (!box) return i;
  const inBox = (x: Block): boolean => x.el != null && box.contains(x.el) && !isBody(x);
  while (kept.length > 0 && inBox(kept[kept.length - 1]!)) kept.pop();
  let j = i;
  while (j + 1 < blocks.length && (inBox(blocks[j + 1]!) || (blocks[j + 1]!.image && blocks[j + 1]!.el != null && box.contains(blocks[j + 1]!.el!)))) j++;
  return j;
}
