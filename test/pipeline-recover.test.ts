/**
 * The pipeline's crash safety and bad input, in process on a real SQLite file: articles
 * stored without a story (a crash between the upsert and the grouping) are grouped by the
 * next call; a grouping transaction that fails halfway leaves nothing half-written and
 * the article is grouped later; empty, one-word, digit-only, Latin-only and 1 MB
 * articles go through without a crash and with sensible empty results.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, type ParseIssue } from '../src/ingest/index.ts';
import { makeArticle, type Article } from '../src/model/article.ts';
import { ingest, resume } from '../src/pipeline/index.ts';
import { openStore } from '../src/store/index.ts';
import { openMarsadSqliteStore } from '../src/store/sqlite/marsad.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-recover-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLE = new URL('../src/ingest/json/testdata/saudinewsnet-sample.json', import.meta.url);
const PAGE = new URL('./testdata/pages/moscow-tehran-2023-09-20.txt', import.meta.url);

async function realArticles(): Promise<Article[]> {
  const a = await parseDocument({ name: 'saudinewsnet-sample.json', bytes: readFileSync(SAMPLE) });
  const b = await parseDocument({ name: 'moscow-tehran.txt', bytes: readFileSync(PAGE) });
  return [...a.articles, ...b.articles];
}

const ungrouped = (s: ReturnType<typeof openMarsadSqliteStore>): number => s.db.prepare('SELECT count(*) FROM articles WHERE story_id IS NULL').pluck().get() as number;

test('articles stored but never grouped are grouped by the next call', async () => {
  const arts = await realArticles();
  assert.ok(arts.length >= 5);
  const store = openMarsadSqliteStore(join(dir, 'resume.db'));
  await store.upsertArticles(arts); // as if the process died right after the upsert
  assert.equal(ungrouped(store), arts.length);
  const c = await resume(store);
  assert.equal(c.grouped, arts.length);
  assert.equal(ungrouped(store), 0);
  assert.equal(store.db.prepare('SELECT count(*) FROM story_entries').pluck().get(), arts.length);
  // Entity rows exist only where enrichment ran; a later ingest of the same articles fills them.
  assert.equal(store.db.prepare('SELECT count(*) FROM article_entities').pluck().get(), 0);
  const again = await ingest(store, arts);
  assert.ok(again.every((r) => r.status === 'updated'), 'enrichment added');
  assert.equal(store.db.prepare('SELECT count(*) FROM story_entries').pluck().get(), arts.length, 'no second entry');
  const withEntities = arts.filter((a) => store.db.prepare('SELECT entities FROM articles WHERE id = ?').pluck().get(a.id) !== '[]').length;
  assert.equal(store.db.prepare('SELECT count(DISTINCT seq) FROM article_entities').pluck().get(), withEntities, 'entity rows refreshed');
  assert.ok(withEntities >= 3);
  await store.close();
});

test('a grouping transaction that fails halfway is rolled back whole and retried', async () => {
  const arts = await realArticles();
  const store = openMarsadSqliteStore(join(dir, 'fail.db'));
  const victim = arts[2]!.id;
  const idx = store.storyIndex;
  const original = idx.addEntry.bind(idx);
  let armed = true;
  idx.addEntry = (e) => {
    if (armed && e.id === victim) throw new Error('disk on fire');
    original(e);
  };
  const issues: ParseIssue[] = [];
  await ingest(store, arts, { onIssue: (i) => issues.push(i) });
  assert.equal(issues.length, 1);
  assert.equal(issues[0]!.code, 'stories.failed');
  assert.match(issues[0]!.message, /disk on fire/);
  // Everything else is grouped; the victim is untouched (no entry, no story, no entity rows).
  assert.equal(ungrouped(store), 1);
  assert.equal((await store.getArticle(victim))!.storyId, undefined);
  assert.equal(store.storyIndex.getEntry(victim), null);
  const n = store.db.prepare('SELECT count(*) FROM story_entries').pluck().get();
  assert.equal(n, arts.length - 1);
  assert.equal(store.db.prepare("SELECT value FROM story_counters WHERE name = 'entries'").pluck().get(), n);
  armed = false;
  const c = await resume(store);
  assert.equal(c.grouped, 1);
  assert.equal(ungrouped(store), 0);
  assert.ok((await store.getArticle(victim))!.storyId);
  await store.close();
});

test('bad input: empty, one word, digits, Latin and 1 MB articles', async () => {
  const store = await openStore(join(dir, 'bad.db'));
  const para = readFileSync(PAGE, 'utf8').split('\n').filter((l) => l.length > 100)[0]!;
  const big = Array.from({ length: Math.ceil(1_000_000 / (para.length + 2)) }, () => para).join('\n\n');
  const arts = [
    makeArticle({ title: '', text: '', url: 'http://example.test/empty' }),
    makeArticle({ title: 'خبر', text: 'روسيا' }),
    makeArticle({ title: '2015', text: '١٢٣ 456 7890 ٢٠١٥ 2023 11 12 13 14 15 16 17 18 19 20' }),
    makeArticle({ title: 'Breaking news', text: 'Russia and Iran signed an agreement in Moscow on Tuesday, officials said.' }),
    makeArticle({ title: 'مقال طويل جدا', text: big, publishedAt: '2023-09-21T00:00:00Z' }),
  ];
  assert.ok(arts[4]!.text.length >= 1_000_000);
  const issues: ParseIssue[] = [];
  const t0 = performance.now();
  const r = await ingest(store, arts, { onIssue: (i) => issues.push(i) });
  const ms = performance.now() - t0;
  assert.deepEqual(issues, []);
  assert.equal(r.length, arts.length);
  for (const a of arts) {
    const s = (await store.getArticle(a.id))!;
    assert.ok(s.storyId, `story for «${a.title}»`);
    assert.ok(Array.isArray(s.entities) && Array.isArray(s.keywords));
  }
  assert.deepEqual((await store.getArticle(arts[0]!.id))!.entities, []);
  assert.deepEqual((await store.getArticle(arts[2]!.id))!.keywords, []);
  assert.ok((await store.getArticle(arts[4]!.id))!.entities!.some((e) => e.id === 'country:RU'));
  assert.ok(ms < 60_000, `${ms} ms`);
  // Nobody's duplicate: the empty and the one-word article stand alone.
  assert.equal((await store.getArticle(arts[0]!.id))!.duplicateOf, null);
  assert.equal((await store.getStory((await store.getArticle(arts[1]!.id))!.storyId!))!.articleIds.length, 1);
  assert.deepEqual(await store.relatedArticles(arts[0]!.id), []);
  assert.deepEqual(await store.relatedArticles('0000000000000000'), []);
  await store.close();
});
