/**
 * The sources table's row shape and its conversions, shared by every backend (migration
 * 012 has the same columns in sqlite/ and postgres/). A source is its canonical URL: its
 * id is 16 hex digits of SHA-256 over it; only http(s) URLs are accepted.
 */
import { createHash } from 'node:crypto';
import type { PollState } from '../model/sources.ts';
import type { SourceInfo } from '../model/reader.ts';

/** Seconds between polls of a healthy source unless set otherwise. */
export const DEFAULT_INTERVAL_SEC = 15 * 60;

export interface SourceRow {
  id: string;
  url: string;
  title: string | null;
  interval_sec: number;
  etag: string | null;
  last_modified: string | null;
  last_fetch: string | null;
  status: string | null;
  error_count: number;
  last_error: string | null;
  next_poll: string;
  created_at: string;
}

/** A URL that is not http(s): the web layer turns it into a 400. */
export class SourceUrlError extends Error {
  readonly code = 'store.bad_source_url';
  readonly statusCode = 400;
}

export function sourceId(canon: string): string {
  return createHash('sha256').update(canon).digest('hex').slice(0, 16);
}

/** A row as the admin page and API list it. */
export const sourceInfo = (r: SourceRow): SourceInfo => ({
  id: r.id,
  url: r.url,
  title: r.title,
  lastFetch: r.last_fetch,
  status: r.status,
  errorCount: r.error_count,
  lastError: r.last_error,
  nextPoll: r.next_poll,
});

/** A row as the scheduler polls it. */
export const pollState = (r: SourceRow): PollState => ({
  id: r.id,
  url: r.url,
  title: r.title,
  etag: r.etag,
  lastModified: r.last_modified,
  errorCount: r.error_count,
  intervalSec: r.interval_sec,
});
