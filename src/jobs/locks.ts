/**
 * Per-host politeness across worker processes: at most one request at a time to a host
 * from ALL workers sharing the database, and an optional minimum pause between two
 * requests to it. Plugs into `PollDeps.perHost` (poll.ts) and the fetch-page handler.
 *
 * How: a session-level PostgreSQL advisory lock per host (class 7402, key hashtext(host)),
 * held on one pooled connection for the duration of the request. A worker that dies
 * loses its session and so its locks: nothing stays stuck. The end time of each visit is
 * recorded in `host_visits` (store/postgres migration 014) while the lock is held, so the
 * next holder, on any machine, can wait out `minDelayMs`. Inside one process, requests to
 * one host queue on an in-memory HostLimiter first, so waiting does not hold connections.
 */
import type pg from 'pg';
import { HostLimiter } from '../ingest/fetch/politeness.ts';

export const HOST_LOCK_CLASS = 7402;

export interface PgHostLocksOptions {
  /** Minimum pause between the end of one request to a host and the next, ms (default 0). */
  minDelayMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The host a URL's request goes to (lowercase, with a non-default port). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

export class PgHostLocks {
  private readonly local = new HostLimiter();

  constructor(
    private readonly pool: pg.Pool,
    private readonly opts: PgHostLocksOptions = {},
  ) {}

  /** Runs `fn` while holding `url`'s host, across every worker on this database. */
  run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    return this.local.run(url, async () => {
      const c = await this.pool.connect();
      let locked = false;
      try {
        await c.query('SELECT pg_advisory_lock($1, hashtext($2))', [HOST_LOCK_CLASS, host]);
        locked = true;
        const delay = this.opts.minDelayMs ?? 0;
        if (delay > 0) {
          const r = await c.query<{ wait: number }>(
            'SELECT greatest(0, extract(epoch FROM (last_end + $2 * interval \'1 millisecond\' - clock_timestamp())) * 1000)::float8 AS wait FROM host_visits WHERE host = $1',
            [host, delay],
          );
          const wait = r.rows[0]?.wait ?? 0;
          if (wait > 0) await sleep(Math.min(wait, delay));
        }
        try {
          return await fn();
        } finally {
          await c.query(
            'INSERT INTO host_visits (host, last_end) VALUES ($1, clock_timestamp()) ON CONFLICT (host) DO UPDATE SET last_end = excluded.last_end',
            [host],
          );
        }
      } finally {
        if (locked) await c.query('SELECT pg_advisory_unlock($1, hashtext($2))', [HOST_LOCK_CLASS, host]).catch(() => undefined);
        c.release();
      }
    });
  }

  /** As a `perHost` function for PollDeps. */
  get perHost(): <T>(url: string, fn: () => Promise<T>) => Promise<T> {
    return (url, fn) => this.run(url, fn);
  }
}
