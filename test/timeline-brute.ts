/**
 * Brute-force timelines and co-mentions for the tests: computed from every stored Article
 * (its entities, storyId and publishedAt, read back through the reader API), with none of
 * the store's SQL — so the store's answers are checked against an independent count.
 */
import type { Article } from '../src/model/article.ts';
import type { MarsadStore } from '../src/store/index.ts';
import { bucketOf, type TimelineBy, type TimelineUnit } from '../src/store/timeline.ts';

export async function allArticles(store: MarsadStore): Promise<Article[]> {
  const out: Article[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.listArticles({ limit: 500, offset } as Parameters<MarsadStore['listArticles']>[0]);
    out.push(...page);
    if (page.length < 500) return out;
  }
}

const day = (iso: string | null): string | null => (iso ? new Date(iso).toISOString().slice(0, 10) : null);

export interface Unit {
  key: string;
  day: string | null;
  ents: Set<string>;
}

/** Stories (or articles) with their date and the entities they mention. */
export function unitsOf(articles: Article[], unit: TimelineUnit): Unit[] {
  const m = new Map<string, { key: string; dates: string[]; ents: Set<string> }>();
  for (const a of articles) {
    const key = unit === 'story' ? (a.storyId ?? `a:${a.id}`) : a.id;
    let u = m.get(key);
    if (!u) m.set(key, (u = { key, dates: [], ents: new Set() }));
    if (a.publishedAt) u.dates.push(a.publishedAt);
    for (const e of a.entities ?? []) u.ents.add(e.id);
  }
  return [...m.values()].map((u) => ({ key: u.key, day: day(u.dates.sort()[0] ?? null), ents: u.ents }));
}

/** bucket start → { counts per entity, all }, only non-empty buckets. */
export function bruteTimeline(articles: Article[], ids: string[], unit: TimelineUnit, by: TimelineBy, since?: string, until?: string) {
  const out = new Map<string, { counts: Record<string, number>; all: number }>();
  for (const u of unitsOf(articles, unit)) {
    if (!u.day || (since && u.day < since) || (until && u.day > until)) continue;
    if (!ids.some((id) => u.ents.has(id))) continue;
    const b = bucketOf(u.day, by);
    let o = out.get(b);
    if (!o) out.set(b, (o = { counts: Object.fromEntries(ids.map((id) => [id, 0])), all: 0 }));
    for (const id of ids) if (u.ents.has(id)) o.counts[id]! += 1;
    if (ids.every((id) => u.ents.has(id))) o.all += 1;
  }
  return out;
}

/** n(a,b), n(b), N and lift for every b co-mentioned with a, over stories. */
export function bruteComentions(articles: Article[], a: string) {
  const stories = unitsOf(articles, 'story');
  const n = (id: string) => stories.filter((s) => s.ents.has(id)).length;
  const together = new Map<string, number>();
  for (const s of stories) if (s.ents.has(a)) for (const e of s.ents) if (e !== a) together.set(e, (together.get(e) ?? 0) + 1);
  const N = stories.length;
  const na = n(a);
  return {
    N,
    na,
    rows: [...together.entries()].map(([id, t]) => ({ id, together: t, stories: n(id), lift: Math.round(((t * N) / (na * n(id))) * 1000) / 1000 })),
  };
}

/** Story keys mentioning every entity. */
export function bruteTogether(articles: Article[], ids: string[]): Unit[] {
  return unitsOf(articles, 'story').filter((s) => ids.every((id) => s.ents.has(id)));
}
