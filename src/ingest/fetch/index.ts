/**
 * The bounded, polite HTTP fetcher: `fetchUrl(url, opts)` gets one feed or page.
 *
 * Why: every URL Marsad reads (the CLI now, the poller later) goes through here, so the
 * limits live in one place: a connect timeout and a total timeout, a cap on the body
 * after decompression (gzip, deflate, br; a gzip bomb stops at the cap), at most 5
 * redirects followed by hand so each hop is checked, robots.txt honoured per origin,
 * conditional GET (ETag / Last-Modified; a 304 gives `notModified`), and a clear
 * User-Agent. Contract: never throws for an expected failure; it resolves with
 * `{ ok: false, code }` where code is stable: `fetch.bad_url`, `fetch.timeout`,
 * `fetch.too_large`, `fetch.too_many_redirects`, `fetch.robots_disallowed`,
 * `fetch.robots_unreachable`, `fetch.http_404` (any status), `fetch.bad_encoding`,
 * `fetch.dns`, `fetch.connect_refused`, `fetch.network`, `fetch.aborted`,
 * `fetch.private_address` (the address guard, guard.ts: every hop's URL is checked before
 * it is requested, and every connection at connect time).
 */
import type { Dispatcher } from 'undici';
import { isGuarded, strictGuard, type AddressGuard } from './guard.ts';
import { classify, FetchFailure, hop, REDIRECTS } from './hop.ts';
import { defaultRobotsCache, type RobotsCache, type RobotsLoader } from './robots.ts';
import type { HostLimiter } from './politeness.ts';

export { HostLimiter, type HostLimiterOptions } from './politeness.ts';
export { RobotsCache } from './robots.ts';
export { AddressGuard, AddressRefused, isGuarded, nonPublicReason, parseAllowList, screenUrls, strictGuard, type GuardOptions, type GuardVerdict, type Lookup } from './guard.ts';

export const USER_AGENT = 'Marsad/0.1 (+https://github.com/marsad)';
/** The product token matched against robots.txt User-agent lines. */
export const ROBOTS_AGENT = 'Marsad';

export interface FetchOptions {
  /** Total time for the whole fetch (robots.txt, every hop, the body), ms. Default 30 s. */
  timeoutMs?: number;
  /** Time to open a TCP/TLS connection, ms. Default 10 s. */
  connectTimeoutMs?: number;
  /** Maximum body size after decompression, in bytes. Default 10 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Conditional GET validators from the previous fetch. */
  etag?: string | null;
  lastModified?: string | null;
  userAgent?: string;
  /** Check robots.txt first (default true). */
  robots?: boolean;
  /** Where robots.txt rules are cached (default: one cache for the process). */
  robotsCache?: RobotsCache;
  /** Per-host gate: each hop waits for its host to be free (and rested). */
  limiter?: HostLimiter;
  /** Which addresses may be reached (default `strictGuard`: public addresses only). */
  guard?: AddressGuard;
  /** A shared connection pool made by `guard.dispatcher()` (any other is refused); default: one per call, closed after. */
  dispatcher?: Dispatcher;
  /** Cancels the fetch (code `fetch.aborted`). */
  signal?: AbortSignal;
}

export type FetchResult =
  | {
      ok: true;
      status: number;
      /** Final URL after redirects. */
      url: string;
      /** Empty when notModified. */
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      notModified: boolean;
      /** How many redirects were followed. */
      redirects: number;
    }
  | { ok: false; url: string; code: string; message: string; status?: number };

const DEFAULTS = { timeoutMs: 30_000, connectTimeoutMs: 10_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };

