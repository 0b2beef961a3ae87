/**
 * Places an editor tags that the gazetteer does not know: Saudi regions and governorates
 * (`عسير`، `حفر الباطن`، `صامطة`, data/keywords/places.txt, with its source). Found with their
 * clitics (`بعسير`، `ومحافظة الخرج` → `الخرج`), as many words as the longest listed name, outside datelines and outside
 * the gazetteer's own mentions. They feed keywords only (as `region` candidates ranked like
 * entities), not the stored entities: the list belongs in the gazetteer once it has regions.
 * The same matcher finds the occasions and market indices of data/keywords/named.txt (`findNamed`).
 * Contract: pure given the tokens; reads each list on first use.
 */
import { readFileSync } from 'node:fs';
import { rootUrl } from '../paths.ts';
import { normalize } from '../arabic/index.ts';
import { TITLE_WEIGHT } from './entities.ts';
import { cliticCandidates, infoOf, type DocToken } from './tokens.ts';
import type { EntityInfo } from './types.ts';

interface PlaceList {
  /** normalized name (every spelling of a line) → display name. */
  names: Map<string, string>;
  /** First words of the names: one set lookup per clitic reading of a token. */
  first: Set<string>;
  /** The first words, and those after ال without it: a token holds a listed name only when one ends it. */
  tails: Set<string>;
  /** The most words a name has. */
  longest: number;
}

/** Clitic letters a reading may cut from a token's start (و/ف, ب/ك/ل, ال; or و/ف + لل). */
const MAX_CUT = 4;
const lists = new Map<string, PlaceList>();

/** A list of data/keywords/: one name a line, its display name first and its other spellings after `|`; `#` starts a comment. */
function listOf(file: string): PlaceList {
  let list = lists.get(file);
  if (!list) {
    const names = new Map<string, string>();
    for (const line of readFileSync(rootUrl(`data/keywords/${file}`), 'utf8').split('\n')) {
      const spellings = line.trim().startsWith('#') ? [] : line.split('|').map((x) => x.trim()).filter(Boolean);
      for (const x of spellings) names.set(normalize(x), spellings[0]!);
    }
    const first = new Set([...names.keys()].map((k) => k.split(' ')[0]!));
    const longest = Math.max(1, ...[...names.keys()].map((k) => k.split(' ').length));
    list = { names, first, tails: new Set([...first].flatMap((w) => (w.startsWith('ال') ? [w, w.slice(2)] : [w]))), longest };
    lists.set(file, list);
  }
  return list;
}

/** Whether a normalized one-word name is a listed place (`بقيق`): what an office is of, for the people finder. */
export function isListedPlace(norm: string): boolean {
  return listOf('places.txt').names.has(norm);
}

/** The listed places an article names, most salient first; `covered`: norms already taken by entities. */
export function findPlaces(toks: readonly DocToken[], covered: ReadonlySet<string>): EntityInfo[] {
  return findListed(listOf('places.txt'), 'place', toks, covered);
}

/**
 * Named occasions and market indices (data/keywords/named.txt: `عيد الفطر`، `داو جونز`، `ستاندرد آند
 * بورز`): an editor tags them by name where they are the news or its occasion — the annotators
 * tagged `عيد الفطر` in 17 of the 26 dev articles that name it, every `داو جونز` —, and the phrase
 * finder gave them cut (`آند بورز`) or held them back as words of the telling.
 */
export function findNamed(toks: readonly DocToken[], covered: ReadonlySet<string>): EntityInfo[] {
  return findListed(listOf('named.txt'), 'named', toks, covered);
}

/** A list's names an article holds (the longest at each token, with its clitics), as `region` candidates, most salient first. */
function findListed(list: PlaceList, kind: 'place' | 'named', toks: readonly DocToken[], covered: ReadonlySet<string>): EntityInfo[] {
  const { names, first, tails, longest } = list;
  // Most tokens end in no listed first word: a few suffix lookups (once per spelling and list) skip their clitic readings.
  const field = kind === 'place' ? 'placeTail' : 'namedTail';
  const mayHold = (t: DocToken): boolean => {
    const info = infoOf(t);
    if (info[field] === undefined) {
      const norm = t.norm;
      let hit = false;
      for (let k = 0; k <= MAX_CUT && norm.length - k >= 2 && !hit; k++) hit = tails.has(k ? norm.slice(k) : norm);
      info[field] = hit;
    }
    return info[field];
  };
  const found = new Map<string, EntityInfo>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.dateline || !mayHold(t) || covered.has(t.norm)) continue;
    // The words after it in its sentence, up to the longest name.
    const after: string[] = [];
    for (let j = i + 1; j < toks.length && after.length < longest - 1 && !toks[j]!.brk && toks[j]!.seg === t.seg; j++) after.push(toks[j]!.norm);
    for (const c of cliticCandidates(t.norm)) {
      if (!first.has(c.key)) continue;
      let n = after.length + 1;
      while (n > 0 && !names.has([c.key, ...after.slice(0, n - 1)].join(' '))) n--;
      if (n === 0) continue;
      const key = [c.key, ...after.slice(0, n - 1)].join(' ');
      const name = names.get(key)!;
      let e = found.get(name);
      if (!e) found.set(name, (e = { id: `${kind}:${normalize(name)}`, type: 'region', name, mentions: 0, salience: 0, titleMentions: 0, first: i, surfaces: [name], coveredNorms: [], coveredAt: [] }));
      e.mentions++;
      e.salience += t.seg === 0 ? 1 + TITLE_WEIGHT : 1;
      if (t.seg === 0) e.titleMentions++;
      // A place's spellings are its own wherever written; a named occasion's words are common
      // (`عيد`، `الفطر`): only the tokens of its mentions are taken (`عيد طيبة` stays a phrase).
      if (kind === 'place') e.coveredNorms.push(t.norm, ...after.slice(0, n - 1));
      else for (let k = i; k < i + n; k++) e.coveredAt!.push(k);
      i += n - 1;
      break;
    }
  }
  return [...found.values()].sort((a, b) => b.salience - a.salience || a.first - b.first);
}
