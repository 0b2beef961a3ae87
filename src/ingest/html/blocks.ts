/**
 * Turns an article DOM into a flat list of text blocks (paragraphs), each with the links
 * it holds. Why: boilerplate rules (a «اقرأ أيضاً» line with its links, a date line, a
 * caption under a picture) are decided per paragraph, and the output text is paragraphs
 * separated by one blank line. Contract: block elements and <br> end a paragraph; inline
 * whitespace collapses to one space; empty paragraphs are not returned.
 */

export interface BlockLink {
  text: string;
  href: string | null;
  title: string | null;
}

export interface Block {
  text: string;
  /** Characters of `text` inside links. */
  linkChars: number;
  links: BlockLink[];
  /** An image with no text (a picture's own paragraph). */
  image: boolean;
  /** The element that opened the block (the <img> for an image block). */
  el: Element | null;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL', 'CENTER',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'OPTION', 'IFRAME']);

class Builder {
  blocks: Block[] = [];
  private parts: string[] = [];
  private linkChars = 0;
  private links: BlockLink[] = [];
  private image = false;
  private el: Element | null = null;
  private imgEl: Element | null = null;

  text(t: string, inLink: boolean): void {
    this.parts.push(t);
    if (inLink) this.linkChars += t.replace(/\s+/g, '').length;
  }

  start(el: Element): void {
    this.el ??= el;
  }

  link(l: BlockLink): void {
    this.links.push(l);
  }

  img(el: Element): void {
    this.image = true;
    this.imgEl ??= el;
  }

  flush(): void {
    const text = this.parts.join('').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
    if (text !== '') {
      this.blocks.push({ text, linkChars: this.linkChars, links: this.links, image: false, el: this.el });
    } else if (this.image) {
      this.blocks.push({ text: '', linkChars: 0, links: [], image: true, el: this.imgEl });
    }
    this.parts = [];
    this.linkChars = 0;
    this.links = [];
    this.image = false;
    this.el = null;
    this.imgEl = null;
  }
}

function walk(node: Node, b: Builder, inLink: boolean, depth: number): void {
  if (depth > 200) return;
  if (node.nodeType === 3) {
    b.text(node.nodeValue ?? '', inLink);
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  if (SKIP.has(tag)) return;
  if (tag === 'BR') return b.flush();
  if (tag === 'IMG' || tag === 'PICTURE' || tag === 'VIDEO') return b.img(el);
  const block = BLOCK.has(tag);
  if (block) b.flush();
  b.start(el);
  const isLink = tag === 'A';
  if (isLink) {
    b.link({
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: el.getAttribute('href'),
      title: el.getAttribute('title'),
    });
  }
  for (const child of Array.from(el.childNodes)) walk(child, b, inLink || isLink, depth + 1);
  if (block) b.flush();
}

/** The paragraphs of `root`, in document order. */
export function collectBlocks(root: Node): Block[] {
  const b = new Builder();
  walk(root, b, false, 0);
  b.flush();
  return b.blocks;
}

/** Share of a block's letters that sit inside links (0 for an empty block). */
export function linkDensity(b: Block): number {
  const n = b.text.replace(/\s+/g, '').length;
  return n === 0 ? 0 : b.linkChars / n;
}

/** True when `cap` sits beside picture `img` (same container, or a <figure>/<figcaption>). */
export function besideImage(img: Element | null, cap: Element | null): boolean {
  if (!img || !cap) return false;
  if (cap.closest('figcaption, figure')) return true;
  const box = cap.parentElement;
  return box !== null && (img.parentElement === box || img.parentElement?.parentElement === box);
}
