/**
 * Opens the configured Store: the backend is chosen explicitly by the `db` setting (a
 * file path is SQLite; a postgres:// URL is PostgreSQL, added by a later issue). Callers
 * get the composite `MarsadStore` (Store, ReaderStore, SourceAdmin, SourceStateStore and
 * the pipeline's PipelineStore: see marsad.ts) and never import a backend themselves.
 */
import { existsSync } from 'node:fs';
import type { MarsadStore } from './marsad.ts';
import { openMarsadSqliteStore } from './sqlite/marsad.ts';
import { openMarsadPgStore } from './postgres/marsad.ts';

export * from './types.ts';
export type { MarsadStore } from './marsad.ts';

export interface OpenStoreOptions {
  /** Refuse to create a new database (commands that only read, such as search). */
  mustExist?: boolean;
}

export function openStore(db: string, opts: OpenStoreOptions = {}): Promise<MarsadStore> {
  if (/^postgres(ql)?:\/\//i.test(db)) return openMarsadPgStore(db);
  if (opts.mustExist && db !== ':memory:' && !existsSync(db)) {
    return Promise.reject(new Error(`store: no database at ${db} (run \`marsad import\` first, or pass --db)`));
  }
  try {
    return Promise.resolve(openMarsadSqliteStore(db));
  } catch (e) {
    return Promise.reject(e as Error);
  }
}
