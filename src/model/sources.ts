/**
 * A subscribed source's polling state as the scheduler reads and records it (its state is
 * database state), and `SourceStateStore`, what the scheduler needs from storage. Declared
 * here so the store backends implement it without importing jobs/.
 */

export interface PollState {
  id: string;
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  errorCount: number;
  /** Seconds between polls when healthy. */
  intervalSec: number;
}

export interface PollOutcome {
  lastFetch: string;
  status: 'ok' | 'not_modified' | 'error';
  error: string | null;
  etag: string | null;
  lastModified: string | null;
  errorCount: number;
  nextPoll: string;
  /** The feed's own title, learned on the first successful poll. */
  title?: string | null;
}

/** What the scheduler needs from storage (implemented by every Store backend). */
export interface SourceStateStore {
  dueSources(nowIso: string, limit: number): Promise<PollState[]>;
  getPollState(id: string): Promise<PollState | null>;
  recordPoll(id: string, outcome: PollOutcome): Promise<void>;
}
