/**
 * The server side of the HTTP benchmark: builds (once) and caches the SQLite database of the
 * whole saudinewsnet corpus through the real `marsad import` CLI, then starts `marsad serve`
 * on it as a separate process on 127.0.0.1 and reads its resident memory from /proc.
 *
 * Contract: `ensureDatabase` returns the path of a complete database (a half-built one is
 * never left under the final name: the import writes to a temporary file that is renamed
 * when the CLI exits 0). `startServer` resolves once the server has printed its URL, on a
 * port the kernel chose (`--port 0`), and `stop` ends that process only, by its pid.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(REPO, 'bin', 'marsad.js');

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.stderr.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-20_000)));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Returns the cached database, importing the corpus into it first when it is missing. */
export async function ensureDatabase(dir: string, corpus: string, rebuild: boolean, log: (s: string) => void): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'saudinewsnet.db');
  if (rebuild) for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  if (existsSync(db)) {
    log(`database: reusing ${db} (pass --rebuild to import again)`);
    return db;
  }
  const tmp = join(dir, `saudinewsnet.${process.pid}.tmp.db`);
  log(`database: importing ${corpus} into ${db} with \`marsad import\` (a few minutes)…`);
  const t0 = performance.now();
  const r = await run(['import', corpus, '--db', tmp], { ...process.env, MARSAD_LOG_LEVEL: 'warn' });
  if (r.code !== 0) {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    throw new Error(`marsad import exited ${r.code}:\n${r.err.slice(-2000)}`);
  }
  log(`database: ${r.out.trim()} [${((performance.now() - t0) / 1000).toFixed(0)} s wall]`);
  // The import closed the store, so the WAL is checkpointed; move any leftovers along.
  for (const suffix of ['-wal', '-shm']) if (existsSync(tmp + suffix)) renameSync(tmp + suffix, db + suffix);
  renameSync(tmp, db);
  return db;
}

export interface Server {
  pid: number;
  base: string;
  articles: number;
  stop(): Promise<void>;
}

/**
 * Starts `marsad serve` on the database, with the search rate limit raised out of the way;
 * $MARSAD_BENCH_SERVER_REPO names another checkout whose CLI serves (a baseline branch).
 */
export function startServer(db: string, searchRateLimit: number): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env, MARSAD_LOG_LEVEL: 'warn', MARSAD_RATE_LIMIT_SEARCH: String(searchRateLimit) };
  delete env.MARSAD_ADMIN_TOKEN;
  const extra = process.env.MARSAD_BENCH_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...extra, process.env.MARSAD_BENCH_SERVER_REPO ? join(process.env.MARSAD_BENCH_SERVER_REPO, 'bin', 'marsad.js') : CLI, 'serve', '--db', db, '--host', '127.0.0.1', '--port', '0', '--no-poll', '--no-sample'],
    { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr?.on('data', (b: Buffer) => {
    err = (err + b.toString()).slice(-5000);
    process.stderr.write(`[server] ${b.toString()}`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('the server did not start within 60 s')), 60_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    const early = (code: number | null) => fail(new Error(`the server exited ${code} before it served:\n${err}`));
    child.once('exit', early);
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /serving (\d+) articles at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (!m || child.pid === undefined) return;
      clearTimeout(timer);
      // Only the early-exit listener: `exited` must still hear the exit, or stop() never returns.
      child.removeListener('exit', early);
      const pid = child.pid;
      resolve({
        pid,
        base: m[2]!,
        articles: Number(m[1]),
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

let ticks = 0;
/**
 * CPU time the process (all its threads) has used, in ms, from /proc/<pid>/stat; with
 * `mainThread`, its main thread's alone (/proc/<pid>/task/<pid>/stat: the event loop, HTTP
 * and rendering; the rest is search threads and V8's GC helpers).
 */
export function cpuOf(pid: number, mainThread = false): number {
  ticks ||= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  // Fields after the command name (in parentheses, which may hold spaces): utime and stime are 12th and 13th.
  const s = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / ticks;
}

/**
 * Resident and peak resident memory of a process, in MiB, from /proc/<pid>/status; `file`
 * is the part that is mapped files (SQLite maps the database: those pages are the page
 * cache, shared and reclaimable), `anon` the process's own (heaps).
 */
export function memoryOf(pid: number): { rss: number; hwm: number; anon: number; file: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024, anon: kb('RssAnon') / 1024, file: kb('RssFile') / 1024 };
}
