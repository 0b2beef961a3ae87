/**
 * Builds data/keywords/df.tsv: document frequencies of words and 2–3-word phrases over the
 * saudinewsnet corpus (24,8xx Saudi news articles, 2015), and how many of those documents name
 * each in the title or twice (the focus share), so keywords work on a fresh store.
 * The table is a derived work of saudinewsnet (CC BY-NC-SA 4.0): see NOTICE.md beside it.
 * Run: `node --import tsx data/keywords/build.ts` (reads ../shared/corpus beside the repo).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSaudiNewsNet } from '../../bench/keywords/corpus.ts';
import { MemoryTermStats } from '../../src/enrich/termstats.ts';

export const MIN_WORD_DF = 5;
export const MIN_PHRASE_DF = 12;

const t0 = performance.now();
const stats = new MemoryTermStats();
for (const a of readSaudiNewsNet()) {
  stats.add(a);
  if (stats.docCount % 3000 === 0) stats.prune(2);
}
const out = new URL('df.tsv', import.meta.url);
writeFileSync(
  out,
  stats.toTSV(MIN_WORD_DF, MIN_PHRASE_DF, [
    'Marsad term stats v2: key<TAB>document frequency[<TAB>documents naming it in the title or twice, where df >= 20] (keys: src/enrich/termstats.ts termKey).',
    'Derived from SaudiNewsNet (parallelfold/SaudiNewsNet @ 4e39239, 14 of 18 days), CC BY-NC-SA 4.0.',
    `Words with df >= ${MIN_WORD_DF}, phrases with df >= ${MIN_PHRASE_DF}. Built by data/keywords/build.ts.`,
  ]),
);
console.log(`df: ${stats.docCount} docs, ${((performance.now() - t0) / 1000).toFixed(1)} s → ${fileURLToPath(out)}`);
