/**
 * Configuration is read once, at start, from the command line and the environment,
 * validated, frozen and passed down. Nothing else reads process.env.
 */
import { resolve } from 'node:path';

export interface Config {
  /** SQLite file path or postgres:// URL. */
  db: string;
  port: number;
  host: string;
  adminToken: string | null;
  logLevel: string;
  /** Directory holding gazetteers, stopwords and the demo sample. */
  dataDir: string;
  /** Per-IP rate limits (requests per minute) on the search API and on writes. */
  rateLimit: { search: number; write: number };
}

export interface ConfigOverrides {
  db?: string;
  port?: string | number;
  host?: string;
}

export const ROOT = resolve(new URL('..', import.meta.url).pathname);

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
  });
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`config: ${name} must be a positive integer, got ${value}`);
  return n;
}
