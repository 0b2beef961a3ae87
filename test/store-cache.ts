/**
 * A store many test files fill the same way (the bundled sample through the pipeline, as
 * `npm start` does), built once per test run and copied by each file that needs it: the suite's
 * files run in parallel processes, and each filled its own store before (a few seconds of CPU
 * each). The copy is a real SQLite file the real pipeline wrote; a file whose subject is the
 * import itself still imports.
 *
 * The built file lives in the OS temp folder under a key hashed from everything that decides
 * its contents (src/, data/, test/testdata/, package-lock.json, this file, the builder's name and
 * its source text), so a change to any of them builds a new one; one process builds while the
 * others wait on a lock folder (taken over when older than LOCK_STALE_MS). A built file older
 * than MAX_AGE_MS is built again, so times the pipeline stamps (fetchedAt) stay close to the
 * test run's.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(tmpdir(), 'marsad-test-cache');
const LOCK_STALE_MS = 5 * 60_000;
const MAX_AGE_MS = 2 * 3_600_000;

let keyMemo: string | undefined;

/** A hash of every file that decides what a built store holds. */
function key(): string {
  if (keyMemo) return keyMemo;
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(p.slice(ROOT.length)).update(readFileSync(p));
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'data'));
  walk(join(ROOT, 'test/testdata'));
  for (const f of ['package-lock.json', 'test/store-cache.ts']) h.update(f).update(readFileSync(join(ROOT, f)));
  return (keyMemo = h.digest('hex').slice(0, 16));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The path of the file `build` writes at the path it is given (built now, or by another test
 * process of this run), read-only by convention: copy it (`copyStore`) before opening it.
 */
export async function cachedFile(name: string, build: (path: string) => Promise<void>): Promise<string> {
  const dir = join(CACHE, key());
  // (The builder's own text names the file too: a changed builder builds anew.)
  const done = join(dir, `${name}.${createHash('sha256').update(build.toString()).digest('hex').slice(0, 12)}`);
  const fresh = (): boolean => existsSync(done) && Date.now() - statSync(done).mtimeMs < MAX_AGE_MS;
  if (fresh()) return done;
  mkdirSync(dir, { recursive: true });
  const lock = `${done}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (fresh()) return done;
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // (the lock went between the two calls)
      }
      await sleep(100);
    }
  }
  try {
    if (fresh()) return done;
    const tmp = `${done}.${process.pid}.tmp`;
    await build(tmp);
    for (const side of ['-wal', '-shm']) if (existsSync(tmp + side)) throw new Error(`store-cache: ${name} was not closed (its ${side} file remains)`);
    renameSync(tmp, done);
    // Other keys' folders past MAX_AGE_MS go (a change to src/ or data/ made them stale; a
    // younger one may be another checkout's, in use).
    for (const other of readdirSync(CACHE)) {
      const p = join(CACHE, other);
      if (other !== key() && Date.now() - statSync(p).mtimeMs > MAX_AGE_MS) rmSync(p, { recursive: true, force: true });
    }
    return done;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Copies a cached store to `path` (a file of the caller's own temp folder). */
export async function copyStore(name: string, build: (path: string) => Promise<void>, path: string): Promise<void> {
  copyFileSync(await cachedFile(name, build), path);
}
