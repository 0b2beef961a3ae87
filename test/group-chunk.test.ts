/**
 * The one writer groups up to WRITER_CHUNK pending articles per transaction but computes
 * the kept related lists every 200 arrivals: a list depends on which entries are indexed
 * when it is made, so grouping 700 real articles (the SaudiNewsNet test day) pending at once
 * keeps the same stories and the same lists as transactions of 200 did. Relating once per
 * 500 or more arrivals kept different lists (bench:ingest's same.ts found them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDay } from '../bench/stories/corpus.ts';
import { enrichArticle } from '../src/pipeline/enrich.ts';
import { groupPending, WRITER_CHUNK } from '../src/pipeline/group.ts';
import { MarsadSqliteStore } from '../src/store/sqlite/marsad.ts';

const day = [...new Map(loadDay(new URL('./testdata/saudinewsnet/2015-07-22.zip', import.meta.url)).map((a) => [a.id, a])).values()];
const articles = day.slice(0, 700).map((a) => enrichArticle(a).article);

function state(s: MarsadSqliteStore): Record<string, unknown[]> {
  const q = (sql: string) => s.db.prepare(sql).all();
  return {
    entries: q('SELECT id, story_id, duplicate_of FROM story_entries ORDER BY id'),
    related: q('SELECT e.id, r.floor, r.list FROM story_related r JOIN story_entries e ON e.eid = r.eid ORDER BY e.id'),
  };
}

test('700 pending articles grouped in one writer transaction keep the lists of 200-article transactions', async () => {
  assert.ok(WRITER_CHUNK >= 500 && WRITER_CHUNK % 200 === 0);
  const dir = mkdtempSync(join(tmpdir(), 'marsad-group-chunk-'));
  const small = new MarsadSqliteStore(join(dir, 'small.db'));
  const big = new MarsadSqliteStore(join(dir, 'big.db'));
  try {
    for (const s of [small, big]) await s.upsertArticles(articles);
    const a = await groupPending(small, { chunk: 200 });
    const b = await groupPending(big);
    assert.equal(a.grouped, articles.length);
    assert.deepEqual(b, a);
    const want = state(small);
    assert.ok(want.related!.length === articles.length && a.relatedOffers > 100, 'lists kept and offered');
    assert.deepEqual(state(big), want);
  } finally {
    await small.close();
    await big.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
