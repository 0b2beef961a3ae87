/**
 * Timelines and co-mentions on PostgreSQL: the same suite as SQLite (test/timeline-suite.ts,
 * each answer against a brute-force count over the stored articles) on the same data,
 * imported through the pipeline into a scratch schema, and the two backends' answers
 * compared with each other. Skipped loudly without MARSAD_TEST_PG.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type MarsadStore } from '../src/store/index.ts';
import { importInputs } from '../src/pipeline/import.ts';
import { ingest } from '../src/pipeline/index.ts';
import { dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';
import { DAY, openSampleAndDay, SAMPLE, timelineSuite } from './timeline-suite.ts';

const schema = scratchName();
const dir = mkdtempSync(join(tmpdir(), 'marsad-pg-timeline-'));
let pg: MarsadStore;
let lite: MarsadStore;

before(async () => {
  if (skipPg) return;
  pg = await openStore(urlFor(schema));
  await importInputs(pg, [SAMPLE, DAY], { ingest: (b) => ingest(pg, b) });
  lite = await openSampleAndDay(join(dir, 't.db'));
});
after(async () => {
  await pg?.close();
  await lite?.close();
  await dropSchemas([schema]);
  rmSync(dir, { recursive: true, force: true });
});

timelineSuite('postgres', () => pg, { skip: skipPg });

test('postgres and sqlite give the same timelines and co-mentions on the same data', { skip: skipPg }, async () => {
  for (const q of [
    { entities: ['إيران', 'روسيا'], by: 'day' as const },
    { entities: ['country:SA'], by: 'week' as const, unit: 'article' as const },
    { entities: ['السعودية', 'اليمن', 'إيران'], by: 'month' as const, since: '2015-07-01', until: '2015-09-30' },
  ]) {
    assert.deepEqual(await pg.timeline(q), await lite.timeline(q), JSON.stringify(q));
  }
  assert.deepEqual(await pg.comentions('إيران', 25), await lite.comentions('إيران', 25));
  const [a, b] = [await pg.storiesTogether(['country:IR', 'country:RU'], 50), await lite.storiesTogether(['country:IR', 'country:RU'], 50)];
  assert.equal(a.total, b.total);
  assert.deepEqual(a.stories.map((s) => [s.id, s.date]), b.stories.map((s) => [s.id, s.date]));
});
