/**
 * `marsad migrate [--db URL|PATH]`: brings a database's schema up to date and exits —
 * for a PostgreSQL deployment, run once per release before (or while) workers and
 * servers start; they also migrate on open, serialized by an advisory lock, so it is safe
 * either way. Installs pg-boss's schema too. For a SQLite file, opening migrates it.
 * Prints the versions applied (none when already current).
 */
import { loadConfig } from '../../config.ts';
import { PgBossQueue, bossSchemaFor } from '../../jobs/pgboss.ts';
import { parsePgUrl } from '../../store/postgres/index.ts';
import { loadPgMigrations, migratePg } from '../../store/postgres/migrate.ts';
import { openStore } from '../../store/index.ts';
import pg from 'pg';

export async function runMigrate(o: { db?: string }): Promise<void> {
  const config = loadConfig({ db: o.db });
  if (!/^postgres(ql)?:\/\//i.test(config.db)) {
    const s = await openStore(config.db);
    await s.close();
    process.stdout.write(`migrate: ${config.db} is up to date\n`);
    return;
  }
  const { connectionString, schema } = parsePgUrl(config.db);
  const pool = new pg.Pool({ connectionString, max: 1 });
  try {
    const applied = await migratePg(pool, schema ?? 'public');
    const latest = loadPgMigrations().at(-1)?.version ?? 0;
    process.stdout.write(
      applied.length ? `migrate: applied ${applied.map((v) => String(v).padStart(3, '0')).join(', ')} (schema ${schema ?? 'public'}, now at ${latest})\n` : `migrate: schema ${schema ?? 'public'} is up to date (${latest})\n`,
    );
  } finally {
    await pool.end();
  }
  const queue = new PgBossQueue({ url: connectionString, schema: bossSchemaFor(schema ?? 'public') });
  await queue.start();
  await queue.stop(1000);
  process.stdout.write(`migrate: pg-boss schema ${bossSchemaFor(schema ?? 'public')} is installed\n`);
}
