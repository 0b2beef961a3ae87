/**
 * Delivery of the alerts' outbox: claim due entries (a lease, so many processes share the
 * work), POST each as a signed webhook (webhook.ts), record the attempt. A failure is
 * retried with exponential backoff (base × 2^(n−1), capped); after MAX_CONSECUTIVE_FAILURES
 * failed attempts in a row the alert's webhook is paused with the reason (the admin page
 * shows it and can resume it). Delivered entries are never sent again; an entry whose send
 * succeeded but whose record was lost (a crash in between) is sent again with the same
 * `webhook-id`, which Standard Webhooks receivers use to drop duplicates.
 *
 * `serve` and `worker` run `start()` (a loop); `marsad import` calls `drain()` before it
 * exits, bounded in time, and reports what is left.
 */
import type { Dispatcher } from 'undici';
import type { AddressGuard } from '../ingest/fetch/guard.ts';
import { MAX_CONSECUTIVE_FAILURES } from './model.ts';
import type { Alert, AlertStore, AttemptOutcome, DueDelivery, MatchedArticle } from './types.ts';
import { messageId, sendWebhook, webhookBody } from './webhook.ts';

export interface DelivererOptions {
  guard: AddressGuard;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
  /** First retry delay and the cap (default 30 s and 6 h). */
  backoff?: { baseMs: number; maxMs: number };
  /** Entries claimed per round (default 20) and sent at once (default 4). */
  batch?: number;
  concurrency?: number;
  now?: () => Date;
  /** Called after every attempt (logging). */
  onAttempt?: (d: { alertId: string; storyId: string | null; outcome: AttemptOutcome; paused: boolean }) => void;
}

export interface DeliveryCounts {
  sent: number;
  failed: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The retry delay after the `n`th failed attempt (n ≥ 1). */
export function backoffMs(n: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, Math.min(n - 1, 40)));
}