/** Fetches `url`, following up to `maxRedirects` redirects; failures are values. */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const guard = opts.guard ?? strictGuard;
  const start = guard.checkUrl(url);
  if (!start.ok) return { ok: false, url, code: start.code, message: start.message };
  if (opts.dispatcher && !isGuarded(opts.dispatcher)) throw new TypeError('fetchUrl: the dispatcher must come from AddressGuard.dispatcher()');
  const timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(new FetchFailure('fetch.timeout', `no complete response within ${timeoutMs} ms`)), timeoutMs);
  const onAbort = () => ctrl.abort(new FetchFailure('fetch.aborted', 'fetch cancelled'));
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) onAbort();
  const own = opts.dispatcher ? null : guard.dispatcher({ connectTimeoutMs: opts.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs });
  const dispatcher = opts.dispatcher ?? own!;
  let current = start.url.toString();
  try {
    return await follow(current, { ...opts, guard }, dispatcher, ctrl.signal, (u) => (current = u));
  } catch (e) {
    const f = classify(e, ctrl.signal);
    return { ok: false, url: current, code: f.code, message: f.message, ...(f.status != null ? { status: f.status } : {}) };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    if (own) void own.destroy().catch(() => undefined);
  }
}

async function follow(
  first: string,
  opts: FetchOptions,
  dispatcher: Dispatcher,
  signal: AbortSignal,
  onHop: (url: string) => void,
): Promise<FetchResult> {
  const maxRedirects = opts.maxRedirects ?? DEFAULTS.maxRedirects;
  const maxBytes = opts.maxBytes ?? DEFAULTS.maxBytes;
  const userAgent = opts.userAgent ?? USER_AGENT;
  const robots = opts.robots !== false ? (opts.robotsCache ?? defaultRobotsCache) : null;
  const loadRobots: RobotsLoader = async (robotsUrl) => {
    const r = await fetchUrl(robotsUrl, { ...opts, dispatcher, robots: false, maxBytes: 512 * 1024, etag: null, lastModified: null, signal });
    // Our own deadline or cancel is not the site's fault: fail this fetch, cache nothing.
    if (signal.aborted) throw signal.reason;
    // The guard refusing the host is the answer for the page too, not an unreachable robots.txt.
    if (!r.ok && r.code === 'fetch.private_address') throw new FetchFailure(r.code, r.message);
    if (r.ok) return { status: r.status, text: Buffer.from(r.bytes).toString('utf8') };
    return r.status != null ? { status: r.status, text: '' } : { error: r.message };
  };
  let url = first;
  for (let redirects = 0; ; redirects++) {
    onHop(url);
    // Every hop, the first included: a redirect to an internal address stops here.
    const allowed = opts.guard!.checkUrl(url);
    if (!allowed.ok) throw new FetchFailure(allowed.code, allowed.message);
    let delayMs: number | undefined;
    if (robots) {
      const denied = await robots.check(url, ROBOTS_AGENT, loadRobots);
      if (denied) throw new FetchFailure(denied.code, denied.message);
      delayMs = (await robots.crawlDelayMs(url, ROBOTS_AGENT, loadRobots)) ?? undefined;
    }
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      'accept-encoding': 'gzip, deflate, br',
      accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.8',
    };
    // Validators belong to the URL asked for; after a redirect they may not apply, but
    // servers ignore unknown ones, and a poller stores the final URL's validators.
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    const send = () => hop({ url, headers, maxBytes, dispatcher, signal });
    const res = opts.limiter ? await opts.limiter.run(url, send, delayMs) : await send();
    if (REDIRECTS.has(res.status)) {
      if (!res.location) throw new FetchFailure('fetch.bad_redirect', `HTTP ${res.status} without a Location header`, res.status);
      const next = opts.guard!.checkUrl(res.location, url);
      if (!next.ok && next.code === 'fetch.bad_url') throw new FetchFailure('fetch.bad_redirect', `redirect to a non-http(s) URL: ${res.location}`, res.status);
      if (!next.ok) throw new FetchFailure(next.code, `redirect to ${res.location}: ${next.message}`, res.status);
      if (redirects + 1 > maxRedirects) {
        throw new FetchFailure('fetch.too_many_redirects', `more than ${maxRedirects} redirects (next: ${next.url.toString()})`, res.status);
      }
      url = next.url.toString();
      continue;
    }
    const notModified = res.status === 304;
    return {
      ok: true,
      status: res.status,
      url,
      bytes: res.bytes,
      contentType: res.contentType,
      etag: res.etag ?? (notModified ? (opts.etag ?? null) : null),
      lastModified: res.lastModified ?? (notModified ? (opts.lastModified ?? null) : null),
      notModified,
      redirects,
    };
  }
}
