/**
 * Webhooks per the Standard Webhooks specification (signing by the `standardwebhooks`
 * package): headers `webhook-id` (stable per alert and story, so a receiver can drop a
 * redelivery), `webhook-timestamp` (seconds) and `webhook-signature: v1,<base64
 * HMAC-SHA256 of "id.timestamp.body">` keyed by the base64-decoded part of `whsec_…`.
 *
 * Sending goes through the address guard twice, as every fetch for someone else's URL:
 * `checkUrl` before the request (a URL stored under a laxer setting is refused now) and
 * the guard's dispatcher at connect. Redirects are not followed (a 3xx is a failure),
 * only a 2xx counts as delivered, and the attempt is bounded by a timeout.
 */
import { Webhook } from 'standardwebhooks';
import { request, type Dispatcher } from 'undici';
import type { AddressGuard } from '../ingest/fetch/guard.ts';
import type { Alert, AttemptOutcome, MatchedArticle } from './types.ts';

export type WebhookEventType = 'alert.matched' | 'alert.test';

/** The webhook body: `{"type","alert":{"id","name","query"},"articles":[…]}` (compact JSON). */
export function webhookBody(alert: Pick<Alert, 'id' | 'name' | 'query'>, articles: readonly MatchedArticle[], type: WebhookEventType = 'alert.matched'): string {
  return JSON.stringify({
    type,
    alert: { id: alert.id, name: alert.name, query: alert.query },
    articles: articles.map((a) => ({ id: a.id, url: a.url, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt, storyId: a.storyId, snippet: a.snippet })),
  });
}

/** The message id of an alert's story entry (the same on every retry). */
export function messageId(alertId: string, storyId: string): string {
  return `msg_${alertId}_${storyId}`;
}

/** The three Standard Webhooks headers for `body`. */
export function signedHeaders(secret: string, msgId: string, body: string, at: Date): Record<string, string> {
  const ts = new Date(Math.floor(at.getTime() / 1000) * 1000);
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(ts.getTime() / 1000),
    'webhook-signature': new Webhook(secret).sign(msgId, ts, body),
  };
}

export interface SendOptions {
  guard: AddressGuard;
  /** From `guard.dispatcher()`. */
  dispatcher: Dispatcher;
  timeoutMs: number;
  now?: () => Date;
}

const ERROR_BODY = 300;

/** POSTs one signed webhook; never throws: the outcome says what happened. */
export async function sendWebhook(url: string, secret: string, msgId: string, body: string, o: SendOptions): Promise<AttemptOutcome> {
  const t0 = performance.now();
  const ms = () => performance.now() - t0;
  const v = o.guard.checkUrl(url);
  if (!v.ok) return { ok: false, status: null, error: `${v.code}: ${v.message}`, ms: ms() };
  const headers = { 'content-type': 'application/json', 'user-agent': 'Marsad-Webhooks/1', ...signedHeaders(secret, msgId, body, (o.now ?? (() => new Date()))()) };
  try {
    const res = await request(v.url, {
      method: 'POST',
      headers,
      body,
      dispatcher: o.dispatcher,
      signal: AbortSignal.timeout(o.timeoutMs),
      headersTimeout: o.timeoutMs,
      bodyTimeout: o.timeoutMs,
    });
    const text = (await res.body.text().catch(() => '')).slice(0, ERROR_BODY);
    if (res.statusCode >= 200 && res.statusCode < 300) return { ok: true, status: res.statusCode, error: null, ms: ms() };
    const why = res.statusCode >= 300 && res.statusCode < 400 ? 'redirects are not followed' : text.replace(/\s+/g, ' ').trim();
    return { ok: false, status: res.statusCode, error: `webhook.http_${res.statusCode}${why ? `: ${why}` : ''}`, ms: ms() };
  } catch (e) {
    const err = e as Error & { code?: string; cause?: { code?: string; message?: string } };
    const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError' || /timeout/i.test(err.code ?? '');
    if (timedOut) return { ok: false, status: null, error: `webhook.timeout: no answer within ${o.timeoutMs} ms`, ms: ms() };
    const code = err.code ?? err.cause?.code ?? 'webhook.failed';
    return { ok: false, status: null, error: `${code}: ${err.message}`, ms: ms() };
  }
}
