/**
 * Builds data/keywords/df.tsv and tags.tsv: document frequencies of words and 2–3-word phrases
 * over the saudinewsnet corpus (24,8xx Saudi news articles, 2015) with how many of those
 * documents name each in the title or twice (the focus share), and what 3alyoum's editors tag
 * among the terms of their articles (src/enrich/editor-tags.ts), so keywords work on a fresh store.
 * The tables are derived works of saudinewsnet (CC BY-NC-SA 4.0): see NOTICE.md beside them.
 * Run: `node --import tsx data/keywords/build.ts` (reads ../shared/corpus beside the repo).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSaudiNewsNet } from '../../bench/keywords/corpus.ts';
import { MemoryTermStats } from '../../src/enrich/termstats.ts';
import { EditorTags } from '../../src/enrich/editor-tags.ts';
import { docTokens } from '../../src/enrich/tokens.ts';
import { splitTagLine } from '../../src/ingest/json/tags.ts';

export const MIN_WORD_DF = 5;
export const MIN_PHRASE_DF = 12;
/** tags.tsv holds the terms seen in at least this many tagged articles. */
export const MIN_TAG_SEEN = 10;

const t0 = performance.now();
const stats = new MemoryTermStats();
const editor = new EditorTags();
for (const a of readSaudiNewsNet()) {
  stats.add(a);
  // 3alyoum's bodies end with the editor's tags (`سمات …`): what its editors tag, and what not.
  const { text, tags } = a.source === '3alyoum' ? splitTagLine(a.text, a.title) : { text: a.text, tags: [] };
  if (tags.length) editor.add(docTokens(a.title, text), tags);
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
const tagsOut = new URL('tags.tsv', import.meta.url);
writeFileSync(
  tagsOut,
  editor.toTSV(MIN_TAG_SEEN, [
    'Marsad editor tags v1: key<TAB>tagged articles whose title or body holds the term<TAB>articles whose editor tagged it (keys: src/enrich/editor-tags.ts tagKey).',
    "Derived from SaudiNewsNet (parallelfold/SaudiNewsNet @ 4e39239): 3alyoum's articles ending with a tag line, CC BY-NC-SA 4.0.",
    `Terms seen in >= ${MIN_TAG_SEEN} of them. Built by data/keywords/build.ts.`,
  ]),
);
console.log(`tags: ${editor.docCount} tagged articles → ${fileURLToPath(tagsOut)}`);
console.log(`df: ${stats.docCount} docs, ${((performance.now() - t0) / 1000).toFixed(1)} s → ${fileURLToPath(out)}`);
