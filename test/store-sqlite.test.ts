/**
 * The Store contract against the SQLite backend, on real files in a temp directory, plus
 * SQLite specifics: migrations, pragmas, the recorded analyzer and index rebuilds.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreContract, loadContractArticles } from '../src/store/contract.ts';
import { analyzerFingerprint, openSqliteStore } from '../src/store/sqlite/index.ts';
import { loadMigrations } from '../src/store/sqlite/migrate.ts';
import { defaultAnalyzer, type Analyzer } from '../src/search/analyzer.ts';
import { tokenize } from '../src/arabic/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite', (key) => Promise.resolve(openSqliteStore(join(dir, `${key}.db`))));

test('sqlite: schema at the latest migration, WAL and foreign keys on', async () => {
  const s = openSqliteStore(join(dir, 'pragmas.db'));
  assert.equal(s.db.pragma('user_version', { simple: true }), loadMigrations().at(-1)!.version);
  assert.equal(s.db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(s.db.pragma('foreign_keys', { simple: true }), 1);
  await s.close();
});

test('sqlite: a database from newer code is refused', async () => {
  const path = join(dir, 'newer.db');
  const s = openSqliteStore(path);
  s.db.pragma('user_version = 999');
  await s.close();
  assert.throws(() => openSqliteStore(path), /newer than this code/);
});

test('sqlite: an index built by another analyzer is rebuilt on open', async () => {
  const path = join(dir, 'reindex.db');
  // An analyzer without stemming or stopwords: `وإيران` stays one term, so `ايران` misses it.
  const plain: Analyzer = { name: 'plain', terms: (t) => tokenize(t).map((x, pos) => ({ ...x, term: x.norm, pos })) };
  const s1 = openSqliteStore(path, { analyzer: plain });
  await s1.upsertArticles(loadContractArticles());
  const before = (await s1.search({ q: 'تلعب' })).total;
  await s1.close();
  const s2 = openSqliteStore(path);
  const after2 = await s2.search({ q: 'وإيران', limit: 50 });
  assert.ok(after2.hits.some((h) => h.title.includes('وإيران')));
  assert.ok(before >= 1);
  assert.equal(s2.db.prepare('SELECT count(*) FROM article_fts').pluck().get(), await s2.countArticles());
  await s2.close();
});

test('sqlite: an index built by an older version of the same analyzer is rebuilt on open', async () => {
  const path = join(dir, 'reindex-version.db');
  // Same name as the default analyzer, an older version (say, other stemmer guards) whose
  // terms are unstemmed: `وإيران` stays one term.
  const plain: Analyzer = { name: defaultAnalyzer.name, version: 'old', terms: (t) => tokenize(t).map((x, pos) => ({ ...x, term: x.norm, pos })) };
  const s1 = openSqliteStore(path, { analyzer: plain });
  await s1.upsertArticles(loadContractArticles());
  const unstemmed = (s: typeof s1): number => s.db.prepare(`SELECT count(*) FROM article_fts WHERE article_fts MATCH '"وايران"'`).pluck().get() as number;
  assert.ok(unstemmed(s1) > 0);
  await s1.close();
  const s2 = openSqliteStore(path);
  assert.equal(unstemmed(s2), 0);
  assert.ok((await s2.search({ q: 'ايران', limit: 50 })).hits.some((h) => h.title.includes('وإيران')));
  assert.equal(s2.db.prepare("SELECT value FROM meta WHERE key = 'analyzer'").pluck().get(), analyzerFingerprint(defaultAnalyzer));
  await s2.close();
});
