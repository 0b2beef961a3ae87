/**
 * Applies the numbered SQL migrations in ./migrations to one schema under the shared rule
 * of ../migrations.ts (every file whose number is not recorded, in order; duplicate
 * numbers and numbers from newer code refused), recording each in `schema_migrations`.
 * Safe to run from many processes at once: an advisory lock per schema serializes them,
 * and each migration commits with its record.
 *
 * Renumbered: `002_hosts.sql` became `014_hosts.sql`, so that 002 means the headline's
 * normalized words on both backends (SQLite's 002_title_norms); a schema migrated before
 * has its record moved, and host_visits is not created twice.
 */
import type pg from 'pg';
import { rootUrl } from '../../paths.ts';
import { loadMigrations, planMigrations, type Applied, type Migration, type Renumbered } from '../migrations.ts';

export type { Migration } from '../migrations.ts';

const DIR = rootUrl('src/store/postgres/migrations/');

export const PG_RENUMBERED: readonly Renumbered[] = [{ from: '002_hosts.sql', to: '014_hosts.sql' }];

/** The migrations shipped with the code, sorted by number. */
export function loadPgMigrations(): Migration[] {
  return loadMigrations(DIR);
}

/** A schema name as an SQL identifier (letters, digits, underscores only). */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) throw new Error(`store: invalid schema name ${JSON.stringify(schema)}`);
  return `"${schema}"`;
}

/** Brings `schema` up to date (creating it); returns the versions applied. */
export async function migratePg(pool: pg.Pool, schema: string, migrations = loadPgMigrations()): Promise<number[]> {
  const q = quoteSchema(schema);
  const applied: number[] = [];
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock(7400, hashtext($1))', [schema]);
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${q}`);
      await c.query(
        `CREATE TABLE IF NOT EXISTS ${q}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const recorded = (await c.query<Applied>(`SELECT version, name FROM ${q}.schema_migrations ORDER BY version`)).rows;
      const plan = planMigrations(migrations, recorded, PG_RENUMBERED);
      if (plan.moves.length) {
        await c.query('BEGIN');
        try {
          for (const m of plan.moves) {
            await c.query(`UPDATE ${q}.schema_migrations SET version = $2, name = $3 WHERE version = $1`, [m.from.version, m.to.version, m.to.name]);
          }
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          throw e;
        }
      }
      for (const m of plan.pending) {
        await c.query('BEGIN');
        try {
          await c.query(`SET LOCAL search_path TO ${q}`);
          await c.query(m.sql);
          await c.query(`INSERT INTO ${q}.schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          throw new Error(`store: migration ${m.name} failed: ${(e as Error).message}`);
        }
        applied.push(m.version);
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock(7400, hashtext($1))', [schema]);
    }
  } finally {
    c.release();
  }
  return applied;
}
