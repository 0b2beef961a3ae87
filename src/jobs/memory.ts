/**
 * The in-process queue for the embedded default: jobs live in memory (the durable state —
 * sources and their next poll time — is in the store, so a restart loses nothing that the
 * scheduler will not enqueue again). Same contract as the pg-boss queue: keyed
 * deduplication, retries with exponential backoff, bounded concurrency, graceful stop.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Handler, JobDef, Queue } from './types.ts';

interface Job {
  id: string;
  def: JobDef;
  payload: unknown;
  key: string;
  attempt: number;
  runAt: number;
}

export class MemoryQueue implements Queue {
  private readonly pending = new Map<string, Job[]>();
  private readonly keys = new Set<string>();
  private readonly workers = new Map<string, { handler: Handler; concurrency: number; running: number }>();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly opts: { maxDepth?: number; onError?: (job: string, err: Error) => void } = {}) {}

  async send<S extends z.ZodType>(def: JobDef<S>, payload: z.infer<S>, o: { startAfterSec?: number } = {}): Promise<string | null> {
    const parsed = def.schema.parse(payload);
    const key = def.key(parsed);
    if (this.keys.has(key)) return null;
    const list = this.pending.get(def.name) ?? [];
    if (list.length >= (this.opts.maxDepth ?? 10_000)) throw new Error(`jobs: queue ${def.name} is full (${list.length})`);
    const job: Job = { id: randomUUID(), def, payload: parsed, key, attempt: 0, runAt: Date.now() + (o.startAfterSec ?? 0) * 1000 };
    list.push(job);
    this.pending.set(def.name, list);
    this.keys.add(key);
    this.kick();
    return job.id;
  }

  async work<S extends z.ZodType>(def: JobDef<S>, handler: Handler<S>, o: { concurrency?: number } = {}): Promise<void> {
    this.workers.set(def.name, { handler: handler as Handler, concurrency: o.concurrency ?? 1, running: 0 });
    this.kick();
  }

  async depth(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [name, list] of this.pending) out[name] = list.length + (this.workers.get(name)?.running ?? 0);
    return out;
  }

  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const all = Promise.all([...this.inFlight]);
    await Promise.race([all, new Promise((r) => setTimeout(r, graceMs).unref())]);
  }

  private kick(): void {
    if (this.stopped) return;
    const now = Date.now();
    let nextAt = Infinity;
    for (const [name, w] of this.workers) {
      const list = this.pending.get(name) ?? [];
      list.sort((a, b) => a.runAt - b.runAt);
      while (w.running < w.concurrency && list.length > 0 && list[0]!.runAt <= now) this.run(list.shift()!, w);
      if (list.length > 0) nextAt = Math.min(nextAt, list[0]!.runAt);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = Number.isFinite(nextAt) ? setTimeout(() => this.kick(), Math.max(5, nextAt - now)) : null;
    this.timer?.unref();
  }

  private run(job: Job, w: { handler: Handler; running: number }): void {
    w.running++;
    const holder: { p?: Promise<void> } = {};
    const p = (async () => {
      try {
        await withTimeout(w.handler(job.payload, { attempt: job.attempt, jobId: job.id }), job.def.timeoutSec * 1000, job.def.name);
        this.keys.delete(job.key);
      } catch (e) {
        if (job.attempt < job.def.retry.limit && !this.stopped) {
          job.attempt++;
          job.runAt = Date.now() + job.def.retry.delaySec * 1000 * 2 ** (job.attempt - 1);
          this.pending.get(job.def.name)!.push(job);
        } else {
          this.keys.delete(job.key);
          this.opts.onError?.(job.def.name, e as Error);
        }
      } finally {
        w.running--;
        if (holder.p) this.inFlight.delete(holder.p);
        this.kick();
      }
    })();
    holder.p = p;
    this.inFlight.add(p);
  }
}

async function withTimeout<T>(p: Promise<T>, ms: number, name: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, rej) => (t = setTimeout(() => rej(new Error(`jobs: ${name} timed out after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(t);
  }
}
