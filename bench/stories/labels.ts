/**
 * Pair labels for the stories benchmark. Automatic: articles with the same normalized
 * title (≥ 3 words) and a high word overlap (Dice ≥ 0.8 on normalized word sets — a
 * measure independent of the shingles and thresholds under test) must group; random pairs
 * must not. Hand: src/stories/testdata/hand-pairs.json, pairs a person read and judged
 * (`dup`: one report copied with edits, `story`: same event in different words, `diff`).
 */
import { readFileSync } from 'node:fs';
import { tokenize } from '../../src/arabic/index.ts';
import type { Article } from '../../src/model/article.ts';
import { foldText } from '../../src/stories/fingerprint.ts';
import { rng } from '../rng.ts';
export { rng };

export interface Pair {
  a: string;
  b: string;
}

export interface HandPair extends Pair {
  label: 'dup' | 'story' | 'diff';
  reason: string;
}


function wordSet(s: string): Set<string> {
  return new Set(tokenize(s).map((t) => t.norm));
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

/** Same folded title (≥ 3 words) and Dice ≥ 0.8 on the bodies' word sets. */
export function autoPositives(arts: readonly Article[]): Pair[] {
  const byTitle = new Map<string, Article[]>();
  for (const a of arts) {
    const t = foldText(a.title);
    if (t.split(' ').length < 3) continue;
    const l = byTitle.get(t);
    if (l) l.push(a);
    else byTitle.set(t, [a]);
  }
  const out: Pair[] = [];
  for (const l of byTitle.values()) {
    if (l.length < 2) continue;
    const sets = l.map((a) => wordSet(a.text));
    for (let i = 0; i < l.length; i++)
      for (let j = i + 1; j < l.length; j++) if (dice(sets[i]!, sets[j]!) >= 0.8) out.push({ a: l[i]!.id, b: l[j]!.id });
  }
  return out;
}

/** `n` random pairs of different articles (seeded). */
export function randomPairs(arts: readonly Article[], n: number, seed = 1): Pair[] {
  const r = rng(seed);
  const out: Pair[] = [];
  while (out.length < n && arts.length > 1) {
    const a = arts[Math.floor(r() * arts.length)]!;
    const b = arts[Math.floor(r() * arts.length)]!;
    if (a.id !== b.id) out.push({ a: a.id, b: b.id });
  }
  return out;
}

export const HAND_PAIRS_FILE = new URL('../../src/stories/testdata/hand-pairs.json', import.meta.url);
/** The held-out sample: drawn with another seed, without the pairs of the first, labelled before any tuning on it. */
export const HAND_PAIRS_2_FILE = new URL('../../src/stories/testdata/hand-pairs-2.json', import.meta.url);

export function handPairs(file: URL = HAND_PAIRS_FILE): HandPair[] {
  return JSON.parse(readFileSync(file, 'utf8')) as HandPair[];
}
