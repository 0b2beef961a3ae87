/**
 * A command loads only what it needs (issue 9): `marsad --help` and `marsad <cmd> --help`
 * load commander and nothing else of the package's dependencies; `marsad search` on a
 * SQLite file loads no web server, PostgreSQL client, queue, HTML parser or fetcher.
 * Each CLI runs with test/trace/register.mjs, which records every module the process
 * loads (ESM resolutions and CommonJS requires), so this is a statement about what is
 * loaded, not about time (the timings are in bench/startup).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TRACE = fileURLToPath(new URL('./trace/register.mjs', import.meta.url));
const DEPENDENCIES = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
const dir = mkdtempSync(join(tmpdir(), 'marsad-lazy-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The package's direct dependencies the process loaded, sorted. */
  deps: string[];
}

let runs = 0;
function marsad(args: string[], trace = true): Promise<Run> {
  const file = join(dir, `trace-${++runs}.txt`);
  const argv = trace ? ['--import', TRACE, 'bin/marsad.js', ...args] : ['bin/marsad.js', ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { cwd: ROOT, timeout: 120_000, env: { ...process.env, NODE_OPTIONS: '', MARSAD_TRACE_MODULES: file } }, (err, stdout, stderr) => {
      let loaded = '';
      try {
        loaded = readFileSync(file, 'utf8');
      } catch {
        // No trace file: the run loaded nothing traceable (or tracing was off).
      }
      const pkgs = new Set([...loaded.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1]!));
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr, deps: DEPENDENCIES.filter((d) => pkgs.has(d)).sort() });
    });
  });
}

test('control: the tracer records what a command loads (import loads the SQLite driver)', async () => {
  const r = await marsad(['import', join(ROOT, 'data/samples/moscow-tehran-2023-09-20.txt'), '--db', join(dir, 'm.db')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /import: 2 added/);
  for (const d of ['better-sqlite3', 'commander']) assert.ok(r.deps.includes(d), `import loads ${d}: ${r.deps.join(', ')}`);
});

test('marsad --help loads commander and no other dependency', async () => {
  const r = await marsad(['--help']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Usage: marsad/);
  for (const cmd of ['parse', 'import', 'search', 'serve', 'sources', 'article', 'stories', 'related', 'entity', 'worker', 'migrate']) assert.match(r.stdout, new RegExp(`\\n  ${cmd}\\b`));
  assert.deepEqual(r.deps, ['commander']);
});

test('marsad <command> --help loads commander and no other dependency, for every command', async () => {
  for (const cmd of [['search'], ['serve'], ['worker'], ['import'], ['parse'], ['sources', 'add'], ['timeline'], ['comention']]) {
    const r = await marsad([...cmd, '--help']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`Usage: marsad ${cmd.join(' ')}`));
    assert.deepEqual(r.deps, ['commander'], `${cmd.join(' ')} --help`);
  }
});

test('marsad search finds articles without loading fastify, pg, pg-boss, linkedom, Readability or chrono-node', async () => {
  const db = join(dir, 'search.db');
  const imported = await marsad(['import', join(ROOT, 'data/samples/moscow-tehran-2023-09-20.txt'), '--db', db], false);
  assert.equal(imported.code, 0, imported.stderr);
  const r = await marsad(['search', 'ايران', '--db', db, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const line = JSON.parse(r.stdout) as { total: number; results: Array<{ title: string }> };
  assert.ok(line.total >= 1, 'the sample page mentions Iran');
  for (const heavy of ['fastify', '@fastify/helmet', '@fastify/rate-limit', 'pg', 'pg-boss', 'linkedom', '@mozilla/readability', 'chrono-node', 'undici', 'feedsmith', 'sanitize-html', 'pino']) {
    assert.ok(!r.deps.includes(heavy), `search loaded ${heavy}`);
  }
  // What search does load: the CLI, the SQLite driver, the store's LRU caches and the Arabic stemmer package only.
  assert.deepEqual(r.deps, ['@orama/stemmers', 'better-sqlite3', 'commander', 'lru-cache']);
});
