/**
 * The timeline and co-mention checks both backends must pass (test/timeline.test.ts on
 * SQLite, test/pg-timeline.test.ts on PostgreSQL), each against a brute-force count over
 * the stored articles (test/timeline-brute.ts). The store holds the bundled sample
 * (2015-08-10/11) and the saudinewsnet day 2015-07-22, imported through the pipeline: a
 * gap of 18 empty days between them, and wire copies grouped into stories.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../src/model/article.ts';
import { openStore, type MarsadStore } from '../src/store/index.ts';
import { importInputs } from '../src/pipeline/import.ts';
import { ingest } from '../src/pipeline/index.ts';
import { copyStore } from './store-cache.ts';
import { TimelineError } from '../src/store/timeline.ts';
import { allArticles, bruteComentions, bruteTimeline, bruteTogether } from './timeline-brute.ts';

export const SAMPLE = new URL('../data/samples/saudinewsnet-2015-08-10_11.jsonl.gz', import.meta.url).pathname;
export const DAY = new URL('./testdata/saudinewsnet/2015-07-22.zip', import.meta.url).pathname;

/** A SQLite store at `path` holding SAMPLE and DAY imported through the pipeline (built once per test run: store-cache.ts). */
export async function openSampleAndDay(path: string): Promise<MarsadStore> {
  await copyStore('sample-day.db', async (p) => {
    const s = await openStore(p);
    await importInputs(s, [SAMPLE, DAY], { ingest: (b) => ingest(s, b) });
    await s.close();
  }, path);
  return openStore(path);
}

const IR = 'country:IR';
const RU = 'country:RU';
const SA = 'country:SA';

