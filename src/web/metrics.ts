/**
 * Process figures for operators and the soak bench: resident memory, heap and the
 * event-loop delay (`monitorEventLoopDelay`, sampled every 10 ms) since the last sample and
 * since start (or the last `resetTotal`). Served admin-only at GET /api/v1/metrics
 * (`?reset=1` restarts the running total, e.g. after a warm-up); every reading restarts
 * the interval histogram, so each covers the time since the previous one.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface MetricsSample {
  at: string;
  uptimeSec: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** V8 heap reserved (used or not), and memory held outside it (Buffers, native objects). */
  heapTotalBytes: number;
  externalBytes: number;
  /** Event-loop delay over the interval since the previous sample, ms. */
  eventLoop: Delay;
  /** Event-loop delay since start or the last reset of the total, ms. */
  eventLoopTotal: Delay;
}

export interface Delay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  samples: number;
}

const ms = (ns: number): number => Math.round((ns / 1e6) * 100) / 100;

const delay = (h: IntervalHistogram): Delay =>
  h.count === 0 ? { p50Ms: 0, p99Ms: 0, maxMs: 0, meanMs: 0, samples: 0 } : { p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max), meanMs: ms(h.mean), samples: h.count };

export class ProcessMetrics {
  private readonly interval: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private readonly total: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.interval.enable();
    this.total.enable();
  }

  sample(opts: { resetTotal?: boolean } = {}): MetricsSample {
    const m = process.memoryUsage();
    const out: MetricsSample = {
      at: new Date().toISOString(),
      uptimeSec: Math.round(process.uptime()),
      rssBytes: m.rss,
      heapUsedBytes: m.heapUsed,
      heapTotalBytes: m.heapTotal,
      externalBytes: m.external,
      eventLoop: delay(this.interval),
      eventLoopTotal: delay(this.total),
    };
    this.interval.reset();
    if (opts.resetTotal) this.total.reset();
    return out;
  }

  stop(): void {
    this.interval.disable();
    this.total.disable();
  }
}
