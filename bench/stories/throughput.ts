/**
 * Throughput at scale: the corpus replicated with perturbations into `total` articles
 * (replica r: every 29th word dropped at an offset of r, URL `?replica=r`, times shifted by
 * r × 28 days so replicas are separate news weeks), grouped into a MemoryStoryIndex that
 * keeps `retainMs` of history — memory stays bounded and the per-article cost must not
 * grow with the number of articles seen. Reports every `slice` articles.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { makeArticle, type Article } from '../../src/model/article.ts';
import { addEntry, entryOf, MemoryStoryIndex } from '../../src/stories/index.ts';

const DAY = 86_400_000;

/** A full GC before reading the heap, so the figure is live data, not garbage. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export function replica(a: Article, r: number): Article {
  if (r === 0) return a;
  const drop = (s: string) =>
    s
      .split(' ')
      .filter((_, j) => (j + r) % 29 !== 0)
      .join(' ');
  const t = a.publishedAt ? new Date(Date.parse(a.publishedAt) + r * 28 * DAY).toISOString() : null;
  return makeArticle({
    title: a.title,
    text: drop(a.text),
    url: `${a.url ?? `https://replica.invalid/${a.id}`}${a.url?.includes('?') ? '&' : '?'}replica=${r}`,
    publishedAt: t,
    outlet: a.outlet,
  });
}

export interface SliceReport {
  upTo: number;
  perSecond: number;
  entryMsPerArticle: number;
  groupMsPerArticle: number;
  held: number;
  heapMB: number;
}

export async function scaleRun(
  base: readonly Article[],
  total: number,
  slice: number,
  retainMs: number,
  enrich?: (a: Article) => Article,
  onSlice?: (r: SliceReport) => void,
): Promise<SliceReport[]> {
  const index = new MemoryStoryIndex({ retainMs });
  const out: SliceReport[] = [];
  let entryMs = 0;
  let groupMs = 0;
  let t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const r = Math.floor(i / base.length);
    let a = replica(base[i % base.length]!, r);
    let t = performance.now();
    if (enrich) a = enrich(a);
    const e = entryOf(a);
    entryMs += performance.now() - t;
    t = performance.now();
    await addEntry(index, e);
    groupMs += performance.now() - t;
    if ((i + 1) % slice === 0 || i + 1 === total) {
      const n = ((i + 1) % slice) || slice;
      const elapsed = performance.now() - t0;
      gc();
      const rep: SliceReport = {
        upTo: i + 1,
        perSecond: (n * 1000) / elapsed,
        entryMsPerArticle: entryMs / n,
        groupMsPerArticle: groupMs / n,
        held: index.size,
        heapMB: process.memoryUsage().heapUsed / 2 ** 20, // after a full GC
      };
      out.push(rep);
      onSlice?.(rep);
      entryMs = 0;
      groupMs = 0;
      t0 = performance.now();
    }
  }
  return out;
}
