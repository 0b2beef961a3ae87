/**
 * Keyword extraction alone, CPU time per article, before/after: this tree's `extractKeywords`
 * against a baseline git ref's, in the same process on the same articles, alternating round by
 * round (see index.ts for how the baseline tree is extracted).
 *
 * Each round tokenizes the articles and finds their entities afresh with the side's own modules
 * (untimed: a round's tokens carry no memo from an earlier round, as in an import where every
 * article is new), then times `extractKeywords(a, stats, { entities, tokens })` over all of
 * them — what src/pipeline/enrich.ts calls. The per-spelling memos of a module live across
 * rounds, as they do across the batches of an import. CPU time (process.cpuUsage), median round.
 * Run: `node --import tsx bench/enrich/keywords.ts [--ref main] [--articles 3000] [--rounds 7] [--corpus DIR]`
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alternate, baselineTree, benchOptions, shortRef } from './baseline.ts';
import { readSaudiNewsNet } from '../keywords/corpus.ts';
import * as Ours from '../../src/enrich/index.ts';

const values = benchOptions(7);
const CORPUS = values.corpus;
const N = values.articles;
const ROUNDS = values.rounds;

type Enrich = typeof Ours;

const dir = baselineTree(values.ref, 'kw');
try {
  const base = (await import(pathToFileURL(join(dir, 'src/enrich/index.ts')).href)) as Enrich;
  const articles = [...readSaudiNewsNet(CORPUS)].filter((a) => a.title || a.text).slice(0, N);
  const run = (m: Enrich): number => {
    const stats = m.shippedTermStats();
    const gaz = m.loadGazetteer();
    const prepared = articles.map((a) => {
      const tokens = m.docTokens(a.title ?? '', a.text ?? '');
      return { a, tokens, entities: m.analyzeEntities(a, gaz, tokens) };
    });
    const c0 = process.cpuUsage();
    for (const p of prepared) m.extractKeywords(p.a, stats, { entities: p.entities, tokens: p.tokens });
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / articles.length;
  };
  const { b, o, mb, mo } = alternate(run, base, Ours as Enrich, ROUNDS);
  const fmt = (x: number): string => x.toFixed(3);
  console.log(`articles: ${articles.length} (saudinewsnet, corpus order), rounds: ${ROUNDS}, baseline ${values.ref} = ${shortRef(values.ref)}`);
  console.log(`extractKeywords, baseline: ${fmt(mb)} ms CPU per article (rounds ${b.map(fmt).join(' ')})`);
  console.log(`extractKeywords, this tree: ${fmt(mo)} ms CPU per article (rounds ${o.map(fmt).join(' ')})`);
  console.log(`ratio this/baseline: ×${(mo / mb).toFixed(2)} (${mo - mb >= 0 ? '+' : ''}${fmt(mo - mb)} ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
