/**
 * Shared setup of the PostgreSQL tests: the server named by MARSAD_TEST_PG (set by
 * .ci/run), scratch schemas (`t_<random>`) created per test file and dropped at its end,
 * and the loud skip when no server is configured (never a silent pass).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.MARSAD_TEST_PG ?? '';

const MESSAGE = '*** SKIPPING POSTGRES TESTS: set MARSAD_TEST_PG=postgres://postgres@127.0.0.1:5432/test ***';

/** The `skip` option for PostgreSQL tests: false when a server is configured. */
export const skipPg: false | string = PG_URL ? false : MESSAGE;
if (!PG_URL) process.stderr.write(`\n${MESSAGE}\n\n`);

/** A fresh scratch schema name (`t_` + 12 hex digits). */
export function scratchName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** The test server's URL with `?schema=` set. */
export function urlFor(schema: string): string {
  const u = new URL(PG_URL);
  u.searchParams.set('schema', schema);
  return u.toString();
}

/** Drops scratch schemas (and anything in them). */
export async function dropSchemas(names: Iterable<string>): Promise<void> {
  const list = [...names].filter((n) => /^t_[0-9a-f_a-z]+$/.test(n));
  if (!PG_URL || list.length === 0) return;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    for (const n of list) await c.query(`DROP SCHEMA IF EXISTS "${n}" CASCADE`);
  } finally {
    await c.end();
  }
}
