/**
 * Prints the HTML extractor's scores against the gold in ../shared/corpus/html/: date
 * accuracy on the eight Media Cloud pages (as written and in UTC), the language found for
 * each, CNN Arabic body-text token F1, and the Assabah must / must-not phrases. The same
 * figures the tests in src/ingest/html/ assert. Run: `npx tsx bench/parse/html-eval.ts`.
 */
import { fileURLToPath } from 'node:url';
import { evaluateHtml } from '../../src/ingest/html/eval.ts';

const root = fileURLToPath(new URL('../../../shared/corpus/html/', import.meta.url));
const t0 = performance.now();
const r = evaluateHtml(root);
const ms = performance.now() - t0;

console.log('file              gold        as-written  utc         lang');
for (const d of r.dates) {
  console.log(`${d.file.padEnd(17)} ${d.gold}  ${(d.local ?? '-').padEnd(10)}  ${(d.utc ?? '-').padEnd(10)}  ${d.lang ?? '-'}`);
}
console.log(`date accuracy (date as written on the page): ${r.dateHits}/${r.dates.length}`);
console.log(`date accuracy (UTC date of publishedAt):     ${r.utcDateHits}/${r.dates.length}`);
console.log(`CNN Arabic body text token F1:               ${r.cnnF1.toFixed(4)}`);
const ok = (m: Record<string, boolean>): string => Object.entries(m).map(([p, v]) => `${v ? 'ok' : 'FAIL'} «${p}»`).join(', ');
console.log(`Assabah must contain:     ${ok(r.assabah.with)}`);
console.log(`Assabah must not contain: ${ok(r.assabah.without)}`);
console.log(`(10 pages extracted in ${ms.toFixed(0)} ms)`);
