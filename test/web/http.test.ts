/**
 * Every route of the reader, the feeds and the API, in-process (fastify inject) over a
 * real SQLite store holding the bundled sample: good requests, bad parameters (400 with
 * the parameter named), unknown ids (404), and never a stack trace.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { webFixture, type WebFixture } from './fixture.ts';
import { normalize } from '../../src/arabic/index.ts';

let fx: WebFixture;
before(async () => {
  fx = await webFixture();
});
after(async () => fx?.close());

const get = (url: string) => fx.app.inject({ method: 'GET', url });
const noStack = (body: string) => assert.doesNotMatch(body, /\n\s+at .+\(.+:\d+:\d+\)/, 'a stack trace leaked');

describe('pages', () => {
  test('home lists stories, RTL Arabic, with multi-outlet stories first-class', async () => {
    const r = await get('/');
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['content-type'] as string, /text\/html/);
    assert.match(r.body, /<html lang="ar" dir="rtl">/);
    assert.match(r.body, /class="story"/);
    assert.match(r.body, /[٠-٩]+ مصادر/, 'a story carried by several outlets shows its outlet count, in Arabic-Indic digits');
    assert.match(r.headers['content-security-policy'] as string, /script-src 'self'(;|$)/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  });

  test('home filters: outlet and dates; bad dates and pages are 400 naming the parameter', async () => {
    const ok = await get('/?outlet=' + encodeURIComponent('واس') + '&from=2015-08-10&to=2015-08-11');
    assert.equal(ok.statusCode, 200);
    for (const [url, param] of [['/?from=yesterday', 'from'], ['/?to=2015-13-45', 'to'], ['/?page=0', 'page'], ['/?page=abc', 'page']] as const) {
      const r = await get(url);
      assert.equal(r.statusCode, 400, url);
      assert.match(r.body, new RegExp(param));
      noStack(r.body);
    }
  });

  test('story page lists its articles in time order with the earliest marked', async () => {
    const stories = await fx.store.listStories({ limit: 200 });
    const multi = stories.find((s) => s.outlets.length >= 2);
    assert.ok(multi, 'the sample has a story across outlets');
    const r = await get(`/story/${encodeURIComponent(multi.id)}`);
    assert.equal(r.statusCode, 200);
    for (const o of multi.outlets) assert.ok(r.body.includes(o), `outlet ${o} shown`);
    assert.match(r.body, /الأسبق/);
    assert.equal((await get('/story/no-such-story')).statusCode, 404);
  });

  test('a renamed story: its old name redirects to the story its articles are in now', async () => {
    const stories = await fx.store.listStories({ limit: 50 });
    const firsts = await fx.store.getArticles(stories.map((s) => s.articleIds[0]!));
    const a = firsts.find((x) => x.publishedAt && x.text.length > 600)!;
    const story = stories.find((s) => s.id === a.storyId);
    // An earlier copy arrives: the story is renamed after it (s-<earliest article>).
    const copy = { ...a, id: '0000000000c0ffee', url: 'https://early.example/copy', outlet: 'منفذ أسبق', publishedAt: new Date(Date.parse(a.publishedAt!) - 3_600_000).toISOString(), entities: undefined, keywords: undefined, storyId: undefined, duplicateOf: undefined };
    await (await import('../../src/pipeline/index.ts')).ingest(fx.store, [copy]);
    const now = (await fx.store.getArticle(a.id))!.storyId!;
    assert.equal(now, `s-${copy.id}`);
    for (const [old, to] of [[`/story/${story!.id}`, `/story/${now}`], [`/api/v1/stories/${story!.id}`, `/api/v1/stories/${now}`]]) {
      const r = await get(old!);
      assert.equal(r.statusCode, 302, old);
      assert.equal(r.headers.location, to);
      assert.equal((await get(to!)).statusCode, 200);
    }
    assert.equal((await get('/story/s-0000000000000bad')).statusCode, 404);
  });

  test('article page reads like the aggregator page: date in Arabic and GMT, outlet, keywords, read-also', async () => {
    const [a] = (await fx.store.search({ q: 'شويجو', limit: 1 })).hits;
    assert.ok(a, 'the sample page is in the store');
    const r = await get(`/article/${a.id}`);
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /وزير الدفاع الروسي: التعاون بين موسكو وطهران/);
    assert.match(r.body, /تاريخ النشر/);
    assert.match(r.body, /2023-09-20 00:00 GMT/);
    assert.match(r.body, /سبتمبر/);
    assert.match(r.body, /المصدر: <a href="\/outlet\/[^"]+"><bdi>الأسبوع<\/bdi><\/a>/);
    assert.match(r.body, /<h2>كلمات دلالية<\/h2>/);
    assert.match(r.body, /href="\/entity\/country%3ARU"/);
    assert.match(r.body, /<h2>اقرأ أيضاً<\/h2>/);
    assert.equal((await get('/article/ffffffffffffffff')).statusCode, 404);
  });

  test('search page: typing ايران finds articles that write إيران, highlighted in their spelling', async () => {
    const r = await get(`/search?q=${encodeURIComponent('ايران')}`);
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<mark>[^<]*إيران[^<]*<\/mark>|<mark>الإيراني/);
    assert.match(r.body, /class="hit"/);
    const page2 = await get(`/search?q=${encodeURIComponent('السعودية')}&page=2`);
    assert.equal(page2.statusCode, 200);
    for (const q of ['"وزير الدفاع', '* ^ : ( ) NEAR', "'; DROP TABLE articles; --", 'في من على']) {
      const b = await get(`/search?q=${encodeURIComponent(q)}`);
      assert.equal(b.statusCode, 200, q);
      noStack(b.body);
    }
    const long = await get(`/search?q=${'ا'.repeat(10_000)}`);
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /q: longer than/);
  });

  test('entity page: articles newest first and a timeline chart (Vega SVG); keyword and outlet pages', async () => {
    const r = await get('/entity/country%3AIR');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<figure class="timeline"><div class="timeline-svg" dir="ltr"[^>]*><svg [^>]*class="marks"/);
    assert.match(r.body, /class="item"/);
    assert.equal((await get('/entity/country%3AXX-none')).statusCode, 404);
    const byName = await get(`/entity/${encodeURIComponent('ايران')}`);
    assert.equal(byName.statusCode, 200, 'an entity is also found by its name, as typed');
    const a = (await fx.store.listArticles({ limit: 50 })).find((x) => (x.keywords ?? []).length > 0);
    assert.ok(a, 'articles have keywords');
    const kw = await get(`/keyword/${encodeURIComponent(a.keywords![0]!)}`);
    assert.equal(kw.statusCode, 200);
    assert.ok(kw.body.includes(a.title.slice(0, 20).replace(/&/g, '&amp;').replace(/"/g, '&quot;')) || kw.body.includes('class="item"'));
    assert.equal((await get('/outlets')).statusCode, 200);
    assert.equal((await get('/outlet/' + encodeURIComponent('واس'))).statusCode, 200);
    assert.equal((await get('/outlet/no-such-outlet')).statusCode, 404);
  });

  test('what a page prints is escaped', async () => {
    const [res] = await fx.store.upsertArticles([{ id: 'x1', url: 'https://example.test/x', title: '<script>alert(1)</script> عنوان', text: 'نص <img src=x onerror=alert(1)> فيه', publishedAt: '2015-08-11T10:00:00.000Z', outlet: '"><b>bad</b>', via: null, author: null, lang: 'ar', tags: [], readAlso: [], relatedTo: null }]);
    const r = await get(`/article/${res!.id}`);
    assert.equal(r.statusCode, 200);
    assert.doesNotMatch(r.body, /<script>alert/);
    assert.doesNotMatch(r.body, /<img src=x/);
    assert.doesNotMatch(r.body, /"><b>bad/);
    assert.match(r.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});

describe('Atom feeds', () => {
  test('home, search, entity, keyword and outlet feeds are Atom with entries', async () => {
    for (const url of ['/feed.atom', `/search.atom?q=${encodeURIComponent('ايران')}`, '/entity/country%3AIR/feed.atom', '/outlet/' + encodeURIComponent('واس') + '/feed.atom', `/keyword/${encodeURIComponent('روسيا')}/feed.atom`]) {
      const r = await get(url);
      assert.equal(r.statusCode, 200, url);
      assert.match(r.headers['content-type'] as string, /application\/atom\+xml/);
      assert.match(r.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="ar"/);
      assert.match(r.body, /<entry[ >]/, `${url} has entries`);
    }
  });
});

describe('API /api/v1', () => {
  test('search returns the documented fields and paginates with an opaque cursor', async () => {
    const r = await get(`/api/v1/search?q=${encodeURIComponent('ايران')}&limit=5`);
    assert.equal(r.statusCode, 200);
    const body = r.json() as { results: Array<Record<string, unknown>>; next: string | null };
    assert.equal(body.results.length, 5);
    for (const k of ['id', 'url', 'title', 'outlet', 'publishedAt', 'score', 'snippet']) assert.ok(k in body.results[0]!, k);
    assert.ok(body.results.some((h) => normalize(String(h.snippet)).includes('ايران')));
    assert.ok(body.next);
    const p2 = (await get(`/api/v1/search?q=${encodeURIComponent('ايران')}&limit=5&cursor=${body.next}`)).json() as typeof body;
    assert.equal(p2.results.length, 5);
    assert.equal(p2.results.filter((h) => body.results.some((x) => x.id === h.id)).length, 0, 'page 2 has new results');
  });

  test('bad parameters: 400 with a message naming the parameter, never a stack trace', async () => {
    for (const [url, param] of [
      ['/api/v1/search', 'q'],
      ['/api/v1/search?q=x&limit=1000', 'limit'],
      ['/api/v1/search?q=x&cursor=garbage', 'cursor'],
      ['/api/v1/search?q=x&from=notadate', 'from'],
      ['/api/v1/stories?since=2015-99-99', 'since'],
      ['/api/v1/articles?limit=-1', 'limit'],
      ['/api/v1/search?q=x&recent=maybe', 'recent'],
    ] as const) {
      const r = await get(url);
      assert.equal(r.statusCode, 400, url);
      const b = r.json() as { error: string; message: string };
      assert.equal(b.error, 'bad_request');
      assert.match(b.message, new RegExp(`^${param}:`), url);
      noStack(r.body);
    }
  });

  test('recent=1 favours recent articles', async () => {
    const q = encodeURIComponent('السعودية');
    const mean = (rs: Array<{ publishedAt: string | null }>) => rs.reduce((s, r) => s + Date.parse(r.publishedAt ?? '2000-01-01'), 0) / rs.length;
    const plain = (await get(`/api/v1/search?q=${q}&limit=20`)).json() as { results: Array<{ publishedAt: string | null }> };
    const recent = (await get(`/api/v1/search?q=${q}&limit=20&recent=1`)).json() as typeof plain;
    assert.equal(recent.results.length, 20);
    assert.ok(mean(recent.results) >= mean(plain.results), 'the recent-first results are newer on average');
  });

  test('articles, related, stories, entities, outlets, sources', async () => {
    const stories = (await get('/api/v1/stories?limit=50')).json() as { results: Array<{ id: string; outlets: string[]; articleIds: string[]; originalOutlet: string }> };
    const s = stories.results.find((x) => x.outlets.length > 1)!;
    assert.ok(s);
    const story = (await get(`/api/v1/stories/${encodeURIComponent(s.id)}`)).json() as { articles: Array<{ id: string }> };
    assert.equal(story.articles.length, s.articleIds.length);
    const a = (await get(`/api/v1/articles/${story.articles[0]!.id}`)).json() as Record<string, unknown>;
    for (const k of ['id', 'url', 'title', 'text', 'publishedAt', 'outlet', 'via', 'author', 'lang', 'tags', 'readAlso', 'relatedTo', 'entities', 'keywords', 'storyId']) assert.ok(k in a, `article has ${k}`);
    assert.equal(a.storyId, s.id);
    const rel = await get(`/api/v1/articles/${story.articles[0]!.id}/related`);
    assert.equal(rel.statusCode, 200);
    assert.ok(Array.isArray((rel.json() as { results: unknown[] }).results));
    assert.equal((await get('/api/v1/articles/0000000000000000')).statusCode, 404);
    assert.equal((await get('/api/v1/articles/0000000000000000/related')).statusCode, 404);
    assert.equal((await get('/api/v1/stories/nope')).statusCode, 404);
    const e = (await get('/api/v1/entities/country%3ASA')).json() as { name: string; daily: unknown[]; articles: unknown[] };
    assert.ok(e.daily.length > 0 && e.articles.length > 0);
    assert.equal((await get('/api/v1/entities/none%3Anone')).statusCode, 404);
    const outlets = (await get('/api/v1/outlets')).json() as { results: Array<{ outlet: string; count: number }> };
    assert.ok(outlets.results.length >= 10);
    assert.equal((await get('/api/v1/sources')).statusCode, 401, 'the source list (with its poll errors) is admin-only');
    assert.equal((await fx.app.inject({ url: '/api/v1/sources', headers: { authorization: 'Bearer test-token-0123456789' } })).statusCode, 200);
    assert.equal((await get('/api/v1/nope')).statusCode, 404);
  });

  test('OpenAPI documents every API route', async () => {
    const doc = (await get('/api/v1/openapi.json')).json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.match(doc.openapi, /^3\./);
    const routes = (fx.app as unknown as { marsadRoutes: string[] }).marsadRoutes.filter((r) => r.includes(' /api/v1/'));
    assert.ok(routes.length >= 10);
    for (const r of routes) {
      const [method, url] = r.split(' ') as [string, string];
      const path = url.replace(/:(\w+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[method.toLowerCase()], `${r} is documented`);
    }
  });

  test('writes need the admin token, compared exactly', async () => {
    const body = { url: 'https://feeds.example.com/feed.xml', title: 'اختبار' };
    assert.equal((await fx.app.inject({ method: 'POST', url: '/api/v1/sources', payload: body })).statusCode, 401);
    assert.equal((await fx.app.inject({ method: 'POST', url: '/api/v1/sources', payload: body, headers: { authorization: 'Bearer wrong' } })).statusCode, 401);
    const auth = { authorization: 'Bearer test-token-0123456789' };
    const bad = await fx.app.inject({ method: 'POST', url: '/api/v1/sources', payload: { url: 'javascript:alert(1)' }, headers: auth });
    assert.equal(bad.statusCode, 400);
    const created = await fx.app.inject({ method: 'POST', url: '/api/v1/sources', payload: body, headers: auth });
    assert.equal(created.statusCode, 201);
    const id = (created.json() as { id: string }).id;
    const list = (await fx.app.inject({ url: '/api/v1/sources', headers: auth })).json() as { results: Array<{ id: string; url: string }> };
    assert.ok(list.results.some((s) => s.id === id));
    const opml = '<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="أ" xmlUrl="https://feeds.example.com/a.xml"/><outline type="rss" text="ب" xmlUrl="https://feeds.example.com/b.xml"/></body></opml>';
    const imp = await fx.app.inject({ method: 'POST', url: '/api/v1/sources/import', payload: opml, headers: { ...auth, 'content-type': 'text/x-opml' } });
    assert.equal(imp.statusCode, 200);
    assert.deepEqual(imp.json(), { added: 2, existing: 0 });
    assert.equal((await fx.app.inject({ method: 'DELETE', url: `/api/v1/sources/${id}`, headers: auth })).statusCode, 204);
    assert.equal((await fx.app.inject({ method: 'DELETE', url: `/api/v1/sources/${id}`, headers: auth })).statusCode, 404);
  });
});

describe('admin page', () => {
  test('login with the token sets an HttpOnly cookie; the page lists sources; forms add and remove', async () => {
    assert.equal((await get('/admin')).statusCode, 401);
    // Same-origin form posts: the Origin (fastify inject's site is http://localhost) and the page's form token.
    const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' };
    const wrong = await fx.app.inject({ method: 'POST', url: '/admin/login', payload: 'token=nope', headers: form });
    assert.equal(wrong.statusCode, 401);
    const ok = await fx.app.inject({ method: 'POST', url: '/admin/login', payload: 'token=test-token-0123456789', headers: form });
    assert.equal(ok.statusCode, 303);
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!;
    assert.match(String(ok.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await fx.app.inject({ method: 'GET', url: '/admin', headers: { cookie } })).body)![1]!;
    const add = await fx.app.inject({ method: 'POST', url: '/admin/sources', payload: `url=${encodeURIComponent('https://feeds.example.com/admin-feed.xml')}&title=x&_csrf=${encodeURIComponent(csrf)}`, headers: { ...form, cookie } });
    assert.equal(add.statusCode, 303);
    const page = await fx.app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /admin-feed\.xml/);
    assert.match(page.body, /الجلب التالي/);
    const starter = await fx.app.inject({ method: 'POST', url: '/admin/sources/starter', payload: `_csrf=${encodeURIComponent(csrf)}`, headers: { ...form, cookie } });
    assert.equal(starter.statusCode, 303);
    const after = (await fx.store.listSources()).length;
    assert.ok(after >= 15, `the starter OPML subscribed its feeds (${after})`);
  });
});

describe('rate limits', () => {
  test('search is rate limited with a 429 JSON answer', async () => {
    const limited = await webFixture({ rateLimit: { search: 3, write: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/api/v1/search?q=x' })).statusCode);
      assert.deepEqual(codes, [200, 200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
