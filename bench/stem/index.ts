/**
 * Stemmer comparison on the conflation table (src/arabic/testdata/conflation.tsv):
 * counts under-stemming (a `same` group split) and over-stemming (a `differ` pair merged,
 * a `keep` word cut) for the light stemmer, Snowball and no stemming, and prints the
 * corpus count of each table word so the table stays built from real words.
 *
 * Also times tokenize and analyze over the whole corpus (tokens/s, articles/s).
 *
 * Run: node --import tsx bench/stem/index.ts   (reads the corpus: about 30 s)
 */
import { normalize } from '../../src/arabic/normalize.ts';
import { stemmers, type StemmerName } from '../../src/arabic/stem.ts';
import { readConflationTable } from '../../src/arabic/stem/table.ts';
import { readCorpus } from './corpus.ts';
import { tokenize } from '../../src/arabic/tokenize.ts';
import { analyzeTokens } from '../../src/arabic/analyze.ts';

const rows = readConflationTable();
const articles = readCorpus();
const texts = articles.flatMap((a) => [a.title, a.content]);
const chars = texts.reduce((n, t) => n + t.length, 0);

// Throughput over the whole corpus: tokenize alone, then analyze with each stemmer.
let tokens = 0;
const time = (label: string, fn: (t: string) => number): void => {
  const t0 = performance.now();
  let n = 0;
  for (const t of texts) n += fn(t);
  const s = (performance.now() - t0) / 1000;
  if (label === 'tokenize') tokens = n;
  console.log(`${label.padEnd(18)} ${s.toFixed(2)} s  ${Math.round(tokens / s).toLocaleString('en')} tokens/s  ${(chars / s / 1e6).toFixed(1)} M chars/s  ${Math.round(articles.length / s).toLocaleString('en')} articles/s`);
};
console.log(`corpus: ${articles.length} articles, ${(chars / 1e6).toFixed(1)} M chars`);
time('tokenize', (t) => tokenize(t).length);
time('analyze (light)', (t) => analyzeTokens(t).length);
time('analyze (snowball)', (t) => analyzeTokens(t, { stemmer: 'snowball' }).length);
time('analyze (none)', (t) => analyzeTokens(t, { stemmer: 'none' }).length);

const counts = new Map<string, number>();
for (const s of texts) for (const t of tokenize(s)) counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1);
const missing = rows.flatMap((r) => r.words).filter((w) => !counts.has(normalize(w)));
console.log(`table: ${rows.length} rows, ${rows.flatMap((r) => r.words).length} words; not in the corpus: ${missing.join(' ') || 'none'}`);

console.log('\nstemmer    same ok  under  differ ok  over  keep ok  cut  hard ok  under');
for (const name of ['light', 'snowball', 'none'] as StemmerName[]) {
  const st = (w: string): string => stemmers[name](normalize(w));
  const tally = { same: [0, 0], differ: [0, 0], keep: [0, 0], hard: [0, 0] };
  const fails: string[] = [];
  for (const r of rows) {
    const stems = r.words.map(st);
    const ok = r.kind === 'same' || r.kind === 'hard' ? new Set(stems).size === 1 : r.kind === 'differ' ? new Set(stems).size === stems.length : stems[0] === normalize(r.words[0]!);
    tally[r.kind][ok ? 0 : 1]!++;
    if (!ok) fails.push(`${r.kind}: ${r.words.map((w, i) => `${w}→${stems[i]}`).join(' ')}`);
  }
  const f = (x: number[]): string => `${String(x[0]).padStart(7)} ${String(x[1]).padStart(6)}`;
  console.log(`${name.padEnd(9)} ${f(tally.same)}  ${f(tally.differ)}  ${f(tally.keep)}  ${f(tally.hard)}`);
  if (name !== 'none') for (const x of fails) console.log(`    ${x}`);
}
