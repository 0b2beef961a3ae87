/**
 * Enrichment time per article, before/after: this tree's src/enrich (entities, people,
 * organisations, keywords — what the pipeline's enrichArticle runs) against a baseline
 * tree's, measured in the same process on the same articles, interleaved round by round.
 *
 * The baseline is a git ref (default `main`): its `src/` and `data/` are extracted with
 * `git archive` into a temporary folder (with this tree's node_modules linked in) and its
 * enrich module imported from there, so both run under the same Node, the same load and the
 * same JIT warm-up. CPU time (process.cpuUsage) is what counts: the machine is shared, wall
 * time depends on the others' load.
 * Output: CPU ms per article for each side (median of rounds), the difference, and the
 * issue-14 budget (at most +0.3 ms per article).
 * Run: `node --import tsx bench/enrich/index.ts [--ref main] [--articles 3000] [--rounds 5] [--corpus ../shared/corpus]`
 * (`--corpus`: the shared corpus folder when it is not beside the repository, e.g. from a worktree).
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readSaudiNewsNet } from '../keywords/corpus.ts';
import * as Ours from '../../src/enrich/index.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values } = parseArgs({ options: { ref: { type: 'string', default: 'main' }, articles: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '5' }, corpus: { type: 'string' } } });
const N = Number(values.articles);
const ROUNDS = Number(values.rounds);

type Enrich = typeof Ours;

function baselineTree(ref: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-enrich-base-'));
  execSync(`git archive ${ref} src data package.json | tar -x -C ${dir}`, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'REF'), execSync(`git rev-parse ${ref}`, { cwd: ROOT }).toString());
  return dir;
}

const dir = baselineTree(values.ref!);
try {
  const base = (await import(pathToFileURL(join(dir, 'src/enrich/index.ts')).href)) as Enrich;
  const ours: Enrich = Ours;
  const articles = [...readSaudiNewsNet(values.corpus ? pathToFileURL(`${resolve(values.corpus)}/saudinewsnet/`) : undefined)].filter((a) => (a.title || a.text)).slice(0, N);
  const run = (m: Enrich): number => {
    const stats = m.shippedTermStats();
    const gaz = m.loadGazetteer();
    const c0 = process.cpuUsage();
    for (const a of articles) {
      // What src/pipeline/enrich.ts does per article.
      const tokens = m.docTokens(a.title ?? '', a.text ?? '');
      const infos = m.analyzeEntities(a, gaz, tokens);
      m.extractKeywords(a, stats, { entities: infos, tokens });
    }
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / articles.length;
  };
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
  console.log(`best rounds (least disturbed by other load): baseline ${Math.min(...b).toFixed(3)}, this tree ${Math.min(...o).toFixed(3)} ms CPU per article`);
  const mb = median(b);
  const mo = median(o);
  const fmt = (x: number): string => x.toFixed(3);
  console.log(`articles: ${articles.length} (saudinewsnet, corpus order), rounds: ${ROUNDS}, baseline ${values.ref} = ${execSync(`git rev-parse --short ${values.ref}`, { cwd: ROOT }).toString().trim()}`);
  console.log(`baseline: ${fmt(mb)} ms CPU per article (rounds ${b.map(fmt).join(' ')})`);
  console.log(`this tree: ${fmt(mo)} ms CPU per article (rounds ${o.map(fmt).join(' ')})`);
  console.log(`difference: ${mo - mb >= 0 ? '+' : ''}${fmt(mo - mb)} ms per article (budget +0.300): ${mo - mb <= 0.3 ? 'within' : 'OVER'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
