/**
 * Related articles kept at ingest (src/stories/relate.ts, store/related.ts), on a real
 * SQLite file fed by the real pipeline with real articles (the SaudiNewsNet test day):
 * - every grouped article has a kept list, and the lists keep their invariants;
 * - an older article's list takes in articles that arrived in later batches (offers);
 * - serving related articles searches nothing (no candidate lookup at request time) and
 *   still never shows the article's own story, one article per story;
 * - a database whose lists are missing (made before they were kept) gets them back from
 *   the pipeline's backfill.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayArticles } from './day.ts';
import { ingest, resume } from '../src/pipeline/index.ts';
import { RELATED_KEEP } from '../src/stories/index.ts';
import { openMarsadSqliteStore, type MarsadSqliteStore } from '../src/store/sqlite/marsad.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-related-kept-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const articles = (await dayArticles()).slice(0, 600);
const BATCH = 200;
const store = openMarsadSqliteStore(join(dir, 'kept.db'));
after(() => store.close());
for (let i = 0; i < articles.length; i += BATCH) await ingest(store, articles.slice(i, i + BATCH));
const ids = articles.map((a) => a.id);
const batchOf = new Map(ids.map((id, i) => [id, Math.floor(i / BATCH)]));

async function lists(s: MarsadSqliteStore) {
  return s.storyIndex.relatedLists(ids);
}

test('every grouped article has a kept list, best first, one per group, never itself', async () => {
  const kept = await lists(store);
  const grouped = ids.filter((id) => store.storyIndex.getEntry(id));
  assert.ok(grouped.length > 550, `${grouped.length} grouped`);
  assert.deepEqual(store.storyIndex.unrelated(10), []);
  assert.equal(grouped.filter((id) => !kept.has(id)).length, 0);
  let nonEmpty = 0;
  for (const [id, l] of kept) {
    assert.ok(l.items.length <= RELATED_KEEP);
    if (l.items.length) nonEmpty++;
    assert.ok(!l.items.some((x) => x.id === id), `${id} lists itself`);
    assert.equal(new Set(l.items.map((x) => x.group)).size, l.items.length, `${id}: two items of one group`);
    for (let i = 1; i < l.items.length; i++) assert.ok(l.items[i - 1]!.score >= l.items[i]!.score, `${id}: not best first`);
    assert.equal(l.floor, l.items.length >= RELATED_KEEP ? l.items.at(-1)!.score : 0);
  }
  assert.ok(nonEmpty > kept.size * 0.5, `${nonEmpty} of ${kept.size} lists hold something`);
});

test('an older article takes in related articles that arrived after it (offered, not recomputed)', async () => {
  const kept = await lists(store);
  const later = [...kept].filter(([id, l]) => batchOf.get(id) === 0 && l.items.some((x) => (batchOf.get(x.id) ?? 0) > 0));
  assert.ok(later.length > 50, `${later.length} first-batch lists hold later arrivals`);
});

test('serving related articles reads the kept list: no candidate search, own story never shown', async () => {
  const index = store.storyIndex;
  const original = index.relatedCandidates.bind(index);
  let searches = 0;
  index.relatedCandidates = (...a) => {
    searches++;
    return original(...a);
  };
  try {
    let shown = 0;
    for (const id of ids.filter((_, i) => i % 7 === 0)) {
      const self = (await store.getArticle(id))!;
      const rel = await store.relatedArticles(id);
      shown += rel.length;
      assert.ok(rel.length <= 5);
      const stories = new Set<string>();
      for (const a of rel) {
        assert.notEqual(a.id, id);
        if (self.storyId) assert.notEqual(a.storyId, self.storyId, `«${a.title}» is in the story of «${self.title}»`);
        assert.ok(!stories.has(a.storyId ?? a.id), 'one article per story');
        stories.add(a.storyId ?? a.id);
      }
    }
    assert.ok(shown > 100, `${shown} related articles shown`);
    assert.equal(searches, 0, 'related articles were searched at request time');
  } finally {
    index.relatedCandidates = original;
  }
});

test('lists missing from an older database are computed by the next pipeline run (backfill)', async () => {
  const path = join(dir, 'old.db');
  const s = openMarsadSqliteStore(path);
  try {
    await ingest(s, articles.slice(0, 300));
    const before = await s.storyIndex.relatedLists(ids);
    // As migration 024 leaves a database grouped before lists were kept.
    s.db.exec('UPDATE story_related SET floor = -1, list = \'[]\'');
    assert.equal((await s.storyIndex.relatedLists(ids)).size, 0);
    assert.equal(s.storyIndex.unrelated(1000).length, before.size);
    const c = await resume(s);
    assert.equal(c.related, before.size);
    assert.deepEqual(s.storyIndex.unrelated(10), []);
    const again = await s.storyIndex.relatedLists(ids);
    assert.equal(again.size, before.size);
    // Recomputed from the whole store at once: as many articles get related ones as when built.
    const full = (m: typeof before) => [...m.values()].filter((l) => l.items.length > 0).length;
    assert.ok(full(again) >= full(before) * 0.95, `${full(again)} lists hold something, ${full(before)} before`);
  } finally {
    await s.close();
  }
});
