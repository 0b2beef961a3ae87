/**
 * Reads the stemmer's conflation table (testdata/conflation.tsv), shared by the stem
 * test and bench/stem.
 */
import { readFileSync } from 'node:fs';

export interface ConflationRow {
  kind: 'same' | 'differ' | 'keep' | 'hard';
  words: string[];
}

export function readConflationTable(url = new URL('../testdata/conflation.tsv', import.meta.url)): ConflationRow[] {
  const rows: ConflationRow[] = [];
  for (const line of readFileSync(url, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [kind, words] = line.split('\t');
    if (kind !== 'same' && kind !== 'differ' && kind !== 'keep' && kind !== 'hard') throw new Error(`conflation.tsv: bad row kind: ${line}`);
    rows.push({ kind, words: (words ?? '').split(' ').filter(Boolean) });
  }
  return rows;
}
