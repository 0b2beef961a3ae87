/**
 * The MarsadStore contract: what the whole store (stories, entities and timelines, sources
 * and poll state, reader queries, search, related) must do, on every backend, when fed by
 * the real pipeline (`ingest`: enrich → upsert → group) with real articles
 * (src/store/testdata/articles.json), including the update paths: an article re-imported
 * with an earlier date or a changed text, a story whose earliest article changes, an
 * article that drops out of a feed. test/marsad-contract.test.ts runs it on SQLite and,
 * when MARSAD_TEST_PG is set, on PostgreSQL. (It lives in test/ because it drives the
 * pipeline, which the store may not import.) `src/store/contract.ts` is the Store part.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attachedAnalysis } from '../../src/arabic/index.ts';
import { makeArticle, type Article } from '../../src/model/article.ts';
import { readFileSync } from 'node:fs';
import { ingest } from '../../src/pipeline/index.ts';
import { findEntity } from '../../src/pipeline/entity.ts';
import { loadContractArticles, withText } from '../../src/store/contract.ts';
import type { MarsadStore } from '../../src/store/index.ts';

export type OpenMarsad = (key: string) => Promise<MarsadStore>;

/** A copy of `a` under another URL and outlet, published `hours` earlier (same title and text). */
function earlierCopy(a: Article, outlet: string, hours: number): Article {
  const { id: _id, ...rest } = a;
  const t = new Date(Date.parse(a.publishedAt!) - hours * 3_600_000).toISOString();
  return makeArticle({ ...rest, url: `https://copy.example/${outlet}/${a.id}.html`, outlet, publishedAt: t });
}

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

