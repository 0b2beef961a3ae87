/**
 * An import worker's CPU per article, before/after: this tree's `prepareArticle`
 * (src/pipeline/prepare.ts: enrichment, the index analysis of title and text, the body's
 * fingerprint and the row hashes) against a baseline git ref's, in the same process on the
 * same articles, interleaved round by round (the baseline tree is made as in index.ts:
 * `git archive` of its src/ and data/ into a temporary folder, this tree's node_modules
 * linked in). CPU time (process.cpuUsage) per article, median of rounds; the two sides'
 * outputs are also compared (JSON of every prepared article), so a faster side that answers
 * differently is reported as such.
 * Run: `node --import tsx bench/enrich/prepare.ts [--ref main] [--articles 3000] [--rounds 5] [--corpus DIR]`
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alternate, baselineTree, benchOptions, shortRef } from './baseline.ts';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { unzipSync } from 'fflate';
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
  const articles = await readArticles(CORPUS, N);
  const run = (m: Prepare): number => {
    const c0 = process.cpuUsage();
    for (const a of articles) m.prepareArticle(a);
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / articles.length;
  };
  let differ = 0;
  for (const a of articles) if (JSON.stringify(base.prepareArticle(a), typed) !== JSON.stringify(ours.prepareArticle(a), typed)) differ++;
  const { b, o, mb, mo } = alternate(run, base, ours, ROUNDS);
  const fmt = (x: number): string => x.toFixed(3);
  console.log(`articles: ${articles.length} (saudinewsnet, corpus order), rounds: ${ROUNDS}, baseline ${values.ref} = ${shortRef(values.ref)}`);
  console.log(`outputs: ${differ === 0 ? 'identical' : `${differ} articles DIFFER`} (JSON of each prepared article)`);
  console.log(`baseline: ${fmt(mb)} ms CPU per article (rounds ${b.map(fmt).join(' ')})`);
  console.log(`this tree: ${fmt(mo)} ms CPU per article (rounds ${o.map(fmt).join(' ')})`);
  console.log(`ratio: ×${(mo / mb).toFixed(3)} (${fmt(mo - mb)} ms per article)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
