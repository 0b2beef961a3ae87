/**
 * The load side of the HTTP benchmark: one autocannon run against one route, in this
 * process (never the server's), rotating through a list of paths so that many articles and
 * queries are exercised rather than one cached answer.
 *
 * Latency percentiles are exact: every response's time (autocannon's own measure, from the
 * request written to the response parsed) is kept and sorted, so p95 is a real p95 and not
 * read off autocannon's p97.5. Only 2xx responses count towards the latencies; any other
 * status, error or timeout is counted and reported, so a rate limit cannot pass unseen.
 */
import { createRequire } from 'node:module';

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  requests: AutocannonRequest[];
  timeout?: number;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
interface AutocannonInstance {
  on(ev: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (o: AutocannonOptions, cb: (err: Error | null, r: AutocannonResult) => void) => AutocannonInstance;

// autocannon ships no type declarations: the part used here is typed above.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  ok: number;
  bad: number;
  errors: number;
  bytesPerResponse: number;
}

export const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** A request with its own headers (a logged-in person's cookie or Authorization). */
export interface PathWithHeaders {
  path: string;
  headers: Record<string, string>;
}

/**
 * Loads `base` + the rotating `paths` (or whatever path `paths()` returns next) at `connections` connections, for `seconds` seconds,
 * or, with `{ amount: n }`, for exactly n requests.
 */
export function load(base: string, paths: string[] | (() => string | PathWithHeaders), connections: number, length: number | { amount: number }): Promise<LoadResult> {
  let i = 0;
  const pick = typeof paths === 'function' ? paths : () => paths[i++ % paths.length]!;
  const next = (req: AutocannonRequest): AutocannonRequest => {
    const p = pick();
    return typeof p === 'string' ? { ...req, method: 'GET', path: p } : { ...req, method: 'GET', path: p.path, headers: { ...req.headers, ...p.headers } };
  };
  const ms: number[] = [];
  let bytes = 0;
  // autocannon's own `duration` counts whole seconds, and a run of { amount } ends on its
  // next one-second tick (1.2 s of work reports n / 2.01 req/s), so the rate is timed here:
  // from the start to the last response.
  const start = performance.now();
  let last = start;
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url: base,
        connections,
        ...(typeof length === 'number' ? { duration: length } : { amount: length.amount }),
        timeout: 10,
        requests: [{ method: 'GET', setupRequest: next }],
      },
      (err, r) => {
        if (err) return reject(err);
        const seconds = (last - start) / 1000;
        ms.sort((a, b) => a - b);
        resolve({
          rps: r.requests.total / seconds,
          p50: percentile(ms, 50),
          p95: percentile(ms, 95),
          p99: percentile(ms, 99),
          ok: ms.length,
          bad: r.non2xx,
          errors: r.errors + r.timeouts,
          bytesPerResponse: ms.length ? bytes / ms.length : 0,
        });
      },
    );
    inst.on('response', (_c, status, b, t) => {
      last = performance.now();
      if (status >= 200 && status < 300) {
        ms.push(t);
        bytes += b;
      }
    });
  });
}
