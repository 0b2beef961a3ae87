/**
 * Story collapse (src/store/query.ts): search and listings with `collapse: 'story'` give one
 * row per story, on every backend, on real wire copies — the SaudiNewsNet day 2015-07-22
 * (test/testdata), where the visit of the US defence secretary was carried by nine outlets
 * and `وزير الدفاع` matches several copies of each story. Run by test/marsad-contract.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/model/article.ts';
import type { ListedArticle } from '../../src/model/reader.ts';
import type { SearchHit } from '../../src/model/search.ts';
import { parseDocument } from '../../src/ingest/index.ts';
import { readInputs } from '../../src/ingest/inputs.ts';
import { ingest } from '../../src/pipeline/index.ts';
import { FTS_TUNING } from '../../src/store/query.ts';
import type { MarsadStore } from '../../src/store/index.ts';
import type { OpenMarsad } from './marsad.ts';

const DAY = fileURLToPath(new URL('../testdata/saudinewsnet/2015-07-22.zip', import.meta.url));
const Q = 'وزير الدفاع';

/** The day's articles about the visit and the Emirati soldier, and 120 others. */
async function dayArticles(): Promise<Article[]> {
  const all: Article[] = [];
  for await (const item of readInputs([DAY])) if ('doc' in item) all.push(...(await parseDocument(item.doc)).articles);
  const seen = new Set<string>();
  const pick = all.filter((a, i) => i < 120 || /وزير الدفاع|الفلاسي/.test(a.title + a.text));
  return pick.filter((a) => !seen.has(a.id) && seen.add(a.id));
}

/** Stories keyed as the store keys them (an ungrouped article is its own story). */
const keyOf = (a: Pick<Article, 'id' | 'storyId'>): string => a.storyId ?? `a:${a.id}`;

