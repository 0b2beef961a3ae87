/**
 * Parse throughput: articles/s and MB/s for the whole saudinewsnet corpus (14 ZIP files,
 * 24,870 records) and the feed fixtures, each next to a baseline timed in the same run on
 * the same bytes, so the ratio says what our adapter costs over the bare parse:
 * - corpus: `JSON.parse` of the decompressed JSON (the least any JSON reader must do);
 * - feeds: feedsmith's `parseFeed` on the decoded text (the maintained parser alone).
 * Each figure is the median of 3 runs (`--runs N` to change), ours and the baseline
 * interleaved so that load on the machine hits both alike. MB are decompressed MiB.
 *
 * Run: `npm run bench:parse` (about half a minute on 2 cores). Nothing is fetched.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { parseDocument } from '../../src/ingest/index.ts';
import { expandArchive } from '../../src/ingest/archive.ts';
import { parseJson } from '../../src/ingest/json/index.ts';
import { decode } from '../../src/ingest/encoding.ts';
import type { InputDoc } from '../../src/ingest/types.ts';

const CORPUS = new URL('../../../shared/corpus/saudinewsnet/', import.meta.url);
const FEEDS = new URL('../../src/ingest/feeds/testdata/', import.meta.url);
/** Feed fixtures are a few KB each: each run parses every one this many times. */
const FEED_REPEAT = 200;
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

interface Workload {
  name: string;
  baselineName: string;
  /** Bytes the MB/s figures are computed over (decompressed). */
  bytes: number;
  /** Runs once, returns the number of Articles. */
  ours: () => Promise<number>;
  baseline: () => void;
}

interface Timing {
  ms: number;
  /** CPU time of this process (user + system): what load on a shared machine does not inflate. */
  cpu: number;
}

interface Row {
  w: Workload;
  articles: number;
  ours: Timing[];
  base: Timing[];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (n: number): number => n / 1024 / 1024;

async function time<T>(fn: () => T | Promise<T>): Promise<Timing & { value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000, value };
}

function corpusWorkloads(): Workload[] {
  const zips: InputDoc[] = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.zip'))
    .sort()
    .map((f) => ({ name: f, bytes: readFileSync(new URL(f, CORPUS)) }));
  const jsons = zips.flatMap((z) => expandArchive(z).docs);
  const bytes = jsons.reduce((s, d) => s + d.bytes.byteLength, 0);
  const jsonParse = () => {
    for (const d of jsons) JSON.parse(Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength).toString('utf8'));
  };
  const count = async (docs: InputDoc[], parse: (d: InputDoc) => Promise<{ articles: unknown[] }>) => {
    let n = 0;
    for (const d of docs) n += (await parse(d)).articles.length;
    return n;
  };
  return [
    {
      name: `saudinewsnet: ${zips.length} zip → Articles (parseDocument)`,
      baselineName: 'JSON.parse',
      bytes,
      ours: () => count(zips, (d) => parseDocument(d)),
      baseline: jsonParse,
    },
    {
      name: `saudinewsnet: ${jsons.length} JSON → Articles (parseJson)`,
      baselineName: 'JSON.parse',
      bytes,
      ours: () => count(jsons, async (d) => parseJson(d, {})),
      baseline: jsonParse,
    },
  ];
}

function feedWorkload(): Workload | null {
  if (!existsSync(FEEDS)) return null;
  const docs: InputDoc[] = readdirSync(FEEDS)
    .filter((f) => /\.(xml|json)$/.test(f) && !f.endsWith('.expected.json'))
    .sort()
    .map((f) => ({ name: f, bytes: readFileSync(new URL(f, FEEDS)) }));
  if (docs.length === 0) return null;
  const once = docs.reduce((s, d) => s + d.bytes.byteLength, 0);
  return {
    name: `feeds: ${docs.length} fixtures × ${FEED_REPEAT} (parseDocument)`,
    baselineName: 'decode + feedsmith',
    bytes: once * FEED_REPEAT,
    ours: async () => {
      let n = 0;
      for (let i = 0; i < FEED_REPEAT; i++) for (const d of docs) n += (await parseDocument(d)).articles.length;
      return n;
    },
    baseline: () => {
      for (let i = 0; i < FEED_REPEAT; i++) {
        for (const d of docs) {
          const text = decode(d.bytes).text.replace(/^\uFEFF/, '');
          feedsmithParse(text.trimStart().startsWith('{') ? JSON.parse(text) : text);
        }
      }
    },
  };
}

async function measure(w: Workload): Promise<Row> {
  const row: Row = { w, articles: 0, ours: [], base: [] };
  for (let i = 0; i < RUNS; i++) {
    const o = await time(w.ours);
    const b = await time(w.baseline);
    row.articles = o.value;
    row.ours.push(o);
    row.base.push(b);
    process.stderr.write(`  ${w.name}: run ${i + 1}/${RUNS}: ${o.ms.toFixed(0)} ms (cpu ${o.cpu.toFixed(0)}), baseline ${b.ms.toFixed(0)} ms (cpu ${b.cpu.toFixed(0)})\n`);
  }
  return row;
}

function printTable(rows: Row[]): void {
  const head = ['workload', 'MB', 'articles', 'ms', 'cpu ms', 'articles/s', 'MB/s', 'baseline', 'ms', 'cpu ms', 'MB/s', 'ratio', 'cpu ratio'];
  const body = rows.map(({ w, articles, ours, base }) => {
    const ms = median(ours.map((t) => t.ms));
    const cpu = median(ours.map((t) => t.cpu));
    const bms = median(base.map((t) => t.ms));
    const bcpu = median(base.map((t) => t.cpu));
    return [
      w.name,
      mib(w.bytes).toFixed(1),
      String(articles),
      ms.toFixed(0),
      cpu.toFixed(0),
      Math.round(articles / (ms / 1000)).toLocaleString('en-US'),
      (mib(w.bytes) / (ms / 1000)).toFixed(1),
      w.baselineName,
      bms.toFixed(0),
      bcpu.toFixed(0),
      (mib(w.bytes) / (bms / 1000)).toFixed(1),
      `${(ms / bms).toFixed(1)}×`,
      `${(cpu / bcpu).toFixed(1)}×`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  console.log(line(head));
  console.log(widths.map((n) => '-'.repeat(n)).join('-|-'));
  for (const r of body) console.log(line(r));
  console.log(`\nmedian of ${RUNS} runs; MB = MiB of decompressed input; rates from wall time; ratio = our time / baseline`);
  console.log('time on the same bytes in the same run (cpu ratio: the same from CPU time, steadier on a busy machine).');
  console.log(`node ${process.version}, ${new Date().toISOString()}, load average ${loadavg()[0]!.toFixed(1)}`);
}

const workloads = [...corpusWorkloads(), feedWorkload()].filter((w): w is Workload => w !== null);
const rows: Row[] = [];
for (const w of workloads) rows.push(await measure(w));
printTable(rows);
