/**
 * Pre-DOM reduction of an HTML page: removes scripts, styles, comments and other non-text
 * elements with one linear scan (indexOf, no backtracking regex), keeping JSON-LD blocks.
 * Why: saved pages are mostly script and style, and a hostile 50 MB page must not reach
 * the DOM parser or Readability. Contract: `prestrip` never throws and runs in time linear
 * in the input; the caller refuses the page when the result is still above its limit.
 */

/** Elements whose whole content is dropped (JSON-LD scripts are kept: they carry dates). */
const DROP = ['script', 'style', 'noscript', 'svg', 'template', 'iframe', 'object', 'canvas', 'math'];
/** A JSON-LD block larger than this is dropped rather than kept. */
const MAX_JSONLD = 256 * 1024;

/** Finds the end of `</name …>` from `from`, case-insensitively; -1 when unclosed. */
function findClose(lower: string, name: string, from: number): number {
  const needle = `</${name}`;
  let i = lower.indexOf(needle, from);
  while (i !== -1) {
    const c = lower.charCodeAt(i + needle.length);
    // `</scriptx` is not a close tag; `</script >` and `</script>` are.
    if (c === 62 /* > */ || c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
      const end = lower.indexOf('>', i);
      return end === -1 ? lower.length : end + 1;
    }
    i = lower.indexOf(needle, i + 1);
  }
  return -1;
}

/** The tag name starting at `lower[i]` (just after `<`), or '' when not a letter. */
function tagNameAt(lower: string, i: number): string {
  let j = i;
  while (j < lower.length && j - i < 16) {
    const c = lower.charCodeAt(j);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57 && j > i)) j++;
    else break;
  }
  return lower.slice(i, j);
}

/** Removes non-text elements and comments; keeps `<script type="application/ld+json">`. */
export function prestrip(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let last = 0;
  let i = lower.indexOf('<');
  while (i !== -1 && i < lower.length) {
    if (lower.startsWith('<!--', i)) {
      const end = lower.indexOf('-->', i + 4);
      out.push(html.slice(last, i));
      last = i = end === -1 ? lower.length : end + 3;
      i = lower.indexOf('<', i);
      continue;
    }
    const name = tagNameAt(lower, i + 1);
    if (name !== '' && DROP.includes(name)) {
      const openEnd = lower.indexOf('>', i);
      if (openEnd === -1) break;
      const close = findClose(lower, name, openEnd + 1);
      const end = close === -1 ? lower.length : close;
      const open = lower.slice(i, openEnd + 1);
      const keep = name === 'script' && open.includes('ld+json') && end - i <= MAX_JSONLD;
      out.push(html.slice(last, i));
      if (keep) out.push(html.slice(i, end));
      last = i = end;
      i = lower.indexOf('<', i);
      continue;
    }
    i = lower.indexOf('<', i + 1);
  }
  out.push(html.slice(last));
  return out.join('');
}
