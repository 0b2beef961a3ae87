/**
 * Search snippets arrive as plain text plus [start, end) highlight ranges (see
 * store/types.ts); here they become escaped HTML with <mark> around the matched words.
 */
import { escapeHtml, raw, type SafeHtml } from './html.ts';

export function snippetHtml(snippet: string, highlights: ReadonlyArray<readonly [number, number]> = []): SafeHtml {
  let out = '';
  let at = 0;
  for (const [s, e] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (s < at || e <= s || e > snippet.length) continue;
    out += escapeHtml(snippet.slice(at, s)) + '<mark>' + escapeHtml(snippet.slice(s, e)) + '</mark>';
    at = e;
  }
  return raw(out + escapeHtml(snippet.slice(at)));
}
