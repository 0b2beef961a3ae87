/**
 * The PostgreSQL stories, entity, source and reader parts (store/postgres/marsad.ts) on
 * real articles, in a scratch schema:
 * - grouping through the PostgreSQL StoryIndex equals src/stories' in-memory reference;
 * - the pipeline (enrich, upsert, group, related lists) gives the same stories and kept
 *   related lists on PostgreSQL as on SQLite;
 * - two workers (two stores, two connection pools) grouping near-duplicates at the same
 *   moment put each pair in ONE story, with no grouping lock (src/stories/link.ts: each
 *   entry is added and committed, then linked);
 * - sources and poll state, entity lookups and listings.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayArticles } from './day.ts';
import { makeArticle, type Article } from '../src/model/article.ts';
import { ingest } from '../src/pipeline/index.ts';
import { addArticle, entryOf, linkEntry, MemoryStoryIndex, UNLINKED, type Assignment } from '../src/stories/index.ts';
import { openMarsadSqliteStore } from '../src/store/sqlite/marsad.ts';
import { openMarsadPgStore, type MarsadPgStore } from '../src/store/postgres/marsad.ts';
import { dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';

const base = scratchName();
const schemas: string[] = [];
const fresh = (): string => {
  const s = `${base}_${schemas.length}`;
  schemas.push(s);
  return urlFor(s);
};
const dir = mkdtempSync(join(tmpdir(), 'marsad-pg-stories-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas(schemas);
});

const articles = skipPg ? [] : (await dayArticles()).slice(0, 300);

test('PostgreSQL grouping equals the in-memory reference on real articles', { skip: skipPg }, async () => {
  const mem = new MemoryStoryIndex();
  const expected: Assignment[] = [];
  for (const a of articles) expected.push(await addArticle(mem, a));
  const store = await openMarsadPgStore(fresh());
  try {
    await store.upsertArticles(articles);
    const got: Assignment[] = [];
    for (const a of articles) got.push(await store.writeTransaction(() => addArticle(store.storyIndex, a)));
    assert.deepEqual(got, expected);
    assert.ok(expected.filter((a) => a.via === 'exact' || a.via === 'near').length >= 5, 'the day has copies');
    const rows = (await store.pool.query<{ id: string; story_id: string }>('SELECT id, story_id FROM articles')).rows;
    const entries = new Map((await store.storyIndex.getEntries(articles.map((a) => a.id))).map((e) => [e.id, e]));
    for (const r of rows) assert.equal(r.story_id, entries.get(r.id)!.storyId);
  } finally {
    await store.close();
  }
});

/** Stories as comparable values: each story's sorted article ids, original and outlets. */
async function storyShape(s: { listStories(o: { limit: number; offset: number }): Promise<Array<{ articleIds: string[]; originalOutlet: string | null; outlets: string[] }>> }) {
  const out: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await s.listStories({ limit: 1000, offset });
    out.push(...page.map((x) => JSON.stringify([[...x.articleIds].sort(), x.originalOutlet, [...x.outlets].sort()])));
    if (page.length < 1000) break;
  }
  return out.sort();
}

test('the pipeline gives the same stories, entities and search on PostgreSQL as on SQLite', { skip: skipPg }, async () => {
  const sqlite = openMarsadSqliteStore(join(dir, 'pipe.db'));
  const pg = await openMarsadPgStore(fresh());
  try {
    for (let i = 0; i < articles.length; i += 100) {
      await ingest(sqlite, articles.slice(i, i + 100));
      await ingest(pg, articles.slice(i, i + 100));
    }
    const [a, b] = [await storyShape(sqlite), await storyShape(pg)];
    assert.ok(a.length > 50);
    assert.deepEqual(b, a);
    const e1 = await sqlite.getEntity('country:SA');
    assert.ok(e1 && e1.articleCount > 10);
    assert.deepEqual(await pg.getEntity('السعودية'), await sqlite.getEntity('السعودية'));
    assert.deepEqual(await pg.entityDaily('country:SA'), await sqlite.entityDaily('country:SA'));
    const ids = (xs: Article[]) => xs.map((x) => x.id);
    assert.deepEqual(ids(await pg.listArticles({ entityId: 'country:SA', limit: 20 })), ids(await sqlite.listArticles({ entityId: 'country:SA', limit: 20 })));
    const some = articles[7]!;
    assert.deepEqual(ids(await pg.relatedArticles(some.id)), ids(await sqlite.relatedArticles(some.id)));
    // The related lists kept at ingest (computed, then offered to) come out the same.
    const all = articles.map((x) => x.id);
    const kept = new Map(await sqlite.storyIndex.relatedLists(all));
    assert.ok(kept.size > 250);
    assert.deepEqual(new Map(await pg.storyIndex.relatedLists(all)), kept);
    const s1 = await sqlite.search({ q: 'وزير الخارجية', limit: 10 });
    const s2 = await pg.search({ q: 'وزير الخارجية', limit: 10 });
    assert.deepEqual(s2.hits.map((h) => h.id), s1.hits.map((h) => h.id));
  } finally {
    await sqlite.close();
    await pg.close();
  }
});

