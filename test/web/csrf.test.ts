/**
 * Issue 13, defects 1 and 2 on the web side: admin writes forged from another origin of
 * the same site are refused (Origin/Referer and the per-session form token), JSON and
 * OPML endpoints take only their own content types, feeds at internal addresses cannot
 * be subscribed by any route, and the source list with its poll errors is admin-only.
 * On main a cross-origin auto-submitted form created the source (303) and text/plain OPML
 * was imported (200). In-process over a real SQLite store (fastify inject).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_TOKEN, webFixture, type WebFixture } from './fixture.ts';

const SITE = 'http://marsad.test:8080';
const OTHER = 'http://marsad.test:9999';
let fx: WebFixture;
let cookie = '';
let token = '';

before(async () => {
  fx = await webFixture({ baseUrl: SITE });
  cookie = `marsad_admin=${ADMIN_TOKEN}`;
  token = /name="_csrf" value="([^"]+)"/.exec((await fx.app.inject({ url: '/admin', headers: { cookie } })).body)?.[1] ?? '';
});
after(async () => fx?.close());

const form = (url: string, body: string, headers: Record<string, string> = {}) =>
  fx.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers } });
const sourceUrls = async () => (await fx.store.listSources()).map((s) => s.url);

describe('CSRF: cookie-authenticated writes', () => {
  test('the cross-origin auto-submitted form (POST /admin/sources) is refused and creates nothing', async () => {
    const feed = 'https://feeds.example.com/forged.xml';
    // What a page on another port of the same host auto-submits: the browser adds the cookie and its Origin.
    const forged = await form('/admin/sources', `url=${encodeURIComponent(feed)}`, { origin: OTHER });
    assert.equal(forged.statusCode, 403);
    assert.match(forged.body, /csrf\.origin/);
    // Even with a stolen-looking token field, a foreign Origin is refused.
    assert.equal((await form('/admin/sources', `url=${encodeURIComponent(feed)}&_csrf=${token}`, { origin: OTHER })).statusCode, 403);
    // No Origin and no Referer (or Origin: null): refused too.
    assert.equal((await form('/admin/sources', `url=${encodeURIComponent(feed)}&_csrf=${token}`)).statusCode, 403);
    assert.equal((await form('/admin/sources', `url=${encodeURIComponent(feed)}&_csrf=${token}`, { origin: 'null' })).statusCode, 403);
    // A Referer of another origin is as foreign as its Origin.
    assert.equal((await form('/admin/sources', `url=${encodeURIComponent(feed)}&_csrf=${token}`, { referer: `${OTHER}/attack.html` })).statusCode, 403);
    assert.ok(!(await sourceUrls()).includes(feed));
  });

  test('same origin without the form token, or with a wrong one, is refused', async () => {
    const feed = 'https://feeds.example.com/no-token.xml';
    const none = await form('/admin/sources', `url=${encodeURIComponent(feed)}`, { origin: SITE });
    assert.equal(none.statusCode, 403);
    assert.match(none.body, /csrf\.token/);
    assert.equal((await form('/admin/sources', `url=${encodeURIComponent(feed)}&_csrf=${token.slice(1)}x`, { origin: SITE })).statusCode, 403);
    assert.equal((await form('/admin/sources/starter', `_csrf=`, { origin: SITE })).statusCode, 403);
    assert.ok(!(await sourceUrls()).includes(feed));
  });

  test('a same-origin form with the token works (by Origin, or by Referer when Origin is absent)', async () => {
    assert.ok(token, 'the admin page carries a form token');
    const a = 'https://feeds.example.com/same-origin.xml';
    const byOrigin = await form('/admin/sources', `url=${encodeURIComponent(a)}&title=x&_csrf=${encodeURIComponent(token)}`, { origin: SITE });
    assert.equal(byOrigin.statusCode, 303);
    const b = 'https://feeds.example.com/by-referer.xml';
    const byReferer = await form('/admin/sources', `url=${encodeURIComponent(b)}&_csrf=${encodeURIComponent(token)}`, { referer: `${SITE}/admin` });
    assert.equal(byReferer.statusCode, 303);
    assert.ok((await sourceUrls()).includes(a) && (await sourceUrls()).includes(b));
  });

  test('text/plain OPML to /api/v1/sources/import with the cookie is refused; nothing is imported', async () => {
    const before = (await sourceUrls()).length;
    const opml = '<opml version="2.0"><body><outline type="rss" text="x" xmlUrl="https://feeds.example.com/plain.xml"/></body></opml>';
    for (const origin of [OTHER, SITE]) {
      const r = await fx.app.inject({ method: 'POST', url: '/api/v1/sources/import', payload: opml, headers: { 'content-type': 'text/plain', cookie, origin } });
      assert.equal(r.statusCode, 415, origin);
    }
    // The right type from another origin is still a forgery.
    const xml = await fx.app.inject({ method: 'POST', url: '/api/v1/sources/import', payload: opml, headers: { 'content-type': 'text/x-opml', cookie, origin: OTHER } });
    assert.equal(xml.statusCode, 403);
    assert.equal((await sourceUrls()).length, before);
  });

  test('a login from another origin is refused; the bearer API needs no Origin', async () => {
    const login = await fx.app.inject({ method: 'POST', url: '/admin/login', payload: `token=${ADMIN_TOKEN}`, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: OTHER } });
    assert.equal(login.statusCode, 403);
    assert.equal(login.headers['set-cookie'], undefined);
    const api = await fx.app.inject({ method: 'POST', url: '/api/v1/sources', payload: { url: 'https://feeds.example.com/api.xml' }, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(api.statusCode, 201);
  });
});

describe('content types', () => {
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  test('POST /api/v1/sources takes application/json only', async () => {
    for (const [type, body] of [['application/x-www-form-urlencoded', 'url=https%3A%2F%2Ffeeds.example.com%2Fform.xml'], ['text/plain', '{"url":"https://feeds.example.com/form.xml"}'], ['multipart/form-data; boundary=x', '--x--']]) {
      const r = await fx.app.inject({ method: 'POST', url: '/api/v1/sources', payload: body, headers: { ...auth, 'content-type': type! } });
      assert.equal(r.statusCode, 415, type);
    }
    assert.ok(!(await sourceUrls()).includes('https://feeds.example.com/form.xml'));
  });
  test('OPML import takes text/x-opml, application/xml and text/xml', async () => {
    for (const [i, type] of ['text/x-opml', 'application/xml', 'text/xml; charset=utf-8'].entries()) {
      const opml = `<opml version="2.0"><body><outline type="rss" text="x" xmlUrl="https://feeds.example.com/t${i}.xml"/></body></opml>`;
      const r = await fx.app.inject({ method: 'POST', url: '/api/v1/sources/import', payload: opml, headers: { ...auth, 'content-type': type } });
      assert.equal(r.statusCode, 200, type);
    }
  });
});

describe('the address guard on every way to subscribe (defect 1)', () => {
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const internal = ['http://127.0.0.1:8080/x', 'http://localhost:631/', 'http://0.0.0.0/', 'http://2130706433/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://169.254.169.254/latest/meta-data/', 'http://10.1.2.3/feed'];
  test('POST /api/v1/sources refuses internal addresses with 400 naming the reason', async () => {
    for (const url of internal) {
      const r = await fx.app.inject({ method: 'POST', url: '/api/v1/sources', payload: { url }, headers: auth });
      assert.equal(r.statusCode, 400, url);
      assert.match((r.json() as { message: string }).message, /^url: refused/, url);
    }
  });
  test('the admin form refuses them too', async () => {
    for (const url of internal.slice(0, 4)) {
      const r = await form('/admin/sources', `url=${encodeURIComponent(url)}&_csrf=${encodeURIComponent(token)}`, { origin: SITE });
      assert.equal(r.statusCode, 400, url);
      assert.match(r.body, /fetch\.private_address/);
    }
  });
  test('OPML import subscribes the public feeds and lists the refused ones', async () => {
    const opml = `<opml version="2.0"><body>${['https://feeds.example.com/ok.xml', ...internal].map((u) => `<outline type="rss" text="x" xmlUrl="${u.replace(/&/g, '&amp;')}"/>`).join('')}</body></opml>`;
    const r = await fx.app.inject({ method: 'POST', url: '/api/v1/sources/import', payload: opml, headers: { ...auth, 'content-type': 'text/x-opml' } });
    assert.equal(r.statusCode, 200);
    const body = r.json() as { added: number; refused: Array<{ url: string; code: string }> };
    assert.equal(body.added, 1);
    assert.equal(body.refused.length, internal.length);
    assert.ok(body.refused.every((x) => x.code === 'fetch.private_address'));
    const urls = await sourceUrls();
    assert.ok(!urls.some((u) => internal.includes(u)), 'no internal feed was subscribed');
  });
  test('the source list and its errors are admin-only', async () => {
    assert.equal((await fx.app.inject({ url: '/api/v1/sources' })).statusCode, 401);
    assert.equal((await fx.app.inject({ url: '/api/v1/sources', headers: auth })).statusCode, 200);
    assert.equal((await fx.app.inject({ url: '/api/v1/metrics' })).statusCode, 401, 'so are the process metrics');
    const m = (await fx.app.inject({ url: '/api/v1/metrics?reset=1', headers: auth })).json() as { rssBytes: number; eventLoop: { p99Ms: number }; eventLoopTotal: { samples: number } };
    assert.ok(m.rssBytes > 10e6 && m.eventLoop.p99Ms >= 0 && m.eventLoopTotal.samples >= 0);
    const admin = await fx.app.inject({ url: '/admin' });
    assert.equal(admin.statusCode, 401);
    assert.doesNotMatch(admin.body, /feeds\.example\.com/);
  });
});
