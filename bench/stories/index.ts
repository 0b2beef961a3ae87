/**
 * Stories benchmark: duplicate and story grouping quality on SaudiNewsNet (automatic and
 * hand-checked pair labels), arrival-order stability, ANS headline separation, synthetic
 * edits, and throughput for the corpus and for a 300k-article replicated stream.
 * Usage: npm run bench:stories [-- --scale 300000] [--days 14] [--no-entities]
 * Numbers and the choices they support: bench/stories/README.md.
 */
import { loadCorpus } from './corpus.ts';
import { autoPositives, handPairs, randomPairs, rng, type Pair } from './labels.ts';
import { runGrouping } from './run.ts';
import { agreement, fmt, pairStats, sameDup, sameStory } from './eval.ts';
import { ansReport, loadAns } from './ans.ts';
import { EDIT_KINDS, edit } from './synthetic.ts';
import { scaleRun } from './throughput.ts';
import { addArticle, idfFrom, type StoryEntry } from '../../src/stories/index.ts';
import type { Article } from '../../src/model/article.ts';
import { extractEntities } from '../../src/enrich/index.ts';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const days = arg('--days', 99);
const scale = arg('--scale', 300_000);
const useEntities = !process.argv.includes('--no-entities');
const DAY = 86_400_000;

function withEntities(a: Article): Article {
  return { ...a, entities: extractEntities(a) };
}

