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
 * Run: `node --import tsx bench/enrich/index.ts [--ref main] [--articles 3000] [--rounds 5] [--corpus DIR]`
 * (DIR holds saudinewsnet/*.zip; default ../shared/corpus next to the repository, which a
 * git worktree elsewhere does not have).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alternate, baselineTree, benchOptions, shortRef } from './baseline.ts';
import { readSaudiNewsNet } from '../keywords/corpus.ts';
import * as Ours from '../../src/enrich/index.ts';

const values = benchOptions(5);
const CORPUS = values.corpus;
const N = values.articles;
const ROUNDS = values.rounds;

type Enrich = typeof Ours;

const dir = baselineTree(values.ref, 'enrich');
try {
  const base = (await import(pathToFileURL(join(dir, 'src/enrich/index.ts')).href)) as Enrich;
  const ours: Enrich = Ours;
  const articles = [...readSaudiNewsNet(CORPUS)].filter((a) => (a.title || a.text)).slice(0, N);
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
  const { b, o, mb, mo } = alternate(run, base, ours, ROUNDS);
  const fmt = (x: number): string => x.toFixed(3);
  console.log(`articles: ${articles.length} (saudinewsnet, corpus order), rounds: ${ROUNDS}, baseline ${values.ref} = ${shortRef(values.ref)}`);
  console.log(`baseline: ${fmt(mb)} ms CPU per article (rounds ${b.map(fmt).join(' ')})`);
  console.log(`this tree: ${fmt(mo)} ms CPU per article (rounds ${o.map(fmt).join(' ')})`);
  console.log(`difference: ${mo - mb >= 0 ? '+' : ''}${fmt(mo - mb)} ms per article (budget +0.300): ${mo - mb <= 0.3 ? 'within' : 'OVER'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
