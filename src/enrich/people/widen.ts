/**
 * A person the finder read by one word (`وأضاف داود`, `وأوضح عقيل`) whose given name the article
 * writes right before it elsewhere, where no cue marked it (`المستثمر في قطاع الإسكان نضال داود`):
 * that word and the name are one span, so the person is named whole (`نضال داود`) and counted
 * once. The word must be a listed given name (data/people/names.tsv) and no past verb, and the
 * article must write one such word before the name and no other (`أيمن عقيل` beside `نضال عقيل`
 * are two people), and give the name no longer form (`باراك أوباما`: `فاز أوباما` is no person).
 * Over every fifth SaudiNewsNet article (4,964) three people change, all read right (`نضال داود`,
 * `أيمن عقيل`, `شريف حازم`). A word no list knows (`ميك فانينغ`, `ويتني هيوستن`) is left alone:
 * in the same articles such words were as often verbs and nouns (`أجاب كيري`, `ضريح عرفات`).
 * Contract: pure; returns the spans with the new ones in order.
 */
import type { Match } from '../match.ts';
import { spanText, type NameSpan } from './cues.ts';
import type { PeopleLexicon } from './lexicon.ts';
import { nameWord, pastVerb } from './words.ts';
import type { DocToken } from '../tokens.ts';

export function givenBefore(spans: NameSpan[], tokens: DocToken[], matches: Match[], lx: PeopleLexicon): NameSpan[] {
  // (Not a name the article also gives longer: `أوباما` beside `باراك أوباما`.)
  const longer = new Set(spans.filter((s) => s.end - s.start > 1).flatMap((s) => s.norms));
  const single = new Set(spans.filter((s) => s.end - s.start === 1 && !longer.has(s.norms[0]!)).map((s) => s.norms[0]!));
  if (single.size === 0) return spans;
  const taken = new Set<number>();
  for (const m of matches) for (let k = 0; k < m.len; k++) taken.add(m.start + k);
  for (const s of spans) for (let k = s.start; k < s.end; k++) taken.add(k);
  const given = (n: string): boolean => lx.given.has(n) && nameWord(lx, n) && !pastVerb(lx, n);
  // name → the words written right before it that could be its given name, and where.
  const before = new Map<string, Map<string, number[]>>();
  tokens.forEach((t, j) => {
    if (j === 0 || !single.has(t.norm) || t.brk || taken.has(j - 1)) return;
    const w = tokens[j - 1]!;
    if (w.seg !== t.seg || !given(w.norm)) return;
    const m = before.get(t.norm) ?? before.set(t.norm, new Map()).get(t.norm)!;
    (m.get(w.norm) ?? m.set(w.norm, []).get(w.norm)!).push(j - 1);
  });
  const added: NameSpan[] = [];
  for (const m of before.values()) {
    if (m.size !== 1) continue;
    for (const at of [...m.values()][0]!) added.push({ start: at, end: at + 2, norms: [tokens[at]!.norm, tokens[at + 1]!.norm], surface: spanText(tokens, at, at + 2, 0), via: 'given' });
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.start - b.start) : spans;
}
