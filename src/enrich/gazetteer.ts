/**
 * The gazetteer index: data/gazetteer/entities.json turned into a hash from a name's first
 * normalized token to the names that start with it (longest first), so matching costs one
 * hash lookup per clitic candidate per word (see match.ts).
 *
 * Why a first-token hash rather than a full trie: names are 1–6 words and few share a first
 * word, so checking the rest of each candidate name is as fast and much simpler.
 * Contract: `loadGazetteer()` reads the shipped file once (lazily, cached); `indexGazetteer`
 * builds an index from any Gazetteer (tests use small ones). Names are tokenized and
 * normalized with the one analyzer, exactly like article text.
 */
import { readFileSync } from 'node:fs';
import { rootUrl } from '../paths.ts';
import { tokenize } from '../arabic/index.ts';
import type { Gazetteer, GazetteerEntity } from './types.ts';
import { cleanSurface } from './tokens.ts';

export type { Gazetteer, GazetteerEntity };

export interface NameEntry {
  /** Normalized tokens of the name. */
  tokens: string[];
  /** Entities this spelling names: one normally, several when ambiguous (عمان), none when blocked. */
  ids: string[];
  /** Demonym forms accept an article (الروسي); names do not (هند is not الهند). */
  demonym: boolean;
  /** When set, the word as written must end with this spelling (جدة, not وجده). */
  exact?: string;
}

export interface GazetteerIndex {
  byId: Map<string, GazetteerEntity>;
  /** First normalized token → entries, longest name first. */
  byFirst: Map<string, NameEntry[]>;
}

const FILE = rootUrl('data/gazetteer/entities.json');
let shipped: GazetteerIndex | undefined;

/** The index over the shipped gazetteer (read on first use). */
export function loadGazetteer(): GazetteerIndex {
  shipped ??= indexGazetteer(JSON.parse(readFileSync(FILE, 'utf8')) as Gazetteer);
  return shipped;
}

const norms = (name: string): string[] => tokenize(name).map((t) => t.norm);

export function indexGazetteer(g: Gazetteer): GazetteerIndex {
  const byId = new Map(g.entities.map((e) => [e.id, e]));
  const entries = new Map<string, NameEntry>();
  const add = (name: string, id: string | null, demonym: boolean, exact?: string): void => {
    const tokens = norms(name);
    if (tokens.length === 0) return;
    const k = `${demonym ? 'd' : 'n'}|${exact ?? ''}|${tokens.join(' ')}`;
    let e = entries.get(k);
    if (!e) {
      e = { tokens, ids: [], demonym, ...(exact ? { exact } : {}) };
      entries.set(k, e);
    }
    if (id && !e.ids.includes(id)) e.ids.push(id);
  };
  for (const ent of g.entities) {
    const exact = new Set((ent.exact ?? []).map(cleanSurface));
    for (const n of ent.names) add(n, ent.id, false, exact.has(cleanSurface(n)) ? cleanSurface(n) : undefined);
    for (const d of ent.demonyms ?? []) add(d, ent.id, true, exact.has(cleanSurface(d)) ? cleanSurface(d) : undefined);
  }
  for (const b of g.blocked) add(b, null, false);
  const byFirst = new Map<string, NameEntry[]>();
  for (const e of entries.values()) {
    const list = byFirst.get(e.tokens[0]!) ?? [];
    list.push(e);
    byFirst.set(e.tokens[0]!, list);
  }
  // Longest first; at equal length a blocked phrase first, so it wins over the name or demonym it spells.
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length || Number(a.ids.length > 0) - Number(b.ids.length > 0));
  return { byId, byFirst };
}
