/**
 * Both UI languages and the keyboard in a real browser (Debian's Chromium), over a real
 * server on loopback with the bundled sample:
 * - an Arabic browser gets the Arabic UI; the language switch turns the same page English
 *   (lang/dir of <html>, the words, the dates) and back, and the choice sticks across pages
 *   (a cookie); an Arabic article in the English UI stays right to left;
 * - the shortcuts script (the one script, from the site, under the CSP): j/k move the focus
 *   between items, o opens the current one, / goes to search, ? opens the help, m/s press
 *   the current item's `data-action="read"|"star"` control (a form is submitted);
 * - with JavaScript off, the pages still work and the help button stays hidden.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, chromiumMissing, launchChromium } from './chromium.ts';
import { webFixture, type WebFixture, listenLoopback } from '../web/fixture.ts';

const skip = chromiumMissing();
let fx: WebFixture;
let browser: Browser;
let base = '';
let articleId = '';

before(async () => {
  if (skip) return;
  fx = await webFixture();
  base = await listenLoopback(fx.app);
  articleId = (await fx.store.search({ q: 'شويجو', limit: 1 })).hits[0]!.id;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await fx?.close();
});

async function withPage(o: { locale: string; javaScriptEnabled?: boolean }, fn: (page: Page, context: BrowserContext, csp: string[]) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ locale: o.locale, javaScriptEnabled: o.javaScriptEnabled ?? true, viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const csp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
  });
  try {
    await fn(page, context, csp);
  } finally {
    await context.close();
  }
}

const dirOf = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => getComputedStyle(e).direction);

test('switch to English and back: <html lang dir>, words and dates follow; an Arabic article stays RTL', { skip }, async () => {
  await withPage({ locale: 'ar-SA' }, async (page, context, csp) => {
    await page.goto(`${base}/article/${articleId}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.match((await page.locator('article p.meta').textContent()) ?? '', /تاريخ النشر: .*سبتمبر/);

    // The switch, named in English, leads back to this very page in English.
    const toEnglish = page.locator('a.lang');
    assert.equal(await toEnglish.getAttribute('lang'), 'en');
    await Promise.all([page.waitForURL(`${base}/article/${articleId}`), toEnglish.click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    assert.equal(await dirOf(page, 'header.site nav'), 'ltr');
    assert.deepEqual(await page.locator('header.site nav a').allTextContents(), ['Stories', 'Outlets', 'Search', 'Log in']);
    assert.match((await page.locator('article p.meta').textContent()) ?? '', /Published: .*September 2023/);
    // The article keeps its own language and direction inside the English page.
    assert.equal(await page.getAttribute('article', 'lang'), 'ar');
    assert.equal(await dirOf(page, 'article h1'), 'rtl');
    assert.equal(await dirOf(page, 'article .body p'), 'rtl');
    assert.equal(await dirOf(page, 'article p.meta'), 'ltr', 'the UI words inside the article are English, left to right');
    await page.screenshot({ path: `${ARTIFACTS}20-article-english.png` });

    // The choice sticks: another page, no switch, still English (a cookie, not the browser's Arabic).
    assert.ok((await context.cookies()).some((c) => c.name === 'lang' && c.value === 'en'));
    await page.goto(`${base}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match((await page.locator('h1').first().textContent()) ?? '', /Most covered|Latest stories/);
    assert.match((await page.locator('section.story .badge').first().textContent()) ?? '', /^\d+ outlets$/);
    await page.screenshot({ path: `${ARTIFACTS}21-home-english.png` });

    // And back to Arabic, on the same page.
    const toArabic = page.locator('a.lang');
    assert.equal(await toArabic.getAttribute('lang'), 'ar');
    await Promise.all([page.waitForURL(`${base}/`), toArabic.click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.deepEqual(await page.locator('header.site nav a').allTextContents(), ['القصص', 'المصادر', 'البحث', 'دخول']);
    assert.match((await page.locator('section.story .badge').first().textContent()) ?? '', /^([٠-٩]+ مصادر|[٠-٩]+ مصدراً|مصدران)$/);
    assert.deepEqual(csp, [], 'no CSP violation');
  });
});

test('an English browser gets the English UI with no cookie (Accept-Language)', { skip }, async () => {
  await withPage({ locale: 'en-GB' }, async (page) => {
    await page.goto(`${base}/outlets`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('h1').textContent(), 'Outlets');
  });
});

/** Index of the [data-item] holding the focus, or -1. */
const focusedItem = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll('[data-item]')).findIndex((el) => el.contains(document.activeElement)));

