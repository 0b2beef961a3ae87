/**
 * The search database of bench/startup: the whole shared corpus (every folder of articles
 * in it: saudinewsnet/, textdumps/, pages/) imported once with the real `marsad import`,
 * cached in the OS temp folder under a key of the corpus files, the schema migrations and
 * the analyzer's fingerprint, so a later run reuses it and a change that would make
 * `marsad search` migrate or re-index on open builds a fresh one instead.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { analyzerFingerprint } from '../../src/store/sqlite/index.ts';
import { defaultAnalyzer } from '../../src/search/analyzer.ts';
import { loadMigrations } from '../../src/store/sqlite/migrate.ts';

/** The corpus folders that hold articles; others (lexicons, pairs, feeds) are not news. */
export const ARTICLE_FOLDERS = ['saudinewsnet', 'textdumps', 'pages'] as const;

/** The folders to import from a corpus folder: its article folders, else the folder itself. */
export function importInputs(corpus: string): string[] {
  const found = ARTICLE_FOLDERS.map((f) => join(corpus, f)).filter((p) => existsSync(p));
  return found.length > 0 ? found : [corpus];
}

function files(dir: string, out: string[] = []): string[] {
  const s = statSync(dir);
  if (!s.isDirectory()) return [...out, dir];
  for (const name of readdirSync(dir).sort()) if (!name.startsWith('.')) files(join(dir, name), out);
  return out;
}

/** A key that changes with the corpus files, the SQLite schema and the analyzer. */
export function cacheKey(inputs: string[]): string {
  const h = createHash('sha256');
  for (const input of inputs) {
    for (const f of files(input)) {
      const s = statSync(f);
      h.update(`${relative(input, f)}\t${s.size}\t${Math.round(s.mtimeMs)}\n`);
    }
  }
  for (const m of loadMigrations()) h.update(`${m.name}\n${m.sql}\n`);
  h.update(analyzerFingerprint(defaultAnalyzer));
  return h.digest('hex').slice(0, 16);
}

export interface CorpusDb {
  path: string;
  /** True when this run built it. */
  built: boolean;
  /** The import's summary line (`import: N added, …`), when built. */
  summary?: string;
}

/**
 * The cached database for `inputs`, built with `node bin/marsad.js import` when missing.
 * It is written under a temporary name and renamed when complete, so an interrupted
 * build is never reused. The import's issues go to a log file beside it.
 */
export function corpusDb(root: string, inputs: string[], log: (s: string) => void): CorpusDb {
  const dir = join(tmpdir(), 'marsad-bench-startup');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `corpus-${cacheKey(inputs)}.db`);
  if (existsSync(path)) return { path, built: false };
  const partial = `${path}.partial-${process.pid}`;
  const logFile = `${path}.import.log`;
  log(`building the search database once from ${inputs.join(', ')} (several minutes; cached as ${path}; issues in ${logFile})`);
  const fd = openSync(logFile, 'w');
  try {
    const r = spawnSync(process.execPath, ['bin/marsad.js', 'import', ...inputs, '--db', partial], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', fd],
      env: { ...process.env, NODE_OPTIONS: '', MARSAD_LOG_LEVEL: 'warn' },
    });
    if (r.status !== 0) throw new Error(`bench:startup: marsad import failed (exit ${r.status}); see ${logFile}`);
    // Closed by now; a WAL left beside it (if any) moves with it.
    for (const ext of ['-wal', '-shm', '']) if (existsSync(partial + ext)) renameSync(partial + ext, path + ext);
    return { path, built: true, summary: r.stdout.trim() };
  } finally {
    closeSync(fd);
    for (const ext of ['', '-wal', '-shm']) rmSync(partial + ext, { force: true });
  }
}

/** How many articles a database holds (opened read-only). */
export function articleCount(db: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  } finally {
    d.close();
  }
}
