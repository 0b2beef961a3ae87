/**
 * The Google Reader API (issue 12) driven end to end the way the apps drive it, over real
 * HTTP on loopback against a real SQLite store with the bundled sample: ClientLogin →
 * token → user-info → subscription list → unread counts → stream contents paged with
 * continuation → items/ids → items/contents → edit-tag (read, starred, kept-unread) →
 * mark-all-as-read; streams by feed and label, `r=o`, `ot`, `xt`, huge `n`, unknown streams,
 * and "one copy read marks the story read". Login, bad tokens and CSRF: greader-auth.test.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { webFixture, type WebFixture, listenLoopback } from './fixture.ts';
import { GReader } from './greader-client.ts';
import { createUser } from '../../src/accounts/service.ts';
import { longItemId, shortItemId } from '../../src/web/greader/ids.ts';
import { makeArticle, type Article } from '../../src/model/article.ts';
import { ingest } from '../../src/pipeline/index.ts';
import type { StorySummary } from '../../src/model/reader.ts';

interface Item {
  id: string;
  title: string;
  categories: string[];
  origin: { streamId: string; title: string };
  timestampUsec: string;
  summary: { direction: string; content: string };
}
interface Stream {
  id: string;
  items: Item[];
  continuation?: string;
}
interface Ids {
  itemRefs: Array<{ id: string; timestampUsec: string }>;
  continuation?: string;
}
interface Counts {
  max: number;
  unreadcounts: Array<{ id: string; count: number }>;
}

const RL = 'user/-/state/com.google/reading-list';
const READ = 'user/-/state/com.google/read';
const STARRED = 'user/-/state/com.google/starred';
const hexOf = (longId: string) => longId.slice(longId.lastIndexOf('/') + 1);

let fx: WebFixture;
let base = '';
let story: StorySummary;
let copies: Article[];
let totalStories = 0;

before(async () => {
  fx = await webFixture();
  base = await listenLoopback(fx.app);
  for (const n of ['gr1', 'gr2', 'gr3']) await createUser(fx.store.accounts, { name: n, password: `${n} password`, role: 'reader' });
  const stories = await fx.store.listStories({ limit: 1000 });
  // Filler so that the reading list outgrows one page's cap (1000): 900 short local items
  // of made-up words, each its own story, older than the sample (they sort after it).
  const L = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const word = (n: number) => Array.from({ length: 5 }, (_, k) => L[((n * (k + 7) * 2654435761) >>> (k * 3)) % L.length]).join('');
  await ingest(fx.store, Array.from({ length: 900 }, (_, i) => makeArticle({ title: `${word(i)} ${word(i + 5000)} ${word(i + 9000)}`, text: `${word(i + 1)} ${word(i + 2)} ${word(i + 3)} ${word(i + 4)}`, url: `https://local.example/${i}`, outlet: 'صحيفة محلية', publishedAt: new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toISOString() })));
  for (let off = 0; ; off += 1000) {
    const page = await fx.store.listStories({ limit: 1000, offset: off });
    totalStories += page.length;
    if (page.length < 1000) break;
  }
  assert.ok(totalStories > 1000, `${totalStories} stories`);
  for (const s of stories) {
    if (s.outlets.length < 2) continue;
    const arts = await fx.store.getArticles(s.articleIds);
    if (new Set(arts.map((a) => a.outlet)).size >= 2 && arts.every((a) => (a.entities ?? []).length > 0)) {
      story = s;
      copies = arts;
      break;
    }
  }
  assert.ok(story, 'the sample has a story carried by two outlets');
});
after(async () => fx?.close());

async function app(name: string): Promise<GReader> {
  const g = new GReader(base);
  assert.equal((await g.login(name, `${name} password`)).status, 200);
  await g.token();
  return g;
}

/** Every item id of a stream, paged by continuation with `n` per page. */
async function allIds(g: GReader, s: string, n: number, extra: Array<[string, string]> = []): Promise<string[]> {
  const ids: string[] = [];
  let c: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const r = await g.get('stream/items/ids', [['s', s], ['n', String(n)], ...extra, ...(c ? ([['c', c]] as Array<[string, string]>) : [])]);
    assert.equal(r.status, 200, r.body);
    const j = r.json<Ids>();
    ids.push(...j.itemRefs.map((x) => x.id));
    c = j.continuation;
    if (!c) return ids;
  }
  throw new Error('continuation never ended');
}

const readingCount = (c: Counts) => c.unreadcounts.find((x) => x.id === RL)?.count;