export function runCollapseContract(name: string, open: OpenMarsad): void {
  let s: MarsadStore;
  let byId: Map<string, Article>;
  const story = (h: { id: string }) => keyOf(byId.get(h.id)!);

  describe(`story collapse: ${name}`, () => {
    before(async () => {
      s = await open(`${name}-collapse-${process.pid}`);
      const articles = await dayArticles();
      await ingest(s, articles);
      byId = new Map((await s.getArticles(articles.map((a) => a.id))).map((a) => [a.id, a]));
    });
    after(async () => s?.close());

    test('search: one hit per story, in the order of each story\'s best copy, total counting stories', async () => {
      const flat = await s.search({ q: Q, limit: 100 });
      assert.ok(flat.total <= 100, 'every match in one page');
      const perStory = new Map<string, SearchHit[]>();
      for (const h of flat.hits) perStory.set(story(h), [...(perStory.get(story(h)) ?? []), h]);
      // The motivating case: the same wire text from several outlets, consecutive today.
      const wire = [...perStory.values()].filter((l) => new Set(l.map((h) => h.outlet)).size >= 3);
      assert.ok(wire.length >= 1, 'a story whose copies from three outlets all match');

      const got = await s.search({ q: Q, limit: 100, collapse: 'story' });
      assert.equal(got.total, perStory.size);
      assert.equal(got.hits.length, perStory.size);
      assert.equal(new Set(got.hits.map(story)).size, got.hits.length, 'no story twice');
      for (const h of got.hits) {
        const copies = perStory.get(story(h))!;
        assert.ok(copies.some((c) => c.id === h.id), 'the shown hit is one of its story\'s matches');
        assert.equal(h.coverage!.folded, copies.length - 1, h.id);
        assert.equal(h.coverage!.storyId, byId.get(h.id)!.storyId);
        const st = (await s.getStory(byId.get(h.id)!.storyId!))!;
        assert.deepEqual(h.coverage!.outlets, st.outlets);
        assert.equal(h.coverage!.articles, st.articleIds.length);
        assert.equal(h.coverage!.moreOutlets, st.outlets.filter((o) => o !== h.outlet).length);
        for (const a of h.coverage!.also) assert.ok(copies.some((c) => c.id === a.id && c.id !== h.id), 'also: another match of the story');
      }
      // Where the pool re-ranks every copy, the shown copy is the story's best-ranked one,
      // and the stories come in the order of their first copy in the flat list.
      const small = [...perStory.values()].every((l) => l.length <= FTS_TUNING.copies);
      const firsts = [...perStory.values()].map((l) => l[0]!.id);
      if (small) assert.deepEqual(got.hits.map((h) => h.id), firsts);
      assert.deepEqual(got.hits.map((h) => h.score), got.hits.map((h) => h.score).sort((x, y) => y - x), 'best first');
      const wireHit = got.hits.find((h) => story(h) === story(wire[0]![0]!))!;
      assert.ok(wireHit.coverage!.moreOutlets >= 2, 'and N more outlets');
      // Without collapse nothing changed: no coverage, articles counted.
      assert.ok(flat.hits.every((h) => h.coverage === undefined));
    });

    test('search: a quoted phrase collapses the same way (PostgreSQL scores it apart)', async () => {
      const flat = await s.search({ q: `"${Q}"`, limit: 100, snippets: false });
      const stories = new Set(flat.hits.map(story));
      assert.ok(flat.hits.length > stories.size);
      const got = await s.search({ q: `"${Q}"`, limit: 100, collapse: 'story', snippets: false });
      assert.equal(got.total, stories.size);
      assert.deepEqual(new Set(got.hits.map(story)), stories);
      assert.equal(got.hits.length, stories.size);
    });

    test('search: pages of stories are full, never repeat or skip a story', async () => {
      const all = await s.search({ q: Q, limit: 100, collapse: 'story', snippets: false });
      const paged: string[] = [];
      for (let offset = 0; offset < all.total; offset += 4) {
        const page = await s.search({ q: Q, limit: 4, offset, collapse: 'story', snippets: false });
        assert.equal(page.total, all.total);
        assert.equal(page.hits.length, Math.min(4, all.total - offset), `page at ${offset} is full`);
        paged.push(...page.hits.map((h) => h.id));
      }
      assert.deepEqual(paged, all.hits.map((h) => h.id));
    });

    test('search: filters apply before collapsing; an outlet filter shows that outlet\'s copy', async () => {
      const got = await s.search({ q: Q, limit: 100, outlet: 'المدينة', collapse: 'story' });
      assert.ok(got.hits.length >= 2);
      for (const h of got.hits) assert.equal(h.outlet, 'المدينة');
      assert.equal(new Set(got.hits.map(story)).size, got.hits.length);
    });

    /** Every listed copy (limit 1000, no collapse) grouped by story, each story's copies earliest first. */
    const listed = async (o: Record<string, string>) => {
      const flat = await s.listArticles({ ...o, limit: 1000 });
      const by = new Map<string, Article[]>();
      for (const a of flat) by.set(keyOf(a), [...(by.get(keyOf(a)) ?? []), a]);
      const earliest = (x: Article, y: Article) => (x.publishedAt ?? '\uffff').localeCompare(y.publishedAt ?? '\uffff') || x.id.localeCompare(y.id);
      for (const l of by.values()) l.sort(earliest);
      return { flat, by };
    };

    for (const [label, o] of [
      ['all', {}],
      ['an outlet', { outlet: 'الرياض' }],
      ['an entity', { entityId: 'country:US' }],
      ['a date', { from: '2015-07-22', to: '2015-07-22' }],
    ] as Array<[string, Record<string, string>]>) {
      test(`lists (${label}): one row per story, its earliest listed copy, newest first, pages stable`, async () => {
        const { flat, by } = await listed(o);
        assert.ok(flat.length > by.size, 'the list holds copies of one story');
        const got: ListedArticle[] = await s.listArticles({ ...o, limit: 1000, collapse: 'story' });
        assert.equal(got.length, by.size);
        for (const a of got) {
          const copies = by.get(keyOf(a))!;
          assert.equal(a.id, copies[0]!.id, `the earliest listed copy of ${keyOf(a)}`);
          assert.equal(a.coverage!.folded, copies.length - 1);
          assert.equal(a.coverage!.moreOutlets, a.coverage!.outlets.filter((x) => x !== a.outlet).length);
        }
        // Newest first as the flat list orders: the shown copies keep their flat order.
        const pos = new Map(flat.map((a, i) => [a.id, i]));
        assert.deepEqual(got.map((a) => pos.get(a.id)), got.map((a) => pos.get(a.id)).sort((x, y) => x! - y!));
        const paged: string[] = [];
        for (let offset = 0; offset < got.length; offset += 7) paged.push(...(await s.listArticles({ ...o, limit: 7, offset, collapse: 'story' })).map((a) => a.id));
        assert.deepEqual(paged, got.map((a) => a.id));
        // Keyset paging (`before`) walks the same rows.
        const keyset: string[] = [];
        let cursor: { publishedAt: string | null; id: string } | null = null;
        for (;;) {
          const page: ListedArticle[] = await s.listArticles({ ...o, limit: 7, before: cursor, collapse: 'story' });
          keyset.push(...page.map((a) => a.id));
          if (page.length < 7) break;
          const last = page[page.length - 1]!;
          cursor = { publishedAt: last.publishedAt, id: last.id };
        }
        assert.deepEqual(keyset, got.map((a) => a.id));
        if (o.outlet) for (const a of got) assert.equal(a.outlet, o.outlet);
      });
    }
  });
}
