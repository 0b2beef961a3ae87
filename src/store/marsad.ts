/**
 * The shape every storage backend returns from `openStore`: the article Store, the
 * reader's read model, source management, the scheduler's poll state and the pipeline's
 * needs, in one object: sqlite/marsad.ts and postgres/marsad.ts return it. Every part is
 * declared in src/model/, so the store implements it without importing those layers.
 */
import type { SourceStateStore } from '../model/sources.ts';
import type { PipelineStore } from '../model/pipeline.ts';
import type { ReaderStore, SourceAdmin } from '../model/reader.ts';
import type { Store } from './types.ts';
import type { AlertStore } from '../model/alerts.ts';
import type { AccountStore } from '../model/accounts.ts';

export type MarsadStore = Store & ReaderStore & SourceAdmin & SourceStateStore & PipelineStore & { readonly alerts: AlertStore; readonly accounts: AccountStore };
