/**
 * Both UI languages over HTTP (fastify inject, the real app over the bundled sample):
 * the language comes from the `lang` cookie, else Accept-Language, else Arabic; pages,
 * errors, admin and feed titles follow it; the read cache keeps one copy per language
 * (the same URL asked in turn in each language is answered in each); replies say
 * `Vary: Accept-Language, Cookie`; the switch sets the cookie and returns to a local path
 * only; pages load no inline script, only /static/keys.js. And no UI text is written in
 * the web layer's code: every string with Arabic letters in src/web lives in a catalog.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ADMIN_TOKEN, webFixture, type WebFixture } from './fixture.ts';
import { searchNotice } from '../../src/web/i18n/notices.ts';
import { ui } from '../../src/web/i18n/index.ts';

let fx: WebFixture;
before(async () => {
  fx = await webFixture();
});
after(async () => fx?.close());

const EN = { 'accept-language': 'en-GB,en;q=0.9' };
const AR = { 'accept-language': 'ar-SA,ar;q=0.9' };
const get = (url: string, headers: Record<string, string> = {}) => fx.app.inject({ method: 'GET', url, headers });
const htmlLang = (body: string) => /<html lang="(\w+)" dir="(\w+)">/.exec(body)?.slice(1);

describe('which language a request gets', () => {
  test('no header: Arabic; Accept-Language: negotiated; the cookie wins over the header', async () => {
    assert.deepEqual(htmlLang((await get('/outlets')).body), ['ar', 'rtl']);
    assert.deepEqual(htmlLang((await get('/outlets', EN)).body), ['en', 'ltr']);
    assert.deepEqual(htmlLang((await get('/outlets', { 'accept-language': 'fr-FR, en;q=0.3' })).body), ['en', 'ltr']);
    assert.deepEqual(htmlLang((await get('/outlets', { 'accept-language': 'fr, de' })).body), ['ar', 'rtl']);
    assert.deepEqual(htmlLang((await get('/outlets', { ...EN, cookie: 'lang=ar' })).body), ['ar', 'rtl']);
    assert.deepEqual(htmlLang((await get('/outlets', { ...AR, cookie: 'x=1; lang=en' })).body), ['en', 'ltr']);
  });

  test('the switch sets the cookie and returns to a path of this site, never elsewhere', async () => {
    const r = await get(`/lang/en?next=${encodeURIComponent('/search?q=ايران')}`);
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, `/search?q=${encodeURIComponent('ايران')}`);
    assert.match(String(r.headers['set-cookie']), /^lang=en; Path=\/; Max-Age=31536000; SameSite=Lax$/);
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const bad = await get(`/lang/ar?next=${encodeURIComponent(next)}`);
      assert.equal(bad.headers.location, '/', next);
    }
    const unknown = await get('/lang/fr?next=/outlets');
    assert.equal(unknown.statusCode, 303);
    assert.equal(unknown.headers['set-cookie'], undefined);
  });
});

describe('pages in English', () => {
  test('home, story and search: English words, counts and pager; data keep their own direction', async () => {
    const home = (await get('/', EN)).body;
    assert.match(home, /<h1>Most covered<\/h1>/);
    assert.match(home, /<span class="badge">\d+ outlets<\/span>/);
    assert.match(home, /<nav aria-label="Sections">/);
    assert.match(home, /<a class="lang" href="\/lang\/ar\?next=%2F" lang="ar" hreflang="ar">العربية<\/a>/);
    const story = (await fx.store.listStories({ limit: 500 })).find((s) => s.outlets.length >= 3)!;
    const s = (await get(`/story/${encodeURIComponent(story.id)}`, EN)).body;
    assert.match(s, new RegExp(`${story.outlets.length} outlets · first seen`));
    assert.match(s, /<span class="badge">earliest<\/span>/);
    const search = (await get(`/search?q=${encodeURIComponent('السعودية')}`, EN)).body;
    assert.match(search, /[\d,]+ stories · <a href="[^"]+">CSV<\/a>/, 'one row per story by default');
    assert.match((await get(`/search?q=${encodeURIComponent('السعودية')}&collapse=none`, EN)).body, /[\d,]+ results · <a href="[^"]+">CSV<\/a>/);
    assert.match(search, /rel="next"[^>]*>Older →<\/a>/);
  });

  test('an Arabic article in the English UI keeps lang="ar" dir="rtl"; the UI words around it are English', async () => {
    const [hit] = (await fx.store.search({ q: 'شويجو', limit: 1 })).hits;
    const body = (await get(`/article/${hit!.id}`, EN)).body;
    assert.deepEqual(htmlLang(body), ['en', 'ltr']);
    assert.match(body, /<article lang="ar" dir="rtl">/);
    assert.match(body, /<p class="meta" lang="en" dir="ltr">Published: <time datetime="[^"]+">Wednesday, 20 September 2023<\/time>/);
    assert.match(body, /<h2>Keywords<\/h2>/);
    // In Arabic, the same page as before: Arabic date, Arabic words.
    assert.match((await get(`/article/${hit!.id}`)).body, /تاريخ النشر: <time datetime="[^"]+">الأربعاء، ٢٠ سبتمبر ٢٠٢٣<\/time>/);
  });

  test('entity and compare pages: English counts, caption and chart labels', async () => {
    const entity = (await get('/entity/country%3ASA', EN)).body;
    assert.match(entity, /<p class="meta">Country · [\d,]+ articles in [\d,]+ stories<\/p>/);
    assert.match(entity, /Number of stories per (day|week|month) \(GMT\)/);
    assert.match(entity, /<h2>Mentioned with it<\/h2>/);
    const compare = (await get(`/compare?e=${encodeURIComponent('السعودية')}&e=${encodeURIComponent('إيران')}`, EN)).body;
    assert.match(compare, /stor(y|ies) mentions? them all<\/h2>/);
    assert.match(compare, />Together</, 'the chart legend names the together series in English');
    assert.match(compare, /aria-label="Compare entities"/);
  });

  test('errors, admin and alerts admin in English', async () => {
    const missing = await get('/no/such/page', EN);
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /Page not found/);
    const bad = await get('/?page=0', EN);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Bad request<\/p><p class="notice error" dir="auto">page: /);
    assert.match((await get('/story/nope', EN)).body, /No such story/);
    assert.match((await get('/admin', EN)).body, /Admin token <input type="password"/);
    const cookie = { cookie: `marsad_admin=${ADMIN_TOKEN}; lang=en` };
    assert.match((await get('/admin', cookie)).body, /<h1>Subscribed sources<\/h1>/);
    assert.match((await get('/admin/alerts', cookie)).body, /<h2>Delivery log<\/h2>/);
  });

  test('feed titles follow the UI language; each entry says its own language', async () => {
    const en = (await get('/feed.atom', EN)).body;
    assert.match(en, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="en">/);
    assert.match(en, /<title>Marsad — latest stories<\/title>/);
    assert.match(en, /<entry xml:lang="ar">/);
    assert.match((await get('/feed.atom')).body, /<title>مرصد — أحدث القصص<\/title>/);
  });
});

test('every notice the real search gives is shown from the catalog, in both languages', async () => {
  const words = Array.from({ length: 40 }, (_, i) => `كلمة${i}`).join(' ');
  const cases: Array<[string, Parameters<typeof fx.store.search>[0]]> = [
    ['unclosed', { q: '"وزير الدفاع', limit: 5 }],
    ['too many', { q: words, limit: 5 }],
    ['only excluded', { q: '-كورونا', limit: 5 }],
    ['stop words', { q: 'في من على', limit: 5 }],
    ['relaxed', { q: 'شويجو السعودية', limit: 5 }],
    ['bad date', { q: 'السعودية', from: 'yesterday', limit: 5 }],
  ];
  for (const [name, q] of cases) {
    const { notice } = await fx.store.search(q);
    assert.ok(notice, `${name}: the search gives a notice`);
    for (const lang of ['ar', 'en'] as const) {
      const shown = searchNotice(ui(lang), notice).value;
      assert.doesNotMatch(shown, /dir="auto"/, `${name} (${lang}): every sentence known: ${notice}`);
      if (lang === 'ar') assert.doesNotMatch(shown.replace(/YYYY-MM-DD|from=yesterday/g, ''), /[A-Za-z]{3,}(?![^<]*>)/, `${name}: Arabic text: ${shown}`);
    }
  }
  // An unknown sentence is kept as it came, isolated.
  assert.equal(searchNotice(ui('ar'), 'Something new.').value, '<span dir="auto">Something new.</span>');
  const page = (await get(`/search?q=${encodeURIComponent('في من على')}`)).body;
  assert.match(page, /<p class="notice" role="status"><span>في الاستعلام كلمات شائعة/);
});

describe('caching and headers', () => {
  test('the read cache keeps a copy per language: one URL asked in turn in each is answered in each', async () => {
    for (const url of ['/', '/outlets', `/search?q=${encodeURIComponent('ايران')}`, '/feed.atom']) {
      for (const [headers, lang] of [[EN, 'en'], [AR, 'ar'], [{}, 'ar'], [EN, 'en'], [{ cookie: 'lang=en' }, 'en']] as const) {
        const r = await get(url, headers);
        assert.equal(r.statusCode, 200, url);
        const got = url.endsWith('.atom') ? /<feed [^>]*xml:lang="(\w+)"/.exec(r.body)?.[1] : htmlLang(r.body)?.[0];
        assert.equal(got, lang, `${url} with ${JSON.stringify(headers)}`);
      }
    }
  });

  test('pages and feeds say Vary: Accept-Language, Cookie; the JSON API and the stylesheet do not', async () => {
    for (const url of ['/', '/outlets', '/feed.atom', '/no/such/page']) assert.equal((await get(url)).headers.vary, 'Accept-Language, Cookie', url);
    for (const url of ['/api/v1/outlets', '/static/style.css']) assert.equal((await get(url)).headers.vary, undefined, url);
  });

  test('pages load one script, from this site, and the CSP allows only that', async () => {
    const r = await get('/');
    assert.match(r.headers['content-security-policy'] as string, /script-src 'self'(;|$)/);
    const scripts = [...r.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.deepEqual(scripts.map((m) => [m[1]!.trim(), m[2]]), [['src="/static/keys.js" defer', '']]);
    const js = await get('/static/keys.js');
    assert.equal(js.statusCode, 200);
    assert.match(js.headers['content-type'] as string, /^text\/javascript/);
    assert.match(js.body, /data-action/);
  });
});

test('no UI text in the web layer\'s code: every string literal with Arabic letters in src/web is in a catalog', () => {
  const root = new URL('../../src/web/', import.meta.url).pathname;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.ts') && !n.endsWith('.test.ts')) files.push(p);
    }
  };
  walk(root);
  const found: string[] = [];
  for (const file of files) {
    // The OpenAPI document is API documentation (English), which names the Arabic UI term it maps.
    if (file.endsWith('api/openapi.ts')) continue;
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node) => {
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) && /[\u0600-\u06FF]/.test(n.text)) {
        found.push(`${file.slice(root.length)}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${n.text.slice(0, 60)}`);
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  assert.ok(files.length > 20, `${files.length} files read`);
  assert.deepEqual(found, []);
});
