/**
 * What the snippet tests share: the articles of one real corpus day (test/testdata/saudinewsnet,
 * see its README), an analyzer that counts the characters it is given, and the seeded queries
 * asked of each article (its headline, words far into its text, mixes, another article's headline).
 */
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Analyzer } from '../src/search/analyzer.ts';

export interface DayArticle {
  source: string;
  url: string;
  title: string;
  content: string;
}

/** The articles of 2015-07-22 with a title and a text. */
export function dayArticles(): DayArticle[] {
  const zip = unzipSync(readFileSync(new URL('testdata/saudinewsnet/2015-07-22.zip', import.meta.url)));
  return (JSON.parse(strFromU8(Object.values(zip)[0]!)) as DayArticle[]).filter((a) => a.title && a.content);
}

/** Arabic words of three letters or more. */
export const words = (s: string): string[] => s.split(/[\s«»"'“”:،,.؟?!()\-–—/|]+/u).filter((w) => /^[\u0621-\u064A]{3,}$/u.test(w));

/** The analyzer, counting the characters it is given. */
export function counting(a: Analyzer): Analyzer & { chars: number } {
  const c: Analyzer & { chars: number } = { ...a, chars: 0, terms: (text) => ((c.chars += text.length), a.terms(text)) };
  if (a.probedTerms) c.probedTerms = (text, probes) => ((c.chars += text.length), a.probedTerms!(text, probes));
  return c;
}

/** A seeded query maker: `queriesFor(articles, i)` gives article i's five queries (the same sequence for the same seed). */
export function querySampler(seed = 20150722): (articles: readonly DayArticle[], i: number) => string[] {
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
  return (articles, i) => {
    const a = articles[i]!;
    const tw = words(a.title);
    const xw = words(a.content);
    const other = words(articles[(i * 7 + 3) % articles.length]!.title);
    const late = xw.slice(Math.floor(xw.length * 0.8));
    return [
      tw.join(' '), // the headline (a title-only match when the text lacks its words)
      [pick(late), pick(late)].join(' '), // words only far into the text
      [pick(tw), pick(xw)].join(' '),
      other.slice(0, 3).join(' '), // another article's headline: mostly no match
      [pick(late), pick(other)].join(' '),
    ];
  };
}
