/**
 * One row per story on the pages (the default) and in the API (`collapse=story`; the API's
 * default stays one row per article), over a real SQLite store holding the bundled sample
 * of SaudiNewsNet articles, where `وزير الدفاع` matches 25 copies of 10 stories.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { webFixture, type WebFixture } from './fixture.ts';
import { ui } from '../../src/web/i18n/index.ts';
import type { Coverage } from '../../src/model/search.ts';

let fx: WebFixture;
before(async () => {
  fx = await webFixture();
});
after(async () => fx?.close());

const get = (url: string) => fx.app.inject({ method: 'GET', url });
const Q = encodeURIComponent('وزير الدفاع');
type Row = { id: string; outlet: string | null; coverage?: Coverage };
const storyOf = async (id: string) => (await fx.store.getArticle(id))!.storyId ?? id;
/** The article ids a rendered list links to, in order. */
const listed = (body: string, cls: string) => [...body.matchAll(new RegExp(`<section class="${cls}"[^>]*>\\s*<h[23]><a href="/article/([0-9a-f]{16})"`, 'g'))].map((m) => m[1]!);

describe('story collapse on the pages', () => {
  test('search page: one result per story with «and N more outlets» linked to the story; collapse=none shows every copy', async () => {
    const r = await get(`/search?q=${Q}`);
    assert.equal(r.statusCode, 200);
    const ids = listed(r.body, 'hit');
    const stories = await Promise.all(ids.map(storyOf));
    assert.equal(new Set(stories).size, ids.length, 'no story twice');
    assert.match(r.body, /<p class="meta">١٠ قصص/);
    const more = [...r.body.matchAll(/<a class="more" href="\/story\/([^"]+)">([^<]+)<\/a>/g)];
    assert.ok(more.length >= 3, 'stories carried by other outlets link to their story');
    for (const [, id, text] of more) {
      const s = (await fx.store.getStory(decodeURIComponent(id!)))!;
      assert.ok(s.outlets.length >= 2);
      assert.match(text!, /^و(مصدر آخر|مصدران آخران|[٠-٩]+ مصادر أخرى|[٠-٩]+ مصدراً آخر|[٠-٩]+ مصدر آخر)$/);
    }
    // Other headlines of a story are named on its row, linked to their articles.
    const also = [...r.body.matchAll(/<ul class="also"[^>]*>(.*?)<\/ul>/gs)].flatMap((m) => [...m[1]!.matchAll(/href="\/article\/([0-9a-f]{16})"/g)].map((x) => x[1]!));
    assert.ok(also.length >= 1, 'a row names another headline of its story');
    for (const id of also) assert.ok(stories.includes(await storyOf(id)), 'named copies belong to a shown story');
    const flat = await get(`/search?q=${Q}&collapse=none`);
    const flatIds = listed(flat.body, 'hit');
    assert.ok(new Set(await Promise.all(flatIds.map(storyOf))).size < flatIds.length, 'without collapse, copies of one story repeat');
    assert.match(flat.body, /<p class="meta">٢٥ نتيجة/);
    assert.doesNotMatch(flat.body, /class="more"/);
    assert.equal((await get(`/search?q=${Q}&collapse=all`)).statusCode, 400);
  });

  test('outlet, entity and keyword pages list each story once', async () => {
    for (const url of ['/entity/country%3AUS', `/keyword/${encodeURIComponent('السعودية')}`, `/outlet/${encodeURIComponent('الرياض')}`]) {
      const r = await get(url);
      assert.equal(r.statusCode, 200, url);
      const ids = listed(r.body, 'item');
      assert.ok(ids.length >= 5, url);
      assert.equal(new Set(await Promise.all(ids.map(storyOf))).size, ids.length, url);
      const flat = listed((await get(`${url}?collapse=none`)).body, 'item');
      assert.ok(flat.length >= ids.length, url);
    }
    const entity = await get('/entity/country%3AUS');
    assert.match(entity.body, /<a class="more" href="\/story\//);
  });

  test('Arabic plural forms of «and N more outlets» (and English)', () => {
    const ar = (n: number) => ui('ar').t('story.moreOutlets', { n });
    assert.deepEqual([1, 2, 3, 10, 11, 99, 100].map(ar), ['ومصدر آخر', 'ومصدران آخران', 'و٣ مصادر أخرى', 'و١٠ مصادر أخرى', 'و١١ مصدراً آخر', 'و٩٩ مصدراً آخر', 'و١٠٠ مصدر آخر']);
    assert.deepEqual([1, 2, 12].map((n) => ui('en').t('story.moreOutlets', { n })), ['and one more outlet', 'and 2 more outlets', 'and 12 more outlets']);
  });
});

describe('story collapse in the API', () => {
  test('search: the default is unchanged (one result per article, no coverage); collapse=story gives stories with coverage', async () => {
    const flat = (await get(`/api/v1/search?q=${Q}&limit=100`)).json() as { results: Row[]; total: number };
    assert.deepEqual((await get(`/api/v1/search?q=${Q}&limit=100&collapse=none`)).json(), flat);
    assert.equal(flat.total, 25);
    assert.ok(flat.results.every((h) => !('coverage' in h)));
    const got = (await get(`/api/v1/search?q=${Q}&limit=100&collapse=story`)).json() as { results: Row[]; total: number };
    assert.equal(got.total, 10);
    const flatStories = new Set(await Promise.all(flat.results.map((h) => storyOf(h.id))));
    assert.deepEqual(new Set(await Promise.all(got.results.map((h) => storyOf(h.id)))), flatStories);
    for (const h of got.results) {
      const c = h.coverage!;
      assert.equal(c.storyId, await storyOf(h.id));
      assert.equal(c.moreOutlets, c.outlets.filter((o) => o !== h.outlet).length);
      assert.ok(c.also.length <= 3 && c.also.length <= c.folded);
      const heads = [h, ...c.also].map((x) => (x as { title?: string }).title);
      for (const a of c.also) {
        assert.equal(await storyOf(a.id), c.storyId, 'also: a copy of the same story');
        assert.ok(flat.results.some((x) => x.id === a.id), 'also: a match of the query');
      }
      assert.equal(new Set(heads).size, heads.length, 'also: headlines of their own');
    }
    const bad = await get(`/api/v1/search?q=${Q}&collapse=1`);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /collapse/);
  });

  test('search and articles: cursor pages of stories never repeat or skip one', async () => {
    for (const base of [`/api/v1/search?q=${Q}&collapse=story`, `/api/v1/articles?outlet=${encodeURIComponent('الرياض')}&collapse=story`]) {
      const all = (await get(`${base}&limit=100`)).json() as { results: Row[] };
      const ids: string[] = [];
      let next: string | null = null;
      do {
        const page = (await get(`${base}&limit=3${next ? `&cursor=${next}` : ''}`)).json() as { results: Row[]; next: string | null };
        assert.ok(page.results.length === 3 || page.next === null, 'pages are full');
        ids.push(...page.results.map((h) => h.id));
        next = page.next;
      } while (next);
      assert.deepEqual(ids, all.results.map((h) => h.id), base);
      assert.equal(new Set(await Promise.all(ids.map(storyOf))).size, ids.length, base);
    }
  });

  test('OpenAPI documents collapse and coverage', async () => {
    const doc = (await get('/api/v1/openapi.json')).json() as { paths: Record<string, { get: { parameters: Array<{ name: string }> } }>; components: { schemas: Record<string, unknown> } };
    for (const p of ['/api/v1/search', '/api/v1/articles', '/api/v1/entities/{id}']) assert.ok(doc.paths[p]!.get.parameters.some((x) => x.name === 'collapse'), p);
    assert.ok(doc.components.schemas.Coverage);
  });
});
