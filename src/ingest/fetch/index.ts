/** PLACEHOLDER: replaced by the bounded, polite HTTP fetcher. */
export interface FetchOptions {
  timeoutMs?: number;
  /** Maximum body size after decompression, in bytes. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Conditional GET validators from the previous fetch. */
  etag?: string | null;
  lastModified?: string | null;
  userAgent?: string;
  /** Check robots.txt first (default true). */
  robots?: boolean;
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
    }
  | { ok: false; url: string; code: string; message: string; status?: number };

export async function fetchUrl(url: string, _opts: FetchOptions = {}): Promise<FetchResult> {
  return { ok: false, url, code: 'fetch.unsupported', message: 'fetcher not written yet' };
}
