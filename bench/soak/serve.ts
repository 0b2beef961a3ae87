/**
 * The soak's server side: subscribes the farm's feeds with the real CLI, sets their poll
 * interval, starts `marsad serve` as a real process (sample import, polling, the reader),
 * reads its admin-only metrics and /proc memory, and counts the error lines it logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { toOpml } from '../../src/ingest/opml/index.ts';
import type { MetricsSample } from '../../src/web/metrics.ts';

const REPO = new URL('../../', import.meta.url).pathname;
const CLI = join(REPO, 'bin/marsad.js');
export const TOKEN = 'soak-admin-token-0123456789';

export const serveEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_OPTIONS: '',
  MARSAD_LOG_LEVEL: 'warn',
  MARSAD_ALLOW_HOSTS: '127.0.0.1',
  MARSAD_ADMIN_TOKEN: TOKEN,
  MARSAD_RATE_LIMIT_SEARCH: '1000000000',
});

/** Subscribes every feed through `marsad sources import` and sets their poll interval. */
export async function subscribe(db: string, dir: string, urls: string[], intervalSec: number): Promise<void> {
  const opml = join(dir, 'soak.opml');
  writeFileSync(opml, toOpml(urls.map((url, i) => ({ url, title: `soak ${i}`, siteUrl: null, category: null }))));
  const child = spawn(process.execPath, [CLI, 'sources', 'import', opml, '--db', db], { cwd: REPO, env: serveEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0 || !new RegExp(`^${urls.length} added`, 'm').test(out)) throw new Error(`sources import failed (${code}): ${out}`);
  // The default is 15 min; the soak polls every feed about as often as it changes.
  const conn = new Database(db);
  conn.prepare('UPDATE sources SET interval_sec = ?').run(intervalSec);
  conn.close();
}

export interface Served {
  pid: number;
  base: string;
  articlesAtStart: number;
  /** Lines logged at level error or above (every 5xx is one). */
  errorLines: () => string[];
  metrics(reset?: boolean): Promise<MetricsSample>;
  stop(): Promise<void>;
}

export function startServe(db: string, pollTickSec: number): Promise<Served> {
  // SOAK_SERVE_NODE_ARGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`.
  const nodeArgs = (process.env.SOAK_SERVE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, CLI, 'serve', '--db', db, '--port', '0', '--poll-interval', String(pollTickSec)], {
    cwd: REPO,
    env: serveEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  let rest = '';
  child.stderr!.on('data', (b: Buffer) => {
    const lines = (rest + b.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines) if (/"level":(50|60)/.test(l)) errors.push(l);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start within 5 min: ${out}`)), 300_000);
    child.once('exit', (code) => reject(new Error(`serve exited ${code} before it served: ${out}`)));
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /serving (\d+) articles at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const base = m[2]!;
      resolve({
        pid: child.pid!,
        base,
        articlesAtStart: Number(m[1]),
        errorLines: () => errors,
        async metrics(reset = false) {
          const r = await fetch(`${base}/api/v1/metrics${reset ? '?reset=1' : ''}`, { headers: { authorization: `Bearer ${TOKEN}` } });
          return (await r.json()) as MetricsSample;
        },
        async stop() {
          if (child.exitCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

/** Resident memory of a process in MiB (/proc): all, its own heaps (anon), mapped files (the SQLite file's pages). */
export function memoryOf(pid: number): { rss: number; anon: number; file: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, anon: kb('RssAnon') / 1024, file: kb('RssFile') / 1024 };
}

/** What the database holds of the farm's items: each URL with how many rows carry it, and how many have no story. */
export function storedItems(db: string): { urls: Map<string, number>; ungrouped: number; total: number } {
  const conn = new Database(db, { readonly: true });
  try {
    const urls = new Map<string, number>();
    for (const r of conn.prepare("SELECT url, count(*) AS n FROM articles WHERE url LIKE 'https://soak-site%' GROUP BY url").all() as Array<{ url: string; n: number }>) urls.set(r.url, r.n);
    const ungrouped = conn.prepare('SELECT count(*) FROM articles WHERE story_id IS NULL').pluck().get() as number;
    const total = conn.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    return { urls, ungrouped, total };
  } finally {
    conn.close();
  }
}
