/**
 * The whole corpus's candidate pairs, scored offline: what `bench:order --algo stable` builds
 * one arrival at a time, built once so that an edge rule can be compared with another in
 * seconds. By invariants 2–4 of docs/STORIES.md (symmetric candidates, pure edges, stories a
 * pure function of each component), partitioning the edges of every candidate pair gives
 * exactly the stories of any arrival order.
 *
 * The entries (with entities: enrich is the slow part) and the candidate pairs can be cached
 * in a folder (`--cache DIR`), since they depend on the corpus and the candidate rule only.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCorpus } from '../stories/corpus.ts';
import { extractEntities } from '../../src/enrich/index.ts';
import { edgeOf, entryOf, frozenWeights, MemoryStoryIndex, partition, STABLE_DEFAULTS, type Placed, type StableOptions, type StoryEdge, type StoryEntry } from '../../src/stories/index.ts';
import { candidates } from '../../src/stories/stable.ts';

export interface Graph {
  entries: Map<string, StoryEntry>;
  /** Candidate pairs, smaller id first, each once. */
  pairs: Array<[string, string]>;
  titles: Map<string, string>;
  texts: Map<string, string>;
}

type Stored = Omit<StoryEntry, 'shingles'> & { shingles: number[] };

/** Entries and candidate pairs of the corpus under `corpus`, from `cache` when it holds them. */
export async function loadGraph(corpus: string, cache?: string): Promise<Graph> {
  const arts = loadCorpus(undefined, pathToFileURL(resolve(corpus, 'saudinewsnet') + '/'));
  const titles = new Map(arts.map((a) => [a.id, a.title]));
  const texts = new Map(arts.map((a) => [a.id, a.text]));
  const file = cache ? join(cache, 'graph.json') : null;
  if (file && existsSync(file)) {
    const g = JSON.parse(readFileSync(file, 'utf8')) as { entries: Stored[]; pairs: Array<[string, string]> };
    const entries = new Map(g.entries.map((e) => [e.id, { ...e, shingles: Uint32Array.from(e.shingles) } as StoryEntry]));
    return { entries, pairs: g.pairs, titles, texts };
  }
  const o = STABLE_DEFAULTS;
  const w = frozenWeights();
  const index = new MemoryStoryIndex();
  const entries = new Map<string, StoryEntry>();
  for (const a of arts) {
    const e = entryOf({ ...a, entities: extractEntities(a) });
    entries.set(e.id, e);
    index.addEntry({ ...e, storyId: `s-${e.id}` });
  }
  const seen = new Set<string>();
  const pairs: Array<[string, string]> = [];
  for (const e of entries.values())
    for (const c of await candidates(index, e, o, w)) {
      const [a, b] = e.id < c ? [e.id, c] : [c, e.id];
      const k = `${a}|${b}`;
      if (!seen.has(k)) {
        seen.add(k);
        pairs.push([a, b]);
      }
    }
  if (file) {
    mkdirSync(cache!, { recursive: true });
    writeFileSync(file, JSON.stringify({ entries: [...entries.values()].map((e) => ({ ...e, shingles: [...e.shingles] })), pairs }));
  }
  return { entries, pairs, titles, texts };
}

/** The edges of every candidate pair under options `o`, and the stories they make. */
export function scoreGraph(g: Graph, options: Partial<StableOptions> = {}): { edges: StoryEdge[]; placed: Map<string, Placed> } {
  const o = { ...STABLE_DEFAULTS, ...options };
  const w = o.weights ?? frozenWeights();
  const edges: StoryEdge[] = [];
  for (const [a, b] of g.pairs) {
    const ed = edgeOf(g.entries.get(a)!, g.entries.get(b)!, o, w);
    if (ed) edges.push(ed);
  }
  const placed = partition([...g.entries.values()], edges, o.storyMerge, o.attach);
  return { edges, placed };
}
