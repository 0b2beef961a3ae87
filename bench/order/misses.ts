/**
 * Why the stable grouping misses or wrongly joins a hand pair: for every hand pair whose
 * story decision is wrong, its features (title / lede cosine, entity Jaccard, hours apart,
 * outlets), its own edge, the two stories' sizes and the edges between them. Offline
 * (bench/order/graph.ts): the same stories as `bench:order`, in seconds once cached.
 *
 * Usage: node --import tsx bench/order/misses.ts [--corpus DIR] [--cache DIR] [--held-out] [--time]
 * `--time`: CPU time of scoring every candidate pair and partitioning, today's rules against
 * those before the copy edge (`copyWindowMs: 0`), alternated, 3 rounds each (median).
 */
import { resolve } from 'node:path';
import { HAND_PAIRS_2_FILE, HAND_PAIRS_FILE, handPairs } from '../stories/labels.ts';
import { frozenWeights, storyScore, type StoryEdge } from '../../src/stories/index.ts';
import { loadGraph, scoreGraph, type Graph } from './graph.ts';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

/** One wrong hand pair, told in a few lines. */
export function explain(g: Graph, edges: readonly StoryEdge[], storyOf: (id: string) => string, a: string, b: string): string {
  const w = frozenWeights();
  const ea = g.entries.get(a)!;
  const eb = g.entries.get(b)!;
  const s = storyScore(ea, eb, w.idf);
  const h = Math.abs(ea.time - eb.time) / 3_600_000;
  const own = edges.find((e) => (e.a === a && e.b === b) || (e.a === b && e.b === a));
  const cand = g.pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  const members = (sid: string) => [...g.entries.values()].filter((e) => storyOf(e.id) === sid).length;
  const [sa, sb] = [storyOf(a), storyOf(b)];
  const between = edges.filter((e) => (storyOf(e.a) === sa && storyOf(e.b) === sb) || (storyOf(e.a) === sb && storyOf(e.b) === sa));
  const f = (x: number) => x.toFixed(2);
  return [
    `  A ${a} ${ea.outlet} ${new Date(ea.time).toISOString().slice(0, 16)} «${g.titles.get(a)}»`,
    `  B ${b} ${eb.outlet} ${new Date(eb.time).toISOString().slice(0, 16)} «${g.titles.get(b)}»`,
    `  ${f(h)} h apart; title ${f(s.title)} lede ${f(s.lede)} entities ${f(s.entities)} (${ea.entities.length}/${eb.entities.length}) score ${f(s.score)}; lede terms ${ea.ledeTerms.length}/${eb.ledeTerms.length}; candidate ${cand}; edge ${own ? `${own.kind} ${f(own.score)}` : 'none'}`,
    `  stories ${sa} (${members(sa)}) / ${sb} (${members(sb)}); edges between: ${between.map((e) => `${e.kind} ${f(e.score)}`).join(', ') || 'none'}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const corpus = resolve(opt('--corpus') ?? new URL('../../../shared/corpus', import.meta.url).pathname);
  const g = await loadGraph(corpus, opt('--cache'));
  const t = performance.now();
  const { edges, placed } = scoreGraph(g);
  console.log(`# ${g.entries.size} entries, ${g.pairs.length} candidate pairs, ${edges.length} edges, ${new Set([...placed.values()].map((p) => p.storyId)).size} stories (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  const storyOf = (id: string) => placed.get(id)!.storyId;
  if (argv.includes('--time')) {
    const before = { copyWindowMs: 0 };
    const ms: Record<'before' | 'now', number[]> = { before: [], now: [] };
    for (let r = 0; r < 3; r++)
      for (const [k, o] of [['before', before], ['now', {}]] as const) {
        const t0 = process.cpuUsage();
        scoreGraph(g, o);
        const u = process.cpuUsage(t0);
        ms[k].push((u.user + u.system) / 1000);
      }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    console.log(`# scoring + partition CPU, median of 3: before ${med(ms.before).toFixed(0)} ms, now ${med(ms.now).toFixed(0)} ms (ratio ${(med(ms.now) / med(ms.before)).toFixed(3)})`);
  }
  for (const [name, file] of [['hand', HAND_PAIRS_FILE], ['held-out', HAND_PAIRS_2_FILE]] as const) {
    if (name === 'held-out' && !argv.includes('--held-out')) continue;
    const pairs = handPairs(file);
    let tp = 0, fp = 0, fn = 0;
    const wrong: string[] = [];
    for (const p of pairs) {
      const same = storyOf(p.a) === storyOf(p.b);
      const want = p.label !== 'diff';
      if (same && want) tp++;
      if (same && !want) fp++;
      if (!same && want) fn++;
      if (same !== want) wrong.push(`${same ? 'FALSE PAIR' : 'MISSED'} (${p.label}: ${p.reason})\n${explain(g, edges, storyOf, p.a, p.b)}`);
    }
    console.log(`\n## ${name}: story P ${(tp / (tp + fp)).toFixed(4)} R ${(tp / (tp + fn)).toFixed(4)} (fp ${fp} fn ${fn})`);
    for (const x of wrong) console.log(x);
  }
}
