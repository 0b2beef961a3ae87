/**
 * Applies the numbered SQL migrations in ./migrations (`001_name.sql`, `002_…`) in order,
 * each in its own transaction. Every applied version is recorded in `schema_migrations`,
 * so a migration numbered into a gap (002 written after 010 was applied) still runs;
 * `PRAGMA user_version` mirrors the highest. A database holding a version this code does
 * not know (written by newer code) is refused rather than misread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { rootUrl } from '../../paths.ts';

const DIR = rootUrl('src/store/sqlite/migrations/');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations shipped with the code, sorted by number. */
export function loadMigrations(): Migration[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(new URL(f, DIR), 'utf8') }));
}

/** Brings the schema up to date; returns the versions applied. */
export function migrate(db: Database.Database, migrations = loadMigrations()): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const legacy = db.pragma('user_version', { simple: true }) as number;
  const inferred: Migration[] = [];
  if (done.size === 0 && legacy > 0) {
    // A database from before the table: everything up to user_version was applied.
    for (const m of migrations) if (m.version <= legacy) inferred.push(m);
    for (const m of inferred) done.add(m.version);
  }
  const known = new Set(migrations.map((m) => m.version));
  const newest = Math.max(legacy, ...done);
  const latest = migrations.at(-1)?.version ?? 0;
  if (newest > latest || [...done].some((v) => !known.has(v))) {
    throw new Error(`store: database schema version ${newest} is newer than this code (${latest}); upgrade marsad`);
  }
  const record = db.prepare('INSERT OR REPLACE INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const now = new Date().toISOString();
  // Only what is new gets written: a current database opens without a write transaction,
  // so a reader (`marsad search`) never waits on, nor fails beside, a running import.
  if (inferred.length > 0) db.transaction(() => inferred.forEach((m) => record.run(m.version, m.name, now)))();
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, now);
      db.pragma(`user_version = ${Math.max(m.version, db.pragma('user_version', { simple: true }) as number)}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
