/**
 * Process figures for operators and the soak bench: resident memory, heap and the
 * event-loop delay (a `monitorEventLoopDelay` histogram, 10 ms resolution) since the last
 * sample. Served admin-only at GET /api/v1/metrics; sampling resets the histogram, so each
 * reading covers the interval since the previous one.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface MetricsSample {
  at: string;
  uptimeSec: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Event-loop delay over the interval, ms. */
  eventLoop: { p50Ms: number; p99Ms: number; maxMs: number; meanMs: number; samples: number };
}

const ms = (ns: number): number => Math.round((ns / 1e6) * 100) / 100;

export class ProcessMetrics {
  private readonly h: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.h.enable();
  }

  sample(): MetricsSample {
    const m = process.memoryUsage();
    const h = this.h;
    const out: MetricsSample = {
      at: new Date().toISOString(),
      uptimeSec: Math.round(process.uptime()),
      rssBytes: m.rss,
      heapUsedBytes: m.heapUsed,
      eventLoop: { p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max), meanMs: ms(h.mean || 0), samples: h.count },
    };
    h.reset();
    return out;
  }

  stop(): void {
    this.h.disable();
  }
}
