/**
 * One HTTP GET without following redirects: the building block of `fetchUrl`.
 *
 * Why a separate hop: the fetcher follows redirects itself so that every hop is checked
 * (scheme, robots.txt, the redirect count). Contract: resolves with the status, the
 * headers that matter and, for a 2xx, the capped and decompressed body; rejects only
 * with a `FetchFailure` (stable code) so the caller can turn it into a value.
 */
import { errors as undiciErrors, request, type Dispatcher } from 'undici';
import { BodyError, readCapped } from './body.ts';

export class FetchFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface HopRequest {
  url: string;
  headers: Record<string, string>;
  maxBytes: number;
  dispatcher: Dispatcher;
  signal: AbortSignal;
}

export interface HopResponse {
  status: number;
  location: string | null;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  bytes: Uint8Array;
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

/** Maps a transport error to a stable code; the abort signal's reason wins (timeout). */
export function classify(e: unknown, signal: AbortSignal): FetchFailure {
  if (e instanceof FetchFailure) return e;
  if (e instanceof BodyError) return new FetchFailure(e.code, e.message);
  if (signal.aborted) {
    const reason = signal.reason as Error | undefined;
    if (reason instanceof FetchFailure) return reason;
    return new FetchFailure('fetch.aborted', reason?.message ?? 'aborted');
  }
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err.code ?? err.cause?.code ?? '';
  // The guard refused the connection (guard.ts): its message names the address.
  if (code === 'fetch.private_address') return new FetchFailure(code, err.code ? err.message : (err.cause?.message ?? err.message));
  if (e instanceof undiciErrors.ConnectTimeoutError) return new FetchFailure('fetch.timeout', 'connect timed out');
  if (e instanceof undiciErrors.HeadersTimeoutError || e instanceof undiciErrors.BodyTimeoutError) {
    return new FetchFailure('fetch.timeout', err.message);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchFailure('fetch.dns', `cannot resolve host: ${err.message}`);
  if (code === 'ECONNREFUSED') return new FetchFailure('fetch.connect_refused', 'connection refused');
  return new FetchFailure('fetch.network', `${code ? code + ': ' : ''}${err.message}`);
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Sends one GET and reads its body when it is a 2xx. */
export async function hop(req: HopRequest): Promise<HopResponse> {
  const res = await request(req.url, {
    method: 'GET',
    headers: req.headers,
    dispatcher: req.dispatcher,
    signal: req.signal,
  });
  const h = res.headers;
  const out: HopResponse = {
    status: res.statusCode,
    location: header(h, 'location'),
    contentType: header(h, 'content-type'),
    etag: header(h, 'etag'),
    lastModified: header(h, 'last-modified'),
    bytes: new Uint8Array(0),
  };
  if (res.statusCode < 200 || res.statusCode >= 300) {
    // Redirects, 304 and errors: the body is not wanted; drop it without reading it all.
    await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    if (REDIRECTS.has(res.statusCode) || res.statusCode === 304) return out;
    throw new FetchFailure(`fetch.http_${res.statusCode}`, `HTTP ${res.statusCode}`, res.statusCode);
  }
  const declared = Number(header(h, 'content-length') ?? NaN);
  const encoding = header(h, 'content-encoding');
  if (!encoding && Number.isFinite(declared) && declared > req.maxBytes) {
    res.body.on('error', () => undefined).destroy();
    throw new FetchFailure('fetch.too_large', `Content-Length ${declared} is over the ${req.maxBytes}-byte limit`, res.statusCode);
  }
  out.bytes = await readCapped(res.body, encoding, req.maxBytes);
  return out;
}

export { REDIRECTS };