export class AlertDeliverer {
  private readonly dispatcher: Dispatcher;
  private readonly timeoutMs: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly store: AlertStore,
    private readonly o: DelivererOptions,
  ) {
    this.timeoutMs = o.timeoutMs ?? 10_000;
    this.backoff = o.backoff ?? { baseMs: 30_000, maxMs: 6 * 3600_000 };
    this.now = o.now ?? (() => new Date());
    this.dispatcher = o.guard.dispatcher({ connectTimeoutMs: this.timeoutMs });
  }

  private async deliver(d: DueDelivery, failuresBefore: number): Promise<boolean> {
    const body = webhookBody(d.alert, d.articles);
    const outcome = await sendWebhook(d.alert.webhookUrl!, d.alert.secret!, messageId(d.alert.id, d.storyId), body, {
      guard: this.o.guard,
      dispatcher: this.dispatcher,
      timeoutMs: this.timeoutMs,
      now: this.now,
    });
    const now = this.now();
    const next = outcome.ok ? null : new Date(now.getTime() + backoffMs(d.attempts + 1, this.backoff.baseMs, this.backoff.maxMs)).toISOString();
    await this.store.recordAttempt(d.alert.id, d.storyId, outcome, { now: now.toISOString(), nextAttempt: next, maxFailures: MAX_CONSECUTIVE_FAILURES });
    const paused = !outcome.ok && failuresBefore + 1 >= MAX_CONSECUTIVE_FAILURES;
    this.o.onAttempt?.({ alertId: d.alert.id, storyId: d.storyId, outcome, paused });
    return outcome.ok;
  }

  /** One round: every due entry (up to `batch`), `concurrency` at a time. */
  async runOnce(): Promise<DeliveryCounts> {
    const c: DeliveryCounts = { sent: 0, failed: 0 };
    const due = await this.store.claimDue(this.now().toISOString(), this.o.batch ?? 20, this.timeoutMs * 2 + 5000);
    // One alert's entries go in order, one at a time (a failing receiver is not hit in parallel; its failures count in order).
    const byAlert = new Map<string, DueDelivery[]>();
    for (const d of due) byAlert.set(d.alert.id, [...(byAlert.get(d.alert.id) ?? []), d]);
    const queues = [...byAlert.values()];
    const worker = async () => {
      for (let q = queues.shift(); q; q = queues.shift()) {
        let failures = q[0]!.alert.consecutiveFailures;
        for (const d of q) {
          if (await this.deliver(d, failures)) {
            c.sent++;
            failures = 0;
          } else {
            c.failed++;
            // Paused now: its other claimed entries are left (their lease runs out; the pause keeps them back).
            if (++failures >= MAX_CONSECUTIVE_FAILURES) break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.o.concurrency ?? 4) }, worker));
    return c;
  }

  /** Runs rounds every `intervalMs` until `stop()`. */
  start(intervalMs = 5000): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .catch((e: Error) => this.o.onAttempt?.({ alertId: '', storyId: null, outcome: { ok: false, status: null, error: `deliver.failed: ${e.message}`, ms: 0 }, paused: false }))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /**
   * Delivers until nothing is due or `waitMs` has passed (retries that come due within the
   * wait are attempted too). Returns what was sent and what is still pending.
   */
  async drain(waitMs: number): Promise<DeliveryCounts & { pending: number }> {
    const deadline = Date.now() + waitMs;
    const c: DeliveryCounts = { sent: 0, failed: 0 };
    for (;;) {
      const r = await this.runOnce();
      c.sent += r.sent;
      c.failed += r.failed;
      const left = await this.store.pendingCount(this.now().toISOString());
      if (left.pending === 0 || Date.now() >= deadline) return { ...c, pending: left.pending };
      if (left.due === 0 && r.sent + r.failed === 0) {
        // Only later retries remain: wait for them while the bound allows.
        await sleep(Math.min(250, Math.max(0, deadline - Date.now())));
      }
    }
  }

  /** Sends a sample delivery (`type: alert.test`) for `alert`, logged but changing no state. */
  async sendTest(alert: Alert, articles: MatchedArticle[]): Promise<AttemptOutcome> {
    if (!alert.webhookUrl || !alert.secret) return { ok: false, status: null, error: 'alert has no webhook URL', ms: 0 };
    const body = webhookBody(alert, articles, 'alert.test');
    const outcome = await sendWebhook(alert.webhookUrl, alert.secret, `msg_${alert.id}_test_${this.now().getTime()}`, body, {
      guard: this.o.guard,
      dispatcher: this.dispatcher,
      timeoutMs: this.timeoutMs,
      now: this.now,
    });
    await this.store.recordAttempt(alert.id, null, outcome, { now: this.now().toISOString(), nextAttempt: null, maxFailures: MAX_CONSECUTIVE_FAILURES, test: true });
    return outcome;
  }

  /** Stops the loop, waits for the round under way, closes the connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.dispatcher.close();
  }
}

/** Articles for a test delivery: the alert's latest entry, else its query's best search hits. */
export async function sampleArticles(
  alerts: AlertStore,
  store: { search(q: { q: string; limit?: number; outlet?: string | null }): Promise<{ hits: Array<{ id: string; url: string | null; title: string; outlet: string | null; publishedAt: string | null; snippet: string }> }>; getArticle(id: string): Promise<{ storyId?: string | null } | null> },
  alert: Alert,
): Promise<MatchedArticle[]> {
  const [latest] = await alerts.listEntries(alert.id, 1);
  if (latest && latest.articles.length) return latest.articles;
  const r = await store.search({ q: alert.query, outlet: alert.outlet, limit: 3 });
  const out: MatchedArticle[] = [];
  for (const h of r.hits) {
    const a = await store.getArticle(h.id);
    out.push({ id: h.id, url: h.url, title: h.title, outlet: h.outlet, publishedAt: h.publishedAt, storyId: a?.storyId ?? '', snippet: h.snippet });
  }
  return out;
}
