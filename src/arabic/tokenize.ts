/** PLACEHOLDER (the analyzer helper replaces this): splits on non-letters/digits. */
import { normalize } from './normalize.ts';

export interface Token {
  /** The word as written (original spelling, for display and highlighting). */
  surface: string;
  /** The normalized form (see normalize.ts). */
  norm: string;
  /** UTF-16 offsets of `surface` in the input. */
  start: number;
  end: number;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const norm = normalize(m[0]);
    if (norm) out.push({ surface: m[0], norm, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
