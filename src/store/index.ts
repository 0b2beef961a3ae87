/**
 * Opens the configured Store: the backend is chosen explicitly by the `db` setting (a
 * file path is SQLite; a postgres:// URL is PostgreSQL). Callers get the composite
 * `MarsadStore` (Store, ReaderStore, SourceAdmin, SourceStateStore and the pipeline's
 * PipelineStore: see marsad.ts) and never import a backend themselves (a lint rule
 * enforces it): the scale-out worker's extra handles and `marsad migrate` come from here too.
 */
import { existsSync } from 'node:fs';
import type pg from 'pg';
import type { MarsadStore } from './marsad.ts';

export * from './types.ts';
export type { MarsadStore } from './marsad.ts';

const isPg = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db);

export interface OpenStoreOptions {
  /** Refuse to create a new database (commands that only read, such as search). */
  mustExist?: boolean;
  /** SQLite: the connection's page cache in KiB (default 64 MiB; reads also go through a 1 GiB mmap). */
  cacheKiB?: number;
  /** SQLite: serve `search` from this many worker threads (own read-only connections; 0 or absent: in-process). */
  searchThreads?: number;
}

/**
 * Opens the backend `db` names. Each backend is imported only when chosen, so a SQLite
 * command never loads pg and a PostgreSQL process never loads better-sqlite3.
 */
export async function openStore(db: string, opts: OpenStoreOptions = {}): Promise<MarsadStore> {
  if (isPg(db)) return (await import('./postgres/marsad.ts')).openMarsadPgStore(db);
  if (opts.mustExist && db !== ':memory:' && !existsSync(db)) {
    throw new Error(`store: no database at ${db} (run \`marsad import\` first, or pass --db)`);
  }
  const store = (await import('./sqlite/marsad.ts')).openMarsadSqliteStore(db, { cacheKiB: opts.cacheKiB });
  if (opts.searchThreads && db !== ':memory:') {
    try {
      await store.startSearchThreads({ threads: opts.searchThreads });
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}

/** The scale-out deployment's handles: the store, and what its workers share besides. */
export interface ScaleOut {
  store: MarsadStore;
  /** The schema holding the store's tables (pg-boss's schema is named after it). */
  schema: string;
  /** The database URL without `?schema=`. */
  connectionString: string;
  /** The store's connection pool (cross-worker host locks run on it). */
  pool: pg.Pool;
}

/** Opens the PostgreSQL store of a scale-out deployment (`marsad worker`); refuses anything else. */
export async function openScaleOut(db: string, opts: { poolSize?: number } = {}): Promise<ScaleOut> {
  if (!isPg(db)) throw new Error('store: a scale-out worker needs a postgres:// database (--db or $MARSAD_DB); the embedded SQLite setup runs jobs inside `marsad serve`');
  const { openMarsadPgStore } = await import('./postgres/marsad.ts');
  const { parsePgUrl } = await import('./postgres/index.ts');
  const store = await openMarsadPgStore(db, { poolSize: opts.poolSize });
  return { store, schema: store.schema, connectionString: parsePgUrl(db).connectionString, pool: store.pool };
}

export interface MigrateResult {
  /** Versions applied now (none when already current). */
  applied: number[];
  latest: number;
  /** PostgreSQL: the schema migrated and the URL without `?schema=`. */
  schema?: string;
  connectionString?: string;
}

/** Brings a database's schema up to date without keeping it open. */
export async function migrateDatabase(db: string): Promise<MigrateResult> {
  if (!isPg(db)) {
    const { loadMigrations } = await import('./sqlite/migrate.ts');
    const s = await openStore(db);
    await s.close();
    return { applied: [], latest: loadMigrations().at(-1)?.version ?? 0 };
  }
  const [{ default: pgm }, { parsePgUrl }, { loadPgMigrations, migratePg }] = await Promise.all([import('pg'), import('./postgres/index.ts'), import('./postgres/migrate.ts')]);
  const { connectionString, schema } = parsePgUrl(db);
  const pool = new pgm.Pool({ connectionString, max: 1 });
  try {
    const applied = await migratePg(pool, schema ?? 'public');
    return { applied, latest: loadPgMigrations().at(-1)?.version ?? 0, schema: schema ?? 'public', connectionString };
  } finally {
    await pool.end();
  }
}
