/**
 * Keywords judged weak by a reader (eval/understand/judged/weak-*.jsonl): the automatic rules of
 * score.ts (`weakReason`) see only what a word's shape and the corpus counts show — verbs,
 * clitics, fragments the corpus never writes alone, words in half the corpus — so they found 1–4 %
 * of Marsad's keywords weak where a reader finds a third. Each line: `{id, judged: [{k, weak, why?}]}`,
 * one judgment per keyword Marsad gave at the time; `why` ∈ verb, fragment, clitic, adverb,
 * adjective, generic, wrong. A keyword Marsad now gives that no one judged is counted apart
 * (`unjudged`): the share is over the judged ones, and the coverage says how far it reaches.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const DIR = new URL('./judged/', import.meta.url);

export interface Judgment {
  k: string;
  weak: boolean;
  why?: string;
}

/** Article id → keyword → judgment. */
export type Judgments = Map<string, Map<string, Judgment>>;

/** Every judgment file's lines, merged (a later file's word wins). */
export function loadJudgments(): Judgments {
  const out = new Map<string, Map<string, Judgment>>();
  if (!existsSync(DIR)) return out;
  for (const f of readdirSync(DIR).filter((x) => /^weak-.*\.jsonl$/.test(x)).sort()) {
    for (const line of readFileSync(new URL(f, DIR), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { id, judged } = JSON.parse(line) as { id: string; judged: Judgment[] };
      const m = out.get(id) ?? new Map<string, Judgment>();
      for (const j of judged) m.set(j.k, j);
      out.set(id, m);
    }
  }
  return out;
}

export interface JudgedTally {
  keywords: number;
  judged: number;
  weak: number;
  why: Record<string, number>;
}

export const emptyJudged = (): JudgedTally => ({ keywords: 0, judged: 0, weak: 0, why: {} });

/** Adds one article's keywords to `t`; false when no one judged that article. */
export function tallyJudged(t: JudgedTally, judgments: Judgments, id: string, keywords: string[]): boolean {
  const j = judgments.get(id);
  if (!j) return false;
  for (const k of keywords) {
    t.keywords++;
    const x = j.get(k);
    if (!x) continue;
    t.judged++;
    if (x.weak) {
      t.weak++;
      if (x.why) t.why[x.why] = (t.why[x.why] ?? 0) + 1;
    }
  }
  return true;
}
