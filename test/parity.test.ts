/**
 * One behaviour on SQLite and PostgreSQL (issue 9): the same real articles — the bundled
 * sample (data/samples: 431 saudinewsnet articles of 2015-08-10/11 and the saved
 * aggregator page; see data/samples/NOTICE.md) — imported into both backends through the
 * same pipeline give identical `marsad article --json` for every article, identical story
 * memberships, identical entity counts and daily timelines, and identical top-10 search
 * ids for a set of queries. Skipped loudly without MARSAD_TEST_PG.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/pipeline/index.ts';
import { importInputs } from '../src/pipeline/import.ts';
import { openStore, type MarsadStore } from '../src/store/index.ts';
import { PG_URL, dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INPUTS = ['data/samples/saudinewsnet-2015-08-10_11.jsonl.gz', 'data/samples/moscow-tehran-2023-09-20.txt'].map((f) => join(ROOT, f));
const QUERIES = ['ايران', 'السعودية', '"ولي العهد"', 'الرياض OR جدة', 'النفط -إيران', 'وزير الخارجية', 'الملك سلمان', 'الهلال', 'داعش', 'شويجو موسكو'];

const dir = mkdtempSync(join(tmpdir(), 'marsad-parity-'));
const schema = scratchName();
const dbs = { sqlite: join(dir, 'parity.db'), postgres: PG_URL ? urlFor(schema) : '' };
let sqlite: MarsadStore;
let pg: MarsadStore;

before(async () => {
  if (!PG_URL) return;
  [sqlite, pg] = await Promise.all([openStore(dbs.sqlite), openStore(dbs.postgres)]);
  for (const s of [sqlite, pg]) {
    const c = await importInputs(s, INPUTS, { batchSize: 200, ingest: (batch) => ingest(s, batch) });
    assert.equal(c.failed, 0);
  }
});
after(async () => {
  await sqlite?.close();
  await pg?.close();
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas([schema]);
});

const both = async <T>(fn: (s: MarsadStore) => Promise<T>): Promise<[T, T]> => [await fn(sqlite), await fn(pg)];

function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['bin/marsad.js', ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } }, (err, stdout, stderr) => (err ? reject(new Error(stderr)) : resolve(stdout))),
  );
}

test('parity: every article reads the same (the JSON of marsad article --json)', { skip: skipPg }, async () => {
  const [a, b] = await both((s) => s.listArticles({ limit: 1000 }));
  assert.ok(a.length > 400, `${a.length} articles`);
  assert.deepEqual(b.map((x) => x.id), a.map((x) => x.id), 'same ids, same newest-first order');
  for (const x of a) {
    const [one, two] = await both((s) => s.getArticle(x.id));
    assert.equal(JSON.stringify(two, null, 2), JSON.stringify(one, null, 2), x.id);
  }
  // The command itself, for an original, a copy and a lookup by URL.
  const copy = a.find((x) => x.duplicateOf);
  const picks = [a.find((x) => x.duplicateOf === null)!.id, ...(copy ? [copy.id] : []), a.find((x) => x.url)!.url!];
  for (const id of picks) {
    const [one, two] = [await cli(['article', id, '--json', '--db', dbs.sqlite]), await cli(['article', id, '--json', '--db', dbs.postgres])];
    assert.equal(two, one, id);
    assert.match(one, /"duplicateOf": /);
  }
});

test('parity: the same stories with the same articles', { skip: skipPg }, async () => {
  const [a, b] = await both((s) => s.listStories({ limit: 1000 }));
  assert.ok(a.length > 100, `${a.length} stories`);
  assert.ok(a.some((s) => s.articleIds.length > 1), 'some story holds several articles');
  // An undated article's time is its arrival (the two imports ran seconds apart): its
  // story is compared by membership; every other story field by field, in the same order.
  const undated = new Set((await sqlite.listArticles({ limit: 1000 })).filter((x) => !x.publishedAt).map((x) => x.id));
  const timeless = (x: (typeof a)[number]) => x.articleIds.some((id) => undated.has(id));
  assert.deepEqual(b.filter((x) => !timeless(x)), a.filter((x) => !timeless(x)));
  const members = (list: typeof a) => new Map(list.filter(timeless).map((x) => [x.id, [...x.articleIds].sort()]));
  assert.deepEqual(members(b), members(a));
});

test('parity: the same entities, counts and daily timelines', { skip: skipPg }, async () => {
  const articles = await sqlite.listArticles({ limit: 1000 });
  const ids = [...new Set(articles.flatMap((x) => (x.entities ?? []).map((e) => e.id)))].sort();
  assert.ok(ids.length > 50, `${ids.length} entities`);
  for (const id of ids) {
    const [e1, e2] = await both((s) => s.getEntity(id));
    assert.deepEqual(e2, e1, id);
    assert.deepEqual(await pg.entityDaily(id), await sqlite.entityDaily(id), id);
  }
});

test('parity: the same top-10 search ids', { skip: skipPg }, async () => {
  let nonEmpty = 0;
  for (const q of QUERIES) {
    const [r1, r2] = await both((s) => s.search({ q, limit: 10 }));
    if (r1.hits.length) nonEmpty++;
    assert.deepEqual(r2.hits.map((h) => h.id), r1.hits.map((h) => h.id), q);
    assert.equal(r2.total, r1.total, q);
  }
  assert.ok(nonEmpty >= 8, `${nonEmpty} of ${QUERIES.length} queries found something`);
});
