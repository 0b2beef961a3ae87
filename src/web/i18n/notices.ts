/**
 * The search's notices in the UI language. The search layer (src/search/query.ts, the
 * stores' search) explains a relaxed or empty query in fixed English sentences, joined by
 * spaces, the same in the API; the search page shows each known sentence from the catalog
 * and any other text as it came (`dir="auto"`). `notices.test.ts` drives the real search to
 * produce each sentence, so a reworded one is caught.
 */
import { html, type SafeHtml } from '../html.ts';
import type { MessageKey, Ui } from './index.ts';

const SENTENCES: Array<[RegExp, MessageKey, (m: RegExpExecArray) => Record<string, string | number>]> = [
  [/^Type a word to search for\./, 'notice.empty', () => ({})],
  [/^A quotation mark was not closed: the phrase runs to the end of the query\./, 'notice.unclosed', () => ({})],
  [/^Only the first (\d+) words were used\./, 'notice.tooMany', (m) => ({ n: Number(m[1]) })],
  [/^The query only excludes words: add a word to look for\./, 'notice.onlyExcluded', () => ({})],
  [/^The query has only common words or punctuation, which are not indexed: add a more specific word\./, 'notice.stopwords', () => ({})],
  [/^No article holds every word; these hold some of them\./, 'notice.relaxed', () => ({})],
  [/^Not a date: (\w+)=(.*?) \(use YYYY-MM-DD\)\./, 'notice.badDate', (m) => ({ param: m[1]!, value: m[2]! })],
];

/** The notice as the UI shows it: known sentences translated, the rest kept. */
export function searchNotice(u: Ui, notice: string): SafeHtml {
  const out: SafeHtml[] = [];
  let rest = notice.trim();
  while (rest) {
    const hit = SENTENCES.map(([re, key, values]) => [re.exec(rest), key, values] as const).find(([m]) => m);
    if (!hit) {
      out.push(html`<span dir="auto">${rest}</span>`);
      break;
    }
    const [m, key, values] = hit;
    out.push(html`<span>${u.t(key, values(m!))}</span>`);
    rest = rest.slice(m![0].length).trim();
  }
  return html`${out.map((s, i) => html`${i ? ' ' : ''}${s}`)}`;
}
