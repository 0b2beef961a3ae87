/**
 * `toOpml(sources, title?)`: Sources as an OPML 2.0 document, one nested outline per
 * level of their category (`مصر / سياسة` → two levels), categories in first-seen order.
 *
 * Why hand-written: the output is small and must round-trip through `parseOpml`
 * exactly; writing it here keeps escaping and nesting under our own test. Contract: a
 * pure function; every attribute XML-escaped; a Source without a category sits at the top.
 */
import type { Source } from '../types.ts';

interface Node {
  children: Map<string, Node>;
  sources: Source[];
}

const attr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

function outline(s: Source): string {
  const title = s.title ?? s.url;
  const parts = [`text="${attr(title)}"`, `title="${attr(title)}"`, 'type="rss"', `xmlUrl="${attr(s.url)}"`];
  if (s.siteUrl) parts.push(`htmlUrl="${attr(s.siteUrl)}"`);
  return `<outline ${parts.join(' ')}/>`;
}

function render(node: Node, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  for (const s of node.sources) lines.push(pad + outline(s));
  for (const [name, child] of node.children) {
    lines.push(`${pad}<outline text="${attr(name)}" title="${attr(name)}">`);
    render(child, depth + 1, lines);
    lines.push(`${pad}</outline>`);
  }
}

/** Writes Sources as OPML 2.0, grouped by category. */
export function toOpml(sources: readonly Source[], title = 'Marsad sources'): string {
  const root: Node = { children: new Map(), sources: [] };
  for (const s of sources) {
    let node = root;
    for (const level of (s.category ?? '').split(' / ').map((x) => x.trim()).filter(Boolean)) {
      let next = node.children.get(level);
      if (!next) node.children.set(level, (next = { children: new Map(), sources: [] }));
      node = next;
    }
    node.sources.push(s);
  }
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<opml version="2.0">', '<head>', `  <title>${attr(title)}</title>`, '</head>', '<body>'];
  render(root, 1, lines);
  lines.push('</body>', '</opml>', '');
  return lines.join('\n');
}
