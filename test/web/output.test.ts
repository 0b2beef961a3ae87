/**
 * Issue 13, output side (defects 4, 5, 8, 9, 10): every Atom feed stays well-formed XML
 * (a strict parser, saxes) when stored titles, outlets and keywords hold characters XML
 * 1.0 forbids, and the echoed query is filtered; links and ids come from the configured
 * base URL, never the Host header; a stored javascript:/data: URL is not a link; every
 * reply, errors included, carries the security headers; a malformed admin cookie is no
 * 500; a 500 is logged with its request id; the HTML search page and its feed share the
 * API's rate limit; mixed-direction names are isolated. Real SQLite store, inject.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { SaxesParser } from 'saxes';
import { webFixture, type WebFixture } from './fixture.ts';
import { buildApp } from '../../src/web/app.ts';
import { makeArticle } from '../../src/model/article.ts';
import { ingest } from '../../src/pipeline/index.ts';

const BASE = 'https://marsad.example';
const OUTLET = 'منفذ\uFFFF\u0002 عدائي';
const TITLES = ['إيران\uFFFF تعلن\u0001 عن اتفاق \u0008جديد مع روسيا ]]> <&>', 'موسكو\uFFFE وطهران \u001Fتوقعان اتفاقاً \uD800للتعاون'];
let fx: WebFixture;
let hostileIds: string[] = [];

/** Parses `xml` with a strict XML 1.0 parser; throws on the first well-formedness error. */
function strictXml(xml: string): void {
  new SaxesParser().write(xml).close();
}

before(async () => {
  fx = await webFixture({ baseUrl: BASE, trustProxy: '127.0.0.1' });
  const hostile = TITLES.map((title, i) =>
    makeArticle({ title, text: `قال وزير الخارجية الإيراني إن إيران وروسيا\u0003 اتفقتا على التعاون في مجال الطاقة. ${'نص '.repeat(30)} ${i}`, url: `https://hostile.example/${i}`, outlet: OUTLET, publishedAt: `2030-01-0${i + 1}T10:00:00.000Z`, lang: 'ar' }),
  );
  const results = await ingest(fx.store, hostile);
  hostileIds = results.map((r) => r.id);
});
after(async () => fx?.close());

const get = (url: string, headers: Record<string, string> = {}) => fx.app.inject({ url, headers });

describe('Atom feeds stay well-formed with hostile stored text (defect 5)', () => {
  test('site, outlet, entity, keyword and search feeds all parse strictly', async () => {
    const a = (await fx.store.getArticle(hostileIds[0]!))!;
    const keyword = a.keywords?.[0] ?? a.tags[0];
    assert.ok(keyword, 'the hostile article has a keyword');
    const feeds = ['/feed.atom', `/outlet/${encodeURIComponent(OUTLET)}/feed.atom`, '/entity/country%3AIR/feed.atom', `/keyword/${encodeURIComponent(keyword)}/feed.atom`, `/search.atom?q=${encodeURIComponent('إيران\uFFFF\u0001')}`];
    for (const url of feeds) {
      const r = await get(url);
      assert.equal(r.statusCode, 200, url);
      assert.doesNotThrow(() => strictXml(r.body), `${url} is well-formed XML`);
      assert.match(r.body, /<entry[ >]/, `${url} has entries`);
    }
    const home = (await get('/feed.atom')).body;
    assert.ok(home.includes('إيران تعلن عن اتفاق جديد مع روسيا'), 'the title is kept, less the forbidden characters');
    assert.ok(home.includes('منفذ عدائي'));
    const search = (await get(`/search.atom?q=${encodeURIComponent('إيران\uFFFF\u0001')}`)).body;
    assert.ok(search.includes('بحث: إيران') && !search.includes('\u0001') && !search.includes('\uFFFF'), 'the echoed query is filtered');
  });

  test('ids and links come from MARSAD_BASE_URL, never from the Host header (defect 10)', async () => {
    const r = await get('/feed.atom', { host: 'evil.example' });
    assert.ok(r.body.includes(`${BASE}/feed.atom`));
    assert.ok(r.body.includes(`${BASE}/article/`));
    assert.ok(!r.body.includes('evil.example'), 'the Host header is not echoed');
    const s = await get(`/search.atom?q=x`, { host: 'evil.example', 'x-forwarded-host': 'evil2.example' });
    assert.ok(!s.body.includes('evil'));
  });
});

describe('pages', () => {
  test('a stored javascript: or data: URL is not rendered as a link (defect 8)', async () => {
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'JAVASCRIPT:alert(1)']) {
      const [res] = await fx.store.upsertArticles([{ id: 'x', url, title: `عنوان ${url.length}`, text: 'نص المقال', publishedAt: '2015-08-11T10:00:00.000Z', outlet: 'واس', via: null, author: null, lang: 'ar', tags: [], readAlso: [], relatedTo: null }]);
      const r = await get(`/article/${res!.id}`);
      assert.equal(r.statusCode, 200);
      assert.doesNotMatch(r.body, /href="(javascript|data):/i);
      assert.doesNotMatch(r.body, /المقال في موقعه الأصلي/);
    }
    const ok = await get(`/article/${hostileIds[0]}`);
    assert.match(ok.body, /<a href="https:\/\/hostile\.example\/0" rel="noopener nofollow">المقال في موقعه الأصلي<\/a>/);
  });

  test('titles take their own direction; outlet and author names are isolated (defect 10)', async () => {
    const r = await get(`/article/${hostileIds[0]}`);
    assert.match(r.body, /<h1 dir="auto">/);
    assert.match(r.body, /المصدر: <a href="\/outlet\/[^"]+"><bdi>منفذ/);
    const home = await get('/');
    assert.match(home.body, /<h3><a href="[^"]+" dir="auto">/);
    assert.match(home.body, /<bdi>[^<]+<\/bdi><\/a>/);
  });
});

