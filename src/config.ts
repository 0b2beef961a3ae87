/**
 * Configuration is read once, at start, from the command line and the environment,
 * validated, frozen and passed down. Nothing else reads process.env.
 */
import { resolve } from 'node:path';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { ROOT } from './paths.ts';

export interface Config {
  /** SQLite file path or postgres:// URL. */
  db: string;
  port: number;
  host: string;
  adminToken: string | null;
  logLevel: string;
  /** Directory holding gazetteers, stopwords and the demo sample. */
  dataDir: string;
  /** Per-IP rate limits (requests per minute) on search (page, feed and API) and on writes. */
  rateLimit: { search: number; write: number };
  /**
   * Which addresses fetches may reach (src/ingest/fetch/guard.ts): public ones only, unless
   * MARSAD_ALLOW_PRIVATE_HOSTS=1 or MARSAD_ALLOW_HOSTS lists host names and CIDRs.
   */
  fetchGuard: { allowPrivate: boolean; allow: readonly string[] };
  /**
   * The site's own origin (MARSAD_BASE_URL, e.g. https://marsad.example): Atom ids and links
   * and the CSRF origin check use it, never the Host header. Null: http://<host>:<port> of
   * the listening server.
   */
  baseUrl: string | null;
  /** Proxies whose X-Forwarded-* headers are believed (MARSAD_TRUST_PROXY: addresses/CIDRs, comma-separated). */
  trustProxy: string | null;
  /** Key of the CSRF form tokens (MARSAD_CSRF_SECRET); null: derived from the admin token. */
  csrfSecret: string | null;
  /**
   * How long (ms) the web read cache may keep serving a read made before the last commit
   * (MARSAD_CACHE_STALE_MS, default 10 s: feeds are polled every 15 min, so readers cannot tell; 0: every commit is seen by the next request).
   * See src/web/cache.ts.
   */
  cacheStaleMs: number;
  /**
   * SQLite: worker threads that serve searches under `serve` (MARSAD_SEARCH_THREADS; default
   * the number of cores, at most 4; 0: searches run on the server's own thread).
   * See src/store/sqlite/search-pool.ts.
   */
  searchThreads: number;
  /**
   * `serve`: how far (percent) the V8 heap may grow past what the last full collection
   * kept before the next one (MARSAD_HEAP_GROWTH_PERCENT, default 50; 0: V8's own factor,
   * up to 300 %). A serving process makes garbage fast and V8 lets it pile up to four
   * times the live heap: the server's own memory (anonymous RSS) after the bench:http load
   * is 280–370 MiB with V8's factor, 218–234 MiB with 50 % (docs/ARCHITECTURE.md).
   */
  heapGrowthPercent: number;
}

export interface ConfigOverrides {
  db?: string;
  port?: string | number;
  host?: string;
}

/** The package root (see paths.ts). */
export { ROOT };

/** Builds the frozen config: flags first, then environment, then defaults. */
export function loadConfig(flags: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const port = Number(flags.port ?? env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`config: invalid port ${String(flags.port ?? env.PORT)}`);
  return Object.freeze({
    db: flags.db ?? env.MARSAD_DB ?? resolve('data', 'marsad.db'),
    port,
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    adminToken: env.MARSAD_ADMIN_TOKEN || null,
    logLevel: env.MARSAD_LOG_LEVEL ?? 'info',
    dataDir: resolve(ROOT, 'data'),
    rateLimit: Object.freeze({
      search: positiveInt(env.MARSAD_RATE_LIMIT_SEARCH, 600, 'MARSAD_RATE_LIMIT_SEARCH'),
      write: positiveInt(env.MARSAD_RATE_LIMIT_WRITE, 60, 'MARSAD_RATE_LIMIT_WRITE'),
    }),
    fetchGuard: Object.freeze({ allowPrivate: flag(env.MARSAD_ALLOW_PRIVATE_HOSTS, 'MARSAD_ALLOW_PRIVATE_HOSTS'), allow: Object.freeze(allowList(env.MARSAD_ALLOW_HOSTS)) }),
    baseUrl: baseUrl(env.MARSAD_BASE_URL),
    trustProxy: env.MARSAD_TRUST_PROXY?.trim() || null,
    csrfSecret: env.MARSAD_CSRF_SECRET || null,
    cacheStaleMs: nonNegativeInt(env.MARSAD_CACHE_STALE_MS, 10_000, 'MARSAD_CACHE_STALE_MS'),
    searchThreads: nonNegativeInt(env.MARSAD_SEARCH_THREADS, Math.min(4, availableParallelism()), 'MARSAD_SEARCH_THREADS'),
    heapGrowthPercent: nonNegativeInt(env.MARSAD_HEAP_GROWTH_PERCENT, 50, 'MARSAD_HEAP_GROWTH_PERCENT'),
  });
}

function flag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '' || /^(0|false|no)$/i.test(value)) return false;
  if (/^(1|true|yes)$/i.test(value)) return true;
  throw new Error(`config: ${name} must be 1 or 0, got ${value}`);
}

function allowList(value: string | undefined): string[] {
  const list = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const raw of list) {
    const why = allowEntryError(raw);
    if (why) throw new Error(`config: MARSAD_ALLOW_HOSTS: ${why}`);
  }
  return list;
}

/**
 * The syntax of one allow-list entry, checked at start with node:net alone (the guard parses
 * the list with ipaddr.js when it is built; a command that never fetches does not load it).
 */
function allowEntryError(raw: string): string | null {
  const bare = raw.replace(/^\[(.*)\](\/\d+)?$/, '$1$2');
  if (bare.includes('/')) {
    const [addr = '', bits = '', ...rest] = bare.split('/');
    const family = isIP(addr);
    const max = family === 4 ? 32 : 128;
    return family && rest.length === 0 && /^\d{1,3}$/.test(bits) && Number(bits) <= max ? null : `not a CIDR: ${raw}`;
  }
  if (isIP(bare) || /^[a-z0-9.-]+\.?$/i.test(raw)) return null;
  return `not a host name or CIDR: ${raw}`;
}

/** An http(s) origin, without a path: routes are at the root. */
function baseUrl(value: string | undefined): string | null {
  if (!value) return null;
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`config: MARSAD_BASE_URL is not a URL: ${value}`);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.pathname !== '/' || u.search || u.hash || u.username) {
    throw new Error(`config: MARSAD_BASE_URL must be an http(s) origin such as https://marsad.example, got ${value}`);
  }
  return u.origin;
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`config: ${name} must be a positive integer, got ${value}`);
  return n;
}

function nonNegativeInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`config: ${name} must be a whole number ≥ 0, got ${value}`);
  return n;
}
