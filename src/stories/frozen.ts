/**
 * Frozen term weights for the order-independent grouping: IDF from a fixed document
 * frequency table (data/stories/df.tsv, built by data/stories/build.ts over SaudiNewsNet),
 * never from the live index. Why: with live document frequencies, whether two articles are
 * linked would depend on which other articles arrived before them.
 *
 * Contract: `frozenIdf()` is a pure function of the term (the table is read once); a term
 * absent from the table (df below the table's floor, or never seen) gets the IDF of df 1.
 */
import { readFileSync } from 'node:fs';
import { rootUrl } from '../paths.ts';
import { idfFrom, type Idf } from './similarity.ts';

export interface FrozenWeights {
  idf: Idf;
  df: (term: string) => number;
  docs: number;
}

/** Parses a `term<TAB>df` table with a `#docs<TAB>N` line; `where` names it in errors. */
export function parseDfTable(text: string, where: string): FrozenWeights {
  const df = new Map<string, number>();
  let docs = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#docs\t')) docs = Number(line.slice(6));
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const n = Number(line.slice(tab + 1));
    if (tab <= 0 || !Number.isInteger(n) || n < 0) throw new Error(`${where}:${i + 1}: expected "term<TAB>count", got ${JSON.stringify(line.slice(0, 80))}`);
    df.set(line.slice(0, tab), n);
  }
  if (!Number.isInteger(docs) || docs <= 0) throw new Error(`${where}: missing or bad "#docs<TAB>N" line`);
  // IDFs computed once: scoring asks for them per term of every candidate.
  const idfs = new Map<string, number>();
  for (const [t, n] of df) idfs.set(t, idfFrom(n, docs));
  const unseen = idfFrom(1, docs);
  return { docs, df: (t) => df.get(t) ?? 1, idf: (t) => idfs.get(t) ?? unseen };
}

let shipped: FrozenWeights | undefined;

/** The shipped table (data/stories/df.tsv), loaded on first use. */
export function frozenWeights(): FrozenWeights {
  const url = rootUrl('data/stories/df.tsv');
  shipped ??= parseDfTable(readFileSync(url, 'utf8'), url.pathname);
  return shipped;
}
