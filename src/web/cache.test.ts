/**
 * The read cache over a real SQLite store holding the bundled sample: cached reads equal
 * the store's, a write through this store or through a second connection to the same file
 * is seen at once (the change token drops the cache), cards keep the order given, and a
 * store without a token is read through uncached. With maxStaleMs, a read made before a
 * commit is served until it is that old, then read again; rendered output is remembered
 * like a read; `weigh` estimates what an entry holds.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { openStore, type MarsadStore } from '../store/index.ts';
import { loadSampleIfEmpty } from '../cli/commands/serve.ts';
import { ingest } from '../pipeline/index.ts';
import { makeArticle } from '../model/article.ts';
import { CACHE_LIMITS, cachedStore, weigh } from './cache.ts';

const MiB = 1024 * 1024;

let dir: string;
let store: MarsadStore;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-cache-'));
  const config = loadConfig({ db: join(dir, 'm.db') }, {});
  store = await openStore(config.db);
  await loadSampleIfEmpty(store, config);
});
after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const fresh = (title: string, outlet: string) =>
  makeArticle({ title, text: `${title}. نص تجريبي عن ${title} كتب للاختبار فقط، وفيه جمل كافية ليحلل.`, outlet, publishedAt: '2015-08-12T09:00:00Z', url: `https://example.test/${encodeURIComponent(title)}` });

describe('cachedStore', () => {
  test('cached reads equal the store reads, and a repeat does not go to the store', async () => {
    const c = cachedStore(store);
    const q = { q: 'السعودية', limit: 5, offset: 0 };
    const direct = await store.search(q);
    assert.ok(direct.hits.length > 0);
    assert.deepEqual(await c.search(q), direct);
    assert.deepEqual(await c.listOutlets(), await store.listOutlets());
    assert.deepEqual(await c.listStories({ limit: 30 }), await store.listStories({ limit: 30 }));
    const first = await c.listStories({ limit: 30 });
    const second = await c.listStories({ limit: 30 });
    assert.notEqual(first, second, 'each caller gets its own array');
    assert.equal(first[0], second[0], 'the second read is the remembered one');
  });

  test('a write through the store is seen by the next read', async () => {
    const c = cachedStore(store);
    const before = await c.search({ q: 'زرافة', limit: 5, offset: 0 });
    const outletsBefore = (await c.listOutlets()).map((o) => o.outlet);
    assert.ok(!outletsBefore.includes('مرصد الاختبار'));
    await ingest(store, [fresh('زرافة نادرة في حديقة الرياض', 'مرصد الاختبار')]);
    const afterWrite = await c.search({ q: 'زرافة', limit: 5, offset: 0 });
    assert.equal(afterWrite.total, before.total + 1);
    assert.ok((await c.listOutlets()).some((o) => o.outlet === 'مرصد الاختبار'));
  });

  test('a commit by another connection to the same file is seen too', async () => {
    const c = cachedStore(store);
    const n = (await c.search({ q: 'بطريق', limit: 5, offset: 0 })).total;
    const other = await openStore(join(dir, 'm.db'));
    try {
      await ingest(other, [fresh('بطريق يزور جدة', 'مرصد آخر')]);
    } finally {
      await other.close();
    }
    assert.equal((await c.search({ q: 'بطريق', limit: 5, offset: 0 })).total, n + 1);
  });

  test('cards: the ids given, in order, unknown ones skipped; related cards match relatedArticles', async () => {
    const c = cachedStore(store);
    const ids = (await store.listArticles({ limit: 4 })).map((a) => a.id);
    const cards = await c.articleCards([ids[2]!, 'no-such-id', ids[0]!, ids[2]!]);
    assert.deepEqual(cards.map((x) => x.id), [ids[2], ids[0]]);
    const full = (await store.getArticles([ids[2]!]))[0]!;
    assert.deepEqual(cards[0], { id: full.id, title: full.title, lang: full.lang, outlet: full.outlet, publishedAt: full.publishedAt });
    for (const id of ids) {
      const want = (await store.relatedArticles(id, 5)).map((a) => a.id);
      assert.deepEqual((await c.relatedCards(id, 5)).map((x) => x.id), want);
      assert.deepEqual((await c.relatedCards(id, 5)).map((x) => x.id), want, 'remembered');
    }
  });

  test('a store without a change token is read through, uncached', async () => {
    const noToken = new Proxy(store, { get: (t, k) => (k === 'changeToken' ? undefined : (Reflect.get(t, k, t) as unknown)), has: (t, k) => k !== 'changeToken' && Reflect.has(t, k) });
    const c = cachedStore(noToken);
    const a = await c.listStories({ limit: 3 });
    const b = await c.listStories({ limit: 3 });
    assert.deepEqual(a, b);
    assert.notEqual(a[0], b[0], 'read again from the store');
  });

  test('article reads (list, several, one) are remembered and equal the store reads', async () => {
    const c = cachedStore(store);
    const list = await c.listArticles({ limit: 3 });
    assert.deepEqual(list, await store.listArticles({ limit: 3 }));
    assert.equal((await c.listArticles({ limit: 3 }))[0], list[0], 'remembered');
    const ids = list.map((a) => a.id);
    assert.deepEqual(await c.getArticles(ids), await store.getArticles(ids));
    assert.deepEqual(await c.getArticle(ids[1]!), await store.getArticle(ids[1]!));
    assert.equal(await c.getArticle('no-such-id'), null);
  });

  test('maxStaleMs: a read made before a commit is served until it is that old, then read again', async () => {
    const patient = cachedStore(store, { maxStaleMs: 60_000 });
    const strict = cachedStore(store, { maxStaleMs: 1 });
    const q = { q: 'ببغاء', limit: 5, offset: 0 };
    const n = (await patient.search(q)).total;
    assert.equal((await strict.search(q)).total, n);
    await ingest(store, [fresh('ببغاء يتكلم في الدمام', 'مرصد ثالث')]);
    assert.equal((await patient.search(q)).total, n, 'stale, within 60 s');
    await new Promise((r) => setTimeout(r, 20));
    assert.equal((await strict.search(q)).total, n + 1, 'older than 1 ms: read again');
    assert.equal((await store.search(q)).total, n + 1);
  });

  test('rendered output is remembered under its key until the next commit', async () => {
    const c = cachedStore(store);
    let made = 0;
    const make = async () => `page ${++made}`;
    assert.equal(String(await c.rendered('/feed.atom', make)), 'page 1');
    assert.equal(String(await c.rendered('/feed.atom', make)), 'page 1');
    assert.equal(String(await c.rendered('/other.atom', make)), 'page 2');
    await ingest(store, [fresh('صقر في سماء تبوك', 'مرصد رابع')]);
    assert.equal(String(await c.rendered('/feed.atom', make)), 'page 3');
    await assert.rejects(c.rendered('/bad', () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(String(await c.rendered('/bad', make)), 'page 4', 'a failed render is not remembered');
    // Kept and given as UTF-8 bytes (the page sent as it is); «not found» stays null.
    const arabic = await c.rendered('/ar', async () => 'مرصد');
    assert.ok(Buffer.isBuffer(arabic) && arabic.length === 8 && arabic.toString('utf8') === 'مرصد');
    assert.equal(await c.rendered('/none', async () => null), null);
  });

  test('rendered output is bounded by its bytes, not only by its count: large pages push the oldest out', async () => {
    const c = cachedStore(store);
    const [, maxBytes] = CACHE_LIMITS.rendered;
    // Pages of 1 MiB (UTF-8: 512 Ki two-byte characters), twice as many as the byte bound holds.
    const pages = Math.ceil((2 * maxBytes) / MiB);
    const made: string[] = [];
    const page = (key: string) => async () => {
      made.push(key);
      return key.padEnd(MiB / 2, 'ن');
    };
    for (let i = 0; i < pages; i++) await c.rendered(`/big/${i}`, page(`/big/${i}`));
    assert.equal(made.length, pages);
    await c.rendered(`/big/${pages - 1}`, page(`/big/${pages - 1}`));
    assert.equal(made.length, pages, 'the newest page is still remembered');
    await c.rendered('/big/0', page('/big/0'));
    assert.equal(made.length, pages + 1, 'the oldest page was dropped to stay within the byte bound');
  });

  test('weigh: grows with what a value holds, and stops at its budget', () => {
    const small = weigh({ id: 'a', title: 'عنوان' });
    const big = weigh([{ id: 'a', title: 'عنوان', text: 'نص '.repeat(1000) }]);
    assert.ok(small > 0 && big > small + 6000, `${small} ${big}`);
    const many = Array.from({ length: 10_000 }, (_, i) => ({ i, s: 'x'.repeat(10) }));
    assert.ok(weigh(many, 100) < weigh(many), 'budget bounds the walk');
    // bytes are weighed by their length, not walked one by one
    assert.ok(weigh(Buffer.alloc(100_000)) >= 100_000 && weigh(Buffer.alloc(100_000)) < 100_200);
  });
});
