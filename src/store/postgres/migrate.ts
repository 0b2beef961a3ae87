/**
 * Applies the numbered SQL migrations in ./migrations (`001_name.sql`, …) to one schema,
 * recording each in `schema_migrations`. Safe to run from many processes at once: an
 * advisory lock per schema serializes them, and each migration commits with its record.
 * A schema newer than this code is refused rather than misread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';
import { rootUrl } from '../../paths.ts';

const DIR = rootUrl('src/store/postgres/migrations/');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations shipped with the code, sorted by number. */
export function loadPgMigrations(): Migration[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(new URL(f, DIR), 'utf8') }));
}

/** A schema name as an SQL identifier (letters, digits, underscores only). */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) throw new Error(`store: invalid schema name ${JSON.stringify(schema)}`);
  return `"${schema}"`;
}

/** Brings `schema` up to date (creating it); returns the versions applied. */
export async function migratePg(pool: pg.Pool, schema: string, migrations = loadPgMigrations()): Promise<number[]> {
  const q = quoteSchema(schema);
  const latest = migrations.at(-1)?.version ?? 0;
  const applied: number[] = [];
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock(7400, hashtext($1))', [schema]);
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${q}`);
      await c.query(
        `CREATE TABLE IF NOT EXISTS ${q}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const r = await c.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${q}.schema_migrations`);
      const current = r.rows[0]?.v ?? 0;
      if (current > latest) throw new Error(`store: database schema version ${current} is newer than this code (${latest}); upgrade marsad`);
      for (const m of migrations) {
        if (m.version <= current) continue;
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
