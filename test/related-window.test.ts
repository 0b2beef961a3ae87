/**
 * «اقرأ أيضاً» is other recent coverage (src/stories/related.ts, RELATED_DEFAULTS.windowMs): on a
 * real SQLite file fed by the real pipeline with the SaudiNewsNet test day, then with the day's
 * first articles republished 40 days later under other addresses (an outlet's archive re-run,
 * the shape of bench/scale/million.ts's copies, whose kept lists were half the article's own
 * older text):
 * - a republished article's list holds nothing from 40 days before, and the day's lists take
 *   in none of the republished ones;
 * - within a window wider than the data, the lists are those of no window at all;
 * - the in-memory index keeps the same window.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayArticles } from './day.ts';
import { ingest } from '../src/pipeline/index.ts';
import type { Article } from '../src/model/article.ts';
import { addArticle, MemoryStoryIndex, RELATED_DEFAULTS, relatedArticles } from '../src/stories/index.ts';
import { openMarsadSqliteStore } from '../src/store/sqlite/marsad.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-related-window-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const DAY_MS = 86_400_000;
const day = (await dayArticles()).slice(0, 400);
// (edited: every 25th word dropped, as a re-run's editor trims; an identical text is a copy of the
// original whatever its date)
const edited = (text: string): string =>
  text
    .split(' ')
    .filter((_, i) => i % 25 !== 24)
    .join(' ');
const rerun: Article[] = day.slice(0, 60).map((a) => ({
  ...a,
  text: edited(a.text),
  url: `https://archive.example/rerun/${a.id}`,
  id: `r${a.id.slice(1)}`,
  publishedAt: new Date(Date.parse(a.publishedAt!) + 40 * DAY_MS).toISOString(),
}));
const store = openMarsadSqliteStore(join(dir, 'window.db'));
after(() => store.close());
await ingest(store, day);
await ingest(store, rerun);
const dayIds = new Set(day.map((a) => a.id));
const rerunIds = new Set(rerun.map((a) => a.id));

test('a republished article 40 days later lists nothing of the day, and the day lists none of them', async () => {
  const kept = await store.storyIndex.relatedLists([...dayIds, ...rerunIds]);
  let rerunItems = 0;
  for (const id of rerunIds) {
    const l = kept.get(id);
    assert.ok(l, `${id} has a kept list`);
    for (const x of l.items) assert.ok(!dayIds.has(x.id), `${id} lists ${x.id}, 40 days older`);
    rerunItems += l.items.length;
  }
  // (they still find each other: the re-run's own stories of that day)
  assert.ok(rerunItems > 30, `${rerunItems} items in the re-run's lists`);
  for (const id of dayIds) for (const x of kept.get(id)?.items ?? []) assert.ok(!rerunIds.has(x.id), `${id} lists ${x.id}, 40 days newer`);
  // Without the window each re-run article finds its own older text first.
  const [first] = rerun;
  const unbounded = await relatedArticles(store.storyIndex.getEntry(first!.id)!, store.storyIndex, { windowMs: Infinity });
  assert.ok(unbounded.some((id) => dayIds.has(id)), 'with no window the older text is related');
});

test('within a window wider than the data, the lists are those of no window', async () => {
  assert.ok(RELATED_DEFAULTS.windowMs < 40 * DAY_MS);
  let nonEmpty = 0;
  for (const a of day.slice(0, 80)) {
    const e = store.storyIndex.getEntry(a.id)!;
    // (up to a day after the article: the day, not the re-run)
    const to = Date.parse(a.publishedAt!) + DAY_MS;
    const windowed = await relatedArticles(e, store.storyIndex, { to });
    assert.deepEqual(windowed, await relatedArticles(e, store.storyIndex, { to, windowMs: Infinity }), a.id);
    if (windowed.length) nonEmpty++;
  }
  // (the comparison is not vacuous: 41 of 80 had a list, 40 once two intelligence services of a
  // long analysis became organisations and its one neighbour fell below the score floor)
  assert.ok(nonEmpty >= 30, `${nonEmpty} of 80 have related articles`);
});

test('the in-memory index keeps the same window', async () => {
  const mem = new MemoryStoryIndex();
  for (const a of [...day, ...rerun]) await addArticle(mem, a);
  let [found, older] = [0, 0];
  for (const a of rerun) {
    const hits = await relatedArticles(mem.getEntries([a.id])[0]!, mem);
    for (const id of hits) assert.ok(!dayIds.has(id), `${a.id} lists ${id}, 40 days older`);
    found += hits.length;
    older += (await relatedArticles(mem.getEntries([a.id])[0]!, mem, { windowMs: Infinity })).filter((id) => dayIds.has(id)).length;
  }
  assert.ok(found > 10, `${found} related in the re-run`);
  assert.ok(older > 30, `${older} older ones with no window`);
});
