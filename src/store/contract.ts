/**
 * The Store contract suite: every backend's test calls `runStoreContract(name, open)` and
 * must pass all of it. It states the behaviour the pipeline relies on — idempotent
 * upserts, identity by canonical URL or content, changed articles keeping their id,
 * all-or-nothing batches, listing and search semantics — on real articles
 * (testdata/articles.json, from saudinewsnet). `open(key)` opens the store for `key`:
 * the same key must give the same database (reopened), a new key an empty one.
 * The rest of the MarsadStore (stories, entities, sources, reader queries, related, update
 * paths through the pipeline) has its own suite: test/contract/marsad.ts.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeArticle, type Article } from '../model/article.ts';
import type { Store } from './types.ts';

export type OpenStore = (key: string) => Promise<Store>;

export function loadContractArticles(): Article[] {
  return JSON.parse(readFileSync(new URL('./testdata/articles.json', import.meta.url), 'utf8')) as Article[];
}

/** A copy with a changed text, through makeArticle (same URL → same id). */
export function withText(a: Article, text: string): Article {
  const { id: _id, ...rest } = a;
  return makeArticle({ ...rest, text });
}

export function runStoreContract(name: string, open: OpenStore): void {
  const all = loadContractArticles();
  const opened: Store[] = [];
  let n = 0;
  const fresh = async (): Promise<Store> => {
    const s = await open(`${name}-${process.pid}-${++n}`);
    opened.push(s);
    return s;
  };
  const loaded = async (articles = all): Promise<Store> => {
    const s = await fresh();
    await s.upsertArticles(articles);
    return s;
  };
  after(async () => {
    for (const s of opened) await s.close();
  });
  // The almadina pair: one article under `…html` and `…html?weekly`, crawled at two times.
  const weekly = all.find((a) => a.url?.endsWith('?weekly'))!;
  const distinct = new Set(all.map((a) => a.id)).size;

  describe(`Store contract: ${name}`, () => {
    describe('upsert', () => {
      test('adds a batch and reads every article back as given', async () => {
        const s = await fresh();
        const r = await s.upsertArticles(all);
        assert.equal(r.length, all.length);
        assert.equal(r.filter((x) => x.status === 'added').length, distinct);
        assert.equal(await s.countArticles(), distinct);
        const first = all[0]!;
        assert.deepEqual(await s.getArticle(first.id), first);
        assert.equal(await s.getArticle('0000000000000000'), null);
      });

      test('importing the same batch twice changes nothing', async () => {
        const s = await loaded();
        const r = await s.upsertArticles(all);
        assert.deepEqual(new Set(r.map((x) => x.status)), new Set(['unchanged']));
        assert.equal(await s.countArticles(), distinct);
        // In the other order too: the earliest publication time of a copy wins either way.
        const r2 = await s.upsertArticles([...all].reverse());
        assert.deepEqual(new Set(r2.map((x) => x.status)), new Set(['unchanged']));
      });

      test('one article under two URL forms is one row, with the earliest time', async () => {
        const s = await fresh();
        const base = all.find((a) => a.url === weekly.url!.replace(/\?weekly$/, ''))!;
        assert.equal(base.id, weekly.id);
        const r = await s.upsertArticles([weekly, base]);
        assert.equal(r[0]!.status, 'added');
        assert.equal(await s.countArticles(), 1);
        const got = await s.getArticle(base.id);
        const earliest = [base.publishedAt!, weekly.publishedAt!].sort()[0];
        assert.equal(got?.publishedAt, earliest);
        assert.equal((await s.getArticleByUrl(`${base.url}?utm_source=x#top`))?.id, base.id);
      });

      test('the same URL arriving with another id keeps the stored id', async () => {
        const s = await loaded();
        const a = all[3]!;
        const r = await s.upsertArticles([{ ...a, id: 'ffffffffffffffff' }]);
        assert.deepEqual(r, [{ id: a.id, status: 'unchanged' }]);
        assert.equal(await s.getArticle('ffffffffffffffff'), null);
        assert.equal(await s.countArticles(), distinct);
      });

      test('a changed article replaces the old one, keeps its id, and is searched by its new words', async () => {
        const s = await loaded();
        const a = all.find((x) => x.title.includes('الشيلات'))!;
        const changed = withText(a, `${a.text}\n\nوأضاف أن مهرجان الزعفران سيقام في الخريف.`);
        assert.equal(changed.id, a.id);
        assert.deepEqual(await s.upsertArticles([changed]), [{ id: a.id, status: 'updated' }]);
        assert.equal((await s.getArticle(a.id))?.text, changed.text);
        assert.equal(await s.countArticles(), distinct);
        const hits = (await s.search({ q: 'الزعفران' })).hits;
        assert.deepEqual(hits.map((h) => h.id), [a.id]);
        // Back to the old text: the new word is gone from the index.
        assert.equal((await s.upsertArticles([a]))[0]!.status, 'updated');
        assert.equal((await s.search({ q: 'الزعفران' })).hits.length, 0);
      });

      test('without a URL an article is its content: metadata changes update it', async () => {
        const s = await fresh();
        const { id: _id, ...rest } = all[5]!;
        const a = makeArticle({ ...rest, url: null });
        assert.equal((await s.upsertArticles([a]))[0]!.status, 'added');
        assert.equal((await s.upsertArticles([a]))[0]!.status, 'unchanged');
        const moved = { ...a, outlet: 'okaz' };
        assert.deepEqual(await s.upsertArticles([moved]), [{ id: a.id, status: 'updated' }]);
        assert.equal((await s.getArticle(a.id))?.outlet, 'okaz');
        assert.equal(await s.countArticles(), 1);
      });

      test('computed fields are stored, kept when not given, cleared when the text changes', async () => {
        const s = await loaded();
        const a = all[0]!;
        const enriched: Article = {
          ...a,
          entities: [{ id: 'iran', name: 'إيران', type: 'country', mentions: 3 }],
          keywords: ['الاتفاق النووي'],
          storyId: 's1',
          duplicateOf: all[1]!.id,
        };
        assert.equal((await s.upsertArticles([enriched]))[0]!.status, 'updated');
        assert.deepEqual(await s.getArticle(a.id), enriched);
        assert.equal((await s.upsertArticles([enriched]))[0]!.status, 'unchanged');
        assert.equal((await s.upsertArticles([a]))[0]!.status, 'unchanged');
        assert.deepEqual((await s.getArticle(a.id))?.entities, enriched.entities);
        await s.upsertArticles([withText(a, a.text + ' تحديث')]);
        const got = await s.getArticle(a.id);
        assert.equal(got?.entities, undefined);
        assert.equal(got?.storyId, undefined);
      });

      test('a batch is all or nothing', async () => {
        const s = await loaded(all.slice(0, 5));
        const bad = { ...all[6]!, title: null } as unknown as Article;
        await assert.rejects(s.upsertArticles([all[7]!, withText(all[0]!, 'نص جديد'), bad]));
        assert.equal(await s.countArticles(), 5);
        assert.equal(await s.getArticle(all[7]!.id), null);
        assert.equal((await s.getArticle(all[0]!.id))?.text, all[0]!.text);
      });

      test('data survives closing and reopening', async () => {
        const key = `${name}-${process.pid}-reopen`;
        const s1 = await open(key);
        await s1.upsertArticles(all);
        await s1.close();
        const s2 = await open(key);
        opened.push(s2);
        assert.equal(await s2.countArticles(), distinct);
        assert.equal((await s2.search({ q: 'كبتاجون' })).hits.length, 1);
      });
    });

    describe('listing', () => {
      test('newest first, with outlet and date filters and a keyset cursor', async () => {
        const s = await loaded();
        const list = await s.listArticles({ limit: 1000 });
        assert.equal(list.length, distinct);
        const keys = list.map((a) => `${a.publishedAt}|${a.id}`);
        assert.deepEqual(keys, [...keys].sort().reverse());
        const pages: string[] = [];
        let before: { publishedAt: string | null; id: string } | null = null;
        for (;;) {
          const page: Article[] = await s.listArticles({ limit: 7, before });
          if (page.length === 0) break;
          pages.push(...page.map((a) => a.id));
          const last = page[page.length - 1]!;
          before = { publishedAt: last.publishedAt, id: last.id };
        }
        assert.deepEqual(pages, list.map((a) => a.id));
        const aawsat = await s.listArticles({ outlet: 'aawsat', limit: 1000 });
        assert.ok(aawsat.length > 0 && aawsat.every((a) => a.outlet === 'aawsat'));
        const day = await s.listArticles({ from: '2015-07-26', to: '2015-07-26', limit: 1000 });
        assert.ok(day.length > 0 && day.every((a) => a.publishedAt!.startsWith('2015-07-26')));
      });

      test('outlets with counts, most first', async () => {
        const s = await loaded();
        const outlets = await s.listOutlets();
        assert.equal(outlets.reduce((n, o) => n + o.count, 0), distinct);
        assert.deepEqual(outlets.map((o) => o.count), [...outlets.map((o) => o.count)].sort((x, y) => y - x));
      });
    });

    describe('search', () => {
      test('finds hamza spellings both ways and ranks headline matches first', async () => {
        const s = await loaded();
        for (const q of ['ايران', 'إيران']) {
          const r = await s.search({ q, limit: 50 });
          const titles = r.hits.map((h) => h.title);
          assert.ok(titles.some((t) => t.includes('إيران')), q);
          assert.ok(titles.some((t) => t.includes('ايران')), q);
          assert.ok(r.total >= titles.length);
          assert.match(r.hits[0]!.title, /[إا]يران/);
        }
      });

      test('a clitic does not hide a word: طهران finds وطهران', async () => {
        const s = await loaded();
        const r = await s.search({ q: 'طهران', limit: 50 });
        assert.ok(r.hits.some((h) => h.title === 'قالوا'));
      });

      test('snippets highlight the matched words in their original spelling', async () => {
        const s = await loaded();
        const r = await s.search({ q: 'ايران النووي' });
        const h = r.hits[0]!;
        assert.ok(h.highlights.length > 0);
        const words = h.highlights.map(([a, b]) => h.snippet.slice(a, b));
        assert.ok(words.some((w) => /^[و]?[إا]يران$/.test(w)), words.join(','));
        assert.ok(words.every((w) => /يران|نووي/.test(w)), words.join(','));
      });

      test('phrase, exclusion and OR', async () => {
        const s = await loaded();
        const phrase = await s.search({ q: '"وزير الخارجية"', limit: 50 });
        assert.ok(phrase.hits.length >= 5);
        const excl = await s.search({ q: '"وزير الخارجية" -الإيراني', limit: 50 });
        assert.ok(excl.hits.length > 0 && excl.hits.length < phrase.hits.length);
        assert.ok(!excl.hits.some((h) => h.title.includes('الإيراني')));
        const either = await s.search({ q: 'الشيلات OR كبتاجون', limit: 50 });
        const expected = all.filter((a) => /الشيلات|كبتاجون/.test(a.title + a.text)).map((a) => a.title);
        assert.equal(expected.length, 3);
        assert.deepEqual(either.hits.map((h) => h.title).sort(), expected.sort());
        const both = await s.search({ q: 'الشيلات كبتاجون', limit: 50 });
        assert.ok(both.notice && both.hits.length === 3, 'no article has both: the page holds those with either');
      });

      test('filters: outlet, date range, tag', async () => {
        const tagged = all.map((a) => (a.title.includes('البحرين') && a.title.includes('إيران') ? { ...a, tags: ['البحرين', 'إيران'] } : a));
        const s = await loaded(tagged);
        const byOutlet = await s.search({ q: 'إيران', outlet: 'aawsat', limit: 50 });
        assert.ok(byOutlet.hits.length > 0 && byOutlet.hits.every((h) => h.outlet === 'aawsat'));
        const byDate = await s.search({ q: 'إيران', from: '2015-07-26', to: '2015-07-26', limit: 50 });
        assert.ok(byDate.hits.length > 0 && byDate.hits.every((h) => h.publishedAt!.startsWith('2015-07-26')));
        // The tag matches however it is spelled: `ايران` finds articles tagged `إيران`.
        const byTag = await s.search({ q: 'إيران', tag: 'ايران', limit: 50 });
        const ids = byTag.hits.map((h) => h.id);
        for (const a of tagged) if (a.title.includes('البحرين') && a.title.includes('إيران')) assert.ok(ids.includes(a.id), a.title);
        for (const id of ids) assert.ok((await s.getArticle(id))!.tags.some((t) => /^[إا]يران$/.test(t)), id);
        assert.ok(ids.length < (await s.search({ q: 'إيران', limit: 50 })).hits.length);
        const bad = await s.search({ q: 'إيران', from: 'yesterday' });
        assert.equal(bad.hits.length, 0);
        assert.ok(bad.notice);
      });

      test('limit and offset page through the same ranking', async () => {
        const s = await loaded();
        const top = await s.search({ q: 'إيران', limit: 6 });
        const p2 = await s.search({ q: 'إيران', limit: 3, offset: 3 });
        assert.deepEqual(p2.hits.map((h) => h.id), top.hits.slice(3).map((h) => h.id));
      });

      test('bad queries give an empty result and a notice, never an exception', async () => {
        const s = await loaded();
        const queries = ['', '   ', 'في من على', '،؟!..', '-إيران', 'x'.repeat(10_000), '"غير مغلق', 'NEAR(a b) * ^ : ( )', "'; DROP TABLE articles; --"];
        for (const q of queries) {
          const r = await s.search({ q });
          assert.ok(Array.isArray(r.hits), q);
          if (r.hits.length === 0) assert.ok(r.notice || r.total === 0, q.slice(0, 20));
        }
        assert.equal(await s.countArticles(), distinct);
        for (const q of ['', 'في من على', '-إيران', 'x'.repeat(10_000)]) {
          const r = await s.search({ q });
          assert.equal(r.hits.length, 0);
          assert.ok(r.notice, q.slice(0, 20));
        }
      });
    });
  });
}
