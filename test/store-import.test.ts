/**
 * The import path on real data (saudinewsnet daily ZIPs): idempotent reruns, one row per
 * article under two URL forms, and a `marsad import` killed with SIGKILL halfway that
 * leaves a consistent database which a rerun completes without duplicates.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { importInputs } from '../src/pipeline/import.ts';

// One saudinewsnet day, the original ZIP (testdata/README.md): 2,050 records.
const DAY = fileURLToPath(new URL('./testdata/saudinewsnet/2015-07-22.zip', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'marsad-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The day's first `n` records, as a ZIP of the same shape (one `2015-07-22.json` array). */
function slice(n: number): string {
  const [name, bytes] = Object.entries(unzipSync(readFileSync(DAY)))[0]!;
  const path = join(dir, `2015-07-22-first${n}.zip`);
  writeFileSync(path, zipSync({ [name]: strToU8(JSON.stringify((JSON.parse(strFromU8(bytes)) as unknown[]).slice(0, n))) }));
  return path;
}

const SMALL = [DAY];
// The kill test needs an import that runs long enough to be killed, not a whole day.
const BIG = [slice(800)];

test('importing real files twice adds nothing the second time', async () => {
  const store = openSqliteStore(join(dir, 'twice.db'));
  const first = await importInputs(store, SMALL);
  assert.equal(first.files, 1);
  assert.equal(first.parsed, 2047);
  assert.equal(first.updated, 0);
  // Copies of one article under two URLs (almadina's `?weekly`: 57 pairs that day) count once.
  assert.equal(first.added, 2047 - 57);
  assert.equal(first.added + first.unchanged, first.parsed);
  assert.equal(await store.countArticles(), first.added);
  const second = await importInputs(store, SMALL, { batchSize: 333 });
  assert.deepEqual(
    { added: second.added, updated: second.updated, unchanged: second.unchanged },
    { added: 0, updated: 0, unchanged: first.parsed },
  );
  assert.equal(await store.countArticles(), first.added);
  await store.close();
});

function runCli(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: string | null; out: string }> } {
  const child = spawn(process.execPath, ['bin/marsad.js', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', () => {});
  const done = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, done };
}

function rowCount(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

test('an import killed with SIGKILL halfway is consistent, and a rerun completes it without duplicates', async () => {
  const path = join(dir, 'killed.db');
  const { child, done } = runCli(['import', ...BIG, '--db', path, '--batch', '100']);
  let seen = 0;
  const deadline = Date.now() + 120_000;
  while (seen < 300 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    seen = rowCount(path);
  }
  child.kill('SIGKILL');
  const killed = await done;
  assert.equal(killed.signal, 'SIGKILL', 'the import finished before it could be killed');
  assert.ok(seen >= 300 && seen < 800, `${seen} rows when killed`);

  const db = new Database(path);
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  db.exec("INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)");
  const rows = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  assert.ok(rows >= seen, `${rows} rows after the kill`);
  assert.equal(db.prepare('SELECT count(*) FROM article_fts').pluck().get(), rows, 'every stored article is indexed');
  db.close();

  const rerun = await runCli(['import', ...BIG, '--db', path]).done;
  assert.equal(rerun.code, 0, rerun.out);
  const m = /(\d+) added, (\d+) updated, (\d+) unchanged/.exec(rerun.out);
  assert.ok(m, rerun.out);
  assert.ok(Number(m[3]) >= rows, 'what the killed run committed is unchanged');

  // The same as a clean, uninterrupted import.
  const clean = openSqliteStore(join(dir, 'clean.db'));
  await importInputs(clean, BIG);
  const ids = (s: Database.Database): string[] => s.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as string[];
  const after2 = new Database(path, { readonly: true });
  assert.deepEqual(ids(after2), ids(clean.db));
  assert.equal(after2.prepare('SELECT count(*) FROM article_fts').pluck().get(), ids(clean.db).length);
  after2.close();
  await clean.close();
});