export function timelineSuite(name: string, get: () => MarsadStore, opts: { skip?: string | false } = {}): void {
  let articles: Article[] = [];
  const skip = opts.skip ?? false;
  const store = () => get();
  const load = async () => (articles.length ? articles : (articles = await allArticles(store())));

  test(`${name}: day buckets equal the brute-force count, empty days included (a gap)`, { skip }, async () => {
    await load();
    for (const unit of ['story', 'article'] as const) {
      const t = await store().timeline({ entities: ['إيران', 'روسيا'], by: 'day', unit });
      assert.deepEqual(t.entities.map((e) => e.id), [IR, RU], 'names resolve like marsad entity');
      assert.equal(t.unit, unit);
      const brute = bruteTimeline(articles, [IR, RU], unit, 'day');
      const days = [...brute.keys()].sort();
      assert.equal(t.buckets[0]!.start, days[0]);
      assert.equal(t.buckets.at(-1)!.start, days.at(-1));
      // Contiguous days: each bucket is the day after the previous one.
      for (let i = 1; i < t.buckets.length; i++) {
        assert.equal(Date.parse(t.buckets[i]!.start) - Date.parse(t.buckets[i - 1]!.start), 86_400_000, `bucket ${i} follows`);
      }
      for (const b of t.buckets) assert.deepEqual({ counts: b.counts, all: b.all }, brute.get(b.start) ?? { counts: { [IR]: 0, [RU]: 0 }, all: 0 }, `${unit} ${b.start}`);
      const empty = t.buckets.filter((b) => b.counts[IR] === 0 && b.counts[RU] === 0);
      assert.ok(empty.some((b) => b.start === '2015-08-01'), 'the days between the two imports are present, as zeros');
      assert.ok(empty.length >= 15, `a gap of empty days (${empty.length})`);
      for (const b of t.buckets) assert.ok(b.all <= Math.min(b.counts[IR]!, b.counts[RU]!), 'together ≤ each');
      assert.ok(t.totals.all > 0, 'some stories mention both');
    }
  });

  test(`${name}: stories ≤ articles in every bucket, and wire copies count once`, { skip }, async () => {
    const s = await store().timeline({ entities: [SA], by: 'day', unit: 'story' });
    const a = await store().timeline({ entities: [SA], by: 'day', unit: 'article' });
    assert.equal(s.buckets.length, a.buckets.length);
    let fewer = 0;
    s.buckets.forEach((b, i) => {
      assert.ok(b.counts[SA]! <= a.buckets[i]!.counts[SA]!, `${b.start}: ${b.counts[SA]} stories ≤ ${a.buckets[i]!.counts[SA]} articles`);
      if (b.counts[SA]! < a.buckets[i]!.counts[SA]!) fewer++;
    });
    assert.ok(fewer > 0, 'on some day copies of one story were carried by several outlets');
    // The article unit agrees with the entity's kept article count (dated + undated).
    const e = (await store().getEntity(SA))!;
    assert.equal(a.totals.counts[SA]! + a.totals.undated[SA]!, e.articleCount);
  });

  test(`${name}: week (from Monday) and month buckets, since/until`, { skip }, async () => {
    await load();
    const w = await store().timeline({ entities: [IR, RU], by: 'week' });
    for (const b of w.buckets) assert.equal(new Date(`${b.start}T00:00:00Z`).getUTCDay(), 1, `${b.start} is a Monday`);
    assert.deepEqual(w.buckets.map((b) => b.start), ['2015-07-20', '2015-07-27', '2015-08-03', '2015-08-10']);
    const bw = bruteTimeline(articles, [IR, RU], 'story', 'week');
    for (const b of w.buckets) assert.deepEqual({ counts: b.counts, all: b.all }, bw.get(b.start) ?? { counts: { [IR]: 0, [RU]: 0 }, all: 0 });
    const m = await store().timeline({ entities: [IR], by: 'month', unit: 'article' });
    assert.deepEqual(m.buckets.map((b) => b.start), ['2015-07-01', '2015-08-01']);
    const bounded = await store().timeline({ entities: [IR], by: 'day', since: '2015-08-05', until: '2015-08-12' });
    assert.equal(bounded.buckets[0]!.start, '2015-08-05', 'since starts the axis even on an empty day');
    assert.equal(bounded.buckets.at(-1)!.start, '2015-08-12');
    const bb = bruteTimeline(articles, [IR], 'story', 'day', '2015-08-05', '2015-08-12');
    assert.equal(bounded.totals.counts[IR], [...bb.values()].reduce((n, b) => n + b.counts[IR]!, 0));
  });

  test(`${name}: bad requests name what is wrong`, { skip }, async () => {
    const bad = async (q: Parameters<MarsadStore['timeline']>[0], re: RegExp) => {
      await assert.rejects(store().timeline(q), (e: unknown) => e instanceof TimelineError && re.test(e.message));
    };
    await bad({ entities: ['لا-كيان-بهذا-الاسم'] }, /^entity: no entity "لا-كيان-بهذا-الاسم"/);
    await bad({ entities: [] }, /^entity: give at least one/);
    await bad({ entities: [IR], by: 'year' as never }, /^by: must be day, week or month/);
    await bad({ entities: [IR], unit: 'copies' as never }, /^unit: must be story or article/);
    await bad({ entities: [IR], since: '2015-13-01' }, /^since: not a date/);
    await bad({ entities: [IR], since: '2015-08-10', until: '2015-08-01' }, /^until: 2015-08-01 is before since/);
  });

  test(`${name}: co-mentions and lift equal the brute-force computation over stories`, { skip }, async () => {
    await load();
    const c = await store().comentions('إيران', 15);
    const b = bruteComentions(articles, IR);
    assert.equal(c.totalStories, b.N);
    assert.equal(c.entity.stories, b.na);
    const expected = b.rows.sort((x, y) => y.together - x.together || y.lift - x.lift || x.id.localeCompare(y.id)).slice(0, 15);
    assert.deepEqual(
      c.results.map((r) => ({ id: r.id, together: r.together, stories: r.stories, lift: r.lift })),
      expected,
    );
    assert.ok(c.results.every((r) => r.id !== IR), 'not co-mentioned with itself');
  });

  test(`${name}: stories mentioning both, newest first`, { skip }, async () => {
    await load();
    const s = await store().storiesTogether(['روسيا', 'إيران'], 1000);
    const brute = bruteTogether(articles, [RU, IR]);
    assert.equal(s.total, brute.length);
    assert.deepEqual(new Set(s.stories.map((x) => x.id)), new Set(brute.map((u) => u.key)));
    const dates = s.stories.map((x) => x.date ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
    assert.ok(s.stories.every((x) => x.articleIds.length >= 1 && x.title));
    const top = await store().storiesTogether(['روسيا', 'إيران'], 3);
    assert.deepEqual(top.stories.map((x) => x.id), s.stories.slice(0, 3).map((x) => x.id));
  });
}
