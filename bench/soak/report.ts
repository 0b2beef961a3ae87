/**
 * The soak's figures against issue 13's targets: RSS growth after warm-up (median of the
 * first minute after warm-up vs the last minute of load, total and anon), 5xx count,
 * event-loop delay p99 since the warm-up, items served vs stored, and a per-minute curve.
 */
import type { MetricsSample } from '../../src/web/metrics.ts';
import type { FarmReport } from './farm.ts';

export interface Sample {
  min: number;
  rss: number;
  anon: number;
  file: number;
  heap: number;
  p99: number;
  max: number;
  totalP99: number;
  /** The idle control process's p99 over the same interval (the machine's share of the delay). */
  controlP99: number;
  afterWarmup: boolean;
}

export interface SoakInput {
  samples: Sample[];
  final: MetricsSample;
  statuses: Map<number, number>;
  errorLines: string[];
  report: FarmReport;
  stored: { urls: Map<string, number>; ungrouped: number; total: number };
  requests: number;
  minutes: number;
  warmup: number;
  drainPending: number;
  controlTotal: { p99Ms: number; maxMs: number };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pct = (a: number, b: number) => ((b - a) / a) * 100;
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function summarize(x: SoakInput): { text: string; figures: Record<string, unknown> } {
  const after = x.samples.filter((s) => s.afterWarmup);
  const first = after.filter((s) => s.min < x.warmup + 1);
  const last = after.filter((s) => s.min >= x.minutes - 1);
  const growth = { rss: pct(median(first.map((s) => s.rss)), median(last.map((s) => s.rss))), anon: pct(median(first.map((s) => s.anon)), median(last.map((s) => s.anon))) };
  const fivexx = [...x.statuses].filter(([k]) => k >= 500).reduce((a, [, n]) => a + n, 0);
  const p99 = x.final.eventLoopTotal.p99Ms;
  const served = new Set(x.report.served);
  const missing = [...served].filter((u) => !x.stored.urls.has(u));
  const dupes = [...x.stored.urls].filter(([, n]) => n > 1);
  const published = new Set(x.report.published);
  const unknown = [...x.stored.urls.keys()].filter((u) => !published.has(u));
  const neverServed = x.report.published.filter((u) => !served.has(u));
  const byMinute = new Map<number, Sample[]>();
  for (const s of x.samples) byMinute.set(Math.floor(s.min), [...(byMinute.get(Math.floor(s.min)) ?? []), s]);
  const curve = [...byMinute].map(([m, ss]) => ({ minute: m, rssMiB: Math.round(median(ss.map((s) => s.rss))), anonMiB: Math.round(median(ss.map((s) => s.anon))), fileMiB: Math.round(median(ss.map((s) => s.file))), loopP99Ms: Math.max(...ss.map((s) => s.p99)), controlP99Ms: Math.max(...ss.map((s) => s.controlP99)) }));
  const figures = {
    minutes: x.minutes,
    warmupMinutes: x.warmup,
    readerRequests: x.requests,
    statuses: Object.fromEntries(x.statuses),
    fivexx,
    serverErrorLines: x.errorLines.length,
    rssGrowthPct: growth.rss,
    anonGrowthPct: growth.anon,
    eventLoopP99Ms: p99,
    eventLoopMaxMs: x.final.eventLoopTotal.maxMs,
    controlEventLoopP99Ms: x.controlTotal.p99Ms,
    worstIntervalP99Ms: Math.max(...after.map((s) => s.p99)),
    itemsPublished: x.report.published.length,
    itemsServed: served.size,
    itemsStored: x.stored.urls.size,
    itemsMissing: missing.length,
    itemsStoredTwice: dupes.length,
    itemsStoredNeverPublished: unknown.length,
    itemsPublishedNeverServed: neverServed.length,
    articlesWithoutStory: x.stored.ungrouped,
    articlesTotal: x.stored.total,
    feedRequests: x.report.requests,
    feedKinds: x.report.kinds,
    feedsNotRefetchedAfterDrain: x.drainPending,
    curve,
  };
  const lines = [
    `\nSoak: ${x.minutes} min (${x.warmup} min warm-up), ${x.requests} reader requests, feeds ${JSON.stringify(x.report.kinds)}`,
    `feed requests: ${JSON.stringify(x.report.requests)}`,
    `reader statuses: ${JSON.stringify(Object.fromEntries(x.statuses))}`,
    '',
    '| figure | value | target | |',
    '|:--|--:|--:|:--|',
    `| RSS growth after warm-up (total) | ${growth.rss.toFixed(1)} % | ≤ 10 % | ${mark(growth.rss <= 10)} |`,
    `| RSS growth after warm-up (anon: heaps) | ${growth.anon.toFixed(1)} % | | |`,
    `| 5xx answers / server error lines | ${fivexx} / ${x.errorLines.length} | 0 | ${mark(fivexx === 0 && x.errorLines.length === 0)} |`,
    `| event-loop delay p99 since warm-up | ${p99.toFixed(1)} ms (max ${x.final.eventLoopTotal.maxMs} ms) | ≤ 50 ms | ${mark(p99 <= 50)} |`,
    `| the same in an idle control process (machine noise) | ${x.controlTotal.p99Ms.toFixed(1)} ms (max ${x.controlTotal.maxMs} ms) | | |`,
    `| items served → stored / missing / stored twice | ${served.size} → ${x.stored.urls.size} / ${missing.length} / ${dupes.length} | all once | ${mark(missing.length === 0 && dupes.length === 0 && unknown.length === 0)} |`,
    `| items published but never served (poller behind by > window) | ${neverServed.length} | 0 | ${mark(neverServed.length === 0)} |`,
    `| articles without a story at the end | ${x.stored.ungrouped} of ${x.stored.total} | 0 | ${mark(x.stored.ungrouped === 0)} |`,
    '',
    'minute | RSS MiB (anon / file) | loop p99 ms, worst interval (idle control)',
    ...curve.map((c) => `${String(c.minute).padStart(6)} | ${c.rssMiB} (${c.anonMiB} / ${c.fileMiB}) | ${c.loopP99Ms} (${c.controlP99Ms})`),
    ...(x.errorLines.length ? ['', 'first server error lines:', ...x.errorLines.slice(0, 5)] : []),
    ...(missing.length ? ['', `first missing items: ${missing.slice(0, 5).join(' ')}`] : []),
    '',
  ];
  return { text: lines.join('\n'), figures };
}
