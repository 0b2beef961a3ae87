/**
 * The read cache over a real SQLite store holding the bundled sample: cached reads equal
 * the store's, a write through this store or through a second connection to the same file
 * is seen at once (the change token drops the cache), cards keep the order given, and a
 * store without a token is read through uncached.
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
import { cachedStore } from './cache.ts';

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
});
