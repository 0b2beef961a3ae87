/**
 * Small integer ids for terms, and one dense weight vector, for the related articles'
 * scoring loop (related.ts): an arrival's cosine against ~90 candidates of ~40 terms each
 * looked every candidate term up in a string-keyed Map; with ids, the arrival's weights sit
 * in a Float64Array indexed by id and each candidate's terms are an Int32Array, made once
 * per candidate.
 *
 * Contract: within one generation a term keeps its id. The table is bounded: past
 * MAX_TERMS, `startScoring` begins a new generation (new ids); vectors of an older
 * generation must be made again (`generation()` tells). Ids are only ever started afresh
 * between two scorings, never during one.
 */

/** Terms held before the table starts again (a few dozen MB at most). */
export const MAX_TERMS = 1 << 20;

let table = new Map<string, number>();
let gen = 0;
let weights = new Float64Array(1024);
/** Ids whose weight is set (to clear them after a scoring). */
let set: Int32Array = new Int32Array(0);

export function generation(): number {
  return gen;
}

/** The id of each term, given in order. */
export function termIds(terms: readonly string[]): Int32Array {
  const out = new Int32Array(terms.length);
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    let id = table.get(t);
    if (id === undefined) {
      id = table.size;
      table.set(t, id);
    }
    out[i] = id;
  }
  return out;
}

/**
 * Starts a scoring of one side's terms (unique) with their weights: afterwards
 * `weightOf(id)` is the weight of the term of that id, 0 for any other term, until
 * `endScoring`. Starts a new generation first when the table is full.
 */
export function startScoring(terms: readonly string[], w: readonly number[]): void {
  if (table.size > MAX_TERMS) {
    table = new Map();
    gen++;
  }
  set = termIds(terms);
  if (weights.length < table.size) {
    const grown = new Float64Array(Math.max(table.size, weights.length * 2));
    weights = grown;
  }
  for (let i = 0; i < set.length; i++) weights[set[i]!] = w[i]!;
}

/** The scored side's weight of a term id (0 when it is not one of its terms). */
export function weightOf(id: number): number {
  return id < weights.length ? weights[id]! : 0;
}

/** Clears the weights `startScoring` set. */
export function endScoring(): void {
  for (let i = 0; i < set.length; i++) weights[set[i]!] = 0;
  set = new Int32Array(0);
}
