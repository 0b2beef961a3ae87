/**
 * Applies the numbered SQL migrations in ./migrations under the shared rule of
 * ../migrations.ts (every file whose number is not recorded, in order; duplicate numbers
 * and numbers from newer code refused), each in its own transaction with its record in
 * `schema_migrations`. `PRAGMA user_version` mirrors the highest; a database from before
 * the table (user_version only) counts everything up to it as applied.
 */
import type Database from 'better-sqlite3';
import { rootUrl } from '../../paths.ts';
import { loadMigrations as load, planMigrations, type Applied, type Migration } from '../migrations.ts';

export type { Migration } from '../migrations.ts';

const DIR = rootUrl('src/store/sqlite/migrations/');

/** The migrations shipped with the code, sorted by number. */
export function loadMigrations(): Migration[] {
  return load(DIR);
}

/** Brings the schema up to date; returns the versions applied. */
export function migrate(db: Database.Database, migrations = loadMigrations()): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const recorded = db.prepare('SELECT version, name FROM schema_migrations').all() as Applied[];
  const legacy = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (legacy > latest) throw new Error(`store: database schema version ${legacy} is newer than this code (${latest}); upgrade marsad`);
  const inferred: Migration[] = [];
  if (recorded.length === 0 && legacy > 0) {
    // A database from before the table: everything up to user_version was applied.
    for (const m of migrations) if (m.version <= legacy) inferred.push(m);
  }
  const plan = planMigrations(migrations, [...recorded, ...inferred.map((m) => ({ version: m.version, name: m.name }))]);
  const record = db.prepare('INSERT OR REPLACE INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const now = new Date().toISOString();
  // Only what is new gets written: a current database opens without a write transaction,
  // so a reader (`marsad search`) never waits on, nor fails beside, a running import.
  if (inferred.length > 0) db.transaction(() => inferred.forEach((m) => record.run(m.version, m.name, now)))();
  const applied: number[] = [];
  for (const m of plan.pending) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, now);
      db.pragma(`user_version = ${Math.max(m.version, db.pragma('user_version', { simple: true }) as number)}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