test('shortcuts: j/k move the focus between items, o opens, / searches, ? shows the help', { skip }, async () => {
  await withPage({ locale: 'ar-SA' }, async (page, _context, csp) => {
    await page.goto(`${base}/search?q=${encodeURIComponent('ايران')}`);
    assert.ok((await page.locator('[data-item]').count()) >= 5);
    assert.equal(await focusedItem(page), -1);
    await page.keyboard.press('j');
    assert.equal(await focusedItem(page), 0);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    assert.equal(await focusedItem(page), 2);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('h2') !== null), true, 'the focus is on the item\'s title link');
    assert.equal(await page.locator('[data-item].kbd-current').count(), 1);
    await page.keyboard.press('k');
    assert.equal(await focusedItem(page), 1);
    // With an Arabic keyboard layout the J key types «ت»: the key's position still means j.
    const arabicKey = (key: string, code: string) => page.evaluate(([k, c]) => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, code: c, bubbles: true, cancelable: true })), [key, code]);
    await arabicKey('ت', 'KeyJ');
    assert.equal(await focusedItem(page), 2);
    await arabicKey('ن', 'KeyK');
    assert.equal(await focusedItem(page), 1);

    // `/` goes to the search field; letters typed there are text, not shortcuts.
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-shortcut')), 'search');
    await page.keyboard.type('jk');
    assert.match(await page.locator('header input[name=q]').inputValue(), /jk$/);
    assert.equal(await focusedItem(page), -1);

    // `?` opens the help in the page's language; Escape closes it.
    await page.locator('h1').click();
    await page.keyboard.press('?');
    assert.equal(await page.locator('dialog#shortcuts').evaluate((d) => (d as HTMLDialogElement).open), true);
    assert.equal(await page.locator('dialog#shortcuts h2').textContent(), 'اختصارات لوحة المفاتيح');
    await page.screenshot({ path: `${ARTIFACTS}22-shortcuts-help.png` });
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('dialog#shortcuts').evaluate((d) => (d as HTMLDialogElement).open), false);
    assert.equal(await page.locator('button[data-shortcut=help]').isVisible(), true, 'the help button shows once the script runs');

    // The position is remembered while the focus was elsewhere (on item 1 before `/`): `j` goes to item 2; `o` opens it.
    await page.keyboard.press('j');
    assert.equal(await focusedItem(page), 2);
    const href = await page.locator('[data-item]').nth(2).locator('h2 a').getAttribute('href');
    await Promise.all([page.waitForURL(`${base}${href}`), page.keyboard.press('o')]);
    assert.ok(await page.locator('article h1').isVisible());
    assert.deepEqual(csp, [], 'no CSP violation');
  });
});

test('shortcuts: m and s press the current item\'s data-action controls (a form is submitted)', { skip }, async () => {
  await withPage({ locale: 'en-GB' }, async (page) => {
    await page.goto(`${base}/`);
    // What the accounts pages will render: a read button and a star form in each item.
    await page.evaluate(() => {
      (window as unknown as { pressed: string[] }).pressed = [];
      document.querySelectorAll('[data-item]').forEach((item, i) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset.action = 'read';
        b.addEventListener('click', () => (window as unknown as { pressed: string[] }).pressed.push(`read ${i}`));
        item.append(b);
        const f = document.createElement('form');
        f.dataset.action = 'star';
        f.action = '/search';
        f.method = 'get';
        f.innerHTML = `<input type="hidden" name="q" value="star-${i}">`;
        item.append(f);
      });
    });
    for (const k of ['j', 'j', 'j', 'm', 'k', 'm']) await page.keyboard.press(k);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { pressed: string[] }).pressed), ['read 2', 'read 1']);
    await Promise.all([page.waitForURL(/\/search\?q=star-1$/), page.keyboard.press('s')]);
  });
});

test('without JavaScript every page still works; the help button stays hidden', { skip }, async () => {
  await withPage({ locale: 'ar-SA', javaScriptEnabled: false }, async (page) => {
    await page.goto(`${base}/`);
    assert.ok((await page.locator('section.story').count()) >= 10);
    assert.equal(await page.locator('button[data-shortcut=help]').isVisible(), false);
    assert.equal(await page.locator('dialog#shortcuts').isVisible(), false);
    await page.fill('header input[name=q]', 'ايران');
    await Promise.all([page.waitForURL(/\/search\?q=/), page.press('header input[name=q]', 'Enter')]);
    assert.ok((await page.locator('section.hit').count()) >= 5);
    await Promise.all([page.waitForURL(/\/search\?q=/), page.locator('a.lang').click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the language switch is a plain link');
  });
});
