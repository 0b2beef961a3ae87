/**
 * The Google Reader API's doors (issue 12), over real HTTP on loopback: ClientLogin through
 * the accounts' password check and login limiter (same answer for an unknown name and a
 * wrong password; 429 once limited, whatever the password), bad and revoked Auth tokens
 * (401), the session cookie never accepted, CSRF skipped only when the GoogleLogin header
 * authenticates, a wrong `T` refused, and a private instance still reachable by the apps.
 * Streams by feed and label, subscription edits, quickadd, mark-all-as-read and unknown
 * streams are here too. A real SQLite store with the bundled sample.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { webFixture, type WebFixture, listenLoopback } from './fixture.ts';
import { GReader } from './greader-client.ts';
import { Client } from './client.ts';
import { createUser } from '../../src/accounts/service.ts';
import { resolveFollow } from '../../src/web/accounts/reading.ts';
import { longItemId } from '../../src/web/greader/ids.ts';

interface Item {
  id: string;
  categories: string[];
  origin: { streamId: string };
}
interface Counts {
  unreadcounts: Array<{ id: string; count: number }>;
}
const RL = 'user/-/state/com.google/reading-list';
const READ = 'user/-/state/com.google/read';

let fx: WebFixture;
let base = '';

before(async () => {
  fx = await webFixture();
  base = await listenLoopback(fx.app);
  for (const n of ['ga1', 'ga2', 'ga3', 'ga4']) await createUser(fx.store.accounts, { name: n, password: `${n} password`, role: 'reader' });
});
after(async () => fx?.close());

async function app(name: string): Promise<GReader> {
  const g = new GReader(base);
  assert.equal((await g.login(name, `${name} password`)).status, 200);
  await g.token();
  return g;
}

test('ClientLogin: SID/LSID/Auth as text or JSON; unknown name and wrong password answered alike; the limiter applies', async () => {
  const g = new GReader(base);
  const ok = await g.login('ga1', 'ga1 password');
  assert.equal(ok.status, 200);
  assert.match(ok.body, /^SID=[\w-]+\nLSID=null\nAuth=[\w-]+\n$/);
  const json = await new GReader(base).login('GA1', 'ga1 password', [['output', 'json']]);
  assert.ok(json.json<{ Auth: string }>().Auth.length >= 40, 'names are case-insensitive, as on the web login');
  const wrong = await new GReader(base).login('ga1', 'nope');
  const unknown = await new GReader(base).login('nobody-here', 'nope');
  assert.equal(wrong.status, 401);
  assert.deepEqual([unknown.status, unknown.body], [wrong.status, wrong.body]);
  // The Auth token is a session of the accounts store: listed with the app's user agent.
  const user = (await fx.store.accounts.findUserByName('ga1'))!;
  assert.ok((await fx.store.accounts.listSessions(user.id, new Date().toISOString())).some((s) => s.userAgent === 'GReaderTest/1.0'));
  // Five failures for ga2 (the default per-account limit), then even the right password is refused.
  for (let i = 0; i < 5; i++) assert.equal((await new GReader(base).login('ga2', `bad ${i}`)).status, 401);
  const limited = await new GReader(base).login('ga2', 'ga2 password');
  assert.equal(limited.status, 429);
  assert.ok(limited.headers['retry-after']);
  assert.equal(limited.body.includes('Auth='), false);
});

test('bad tokens are 401 on every route; the session cookie is never an Auth token; a revoked session stops the app', async () => {
  const routes = ['token', 'user-info', 'subscription/list', 'tag/list', 'unread-count', `stream/contents/${encodeURIComponent(RL)}`, 'stream/items/ids'];
  const anon = new GReader(base);
  for (const r of routes) assert.equal((await anon.get(r)).status, 401, r);
  const forged = new GReader(base);
  forged.auth = 'A'.repeat(43);
  for (const r of routes) assert.equal((await forged.get(r)).status, 401, r);
  for (const h of ['Bearer whatever', 'GoogleLogin token=abc', 'GoogleLogin auth=']) assert.equal((await anon.get('user-info', [], { authorization: h })).status, 401, h);
  assert.equal((await anon.post('edit-tag', [['i', '1'], ['a', READ]])).status, 401);

  // A browser session (cookie) reaches nothing here, GET or POST.
  const web = new Client(base);
  assert.equal((await web.login('ga3', 'ga3 password')).status, 303);
  const cookie = [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  assert.equal((await anon.get('user-info', [], { cookie })).status, 401);
  const post = await anon.post('mark-all-as-read', [['s', RL]], { cookie, origin: base });
  assert.ok(post.status === 401 || post.status === 403, `cookie-only write refused (${post.status})`);
  const ga3 = (await fx.store.accounts.findUserByName('ga3'))!;
  assert.equal((await fx.store.accounts.followedStories(ga3.id, { unreadOnly: true, limit: 1 })).length, 1, 'nothing was marked read');

  // Revoking the app's session (settings page) ends it.
  const g = await app('ga3');
  const sessions = await fx.store.accounts.listSessions(ga3.id, new Date().toISOString());
  for (const s of sessions.filter((x) => x.userAgent === 'GReaderTest/1.0')) await fx.store.accounts.revokeSession(ga3.id, s.id);
  assert.equal((await g.get('user-info')).status, 401);
});

test('writes: the GoogleLogin header passes CSRF (even beside a session cookie and a foreign Origin); a wrong T is refused', async () => {
  const g = await app('ga4');
  const web = new Client(base);
  await web.login('ga4', 'ga4 password');
  const cookie = [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const items = (await g.get(`stream/contents/${encodeURIComponent(RL)}`, [['n', '2']])).json<{ items: Item[] }>().items;
  const r = await g.post('edit-tag', [['i', items[0]!.id], ['a', READ]], { cookie, origin: 'https://elsewhere.example' });
  assert.equal(r.status, 200, r.body);
  const wrongT = new GReader(base);
  wrongT.auth = g.auth;
  wrongT.t = 'x'.repeat(57);
  const refused = await wrongT.post('edit-tag', [['i', items[1]!.id], ['a', READ]]);
  assert.equal(refused.status, 401);
  assert.equal(refused.headers['x-reader-google-bad-token'], 'true');
  const after = (await g.post('stream/items/contents', [['i', items[0]!.id], ['i', items[1]!.id]])).json<{ items: Item[] }>().items;
  assert.ok(after[0]!.categories.includes(READ));
  assert.ok(!after[1]!.categories.includes(READ), 'the write with the wrong T did nothing');
});

test('feeds, labels, subscription edits, quickadd, mark-all-as-read and unknown streams', async () => {
  const g = await app('ga1');
  const user = (await fx.store.accounts.findUserByName('ga1'))!;
  // Following everything, the app sees every outlet; unsubscribing all but one leaves that one
  // (not nothing), and the person now chooses.
  const outlets = (await fx.store.listOutlets()).map((o) => o.outlet);
  let subs = (await g.get('subscription/list')).json<{ subscriptions: Array<{ id: string; title: string }> }>().subscriptions;
  assert.equal(subs.length, outlets.length);
  const others = outlets.filter((o) => o !== 'الرياض').map((o): [string, string] => ['s', `feed/outlet:${o}`]);
  assert.equal((await g.post('subscription/edit', [['ac', 'unsubscribe'], ...others])).body, 'OK');
  subs = (await g.get('subscription/list')).json<{ subscriptions: Array<{ id: string; title: string }> }>().subscriptions;
  assert.deepEqual(subs.map((s) => s.id), ['feed/outlet:الرياض']);
  assert.equal((await fx.store.accounts.getUser(user.id))!.followsAll, false);
  // Subscribe again to one of them.
  assert.equal((await g.post('subscription/edit', [['ac', 'subscribe'], ['s', `feed/outlet:${outlets.find((o) => o !== 'الرياض')}`]])).body, 'OK');
  assert.equal((await g.get('subscription/list')).json<{ subscriptions: unknown[] }>().subscriptions.length, 2);
  await g.post('subscription/edit', [['ac', 'unsubscribe'], ['s', `feed/outlet:${outlets.find((o) => o !== 'الرياض')}`]]);
  const feed = (await g.get(`stream/contents/${encodeURIComponent('feed/outlet:الرياض')}`, [['n', '1000']])).json<{ items: Item[] }>().items;
  const riyadh = await fx.store.listArticles({ outlet: 'الرياض', limit: 1000 });
  assert.ok(feed.length > 0);
  for (const i of feed) assert.equal(i.origin.streamId, 'feed/outlet:الرياض');
  const ids = new Set(riyadh.map((a) => longItemId(a.id)));
  for (const i of feed) assert.ok(ids.has(i.id), 'a feed stream shows that outlet’s copy');
  assert.equal(new Set(riyadh.map((a) => a.storyId)).size, feed.length, 'one item per story of the outlet');
  // Follow an entity on the web side: it is a label, with its stream and unread count.
  const entity = riyadh.find((a) => (a.entities ?? []).length)!.entities![0]!;
  const follow = (await resolveFollow({ reader: fx.store, store: fx.store.accounts } as never, 'entity', entity.id))!;
  await fx.store.accounts.follow(user.id, follow);
  const label = `user/-/label/${follow.label}`;
  assert.ok((await g.get('tag/list')).json<{ tags: Array<{ id: string }> }>().tags.some((t) => t.id === label));
  const labelled = (await g.get(`stream/contents/${encodeURIComponent(label)}`, [['n', '1000']])).json<{ items: Item[] }>().items;
  assert.ok(labelled.length > 0);
  for (const i of labelled) assert.ok(i.categories.includes(label));
  const counts = (await g.get('unread-count')).json<Counts>().unreadcounts;
  assert.equal(counts.find((c) => c.id === label)?.count, labelled.length);
  // Each count's newest unread item is that stream's newest (not the reading list's).
  const newest = (id: string) => (counts.find((c) => c.id === id) as unknown as { newestItemTimestampUsec: string }).newestItemTimestampUsec;
  const firstOf = async (s: string) => (await g.get(`stream/contents/${encodeURIComponent(s)}`, [['n', '1'], ['xt', READ]])).json<{ items: Array<{ timestampUsec: string }> }>().items[0]!.timestampUsec;
  assert.equal(newest(label), await firstOf(label));
  assert.equal(newest('feed/outlet:الرياض'), await firstOf('feed/outlet:الرياض'));
  assert.equal(newest(RL), await firstOf(RL));
  // mark-all-as-read on the label: its stories read, the outlet's others not.
  assert.equal((await g.post('mark-all-as-read', [['s', label]])).body, 'OK');
  const after = (await g.get('unread-count')).json<Counts>().unreadcounts;
  assert.equal(after.find((c) => c.id === label)?.count ?? 0, 0);
  const feedUnread = (await g.get('stream/items/ids', [['s', 'feed/outlet:الرياض'], ['xt', READ], ['n', '1000']])).json<{ itemRefs: unknown[] }>().itemRefs.length;
  assert.ok(feedUnread > 0 && feedUnread < feed.length);
  // mark-all-as-read with ts (microseconds) only reaches items first seen before it.
  assert.equal((await g.post('mark-all-as-read', [['s', 'feed/outlet:الرياض'], ['ts', '1']])).body, 'OK');
  assert.equal((await g.get('stream/items/ids', [['s', 'feed/outlet:الرياض'], ['xt', READ], ['n', '1000']])).json<{ itemRefs: unknown[] }>().itemRefs.length, feedUnread, 'nothing before 1970');
  assert.equal((await g.post('mark-all-as-read', [['s', 'feed/outlet:الرياض']])).body, 'OK');
  assert.equal((await g.get('stream/items/ids', [['s', 'feed/outlet:الرياض'], ['xt', READ], ['n', '1000']])).json<{ itemRefs: unknown[] }>().itemRefs.length, 0);
  // quickadd: a source the site polls, by its feed URL (its outlet comes from the host).
  await fx.store.addSource({ url: 'https://www.alriyadh.com/rss', title: 'جريدة الرياض' });
  const q = (await g.post('subscription/quickadd', [['quickadd', 'https://www.alriyadh.com/rss']])).json<{ numResults: number; streamId: string }>();
  assert.equal(q.numResults, 1);
  assert.match(q.streamId, /^feed\/source:/);
  const none = (await g.post('subscription/quickadd', [['quickadd', 'https://unknown.example/feed']])).json<{ numResults: number }>();
  assert.equal(none.numResults, 0);
  subs = (await g.get('subscription/list')).json<{ subscriptions: Array<{ id: string; title: string }> }>().subscriptions;
  assert.deepEqual(subs.map((s) => s.title).sort(), ['الرياض', 'جريدة الرياض'].sort());
  // Unsubscribe; rename keeps the follow with the new title.
  await g.post('subscription/edit', [['ac', 'edit'], ['s', q.streamId], ['t', 'الرياض (RSS)']]);
  await g.post('subscription/edit', [['ac', 'unsubscribe'], ['s', 'feed/outlet:الرياض']]);
  subs = (await g.get('subscription/list')).json<{ subscriptions: Array<{ id: string; title: string }> }>().subscriptions;
  assert.deepEqual(subs.map((s) => s.title), ['الرياض (RSS)']);
  // Unknown streams: 404, not an empty 200 and not a 500.
  for (const s of ['feed/outlet:لا يوجد', 'feed/source:0000', 'user/-/label/لا يوجد', 'user/-/state/com.google/broadcast', 'nonsense']) {
    assert.equal((await g.get(`stream/contents/${encodeURIComponent(s)}`)).status, 404, s);
    assert.equal((await g.get('stream/items/ids', [['s', s]])).status, 404, s);
  }
  assert.equal((await g.post('subscription/edit', [['ac', 'subscribe'], ['s', 'feed/outlet:لا يوجد']])).status, 404);
});

test('a private instance still lets the apps in (they authenticate each request), and only them', async () => {
  await fx.store.accounts.setSetting('instance.private', '1');
  const { buildApp } = await import('../../src/web/app.ts');
  const app = await buildApp({ store: fx.store, adminToken: null, accounts: { store: fx.store.accounts } });
  const url = await listenLoopback(app);
  try {
    const b = url;
    const g = new GReader(b);
    assert.equal((await g.login('ga4', 'ga4 password')).status, 200);
    assert.equal((await g.get('user-info')).status, 200);
    assert.equal((await new GReader(b).get('user-info')).status, 401);
    assert.equal((await new Client(b).get('/api/v1/stories')).status, 401, 'the rest of the API stays closed');
  } finally {
    await app.close();
    await fx.store.accounts.setSetting('instance.private', '0');
  }
});
