/**
 * The shape every storage backend returns from `openStore`: the article Store, the
 * reader's read model, source management, the scheduler's poll state and the pipeline's
 * needs, in one object. The SQLite backend (sqlite/marsad.ts) implements it today; a
 * PostgreSQL backend returns the same shape for postgres:// URLs.
 */
import type { SourceStateStore } from '../model/sources.ts';
import type { PipelineStore } from '../model/pipeline.ts';
import type { ReaderStore, SourceAdmin } from '../model/reader.ts';
import type { Store } from './types.ts';

export type MarsadStore = Store & ReaderStore & SourceAdmin & SourceStateStore & PipelineStore;
