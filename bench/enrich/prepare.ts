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
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readdirSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { parseDocument } from '../../src/ingest/index.ts';
import type { Article } from '../../src/model/article.ts';
import { SAUDINEWSNET } from '../keywords/corpus.ts';
import * as Ours from '../../src/pipeline/prepare.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values } = parseArgs({ options: { ref: { type: 'string', default: 'main' }, articles: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '5' }, corpus: { type: 'string' } } });
const CORPUS = values.corpus ? pathToFileURL(join(resolve(values.corpus), 'saudinewsnet') + '/') : SAUDINEWSNET;
const N = Number(values.articles);
const ROUNDS = Number(values.rounds);

type Prepare = typeof Ours;

function baselineTree(ref: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-prepare-base-'));
  execSync(`git archive ${ref} src data package.json | tar -x -C ${dir}`, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'REF'), execSync(`git rev-parse ${ref}`, { cwd: ROOT }).toString());
  return dir;
}

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

const dir = baselineTree(values.ref!);
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
  // Warm-up: load the tables, fill the caches, let the JIT settle.
  run(base);
  run(ours);
  const b: number[] = [];
  const o: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    b.push(run(base));
    o.push(run(ours));
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const mb = median(b);
  const mo = median(o);
  const fmt = (x: number): string => x.toFixed(3);
  console.log(`articles: ${articles.length} (saudinewsnet, corpus order), rounds: ${ROUNDS}, baseline ${values.ref} = ${execSync(`git rev-parse --short ${values.ref}`, { cwd: ROOT }).toString().trim()}`);
  console.log(`outputs: ${differ === 0 ? 'identical' : `${differ} articles DIFFER`} (JSON of each prepared article)`);
  console.log(`baseline: ${fmt(mb)} ms CPU per article (rounds ${b.map(fmt).join(' ')})`);
  console.log(`this tree: ${fmt(mo)} ms CPU per article (rounds ${o.map(fmt).join(' ')})`);
  console.log(`ratio: ×${(mo / mb).toFixed(3)} (${fmt(mo - mb)} ms per article)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
