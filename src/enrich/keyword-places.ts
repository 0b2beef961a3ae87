/**
 * Places an editor tags that the gazetteer does not know: Saudi regions and governorates
 * (`عسير`، `حفر الباطن`، `صامطة`, data/keywords/places.txt, with its source). Found with their
 * clitics (`بعسير`، `ومحافظة الخرج` → `الخرج`), one or two words, outside datelines and outside
 * the gazetteer's own mentions. They feed keywords only (as `region` candidates ranked like
 * entities), not the stored entities: the list belongs in the gazetteer once it has regions.
 * Contract: pure given the tokens; reads the list on first use.
 */
import { readFileSync } from 'node:fs';
import { rootUrl } from '../paths.ts';
import { normalize } from '../arabic/index.ts';
import { TITLE_WEIGHT } from './entities.ts';
import { cliticCandidates, infoOf, type DocToken } from './tokens.ts';
import type { EntityInfo } from './types.ts';

interface PlaceList {
  /** normalized name → display name. */
  names: Map<string, string>;
  /** First words of the names: one set lookup per clitic reading of a token. */
  first: Set<string>;
  /** The first words, and those after ال without it: a token holds a listed place only when one ends it. */
  tails: Set<string>;
}

/** Clitic letters a reading may cut from a token's start (و/ف, ب/ك/ل, ال; or و/ف + لل). */
const MAX_CUT = 4;
let places: PlaceList | undefined;

function placeList(): PlaceList {
  if (!places) {
    const names = new Map(
      readFileSync(rootUrl('data/keywords/places.txt'), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => [normalize(l), l] as const),
    );
    const first = new Set([...names.keys()].map((k) => k.split(' ')[0]!));
    places = { names, first, tails: new Set([...first].flatMap((w) => (w.startsWith('ال') ? [w, w.slice(2)] : [w]))) };
  }
  return places;
}

/** Whether a normalized one-word name is a listed place (`بقيق`): what an office is of, for the people finder. */
export function isListedPlace(norm: string): boolean {
  return placeList().names.has(norm);
}

/** The listed places an article names, most salient first; `covered`: norms already taken by entities. */
export function findPlaces(toks: readonly DocToken[], covered: ReadonlySet<string>): EntityInfo[] {
  const { names: list, first, tails } = placeList();
  // Most tokens end in no listed first word: a few suffix lookups (once per spelling) skip their clitic readings.
  const mayHold = (t: DocToken): boolean => {
    const info = infoOf(t);
    if (info.placeTail === undefined) {
      const norm = t.norm;
      let hit = false;
      for (let k = 0; k <= MAX_CUT && norm.length - k >= 2 && !hit; k++) hit = tails.has(k ? norm.slice(k) : norm);
      info.placeTail = hit;
    }
    return info.placeTail;
  };
  const found = new Map<string, EntityInfo>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.dateline || !mayHold(t) || covered.has(t.norm)) continue;
    const next = toks[i + 1];
    const pair = next && !next.brk && next.seg === t.seg ? next.norm : undefined;
    for (const c of cliticCandidates(t.norm)) {
      if (!first.has(c.key)) continue;
      const two = pair !== undefined && list.has(c.key + ' ' + pair);
      const key = two ? c.key + ' ' + pair : c.key;
      const name = list.get(key);
      if (!name) continue;
      let e = found.get(key);
      if (!e) found.set(key, (e = { id: `place:${key}`, type: 'region', name, mentions: 0, salience: 0, titleMentions: 0, first: i, surfaces: [name], coveredNorms: [] }));
      e.mentions++;
      e.salience += t.seg === 0 ? 1 + TITLE_WEIGHT : 1;
      if (t.seg === 0) e.titleMentions++;
      e.coveredNorms.push(t.norm, ...(two ? [pair] : []));
      if (two) i++;
      break;
    }
  }
  return [...found.values()].sort((a, b) => b.salience - a.salience || a.first - b.first);
}
