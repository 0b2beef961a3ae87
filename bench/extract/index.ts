/**
 * Body-text extraction compared on the HTML test pages (src/ingest/html/testdata/: ten real
 * pages and seven hostile ones): token-F1 of the body against the hand-written gold, per
 * page and mean, and milliseconds per page, for
 * - Marsad: extractHtml (prestrip → linkedom → Readability → Arabic boilerplate passes);
 * - Readability alone: @mozilla/readability 0.6 on linkedom, default options, raw page;
 * - defuddle (a maintained extractor, devDependency) on linkedom, from the HTML string.
 * Every output is turned into text the same way (blocks.ts: one paragraph per block), and
 * scored with the same tokenF1 (analyzer tokens, normalized). Times are the median of
 * `--runs N` runs per page (default 5) after one warm-up run, the three extractors
 * interleaved so that load on the shared machine hits them alike; the ratio is against
 * Readability alone in the same run. Nothing is fetched: each extractor gets the string.
 *
 * Run: `npm run bench:extract` (about a minute on 2 cores).
 */
import { loadavg } from 'node:os';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { extractHtml } from '../../src/ingest/html/index.ts';
import { collectBlocks } from '../../src/ingest/html/blocks.ts';
import { tokenF1 } from '../../src/ingest/html/eval.ts';
import { PAGES, goldText, pageSource } from '../../src/ingest/html/testdata/pages.ts';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const NOW = new Date('2024-01-01T00:00:00Z');

/** Text of an HTML fragment: one paragraph per block, as Marsad writes its own text. */
function fragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return collectBlocks(document.body as unknown as Node)
    .map((b) => b.text)
    .filter((t) => t !== '')
    .join('\n\n');
}

interface Extractor {
  name: string;
  run: (html: string) => Promise<string>;
}

const EXTRACTORS: Extractor[] = [
  { name: 'marsad', run: async (html) => Promise.resolve(extractHtml(html, 'bench', null, NOW).articles[0]?.text ?? '') },
  {
    name: 'readability',
    run: async (html) => {
      const { document } = parseHTML(html);
      const r = new Readability(document as unknown as Document).parse();
      return Promise.resolve(fragmentText(r?.content ?? ''));
    },
  },
  {
    name: 'defuddle',
    run: async (html) => {
      const { document } = parseHTML(html);
      // The two DOM APIs defuddle's own linkedom path (utils/linkedom-compat) fills in.
      const d = document as unknown as { styleSheets?: unknown[]; defaultView?: { getComputedStyle?: unknown } };
      d.styleSheets ??= [];
      if (d.defaultView) d.defaultView.getComputedStyle ??= () => ({ display: '' });
      const r = await Defuddle(document as unknown as Document, 'https://example.org/', { markdown: false });
      return fragmentText(r.content);
    },
  },
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Row {
  slug: string;
  f1: number[];
  ms: number[];
}

async function main(): Promise<void> {
  // defuddle logs what it removes; keep the table readable.
  const log = console.log;
  const quiet = (): void => {
    console.log = () => {};
    console.warn = () => {};
    console.debug = () => {};
  };
  const rows: Row[] = [];
  for (const page of PAGES) {
    const html = pageSource(page.slug);
    const gold = goldText(page.slug);
    const times: number[][] = EXTRACTORS.map(() => []);
    const f1: number[] = [];
    quiet();
    for (const [k, ex] of EXTRACTORS.entries()) f1[k] = tokenF1(await ex.run(html), gold); // also the warm-up
    for (let r = 0; r < RUNS; r++) {
      for (const [k, ex] of EXTRACTORS.entries()) {
        const t0 = performance.now();
        await ex.run(html);
        times[k]!.push(performance.now() - t0);
      }
    }
    console.log = log;
    rows.push({ slug: page.slug, f1, ms: times.map(median) });
    log(`${page.slug.padEnd(20)} ${f1.map((x) => x.toFixed(3).padStart(11)).join(' ')}   ${times.map((t) => median(t).toFixed(1).padStart(8)).join(' ')}`);
  }
  const mean = (k: number, f: (r: Row) => number[]): number => rows.reduce((s, r) => s + f(r)[k]!, 0) / rows.length;
  const names = EXTRACTORS.map((e) => e.name);
  log(`${'mean'.padEnd(20)} ${names.map((_, k) => mean(k, (r) => r.f1).toFixed(3).padStart(11)).join(' ')}   ${names.map((_, k) => mean(k, (r) => r.ms).toFixed(1).padStart(8)).join(' ')}`);
  const hostile = rows.filter((r) => r.slug.startsWith('hostile-'));
  const real = rows.filter((r) => !r.slug.startsWith('hostile-'));
  const meanOf = (rs: Row[], k: number): string => (rs.reduce((s, r) => s + r.f1[k]!, 0) / rs.length).toFixed(3);
  log(`${'mean, real pages'.padEnd(20)} ${names.map((_, k) => meanOf(real, k).padStart(11)).join(' ')}`);
  log(`${'mean, hostile pages'.padEnd(20)} ${names.map((_, k) => meanOf(hostile, k).padStart(11)).join(' ')}`);
  const ratio = (k: number): string => (median(rows.map((r) => r.ms[k]! / r.ms[1]!))).toFixed(2);
  log(`\nms per page is the median of ${RUNS} runs; median time ratio to Readability alone: ${names.map((n, k) => `${n} ${ratio(k)}`).join(', ')}`);
  log(`pages with F1 >= 0.95: ${names.map((n, k) => `${n} ${rows.filter((r) => r.f1[k]! >= 0.95).length}/${rows.length}`).join(', ')}`);
  log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

console.log(`${'page'.padEnd(20)} ${EXTRACTORS.map((e) => `F1 ${e.name}`.padStart(11)).join(' ')}   ${EXTRACTORS.map((e) => `ms ${e.name}`.padStart(8)).join(' ')}`);
await main();
