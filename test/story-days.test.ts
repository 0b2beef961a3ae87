/**
 * The day rule of the edges (src/stories/days.ts) through the real pipeline and stores: an
 * entry's days are kept in `story_entries.days` (migration 033), so an arrival grouped
 * against entries read back from the database — the store closed and opened again between
 * the two days — sees the day of each. SQLite and PostgreSQL give the same stories: each day's
 * weather report its own story, its two outlets' copies together.
 * Articles: src/stories/testdata/day-pairs.json (SaudiNewsNet, source and licence there).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle, type Article } from '../src/model/article.ts';
import { ingest } from '../src/pipeline/index.ts';
import { openMarsadSqliteStore } from '../src/store/sqlite/marsad.ts';
import { openMarsadPgStore } from '../src/store/postgres/marsad.ts';
import { dayOf } from '../src/stories/days.ts';
import { dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';

const data = JSON.parse(readFileSync(new URL('../src/stories/testdata/day-pairs.json', import.meta.url), 'utf8')) as { articles: Array<Parameters<typeof makeArticle>[0]> };
const arts: Article[] = data.articles.map((x) => makeArticle(x));
const [heat21, dust21, heat22, heatMadina22] = arts as [Article, Article, Article, Article];
const dir = mkdtempSync(join(tmpdir(), 'marsad-days-'));
const schema = `t_stprec_${scratchName().slice(2)}`;
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas([schema]);
});

type Store = Parameters<typeof ingest>[0] & { getArticles(ids: string[]): Promise<Article[]>; close(): Promise<void> };

/** Ingests the second day, closes, opens again, ingests the first; returns each article's story. */
async function storiesOf(open: () => Promise<Store>): Promise<Map<string, string>> {
  const first = await open();
  try {
    await ingest(first, [heat22, heatMadina22]);
  } finally {
    await first.close();
  }
  const second = await open();
  try {
    await ingest(second, [heat21, dust21]);
    return new Map((await second.getArticles(arts.map((a) => a.id))).map((a) => [a.id, a.storyId ?? '']));
  } finally {
    await second.close();
  }
}

function assertDays(s: Map<string, string>): void {
  assert.ok(s.get(heat21.id));
  assert.equal(s.get(heat21.id), s.get(dust21.id), 'one day: one story');
  assert.equal(s.get(heat22.id), s.get(heatMadina22.id), 'one day: one story');
  assert.notEqual(s.get(heat21.id), s.get(heat22.id), 'two days: two stories');
}

test('SQLite: entries keep their day, so two days of the weather stay two stories', async () => {
  const file = join(dir, 'days.db');
  const s = await storiesOf(() => Promise.resolve(openMarsadSqliteStore(file) as unknown as Store));
  assertDays(s);
  const db = openMarsadSqliteStore(file);
  try {
    const [e] = db.storyIndex.getEntries([heat21.id]);
    assert.deepEqual(e?.days, [dayOf(Date.parse(heat21.publishedAt!))], 'read back from the table');
  } finally {
    await db.close();
  }
});

test('PostgreSQL: the same stories as SQLite', { skip: skipPg }, async () => {
  const pgStories = await storiesOf(async () => (await openMarsadPgStore(urlFor(schema))) as unknown as Store);
  assertDays(pgStories);
  const lite = await storiesOf(() => Promise.resolve(openMarsadSqliteStore(join(dir, 'days-2.db')) as unknown as Store));
  assert.deepEqual(pgStories, lite);
});
