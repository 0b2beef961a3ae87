/**
 * Airports an editor tags by their whole name (`مطار الملك عبدالعزيز الدولي`, `مطار آل مكتوم
 * الدولي`, `مطار تمناع`), for keywords.ts. The gazetteer knows the city, the people
 * finder rightly sees no person in `الملك عبدالعزيز` there (people/find.ts), and the phrase finder
 * cut the name (`جمرك مطار`, `مطار الملك`): the annotators' keywords name nine airports, none of
 * which Marsad gave. The name is `مطار` (with its clitics, not `المطار`) and then
 * - an honorific and a name: `الملك`/`الأمير`/`الأميرة`/`الشيخ`, an indefinite word, and `بن` links;
 * - `آل` and a word (`آل مكتوم`);
 * - or one rare word the corpus never writes with ال (`تمناع`; not `مطار جديد`, `مطار دولي`,
 *   `مطار مزدحم`), no place the entities name: `مطار أبها` stays the city's (`أبها` is the keyword,
 *   which a longer keyword holding it would take away);
 * then `الدولي`/`الإقليمي`/`المحلي` when written. Like competitions and events (keyword-events.ts)
 * they rank like entities, their words are no keyword of their own, and they are not stored as
 * entities (GUIDELINES.md counts an airport as no organisation). A shorter form the article also
 * writes (`مطار الملك عبدالعزيز` beside `مطار الملك عبدالعزيز الدولي`) is the longer one.
 * Contract: pure given the tokens, the entities' words and the term statistics.
 */
import { isStopword } from '../arabic/index.ts';
import { TITLE_WEIGHT } from './entities.ts';
import { verbLike } from './keyword-forms.ts';
import { lexicon } from './people/lexicon.ts';
import type { TermStats } from './termstats.ts';
import { cleanSurface, cliticCandidates, displayPart, type DocToken } from './tokens.ts';
import type { EntityInfo } from './types.ts';

const HONORIFIC = new Set(['الملك', 'الامير', 'الاميره', 'الشيخ']);
const CLOSING = new Set(['الدولي', 'الاقليمي', 'المحلي']);
/** A word after the head is a name when the corpus uses it in fewer documents than this (and never with ال). */
const RARE_DF = 100;
const NAME = /^[\u0621-\u064a]{2,}$/;
/** At most this many `بن` links after the honorific's name. */
const MAX_LINKS = 3;

/** The airports an article names, as entity-like keyword candidates; `covered`: the entities' words (no airport's name). */
export function findFacilities(toks: readonly DocToken[], covered: ReadonlySet<string>, stats: TermStats): EntityInfo[] {
  const found = new Map<string, EntityInfo>();
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    // (a substring test first: reading every token's clitics cost 0.24 ms an article)
    if (t.dateline || !t.norm.endsWith('مطار')) continue;
    const head = cliticCandidates(t.norm).find((c) => c.key === 'مطار' && !c.restoreAl);
    if (!head) continue;
    const at = (k: number): DocToken | undefined => (k < toks.length && !toks[k]!.brk && toks[k]!.seg === t.seg ? toks[k] : undefined);
    const plain = (k: number): boolean => !!at(k) && NAME.test(at(k)!.norm) && !at(k)!.norm.startsWith('ال') && !isStopword(at(k)!.norm);
    // A name word's end: `عبد` takes the word after it (`عبد العزيز`, written apart).
    const past = (k: number): number => (at(k)!.norm === 'عبد' && at(k + 1)?.norm.startsWith('ال') ? k + 2 : k + 1);
    let j = i + 1;
    const first = at(j);
    if (!first) continue;
    if (HONORIFIC.has(first.norm) && plain(j + 1)) {
      j = past(j + 1);
      for (let n = 0; n < MAX_LINKS && at(j)?.norm === 'بن' && plain(j + 1); n++) j = past(j + 1);
    } else if (first.norm === 'ال' && plain(j + 1)) {
      // (`آل` normalized: `آل مكتوم`)
      j += 2;
    } else if (plain(j) && !covered.has(first.norm) && rareName(first.norm, stats)) {
      j++;
    } else continue;
    if (at(j) && CLOSING.has(at(j)!.norm)) j++;
    const words = toks.slice(i + 1, j);
    const key = words.map((u) => u.norm).join(' ');
    const name = [displayPart(t.surface, head), ...words.map((u) => cleanSurface(u.surface))].join(' ');
    let e = found.get(key);
    if (!e) found.set(key, (e = { id: `facility:${key}`, type: 'region', name, mentions: 0, salience: 0, titleMentions: 0, first: i, surfaces: [name], coveredNorms: [], coveredAt: [] }));
    e.mentions++;
    e.salience += t.seg === 0 ? 1 + TITLE_WEIGHT : 1;
    if (t.seg === 0) e.titleMentions++;
    for (let k = i; k < j; k++) e.coveredAt!.push(k);
    i = j - 1;
  }
  // A shorter form is the longer one when exactly one longer form begins with it.
  const all = [...found.entries()];
  for (const [key, e] of all) {
    const longer = all.filter(([k]) => k !== key && k.startsWith(key + ' ') && found.has(k));
    if (longer.length !== 1) continue;
    const into = longer[0]![1];
    into.mentions += e.mentions;
    into.salience += e.salience;
    into.titleMentions += e.titleMentions;
    into.first = Math.min(into.first, e.first);
    into.coveredAt!.push(...e.coveredAt!);
    found.delete(key);
  }
  return [...found.values()];
}

/**
 * A word the corpus knows as a name: rare, never with ال, no verb (`تمناع`; not `جديد`, `دولي`), no
 * given name alone (`مطار محمد` is `مطار محمد الخامس` cut), no pronoun-suffixed word and no word
 * glued to و/ب/ل/ف whose rest the corpus knows (`مطار وميناء`, `مطار لجهودهم`, `مطار وتحسينها`).
 */
function rareName(norm: string, stats: TermStats): boolean {
  const df = stats.df(norm);
  if (df >= RARE_DF || stats.df('ال' + norm) > 0 || verbLike(norm, df, stats) || lexicon().given.has(norm)) return false;
  if (/(ها|هم|هما|هن)$/.test(norm)) return false;
  return !(/^[وبلف]/.test(norm) && (stats.df(norm.slice(1)) >= 20 || isStopword(norm.slice(1))));
}
