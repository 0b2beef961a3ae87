/**
 * `marsad worker [--db postgres://…] [--concurrency N]`: a stateless worker of the
 * scale-out deployment. Runs the declared jobs (poll-source, fetch-page,
 * process-articles) from pg-boss on the configured PostgreSQL database, through the same
 * pipeline as `marsad import`; requests are polite across every worker (jobs/locks.ts).
 * Unless `--no-scheduler`, it also enqueues due sources (deduplicated per source by the
 * queue, so any number of workers may run the scheduler).
 *
 * Alert webhooks are delivered by a loop in every worker (claims are leased with SKIP
 * LOCKED, so workers share the outbox without sending an entry twice at once).
 *
 * SIGTERM/SIGINT: stop fetching, let in-flight jobs finish for up to --grace-ms, fail
 * (release for retry) whatever is still running, close, exit 0. A worker killed outright
 * loses nothing: its jobs expire after their timeout and are retried by the others.
 */
import { loadConfig } from '../../config.ts';
import { bindHandlers } from '../../jobs/handlers.ts';
import { PgHostLocks } from '../../jobs/locks.ts';
import { PgBossQueue, bossSchemaFor } from '../../jobs/pgboss.ts';
import { Scheduler } from '../../jobs/scheduler.ts';
import { createLogger } from '../../log.ts';
import { AddressGuard } from '../../ingest/fetch/guard.ts';
import { ingest, resume } from '../../pipeline/index.ts';
import { openScaleOut } from '../../store/index.ts';
import { AlertDeliverer } from '../../alerts/deliver.ts';

export interface WorkerOpts {
  db?: string;
  concurrency: string;
  graceMs: string;
  scheduler: boolean;
  tickSec: string;
  pollSec: string;
  maintenanceSec: string;
  minDelayMs: string;
  jobTimeoutSec?: string;
}

const int = (v: string, name: string, min: number): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name}: expected a number ≥ ${min}, got ${v}`);
  return n;
};

export async function runWorker(o: WorkerOpts): Promise<void> {
  const config = loadConfig({ db: o.db });
  if (!/^postgres(ql)?:\/\//i.test(config.db)) {
    throw new Error('worker: needs a postgres:// database (--db or $MARSAD_DB); the embedded SQLite setup runs jobs inside `marsad serve`');
  }
  const log = createLogger(config.logLevel);
  const concurrency = int(o.concurrency, '--concurrency', 1);
  const { store, schema, connectionString, pool } = await openScaleOut(config.db, { poolSize: concurrency + 4 });
  const queue = new PgBossQueue({
    url: connectionString,
    schema: bossSchemaFor(schema),
    pollingIntervalSeconds: int(o.pollSec, '--poll-sec', 0.5),
    maintenanceIntervalSeconds: int(o.maintenanceSec, '--maintenance-sec', 1),
    maxTimeoutSec: o.jobTimeoutSec ? int(o.jobTimeoutSec, '--job-timeout-sec', 1) : undefined,
    max: concurrency * 3 + 2,
    onError: (e) => log.warn({ err: e.message }, 'queue error'),
  });
  await queue.start();
  const locks = new PgHostLocks(pool, { minDelayMs: int(o.minDelayMs, '--min-delay-ms', 0) });
  await bindHandlers(queue, { states: store, ingest: (articles) => ingest(store, articles), perHost: locks.perHost, log, fetch: { guard: new AddressGuard(config.fetchGuard) } }, concurrency);
  const scheduler = new Scheduler(store, queue, { tickMs: int(o.tickSec, '--tick-sec', 1) * 1000, onError: (e) => log.warn({ err: e.message }, 'scheduler tick failed') });
  if (o.scheduler) scheduler.start();
  const deliverer = new AlertDeliverer(store.alerts, {
    guard: new AddressGuard(config.fetchGuard),
    onAttempt: (a) => (a.outcome.ok ? log.info : log.warn).call(log, { alert_id: a.alertId, story_id: a.storyId, status: a.outcome.status, err: a.outcome.error, paused: a.paused }, 'alert webhook'),
  });
  deliverer.start(int(o.pollSec, '--poll-sec', 0.5) * 1000 * 5);
  log.info({ pid: process.pid, concurrency, schema, scheduler: o.scheduler }, 'worker ready');
  // What a killed process stored but never grouped gets its story now (serialized with this worker's ingests).
  const regrouped = resume(store).then(
    (c) => {
      if (c.grouped > 0 || c.failed > 0) log.info({ grouped: c.grouped, failed: c.failed }, 'regrouped articles a previous run left ungrouped');
    },
    (e: Error) => log.error({ err: e.message }, 'regrouping after a crash failed'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping: finishing in-flight jobs');
    scheduler.stop();
    try {
      await queue.stop(int(o.graceMs, '--grace-ms', 0));
      await deliverer.stop();
      await regrouped;
      await store.close();
      log.info({ signal }, 'worker stopped');
      process.exit(0);
    } catch (e) {
      log.error({ err: (e as Error).message }, 'worker stop failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
