/**
 * A person's UI language and the article page's read / unread toggle, over real HTTP on
 * loopback (issue 12), on a real SQLite store with the bundled sample:
 * - the setting (settings page, CSRF form) wins over the `lang` cookie and Accept-Language
 *   for that person only; the read cache, keyed by the resolved language, answers the same
 *   URL in Arabic to an anonymous reader and in English to the person; cleared, the
 *   browser decides again; the header's switch leads a person who has a setting to it;
 * - the toggle (`data-action="read"`, what `m` presses) marks the article's story unread
 *   and read again; coming back after «unread» does not mark it read.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { ADMIN_TOKEN, webFixture, type WebFixture, listenLoopback } from './fixture.ts';
import { Client } from './client.ts';
import { createUser } from '../../src/accounts/service.ts';
import { buildApp } from '../../src/web/app.ts';
import type { User } from '../../src/model/accounts.ts';

let fx: WebFixture;
let app: FastifyInstance;
let base = '';
let lina: User;

before(async () => {
  fx = await webFixture();
  app = await buildApp({ store: fx.store, adminToken: ADMIN_TOKEN, accounts: { store: fx.store.accounts } });
  base = await listenLoopback(app);
  lina = await createUser(fx.store.accounts, { name: 'lina', password: 'lina reads english', role: 'reader' });
  await createUser(fx.store.accounts, { name: 'omar', password: 'omar reads arabic', role: 'reader' });
});
after(async () => {
  await app?.close();
  await fx?.close();
});

const AR = { 'accept-language': 'ar-SA,ar;q=0.9' };
const htmlLang = (body: string) => /<html lang="(\w+)" dir="(\w+)">/.exec(body)?.slice(1);
const csrf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)![1]!;

async function login(name: string, pw: string): Promise<Client> {
  const c = new Client(base);
  assert.equal((await c.login(name, pw)).status, 303);
  c.cookies.set('lang', 'ar');
  return c;
}

describe('a person\'s UI language', () => {
  test('chosen on the settings page, it wins over the Arabic cookie and Accept-Language; others and anonymous readers are unchanged', async () => {
    const c = await login('lina', 'lina reads english');
    const settings = await c.get('/settings', AR);
    assert.deepEqual(htmlLang(settings.body), ['ar', 'rtl']);
    assert.match(settings.body, /<form method="post" action="\/settings\/language">/);
    assert.match(settings.body, /name="lang" value="" checked/, 'no setting yet: the browser decides');
    assert.match(settings.body, /<span lang="en" dir="ltr">English<\/span>/);

    // Without the form token (or from another site) nothing changes.
    assert.equal((await c.post('/settings/language', { lang: 'en' })).status, 403);
    assert.equal((await c.post('/settings/language', { lang: 'en', _csrf: csrf(settings.body) }, { origin: 'https://evil.example' })).status, 403);
    assert.equal((await fx.store.accounts.getUser(lina.id))?.lang, null);
    assert.equal((await c.post('/settings/language', { lang: 'fr', _csrf: csrf(settings.body) })).status, 400);

    const saved = await c.post('/settings/language', { lang: 'en', _csrf: csrf(settings.body) });
    assert.equal(saved.status, 303);
    assert.equal(decodeURIComponent(saved.location!), '/settings?done=Language saved#language', 'the message is in the new language');
    assert.equal((await fx.store.accounts.getUser(lina.id))?.lang, 'en');

    for (const url of ['/', '/outlets', '/settings', '/me']) {
      const r = await c.get(url, AR);
      assert.equal(r.status, 200, url);
      assert.deepEqual(htmlLang(r.body), ['en', 'ltr'], `${url} in English despite the Arabic cookie and Accept-Language`);
    }
    assert.match((await c.get('/settings', AR)).body, /name="lang" value="en" checked/);

    // The same URLs, just cached in English: an anonymous reader and another person still get Arabic.
    const anon = new Client(base);
    anon.cookies.set('lang', 'ar');
    const omar = await login('omar', 'omar reads arabic');
    for (const url of ['/', '/outlets']) {
      assert.deepEqual(htmlLang((await anon.get(url, AR)).body), ['ar', 'rtl'], `anonymous ${url}`);
      assert.deepEqual(htmlLang((await new Client(base).get(url)).body), ['ar', 'rtl'], `anonymous ${url}, no header`);
      assert.deepEqual(htmlLang((await omar.get(url, AR)).body), ['ar', 'rtl'], `omar ${url}`);
    }
    // Anonymous English still comes from the cookie.
    anon.cookies.set('lang', 'en');
    assert.deepEqual(htmlLang((await anon.get('/outlets', AR)).body), ['en', 'ltr']);

    // The header's switch only sets a cookie, which the setting outranks: it leads to the setting.
    const sw = await c.get('/lang/ar?next=%2Foutlets');
    assert.equal(sw.status, 303);
    assert.equal(sw.location, '/settings#language');
    const sw2 = await omar.get('/lang/en?next=%2Foutlets');
    assert.equal(sw2.location, '/outlets', 'someone without a setting switches as before');
    assert.deepEqual(htmlLang((await omar.get('/outlets', AR)).body), ['en', 'ltr']);

    // Cleared: the browser decides again (the Arabic cookie).
    const back = await c.post('/settings/language', { lang: '', _csrf: csrf((await c.get('/settings')).body) });
    assert.equal(back.status, 303);
    assert.equal(decodeURIComponent(back.location!), '/settings?done=حُفظت اللغة#language');
    assert.equal((await fx.store.accounts.getUser(lina.id))?.lang, null);
    assert.deepEqual(htmlLang((await c.get('/outlets')).body), ['ar', 'rtl']);
  });
});

describe('the article page\'s read / unread toggle', () => {
  test('opening marks the story read; the toggle marks it unread (and it stays so on the way back), then read again', async () => {
    const stories = await fx.store.listStories({ limit: 1000 });
    const story = stories.find((s) => s.articleIds.length >= 2)!;
    const id = story.articleIds[0]!;
    const c = await login('omar', 'omar reads arabic');
    const state = async () => (await fx.store.accounts.storyReadStates((await fx.store.accounts.findUserByName('omar'))!.id, [story.id]))[0]!.readAt;

    const anon = await new Client(base).get(`/article/${id}`);
    assert.doesNotMatch(anon.body, /data-action="read"/, 'no toggle for an anonymous reader');

    const opened = await c.get(`/article/${id}`);
    assert.notEqual(await state(), null, 'opening the article read its story');
    const form = /<form method="post" action="\/me\/read" class="inline read-toggle" data-action="read">[\s\S]*?<\/form>/.exec(opened.body)?.[0];
    assert.ok(form, 'the toggle is on the page');
    assert.match(form, /name="target" value="([^"]+)"/);
    assert.equal(/name="target" value="([^"]+)"/.exec(form)![1], story.id);
    assert.match(form, /name="action" value="unread"/);
    assert.match(form, /<button type="submit">تعليم كغير مقروء<\/button>/);

    const unread = await c.post('/me/read', Object.fromEntries([...form.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')])));
    assert.equal(unread.status, 303);
    assert.equal(unread.location, `/article/${id}?kept=unread`);
    assert.equal(await state(), null, 'the story is unread');
    const kept = await c.get(unread.location!);
    assert.equal(await state(), null, 'coming back to the page did not read it again');
    const form2 = /<form method="post" action="\/me\/read" class="inline read-toggle" data-action="read">[\s\S]*?<\/form>/.exec(kept.body)![0];
    assert.match(form2, /name="action" value="read"/);
    assert.match(form2, /<button type="submit">تعليم كمقروء<\/button>/);

    const read = await c.post('/me/read', Object.fromEntries([...form2.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!])));
    assert.equal(read.location, `/article/${id}`);
    assert.notEqual(await state(), null, 'read again');
  });
});
