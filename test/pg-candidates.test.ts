/**
 * PostgreSQL's one-statement candidate lookup (src/store/postgres/story-candidates.ts, used
 * by src/stories/stable.ts `candidates`) answers what `byExact`, `byBands` and `allByKeys`
 * answer one by one, on the stored entries of real articles of the test day, for entries
 * held (their own copies and duplicates among the answers) and not held.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ingest } from '../src/pipeline/index.ts';
import { DEFAULT_PARAMS, entryOf } from '../src/stories/index.ts';
import { openMarsadPgStore } from '../src/store/postgres/marsad.ts';
import { dayArticles } from './day.ts';
import { dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';

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
