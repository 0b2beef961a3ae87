/**
 * The harness's floor for the first-view row: a plain `node:http` server (no framework, no
 * store) whose one thread spends per request what the first views' main thread did (a busy
 * loop; the GC helpers' share is left out, as it runs beside the main thread) and
 * answers a body of the same size, loaded exactly as the first views are (500 requests, then
 * the measured amount, `connections` new connections each). What this server cannot reach on
 * this machine with autocannon beside it, no page can: one Node thread at ~1 ms a request
 * serves ~900 req/s here, and when a run opens its 50 connections at once, the last of them
 * wait for the first ones' requests to be served (their first requests, timed from when the
 * client wrote them, take up to ~500 ms: the p99 of a 2,000-request run), whatever the server
 * does. Run by bench/http/index.ts; the child is this file with `serve` as its argument.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { load, type LoadResult } from './load.ts';

if (process.argv[2] === 'serve') {
  const cpuMs = Number(process.argv[3]);
  const body = Buffer.from('x'.repeat(Number(process.argv[4])));
  const srv = http.createServer((_req, res) => {
    const t = process.cpuUsage();
    for (;;) {
      const d = process.cpuUsage(t);
      if ((d.user + d.system) / 1000 >= cpuMs) break;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(body);
  });
  srv.listen(0, '127.0.0.1', () => process.send!((srv.address() as { port: number }).port));
}

/** The floor's first-view run: `amount` requests after 500, at `connections`, each `cpuMs` of server CPU and `bytes` long. */
export async function floorRun(cpuMs: number, bytes: number, amount: number, connections: number): Promise<LoadResult> {
  const child = fork(fileURLToPath(import.meta.url), ['serve', String(cpuMs), String(Math.round(bytes))], { stdio: 'inherit' });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m) => resolve(m as number));
      child.once('exit', (code) => reject(new Error(`floor server exited ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const paths = Array.from({ length: amount + 500 }, (_, i) => `/article/${i}`);
    await load(base, paths.slice(amount), connections, { amount: 500 });
    return await load(base, paths.slice(0, amount), connections, { amount });
  } finally {
    child.kill();
  }
}
