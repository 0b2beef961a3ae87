/**
 * Fits keyword-told.ts WEAK_MODEL: a logistic model of a reader's «weak» over the features
 * keyword-told.ts gives each word or phrase candidate (toldFeatures), from the judgments in
 * judged/ — trained on sets c, d, g and h, tested on e and f (judged by other readers, every one
 * of their first twelve candidates). Deterministic: zero start, full-batch gradient descent.
 * Prints the weights to paste into WEAK_MODEL, the AUC on both halves and, on the test half,
 * the judged weak share of the candidates at or over WEAK_P against under it.
 * Run: node --import tsx eval/understand/fit-weak.ts
 */
import { analyzeEntities, extractKeywords, shippedTermStats } from '../../src/enrich/index.ts';
import { WEAK_P } from '../../src/enrich/keyword-told.ts';
import { loadAnnotations, loadArticles } from '../understand.ts';
import { loadJudgments } from './judged.ts';

const TRAIN = ['c', 'd', 'g', 'h'];
const TEST = ['e', 'f'];
const ITERATIONS = 3000;
const RATE = 0.5;
const L2 = 0.0005;

interface Row {
  x: number[];
  y: number;
}

function rows(sets: string[]): Row[] {
  const articles = loadArticles();
  const annotations = loadAnnotations();
  const judgments = loadJudgments();
  const stats = shippedTermStats();
  const out: Row[] = [];
  for (const set of sets) {
    for (const g of annotations.get(set) ?? []) {
      const a = articles.get(g.id);
      const j = judgments.get(g.id);
      if (!a || !j) continue;
      const doc = { title: a.title, text: a.content };
      const seen = new Map<string, number[]>();
      extractKeywords(doc, stats, { entities: analyzeEntities(doc), max: 12, onTold: (d, x) => void (seen.has(d) || seen.set(d, x)) });
      for (const [k, x] of seen) {
        const judged = j.get(k);
        // (The model decides only where the corpus gives a focus share: feature 6 is «unknown».)
        if (judged && x[6] === 0) out.push({ x, y: judged.weak ? 1 : 0 });
      }
    }
  }
  return out;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const predict = (w: number[], x: number[]): number => sigmoid(x.reduce((s, v, i) => s + v * w[i]!, 0));

function fit(train: Row[]): number[] {
  const d = train[0]!.x.length;
  const w = new Array<number>(d).fill(0);
  for (let it = 0; it < ITERATIONS; it++) {
    const grad = new Array<number>(d).fill(0);
    for (const r of train) {
      const e = predict(w, r.x) - r.y;
      r.x.forEach((v, i) => (grad[i]! += e * v));
    }
    for (let i = 0; i < d; i++) w[i]! -= (RATE * grad[i]!) / train.length + (i ? L2 * w[i]! : 0);
  }
  return w;
}

function auc(w: number[], rs: Row[]): number {
  const p = rs.map((r) => [predict(w, r.x), r.y] as const);
  const ok = p.filter((x) => !x[1]);
  const weak = p.filter((x) => x[1]);
  let s = 0;
  for (const o of ok) for (const q of weak) s += q[0] > o[0] ? 1 : q[0] === o[0] ? 0.5 : 0;
  return s / (ok.length * weak.length);
}

const train = rows(TRAIN);
const test = rows(TEST);
const w = fit(train);
const r3 = (v: number): string => v.toFixed(3);
console.log(`WEAK_MODEL = [${w.map((v) => v.toFixed(2)).join(', ')}]`);
console.log(`train (${TRAIN.join(', ')}): ${train.length} judged candidates, ${train.filter((r) => r.y).length} weak, AUC ${r3(auc(w, train))}`);
console.log(`test (${TEST.join(', ')}): ${test.length} judged candidates, ${test.filter((r) => r.y).length} weak, AUC ${r3(auc(w, test))}`);
const over = test.filter((r) => predict(w, r.x) >= WEAK_P);
const under = test.filter((r) => predict(w, r.x) < WEAK_P);
const share = (rs: Row[]): string => r3(rs.filter((r) => r.y).length / Math.max(1, rs.length));
console.log(`test, p ≥ ${WEAK_P}: ${over.length} candidates, ${share(over)} weak; under: ${under.length}, ${share(under)} weak`);
