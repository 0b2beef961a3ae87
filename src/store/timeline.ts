/**
 * Entity timelines and co-mentions, decided once for both backends: the backends
 * (sqlite/timeline.ts, postgres/timeline.ts) answer a few plain queries (`TimelineSource`),
 * and everything they have in common — units, dates, buckets, the "together" series, lift,
 * ranking — is computed here, so the two cannot disagree.
 *
 * Definitions (what the CLI, API and pages print):
 * - A **story** is an article's `storyId` (an article not yet grouped is its own story). A
 *   story mentions an entity when any of its articles does; it is dated by its earliest
 *   dated article (so wire copies published over two days count once, on the first), and
 *   a story with no dated article is `undated`.
 * - An **article** is dated by its own `publishedAt` (UTC).
 * - Buckets are UTC days, ISO weeks (starting Monday) or calendar months, named by their
 *   first day (`2015-08-10`). Every bucket between the first and the last is present, empty
 *   ones included, so a chart shows gaps. `since`/`until` (inclusive days) bound both the
 *   items counted and the buckets listed.
 * - `all` counts the units (stories or articles) that mention every given entity.
 * - Co-mentions are over stories: with N stories in all, n(a) mentioning a, n(b) mentioning
 *   b and n(a,b) mentioning both, lift = P(a,b) / (P(a) P(b)) = n(a,b) · N / (n(a) · n(b)).
 *   Ranked by n(a,b), then lift, then id.
 */
import type { StorySummary } from '../model/reader.ts';
export type { TimelineUnit, TimelineBy, EntityRef, TimelineQuery, TimelineBucket, TimelineResult, ComentionResult, StoriesTogetherResult, TimelineReader } from '../model/timeline.ts';
import type { TimelineUnit, TimelineBy, EntityRef, TimelineQuery, TimelineBucket, TimelineResult, ComentionResult, StoriesTogetherResult, TimelineReader } from '../model/timeline.ts';

export const TIMELINE_UNITS: readonly TimelineUnit[] = ['story', 'article'];
export const TIMELINE_BYS: readonly TimelineBy[] = ['day', 'week', 'month'];
/** More buckets than this is an error (a day axis over 27 years helps nobody). */
export const MAX_BUCKETS = 10_000;
/** Entities one timeline may compare. */
export const MAX_TIMELINE_ENTITIES = 8;


/** One row per (entity, article mentioning it). */
export interface MentionRow {
  entity: string;
  article: string;
  /** The article's story id, or `a:<article id>` when it has none yet. */
  story: string;
  published: string | null;
  /** The earliest publishedAt among all the story's articles. */
  storyPublished: string | null;
}

/** What a backend answers; everything else is decided in this module. */
export interface TimelineSource {
  /** Every (entity, article) mention of these entity ids. */
  mentionRows(entityIds: string[]): Promise<MentionRow[]>;
  /** For each entity mentioned in a story that mentions `entityId` (itself excluded): the number of such stories. */
  comentionCounts(entityId: string): Promise<Array<{ id: string; name: string; type: string; together: number }>>;
  /** Stories mentioning each of these entities. */
  storyCounts(entityIds: string[]): Promise<Map<string, number>>;
  /** Stories in all (every article belongs to one). */
  totalStories(): Promise<number>;
}







/** A bad request: the CLI prints it, the web answers 400 (statusCode) naming the parameter. */
export class TimelineError extends Error {
  readonly statusCode: number;
  constructor(readonly param: string, message: string, status = 400) {
    super(`${param}: ${message}`);
    this.statusCode = status;
  }
}

const DAY_MS = 86_400_000;

/** The UTC day of an ISO time, or null. */
export function utcDay(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
}

/** Checks a `YYYY-MM-DD` bound; null passes. */
export function checkDay(param: string, d: string | null | undefined): string | null {
  if (d === null || d === undefined || d === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || utcDay(`${d}T00:00:00Z`) !== d) throw new TimelineError(param, `not a date like 2015-08-10: ${JSON.stringify(d)}`);
  return d;
}

