/**
 * Pair metrics for the stories benchmark: precision and recall of "grouped together"
 * against labelled pairs, agreement between two runs, ROC-AUC of a score.
 */
import type { Pair } from './labels.ts';
import type { Placement } from './run.ts';

export interface PairStats {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
}

export type Same = (a: Placement, b: Placement) => boolean;
export const sameDup: Same = (a, b) => a.dupRoot === b.dupRoot;
export const sameStory: Same = (a, b) => a.storyId === b.storyId;

/** Counts over positive and negative pairs (pairs with an unknown id are skipped). */
export function pairStats(placement: Map<string, Placement>, pos: Pair[], neg: Pair[], same: Same): PairStats {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  const get = (p: Pair) => [placement.get(p.a), placement.get(p.b)] as const;
  for (const p of pos) {
    const [a, b] = get(p);
    if (a && b) {
      if (same(a, b)) tp++;
      else fn++;
    }
  }
  for (const p of neg) {
    const [a, b] = get(p);
    if (a && b) {
      if (same(a, b)) fp++;
      else tn++;
    }
  }
  return { tp, fp, fn, tn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}

export function fmt(s: PairStats): string {
  return `P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}, tn ${s.tn})`;
}

/** The set of co-grouped pairs (`a|b`, a < b) of a grouping. */
function coPairs(placement: Map<string, Placement>, key: (p: Placement) => string): Set<string> {
  const groups = new Map<string, string[]>();
  for (const [id, p] of placement) {
    const k = key(p);
    const l = groups.get(k);
    if (l) l.push(id);
    else groups.set(k, [id]);
  }
  const out = new Set<string>();
  for (const l of groups.values()) {
    l.sort();
    for (let i = 0; i < l.length; i++) for (let j = i + 1; j < l.length; j++) out.add(`${l[i]}|${l[j]}`);
  }
  return out;
}

/** Agreement of two groupings: co-grouped pairs in both / in either (1 = identical). */
export function agreement(x: Map<string, Placement>, y: Map<string, Placement>, key: (p: Placement) => string): { both: number; onlyX: number; onlyY: number; jaccard: number } {
  const a = coPairs(x, key);
  const b = coPairs(y, key);
  let both = 0;
  for (const p of a) if (b.has(p)) both++;
  const onlyX = a.size - both;
  const onlyY = b.size - both;
  return { both, onlyX, onlyY, jaccard: both + onlyX + onlyY ? both / (both + onlyX + onlyY) : 1 };
}

/** ROC-AUC of scores (positives should score higher), ties counted half. */
export function rocAuc(pos: number[], neg: number[]): number {
  const all = [...pos.map((s) => ({ s, p: 1 })), ...neg.map((s) => ({ s, p: 0 }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.s === all[i]!.s) j++;
    const avg = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (all[k]!.p) rankSum += avg;
    i = j;
  }
  return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

/** Best accuracy over thresholds (score ≥ t → positive), and that threshold. */
export function bestThreshold(pos: number[], neg: number[]): { threshold: number; accuracy: number } {
  const ts = [...new Set([...pos, ...neg])].sort((a, b) => a - b);
  let best = { threshold: 0, accuracy: 0 };
  for (const t of ts) {
    const acc = (pos.filter((s) => s >= t).length + neg.filter((s) => s < t).length) / (pos.length + neg.length);
    if (acc > best.accuracy) best = { threshold: t, accuracy: acc };
  }
  return best;
}
