/**
 * Opens the configured Store: the backend is chosen explicitly by the `db` setting (a
 * file path is SQLite; a postgres:// URL is PostgreSQL, added by a later issue). Callers
 * get the composite `MarsadStore` (Store, ReaderStore, SourceAdmin, SourceStateStore and
 * the pipeline's PipelineStore: see marsad.ts) and never import a backend themselves.
 */
import { existsSync } from 'node:fs';
import type { MarsadStore } from './marsad.ts';

export * from './types.ts';
export type { MarsadStore } from './marsad.ts';

export interface OpenStoreOptions {
  /** Refuse to create a new database (commands that only read, such as search). */
  mustExist?: boolean;
}

/**
 * Opens the backend `db` names. Each backend is imported only when chosen, so a SQLite
 * command never loads pg and a PostgreSQL process never loads better-sqlite3.
 */
export async function openStore(db: string, opts: OpenStoreOptions = {}): Promise<MarsadStore> {
  if (/^postgres(ql)?:\/\//i.test(db)) return (await import('./postgres/marsad.ts')).openMarsadPgStore(db);
  if (opts.mustExist && db !== ':memory:' && !existsSync(db)) {
    throw new Error(`store: no database at ${db} (run \`marsad import\` first, or pass --db)`);
  }
  return (await import('./sqlite/marsad.ts')).openMarsadSqliteStore(db);
}
