/**
 * Whole-page pass, before Readability: finds headed link blocks («مواضيع ذات علاقة»,
 * «اقرأ أيضاً», «الأكثر قراءة», «كلمات دلالية», …), takes their links, and removes them
 * from the DOM. Why before Readability: it drops most such blocks silently, so their links
 * would be lost, and the ones it keeps end up glued to the body. Contract: related blocks
 * become `readAlso` (title + absolute URL, deduplicated by URL); tag blocks become `tags`
 * but stay in place (they often sit inside the article container, and removing them
 * changes what Readability picks); other headed blocks (most read, latest news) are only
 * removed. Widgets are left to the body pass. A marker may head a block (a heading, then a
 * list) or open an inline line (`اقرأ أيضاً: <a>…</a>`).
 */
import type { ReadAlsoLink } from '../../model/article.ts';
import { absUrl } from './meta.ts';
import { fold, markerKind } from './markers.ts';

export interface RelatedFound {
  readAlso: ReadAlsoLink[];
  tags: string[];
}

const ws = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const MAX_HEADING = 60;

/** Letters in links / letters in all text, and the number of links, of an element. */
function linkStats(el: Element): { density: number; links: number; chars: number } {
  const all = ws(el.textContent).replace(/\s/g, '').length;
  let inLinks = 0;
  const anchors = el.matches('a[href]') ? [el] : Array.from(el.querySelectorAll('a[href]'));
  for (const a of anchors) inLinks += ws(a.textContent).replace(/\s/g, '').length;
  const imgLinks = anchors.filter((a) => a.querySelector('img')).length;
  return { density: all === 0 ? (imgLinks > 0 ? 1 : 0) : inLinks / all, links: anchors.length, chars: all };
}

/** Title of a related link, or null when it is a "more" link, an image-only link or junk. */
export function linkTitle(text: string, title: string | null): string | null {
  let t = ws(text) || ws(title);
  t = t.replace(/\s*(?:\.{2,}|…)\s*$/u, '').trim();
  if (t.length < 8 || t.split(' ').length < 2 || markerKind(t) !== null) return null;
  return t;
}

/** Adds links to `out`, one per URL (the longest title wins), skipping the page itself. */
export function addLinks(out: ReadAlsoLink[], links: { text: string; href: string | null; title: string | null }[], base: string | null): void {
  for (const l of links) {
    const url = absUrl(l.href, base);
    const title = linkTitle(l.text, l.title);
    if (!title || !url || (base && url.split('#')[0] === base.split('#')[0])) continue;
    const prev = out.find((x) => x.url === url);
    if (!prev) out.push({ title, url });
    else if (title.length > prev.title.length) prev.title = title;
  }
}

function anchorsOf(el: Element): { text: string; href: string | null; title: string | null }[] {
  return (el.matches('a[href]') ? [el] : Array.from(el.querySelectorAll('a[href]'))).map((a) => ({ text: ws(a.textContent), href: a.getAttribute('href'), title: a.getAttribute('title') }));
}

/**
 * Elements whose whole text is a marker heading (not inside a link). Found from short
 * text nodes, so the cost is linear in the page's text, not in its nesting.
 */
interface Heading {
  el: Element;
  /** The marker opens a line whose other content is its links (`اقرأ أيضاً: <a>…</a>`). */
  inline: boolean;
}

function headings(doc: Document): Heading[] {
  const out: Heading[] = [];
  const visit = (node: Node, depth: number): void => {
    if (depth > 300) return;
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 1) {
        if ((child as Element).tagName.toUpperCase() !== 'A') visit(child, depth + 1);
        continue;
      }
      if (child.nodeType !== 3) continue;
      const t = ws(child.nodeValue);
      if (t === '' || t.length > MAX_HEADING || markerKind(t) === null) continue;
      // The marker may sit in its own element (<b>اقرأ أيضاً:</b>) inside the line.
      let el = child.parentElement;
      if (el && ws(el.textContent) === t && el.parentElement && /^(B|STRONG|SPAN|EM|I|FONT)$/i.test(el.tagName)) {
        const line = el.parentElement;
        if (inlineLine(line, t)) el = line;
      }
      if (!el || out.some((h) => h.el === el)) continue;
      if (ws(el.textContent) === t) out.push({ el, inline: false });
      else if (inlineLine(el, t)) out.push({ el, inline: true });
    }
  };
  if (doc.body) visit(doc.body, 0);
  return out;
}

/**
 * Finds headed link blocks in `doc`, removes them, and returns what they held. `base` is
 * the page URL links are resolved against.
 */
export function extractRelated(doc: Document, base: string | null): RelatedFound {
  const found: RelatedFound = { readAlso: [], tags: [] };
  for (const { el, inline } of headings(doc)) {
    if (!el.isConnected) continue;
    const text = ws(el.textContent);
    const kind = markerKind(text);
    if (inline) {
      const links = anchorsOf(el);
      if (kind === 'related') addLinks(found.readAlso, links, base);
      if (kind === 'tags' && found.tags.length === 0) found.tags = tagTexts(links);
      if (kind !== 'tags') el.remove();
      continue;
    }
    if (kind === 'widget' || kind === null) continue;
    // Climb while the wrapper adds little text (a heading row with a «المزيد» link).
    let head: Element = el;
    while (head.parentElement && head.parentElement !== doc.body && ws(head.parentElement.textContent).length <= fold(text).length + 16) {
      head = head.parentElement;
    }
    // The links follow the heading as siblings (ads and empty wrappers are skipped).
    const taken: Element[] = [];
    for (let sib = head.nextElementSibling; sib; sib = sib.nextElementSibling) {
      const st = linkStats(sib);
      if (st.chars === 0 && st.links === 0) continue;
      if (st.links === 0 || st.density < 0.5 || st.links > 60 || headingsIn(sib)) break;
      taken.push(sib);
    }
    const links = taken.flatMap(anchorsOf);
    if (kind === 'related') addLinks(found.readAlso, links, base);
    if (kind === 'tags' && found.tags.length === 0 && links.length <= 30) {
      found.tags = tagTexts(links);
    }
    // Tag lines often sit inside the article container: removing them changes what
    // Readability picks, so they are only read here (the body pass drops them).
    if (kind === 'tags') continue;
    for (const t of taken) t.remove();
    head.remove();
  }
  return found;
}

function tagTexts(links: { text: string }[]): string[] {
  return [...new Set(links.map((l) => l.text).filter((t) => t !== '' && t.length <= 60))];
}

/** A line made of `marker` and links only (at most a few other characters). */
function inlineLine(line: Element, marker: string): boolean {
  const all = ws(line.textContent);
  const anchors = anchorsOf(line);
  if (anchors.length === 0 || anchors.length > 30 || !all.startsWith(marker)) return false;
  const linkText = anchors.reduce((n, a) => n + a.text.replace(/\s/g, '').length, 0);
  return all.replace(/\s/g, '').length - linkText - marker.replace(/\s/g, '').length <= 6;
}

/** True when an element contains another marker heading (the next block has begun). */
function headingsIn(el: Element): boolean {
  for (const h of Array.from(el.querySelectorAll('h1,h2,h3,h4,h5,h6,.title,[class*="title"]'))) {
    const t = ws(h.textContent);
    if (t.length <= MAX_HEADING && markerKind(t) !== null && markerKind(t) !== 'widget') return true;
  }
  return false;
}
