/**
 * `marsad serve [--db PATH] [--port N] [--host H]`: the reader and API over the configured
 * store, with the built-in scheduler polling subscribed sources (in-process queue; a
 * PostgreSQL deployment runs `marsad worker` processes instead, see docs/DEPLOYMENT.md).
 * On first start with an empty database it imports the bundled sample of real articles.
 * Every start regroups, in the background, whatever a crash left stored but not grouped
 * into a story (the pipeline's `resume`; cheap when nothing is pending, whatever the size).
 * It never contacts another host unless the user has subscribed sources or saved alerts
 * with webhooks, and then only public addresses unless the config allows more (the address
 * guard). Alert webhooks matched by any process on this database are delivered by a loop
 * here (src/alerts/deliver.ts), every 5 s.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, join } from 'node:path';
import { loadConfig, type Config } from '../../config.ts';
import { openStore, type MarsadStore } from '../../store/index.ts';
import { importInputs } from '../../pipeline/import.ts';
import { buildApp } from '../../web/app.ts';
import { MemoryQueue } from '../../jobs/memory.ts';
import { Scheduler } from '../../jobs/scheduler.ts';
import { POLL_SOURCE } from '../../jobs/definitions.ts';
import { pollSource } from '../../jobs/poll.ts';
import { HostLimiter } from '../../ingest/fetch/politeness.ts';
import { AddressGuard } from '../../ingest/fetch/guard.ts';
import { ingest, resume } from '../../pipeline/index.ts';
import { createLogger } from '../../log.ts';
import { AlertDeliverer } from '../../alerts/deliver.ts';

/** Imports data/samples/* into an empty store; returns how many articles were added. */
export async function loadSampleIfEmpty(store: MarsadStore, config: Config): Promise<number> {
  if ((await store.countArticles()) > 0) return 0;
  const dir = join(config.dataDir, 'samples');
  const files = readdirSync(dir).filter((f) => /\.(jsonl\.gz|json|jsonl|txt)$/.test(f)).sort().map((f) => join(dir, f));
  const c = await importInputs(store, files, { batchSize: 500, ingest: (batch) => ingest(store, batch) });
  return c.added;
}

export interface ServeOpts {
  db?: string;
  port?: string;
  host?: string;
  sample: boolean;
  poll: boolean;
  pollInterval: string;
}

export async function runServe(o: ServeOpts): Promise<void> {
  const config = loadConfig({ db: o.db, port: o.port, host: o.host });
  // V8 flags are process-wide and read at each collection: the search threads follow too.
  if (config.heapGrowthPercent > 0) setFlagsFromString(`--heap-growing-percent=${config.heapGrowthPercent}`);
  const log = createLogger(config.logLevel);
  if (!/^postgres/i.test(config.db)) mkdirSync(dirname(config.db), { recursive: true });
  // A long-running server keeps its memory flat: the page cache (resident once touched,
  // filled by every write) is bounded at 16 MiB; reads of other pages go through the mmap.
  // Searches run in worker threads with their own read-only connections (MARSAD_SEARCH_THREADS).
  const store = await openStore(config.db, { cacheKiB: 16 * 1024, searchThreads: config.searchThreads });
  // A crash (even kill -9 during the first-start sample import) leaves articles without a story: group them.
  const regrouped = resume(store).then(
    (c) => {
      if (c.grouped > 0 || c.failed > 0) log.info({ grouped: c.grouped, failed: c.failed }, 'regrouped articles a previous run left ungrouped');
    },
    (e: Error) => log.error({ err: e.message }, 'regrouping after a crash failed'),
  );
  if (o.sample) {
    const t0 = performance.now();
    const n = await loadSampleIfEmpty(store, config);
    if (n > 0) log.info({ articles: n, ms: Math.round(performance.now() - t0) }, 'imported the bundled sample into the empty database');
  }
  const queue = new MemoryQueue({ onError: (job, err) => log.warn({ job, err: err.message }, 'job failed') });
  const limiter = new HostLimiter({ minDelayMs: 1000 });
  const guard = new AddressGuard(config.fetchGuard);
  const scheduler = new Scheduler(store, queue, { tickMs: Number(o.pollInterval) * 1000, onError: (e) => log.error({ err: e.message }, 'scheduler tick failed') });
  if (o.poll) {
    await queue.work(POLL_SOURCE, async (p) => {
      const r = await pollSource({ states: store, ingest: (articles) => ingest(store, articles), perHost: (url, fn) => limiter.run(url, fn), fetch: { guard } }, p.sourceId);
      log.info({ source_id: p.sourceId, url: p.url, status: r?.status, error: r?.error }, 'polled');
    }, { concurrency: 4 });
    scheduler.start();
  }
  const deliverer = new AlertDeliverer(store.alerts, {
    guard,
    onAttempt: (a) => (a.outcome.ok ? log.info : log.warn).call(log, { alert_id: a.alertId, story_id: a.storyId, status: a.outcome.status, err: a.outcome.error, paused: a.paused }, 'alert webhook'),
  });
  deliverer.start(5000);
  const app = await buildApp({
    store,
    alerts: { store: store.alerts, deliverer, reader: store },
    accounts: { store: store.accounts },
    adminToken: config.adminToken,
    starterOpml: join(config.dataDir, 'sources.opml'),
    rateLimit: config.rateLimit,
    logger: log,
    guard,
    baseUrl: config.baseUrl,
    trustProxy: config.trustProxy,
    csrfSecret: config.csrfSecret,
    cacheStaleMs: config.cacheStaleMs,
  });
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  process.stdout.write(`Marsad is serving ${await store.countArticles()} articles at http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/\n`);
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    scheduler.stop();
    await regrouped;
    await queue.stop(5000);
    await deliverer.stop();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
