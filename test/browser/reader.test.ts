/**
 * The reader in a real browser (Debian's Chromium through playwright-core), over a real
 * server on loopback with the bundled sample: home → story → article → keyword, and a
 * search typed `ايران` that finds articles written `إيران`. Screenshots are saved under
 * artifacts/screenshots/ for a person to look at.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, chromiumMissing, launchChromium } from './chromium.ts';
import { webFixture, type WebFixture, listenLoopback } from '../web/fixture.ts';

const skip = chromiumMissing();
let fx: WebFixture;
let browser: Browser;
let page: Page;
let base = '';

before(async () => {
  if (skip) return;
  fx = await webFixture();
  base = await listenLoopback(fx.app);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: 'ar' });
});

after(async () => {
  await browser?.close();
  await fx?.close();
});

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: false });

test('home → story → article → keyword, on a phone-sized screen', { skip }, async () => {
  await page.goto(`${base}/`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.ok((await page.locator('section.story').count()) >= 10);
  await shot('01-home');

  // A story carried by several outlets.
  const multi = (await fx.store.listStories({ limit: 500 })).find((s) => s.outlets.length >= 3 && s.articleIds.length >= 3)!;
  assert.ok(multi, 'a story with three or more outlets exists');
  await page.goto(`${base}/story/${encodeURIComponent(multi.id)}`);
  assert.equal(await page.locator('section.item').count(), multi.articleIds.length);
  assert.equal(await page.locator('.badge', { hasText: 'الأسبق' }).count(), 1);
  await shot('02-story');

  await page.locator('section.item h2 a').first().click();
  await page.waitForURL(/\/article\//);
  assert.ok(await page.locator('article h1').isVisible());
  assert.match((await page.locator('p.meta').first().textContent()) ?? '', /GMT/);
  await shot('03-article');

  const keyword = page.locator('.tags a').first();
  const label = (await keyword.textContent())!.trim();
  await keyword.click();
  await page.waitForURL(/\/(entity|keyword)\//);
  assert.equal((await page.locator('h1').textContent())?.trim().length ? true : false, true);
  assert.ok((await page.locator('section.item').count()) >= 1, `the page for «${label}» lists articles`);
  await shot('04-keyword');
});

test('searching ايران finds articles that write إيران, highlighted', { skip }, async () => {
  await page.goto(`${base}/`);
  await page.fill('header input[name=q]', 'ايران');
  await page.press('header input[name=q]', 'Enter');
  await page.waitForURL(/\/search\?q=/);
  const hits = page.locator('section.hit');
  assert.ok((await hits.count()) >= 5);
  const marks = await page.locator('section.hit mark').allTextContents();
  assert.ok(marks.some((m) => /إيران|الإيراني/.test(m)), `highlighted in the article's spelling: ${marks.slice(0, 5).join(' | ')}`);
  await shot('05-search');
});
