/**
 * One repair of linkedom's tree that HTML5 parsing would make: content that appears
 * before `<body>` (a stray `<article>`, text, a `<div>` after the last `<meta>`) opens the
 * body in a browser, but linkedom (htmlparser2 underneath, no HTML5 tree construction)
 * leaves it inside `<head>`. Readability then walks up from a candidate inside `<head>`
 * looking for BODY, reaches the document and throws (found by fuzzing, issue 13).
 *
 * Contract: moves the first child of `<head>` that cannot be in a head, and everything
 * after it, to the start of `<body>`, in order; a head of head elements is left as is.
 */
const HEAD_ONLY = new Set(['META', 'TITLE', 'LINK', 'SCRIPT', 'STYLE', 'BASE', 'NOSCRIPT', 'TEMPLATE']);

export function hoistBodyContent(doc: Document): void {
  const head = doc.head;
  const body = doc.body;
  if (!head || !body) return;
  const kids = Array.from(head.childNodes);
  const at = kids.findIndex((n) => (n.nodeType === 1 ? !HEAD_ONLY.has((n as Element).tagName) : n.nodeType === 3 && (n.textContent ?? '').trim() !== ''));
  if (at < 0) return;
  const first = body.firstChild;
  for (const n of kids.slice(at)) body.insertBefore(n, first);
}
