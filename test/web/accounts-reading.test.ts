/**
 * Following and read state over real HTTP on loopback (issue 12): follow an entity from
 * its page, «أخباري» shows only its stories with unread counts; opening one copy of a
 * multi-outlet story marks the story read everywhere (its other copies' list items say so);
 * a later copy from another outlet makes it «تغطية جديدة», not unread; «mark all as read»
 * on an outlet page and a search page; starring with its page and private Atom feed; OPML
 * export and import of follows. A real SQLite store with the bundled sample.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { ADMIN_TOKEN, webFixture, type WebFixture, listenLoopback } from './fixture.ts';
import { Client } from './client.ts';
import { createUser } from '../../src/accounts/service.ts';
import { buildApp } from '../../src/web/app.ts';
import { makeArticle, type Article } from '../../src/model/article.ts';
import { ingest } from '../../src/pipeline/index.ts';
import type { StorySummary } from '../../src/model/reader.ts';

let fx: WebFixture;
let app: FastifyInstance;
let base = '';
let story: StorySummary;
let copies: Article[];

before(async () => {
  fx = await webFixture();
  app = await buildApp({ store: fx.store, adminToken: ADMIN_TOKEN, alerts: { store: fx.store.alerts, reader: fx.store }, accounts: { store: fx.store.accounts } });
  base = await listenLoopback(app);
  await createUser(fx.store.accounts, { name: 'reader1', password: 'reader one pw', role: 'reader' });
  await createUser(fx.store.accounts, { name: 'reader2', password: 'reader two pw', role: 'reader' });
  // A story the sample's outlets carried several times, whose copies mention an entity.
  for (const s of await fx.store.listStories({ limit: 1000 })) {
    if (s.articleIds.length < 2) continue;
    const arts = await fx.store.getArticles(s.articleIds);
    if (arts.every((a) => (a.entities ?? []).length > 0)) {
      story = s;
      copies = arts;
      break;
    }
  }
  assert.ok(story, 'the sample has a multi-outlet story with entities');
});
after(async () => {
  await app?.close();
  await fx?.close();
});

const login = async (name: string, pw: string) => {
  const c = new Client(base);
  assert.equal((await c.login(name, pw)).status, 303);
  return c;
};

test('follow an entity from its page; «أخباري» lists only its stories, with unread counts; read one copy and the story is read', async () => {
  const c = await login('reader1', 'reader one pw');
  const entity = copies[0]!.entities![0]!;
  const page = await c.get(`/entity/${encodeURIComponent(entity.id)}`);
  assert.match(page.body, /action="\/me\/follow"/);
  assert.match(page.body, /name="action" value="follow"/);
  const t = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  assert.equal((await c.post('/me/follow', { kind: 'entity', target: entity.id, action: 'follow', back: `/entity/${encodeURIComponent(entity.id)}`, _csrf: t })).status, 303);
  assert.match((await c.get(`/entity/${encodeURIComponent(entity.id)}`)).body, /name="action" value="unfollow"/, 'the button now unfollows');
  const expected = new Set((await fx.store.listArticles({ entityId: entity.id, limit: 1000 })).map((a) => a.storyId));
  const me = await c.get('/me');
  const shown = [...me.body.matchAll(/data-story="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(shown.length > 0 && shown.every((id) => expected.has(id)), 'only the entity\'s stories');
  // Counts are written in Arabic-Indic digits in the Arabic UI.
  const digits = (s: string | undefined) => s?.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
  const count = (body: string) => Number(digits(new RegExp(`<bdi>${entity.name}</bdi></a> <span class="meta">كيان</span> <span class="badge count">([٠-٩]+)</span>`).exec(body)?.[1]));
  assert.equal(count(me.body), expected.size);
  // Read one copy: its story is read, on «أخباري» and on the other copy's list item.
  assert.equal((await c.get(`/article/${copies[0]!.id}`)).status, 200);
  const after = await c.get('/me');
  assert.equal(count(after.body), expected.size - 1);
  assert.match(after.body, new RegExp(`my-item is-read" data-story="${story.id}"`));
  const storyPage = await c.get(`/story/${encodeURIComponent(story.id)}`);
  const other = copies[1]!;
  assert.match(storyPage.body, new RegExp(`/article/${other.id}"[\\s\\S]*?<span class="badge read">مقروءة</span>`), 'the other copy shows read');
  // Another person's view is untouched.
  const c2 = await login('reader2', 'reader two pw');
  assert.doesNotMatch((await c2.get(`/story/${encodeURIComponent(story.id)}`)).body, /badge read/);
  // A later copy from a new outlet: «تغطية جديدة», and the count does not grow back.
  const lead = copies[0]!;
  const { id: _id, ...rest } = lead;
  await ingest(fx.store, [makeArticle({ ...rest, entities: undefined, keywords: undefined, storyId: undefined, duplicateOf: undefined, url: `https://seventh.example/${lead.id}`, outlet: 'المنفذ السابع', publishedAt: new Date(Date.parse(lead.publishedAt!) + 3_600_000).toISOString() })]);
  const later = await c.get('/me');
  assert.equal(count(later.body), expected.size - 1, 'not unread again');
  assert.match(later.body, new RegExp(`data-story="${story.id}"[\\s\\S]*?تغطية جديدة`));
});

test('mark all as read on an outlet page and on a search page', async () => {
  const c = await login('reader2', 'reader two pw');
  const outlet = copies[1]!.outlet!;
  const page = await c.get(`/outlet/${encodeURIComponent(outlet)}`);
  const t = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  assert.match(page.body, /تعليم الكل كمقروء/);
  assert.equal((await c.post('/me/read', { scope: 'outlet', target: outlet, back: '/', _csrf: t })).status, 303);
  const u = (await fx.store.accounts.findUserByName('reader2'))!;
  const ofOutlet = (await fx.store.listStories({ outlet, limit: 1000 })).map((s) => s.id);
  const states = await fx.store.accounts.storyReadStates(u.id, ofOutlet);
  assert.equal(states.length, ofOutlet.length);
  assert.ok(states.every((s) => s.readAt !== null));
  const listed = (await c.get(`/outlet/${encodeURIComponent(outlet)}`)).body;
  const items = listed.split('<section class="item"').slice(1);
  assert.ok(items.length > 0);
  assert.ok(items.every((i) => /badge (read|new-coverage)/.test(i)), 'every item says read');
  const q = 'ايران';
  const search = await c.get(`/search?q=${encodeURIComponent(q)}`);
  assert.match(search.body, /name="scope" value="search"/);
  assert.equal((await c.post('/me/read', { scope: 'search', q, _csrf: t })).status, 303);
  const hits = (await fx.store.search({ q, limit: 100 })).hits.map((h) => h.id);
  const read = await fx.store.accounts.articleReadStates(u.id, hits);
  assert.ok(read.length > 0 && read.every((s) => s.readAt !== null));
});

test('starred: the star button, the list, and a private Atom feed by token', async () => {
  const c = await login('reader1', 'reader one pw');
  const id = copies[1]!.id;
  const page = await c.get(`/article/${id}`);
  assert.match(page.body, /☆ حفظ/);
  const t = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  assert.equal((await c.post('/me/star', { article: id, action: 'star', back: `/article/${id}`, _csrf: t })).status, 303);
  assert.match((await c.get(`/article/${id}`)).body, /★ محفوظ/);
  const starred = await c.get('/me/starred');
  assert.ok(starred.body.includes(`/article/${id}"`));
  const feed = /href="(\/u\/[A-Za-z0-9_-]+\/starred\.atom)"/.exec(starred.body)![1]!;
  const anon = new Client(base);
  const atom = await anon.get(feed);
  assert.equal(atom.status, 200);
  assert.match(String(atom.headers['content-type']), /atom/);
  assert.ok(atom.body.includes(`article:${id}`));
  assert.equal((await anon.get('/u/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/starred.atom')).status, 404);
  assert.equal((await c.post('/settings/feed-token', { _csrf: t })).status, 303);
  assert.equal((await anon.get(feed)).status, 404, 'a rotated token closes the old URL');
});

test('OPML: export what one follows as site feeds, import it into another account', async () => {
  const c = await login('reader1', 'reader one pw');
  const t = await c.token('/settings');
  const outlet = copies[0]!.outlet!;
  await c.post('/me/follow', { kind: 'outlet', target: outlet, action: 'follow', _csrf: t });
  await c.post('/me/follow', { kind: 'keyword', target: 'السعودية', action: 'follow', _csrf: t });
  const opml = await c.get('/me/follows.opml');
  assert.equal(opml.status, 200);
  assert.ok(opml.body.includes(`xmlUrl="${base}/outlet/${encodeURIComponent(outlet)}/feed.atom"`));
  assert.match(opml.body, /<outline text="entities"/);
  const c2 = await login('reader2', 'reader two pw');
  const r = await c2.post('/settings/opml', { opml: opml.body + '', _csrf: await c2.token('/settings') });
  assert.equal(r.status, 303);
  const a = (await fx.store.accounts.findUserByName('reader1'))!;
  const b = (await fx.store.accounts.findUserByName('reader2'))!;
  const key = (f: { kind: string; target: string }) => `${f.kind}:${f.target}`;
  assert.deepEqual((await fx.store.accounts.listFollows(b.id)).map(key), (await fx.store.accounts.listFollows(a.id)).map(key));
  const bad = await c2.post('/settings/opml', { opml: '<opml version="2.0"><body><outline xmlUrl="https://elsewhere.example/rss"/></body></opml>', _csrf: await c2.token('/settings') });
  assert.match(decodeURIComponent(bad.location!), /لم يُعرف ١/);
});
