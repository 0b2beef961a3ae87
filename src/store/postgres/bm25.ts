/**
 * BM25 exactly as SQLite's FTS5 `bm25()` computes it (fts5_aux.c), so PostgreSQL ranks
 * like the embedded backend: per phrase, IDF = ln((N − n + 0.5) / (n + 0.5)) (at least
 * 1e-6) over the whole table; the phrase's frequency in a row is the sum of its instances
 * weighted by their column (title × titleWeight, body × textWeight); the row's length is
 * all its tokens; k1 = 1.2, b = 0.75. Pure functions over token positions.
 */

export const K1 = 1.2;
export const B = 0.75;

/** A matched row: its length, its headline length, and the positions of the query's tokens. */
export interface RowPositions {
  titleLen: number;
  docLen: number;
  positions: Map<string, number[]>;
}

export interface CorpusStats {
  rows: number;
  tokens: number;
}

export function idf(stats: CorpusStats, hits: number): number {
  const v = Math.log((stats.rows - hits + 0.5) / (hits + 0.5));
  return v <= 0 ? 1e-6 : v;
}

/** Weighted instances of `phrase` (tokens adjacent and in order) in the row. */
export function phraseFreq(phrase: readonly string[], row: RowPositions, titleWeight: number, textWeight: number): number {
  const first = row.positions.get(phrase[0]!);
  if (!first) return 0;
  const rest: Array<Set<number>> = [];
  for (let i = 1; i < phrase.length; i++) {
    const p = row.positions.get(phrase[i]!);
    if (!p) return 0;
    rest.push(new Set(p));
  }
  let f = 0;
  for (const p of first) {
    let ok = true;
    for (let i = 0; i < rest.length && ok; i++) ok = rest[i]!.has(p + i + 1);
    if (ok) f += p <= row.titleLen ? titleWeight : textWeight;
  }
  return f;
}

/** The BM25 score (higher is better: FTS5's −bm25()). */
export function bm25(
  phrases: ReadonlyArray<{ tokens: readonly string[]; idf: number }>,
  row: RowPositions,
  stats: CorpusStats,
  titleWeight: number,
  textWeight: number,
): number {
  const avgdl = stats.rows > 0 ? stats.tokens / stats.rows : 1;
  let score = 0;
  for (const ph of phrases) {
    const f = phraseFreq(ph.tokens, row, titleWeight, textWeight);
    score += ph.idf * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * row.docLen) / avgdl)));
  }
  return score;
}
