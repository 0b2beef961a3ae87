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
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readSaudiNewsNet, SAUDINEWSNET } from '../keywords/corpus.ts';
import * as Ours from '../../src/enrich/index.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values } = parseArgs({ options: { ref: { type: 'string', default: 'main' }, articles: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '7' }, corpus: { type: 'string' } } });
const CORPUS = values.corpus ? pathToFileURL(join(resolve(values.corpus), 'saudinewsnet') + '/') : SAUDINEWSNET;
const N = Number(values.articles);
const ROUNDS = Number(values.rounds);

type Enrich = typeof Ours;

const dir = mkdtempSync(join(tmpdir(), 'marsad-kw-base-'));
try {
  execSync(`git archive ${values.ref} src data package.json | tar -x -C ${dir}`, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
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
  run(base);
  run(Ours);
  const b: number[] = [];
  const o: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    b.push(run(base));
    o.push(run(Ours));
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const fmt = (x: number): string => x.toFixed(3);
  const mb = median(b);
  const mo = median(o);
  console.log(`articles: ${articles.length} (saudinewsnet, corpus order), rounds: ${ROUNDS}, baseline ${values.ref} = ${execSync(`git rev-parse --short ${values.ref}`, { cwd: ROOT }).toString().trim()}`);
  console.log(`extractKeywords, baseline: ${fmt(mb)} ms CPU per article (rounds ${b.map(fmt).join(' ')})`);
  console.log(`extractKeywords, this tree: ${fmt(mo)} ms CPU per article (rounds ${o.map(fmt).join(' ')})`);
  console.log(`ratio this/baseline: ×${(mo / mb).toFixed(2)} (${mo - mb >= 0 ? '+' : ''}${fmt(mo - mb)} ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
