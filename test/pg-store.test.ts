/**
 * The Store contract against the PostgreSQL backend (a scratch schema per opened key,
 * dropped at the end), plus PostgreSQL specifics: migrations recorded and refused when
 * newer, concurrent upserts of one article from two connections stored once.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { runStoreContract, loadContractArticles } from '../src/store/contract.ts';
import { openPgStore } from '../src/store/postgres/index.ts';
import { loadPgMigrations } from '../src/store/postgres/migrate.ts';
import { PG_URL, dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';

const base = scratchName();
const schemas = new Map<string, string>();
const schemaFor = (key: string): string => {
  let s = schemas.get(key);
  if (!s) schemas.set(key, (s = `${base}_${schemas.size}`));
  return s;
};
after(() => dropSchemas(schemas.values()));

if (PG_URL) runStoreContract('postgres', (key) => openPgStore(urlFor(schemaFor(key))));
else test('Store contract: postgres', { skip: skipPg }, () => undefined);

test('postgres: migrations are recorded, and a schema from newer code is refused', { skip: skipPg }, async () => {
  const schema = schemaFor('migrations');
  const s = await openPgStore(urlFor(schema));
  const versions = (await s.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
  assert.deepEqual(versions, loadPgMigrations().map((m) => m.version));
  await s.pool.query("INSERT INTO schema_migrations (version, name) VALUES (999, '999_future.sql')");
  await s.close();
  await assert.rejects(openPgStore(urlFor(schema)), /newer than this code/);
});

test('postgres: two connections upserting the same articles at once store each once', { skip: skipPg }, async () => {
  const url = urlFor(schemaFor('concurrent'));
  const [a, b] = await Promise.all([openPgStore(url), openPgStore(url)]);
  try {
    const all = loadContractArticles();
    const distinct = new Set(all.map((x) => x.id)).size;
    const [ra, rb] = await Promise.all([a.upsertArticles(all), b.upsertArticles([...all].reverse())]);
    const added = [...ra, ...rb].filter((r) => r.status === 'added').length;
    assert.equal(added, distinct);
    assert.equal(await a.countArticles(), distinct);
  } finally {
    await a.close();
    await b.close();
  }
});

test('postgres: the index is a GIN-indexed tsvector with weighted positions', { skip: skipPg }, async () => {
  const s = await openPgStore(urlFor(schemaFor('tsv')));
  try {
    const a = loadContractArticles().find((x) => x.title.includes('إيران'))!;
    await s.upsertArticles([a]);
    const r = await s.pool.query<{ title: string; w: string }>(
      "SELECT (SELECT string_agg(lexeme, ' ' ORDER BY positions[1]) FROM unnest(tsv) WHERE weights[1] = 'A') AS title, " +
        "(SELECT indexdef FROM pg_indexes WHERE indexname = 'articles_tsv' AND schemaname = current_schema()) AS w FROM articles",
    );
    assert.ok(r.rows[0]!.title.includes('ايران'), r.rows[0]!.title);
    assert.match(r.rows[0]!.w, /USING gin \(tsv\)/);
  } finally {
    await s.close();
  }
});

