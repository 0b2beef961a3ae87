/**
 * Accounts in a real browser (Debian's Chromium through playwright-core), over a real
 * server on loopback with the bundled sample (issue 12): log in through the form, follow
 * an entity with its page's button, open one copy of a multi-outlet story, and see the
 * story read — on «أخباري» and next to the other copies on the story page. Every form is
 * a real form post, so the CSRF checks (Origin and the form token) run as in use. On an
 * article page, the `m` shortcut submits its read / unread form: the story turns unread, then read.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, chromiumMissing, launchChromium } from './chromium.ts';
import { webFixture, type WebFixture, listenLoopback } from '../web/fixture.ts';
import { createUser } from '../../src/accounts/service.ts';
import type { StorySummary } from '../../src/model/reader.ts';
import type { Article } from '../../src/model/article.ts';

const skip = chromiumMissing();
let fx: WebFixture;
let browser: Browser;
let page: Page;
let base = '';

before(async () => {
  if (skip) return;
  fx = await webFixture();
  base = await listenLoopback(fx.app);
  await createUser(fx.store.accounts, { name: 'qari', password: 'browser password', role: 'reader' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: 'ar' });
});

after(async () => {
  await browser?.close();
  await fx?.close();
});

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: false });

test('log in, follow an entity, read one copy of a multi-outlet story and see the story read', { skip }, async () => {
  // A story three outlets carried, whose first copy mentions an entity.
  let story: StorySummary | undefined;
  let copies: Article[] = [];
  for (const s of await fx.store.listStories({ limit: 1000 })) {
    if (s.outlets.length < 3) continue;
    copies = await fx.store.getArticles(s.articleIds);
    if ((copies[0]!.entities ?? []).length) {
      story = s;
      break;
    }
  }
  assert.ok(story, 'the sample has a story carried by three outlets');
  const entity = copies[0]!.entities![0]!;

  await page.goto(`${base}/`);
  await page.click('nav.account a[href="/login"]');
  await page.fill('input[name="name"]', 'qari');
  await page.fill('input[name="password"]', 'browser password');
  await Promise.all([page.waitForURL(`${base}/me`), page.click('form.login button[type="submit"]')]);
  assert.match(await page.locator('nav.account').innerText(), /qari/);
  await shot('acc-01-my-news-everything');

  await page.goto(`${base}/entity/${encodeURIComponent(entity.id)}`);
  await Promise.all([page.waitForURL(/\/entity\//), page.click('.follow-bar button.follow')]);
  assert.equal(await page.locator('.follow-bar button.following').getAttribute('aria-pressed'), 'true');

  await page.goto(`${base}/me`);
  assert.match(await page.locator('.unread-counts').innerText(), new RegExp(entity.name));
  const item = page.locator(`.my-item[data-story="${story!.id}"]`);
  assert.equal(await item.count(), 1, 'the story is among the followed entity\'s');
  assert.equal(await item.locator('.badge.read').count(), 0, 'unread before');
  await shot('acc-02-following');

  // Read one copy.
  await page.goto(`${base}/article/${copies[0]!.id}`);
  assert.equal(await page.locator('article h1').count(), 1);

  await page.goto(`${base}/me`);
  assert.equal(await item.locator('.badge.read').count(), 1, 'the story is read on «أخباري»');
  assert.match((await item.getAttribute('class')) ?? '', /is-read/);
  await page.goto(`${base}/story/${encodeURIComponent(story!.id)}`);
  const others = copies.slice(1).map((c) => c.id);
  for (const id of others) {
    const row = page.locator('section.item', { has: page.locator(`a[href="/article/${id}"]`) });
    assert.equal(await row.locator('.badge.read').count(), 1, `copy ${id} shows read`);
  }
  await shot('acc-03-story-read');
});

test('the `m` shortcut on an article page toggles its story unread and read again (the page\'s read form)', { skip }, async () => {
  // Logged in by the test above; opening the article reads its story.
  const story = (await fx.store.listStories({ limit: 1000 })).find((s) => s.articleIds.length >= 2)!;
  const id = story.articleIds[0]!;
  const qari = (await fx.store.accounts.findUserByName('qari'))!;
  const readAt = async () => (await fx.store.accounts.storyReadStates(qari.id, [story.id]))[0]!.readAt;
  await page.goto(`${base}/article/${id}`);
  assert.notEqual(await readAt(), null, 'opened: read');
  const toggle = page.locator('form[data-action="read"] button');
  assert.equal(await toggle.innerText(), 'تعليم كغير مقروء');

  await Promise.all([page.waitForURL(`${base}/article/${id}?kept=unread`), page.keyboard.press('m')]);
  assert.equal(await readAt(), null, 'm: unread');
  assert.equal(await toggle.innerText(), 'تعليم كمقروء');
  await shot('acc-04-article-unread');

  await Promise.all([page.waitForURL(`${base}/article/${id}`), page.keyboard.press('m')]);
  assert.notEqual(await readAt(), null, 'm again: read');
  assert.equal(await toggle.innerText(), 'تعليم كغير مقروء');
});
