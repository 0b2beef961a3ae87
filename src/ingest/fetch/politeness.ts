/**
 * A per-host politeness gate: at most one request at a time to each host, with an
 * optional minimum delay between the end of one request and the start of the next.
 *
 * Why: the scheduler polls many feeds, often several from one site; hammering a site
 * gets the crawler banned and is rude. Contract: `run(url, fn)` runs `fn` when the host
 * of `url` is free and rested, and resolves or rejects as `fn` does; tasks for one host
 * run in call order; tasks for different hosts do not wait on each other.
 */
export interface HostLimiterOptions {
  /** Pause between two requests to the same host, in ms (default 0). */
  minDelayMs?: number;
}

interface HostState {
  /** Settles when the last queued task for this host has finished. */
  tail: Promise<void>;
  /** When the last finished task ended (ms since epoch). */
  lastEnd: number;
  pending: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();
  private readonly minDelayMs: number;

  constructor(opts: HostLimiterOptions = {}) {
    this.minDelayMs = Math.max(0, opts.minDelayMs ?? 0);
  }

  /** Runs `fn` under the gate of `url`'s host. `delayMs` overrides the minimum delay (e.g. a robots.txt Crawl-delay). */
  async run<T>(url: string, fn: () => Promise<T>, delayMs?: number): Promise<T> {
    const host = hostOf(url);
    let state = this.hosts.get(host);
    if (!state) {
      state = { tail: Promise.resolve(), lastEnd: 0, pending: 0 };
      this.hosts.set(host, state);
    }
    const s = state;
    const prev = s.tail;
    let release!: () => void;
    s.tail = new Promise<void>((r) => (release = r));
    s.pending++;
    try {
      await prev;
      const wait = s.lastEnd + (delayMs ?? this.minDelayMs) - Date.now();
      if (s.lastEnd > 0 && wait > 0) await sleep(wait);
      return await fn();
    } finally {
      s.lastEnd = Date.now();
      s.pending--;
      release();
      if (s.pending === 0 && this.minDelayMs === 0 && delayMs == null) this.hosts.delete(host);
    }
  }

  /** Hosts with a request running or queued. */
  get busyHosts(): number {
    let n = 0;
    for (const s of this.hosts.values()) if (s.pending > 0) n++;
    return n;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