test('the session as the apps open it: token, user-info, subscriptions (everything followed: every outlet), tag list', async () => {
  const g = await app('gr1');
  assert.equal(g.t!.length, 57);
  assert.equal((await g.get('token')).body.trim(), g.t, 'T is stable for a session');
  const me = (await g.get('user-info')).json<{ userName: string; userId: string }>();
  assert.equal(me.userName, 'gr1');
  const subs = (await g.get('subscription/list')).json<{ subscriptions: Array<{ id: string; title: string; url: string; htmlUrl: string }> }>().subscriptions;
  const outlets = await fx.store.listOutlets();
  assert.deepEqual(subs.map((s) => s.title).sort(), outlets.map((o) => o.outlet).sort());
  for (const s of subs) assert.match(s.id, /^feed\/outlet:/);
  assert.ok(subs[0]!.htmlUrl.startsWith(base + '/outlet/'));
  const tags = (await g.get('tag/list')).json<{ tags: Array<{ id: string }> }>().tags;
  assert.deepEqual(tags.map((t) => t.id), [STARRED]);
});

test('reading list: unread count, paged contents with continuation equal one big page, items/ids in the decimal form, r=o reverses', async () => {
  const g = await app('gr1');
  const counts = (await g.get('unread-count')).json<Counts>();
  assert.equal(counts.max, 1000);
  assert.equal(readingCount(counts), Math.min(totalStories, counts.max), 'someone following everything has every story unread (counted up to max)');
  // Per-outlet counts are the outlets' unread stories.
  const riyadh = counts.unreadcounts.find((x) => x.id === 'feed/outlet:الرياض');
  assert.ok(riyadh && riyadh.count > 0 && riyadh.count <= totalStories);

  // Two pages of 1000 (the cap) hold every story once; pages of 97 give the same sequence.
  const big: Stream = { id: RL, items: [] };
  let c: string | undefined;
  let pages = 0;
  do {
    const r = (await g.get(`stream/contents/${encodeURIComponent(RL)}`, [['n', '1000'], ...(c ? ([['c', c]] as Array<[string, string]>) : [])])).json<Stream>();
    big.items.push(...r.items);
    c = r.continuation;
    pages++;
  } while (c);
  assert.equal(pages, 2);
  assert.equal(big.items.length, totalStories, 'one item per story');
  assert.equal(new Set(big.items.map((i) => i.id)).size, totalStories);
  const paged: string[] = [];
  do {
    const r = (await g.get(`stream/contents/${encodeURIComponent(RL)}`, [['n', '97'], ...(c ? ([['c', c]] as Array<[string, string]>) : [])])).json<Stream>();
    assert.ok(r.items.length <= 97);
    paged.push(...r.items.map((i) => i.id));
    c = r.continuation;
  } while (c);
  assert.deepEqual(paged, big.items.map((i) => i.id));
  // Newest first.
  const times = big.items.map((i) => Number(i.timestampUsec));
  assert.deepEqual(times, [...times].sort((a, b) => b - a));
  // items/ids: the same items, decimal ids, paged alike.
  const ids = await allIds(g, RL, 250);
  assert.deepEqual(ids, big.items.map((i) => shortItemId(hexOf(i.id))));
  // r=o: oldest first, the same set.
  const oldest = await allIds(g, RL, 400, [['r', 'o']]);
  assert.deepEqual(oldest, [...ids].reverse());
  // Each item says what it is: its outlet as origin, right-to-left Arabic, and «N more» for a multi-outlet story.
  const it = big.items.find((i) => copies.some((a) => longItemId(a.id) === i.id))!;
  assert.ok(it, 'the multi-outlet story is in the reading list through one of its copies');
  assert.equal(big.items.filter((i) => copies.some((a) => longItemId(a.id) === i.id)).length, 1, 'one item for the story, not one per copy');
  assert.equal(it.summary.direction, 'rtl');
  assert.match(it.summary.content, new RegExp(`/story/${story.id}`));
  assert.equal(it.origin.streamId, `feed/outlet:${copies.find((a) => longItemId(a.id) === it.id)!.outlet}`);
});

