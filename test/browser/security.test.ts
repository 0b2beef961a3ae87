/**
 * Issue 13 in a real browser (Debian's Chromium), under a non-loopback host name
 * (`--host-resolver-rules=MAP marsad.test 127.0.0.1`), since loopback is exempt from what
 * broke: over plain HTTP the stylesheet loads and the search and login forms submit
 * (defect 4: on main upgrade-insecure-requests sent them to https); a page on another
 * port of the same host that auto-submits forms to the admin, with the admin's cookie in
 * the browser, is refused (defect 2: on main it created the source, 303); a 5,000-char
 * word does not widen the page (defect 10).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, chromiumMissing, launchChromium } from './chromium.ts';
import { ADMIN_TOKEN, webFixture, type WebFixture } from '../web/fixture.ts';
import { makeArticle } from '../../src/model/article.ts';
import { ingest } from '../../src/pipeline/index.ts';

const skip = chromiumMissing();
let fx: WebFixture;
let browser: Browser;
let page: Page;
let attacker: Server;
let site = '';
let evil = '';
const requested: string[] = [];
let longId = '';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

before(async () => {
  if (skip) return;
  const port = await freePort();
  site = `http://marsad.test:${port}`;
  fx = await webFixture({ baseUrl: site });
  await fx.app.listen({ port, host: '127.0.0.1' });
  const word = 'ا'.repeat(2500) + 'b'.repeat(2500);
  const [r] = await ingest(fx.store, [makeArticle({ title: `عنوان فيه كلمة طويلة ${word.slice(0, 3000)}`, text: `فقرة أولى.\n\n${word}\n\nفقرة أخيرة.`, url: 'https://long.example/1', outlet: 'واس', publishedAt: '2030-01-01T00:00:00.000Z', lang: 'ar' })]);
  longId = r!.id;
  // The attacker: another port of the same host, serving pages that auto-submit to the admin.
  attacker = createServer((req, res) => {
    const forms: Record<string, string> = {
      '/add.html': `<form id="f" method="post" action="${site}/admin/sources"><input name="url" value="https://attacker.example/forged.xml"></form>`,
      '/opml.html': `<form id="f" method="post" enctype="text/plain" action="${site}/api/v1/sources/import"><input name='<opml version="2.0"><body><outline type="rss" text="x" xmlUrl="https://attacker.example/opml.xml"/></body></opml><!--' value="-->"></form>`,
    };
    const f = forms[req.url ?? ''];
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><body>${f}<script>document.getElementById('f').submit()</script></body>`);
  });
  await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
  evil = `http://marsad.test:${(attacker.address() as AddressInfo).port}`;
  browser = await launchChromium(['--host-resolver-rules=MAP marsad.test 127.0.0.1']);
  page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: 'ar' });
  page.on('request', (r) => requested.push(r.url()));
});

after(async () => {
  await browser?.close();
  attacker?.close();
  await fx?.close();
});

test('over plain HTTP under a real host name, the stylesheet loads and the search and login forms submit', { skip }, async () => {
  await page.goto(`${site}/`);
  // The stylesheet applied: the header has its background colour (var(--soft)).
  assert.equal(await page.locator('header.site').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(245, 247, 248)');
  await page.fill('header input[name=q]', 'ايران');
  await page.press('header input[name=q]', 'Enter');
  await page.waitForURL(/\/search\?q=/);
  assert.ok(page.url().startsWith(`${site}/search?q=`), page.url());
  assert.ok((await page.locator('section.hit').count()) >= 5);
  await page.goto(`${site}/admin`);
  await page.fill('input[name=token]', ADMIN_TOKEN);
  await Promise.all([page.waitForResponse((r) => r.url() === `${site}/admin` && r.request().method() === 'GET'), page.click('form[action="/admin/login"] button')]);
  assert.equal(await page.locator('h1').textContent(), 'المصادر المشترك فيها');
  // A same-origin form with its token works in the browser (the Origin it sends is the site's).
  await page.fill('input[name=url]', 'https://feeds.example.com/browser.xml');
  await page.click('form[action="/admin/sources"] button');
  await page.waitForURL(/\/admin\?done=/);
  assert.ok((await fx.store.listSources()).some((s) => s.url === 'https://feeds.example.com/browser.xml'));
  await page.screenshot({ path: `${ARTIFACTS}10-admin-plain-http.png` });
  assert.deepEqual(requested.filter((u) => u.startsWith('https:')), [], 'nothing was upgraded to https');
});

test('a page on another port of the same host auto-submitting to the admin is refused, cookie and all', { skip }, async () => {
  // The admin is logged in: the cookie the login form sets is in this browser (set here, so this test stands alone).
  await page.context().addCookies([{ name: 'marsad_admin', value: ADMIN_TOKEN, url: site, httpOnly: true, sameSite: 'Strict' }]);
  for (const path of ['/add.html', '/opml.html']) {
    const answer = page.waitForResponse((r) => r.url().startsWith(site) && r.request().method() === 'POST');
    await page.goto(`${evil}${path}`);
    const r = await answer;
    assert.ok(r.status() === 403 || r.status() === 415, `${path}: ${r.status()}`);
  }
  const urls = (await fx.store.listSources()).map((s) => s.url);
  assert.ok(!urls.some((u) => u.includes('attacker.example')), `forged sources: ${urls.join(' ')}`);
});

test('a 5,000-character word does not widen the page', { skip }, async () => {
  for (const path of [`/article/${longId}`, '/', `/search?q=${encodeURIComponent('كلمة طويلة')}`]) {
    await page.goto(`${site}${path}`);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `${path}: page is ${scroll}px wide in a ${inner}px window`);
  }
  await page.goto(`${site}/article/${longId}`);
  await page.screenshot({ path: `${ARTIFACTS}11-long-word.png` });
});
