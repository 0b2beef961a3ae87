/**
 * The shapes of timelines and co-mentions (src/store/timeline.ts computes them; the web and
 * the CLI read them through `TimelineReader`), declared here so the reader's read model can
 * include them without importing the store.
 */
import type { StorySummary } from './reader.ts';

export type TimelineUnit = 'story' | 'article';

export type TimelineBy = 'day' | 'week' | 'month';

export interface EntityRef {
  id: string;
  name: string;
}

export interface TimelineQuery {
  /** Entity ids or names, resolved with `getEntity`. */
  entities: string[];
  by?: TimelineBy;
  unit?: TimelineUnit;
  /** Inclusive UTC days, YYYY-MM-DD. */
  since?: string | null;
  until?: string | null;
}

export interface TimelineBucket {
  start: string;
  counts: Record<string, number>;
  all: number;
}

export interface TimelineResult {
  entities: EntityRef[];
  unit: TimelineUnit;
  by: TimelineBy;
  buckets: TimelineBucket[];
  /** Sums over the buckets, and the units left out for want of a date (within no bucket). */
  totals: { counts: Record<string, number>; all: number; undated: Record<string, number> };
}

export interface Comention {
  id: string;
  name: string;
  type: string;
  /** Stories mentioning both. */
  together: number;
  /** Stories mentioning this entity. */
  stories: number;
  lift: number;
}

export interface ComentionResult {
  entity: EntityRef & { stories: number };
  totalStories: number;
  results: Comention[];
}

export interface StoriesTogetherResult {
  entities: EntityRef[];
  total: number;
  stories: Array<StorySummary & { date: string | null }>;
}

/** What a store offers (ReaderStore's timeline methods), built from its source and reader. */
export interface TimelineReader {
  timeline(q: TimelineQuery): Promise<TimelineResult>;
  comentions(entity: string, limit?: number): Promise<ComentionResult>;
  storiesTogether(entities: string[], limit?: number): Promise<StoriesTogetherResult>;
}
