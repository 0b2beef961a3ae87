/**
 * The polling scheduler. Its state is database state (Miniflux style): each source has its
 * next poll time, its error count and its conditional-GET validators. Every tick, due
 * sources are enqueued as poll-source jobs (deduplicated by source), and each poll records
 * its outcome and the next time: the interval on success, exponential backoff on errors.
 */
import type { Queue } from './types.ts';
import { POLL_SOURCE } from './definitions.ts';

export type { PollState, PollOutcome, SourceStateStore } from '../model/sources.ts';
import type { SourceStateStore } from '../model/sources.ts';

export const MAX_BACKOFF_SEC = 24 * 3600;

/**
 * When to poll next: the interval (±10% jitter, so sources added together spread out)
 * after a success, else interval × 2^(errors−1), capped at a day.
 */
export function nextPollTime(now: Date, intervalSec: number, errorCount: number, rand: () => number = Math.random): Date {
  const base = errorCount === 0 ? intervalSec : Math.min(MAX_BACKOFF_SEC, intervalSec * 2 ** Math.min(errorCount - 1, 20));
  const jitter = 1 + (rand() * 0.2 - 0.1);
  return new Date(now.getTime() + Math.round(base * jitter * 1000));
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    private readonly store: SourceStateStore,
    private readonly queue: Queue,
    private readonly opts: { tickMs?: number; batch?: number; now?: () => Date; onError?: (e: Error) => void } = {},
  ) {}

  /** Enqueues every due source once; returns how many jobs were sent. */
  async tick(): Promise<number> {
    if (this.ticking) return 0;
    this.ticking = true;
    try {
      const now = (this.opts.now ?? (() => new Date()))();
      const due = await this.store.dueSources(now.toISOString(), this.opts.batch ?? 100);
      let sent = 0;
      for (const s of due) if (await this.queue.send(POLL_SOURCE, { sourceId: s.id, url: s.url })) sent++;
      return sent;
    } finally {
      this.ticking = false;
    }
  }

  start(): void {
    const loop = () => {
      this.tick()
        .catch((e: Error) => this.opts.onError?.(e))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(loop, this.opts.tickMs ?? 30_000);
        });
    };
    this.timer = setTimeout(loop, 0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
