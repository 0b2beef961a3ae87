/**
 * Stemming for the index: the light stemmer (default), Snowball, or none, all with one
 * signature `(norm) => stem` so the search benchmark can swap them.
 *
 * Contract: input is a normalized token (Token.norm); the same function must be used for
 * indexing and for queries. `stem` is the default (light) stemmer.
 */
import { lightStem } from './stem/light.ts';
import { snowballStem } from './stem/snowball.ts';

export type StemmerName = 'light' | 'snowball' | 'none';
export type Stemmer = (norm: string) => string;

export const stemmers: Readonly<Record<StemmerName, Stemmer>> = {
  light: lightStem,
  snowball: snowballStem,
  none: (norm) => norm,
};

/** The default stemmer (light). */
export function stem(norm: string): string {
  return lightStem(norm);
}
