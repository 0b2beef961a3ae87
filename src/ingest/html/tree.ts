/**
 * One repair of linkedom's tree that HTML5 parsing would make: content that appears
 * before `<body>` (a stray `<article>`, text, a `<div>` after the last `<meta>`) opens the
 * body in a browser, but linkedom (htmlparser2 underneath, no HTML5 tree construction)
 * leaves it inside `<head>`. Readability then walks up from a candidate inside `<head>`
 * looking for BODY, reaches the document and throws (found by fuzzing, issue 13).
 *
 * Contract: moves the first child of `<head>` that cannot be in a head, and everything
 * after it, to the start of `<body>`, in order; a head of head elements is left as is.
 * Children of `<html>` other than head and body (content after `</body>`, or under a
 * misspelt tag such as `<bodhref="/">`, found by bench/fuzz seed 7) move into `<body>`
 * too, those before it to its start and those after it to its end, in order.
 */
const HEAD_ONLY = new Set(['META', 'TITLE', 'LINK', 'SCRIPT', 'STYLE', 'BASE', 'NOSCRIPT', 'TEMPLATE']);

export function hoistBodyContent(doc: Document): void {
  const head = doc.head;
  const body = doc.body;
  if (!head || !body) return;
  adoptStrays(doc.documentElement, head, body);
  const kids = Array.from(head.childNodes);
  const at = kids.findIndex((n) => (n.nodeType === 1 ? !HEAD_ONLY.has((n as Element).tagName) : n.nodeType === 3 && (n.textContent ?? '').trim() !== ''));
  if (at < 0) return;
  const first = body.firstChild;
  for (const n of kids.slice(at)) body.insertBefore(n, first);
}

function adoptStrays(root: Element, head: Element, body: Element): void {
  const kids = Array.from(root.childNodes);
  const at = kids.indexOf(body as unknown as ChildNode);
  if (at < 0) return;
  const stray = (n: ChildNode): boolean => n !== head && n !== body && (n.nodeType === 1 || (n.nodeType === 3 && (n.textContent ?? '').trim() !== ''));
  const first = body.firstChild;
  for (const n of kids.slice(0, at).filter(stray)) body.insertBefore(n, first);
  for (const n of kids.slice(at + 1).filter(stray)) body.appendChild(n);
}
