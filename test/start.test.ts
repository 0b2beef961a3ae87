/**
 * `npm start` on an empty data folder: the bundled sample is imported through the
 * pipeline and the home page serves stories across outlets within 30 s. Nothing but
 * loopback is contacted (no source is subscribed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

test('npm start on an empty data folder serves the home page with sample stories within 30 s', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-start-'));
  const started = Date.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', MARSAD_DB: join(dir, 'marsad.db'), MARSAD_LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const t = setInterval(() => {
        const m = /serving (\d+) articles at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) {
          clearInterval(t);
          resolve(m[2]!);
        } else if (Date.now() - started > 30_000 || child.exitCode !== null) {
          clearInterval(t);
          reject(new Error(`no URL printed within 30 s (exit ${child.exitCode})\nstdout: ${out}\nstderr: ${err}`));
        }
      }, 100);
    });
    const res = await fetch(url);
    const body = await res.text();
    const elapsed = (Date.now() - started) / 1000;
    assert.equal(res.status, 200);
    assert.match(body, /<html lang="ar" dir="rtl">/);
    assert.match(body, /class="story"/);
    assert.match(body, /[٠-٩]+ مصادر/, 'stories across outlets on the home page');
    assert.ok(elapsed < 30, `served in ${elapsed.toFixed(1)} s`);
    const n = Number(/serving (\d+) articles/.exec(out)![1]);
    assert.ok(n >= 400, `${n} sample articles`);
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});
