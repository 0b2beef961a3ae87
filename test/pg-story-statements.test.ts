/**
 * Statements of the PostgreSQL story index that do at once what took several:
 * - the one-statement candidate lookup (src/store/postgres/story-candidates.ts, used by
 *   src/stories/stable.ts `candidates`) answers what `byExact`, `byBands` and `allByKeys`
 *   answer one by one, on the stored entries of real articles of the test day, for entries
 *   held (their own copies and duplicates among the answers) and not held;
 * - `putStory` leaves exactly one outlet row per outlet at the story's first time, whatever
 *   rows the story had before.
 */
import assert from 'node:assert/strict';
import pg from 'pg';
import { after, test } from 'node:test';
import { ingest } from '../src/pipeline/index.ts';
import { DEFAULT_PARAMS, entryOf } from '../src/stories/index.ts';
import { openMarsadPgStore } from '../src/store/postgres/marsad.ts';
import { dayArticles } from './day.ts';
import { dropSchemas, PG_URL, scratchName, skipPg, urlFor } from './pg-env.ts';

const schema = scratchName();
after(() => dropSchemas([schema]));

const sorted = (xs: Iterable<string>) => [...xs].sort();
const H = 3_600_000;

test('one statement finds the candidates the three lookups find', { skip: skipPg, timeout: 300_000 }, async () => {
  const day = await dayArticles();
  const store = await openMarsadPgStore(urlFor(schema));
  try {
    await ingest(store, day.slice(0, 400));
    const index = store.storyIndex;
    let nonEmpty = 0;
    for (const a of [...day.slice(0, 40), ...day.slice(400, 440)]) {
      const e = entryOf(a, { params: DEFAULT_PARAMS });
      const q = { exact: e.exact, bands: e.bands, bandsFrom: e.time - 24 * H, bandsTo: e.time + 24 * H, keys: e.keys, keysFrom: e.time - 72 * H, keysTo: e.time + 72 * H };
      const one = await index.candidateIds(q);
      assert.deepEqual(sorted(one.exact), sorted(e.exact ? await index.byExact(e.exact) : []), a.id);
      assert.deepEqual(sorted(one.bands), sorted(await index.byBands(e.bands, q.bandsFrom, q.bandsTo)), a.id);
      const keys = await index.allByKeys(e.keys, q.keysFrom, q.keysTo);
      assert.deepEqual(sorted(one.keys.keys()), sorted(keys.keys()), a.id);
      for (const [k, ids] of keys) assert.deepEqual(sorted(one.keys.get(k)!), sorted(ids), `${a.id} ${k}`);
      if (one.exact.length + one.bands.length > 0) nonEmpty++;
    }
    assert.ok(nonEmpty >= 40, `held entries find themselves: ${nonEmpty}`);
  } finally {
    await store.close();
  }
});

test('putStory leaves one outlet row per outlet at the story\'s first time', { skip: skipPg }, async () => {
  const store = await openMarsadPgStore(urlFor(schema));
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  const outlets = async () => (await c.query(`SELECT outlet, first_seen FROM "${schema}".story_outlets WHERE story_id = 'st-x' ORDER BY outlet`)).rows.map((r) => `${r.outlet}@${r.first_seen}`);
  try {
    const story = { id: 'st-x', title: 'عنوان', articleIds: ['a1'], originalId: 'a1', originalOutlet: 'sabq' };
    await store.storyIndex.putStory({ ...story, firstSeen: '2015-07-22T10:00:00.000Z', outlets: ['okaz', 'sabq'] });
    assert.deepEqual(await outlets(), ['okaz@2015-07-22T10:00:00.000Z', 'sabq@2015-07-22T10:00:00.000Z']);
    await store.storyIndex.putStory({ ...story, firstSeen: '2015-07-22T08:00:00.000Z', outlets: ['sabq', 'alriyadh'] });
    assert.deepEqual(await outlets(), ['alriyadh@2015-07-22T08:00:00.000Z', 'sabq@2015-07-22T08:00:00.000Z']);
    await store.storyIndex.putStory({ ...story, firstSeen: '2015-07-22T08:00:00.000Z', outlets: ['sabq'] });
    assert.deepEqual(await outlets(), ['sabq@2015-07-22T08:00:00.000Z']);
    const row = (await c.query(`SELECT outlets, first_seen FROM "${schema}".stories WHERE id = 'st-x'`)).rows[0];
    assert.deepEqual([row.outlets, row.first_seen], ['["sabq"]', '2015-07-22T08:00:00.000Z']);
  } finally {
    await c.end();
    await store.close();
  }
});
