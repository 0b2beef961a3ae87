/**
 * Issue 13, defect 6: `marsad serve` on an empty database imports the bundled sample; a
 * SIGKILL after the articles are stored but before they are all grouped left them without
 * a story for good (the start-up check saw a non-empty database and did nothing). Every
 * start now regroups what a crash left: kill the real process mid-import, restart it,
 * and every article ends with a story. Real processes, real SQLite file (read by a
 * separate read-only connection, as WAL allows).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const ROOT = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'marsad-serve-recover-'));
const db = join(dir, 'marsad.db');
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function serve(): { child: ChildProcess; out: () => string } {
  const child = spawn(process.execPath, ['bin/marsad.js', 'serve', '--db', db, '--port', '0', '--no-poll'], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', MARSAD_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, out: () => out };
}

/** [stored articles, articles without a story], or null while the database is not there yet. */
function counts(): [number, number] | null {
  let conn: Database.Database | null = null;
  try {
    conn = new Database(db, { readonly: true, fileMustExist: true });
    const n = conn.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    const u = conn.prepare('SELECT count(*) FROM articles WHERE story_id IS NULL').pluck().get() as number;
    return [n, u];
  } catch {
    return null; // no file or no tables yet
  } finally {
    conn?.close();
  }
}

test('a serve killed with SIGKILL during the first-start sample import regroups everything on restart', async () => {
  const first = serve();
  let caught: [number, number] | null = null;
  const t0 = Date.now();
  while (Date.now() - t0 < 120_000 && first.child.exitCode === null) {
    const c = counts();
    if (c && c[0] > 0 && c[1] > 0) {
      first.child.kill('SIGKILL');
      caught = c;
      break;
    }
    await sleep(5);
  }
  await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r)));
  assert.ok(caught, `the import was never seen between its upsert and its grouping\n${first.out()}`);
  const left = counts()!;
  assert.ok(left[0] >= 400, `${left[0]} sample articles were stored before the kill`);
  assert.ok(left[1] > 0, `the kill left ${left[1]} of ${left[0]} articles without a story`);

  const second = serve();
  try {
    const t1 = Date.now();
    while (!/serving \d+ articles/.test(second.out()) && Date.now() - t1 < 180_000 && second.child.exitCode === null) await sleep(100);
    assert.match(second.out(), /serving (\d+) articles/, second.out());
    let now = counts()!;
    while (now[1] > 0 && Date.now() - t1 < 240_000) {
      await sleep(200);
      now = counts()!;
    }
    assert.equal(now[1], 0, `${now[1]} of ${now[0]} articles still without a story after the restart\n${second.out()}`);
    assert.equal(now[0], left[0], 'nothing was imported twice');
    assert.match(second.out(), /regrouped articles a previous run left ungrouped/);
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((r) => (second.child.exitCode !== null ? r(null) : second.child.once('exit', r)));
  }
});
