/**
 * Rendered pages and feeds in the read cache (src/web/cache.ts), over the bundled sample in
 * a real SQLite file: by default a write is on the next page (search, outlets, home, Atom);
 * with cacheStaleMs (what `serve` sets) the page rendered before the write is served until
 * it is that old; an unknown article stays a 404 page, and a known one is rendered once.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../src/web/app.ts';
import { ingest } from '../../src/pipeline/index.ts';
import { makeArticle } from '../../src/model/article.ts';
import { ADMIN_TOKEN, webFixture, type WebFixture } from './fixture.ts';

let f: WebFixture;
before(async () => (f = await webFixture()));
after(async () => f?.close());

const fresh = (title: string, outlet: string) =>
  makeArticle({ title, text: `${title}. نص تجريبي عن ${title} كتب للاختبار فقط، وفيه جمل كافية ليحلل.`, outlet, publishedAt: '2015-08-12T09:00:00Z', url: `https://example.test/${encodeURIComponent(title)}` });
const get = async (app: WebFixture['app'], url: string) => {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.body };
};

test('by default a write is on the next page and feed', async () => {
  const search = `/search?q=${encodeURIComponent('غزال')}`;
  const atom = `/search.atom?q=${encodeURIComponent('غزال')}`;
  const before = [await get(f.app, search), await get(f.app, '/outlets'), await get(f.app, atom)];
  assert.deepEqual(await get(f.app, search), before[0], 'the same page again');
  await ingest(f.store, [fresh('غزال في صحراء النفود', 'مرصد الصفحات')]);
  const [s, o, a] = [await get(f.app, search), await get(f.app, '/outlets'), await get(f.app, atom)];
  assert.ok(!before[0]!.body.includes('صحراء النفود') && s.body.includes('صحراء النفود'));
  assert.ok(!before[1]!.body.includes('مرصد الصفحات') && o.body.includes('مرصد الصفحات'));
  assert.ok(!before[2]!.body.includes('صحراء النفود') && a.body.includes('صحراء النفود'));
});

test('with cacheStaleMs the page rendered before a write is served until it is that old', async () => {
  const patient = await buildApp({ store: f.store, adminToken: ADMIN_TOKEN, cacheStaleMs: 60_000 });
  try {
    const search = `/search?q=${encodeURIComponent('وعل')}`;
    const first = await get(patient, search);
    const missing = await get(patient, '/article/no-such-article');
    assert.equal(missing.status, 404);
    await ingest(f.store, [fresh('وعل على جبال السروات', 'مرصد الوعول')]);
    assert.deepEqual(await get(patient, search), first, 'stale, within 60 s');
    assert.equal((await get(patient, '/article/no-such-article')).status, 404, 'a remembered not-found is still a 404');
    assert.ok((await get(f.app, search)).body.includes('جبال السروات'), 'the default app sees it');
  } finally {
    await patient.close();
  }
});

test('an article page is the same when served again, and its 404 names what is missing', async () => {
  const id = (await f.store.listArticles({ limit: 1 }))[0]!.id;
  const a = await get(f.app, `/article/${id}`);
  assert.equal(a.status, 200);
  assert.deepEqual(await get(f.app, `/article/${id}`), a);
  const m = await get(f.app, '/story/no-such-story');
  assert.equal(m.status, 404);
  assert.match(m.body, /القصة غير موجودة/);
});