/** A near-duplicate of `a` at another outlet: the same text with one word changed. */
function nearCopy(a: Article, k: number): Article {
  const words = a.text.split(' ');
  const i = Math.min(words.length - 1, 5 + k);
  words[i] = words[i] === 'وقال' ? 'وأضاف' : 'وقال';
  return makeArticle({ ...a, url: `https://copies.test/${k}/${a.id}`, outlet: 'copies', text: words.join(' ') });
}

test('two workers grouping near-duplicates at the same moment put each pair in one story', { skip: skipPg }, async () => {
  const url = fresh();
  const stores: MarsadPgStore[] = [await openMarsadPgStore(url), await openMarsadPgStore(url)];
  try {
    // Long distinct articles (near-duplicate detection needs a body), each with a copy.
    const originals = articles.filter((a) => a.text.split(' ').length > 150).slice(0, 12);
    assert.equal(originals.length, 12);
    const copies = originals.map((a, k) => nearCopy(a, k));
    await stores[0]!.upsertArticles([...originals, ...copies]);
    // Each pair is grouped by both workers at the same moment, each in its own transactions
    // (add, commit, link) on its own connection: the one added second finds the other.
    const group = async (store: MarsadPgStore, a: Article) => {
      const e = { ...entryOf(a), storyId: UNLINKED, duplicateOf: null };
      await store.writeTransaction(() => store.storyIndex.addEntry(e));
      await store.writeTransaction(() => linkEntry(store.storyIndex, e));
    };
    for (let k = 0; k < originals.length; k++) await Promise.all([group(stores[0]!, originals[k]!), group(stores[1]!, copies[k]!)]);
    const got = await stores[0]!.getArticles([...originals, ...copies].map((a) => a.id));
    const story = new Map(got.map((a) => [a.id, a.storyId]));
    for (let k = 0; k < originals.length; k++) {
      const s1 = story.get(originals[k]!.id);
      assert.ok(s1, `original ${k} grouped`);
      assert.equal(story.get(copies[k]!.id), s1, `pair ${k} in one story`);
    }
    const entries = (await stores[0]!.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM story_entries')).rows[0]!.n;
    assert.equal(entries, originals.length * 2, 'every article grouped exactly once');
    const counter = (await stores[0]!.pool.query<{ value: number }>("SELECT value FROM story_counters WHERE name = 'entries'")).rows[0]!.value;
    assert.equal(counter, entries);
  } finally {
    for (const s of stores) await s.close();
  }
});

test('two workers ingesting the same near-duplicate pairs concurrently, article by article', { skip: skipPg }, async () => {
  const url = fresh();
  const stores: MarsadPgStore[] = [await openMarsadPgStore(url), await openMarsadPgStore(url)];
  try {
    const originals = articles.filter((a) => a.text.split(' ').length > 150).slice(12, 24);
    const copies = originals.map((a, k) => nearCopy(a, k));
    await Promise.all([
      (async () => {
        for (const a of originals) await ingest(stores[0]!, [a]);
      })(),
      (async () => {
        for (const a of copies) await ingest(stores[1]!, [a]);
      })(),
    ]);
    const got = new Map((await stores[0]!.getArticles([...originals, ...copies].map((a) => a.id))).map((a) => [a.id, a]));
    for (let k = 0; k < originals.length; k++) {
      const o = got.get(originals[k]!.id)!;
      const c = got.get(copies[k]!.id)!;
      assert.ok(o.storyId);
      assert.equal(c.storyId, o.storyId, `pair ${k}`);
      assert.ok(o.duplicateOf === c.id || c.duplicateOf === o.id, `pair ${k}: one is the other's duplicate`);
    }
  } finally {
    for (const s of stores) await s.close();
  }
});

test('sources and poll state on PostgreSQL', { skip: skipPg }, async () => {
  const store = await openMarsadPgStore(fresh());
  try {
    const a = await store.addSource({ url: 'https://Example.test/feed.xml?utm_source=x', title: 'مثال' });
    assert.equal(a.url, 'https://example.test/feed.xml');
    assert.equal((await store.addSource({ url: 'https://example.test/feed.xml' })).id, a.id);
    await assert.rejects(store.addSource({ url: 'javascript:alert(1)' }), /not an http\(s\) feed URL/);
    assert.deepEqual(await store.importSources([{ url: 'https://b.test/rss', title: null }, { url: 'bad', title: null }, { url: 'https://example.test/feed.xml', title: null }]), {
      added: 1,
      existing: 1,
    });
    const due = await store.dueSources(new Date(Date.now() + 1000).toISOString(), 10);
    assert.equal(due.length, 2);
    const next = new Date(Date.now() + 3600_000).toISOString();
    await store.recordPoll(a.id, { lastFetch: new Date().toISOString(), status: 'ok', error: null, etag: '"x"', lastModified: null, errorCount: 0, nextPoll: next });
    assert.deepEqual((await store.dueSources(new Date(Date.now() + 1000).toISOString(), 10)).map((s) => s.url), ['https://b.test/rss']);
    assert.equal((await store.getPollState(a.id))?.etag, '"x"');
    assert.equal(await store.removeSource(a.id), true);
    assert.equal((await store.listSources()).length, 1);
  } finally {
    await store.close();
  }
});
