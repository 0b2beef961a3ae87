/**
 * Arrival-order benchmark: does grouping give the same duplicate groups and stories
 * whatever order the same articles arrive in? Runs today's incremental grouping
 * (src/stories/group.ts, the baseline) and the order-independent one (src/stories/stable.ts)
 * on the whole SaudiNewsNet corpus in time order and in N seeded random orders, and prints
 * for each: co-membership agreement (Jaccard of co-grouped pairs) between every two random
 * orders, for stories and for duplicate groups; quality on the labelled pairs of
 * bench/stories (automatic labels, hand-checked sample); grouping speed.
 *
 * Usage: npm run bench:order [-- --corpus DIR] [--orders 3] [--days N] [--algo both|stable|incremental] [--no-entities]
 * DIR is the shared corpus folder (default ../shared/corpus); its saudinewsnet/*.zip are read.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { loadCorpus } from '../stories/corpus.ts';
import { runGrouping, type Algo, type RunResult } from '../stories/run.ts';
import { agreement, fmt, pairStats, sameDup, sameStory } from '../stories/eval.ts';
import { autoPositives, HAND_PAIRS_2_FILE, handPairs, randomPairs, type HandPair, type Pair } from '../stories/labels.ts';
import { extractEntities } from '../../src/enrich/index.ts';
import type { MemoryStoryIndex, StoryEntry } from '../../src/stories/index.ts';
import { shuffled } from '../rng.ts';

/** Sizes of the edge graph's connected components: what an arrival recomputes. */
function componentStats(index: MemoryStoryIndex): string {
  const all = index.allEntries();
  const seen = new Set<string>();
  const sizes: number[] = [];
  for (const e of all) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    let frontier = [e.id];
    let n = 1;
    while (frontier.length) {
      const next: string[] = [];
      for (const ed of index.edgesOf(frontier))
        for (const id of [ed.a, ed.b])
          if (!seen.has(id)) {
            seen.add(id);
            next.push(id);
            n++;
          }
      frontier = next;
    }
    sizes.push(n);
  }
  sizes.sort((a, b) => b - a);
  const perArticle = sizes.reduce((s, x) => s + x * x, 0) / all.length;
  return `${index.edgesOf(all.map((e) => e.id)).length} edges, ${sizes.length} components, largest ${sizes.slice(0, 5).join(' / ')}, mean component size seen from an article ${perArticle.toFixed(1)}`;
}

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  if (i >= 0 && argv[i + 1] === undefined) throw new Error(`bench/order: ${name} needs a value`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const corpus = resolve(opt('--corpus') ?? new URL('../../../shared/corpus', import.meta.url).pathname);
const orders = Number(opt('--orders') ?? 3);
const days = opt('--days') ? Number(opt('--days')) : undefined;
const algoArg = opt('--algo') ?? 'both';
if (!['both', 'stable', 'incremental'].includes(algoArg)) throw new Error(`bench/order: --algo must be both, stable or incremental, got ${algoArg}`);
if (!Number.isInteger(orders) || orders < 1) throw new Error(`bench/order: --orders must be an integer ≥ 1, got ${opt('--orders')}`);
const algos: Algo[] = algoArg === 'both' ? ['incremental', 'stable'] : [algoArg as Algo];

let arts = loadCorpus(days, pathToFileURL(resolve(corpus, 'saudinewsnet') + '/'));
if (!argv.includes('--no-entities')) arts = arts.map((a) => ({ ...a, entities: extractEntities(a) }));
console.log(`# arrival-order benchmark: ${arts.length} articles from ${corpus}/saudinewsnet, ${orders} random orders`);


const pos = autoPositives(arts);
const neg = randomPairs(arts, 20_000, 1);
const hand = handPairs();
const hand2 = handPairs(HAND_PAIRS_2_FILE);
const by = (f: (l: string) => boolean, pairs: HandPair[] = hand): Pair[] => pairs.filter((h) => f(h.label));
const entries = new Map<string, StoryEntry>();
const summary: string[] = [];

for (const algo of algos) {
  console.log(`\n## ${algo}${algo === 'incremental' ? ' (today: src/stories/group.ts, the baseline)' : ' (src/stories/stable.ts)'}`);
  const runs: Array<RunResult['placement']> = [];
  const speeds: number[] = [];
  for (let k = 0; k <= orders; k++) {
    const run = await runGrouping(k === 0 ? arts : shuffled(arts, 1000 + k), {}, entries, algo);
    speeds.push((arts.length * 1000) / run.groupMs);
    console.log(`${k === 0 ? 'time order' : `random order ${k}`}: grouping ${speeds.at(-1)!.toFixed(0)} articles/s, ${run.index.allStories().length} stories`);
    if (k === 0 && algo === 'stable') console.log(`edge graph: ${componentStats(run.index)}`);
    runs.push(run.placement); // only the placements: each run's index is released
  }
  const t = runs[0]!;
  console.log(`quality (time order):`);
  console.log(`  automatic near-duplicate   ${fmt(pairStats(t, pos, neg, sameDup))}`);
  console.log(`  automatic story            ${fmt(pairStats(t, pos, neg, sameStory))}`);
  console.log(`  hand near-duplicate        ${fmt(pairStats(t, by((l) => l === 'dup'), by((l) => l !== 'dup'), sameDup))}`);
  const hs = pairStats(t, by((l) => l !== 'diff'), by((l) => l === 'diff'), sameStory);
  console.log(`  hand story (dup+story vs diff) ${fmt(hs)}`);
  console.log(`  held-out hand near-duplicate ${fmt(pairStats(t, by((l) => l === 'dup', hand2), by((l) => l !== 'dup', hand2), sameDup))}`);
  const hs2 = pairStats(t, by((l) => l !== 'diff', hand2), by((l) => l === 'diff', hand2), sameStory);
  console.log(`  held-out hand story        ${fmt(hs2)}`);
  const ags = { story: [] as number[], dup: [] as number[] };
  // With one random order it is compared with the time order.
  for (let i = orders === 1 ? 0 : 1; i <= orders; i++)
    for (let j = i + 1; j <= orders; j++) {
      const s = agreement(runs[i]!, runs[j]!, (p) => p.storyId);
      const d = agreement(runs[i]!, runs[j]!, (p) => p.dupRoot);
      ags.story.push(s.jaccard);
      ags.dup.push(d.jaccard);
      console.log(`  orders ${i} vs ${j}: story pairs ${s.both} both / ${s.onlyX} / ${s.onlyY} (Jaccard ${s.jaccard.toFixed(4)}); duplicate pairs ${d.both} / ${d.onlyX} / ${d.onlyY} (Jaccard ${d.jaccard.toFixed(4)})`);
    }
  const min = (xs: number[]) => Math.min(...xs).toFixed(4);
  const med = [...speeds].sort((a, b) => a - b)[Math.floor(speeds.length / 2)]!;
  summary.push(`${algo.padEnd(12)} story agreement min ${min(ags.story)}   duplicate agreement min ${min(ags.dup)}   hand story P ${hs.precision.toFixed(4)} R ${hs.recall.toFixed(4)}   held-out P ${hs2.precision.toFixed(4)} R ${hs2.recall.toFixed(4)}   grouping median ${med.toFixed(0)} articles/s`);
}

console.log('\n## summary (targets: story agreement ≥ 0.97, duplicate ≥ 0.995, hand story P ≥ 0.98 at R ≥ 0.95)');
for (const s of summary) console.log(s);
