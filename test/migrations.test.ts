/**
 * Migrations, one rule on both backends (src/store/migrations.ts): a number means the same
 * thing in both folders; two files with one number are refused; every file whose number is
 * not recorded is applied, in order (a migration numbered into a gap still runs); a number
 * from newer code is refused; a PostgreSQL schema migrated under the old numbering
 * (002_hosts.sql, replayed from src/store/postgres/testdata/migrations-v1) upgrades cleanly.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadMigrations, planMigrations } from '../src/store/migrations.ts';
import { loadMigrations as loadSqlite, migrate } from '../src/store/sqlite/migrate.ts';
import { loadPgMigrations, migratePg } from '../src/store/postgres/migrate.ts';
import { openMarsadPgStore } from '../src/store/postgres/marsad.ts';
import { loadContractArticles } from '../src/store/contract.ts';
import { openMarsadSqliteStore } from '../src/store/sqlite/marsad.ts';
import { bandInt } from '../src/store/story-rows.ts';
import { entryOf } from '../src/stories/index.ts';
import { PG_URL, dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-migrations-'));
const schemas: string[] = [];
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas(schemas);
});

test('migrations: a number present in both folders names the same migration', () => {
  const sqlite = new Map(loadSqlite().map((m) => [m.version, m.name]));
  const postgres = new Map(loadPgMigrations().map((m) => [m.version, m.name]));
  const shared = [...sqlite.keys()].filter((v) => postgres.has(v));
  assert.ok(shared.length >= 6, `shared numbers: ${shared.join(', ')}`);
  for (const v of shared) assert.equal(postgres.get(v), sqlite.get(v), `migration ${v}`);
  // What only one backend has takes a number the other does not use.
  assert.deepEqual([...postgres.keys()].filter((v) => !sqlite.has(v)), [14]);
  assert.deepEqual([...sqlite.keys()].filter((v) => !postgres.has(v)), [30, 31, 32, 34, 35]);
});

test('migrations: two files with one number are refused, naming both', () => {
  const d = join(dir, 'dup');
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, '001_a.sql'), 'SELECT 1;');
  writeFileSync(join(d, '003_b.sql'), 'SELECT 1;');
  writeFileSync(join(d, '003_c.sql'), 'SELECT 1;');
  assert.throws(() => loadMigrations(pathToFileURL(d + '/')), /two migrations numbered 003 .*003_b\.sql and 003_c\.sql/);
});

test('migrations: the plan applies every unrecorded number in order, refuses unknown ones, moves renumbered records', () => {
  const ms = [1, 2, 10, 14].map((v) => ({ version: v, name: `${String(v).padStart(3, '0')}_m${v}.sql`, sql: '' }));
  // A gap: 002 written after 010 was applied.
  assert.deepEqual(planMigrations(ms, [{ version: 1, name: '001_m1.sql' }, { version: 10, name: '010_m10.sql' }]).pending.map((m) => m.version), [2, 14]);
  assert.throws(() => planMigrations(ms, [{ version: 99, name: '099_future.sql' }]), /newer than this code/);
  assert.throws(() => planMigrations(ms, [{ version: 2, name: '002_other.sql' }]), /recorded migration 2 as 002_other\.sql/);
  const moved = planMigrations(ms, [{ version: 1, name: '001_m1.sql' }, { version: 2, name: '002_old.sql' }], [{ from: '002_old.sql', to: '014_m14.sql' }]);
  assert.deepEqual(moved.moves, [{ from: { version: 2, name: '002_old.sql' }, to: { version: 14, name: '014_m14.sql' } }]);
  assert.deepEqual(moved.pending.map((m) => m.version), [2, 10]);
});

test('sqlite: a migration numbered into a gap is applied', () => {
  const all = loadSqlite();
  const db = new Database(join(dir, 'gap.db'));
  try {
    // 031 indexes 002's column: it waits with it.
    const first = all.filter((m) => m.version !== 2 && m.version !== 31);
    assert.deepEqual(migrate(db, first), first.map((m) => m.version));
    assert.deepEqual(migrate(db, all), [2, 31]);
    assert.deepEqual(migrate(db, all), []);
  } finally {
    db.close();
  }
});

test('sqlite: 034 moves every band posting under its week, and lookups find the same entries', async () => {
  const all = loadSqlite();
  const path = join(dir, 'bands.db');
  const db = new Database(path);
  const week = 7 * 24 * 3_600_000;
  // Real articles' bands, posted under the old key (band, time, eid) at times over many weeks.
  const entries = [...new Map((await loadContractArticles()).map((a) => [a.id, a])).values()].slice(0, 30).map((a, i) => ({ ...entryOf(a, { now: 0 }), time: Date.UTC(2015, 6, 1) + i * 2 * 24 * 3_600_000 + i }));
  const old = `SELECT DISTINCT e.id FROM story_bands b JOIN story_entries e ON e.eid = b.eid
               WHERE b.band IN (SELECT value FROM json_each(?)) AND b.time BETWEEN ? AND ?`;
  let before: string[][];
  try {
    migrate(db, all.filter((m) => m.version < 34));
    const entry = db.prepare("INSERT INTO story_entries (id, time, outlet, title, shingles, terms, title_terms, lede_terms, entities, story_id) VALUES (?, ?, '', '', x'', '', '', '', '', ?)");
    const band = db.prepare('INSERT OR IGNORE INTO story_bands (band, time, eid) SELECT value, ?, ? FROM json_each(?)');
    for (const e of entries) {
      const eid = Number(entry.run(e.id, e.time, `s-${e.id}`).lastInsertRowid);
      band.run(e.time, eid, JSON.stringify(e.bands.map(bandInt)));
    }
    const q = db.prepare<unknown[], string>(old).pluck();
    before = entries.map((e) => q.all(JSON.stringify(e.bands.map(bandInt)), e.time - week, e.time + week).sort());
    assert.ok(before.some((ids) => ids.length > 1), 'some entries share a band within a week');
    assert.deepEqual(migrate(db, all.filter((m) => m.version <= 34)), [34]);
    assert.equal(db.prepare('SELECT count(*) FROM story_bands WHERE span <> (time - (time % ?)) / ?').pluck().get(week, week), 0);
  } finally {
    db.close();
  }
  const store = openMarsadSqliteStore(path);
  try {
    entries.forEach((e, i) => assert.deepEqual(store.storyIndex.byBands(e.bands, e.time - week, e.time + week).sort(), before[i], e.id));
  } finally {
    await store.close();
  }
});

test('postgres: a migration numbered into a gap is applied', { skip: skipPg }, async () => {
  const schema = scratchName();
  schemas.push(schema);
  const pool = new pg.Pool({ connectionString: PG_URL, max: 1 });
  try {
    const all = loadPgMigrations();
    const without = all.filter((m) => m.version !== 2);
    assert.deepEqual(await migratePg(pool, schema, without), without.map((m) => m.version));
    assert.deepEqual(await migratePg(pool, schema, all), [2]);
    assert.deepEqual(await migratePg(pool, schema, all), []);
  } finally {
    await pool.end();
  }
});

test('postgres: a schema migrated under the old numbering (002_hosts) upgrades cleanly and keeps its data', { skip: skipPg }, async () => {
  const schema = scratchName();
  schemas.push(schema);
  const pool = new pg.Pool({ connectionString: PG_URL, max: 1 });
  try {
    const old = loadMigrations(new URL('../src/store/postgres/testdata/migrations-v1/', import.meta.url));
    assert.deepEqual(old.map((m) => m.name), ['001_articles.sql', '002_hosts.sql', '010_stories.sql', '011_entities.sql', '012_sources.sql', '013_related_to.sql']);
    await migratePg(pool, schema, old);
    await pool.query(`INSERT INTO "${schema}".host_visits (host, last_end) VALUES ('example.com', now())`);
  } finally {
    await pool.end();
  }
  const s = await openMarsadPgStore(urlFor(schema));
  try {
    const recorded = (await s.pool.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')).rows;
    assert.deepEqual(recorded, loadPgMigrations().map((m) => ({ version: m.version, name: m.name })));
    assert.equal((await s.pool.query('SELECT host FROM host_visits')).rows.length, 1);
    const a = loadContractArticles()[0]!;
    assert.equal((await s.upsertArticles([a]))[0]!.status, 'added');
    assert.equal((await s.getArticle(a.id))?.title, a.title);
  } finally {
    await s.close();
  }
  // Opening again changes nothing.
  const again = await openMarsadPgStore(urlFor(schema));
  await again.close();
});
