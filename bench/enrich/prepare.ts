/**
 * An import worker's CPU per article, before/after: this tree's `prepareArticle`
 * (src/pipeline/prepare.ts: enrichment, the index analysis of title and text, the body's
 * fingerprint and the row hashes) against a baseline git ref's, in the same process on the
 * same articles, interleaved round by round (the baseline tree is made as in index.ts:
 * `git archive` of its src/ and data/ into a temporary folder, this tree's node_modules
 * linked in). CPU time (process.cpuUsage) per article, median of rounds; the two sides'
 * outputs are also compared (JSON of every prepared article), so a faster side that answers
 * differently is reported as such. Then the next N articles once each (chunks of 100, both sides
 * back to back, alternating which goes first), as an import meets them. Also timed: the clone a prepared batch crosses to the writer
 * in (v8 serialize + deserialize, as piscina's postMessage) and `reattach`, with its bytes.
 * Run: `node --import tsx bench/enrich/prepare.ts [--ref main] [--articles 3000] [--rounds 5] [--corpus DIR]`
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alternate, baselineTree, benchOptions, shortRef } from './baseline.ts';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { deserialize, serialize } from 'node:v8';
import { parseDocument } from '../../src/ingest/index.ts';
import type { Article } from '../../src/model/article.ts';
import * as Ours from '../../src/pipeline/prepare.ts';

const values = benchOptions(5);
const CORPUS = values.corpus;
const N = values.articles;
const ROUNDS = values.rounds;

type Prepare = typeof Ours;

/** The first `n` articles of the corpus days in order, as the import parses them. */
async function readArticles(dir: URL, n: number): Promise<Article[]> {
  const out: Article[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.zip')).sort()) {
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(new URL(f, dir))))) {
      out.push(...(await parseDocument({ name, bytes })).articles);
      if (out.length >= n) return out.slice(0, n);
    }
  }
  return out;
}

const typed = (_k: string, v: unknown): unknown => (v instanceof Uint8Array || v instanceof Uint32Array ? Array.from(v) : v);

const dir = baselineTree(values.ref, 'prepare');
try {
  const base = (await import(pathToFileURL(join(dir, 'src/pipeline/prepare.ts')).href)) as Prepare;
  const ours: Prepare = Ours;
  const read = await readArticles(CORPUS, 2 * N);
  const articles = read.slice(0, N);
  // The next N articles, each prepared once per side (an import meets each article once, so
  // the per-spelling memos help less than on the rounds' repeated articles): chunks of 100,
  // each timed on both sides back to back, the side going first alternating by chunk.
  const fresh = read.slice(N);
  const run = (m: Prepare): number => {
    const c0 = process.cpuUsage();
    for (const a of articles) m.prepareArticle(a);
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / articles.length;
  };
  // A prepared article as the writer sees it: the analysis with its title and text (a tree may
  // send them once, in the article, and put them back in `reattach`).
  const view = (p: ReturnType<Prepare['prepareArticle']>): string =>
    JSON.stringify({ ...p, analysis: { title: p.article.title, text: p.article.text, ...p.analysis } }, typed);
  let differ = 0;
  for (const a of articles) if (view(base.prepareArticle(a)) !== view(ours.prepareArticle(a))) differ++;
  // What crossing to the writer costs: each side's prepared batches of 200 (an import's batch)
  // cloned as piscina's postMessage clones them (v8 serialize + deserialize), then reattached.
  const batches = (m: Prepare) => {
    const out: Array<ReturnType<Prepare['prepareArticle']>[]> = [];
    for (let i = 0; i < articles.length; i += 200) out.push(articles.slice(i, i + 200).map(m.prepareArticle));
    return out;
  };
  const prepared = new Map<Prepare, ReturnType<typeof batches>>([[base, batches(base)], [ours, batches(ours)]]);
  const bytes = new Map<Prepare, number>();
  const clone = (m: Prepare): number => {
    let n = 0;
    const c0 = process.cpuUsage();
    for (const batch of prepared.get(m)!) {
      const wire = serialize(batch);
      n += wire.length;
      for (const p of deserialize(wire) as typeof batch) m.reattach(p);
    }
    const c = process.cpuUsage(c0);
    bytes.set(m, n / articles.length);
    return (c.user + c.system) / 1000 / articles.length;
  };
  const cl = alternate(clone, base, ours, ROUNDS);
  const { b, o, mb, mo } = alternate(run, base, ours, ROUNDS);
  const once = { base: 0, ours: 0 };
  for (let i = 0; i < fresh.length; i += 100) {
    const chunk = fresh.slice(i, i + 100);
    for (const side of i % 200 === 0 ? (['base', 'ours'] as const) : (['ours', 'base'] as const)) {
      const m = side === 'base' ? base : ours;
      const c0 = process.cpuUsage();
      for (const a of chunk) m.prepareArticle(a);
      const c = process.cpuUsage(c0);
      once[side] += c.user + c.system;
    }
  }
  const fmt = (x: number): string => x.toFixed(3);
  console.log(`articles: ${articles.length} (saudinewsnet, corpus order), rounds: ${ROUNDS}, baseline ${values.ref} = ${shortRef(values.ref)}`);
  console.log(`outputs: ${differ === 0 ? 'identical' : `${differ} articles DIFFER`} (JSON of each prepared article)`);
  console.log(`baseline: ${fmt(mb)} ms CPU per article (rounds ${b.map(fmt).join(' ')})`);
  console.log(`this tree: ${fmt(mo)} ms CPU per article (rounds ${o.map(fmt).join(' ')})`);
  console.log(`ratio: ×${(mo / mb).toFixed(3)} (${fmt(mo - mb)} ms per article)`);
  if (fresh.length) console.log(`the next ${fresh.length} articles once each: baseline ${fmt(once.base / 1000 / fresh.length)} ms, this tree ${fmt(once.ours / 1000 / fresh.length)} ms per article (×${(once.ours / once.base).toFixed(3)})`);
  const kb = (m: Prepare): string => (bytes.get(m)! / 1024).toFixed(1);
  console.log(`clone + reattach (batches of 200): baseline ${fmt(cl.mb)} ms, ${kb(base)} KiB per article; this tree ${fmt(cl.mo)} ms, ${kb(ours)} KiB (rounds ${cl.b.map(fmt).join(' ')} / ${cl.o.map(fmt).join(' ')})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
