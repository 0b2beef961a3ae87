/**
 * Accessibility audit in a real browser (Debian's Chromium): axe-core (through
 * @axe-core/playwright) on every page type — home, article, story, outlets, outlet,
 * entity, keyword, search, compare, admin (login and signed in), alerts admin, 404 and
 * 400, and a signed-in person's pages (login, «My news», saved, settings, users admin,
 * and the reader pages with their follow, read and star forms) — in Arabic and in English, over a real server on loopback with the bundled sample.
 * No serious or critical violation is allowed, and none of the three the issue named
 * (links told apart by colour alone, skipped heading levels, landmarks sharing a name)
 * at any impact. Every violation found is written to artifacts/a11y-<lang>.json.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { ARTIFACTS, chromiumMissing, launchChromium } from './chromium.ts';
import { ADMIN_TOKEN, webFixture, type WebFixture, listenLoopback } from '../web/fixture.ts';
import { createUser } from '../../src/accounts/service.ts';
import { SESSION_COOKIE } from '../../src/web/accounts/session.ts';

const skip = chromiumMissing();
let fx: WebFixture;
let browser: Browser;
let base = '';
let urls: Array<[string, string]> = [];
let session = '';

/** The rules behind the three defects the issue names: failed at any impact. */
const NAMED = ['link-in-text-block', 'heading-order', 'landmark-unique'];

before(async () => {
  if (skip) return;
  fx = await webFixture();
  base = await listenLoopback(fx.app);
  // An alert with a webhook, so the alerts page shows its table, actions and log.
  const made = await fx.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: { name: 'وزير الدفاع', query: '"وزير الدفاع"' } });
  assert.equal(made.statusCode, 201, made.body);
  const [hit] = (await fx.store.search({ q: 'شويجو', limit: 1 })).hits;
  const article = (await fx.store.getArticle(hit!.id))!;
  const story = (await fx.store.listStories({ limit: 500 })).find((s) => s.outlets.length >= 3)!;
  const keyword = (article.keywords ?? article.tags).find((k) => !(article.entities ?? []).some((e) => e.name === k))!;
  const e = encodeURIComponent;
  urls = [
    ['home', '/'],
    ['article', `/article/${article.id}`],
    ['story', `/story/${e(story.id)}`],
    ['outlets', '/outlets'],
    ['outlet', `/outlet/${e('واس')}`],
    ['entity', '/entity/country%3ASA'],
    ['keyword', `/keyword/${e(keyword)}`],
    ['search', `/search?q=${e('ايران')}`],
    ['search form', '/search'],
    ['compare', `/compare?e=${e('السعودية')}&e=${e('إيران')}`],
    ['admin login', '/admin?login'],
    ['admin', '/admin'],
    ['alerts admin', '/admin/alerts'],
    ['404', '/no/such/page'],
    ['400', '/?page=0'],
    ['login', '/login'],
    ['person: my news', '/me'],
    ['person: saved', '/me/starred'],
    ['person: settings', '/settings'],
    ['person: users admin', '/admin/users'],
    ['person: entity', '/entity/country%3ASA'],
    ['person: article', `/article/${article.id}`],
    ['person: search', `/search?q=${e('ايران')}`],
  ];
  // A person (an admin, so the users page opens too), logged in through the real form.
  await createUser(fx.store.accounts, { name: 'mudir', password: 'audit password 1', role: 'admin' });
  const login = await fetch(`${base}/login`, { method: 'POST', redirect: 'manual', headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=mudir&password=audit+password+1&next=%2F' });
  assert.equal(login.status, 303);
  session = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(login.headers.get('set-cookie') ?? '')![1]!;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await fx?.close();
});

for (const lang of ['ar', 'en'] as const) {
  test(`axe: no serious or critical violation on any page type, in ${lang === 'ar' ? 'Arabic' : 'English'}`, { skip }, async () => {
    // The browser's language picks the UI (Accept-Language); no cookie is set.
    const context = await browser.newContext({ locale: lang === 'ar' ? 'ar-SA' : 'en-GB', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const found: Array<{ page: string; id: string; impact: string | null | undefined; help: string; nodes: string[] }> = [];
    try {
      for (const [name, url] of urls) {
        const signedIn = name === 'admin' || name === 'alerts admin';
        const person = name.startsWith('person:');
        await context.clearCookies();
        if (signedIn) await context.addCookies([{ name: 'marsad_admin', value: ADMIN_TOKEN, url: base, httpOnly: true, sameSite: 'Strict' }]);
        if (person) await context.addCookies([{ name: SESSION_COOKIE, value: session, url: base, httpOnly: true, sameSite: 'Lax' }]);
        const r = await page.goto(`${base}${url}`);
        assert.ok(r, url);
        assert.equal(await page.getAttribute('html', 'lang'), lang, `${name}: <html lang>`);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr', `${name}: <html dir>`);
        if (signedIn || person) assert.equal(await page.locator('input[name=_csrf]').count() > 0, true, `${name}: signed in`);
        // (Legacy mode: axe.run in the page itself. The default runs each frame's part and then
        // opens a blank page to finish, which doubled the audit's time; the pages have no frames.)
        const result = await new AxeBuilder({ page }).setLegacyMode().analyze();
        for (const v of result.violations) found.push({ page: name, id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) });
      }
    } finally {
      writeFileSync(`${ARTIFACTS}../a11y-${lang}.json`, JSON.stringify(found, null, 2));
      await context.close();
    }
    const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical' || NAMED.includes(v.id));
    assert.deepEqual(bad, [], `violations:\n${bad.map((v) => `${v.page}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.join(' | ')}`).join('\n')}`);
  });
}

test('control: the audit sees what it must refuse (colour-only links, a skipped heading, two unnamed navs)', { skip }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.setContent(`<!doctype html><html lang="en"><head><title>control</title><style>body{color:#1d1f23}a{color:#0b6e4f;text-decoration:none}</style></head><body>
<nav><a href="/a">a</a></nav><main><h1>Title</h1><h4>Skipped</h4><p>Some text with <a href="/b">a link</a> inside a sentence of text that goes on.</p></main><nav><a href="/c">c</a></nav></body></html>`);
    const ids = (await new AxeBuilder({ page }).setLegacyMode().analyze()).violations.map((v) => v.id);
    for (const id of NAMED) assert.ok(ids.includes(id), `${id} found: ${ids.join(', ')}`);
  } finally {
    await context.close();
  }
});
