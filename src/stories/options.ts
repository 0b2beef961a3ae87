/**
 * The options of the order-independent grouping (stable.ts) and their defaults: the edge rules'
 * thresholds (`edgeOf`), the candidate rule's, the attach rule's. Re-exported by stable.ts.
 */
import { GROUP_DEFAULTS, type GroupOptions } from './group.ts';
import { ATTACH_DEFAULTS, type AttachRule } from './partition.ts';
import type { FrozenWeights } from './frozen.ts';

export interface StableOptions extends GroupOptions {
  /** Term keys held by more than this fraction of the frozen table's documents find no candidates. */
  maxKeyDf: number;
  /** Shared key weight (sum of frozen IDFs) that makes two articles story candidates. */
  minVote: number;
  weights?: FrozenWeights;
  /**
   * A headline edge (see edgeOf): titles of at least `headlineMinTerms` analyzed terms each, with
   * IDF cosine ≥ `headlineTitle`, published within `headlineWindowMs`, and lede cosine ≥
   * `headlineMinLede` unless a body is too short to have a lede, and entity Jaccard ≥
   * `headlineMinEntities`.
   */
  headlineTitle: number;
  headlineMinEntities: number;
  headlineMinTerms: number;
  headlineWindowMs: number;
  headlineMinLede: number;
  /**
   * A wide headline edge (see edgeOf): titles of at least `headlineMinTerms` terms each with IDF
   * cosine ≥ `wideHeadlineTitle`, entity Jaccard ≥ `wideHeadlineEntities`, published within
   * `wideHeadlineWindowMs` (0 turns it off); no lede condition.
   */
  wideHeadlineWindowMs: number;
  wideHeadlineEntities: number;
  wideHeadlineTitle: number;
  /**
   * Two daily reports that each say which day they are about («لهذا اليوم», days.ts), on
   * different days, share no edge (neither duplicate nor story).
   */
  dayConflict: boolean;
  /**
   * Two reports that each name entities and share none of them get no story edge unless their
   * headlines say the same (title cosine ≥ `headlineTitle`): see edgeOf.
   */
  entityConflict: boolean;
  /**
   * A story edge between reports more than `lateAfterMs` apart needs title cosine ≥
   * `lateMinTitle`: see edgeOf.
   */
  lateAfterMs: number;
  lateMinTitle: number;
  /** When a one-report core attaches to the core it links to through several reports (partition.ts). */
  attach: AttachRule;
  /**
   * Two reports with the same exact key are duplicates only within `exactWindowMs` of each
   * other: a text published again weeks later is a new item, not a copy hidden under an old
   * story, and a component must not grow with every republication of a template over months.
   */
  exactWindowMs: number;
  /**
   * A copy with edits (see edgeOf): within `copyWindowMs` (0 turns it off), headlines that do not
   * count apart (counts.ts), and either the same opening — lede cosine ≥ `copyLede`, title cosine
   * ≥ `copyTitle`, the smaller body's shingles contained ≥ `copyContainment` in the other's — or
   * the shorter body inside the longer — containment ≥ `keptContainment`, title cosine ≥
   * `keptTitle`, lede cosine ≥ `keptLede`.
   */
  copyWindowMs: number;
  copyLede: number;
  copyTitle: number;
  copyContainment: number;
  keptContainment: number;
  keptTitle: number;
  keptLede: number;
}

export const STABLE_DEFAULTS: Readonly<StableOptions> = Object.freeze({
  ...GROUP_DEFAULTS,
  maxKeyDf: 0.05,
  minVote: 8,
  headlineTitle: 0.65,
  headlineMinTerms: 4,
  headlineWindowMs: 24 * 3_600_000,
  headlineMinLede: 0.1,
  headlineMinEntities: 0.1,
  wideHeadlineWindowMs: 48 * 3_600_000,
  wideHeadlineTitle: 0.6,
  wideHeadlineEntities: 0.6,
  dayConflict: true,
  entityConflict: true,
  lateAfterMs: 48 * 3_600_000,
  lateMinTitle: 0.35,
  attach: ATTACH_DEFAULTS,
  exactWindowMs: 30 * 24 * 3_600_000,
  copyWindowMs: 72 * 3_600_000,
  copyLede: 0.88,
  copyTitle: 0.5,
  copyContainment: 0.5,
  keptContainment: 0.8,
  keptTitle: 0.7,
  keptLede: 0.6,
});
