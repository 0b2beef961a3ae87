/**
 * Issue 13, defect 6: `marsad serve` on an empty database imports the bundled sample; a
 * SIGKILL after the articles were stored but before they were all grouped left them without
 * a story for good. Since the SQLite writer commits a batch's upsert and its grouping
 * together (src/pipeline/write.ts), no commit holds stored articles without their stories,
 * so a kill cannot leave any: kill the real process as soon as the import's first articles
 * are visible to another connection, check that no observation ever saw an article without
 * a story, restart it, and every article is served with a story, none imported twice. (Every
 * start still regroups what is left ungrouped — an article whose grouping failed, a database
 * from before: src/pipeline `resume`, test/pipeline-recover.test.ts.) Real processes, real
 * SQLite file (read by a separate read-only connection, as WAL allows).
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

test('a serve killed with SIGKILL during the first-start sample import leaves no article without a story, and a restart serves them all', async () => {
  const first = serve();
  let caught: [number, number] | null = null;
  let ungroupedSeen = 0;
  // Watch the import's commits from the first articles seen for 40 more looks, then kill it.
  let looks = 0;
  const t0 = Date.now();
  while (Date.now() - t0 < 120_000 && first.child.exitCode === null && looks < 40) {
    const c = counts();
    if (c && c[0] > 0) {
      looks++;
      ungroupedSeen = Math.max(ungroupedSeen, c[1]);
      caught = c;
    }
    await sleep(5);
  }
  first.child.kill('SIGKILL');
  await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r)));
  assert.ok(caught, `the import's articles were never seen\n${first.out()}`);
  assert.equal(ungroupedSeen, 0, `another connection saw ${ungroupedSeen} stored articles without a story (${looks} looks)`);
  const left = counts()!;
  assert.ok(left[0] >= 1, `${left[0]} sample articles were stored before the kill`);
  assert.equal(left[1], 0, `the kill left ${left[1]} of ${left[0]} articles without a story`);

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
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((r) => (second.child.exitCode !== null ? r(null) : second.child.once('exit', r)));
  }
});