/** The first day of the bucket holding `day`. */
export function bucketOf(day: string, by: TimelineBy): string {
  if (by === 'day') return day;
  if (by === 'month') return `${day.slice(0, 7)}-01`;
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the bucket after the one starting on `start`. */
export function nextBucket(start: string, by: TimelineBy): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (by === 'day') return new Date(d.getTime() + DAY_MS).toISOString().slice(0, 10);
  if (by === 'week') return new Date(d.getTime() + 7 * DAY_MS).toISOString().slice(0, 10);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/** Every bucket start from the bucket of `first` to that of `last`, inclusive. */
export function bucketRange(first: string, last: string, by: TimelineBy): string[] {
  const out: string[] = [];
  const end = bucketOf(last, by);
  for (let b = bucketOf(first, by); b <= end; b = nextBucket(b, by)) {
    out.push(b);
    if (out.length > MAX_BUCKETS) {
      throw new TimelineError('by', `${first} to ${last} is more than ${MAX_BUCKETS} ${by} buckets: use a longer bucket or narrow since/until`);
    }
  }
  return out;
}

/** A bucket size that gives a readable chart for a span of days. */
export function autoBy(first: string | null, last: string | null): TimelineBy {
  if (!first || !last) return 'day';
  const days = (Date.parse(last) - Date.parse(first)) / DAY_MS;
  return days <= 62 ? 'day' : days <= 2 * 366 ? 'week' : 'month';
}

/** Counts units into buckets: the rows of a mention query → the timeline. */
export function buildTimeline(rows: MentionRow[], entities: EntityRef[], opts: { by: TimelineBy; unit: TimelineUnit; since: string | null; until: string | null }): TimelineResult {
  const { by, unit, since, until } = opts;
  const ids = entities.map((e) => e.id);
  // unit key → its day and the entities it mentions
  const units = new Map<string, { day: string | null; ents: Set<string> }>();
  for (const r of rows) {
    const key = unit === 'story' ? r.story : r.article;
    let u = units.get(key);
    if (!u) units.set(key, (u = { day: utcDay(unit === 'story' ? r.storyPublished : r.published), ents: new Set() }));
    u.ents.add(r.entity);
  }
  const zero = () => Object.fromEntries(ids.map((id) => [id, 0])) as Record<string, number>;
  const perBucket = new Map<string, TimelineBucket>();
  const totals = { counts: zero(), all: 0, undated: zero() };
  let first: string | null = null;
  let last: string | null = null;
  for (const u of units.values()) {
    if (u.day === null) {
      for (const e of u.ents) totals.undated[e] = (totals.undated[e] ?? 0) + 1;
      continue;
    }
    if ((since && u.day < since) || (until && u.day > until)) continue;
    const start = bucketOf(u.day, by);
    let b = perBucket.get(start);
    if (!b) perBucket.set(start, (b = { start, counts: zero(), all: 0 }));
    for (const e of u.ents) {
      b.counts[e]! += 1;
      totals.counts[e]! += 1;
    }
    if (ids.every((id) => u.ents.has(id))) {
      b.all += 1;
      totals.all += 1;
    }
    if (first === null || u.day < first) first = u.day;
    if (last === null || u.day > last) last = u.day;
  }
  const lo = since ?? first;
  const hi = until ?? last ?? since;
  const buckets = lo && hi ? bucketRange(lo, hi < lo ? lo : hi, by).map((start) => perBucket.get(start) ?? { start, counts: zero(), all: 0 }) : [];
  return { entities, unit, by, buckets, totals };
}

/**
 * The same timeline in longer buckets: every unit lies in exactly one day, so summing the
 * day buckets (counts and `all`) into weeks or months is exact.
 */
export function rebucket(t: TimelineResult, by: TimelineBy): TimelineResult {
  if (t.by === by) return t;
  if (t.by !== 'day') throw new TimelineError('by', `cannot re-bucket ${t.by} into ${by}: start from days`);
  const out = new Map<string, TimelineBucket>();
  for (const b of t.buckets) {
    const start = bucketOf(b.start, by);
    let o = out.get(start);
    if (!o) out.set(start, (o = { start, counts: Object.fromEntries(t.entities.map((e) => [e.id, 0])), all: 0 }));
    for (const e of t.entities) o.counts[e.id]! += b.counts[e.id] ?? 0;
    o.all += b.all;
  }
  return { ...t, by, buckets: [...out.values()] };
}

/** Lift, rounded to 3 decimals (0 when a count is 0). */
export function lift(together: number, a: number, b: number, total: number): number {
  if (!together || !a || !b || !total) return 0;
  return Math.round(((together * total) / (a * b)) * 1000) / 1000;
}

type Resolver = (idOrName: string) => Promise<{ id: string; name: string } | null>;

/** Resolves names or ids the way `marsad entity` does; unknown ones are an error naming them. */
export async function resolveEntities(names: string[], getEntity: Resolver, param = 'entity'): Promise<EntityRef[]> {
  const list = names.map((n) => n.trim()).filter(Boolean);
  if (list.length === 0) throw new TimelineError(param, 'give at least one entity (an id such as country:IR, or a name)');
  if (list.length > MAX_TIMELINE_ENTITIES) throw new TimelineError(param, `at most ${MAX_TIMELINE_ENTITIES} entities, got ${list.length}`);
  const out: EntityRef[] = [];
  for (const n of list) {
    const e = await getEntity(n);
    if (!e) throw new TimelineError(param, `no entity ${JSON.stringify(n)}`, 404);
    if (!out.some((x) => x.id === e.id)) out.push({ id: e.id, name: e.name });
  }
  return out;
}

/** The timeline of resolved entities. */
export async function timelineOf(src: TimelineSource, entities: EntityRef[], q: Omit<TimelineQuery, 'entities'>): Promise<TimelineResult> {
  const unit = q.unit ?? 'story';
  const by = q.by ?? 'day';
  if (!TIMELINE_UNITS.includes(unit)) throw new TimelineError('unit', `must be story or article, not ${JSON.stringify(unit)}`);
  if (!TIMELINE_BYS.includes(by)) throw new TimelineError('by', `must be day, week or month, not ${JSON.stringify(by)}`);
  const since = checkDay('since', q.since);
  const until = checkDay('until', q.until);
  if (since && until && until < since) throw new TimelineError('until', `${until} is before since ${since}`);
  const rows = await src.mentionRows(entities.map((e) => e.id));
  return buildTimeline(rows, entities, { by, unit, since, until });
}

/** The entities most often in the same stories as `entity`, with lift. */
export async function comentionsOf(src: TimelineSource, entity: EntityRef, limit = 20): Promise<ComentionResult> {
  const [counts, total, own] = await Promise.all([src.comentionCounts(entity.id), src.totalStories(), src.storyCounts([entity.id])]);
  const na = own.get(entity.id) ?? 0;
  counts.sort((x, y) => y.together - x.together || x.id.localeCompare(y.id));
  // Lift needs each candidate's own story count: asked for the ones that can be listed.
  // Ties at the cut are kept in the candidate set so the order by lift is right among them.
  const cut = counts[Math.min(limit, counts.length) - 1]?.together ?? 0;
  const candidates = counts.filter((c, i) => i < limit || c.together === cut);
  const nb = await src.storyCounts(candidates.map((c) => c.id));
  const results = candidates
    .map((c) => ({ id: c.id, name: c.name, type: c.type, together: c.together, stories: nb.get(c.id) ?? 0, lift: lift(c.together, na, nb.get(c.id) ?? 0, total) }))
    .sort((x, y) => y.together - x.together || y.lift - x.lift || x.id.localeCompare(y.id))
    .slice(0, limit);
  return { entity: { ...entity, stories: na }, totalStories: total, results };
}

/** Stories mentioning every entity, newest first (by their date; undated last), at most `limit`. */
export async function storiesTogether(
  src: TimelineSource,
  entities: EntityRef[],
  limit: number,
  reader: { getStory(id: string): Promise<StorySummary | null>; getArticles(ids: string[]): Promise<Array<{ id: string; title: string; publishedAt: string | null; outlet: string | null }>> },
): Promise<StoriesTogetherResult> {
  const per = new Map<string, { date: string | null; ents: Set<string>; article: string }>();
  for (const r of await src.mentionRows(entities.map((e) => e.id))) {
    let s = per.get(r.story);
    if (!s) per.set(r.story, (s = { date: r.storyPublished, ents: new Set(), article: r.article }));
    s.ents.add(r.entity);
  }
  const both = [...per.entries()]
    .filter(([, s]) => entities.every((e) => s.ents.has(e.id)))
    .sort(([ka, a], [kb, b]) => (b.date ?? '').localeCompare(a.date ?? '') || kb.localeCompare(ka));
  const stories: StoriesTogetherResult['stories'] = [];
  for (const [key, s] of both.slice(0, limit)) {
    const story = key.startsWith('a:') ? null : await reader.getStory(key);
    if (story) {
      stories.push({ ...story, date: s.date });
      continue;
    }
    // Not grouped yet: the article is a story of its own.
    const [a] = await reader.getArticles([s.article]);
    if (a) stories.push({ id: key, title: a.title, firstSeen: a.publishedAt, lastSeen: a.publishedAt, outlets: a.outlet ? [a.outlet] : [], originalOutlet: a.outlet, articleIds: [a.id], date: s.date });
  }
  return { entities, total: both.length, stories };
}


type StoreReads = Parameters<typeof storiesTogether>[3] & { getEntity: Resolver };

/** The three reader methods over a backend's source; the store delegates to them. */
export function timelineReader(src: TimelineSource, store: StoreReads): TimelineReader {
  const resolve = (names: string[]) => resolveEntities(names, (n) => store.getEntity(n));
  return {
    async timeline(q) {
      const { entities, ...rest } = q;
      return timelineOf(src, await resolve(entities), rest);
    },
    async comentions(entity, limit = 20) {
      const [e] = await resolve([entity]);
      return comentionsOf(src, e!, clampLimit(limit));
    },
    async storiesTogether(entities, limit = 20) {
      return storiesTogether(src, await resolve(entities), clampLimit(limit), store);
    },
  };
}

function clampLimit(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new TimelineError('limit', `not an integer from 1 to 1000: ${n}`);
  return n;
}
