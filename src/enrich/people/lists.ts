/**
 * Names in a comma-separated list with no title or known given name of their own (`بدر المطرفي،
 * إبراهيم النمري، عماد القدسي، صفوت صابر، غسان آل واضح`): two words between two names the finder
 * read (find.ts), each set off by punctuation, are a name too when each word could be one — listed,
 * or a word no list knows that is no common noun, verb or particle (words.ts `unknownNameWord`),
 * the first without ال; after a listed given name, any name word but a past verb. Cast lists, squads and lists of winners are written so.
 * Contract: pure; returns the spans with the new ones in order.
 */
import type { Match } from '../match.ts';
import { spanText, type NameSpan } from './cues.ts';
import type { PeopleLexicon } from './lexicon.ts';
import { nameWord, pastVerb, unknownNameWord } from './words.ts';
import type { DocToken } from '../tokens.ts';

export function listNames(spans: NameSpan[], tokens: DocToken[], matches: Match[], lx: PeopleLexicon): NameSpan[] {
  if (spans.length < 2) return spans;
  const taken = new Set<number>();
  for (const m of matches) for (let k = 0; k < m.len; k++) taken.add(m.start + k);
  const out: NameSpan[] = [];
  const word = (i: number, first: boolean): boolean => {
    const t = tokens[i]!;
    const n = t.norm;
    if (taken.has(i) || !nameWord(lx, n) || (first && (n.startsWith('ال') || /^[وفبلك]/.test(n) && !lx.given.has(n)))) return false;
    return lx.given.has(n) || lx.surname.has(n) || unknownNameWord(lx, n);
  };
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k]!;
    out.push(a);
    const b = spans[k + 1];
    if (!b) continue;
    const i = a.end;
    // Exactly two words between them, the list's punctuation before each item and after this one.
    if (b.start !== i + 2 || !tokens[i]?.brk || tokens[i + 1]!.brk || !tokens[b.start]!.brk || tokens[i]!.seg !== tokens[b.start]!.seg) continue;
    if (!tokens[a.start]!.brk && a.via !== 'given') continue;
    // (After a listed given name the family name may be a common word: صفوت صابر.)
    if (!word(i, true) || !(word(i + 1, false) || (lx.given.has(tokens[i]!.norm) && nameWord(lx, tokens[i + 1]!.norm) && !taken.has(i + 1) && !pastVerb(lx, tokens[i + 1]!.norm)))) continue;
    out.push({ start: i, end: i + 2, norms: [tokens[i]!.norm, tokens[i + 1]!.norm], surface: spanText(tokens, i, i + 2, 0), via: 'given' });
  }
  return out;
}
