/**
 * The import's shortcuts keep its results (bench/ingest measures what they save):
 * - the upsert's analysis of a title and text, attached to the article and reused by the
 *   story fingerprints, equals what `entryOf` computes by itself, and a stale one is ignored;
 * - inside a write transaction the stories' document frequencies are summed in memory and
 *   written once per term at commit: grouping reads the same numbers as when each article
 *   writes its own, the table ends up the same, and a rolled-back transaction leaves none.
 * On real articles (a saudinewsnet day) in real SQLite files.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, attachedAnalysis } from '../src/arabic/index.ts';
import { dayArticles } from './day.ts';
import type { Article } from '../src/model/article.ts';
import { addArticle, entryOf, MemoryStoryIndex } from '../src/stories/index.ts';
import { openMarsadSqliteStore } from '../src/store/sqlite/marsad.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-ingest-fastpath-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const unique = await dayArticles();
const articles = unique.slice(0, 200);
const more = unique.slice(200, 210);

test('the upsert attaches the analysis entryOf would compute; a stale one is not used', async () => {
  const store = openMarsadSqliteStore(join(dir, 'analysis.db'));
  try {
    const batch = articles.slice(0, 60).map((a) => ({ ...a }));
    await store.upsertArticles(batch);
    for (const a of batch) {
      const x = attachedAnalysis(a);
      assert.ok(x, a.id);
      assert.deepEqual([x.titleTerms, x.textTerms], [analyze(a.title), analyze(a.text)]);
      assert.deepEqual(entryOf(a, { now: 0, analyzed: x }), entryOf(a, { now: 0 }));
    }
    // An analysis of other text (the article changed since) is ignored.
    const [a, b] = batch as [Article, Article];
    const stale = attachedAnalysis(b)!;
    assert.deepEqual(entryOf(a, { now: 0, analyzed: stale }), entryOf(a, { now: 0 }));
    // Unchanged articles are not analyzed again.
    const again = batch.map((x) => ({ ...x }));
    await store.upsertArticles(again);
    assert.equal(again.filter((x) => attachedAnalysis(x)).length, 0);
  } finally {
    await store.close();
  }
});

test('document frequencies summed per transaction read and store the same as per article', async () => {
  const mem = new MemoryStoryIndex();
  const expected = [];
  for (const a of articles) expected.push(await addArticle(mem, a));
  const store = openMarsadSqliteStore(join(dir, 'df.db'));
  try {
    await store.upsertArticles(articles);
    // One transaction for all: later articles must see the earlier ones' (unwritten) counts.
    const got = await store.writeTransaction(async () => {
      const out = [];
      for (const a of articles) out.push(await addArticle(store.storyIndex, a));
      return out;
    });
    assert.deepEqual(got, expected);
    const terms = [...new Set(articles.flatMap((a) => entryOf(a, { now: 0 }).terms))];
    const table = new Map(store.db.prepare('SELECT term, df FROM story_df').raw().all() as Array<[string, number]>);
    assert.deepEqual(terms.map((t) => table.get(t) ?? 0), await mem.docFreq(terms));
    assert.equal(table.size, terms.length);

    // A transaction that fails writes no counts, and the next one neither reads nor writes them.
    assert.equal(more.length, 10);
    await store.upsertArticles(more);
    await assert.rejects(
      store.writeTransaction(async () => {
        for (const a of more) await addArticle(store.storyIndex, a);
        throw new Error('boom');
      }),
      /boom/,
    );
    const after = new Map(store.db.prepare('SELECT term, df FROM story_df').raw().all() as Array<[string, number]>);
    assert.deepEqual(after, table);
    assert.deepEqual(store.storyIndex.docFreq(terms), await mem.docFreq(terms));
    const last = more[0]!;
    assert.deepEqual(await store.writeTransaction(() => addArticle(store.storyIndex, last)), await addArticle(mem, last));
    const lastTerms = [...new Set([...terms, ...entryOf(last, { now: 0 }).terms])];
    const final = new Map(store.db.prepare('SELECT term, df FROM story_df').raw().all() as Array<[string, number]>);
    assert.deepEqual(lastTerms.map((t) => final.get(t) ?? 0), await mem.docFreq(lastTerms));
  } finally {
    await store.close();
  }
});
