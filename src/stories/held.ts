/**
 * Entries tested in memory by the stable grouping (stable.ts): the keys and LSH bands of an
 * entry read back from a store, and an inverted index over a chunk's growing list of
 * entries added since the watermark (`Since.newer`), so an arrival finds its candidates
 * among them by its own keys instead of testing every one of them.
 *
 * Why: a chunk of 200 arrivals tested each arrival against every earlier one (~6,000 string
 * lookups an arrival). Same answer as testing each (`candidateTest` in stable.ts, which
 * `isCandidate` keeps): the three rules, and each entry's key votes summed over the
 * arrival's keys in their order, from 0, so to the same float.
 *
 * Contract: a list given to `heldCandidates` only grows by appending (as the grouping's
 * does); a list changed otherwise is indexed afresh.
 */
import { entryKeys } from './entry.ts';
import { bandKeys, DEFAULT_PARAMS, minhash } from './fingerprint.ts';
import type { StableOptions } from './stable.ts';
import type { StoryEntry } from './types.ts';

/** Keys and LSH bands of an entry read back from a store (which keeps them apart), derived as entryOf made them. */
const derived = new WeakMap<StoryEntry, { keys: Set<string>; bands: Set<string> }>();
export function keysAndBands(c: StoryEntry, o: Pick<StableOptions, 'params'>): { keys: Set<string>; bands: Set<string> } {
  let d = derived.get(c);
  if (!d) {
    const p = o.params ?? DEFAULT_PARAMS;
    const bands = c.bands.length || c.shingles.length === 0 ? c.bands : bandKeys(minhash(c.shingles, p.bands * p.rows), p.bands, p.rows);
    d = { keys: new Set(c.keys.length ? c.keys : entryKeys(c.titleTerms, c.ledeTerms, c.entities)), bands: new Set(bands) };
    derived.set(c, d);
  }
  return d;
}

interface HeldIndex {
  /** Entries indexed (a prefix of the list), and the last of them. */
  size: number;
  last: StoryEntry | undefined;
  exact: Map<string, number[]>;
  bands: Map<string, number[]>;
  keys: Map<string, number[]>;
}

const indexes = new WeakMap<readonly StoryEntry[], HeldIndex>();

const post = (m: Map<string, number[]>, k: string, i: number): void => {
  const l = m.get(k);
  if (l) l.push(i);
  else m.set(k, [i]);
};

function indexOf(list: readonly StoryEntry[], o: StableOptions): HeldIndex {
  let x = indexes.get(list);
  if (!x || x.size > list.length || (x.size > 0 && list[x.size - 1] !== x.last)) {
    x = { size: 0, last: undefined, exact: new Map(), bands: new Map(), keys: new Map() };
    indexes.set(list, x);
  }
  for (let i = x.size; i < list.length; i++) {
    const c = list[i]!;
    const held = keysAndBands(c, o);
    if (c.exact) post(x.exact, c.exact, i);
    for (const b of held.bands) post(x.bands, b, i);
    for (const k of held.keys) post(x.keys, k, i);
  }
  x.size = list.length;
  x.last = list.at(-1);
  return x;
}

/**
 * The entries of `list` that `e` would find as candidates (in list order): same exact key;
 * a shared band within dupWindowMs; or, within
 * storyWindowMs, vote keys held whose weights sum to minVote. `keys`/`weights` are e's vote
 * keys and their frozen IDFs.
 */
export function heldCandidates(e: StoryEntry, list: readonly StoryEntry[], o: StableOptions, keys: readonly string[], weights: readonly number[]): StoryEntry[] {
  if (list.length === 0) return [];
  const x = indexOf(list, o);
  const pass = new Uint8Array(list.length);
  if (e.exact) for (const i of x.exact.get(e.exact) ?? []) pass[i] = 1;
  if (e.bands.length)
    for (const b of e.bands) for (const i of x.bands.get(b) ?? []) if (Math.abs(list[i]!.time - e.time) <= o.dupWindowMs) pass[i] = 1;
  {
    const votes = new Float64Array(list.length);
    for (let j = 0; j < keys.length; j++) for (const i of x.keys.get(keys[j]!) ?? []) votes[i] = votes[i]! + weights[j]!;
    for (let i = 0; i < list.length; i++) if (votes[i]! >= o.minVote && Math.abs(list[i]!.time - e.time) <= o.storyWindowMs) pass[i] = 1;
  }
  return list.filter((c, i) => pass[i] === 1 && c.id !== e.id);
}
