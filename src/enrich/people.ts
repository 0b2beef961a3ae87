/**
 * People named in an article: where (people/find.ts: titles, honorifics, verbs of saying,
 * nasab chains, known given names), who (people/merge.ts: one id per person, spellings and
 * shorter forms merged, last-name mentions counted), from the word lists in data/people/
 * (people/lexicon.ts).
 *
 * Example: `وزير الدفاع الروسي، سيرجي شويجو … عن شويجو` gives one person, name `سيرجي شويجو`,
 * role `وزير الدفاع الروسي`, 2 mentions, id `person:سرجي_شجو` (the id folds transliteration
 * variants: `سيرغي شويغو` elsewhere has the same id).
 * Contract: pure; returns people in order of first mention.
 */
import type { Match } from './match.ts';
import type { DocToken } from './tokens.ts';
import { findNames } from './people/find.ts';
import { listNames } from './people/lists.ts';
import { givenBefore } from './people/widen.ts';
import { lexicon } from './people/lexicon.ts';
import { mergePeople, personKey as personKeyOf, type Person } from './people/merge.ts';
import { tokenize } from '../arabic/index.ts';

export type { Person };
export { personKey, foldForeign, idWords } from './people/merge.ts';

/**
 * The spelling-insensitive lookup key of a typed or written name (`شويغو`, `سيرجي شويجو`):
 * its words through `personKey` (hamza, عبد الله spacing, transliteration fold), space-joined.
 */
export function personLookupKey(name: string): string {
  return personKeyOf(tokenize(name).map((t) => t.norm), lexicon()).join(' ');
}

export function findPeople(tokens: DocToken[], matches: Match[]): Person[] {
  const lx = lexicon();
  return mergePeople(givenBefore(listNames(findNames(tokens, matches, lx), tokens, matches, lx), tokens, matches, lx), tokens, lx);
}
