/**
 * Prints the HTML extractor's scores on the test pages in src/ingest/html/testdata/:
 * body token-F1 against the hand-written gold of each page, date accuracy on the eight
 * Media Cloud pages (as written and in UTC) with the language found for each, and the
 * Assabah must / must-not phrases. The same figures the tests in src/ingest/html/ assert
 * (bench/extract compares the extractor with Readability alone and with defuddle).
 * Run: `npx tsx bench/parse/html-eval.ts`.
 */
import { evaluateHtml } from '../../src/ingest/html/eval.ts';

const t0 = performance.now();
const r = evaluateHtml();
const ms = performance.now() - t0;

console.log('page                 body F1');
for (const p of r.pages) console.log(`${p.slug.padEnd(20)} ${p.f1.toFixed(3)}`);
console.log(`mean                 ${(r.pages.reduce((s, p) => s + p.f1, 0) / r.pages.length).toFixed(3)}`);
console.log('\npage                 gold        as-written  utc         lang');
for (const d of r.dates) {
  console.log(`${d.slug.padEnd(20)} ${d.gold}  ${(d.local ?? '-').padEnd(10)}  ${(d.utc ?? '-').padEnd(10)}  ${d.lang ?? '-'}`);
}
console.log(`date accuracy (date as written on the page): ${r.dateHits}/${r.dates.length}`);
console.log(`date accuracy (UTC date of publishedAt):     ${r.utcDateHits}/${r.dates.length}`);
const ok = (m: Record<string, boolean>): string => Object.entries(m).map(([p, v]) => `${v ? 'ok' : 'FAIL'} «${p}»`).join(', ');
console.log(`Assabah must contain:     ${ok(r.assabah.with)}`);
console.log(`Assabah must not contain: ${ok(r.assabah.without)}`);
console.log(`(${r.pages.length} pages extracted in ${ms.toFixed(0)} ms)`);
