/**
 * bin/marsad.js runs `import` in a child process started with a larger young generation
 * (`--max-semi-space-size=64`, see the launcher), tied to the launcher by an IPC channel:
 * the child has the flag, its output and exit code are the command's, and when the launcher is
 * killed (SIGKILL: no handler runs) the child dies too instead of importing on as an orphan.
 * Real processes on a real test day; Linux (/proc lists a process's children).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DAY = fileURLToPath(new URL('./testdata/saudinewsnet/2015-07-22.zip', import.meta.url));
const skip = process.platform === 'linux' ? false : 'needs /proc (Linux) to find the import process';
/** The launcher's environment: no inherited NODE_OPTIONS, and respawning not turned off. */
const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
delete env.MARSAD_NO_RESPAWN;

const childrenOf = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const alive = (pid: number): boolean => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));

test('import runs in a child with the young-generation flag, and dies when the launcher is killed', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-respawn-'));
  try {
    const launcher = spawn(process.execPath, ['bin/marsad.js', 'import', DAY, '--db', join(dir, 'a.db'), '--batch', '50'], { cwd: ROOT, stdio: 'ignore', env });
    const exited = new Promise<string | null>((r) => launcher.on('exit', (_c, s) => r(s)));
    let child = 0;
    for (let i = 0; i < 200 && !child; i++) {
      await new Promise((r) => setTimeout(r, 25));
      child = childrenOf(launcher.pid!)[0] ?? 0;
    }
    assert.ok(child, 'the launcher started a child');
    // (Between fork and exec the child still shows the launcher's command line: read it again until it changes.)
    let argv: string[] = [];
    for (let i = 0; i < 200; i++) {
      argv = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0');
      if (argv.includes('--max-semi-space-size=64')) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.ok(argv.includes('--max-semi-space-size=64'), argv.join(' '));
    assert.ok(argv.includes('import'), argv.join(' '));
    // Let it get into the import, then kill the launcher outright.
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(alive(child), 'the import was still running');
    launcher.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    for (let i = 0; i < 200 && alive(child); i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(alive(child), false, 'the child died with its launcher');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the child's output and exit status are the command's", { skip }, async () => {
  const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
    const p = spawn(process.execPath, ['bin/marsad.js', 'import', join(ROOT, 'no-such-input.xml'), '--db', join(tmpdir(), `marsad-respawn-${process.pid}.db`)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => resolve({ code, err }));
  });
  for (const s of ['', '-wal', '-shm']) rmSync(join(tmpdir(), `marsad-respawn-${process.pid}.db${s}`), { force: true });
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /no-such-input\.xml: \[input\.unreadable\]/);
});
