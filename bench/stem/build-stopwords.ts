/**
 * Builds data/stopwords/ar.txt from the MIT-licensed lists in ../shared/corpus/lexicons/
 * stopwords (stopwords-iso, mohataher, newspaper4k), normalized like the index, and
 * pruned by hand to closed-class function words (see data/stopwords/README.md).
 *
 * Why a script: the shipped list must be reproducible from its sources, and every word
 * in it must come from a list whose licence lets us ship it (linuxscout is GPL-2.0 and
 * justext is frequency-based, so neither is read here).
 *
 * Run: node --import tsx bench/stem/build-stopwords.ts   (prints what it pruned)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tokenize } from '../../src/arabic/tokenize.ts';
import { FUNCTION_WORDS } from './function-words.ts';

const LEX = new URL('../../../shared/corpus/lexicons/stopwords/', import.meta.url);
const SOURCES = ['stopwords-iso/stopwords-ar.txt', 'mohataher/list.txt', 'newspaper4k/stopwords-ar.txt'];
const OUT = new URL('../../data/stopwords/ar.txt', import.meta.url);

/** Every normalized one-word entry of the sources, with a leading و/ف conjunction removed
 * (the analyzer strips it before the stopword check, see stopwords.ts). */
const fromSources = new Set<string>();
for (const f of SOURCES) {
  for (const line of readFileSync(new URL(f, LEX), 'utf8').split('\n')) {
    const toks = tokenize(line);
    if (toks.length !== 1) continue;
    const w = toks[0]!.norm;
    fromSources.add(w);
    if ((w.startsWith('و') || w.startsWith('ف')) && w.length > 2) fromSources.add(w.slice(1));
  }
}

const keep = new Set(FUNCTION_WORDS.split(/\s+/).filter(Boolean));
const missing = [...keep].filter((w) => !fromSources.has(w));
if (missing.length) throw new Error(`function words not found in any source list: ${missing.join(' ')}`);
const list = [...fromSources].filter((w) => keep.has(w)).sort();
const pruned = [...fromSources].filter((w) => !keep.has(w)).sort();
writeFileSync(OUT, list.join('\n') + '\n');
console.log(`sources: ${fromSources.size} normalized entries; kept ${list.length}, pruned ${pruned.length}`);
console.log(`pruned: ${pruned.join(' ')}`);
