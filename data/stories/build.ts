/**
 * Builds data/stories/df.tsv: document frequencies of analyzed body terms (the terms
 * `entryOf` keeps, light stemmer) over SaudiNewsNet, the frozen weights of the
 * order-independent grouping (src/stories/frozen.ts). Frozen on purpose: weights read from
 * the live index would make an edge between two articles depend on what arrived before.
 * The table is a derived work of SaudiNewsNet (CC BY-NC-SA 4.0): see NOTICE.md beside it.
 * Run: `node --import tsx data/stories/build.ts` (reads ../shared/corpus beside the repo).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../bench/stories/corpus.ts';
import { analyze } from '../../src/arabic/index.ts';
import { MAX_ANALYZED_CHARS } from '../../src/stories/entry.ts';

export const MIN_DF = 3;

const t0 = performance.now();
const df = new Map<string, number>();
let docs = 0;
for (const a of loadCorpus()) {
  const terms = new Set(analyze(a.text.slice(0, MAX_ANALYZED_CHARS)));
  if (terms.size === 0) continue;
  docs++;
  for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
}
const rows = [...df].filter(([t, n]) => n >= MIN_DF && !/[\t\n]/.test(t)).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const out = new URL('df.tsv', import.meta.url);
writeFileSync(
  out,
  [
    '# Marsad frozen story weights v1: analyzed body term<TAB>document frequency (src/stories/frozen.ts).',
    '# Derived from SaudiNewsNet (parallelfold/SaudiNewsNet @ 4e39239, the days in ../shared/corpus), CC BY-NC-SA 4.0.',
    `# Terms with df >= ${MIN_DF}. Built by data/stories/build.ts.`,
    `#docs\t${docs}`,
    ...rows.map(([t, n]) => `${t}\t${n}`),
    '',
  ].join('\n'),
);
console.log(`df: ${docs} docs, ${rows.length} terms, ${((performance.now() - t0) / 1000).toFixed(1)} s → ${fileURLToPath(out)}`);
