/**
 * The Queue on pg-boss (v10), for the scale-out deployment: jobs live in PostgreSQL, so
 * any number of `marsad worker` processes on any machines share them, and a job whose
 * worker dies is retried by another.
 *
 * Each JobDef is declared once as a pg-boss queue: retry limit, retry delay with
 * exponential backoff, expiry = the job's timeout, and the `stately` policy, under which
 * a `singletonKey` (the def's `key`) allows one queued and one running job per key; a
 * second `send` with a key already queued returns null. Payloads are validated by the
 * def's zod schema on send and again before the handler runs (a job from an older
 * version that no longer validates fails).
 *
 * Concurrency: pg-boss v10 runs one job at a time per `work` registration, so
 * `concurrency: N` registers N pollers of batch size 1. `stop(graceMs)` stops fetching,
 * waits up to `graceMs` for in-flight jobs, then fails the rest so they are retried
 * (released), and closes the connection pool.
 */
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Handler, JobDef, Queue } from './types.ts';

export interface PgBossQueueOptions {
  /** postgres:// URL of the database. */
  url: string;
  /** pg-boss's schema (default `pgboss`). */
  schema?: string;
  /** How often an idle worker polls, seconds (default 1). */
  pollingIntervalSeconds?: number;
  /** How often expired jobs are retried and old ones archived, seconds (default 30). */
  maintenanceIntervalSeconds?: number;
  /** Cap every job's timeout (expiry), seconds: how soon a killed worker's jobs are retried. */
  maxTimeoutSec?: number;
  /** Connections in pg-boss's pool (default 8). */
  max?: number;
  onError?: (err: Error) => void;
}

/** pg-boss's schema beside a Marsad schema: `pgboss` for `public`, else `<schema>_boss`. */
export function bossSchemaFor(storeSchema: string): string {
  return storeSchema === 'public' ? 'pgboss' : `${storeSchema}_boss`;
}

/** pg-boss's queue options for a JobDef (exported for tests and docs). */
export function queueOptions(def: JobDef, maxTimeoutSec = Infinity): PgBoss.Queue {
  return {
    name: def.name,
    policy: 'stately',
    retryLimit: def.retry.limit,
    retryDelay: def.retry.delaySec,
    retryBackoff: def.retry.limit > 0 && def.retry.delaySec > 0,
    expireInSeconds: Math.max(1, Math.min(def.timeoutSec, maxTimeoutSec)),
  };
}

export class PgBossQueue implements Queue {
  readonly boss: PgBoss;
  private readonly declared = new Map<string, Promise<void>>();
  private readonly pollers: string[] = [];
  private started: Promise<unknown> | null = null;
  private stopped = false;

  constructor(private readonly opts: PgBossQueueOptions) {
    this.boss = new PgBoss({
      connectionString: opts.url,
      schema: opts.schema ?? 'pgboss',
      max: opts.max ?? 8,
      maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 30,
    });
    this.boss.on('error', (e: Error) => opts.onError?.(e));
  }

  /** Connects and installs or migrates pg-boss's schema (idempotent, safe from many processes). */
  start(): Promise<unknown> {
    return (this.started ??= this.boss.start());
  }

  /** Declares `def`'s queue once per process (createQueue, or updateQueue when it exists). */
  private declare(def: JobDef): Promise<void> {
    let p = this.declared.get(def.name);
    if (!p) {
      p = (async () => {
        await this.start();
        // pg-boss 10 creates a queue's partition with DDL on the shared job table, so two
        // processes declaring queues at once (workers started together) can deadlock; the
        // one PostgreSQL aborts (40P01) tries again, and then finds the queue or makes it.
        for (let attempt = 1; ; attempt++) {
          try {
            return await this.declareOnce(def);
          } catch (e) {
            if ((e as { code?: string }).code !== '40P01' || attempt >= 5) throw e;
            await new Promise((r) => setTimeout(r, attempt * (50 + Math.random() * 150)));
          }
        }
      })();
      this.declared.set(def.name, p);
      p.catch(() => this.declared.delete(def.name));
    }
    return p;
  }

  /** One attempt: create the queue, or bring its options up to date. */
  private async declareOnce(def: JobDef): Promise<void> {
    const o = queueOptions(def, this.opts.maxTimeoutSec);
    const existing = await this.boss.getQueue(def.name);
    if (!existing) {
      try {
        await this.boss.createQueue(def.name, o);
      } catch (e) {
        // Another process declared it between our check and create.
        if (!(await this.boss.getQueue(def.name))) throw e;
      }
    } else if (
      existing.retryLimit !== o.retryLimit || existing.retryDelay !== o.retryDelay ||
      existing.retryBackoff !== o.retryBackoff || existing.expireInSeconds !== o.expireInSeconds
    ) {
      await this.boss.updateQueue(def.name, o);
    }
  }

  async send<S extends z.ZodType>(def: JobDef<S>, payload: z.infer<S>, o: { startAfterSec?: number } = {}): Promise<string | null> {
    const parsed = def.schema.parse(payload) as object;
    await this.declare(def);
    return this.boss.send(def.name, parsed, {
      singletonKey: def.key(parsed as z.infer<S>),
      ...(o.startAfterSec ? { startAfter: o.startAfterSec } : {}),
    });
  }

  async work<S extends z.ZodType>(def: JobDef<S>, handler: Handler<S>, o: { concurrency?: number } = {}): Promise<void> {
    if (this.stopped) throw new Error('jobs: the queue is stopped');
    await this.declare(def);
    const n = Math.max(1, Math.trunc(o.concurrency ?? 1));
    const options = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: this.opts.pollingIntervalSeconds ?? 1 };
    for (let i = 0; i < n; i++) {
      const id = await this.boss.work<object>(def.name, options, async ([job]) => {
        if (!job) return;
        const r = def.schema.safeParse(job.data);
        if (!r.success) throw new Error(`jobs: invalid ${def.name} payload: ${r.error.message.slice(0, 500)}`);
        await handler(r.data, { attempt: job.retryCount, jobId: job.id });
      });
      this.pollers.push(id);
    }
  }

  async depth(): Promise<Record<string, number>> {
    await this.start();
    const out: Record<string, number> = {};
    // Jobs in states before `completed`: created, retry, active.
    for (const name of this.declared.keys()) out[name] = await this.boss.getQueueSize(name, { before: 'completed' });
    return out;
  }

  /** Stops fetching; waits up to `graceMs` for in-flight jobs, then fails (releases) the rest. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful: true, timeout: Math.max(1000, graceMs), wait: true, close: true });
  }
}