test('ot, xt=read and a huge n: filters and the cap', async () => {
  const g = await app('gr2');
  const all = (await g.get('stream/contents/' + encodeURIComponent(RL), [['n', '100000000']])).json<Stream>();
  assert.equal(all.items.length, 1000, 'n is capped at 1000, not an error');
  assert.ok(all.continuation, 'and the rest is a continuation away');
  const huge = (await g.get('stream/items/ids', [['s', RL], ['n', '100000000']])).json<Ids>();
  assert.equal(huge.itemRefs.length, 1000);
  const mid = Number(all.items[Math.floor(all.items.length / 2)]!.timestampUsec) / 1e6;
  const since = (await g.get('stream/contents/' + encodeURIComponent(RL), [['n', '1000'], ['ot', String(Math.floor(mid))]])).json<Stream>();
  assert.ok(since.items.length > 0 && since.items.length < all.items.length);
  for (const i of since.items) assert.ok(Number(i.timestampUsec) / 1e6 >= Math.floor(mid));
  assert.deepEqual(since.items.map((i) => i.id), all.items.filter((i) => Number(i.timestampUsec) / 1e6 >= Math.floor(mid)).map((i) => i.id));
  // Mark the first three read; xt=read leaves them out; the read stream holds exactly them.
  const three = all.items.slice(0, 3).map((i) => i.id);
  assert.equal((await g.post('edit-tag', [...three.map((i): [string, string] => ['i', i]), ['a', READ]])).body, 'OK');
  const unread = await allIds(g, RL, 500, [['xt', READ]]);
  assert.equal(unread.length, totalStories - 3);
  for (const i of three) assert.ok(!unread.includes(shortItemId(hexOf(i))));
  assert.deepEqual((await allIds(g, READ, 50)).sort(), three.map((i) => shortItemId(hexOf(i))).sort());
  for (const bad of [['n', 'lots'], ['c', 'xyz'], ['ot', 'yesterday']]) assert.equal((await g.get('stream/items/ids', [['s', RL], bad as [string, string]])).status, 400, bad.join('='));
});

test('one copy read through the API marks its story read: the other copy reads as read, the web sees it, unread counts drop', async () => {
  const g = await app('gr3');
  const [first, second] = copies;
  const outletCounts = async () => {
    const u = (await g.get('unread-count')).json<Counts>().unreadcounts;
    return copies.map((a) => u.find((x) => x.id === `feed/outlet:${a.outlet}`)?.count ?? 0);
  };
  const before = await outletCounts();
  // The decimal form, as some apps send it.
  assert.equal((await g.post('edit-tag', [['i', shortItemId(first!.id)], ['a', READ]])).body, 'OK');
  const user = (await fx.store.accounts.findUserByName('gr3'))!;
  const [state] = await fx.store.accounts.storyReadStates(user.id, [story.id]);
  assert.ok(state?.readAt, 'the story is read in the AccountStore');
  // items/contents for both copies (long and decimal ids): both carry the read state.
  const items = (await g.post('stream/items/contents', [['i', longItemId(second!.id)], ['i', shortItemId(first!.id)]])).json<Stream>().items;
  assert.deepEqual(items.map((i) => i.id), [longItemId(second!.id), longItemId(first!.id)]);
  for (const i of items) assert.ok(i.categories.includes(READ), `${i.id} read`);
  assert.equal(items[0]!.title, second!.title);
  assert.deepEqual(await outletCounts(), before.map((n) => n - 1), 'each outlet that carried it has one story fewer unread, whichever copy was read');
  // Unread again (r=read), and kept-unread after reading.
  await g.post('edit-tag', [['i', longItemId(second!.id)], ['r', READ]]);
  assert.equal((await fx.store.accounts.storyReadStates(user.id, [story.id]))[0]?.readAt ?? null, null);
  await g.post('edit-tag', [['i', longItemId(second!.id)], ['a', READ]]);
  await g.post('edit-tag', [['i', longItemId(first!.id)], ['a', 'user/-/state/com.google/kept-unread']]);
  assert.equal((await fx.store.accounts.storyReadStates(user.id, [story.id]))[0]?.readAt ?? null, null);
  // Starred: per copy, with its stream.
  await g.post('edit-tag', [['i', longItemId(second!.id)], ['a', STARRED]]);
  const starred = (await g.get('stream/contents/' + encodeURIComponent(STARRED))).json<Stream>().items;
  assert.deepEqual(starred.map((i) => i.id), [longItemId(second!.id)]);
  assert.ok(starred[0]!.categories.includes(STARRED));
  await g.post('edit-tag', [['i', longItemId(second!.id)], ['r', STARRED]]);
  assert.equal((await g.get('stream/contents/' + encodeURIComponent(STARRED))).json<Stream>().items.length, 0);
});
