/** Buckets and the timeline arithmetic of store/timeline.ts, without a store. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketOf, bucketRange, buildTimeline, lift, nextBucket, rebucket, TimelineError, type MentionRow } from './timeline.ts';

test('ISO weeks start on Monday, across a year boundary; months on the 1st', () => {
  assert.equal(bucketOf('2015-08-10', 'week'), '2015-08-10'); // a Monday
  assert.equal(bucketOf('2015-08-16', 'week'), '2015-08-10'); // its Sunday
  assert.equal(bucketOf('2016-01-01', 'week'), '2015-12-28'); // a Friday; ISO week 53 of 2015
  assert.equal(bucketOf('2015-02-28', 'month'), '2015-02-01');
  assert.equal(nextBucket('2015-12-28', 'week'), '2016-01-04');
  assert.equal(nextBucket('2016-01-31', 'day'), '2016-02-01');
  assert.equal(nextBucket('2015-12-01', 'month'), '2016-01-01');
  assert.deepEqual(bucketRange('2015-07-22', '2015-08-11', 'week'), ['2015-07-20', '2015-07-27', '2015-08-03', '2015-08-10']);
  assert.throws(() => bucketRange('1990-01-01', '2030-01-01', 'day'), (e: unknown) => e instanceof TimelineError && /^by: .* more than 10000 day buckets/.test(e.message));
});

const row = (entity: string, article: string, story: string, published: string | null, storyPublished: string | null): MentionRow => ({ entity, article, story, published, storyPublished });

test('a story counts once, on its earliest day; all needs every entity; undated units are apart', () => {
  const rows = [
    // story s1: copy a1 (day 1, mentions A and B), copy a2 (day 3, mentions A)
    row('A', 'a1', 's1', '2015-08-01T10:00:00Z', '2015-08-01T10:00:00Z'),
    row('B', 'a1', 's1', '2015-08-01T10:00:00Z', '2015-08-01T10:00:00Z'),
    row('A', 'a2', 's1', '2015-08-03T23:59:00Z', '2015-08-01T10:00:00Z'),
    // story s2: B in one article, A in another → the story mentions both
    row('B', 'a3', 's2', '2015-08-03T01:00:00Z', '2015-08-03T01:00:00Z'),
    row('A', 'a4', 's2', '2015-08-03T02:00:00Z', '2015-08-03T01:00:00Z'),
    row('A', 'a5', 's3', null, null),
  ];
  const ents = [{ id: 'A', name: 'أ' }, { id: 'B', name: 'ب' }];
  const s = buildTimeline(rows, ents, { by: 'day', unit: 'story', since: null, until: null });
  assert.deepEqual(s.buckets, [
    { start: '2015-08-01', counts: { A: 1, B: 1 }, all: 1 },
    { start: '2015-08-02', counts: { A: 0, B: 0 }, all: 0 },
    { start: '2015-08-03', counts: { A: 1, B: 1 }, all: 1 },
  ]);
  assert.deepEqual(s.totals, { counts: { A: 2, B: 2 }, all: 2, undated: { A: 1, B: 0 } });
  const a = buildTimeline(rows, ents, { by: 'day', unit: 'article', since: null, until: null });
  assert.deepEqual(a.buckets.map((b) => [b.start, b.counts.A, b.counts.B, b.all]), [['2015-08-01', 1, 1, 1], ['2015-08-02', 0, 0, 0], ['2015-08-03', 2, 1, 0]]);
  assert.deepEqual(rebucket(s, 'week').buckets, [{ start: '2015-07-27', counts: { A: 1, B: 1 }, all: 1 }, { start: '2015-08-03', counts: { A: 1, B: 1 }, all: 1 }]);
  const bounded = buildTimeline(rows, ents, { by: 'day', unit: 'story', since: '2015-08-02', until: '2015-08-05' });
  assert.deepEqual(bounded.buckets.map((b) => b.start), ['2015-08-02', '2015-08-03', '2015-08-04', '2015-08-05']);
  assert.equal(bounded.totals.counts.A, 1);
});

test('lift = n(a,b)·N / (n(a)·n(b)), 0 when a count is 0', () => {
  assert.equal(lift(10, 20, 50, 1000), 10);
  assert.equal(lift(1, 3, 7, 100), 4.762);
  assert.equal(lift(0, 3, 7, 100), 0);
});
