/**
 * Jobs: each kind is declared once (name, payload schema, retry and backoff, idempotency
 * key) and run by a Queue backend: the in-process queue on SQLite (memory.ts), pg-boss on
 * PostgreSQL (pgboss.ts). Handlers are plain async functions of a validated payload.
 */
import type { z } from 'zod';

export interface JobDef<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  /** Attempts after the first failure, and the base delay (doubled each attempt). */
  retry: { limit: number; delaySec: number };
  /** Two jobs with the same key are one job while the first is queued or running. */
  key: (payload: z.infer<S>) => string;
  /** Give up a running job after this long. */
  timeoutSec: number;
}

export type Handler<S extends z.ZodType = z.ZodType> = (payload: z.infer<S>, ctx: { attempt: number; jobId: string }) => Promise<void>;

export interface Queue {
  /** Enqueues a job; returns its id, or null when one with the same key is already pending. */
  send<S extends z.ZodType>(def: JobDef<S>, payload: z.infer<S>, opts?: { startAfterSec?: number }): Promise<string | null>;
  /** Runs `handler` for jobs of `def` with up to `concurrency` at a time. */
  work<S extends z.ZodType>(def: JobDef<S>, handler: Handler<S>, opts?: { concurrency?: number }): Promise<void>;
  /** Jobs waiting or running, per job name. */
  depth(): Promise<Record<string, number>>;
  /** Stops taking jobs; in-flight jobs finish (or are released for retry after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}
