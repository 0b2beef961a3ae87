/**
 * Trims what is left around and between an article's paragraphs once the per-line rules
 * of clean.ts have run. Lead: everything before the first real paragraph that is the
 * headline, a date, a label, a byline, the section or site name, a link line or a short
 * fragment (`إقليمي`, `القاهرة: «الشرق الأوسط»`). Between paragraphs: runs of three or more
 * link lines (with the short heading over them) and lone link-only teaser headlines.
 * Tail: link lines, labels, policy, dates, letterless lines, bylines, and short fragments
 * once something of that kind has been met below them or when they form a run of tag
 * words. Why this way: real short paragraphs exist in Arabic news (a one-line sentence,
 * an intertitle, a numbered list item, a poem's verse, `(بترا)`); they end with a full
 * stop, sit between paragraphs, or are numbered, and those are kept.
 * Contract: keeps order; never drops a block that is "body" (see isBody).
 */
import type { Block } from './blocks.ts';
import { linkDensity } from './blocks.ts';
import { fold, isDateLine, isPolicyLine } from './markers.ts';
import { isByline } from './chrome.ts';

/** What the body pass knows about the page. */
export interface PageContext {
  /** True when a line is the headline again (or nearly all of it). */
  isTitle: (text: string) => boolean;
  /** The page URL (links are resolved against it). */
  base: string | null;
  author: string | null;
  /** The section the page files the article under (article:section, JSON-LD). */
  section: string | null;
  outlet: string | null;
}

/** A PageContext for a headline and metadata. */
export function pageContext(title: string, meta: Omit<PageContext, 'isTitle'>): PageContext {
  const t = fold(title);
  const isTitle = (text: string): boolean => {
    const f = fold(text);
    return f !== '' && (f === t || (t !== '' && t.includes(f) && f.length >= 0.8 * t.length));
  };
  return { ...meta, isTitle };
}

export const words = (t: string): number => t.split(/\s+/).filter(Boolean).length;
export const sentenceEnd = (t: string): boolean => /[.!؟?…]["»”')]?\s*$/.test(t);
export const linkOnly = (b: Block): boolean => b.links.length > 0 && linkDensity(b) >= 0.8;
const isLabel = (t: string): boolean => words(t) <= 3 && /[:：]\s*$/.test(t);
/** A real body paragraph: long enough, or a full sentence. */
export const isBody = (b: Block): boolean => !linkOnly(b) && (b.text.length >= 100 || (words(b.text) >= 8 && sentenceEnd(b.text)));
/** A short line that is not a sentence (`إقليمي`, `حزب الله`, `بيروت: نذير رضا`). */
const fragment = (b: Block): boolean => words(b.text) <= 6 && !sentenceEnd(b.text) && !isBody(b);
/** A numbered or bulleted list item, or a parenthesised credit: content even when short. */
const listLike = (t: string): boolean => /^\s*(?:[\d٠-٩۰-۹]+\s*[-–.)]|[-–•*●▪]\s)|^\s*[-–—]*\s*\(.{2,30}\)\s*$/u.test(t);
const letterless = (t: string): boolean => !/\p{L}/u.test(t);

function namesPage(b: Block, ctx: PageContext): boolean {
  if (words(b.text) > 5) return false;
  const f = fold(b.text);
  return [ctx.section, ctx.outlet].some((x) => x != null && fold(x) === f);
}

/** Lead, inner runs and tail; date lines met in the lead are added to `dateLines`. */
export function trimEdges(kept: readonly Block[], ctx: PageContext, dateLines: string[]): Block[] {
  const hasBody = kept.some(isBody);
  let start = 0;
  while (start < kept.length) {
    const b = kept[start]!;
    if (isDateLine(b.text)) dateLines.push(b.text);
    else if (ctx.isTitle(b.text)) {
      // the headline again
    } else if (isBody(b)) break;
    else if (!(linkOnly(b) || isLabel(b.text) || namesPage(b, ctx) || isByline(b.text, ctx.author, true) || (hasBody && fragment(b) && !listLike(b.text)))) break;
    start++;
  }
  const rest = innerRuns(kept.slice(start));
  // The tail: after the last line of content, junk goes, and so do fragments among junk.
  const strong = (b: Block): boolean =>
    linkOnly(b) || isLabel(b.text) || isPolicyLine(b.text) || isDateLine(b.text) || letterless(b.text) || namesPage(b, ctx) || isByline(b.text, ctx.author, true);
  let last = rest.length - 1;
  while (last >= 0 && (strong(rest[last]!) || (fragment(rest[last]!) && !listLike(rest[last]!.text)))) last--;
  const tail = rest.slice(last + 1);
  const junk = tail.some(strong);
  return [...rest.slice(0, last + 1), ...tail.filter((b, k) => !strong(b) && !(fragment(b) && !listLike(b.text) && (junk || tagRun(tail, k))))];
}

/** True when block `i` is in a run of 3+ one-to-three-word lines (tag words), not under a `…:` line. */
function tagRun(blocks: readonly Block[], i: number): boolean {
  const tagWord = (b: Block): boolean => words(b.text) <= 3 && fragment(b) && !listLike(b.text);
  let a = i;
  let z = i;
  while (a > 0 && tagWord(blocks[a - 1]!)) a--;
  while (z + 1 < blocks.length && tagWord(blocks[z + 1]!)) z++;
  const intro = a > 0 && /[:：]\s*$/.test(blocks[a - 1]!.text);
  return tagWord(blocks[i]!) && z - a >= 2 && !intro;
}

/**
 * Runs of three or more link-only lines are link lists, not text; a short line just
 * before such a run is its heading («طلا و جواهر», «آخر الأخبار») and goes with it. A lone
 * link-only line that is not a sentence is a teaser headline glued into the body.
 */
function innerRuns(kept: readonly Block[]): Block[] {
  const rest: Block[] = [];
  for (let i = 0; i < kept.length; ) {
    let j = i;
    while (j < kept.length && linkOnly(kept[j]!) && kept[j]!.text.length <= 160) j++;
    if (j - i >= 3) {
      const prev = rest[rest.length - 1];
      if (prev && words(prev.text) <= 6 && !/[.!؟?:]\s*$/.test(prev.text)) rest.pop();
      i = j;
      continue;
    }
    const b = kept[i]!;
    i++;
    if (linkOnly(b) && words(b.text) <= 20 && !sentenceEnd(b.text) && rest.length > 0 && i < kept.length) continue;
    rest.push(b);
  }
  return rest;
}
