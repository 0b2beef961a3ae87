/**
 * Helpers of the multi-process PostgreSQL tests: spawn `marsad` (worker, serve) as real
 * processes with their output collected, wait for a log line, and a local HTTP server on
 * 127.0.0.1 serving fixtures with optional delay while counting concurrent requests per host.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Proc {
  child: ChildProcess;
  out: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when a line matching `re` has been printed (stdout or stderr). */
  waitFor: (re: RegExp, ms?: number) => Promise<string>;
}

export function marsad(args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, ['bin/marsad.js', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '', MARSAD_LOG_LEVEL: 'debug', MARSAD_ALLOW_HOSTS: '127.0.0.1', ...env },
  });
  let buf = '';
  const waiters: Array<{ re: RegExp; resolve: (s: string) => void }> = [];
  const onData = (d: Buffer) => {
    buf += d.toString();
    for (const w of [...waiters]) {
      const m = w.re.exec(buf);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m[0]);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  const waitFor = (re: RegExp, ms = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const m = re.exec(buf);
      if (m) return resolve(m[0]);
      const t = setTimeout(() => reject(new Error(`timed out waiting for ${re} in:\n${buf.slice(-3000)}`)), ms);
      waiters.push({ re, resolve: (s) => (clearTimeout(t), resolve(s)) });
      void exited.then(({ code, signal }) => reject(new Error(`exited (${code ?? signal}) before ${re}:\n${buf.slice(-3000)}`)));
    });
  return { child, out: () => buf, exited, waitFor };
}

export interface FixtureServer {
  server: Server;
  port: number;
  /** The highest number of requests in flight at once, per Host header. */
  maxConcurrent: Map<string, number>;
  requests: string[];
  close: () => Promise<void>;
}

/** Serves `routes` (path → body and type) on 127.0.0.1, each response after `delayMs`. */
export async function fixtureServer(routes: Map<string, { body: Buffer; type: string }>, delayMs = 0): Promise<FixtureServer> {
  const inFlight = new Map<string, number>();
  const maxConcurrent = new Map<string, number>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    const n = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, n);
    maxConcurrent.set(host, Math.max(maxConcurrent.get(host) ?? 0, n));
    requests.push(req.url ?? '');
    setTimeout(() => {
      inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
      const r = routes.get((req.url ?? '').split('?')[0]!);
      if (!r) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': r.type }).end(r.body);
    }, delayMs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { server, port, maxConcurrent, requests, close: () => new Promise((r) => server.close(() => r())) };
}
