/**
 * PLACEHOLDER (the analyzer helper finalizes this). From text to index terms:
 * tokenize → normalize → drop stopwords → stem.
 */
import { tokenize, type Token } from './tokenize.ts';
import { isStopword } from './stopwords.ts';
import { stem } from './stem.ts';

export interface Term extends Token {
  /** The index term (normalized and stemmed). */
  term: string;
  /** Position among all tokens (stopwords included), for phrases and proximity. */
  pos: number;
}

/** Terms with their positions and original spans (stopwords dropped). */
export function analyzeTokens(text: string): Term[] {
  const out: Term[] = [];
  tokenize(text).forEach((t, pos) => {
    if (!isStopword(t.norm)) out.push({ ...t, term: stem(t.norm), pos });
  });
  return out;
}

/** The index terms of a text, in order. */
export function analyze(text: string): string[] {
  return analyzeTokens(text).map((t) => t.term);
}