describe('errors (defect 9, 10)', () => {
  const securityHeaders = (h: Record<string, unknown>, what: string) => {
    assert.match(String(h['content-security-policy']), /default-src 'self'/, `${what}: CSP`);
    assert.equal(h['x-content-type-options'], 'nosniff', `${what}: nosniff`);
    assert.ok(h['x-frame-options'], `${what}: x-frame-options`);
  };

  test('400 for bad percent-encoding in the path, 404, 403, 415 all carry the security headers', async () => {
    const cases: Array<[string, Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>, number]> = [
      ['bad path', get('/article/%E0%A4%A'), 400],
      ['bad api path', get('/api/v1/articles/%E0%A4%A'), 400],
      ['404', get('/no-such-page'), 404],
      ['api 404', get('/api/v1/nope'), 404],
      ['403', fx.app.inject({ method: 'POST', url: '/admin/login', payload: 'token=x', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://other.example' } }), 403],
      ['415', fx.app.inject({ method: 'POST', url: '/api/v1/sources', payload: 'x', headers: { 'content-type': 'text/plain', authorization: 'Bearer x' } }), 415],
    ];
    for (const [what, p, status] of cases) {
      const r = await p;
      assert.equal(r.statusCode, status, what);
      securityHeaders(r.headers, what);
      assert.doesNotMatch(r.body, /\n\s+at .+:\d+:\d+/, `${what}: no stack`);
    }
  });

  test('a malformed admin cookie is ignored, never a 500', async () => {
    for (const cookie of ['marsad_admin=%E0%A4%A', 'marsad_admin=%', 'x=1; marsad_admin=%ZZ']) {
      assert.equal((await get('/admin', { cookie })).statusCode, 401, cookie);
      assert.equal((await get('/api/v1/sources', { cookie })).statusCode, 401, cookie);
      const post = await fx.app.inject({ method: 'POST', url: '/admin/sources', payload: 'url=https%3A%2F%2Fa.example%2F', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: BASE } });
      assert.equal(post.statusCode, 401, cookie);
    }
  });

  test('a 500 is logged with its request id through the app logger, and carries the headers', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, cb) => (lines.push(...chunk.toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)), cb()) });
    const broken = new Proxy(fx.store, {
      get(t, k) {
        if (k === 'listOutlets') return async () => Promise.reject(new Error('disk on fire'));
        const v = Reflect.get(t, k) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
      },
    });
    const app = await buildApp({ store: broken, adminToken: null, logger: pino({ level: 'warn' }, sink) });
    try {
      const r = await app.inject('/outlets');
      assert.equal(r.statusCode, 500);
      securityHeaders(r.headers, '500');
      assert.doesNotMatch(r.body, /disk on fire/);
      const line = lines.find((l) => l.msg === 'request failed');
      assert.ok(line, `a log line for the 500: ${JSON.stringify(lines)}`);
      assert.equal(line.level, 50);
      assert.ok(line.reqId, 'with the request id');
      assert.ok(r.body.includes(String(line.reqId)), 'the page names the request id for the operator');
      assert.match(JSON.stringify(line.err), /disk on fire/);
    } finally {
      await app.close();
    }
  });
});

describe('CSP upgrade only over HTTPS (defect 4)', () => {
  test('plain HTTP gets no upgrade-insecure-requests; a trusted proxy saying https does', async () => {
    const plain = await get('/');
    assert.doesNotMatch(String(plain.headers['content-security-policy']), /upgrade-insecure-requests/);
    assert.equal(plain.headers['strict-transport-security'], undefined);
    const proxied = await get('/', { 'x-forwarded-proto': 'https' });
    assert.match(String(proxied.headers['content-security-policy']), /upgrade-insecure-requests/);
    assert.ok(proxied.headers['strict-transport-security']);
    assert.equal(plain.headers['referrer-policy'], 'same-origin', 'same-origin posts keep their Origin');
  });
});

describe('rate limits are the same for a route\'s page, feed and API (defect 10)', () => {
  test('/search, /search.atom and /api/v1/search each answer 429 after the search limit', async () => {
    const limited = await webFixture({ rateLimit: { search: 3, write: 3 } });
    try {
      for (const url of ['/search?q=x', '/search.atom?q=x', '/api/v1/search?q=x']) {
        const codes: number[] = [];
        for (let i = 0; i < 5; i++) codes.push((await limited.app.inject({ url })).statusCode);
        assert.deepEqual(codes, [200, 200, 200, 429, 429], url);
      }
      const page = await limited.app.inject({ url: '/search?q=x' });
      assert.match(page.headers['content-type'] as string, /text\/html/);
      assert.ok(page.headers['content-security-policy']);
    } finally {
      await limited.close();
    }
  });
});
