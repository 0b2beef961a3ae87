/**
 * Duplicates, stories and related articles: the public surface of src/stories/.
 * `addArticle(index, article)` places an article (duplicate of, story of); `relatedArticles`
 * computes «اقرأ أيضاً» and `relateArrivals` keeps each article's list at ingest; `MemoryStoryIndex` is the in-memory state; a store implements the
 * `StoryIndex` / `RelatedSource` / `RelatedStore` interfaces of types.ts to hold the same state on disk.
 */
export type { CandidateQuery, Story, StoryEdge, EdgeIndex, StoryEntry, StoryIndex, RelatedCandidate, RelatedSource, RelatedStore, RelatedList, RelatedItem } from './types.ts';
export { linkEntry, UNLINKED, type LockingIndex } from './link.ts';
export { keysAndBands } from './held.ts';
export { addArticleStable, addEntryStable, edgeOf, isCandidate, prefind, STABLE_DEFAULTS, type Since, type StableOptions, type EdgeStoryIndex } from './stable.ts';
export { ATTACH_DEFAULTS, partition, type AttachRule, type PartNode, type Placed } from './partition.ts';
export { frozenWeights, parseDfTable, type FrozenWeights } from './frozen.ts';
export { addArticle, addEntry, GROUP_DEFAULTS, type Assignment, type GroupOptions, type Via } from './group.ts';
export { entryOf, articleTime, analysisFingerprint, attachFingerprint, MAX_ANALYZED_CHARS, MIN_DUP_TERMS } from './entry.ts';
export { exactHash, fingerprint, resemblance, shingleSet, minhash, bandKeys, DEFAULT_PARAMS } from './fingerprint.ts';
export type { Fingerprint, FingerprintParams } from './fingerprint.ts';
export { storyScore, weightedCosine, weightedJaccard, idfFrom } from './similarity.ts';
export { relatedArticles, relatedHits, asEntry, RELATED_DEFAULTS, type RelatedOptions, type RelatedHit } from './related.ts';
export { relateArrivals, mergeItem, RELATED_KEEP, type RelateCounts } from './relate.ts';
export { MemoryStoryIndex, type MemoryIndexOptions } from './memory.ts';
