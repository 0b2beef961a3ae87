/**
 * `marsad migrate [--db URL|PATH]`: brings a database's schema up to date and exits —
 * for a PostgreSQL deployment, run once per release before (or while) workers and
 * servers start; they also migrate on open, serialized by an advisory lock, so it is safe
 * either way. Installs pg-boss's schema too. For a SQLite file, opening migrates it.
 * Prints the versions applied (none when already current).
 */
import { loadConfig } from '../../config.ts';
import { PgBossQueue, bossSchemaFor } from '../../jobs/pgboss.ts';
import { migrateDatabase } from '../../store/index.ts';

export async function runMigrate(o: { db?: string }): Promise<void> {
  const config = loadConfig({ db: o.db });
  const r = await migrateDatabase(config.db);
  if (r.schema === undefined || r.connectionString === undefined) {
    process.stdout.write(`migrate: ${config.db} is up to date\n`);
    return;
  }
  const { applied, latest, schema, connectionString } = r;
  process.stdout.write(
    applied.length ? `migrate: applied ${applied.map((v) => String(v).padStart(3, '0')).join(', ')} (schema ${schema}, now at ${latest})\n` : `migrate: schema ${schema} is up to date (${latest})\n`,
  );
  const queue = new PgBossQueue({ url: connectionString, schema: bossSchemaFor(schema) });
  await queue.start();
  await queue.stop(1000);
  process.stdout.write(`migrate: pg-boss schema ${bossSchemaFor(schema)} is installed\n`);
}