console.log('# stories benchmark (SaudiNewsNet)');
let t = performance.now();
let arts = loadCorpus(days);
console.log(`corpus: ${arts.length} articles, loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
let entMs = 0;
if (useEntities) {
  t = performance.now();
  arts = arts.map(withEntities);
  entMs = performance.now() - t;
}

/** Everything but the scale run; its indexes are released when it returns. */
async function quality(arts: Article[], entMs: number): Promise<void> {
  const cache = new Map<string, StoryEntry>();
  const run = await runGrouping(arts, {}, cache);
  const n = arts.length;
  console.log(`\n## throughput, whole corpus (${n} articles, time order)`);
  if (useEntities) console.log(`entities (enrich):          ${((n * 1000) / entMs).toFixed(0)} articles/s`);
  console.log(`analysis + fingerprints:    ${((n * 1000) / run.entryMs).toFixed(0)} articles/s`);
  console.log(`grouping (dups + stories):  ${((n * 1000) / run.groupMs).toFixed(0)} articles/s`);
  console.log(`end to end:                 ${((n * 1000) / (run.entryMs + run.groupMs + entMs)).toFixed(0)} articles/s`);
  const stories = run.index.allStories();
  const multi = stories.filter((s) => s.articleIds.length > 1);
  const dupArticles = [...run.placement.entries()].filter(([id, p]) => p.dupRoot !== id).length;
  console.log(`stories: ${stories.length} (${multi.length} with ≥ 2 articles, ${multi.filter((s) => s.outlets.length > 1).length} multi-outlet, largest ${Math.max(...stories.map((s) => s.articleIds.length))}); articles marked duplicate: ${dupArticles}`);

  console.log('\n## automatic labels (same normalized title + word Dice ≥ 0.8 → must group; random pairs → must not)');
  const pos = autoPositives(arts);
  const neg = randomPairs(arts, 20_000, 1);
  console.log(`pairs: ${pos.length} positive, ${neg.length} random`);
  console.log(`near-duplicate:  ${fmt(pairStats(run.placement, pos, neg, sameDup))}`);
  console.log(`story grouping:  ${fmt(pairStats(run.placement, pos, neg, sameStory))}`);

  console.log('\n## hand-checked sample (src/stories/testdata/hand-pairs.json)');
  const hand = handPairs();
  const by = (f: (l: string) => boolean): Pair[] => hand.filter((h) => f(h.label));
  console.log(`pairs: ${by((l) => l === 'dup').length} dup, ${by((l) => l === 'story').length} same story (rewritten), ${by((l) => l === 'diff').length} different`);
  console.log(`near-duplicate (dup vs story+diff):  ${fmt(pairStats(run.placement, by((l) => l === 'dup'), by((l) => l !== 'dup'), sameDup))}`);
  console.log(`near-duplicate (dup vs diff):        ${fmt(pairStats(run.placement, by((l) => l === 'dup'), by((l) => l === 'diff'), sameDup))}`);
  console.log(`story grouping (dup+story vs diff):  ${fmt(pairStats(run.placement, by((l) => l !== 'diff'), by((l) => l === 'diff'), sameStory))}`);
  console.log(`story recall on rewritten only:      ${fmt(pairStats(run.placement, by((l) => l === 'story'), [], sameStory))}`);

  console.log('\n## arrival order (same corpus, shuffled)');
  const shuffled = [...arts];
  const r = rng(42);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const run2 = await runGrouping(shuffled, {}, cache);
  const ad = agreement(run.placement, run2.placement, (p) => p.dupRoot);
  const as = agreement(run.placement, run2.placement, (p) => p.storyId);
  console.log(`duplicate pairs: ${ad.both} in both, ${ad.onlyX} only in time order, ${ad.onlyY} only shuffled (Jaccard ${ad.jaccard.toFixed(4)})`);
  console.log(`story pairs:     ${as.both} in both, ${as.onlyX} only in time order, ${as.onlyY} only shuffled (Jaccard ${as.jaccard.toFixed(4)})`);

  console.log('\n## ANS headline pairs (title similarity: IDF-weighted cosine of analyzed titles, IDF from the corpus)');
  const total = await run.index.docCount();
  const idf = (term: string) => idfFrom(run.index.docFreq([term])[0] ?? 0, total);
  for (const f of ['train', 'dev'] as const) {
    const rep = ansReport(loadAns(f), idf, 0.5);
    console.log(
      `${f}: ${rep.agree} agree / ${rep.disagree} disagree; ROC-AUC ${rep.auc.toFixed(3)}; best threshold ${rep.best.threshold.toFixed(3)} → accuracy ${rep.best.accuracy.toFixed(3)}; mean sim agree ${rep.meanAgree.toFixed(3)}, disagree ${rep.meanDisagree.toFixed(3)}; disagree pairs with title sim ≥ 0.5: ${rep.disagreeAboveTitle} (never merged on the headline alone: a lede cosine ≥ 0.25 is required)`,
    );
  }

  console.log('\n## synthetic edits (300 real articles per kind, copy inserted 1 h later by another outlet)');
  const eligible = arts.filter((a) => a.text.length >= 400 && run.placement.has(a.id));
  const pick = rng(7);
  const used = new Set<string>();
  for (const kind of EDIT_KINDS) {
    let dup = 0;
    let story = 0;
    let tried = 0;
    while (tried < 300) {
      const a = eligible[Math.floor(pick() * eligible.length)]!;
      if (used.has(a.id)) continue;
      used.add(a.id);
      const donor = eligible[Math.floor(pick() * eligible.length)]!;
      let copy = edit(a, kind, donor, tried + 1);
      if (!copy) continue;
      if (useEntities) copy = withEntities(copy);
      tried++;
      const res = await addArticle(run.index, copy);
      const [orig] = run.index.getEntries([a.id]);
      if (!orig) continue;
      if ((res.duplicateOf ?? res.id) === (orig.duplicateOf ?? orig.id)) dup++;
      if (res.storyId === orig.storyId) story++;
    }
    console.log(`${kind.padEnd(22)} duplicate recall ${(dup / tried).toFixed(3)}   same-story recall ${(story / tried).toFixed(3)}`);
  }
}

await quality(arts, entMs);

if (scale > 0) {
  console.log(`\n## throughput at scale: ${scale} articles (corpus replicated with perturbations; index keeps 10 days)`);
  console.log('slice end   articles/s   entry ms/art   group ms/art   entries held   heap MB');
  const base = arts.map((a) => ({ ...a, entities: undefined }));
  await scaleRun(base, scale, 50_000, 10 * DAY, useEntities ? withEntities : undefined, (s) =>
    console.log(
      `${String(s.upTo).padStart(9)}   ${s.perSecond.toFixed(0).padStart(10)}   ${s.entryMsPerArticle.toFixed(3).padStart(12)}   ${s.groupMsPerArticle.toFixed(3).padStart(12)}   ${String(s.held).padStart(12)}   ${s.heapMB.toFixed(0).padStart(7)}`,
    ),
  );
}
