/**
 * What the pipeline needs from storage (`PipelineStore`), declared in src/model/pipeline.ts
 * so the store backends implement it without importing pipeline/; re-exported here.
 */
export type { ConcurrentGrouping, PendingArticle, PipelineStore } from '../model/pipeline.ts';
