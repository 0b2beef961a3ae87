/**
 * A PostgreSQL deployment never loads the SQLite driver (issue 9, "layers that hold"):
 * `marsad worker` and `marsad serve` on a postgres:// database start, serve, and stop
 * without better-sqlite3 ever being resolved. Each process runs with test/trace/register.mjs,
 * which records every module it loads (as test/cli-lazy.test.ts does for the commands).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TRACE = fileURLToPath(new URL('./trace/register.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'marsad-pg-lazy-'));
const schemas: string[] = [];
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  // The worker's pg-boss schema is named after the store's (jobs/pgboss.ts bossSchemaFor).
  await dropSchemas(schemas.flatMap((s) => [s, `${s}_boss`]));
});

/** Runs `marsad args` traced until `ready` is printed, then SIGTERM; returns the packages it loaded. */
function tracedUntil(args: string[], ready: RegExp, name: string): Promise<{ packages: Set<string>; out: string; ready: boolean }> {
  const file = join(dir, `${name}.txt`);
  const child = spawn(process.execPath, ['--import', TRACE, 'bin/marsad.js', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '', MARSAD_TRACE_MODULES: file, MARSAD_LOG_LEVEL: 'info' },
  });
  let out = '';
  let signalled = false;
  const onData = (d: Buffer) => {
    out += d.toString();
    if (!signalled && ready.test(out)) {
      signalled = true;
      // The ready line is printed just before the signal handlers are installed: give the
      // process a moment, so it usually stops cleanly (what it loaded is traced either way:
      // each ESM resolution is recorded as it happens).
      setTimeout(() => child.kill('SIGTERM'), 300);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => {
    child.on('exit', () => {
      clearTimeout(timer);
      let loaded = '';
      try {
        loaded = readFileSync(file, 'utf8');
      } catch {
        // nothing traced
      }
      resolve({ packages: new Set([...loaded.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1]!)), out, ready: signalled });
    });
  });
}

test('postgres: marsad worker starts and stops without loading better-sqlite3', { skip: skipPg }, async () => {
  const schema = scratchName();
  schemas.push(schema);
  const r = await tracedUntil(['worker', '--db', urlFor(schema), '--concurrency', '1', '--no-scheduler'], /worker ready/, 'worker');
  assert.ok(r.ready, r.out.slice(-2000));
  assert.ok(r.packages.has('pg') && r.packages.has('pg-boss'), `the tracer saw the worker's drivers: ${[...r.packages].join(', ')}`);
  assert.ok(!r.packages.has('better-sqlite3'), 'the worker loaded better-sqlite3');
});

test('postgres: marsad serve starts and stops without loading better-sqlite3', { skip: skipPg }, async () => {
  const schema = scratchName();
  schemas.push(schema);
  const r = await tracedUntil(['serve', '--db', urlFor(schema), '--port', '0', '--no-sample', '--no-poll'], /Marsad is serving/, 'serve');
  assert.ok(r.ready, r.out.slice(-2000));
  assert.ok(r.packages.has('pg') && r.packages.has('fastify'), `the tracer saw the server's packages: ${[...r.packages].join(', ')}`);
  assert.ok(!r.packages.has('better-sqlite3'), 'the server loaded better-sqlite3');
});
