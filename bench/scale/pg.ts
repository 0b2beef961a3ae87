/** The scale benchmarks' PostgreSQL server (MARSAD_TEST_PG, else the local test database) and a one-off admin connection to it. */
import pg from 'pg';

export const PG = process.env.MARSAD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs `fn` on a fresh connection, closed afterwards. */
export async function pgAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