export function runMarsadContract(name: string, open: OpenMarsad): void {
  const all = loadContractArticles();
  const distinct = [...new Map(all.map((a) => [a.id, a])).values()];
  const opened: MarsadStore[] = [];
  let n = 0;
  const loaded = async (articles = all): Promise<MarsadStore> => {
    const s = await open(`${name}-m-${process.pid}-${++n}`);
    opened.push(s);
    if (articles.length) await ingest(s, articles);
    return s;
  };
  after(async () => {
    for (const s of opened) await s.close();
  });
  // An article with entities and a date, stored as the pipeline enriched it.
  const withEntities = async (s: MarsadStore): Promise<Article> => {
    for (const a of distinct) {
      const got = (await s.getArticle(a.id))!;
      if (got.publishedAt && (got.entities ?? []).length > 0) return got;
    }
    throw new Error('no article with entities');
  };

  describe(`MarsadStore contract: ${name}`, () => {
    test('ingest groups every article; a grouped original says duplicateOf: null, on every read', async () => {
      const s = await loaded();
      const ids = distinct.map((a) => a.id);
      const got = await s.getArticles(ids);
      assert.deepEqual(got.map((a) => a.id), ids, 'getArticles: in the order given');
      for (const a of got) {
        assert.ok(a.storyId, a.id);
        assert.ok('duplicateOf' in a, `${a.id} has the duplicateOf key`);
        assert.deepEqual(await s.getArticle(a.id), a);
        if (a.url) assert.deepEqual(await s.getArticleByUrl(a.url), a);
      }
      for (const a of await s.listArticles({ limit: 1000 })) assert.ok('duplicateOf' in a, `listArticles ${a.id}`);
      assert.deepEqual(await s.getArticles(['0000000000000000', ids[0]!]), [got[0]]);
      const card = (a: Article) => ({ id: a.id, title: a.title, lang: a.lang, outlet: a.outlet, publishedAt: a.publishedAt });
      const backwards = [...ids].reverse();
      assert.deepEqual(await s.articleCards([...backwards, '0000000000000000', backwards[0]!]), got.slice().reverse().map(card), 'articleCards: getArticles without bodies, in order, once each');
    });

    test('re-ingesting the same articles changes nothing: statuses, stories, entity counts', async () => {
      const s = await loaded();
      const stories = await s.listStories({ limit: 1000 });
      const e = (await withEntities(s)).entities![0]!;
      const before = [await s.getEntity(e.id), await s.entityDaily(e.id)];
      const r = await ingest(s, all);
      assert.deepEqual(new Set(r.map((x) => x.status)), new Set(['unchanged']));
      assert.deepEqual(await s.listStories({ limit: 1000 }), stories);
      assert.deepEqual([await s.getEntity(e.id), await s.entityDaily(e.id)], before);
    });

    test('stories: newest first, every article in its story once, outlet and date filters, paging', async () => {
      const s = await loaded();
      const stories = await s.listStories({ limit: 1000 });
      const keys = stories.map((x) => `${x.firstSeen}|${x.id}`);
      assert.deepEqual(keys, [...keys].sort().reverse());
      assert.equal(sum(stories.map((x) => x.articleIds.length)), distinct.length);
      for (const a of await s.getArticles(distinct.map((x) => x.id))) {
        const st = stories.find((x) => x.id === a.storyId)!;
        assert.ok(st.articleIds.includes(a.id), a.id);
        if (a.outlet) assert.ok(st.outlets.includes(a.outlet), `${a.outlet} in ${st.outlets.join(',')}`);
      }
      for (const st of stories.slice(0, 5)) assert.deepEqual(await s.getStory(st.id), st);
      assert.equal(await s.getStory('s-none'), null);
      // Outlets are stored under their display names (the pipeline's outletName: aawsat → الشرق الأوسط).
      const outlet = (await s.getArticle(distinct.find((a) => a.outlet === 'aawsat')!.id))!.outlet!;
      const byOutlet = await s.listStories({ outlet, limit: 1000 });
      assert.ok(byOutlet.length > 0 && byOutlet.every((x) => x.outlets.includes(outlet)), `stories of ${outlet}`);
      const day = await s.listStories({ from: '2015-07-26', to: '2015-07-26', limit: 1000 });
      assert.ok(day.length > 0 && day.every((x) => x.firstSeen!.startsWith('2015-07-26')), 'stories of 2015-07-26');
      assert.deepEqual(await s.listStories({ limit: 3, offset: 2 }), stories.slice(2, 5));
    });

    test('a story whose earliest article changes: an earlier copy arriving later becomes its original and names the story', async () => {
      const s = await loaded();
      const a = (await s.getArticles(distinct.map((x) => x.id))).find((x) => x.publishedAt && x.text.length > 600 && x.duplicateOf === null)!;
      const story = (await s.getStory(a.storyId!))!;
      const copy = earlierCopy(a, 'copyoutlet', 30);
      assert.deepEqual((await ingest(s, [copy])).map((r) => r.status), ['added']);
      const got = (await s.getArticle(copy.id))!;
      // A story is named after its earliest article (order-independent grouping), so it is renamed:
      // every member moves to the new id, the old one is gone (the web redirects it, see test/web).
      assert.equal(got.storyId, `s-${copy.id}`);
      assert.equal((await s.getArticle(a.id))!.storyId, got.storyId);
      for (const x of await s.getArticles(story.articleIds)) assert.equal(x.storyId, got.storyId, x.id);
      if (a.storyId !== got.storyId) assert.equal(await s.getStory(a.storyId!), null);
      assert.equal(got.duplicateOf, null);
      assert.equal((await s.getArticle(a.id))!.duplicateOf, copy.id);
      const after = (await s.getStory(got.storyId!))!;
      assert.equal(after.firstSeen, copy.publishedAt);
      assert.equal(after.originalOutlet, 'copyoutlet');
      assert.equal(after.articleIds[0], copy.id);
      assert.deepEqual(after.articleIds.slice(1), story.articleIds);
      assert.equal(after.outlets[0], 'copyoutlet');
    });

    test('an article re-imported with an earlier date keeps its story and moves its entity rows to the new day', async () => {
      const s = await loaded();
      const x = await withEntities(s);
      const e = x.entities![0]!;
      const oldDay = x.publishedAt!.slice(0, 10);
      const dailyBefore = new Map((await s.entityDaily(e.id)).map((d) => [d.day, d.count]));
      const earlier = { ...x, publishedAt: '2015-06-01T08:00:00.000Z', entities: undefined, keywords: undefined, storyId: undefined, duplicateOf: undefined };
      assert.deepEqual((await ingest(s, [earlier])).map((r) => r.status), ['updated']);
      const got = (await s.getArticle(x.id))!;
      assert.equal(got.publishedAt, '2015-06-01T08:00:00.000Z');
      assert.equal(got.storyId, x.storyId);
      const daily = new Map((await s.entityDaily(e.id)).map((d) => [d.day, d.count]));
      assert.equal(daily.get('2015-06-01'), e.mentions, 'the mentions counted under the new day');
      assert.equal(daily.get(oldDay) ?? 0, (dailyBefore.get(oldDay) ?? 0) - e.mentions, 'and no longer under the old one');
      const listed = await s.listArticles({ entityId: e.id, limit: 1000 });
      assert.equal((await s.getEntity(e.id))!.articleCount, listed.length);
      assert.equal(listed.find((a) => a.id === x.id)?.publishedAt, '2015-06-01T08:00:00.000Z');
      const mentions = listed.filter((a) => a.publishedAt).map((a) => a.entities!.find((m) => m.id === e.id)!.mentions);
      assert.equal(sum([...daily.values()]), sum(mentions));
    });

    test('an article re-imported with a changed text is re-enriched and re-indexed, and keeps its story', async () => {
      const s = await loaded();
      const x = await withEntities(s);
      const changed = withText({ ...x, entities: undefined, keywords: undefined, storyId: undefined, duplicateOf: undefined }, `${x.text}\n\nوزار وفد روسي مهرجان الزعفران في طهران.`);
      assert.deepEqual((await ingest(s, [changed])).map((r) => r.status), ['updated']);
      const got = (await s.getArticle(x.id))!;
      assert.equal(got.text, changed.text);
      assert.equal(got.storyId, x.storyId, 'its story entry exists: the grouping is kept');
      assert.ok(got.entities!.some((m) => m.id === 'country:RU'), JSON.stringify(got.entities));
      assert.ok((await s.listArticles({ entityId: 'country:RU', limit: 1000 })).some((a) => a.id === x.id));
      assert.deepEqual((await s.search({ q: 'الزعفران' })).hits.map((h) => h.id), [x.id]);
    });

    test('an article that drops out of a feed stays stored, in its story, unchanged', async () => {
      const s = await loaded(distinct.slice(0, 12));
      const gone = (await s.getArticle(distinct[0]!.id))!;
      const r = await ingest(s, distinct.slice(1, 12));
      assert.deepEqual(new Set(r.map((x) => x.status)), new Set(['unchanged']));
      assert.deepEqual(await s.getArticle(gone.id), gone);
      assert.ok((await s.getStory(gone.storyId!))!.articleIds.includes(gone.id));
      assert.equal(await s.countArticles(), 12);
    });

    test('reader listings: by entity newest first, by keyword or tag, by outlet, by offset', async () => {
      const s = await loaded();
      const x = await withEntities(s);
      const e = x.entities![0]!;
      const byEntity = await s.listArticles({ entityId: e.id, limit: 1000 });
      assert.ok(byEntity.some((a) => a.id === x.id));
      const dated = byEntity.map((a) => a.publishedAt).filter((d): d is string => d !== null);
      assert.deepEqual(dated, [...dated].sort().reverse());
      assert.deepEqual(await s.listArticles({ entityId: 'country:none', limit: 10 }), []);
      const kw = x.keywords![0]!;
      assert.ok((await s.listArticles({ keyword: kw, limit: 1000 })).some((a) => a.id === x.id), kw);
      const all50 = await s.listArticles({ limit: 50 });
      assert.deepEqual(await s.listArticles({ limit: 5, offset: 5 }), all50.slice(5, 10));
      const outlets = await s.listOutlets();
      assert.equal(sum(outlets.map((o) => o.count)), distinct.length);
      assert.equal((await s.getEntity(e.id))!.id, e.id);
      assert.equal((await s.getEntity(e.name))!.id, e.id, 'by its name');
    });

    test('one person under two transliterations is one entity, found by either spelling and by its surname; aliases kept', async () => {
      // The saved page's article (شويجو) and a wire sentence spelling him شويغو.
      const page = JSON.parse(readFileSync(new URL('../../src/enrich/testdata/moscow-tehran.json', import.meta.url), 'utf8')) as { articles: Array<{ title: string; text: string }> };
      const a = makeArticle({ title: page.articles[0]!.title, text: page.articles[0]!.text, url: 'https://example.com/shoigu-1', outlet: 'page', publishedAt: '2023-09-20T10:00:00Z' });
      const b = makeArticle({
        title: 'شويغو يبحث مع نظيره الإيراني التعاون العسكري',
        text: 'بحث وزير الدفاع الروسي سيرغي شويغو مع نظيره الإيراني التعاون العسكري بين البلدين. وقال شويغو إن العلاقات تتطور.',
        url: 'https://example.com/shoigu-2',
        outlet: 'wire',
        publishedAt: '2023-09-21T10:00:00Z',
      });
      const s = await loaded([a, b]);
      const ids = await Promise.all(['شويجو', 'شويغو', 'شويقو', 'سيرجي شويجو', 'سيرغي شويغو'].map(async (q) => (await findEntity(s, q))?.id));
      assert.ok(ids[0]?.startsWith('person:'), String(ids[0]));
      assert.deepEqual(new Set(ids), new Set([ids[0]]), ids.join(' | '));
      const e = (await s.getEntity(ids[0]!))!;
      assert.equal(e.articleCount, 2);
      for (const alias of ['شويجو', 'شويغو']) assert.ok([e.name, ...(e.aliases ?? [])].includes(alias), `${alias} not among ${e.name} / ${e.aliases?.join(', ')}`);
      assert.ok(!(e.aliases ?? []).some((x) => x.startsWith('~')), 'lookup keys are not shown as aliases');
      // Re-ingesting changes nothing.
      await ingest(s, [a, b]);
      assert.deepEqual(await s.getEntity(ids[0]!), e);
    });

    test('related: page links first both ways, never the article itself or its story, at most limit', async () => {
      const s = await loaded();
      const [x, y] = distinct.filter((a) => a.text.length > 300);
      const { id: _id, ...rest } = y!;
      const appended = makeArticle({ ...rest, url: `https://page.example/${y!.id}`, title: `${y!.title} (ملحق)`, relatedTo: x!.id });
      await ingest(s, [appended]);
      assert.equal((await s.relatedArticles(x!.id, 5))[0]?.id, appended.id);
      assert.equal((await s.relatedArticles(appended.id, 5))[0]?.id, x!.id);
      for (const a of distinct.slice(0, 10)) {
        const story = (await s.getStory((await s.getArticle(a.id))!.storyId!))!;
        const rel = await s.relatedArticles(a.id, 3);
        assert.ok(rel.length <= 3);
        assert.deepEqual((await s.relatedCards(a.id, 3)).map((c) => c.id), rel.map((r) => r.id), 'relatedCards: the same list');
        for (const r of rel) {
          assert.notEqual(r.id, a.id);
          if (r.id !== appended.id && a.id !== x!.id) assert.ok(!story.articleIds.includes(r.id), `${r.id} is a copy in ${a.id}'s story`);
        }
      }
      assert.deepEqual(await s.relatedArticles('0000000000000000'), []);
    });

    test('the upsert attaches its analysis to the article, for the grouping to reuse', async () => {
      const s = await loaded([]);
      const { id: _id, ...rest } = distinct[2]!;
      const a = makeArticle(rest);
      await s.upsertArticles([a]);
      const x = attachedAnalysis(a);
      assert.ok(x && x.titleTerms.length > 0 && x.textTerms.length > 0, 'analysis attached');
      assert.equal(x.text, a.text);
    });

    test('sources and poll state: one row per canonical URL, due at once, outcomes recorded', async () => {
      const s = await loaded([]);
      const a = await s.addSource({ url: 'https://feeds.example/rss.xml?utm_source=x', title: 'مصدر' });
      const again = await s.addSource({ url: 'https://feeds.example/rss.xml' });
      assert.equal(again.id, a.id);
      assert.equal(again.title, 'مصدر');
      await assert.rejects(s.addSource({ url: 'ftp://feeds.example/x' }), (e: Error & { code?: string }) => e.code === 'store.bad_source_url');
      assert.deepEqual(await s.importSources([{ url: 'https://b.example/feed', title: null }, { url: 'https://feeds.example/rss.xml', title: null }, { url: 'javascript:alert(1)', title: null }]), { added: 1, existing: 1 });
      assert.equal((await s.listSources()).length, 2);
      const now = new Date(Date.now() + 1000).toISOString();
      const due = await s.dueSources(now, 10);
      assert.equal(due.length, 2);
      assert.equal((await s.dueSources(now, 1)).length, 1);
      const next = new Date(Date.now() + 3_600_000).toISOString();
      await s.recordPoll(a.id, { lastFetch: now, status: 'error', error: 'HTTP 500', etag: '"e1"', lastModified: 'Wed, 22 Jul 2015 10:00:00 GMT', errorCount: 2, nextPoll: next, title: 'غير هذا' });
      const st = (await s.getPollState(a.id))!;
      assert.deepEqual([st.etag, st.lastModified, st.errorCount, st.title], ['"e1"', 'Wed, 22 Jul 2015 10:00:00 GMT', 2, 'مصدر']);
      const info = (await s.listSources()).find((x) => x.id === a.id)!;
      assert.deepEqual([info.status, info.lastError, info.errorCount, info.nextPoll], ['error', 'HTTP 500', 2, next]);
      assert.deepEqual((await s.dueSources(now, 10)).map((x) => x.id), due.map((x) => x.id).filter((id) => id !== a.id));
      assert.equal(await s.removeSource(a.id), true);
      assert.equal(await s.removeSource(a.id), false);
      assert.equal(await s.getPollState(a.id), null);
    });
  });
}
