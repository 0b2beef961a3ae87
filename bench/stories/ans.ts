/**
 * The ANS stance headline pairs (../shared/corpus/pairs/ans/stance/*.csv): how well the
 * title similarity used by story grouping separates `agree` (same story, paraphrased)
 * from `disagree` (near-identical headline, different fact). Format: `s1,s2,stance`, no
 * quoting (PROVENANCE.md).
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/arabic/index.ts';
import { weightedCosine, type Idf } from '../../src/stories/similarity.ts';
import { bestThreshold, rocAuc } from './eval.ts';

export const ANS_DIR = new URL('../../../shared/corpus/pairs/ans/stance/', import.meta.url);

export interface AnsPair {
  s1: string;
  s2: string;
  stance: string;
}

export function loadAns(file: 'train' | 'dev'): AnsPair[] {
  const lines = readFileSync(new URL(`${file}.csv`, ANS_DIR), 'utf8').split('\n').slice(1);
  const out: AnsPair[] = [];
  for (const l of lines) {
    const parts = l.split(',');
    if (parts.length !== 3) continue;
    out.push({ s1: parts[0]!, s2: parts[1]!, stance: parts[2]!.trim() });
  }
  return out;
}

export interface AnsReport {
  agree: number;
  disagree: number;
  auc: number;
  best: { threshold: number; accuracy: number };
  /** Disagree pairs at or above the story title threshold (would merge if titles sufficed). */
  disagreeAboveTitle: number;
  meanAgree: number;
  meanDisagree: number;
}

export function ansReport(pairs: AnsPair[], idf: Idf, titleThreshold: number): AnsReport {
  const sim = (p: AnsPair) => weightedCosine([...new Set(analyze(p.s1))], [...new Set(analyze(p.s2))], idf);
  const pos = pairs.filter((p) => p.stance === 'agree').map(sim);
  const neg = pairs.filter((p) => p.stance === 'disagree').map(sim);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    agree: pos.length,
    disagree: neg.length,
    auc: rocAuc(pos, neg),
    best: bestThreshold(pos, neg),
    disagreeAboveTitle: neg.filter((s) => s >= titleThreshold).length,
    meanAgree: mean(pos),
    meanDisagree: mean(neg),
  };
}
