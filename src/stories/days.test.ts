/**
 * Daily reports on different days share no edge (src/stories/days.ts, `edgeOf`'s day rule):
 * the weather report of the Presidency of Meteorology repeats its template every day
 * («… في تقريرها عن حالة الطقس لهذا اليوم …») with other figures; two days of it are two
 * events, two outlets' copies of one day are one. Articles: src/stories/testdata/day-pairs.json
 * (SaudiNewsNet, source and licence there; the first and third are a hand-checked `diff` pair).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeArticle, type Article } from '../model/article.ts';
import { extractEntities } from '../enrich/index.ts';
import { shuffled } from '../../bench/rng.ts';
import { addArticleStable, edgeOf, entryOf, frozenWeights, MemoryStoryIndex, STABLE_DEFAULTS } from './index.ts';
import { dayOf, daysConflict, eventDays } from './days.ts';

const data = JSON.parse(readFileSync(new URL('./testdata/day-pairs.json', import.meta.url), 'utf8')) as { articles: Array<Parameters<typeof makeArticle>[0]> };
const arts: Article[] = data.articles.map((x) => {
  const a = makeArticle(x);
  return { ...a, entities: extractEntities(a) };
});
const [heat21, dust21, heat22, heatMadina22] = arts as [Article, Article, Article, Article];
const w = frozenWeights();
const o = STABLE_DEFAULTS;
const time = (a: Article) => Date.parse(a.publishedAt!);

test('a daily report names its own day; other text names none', () => {
  assert.deepEqual(eventDays(heat21.text, time(heat21)), [dayOf(time(heat21))]);
  assert.deepEqual(eventDays(heat22.text, time(heat22)), [dayOf(time(heat22))]);
  assert.equal(dayOf(time(heat22)) - dayOf(time(heat21)), 1);
  // «اليوم» as a name or without «هذا» gives no day: the crawl time is not when it was written.
  assert.deepEqual(eventDays('عين اليوم – بيروت قال المرصد السوري اليوم الجمعة إن متشددين خطفوا عشرات', time(heat21)), []);
  assert.deepEqual(eventDays('احتفلت المدارس باليوم الوطني هذا العام', time(heat21)), []);
  assert.deepEqual(eventDays('تقريرها عن حالة الطقس لِهَذَا اليَوْمِ', time(heat21)), [dayOf(time(heat21))], 'diacritics do not hide it');
  // Saudi time: 22:30 UTC is already the next day.
  assert.equal(dayOf(Date.parse('2015-07-21T22:30:00Z')), dayOf(Date.parse('2015-07-22T09:00:00Z')));
  assert.equal(daysConflict([1], [2]), true);
  assert.equal(daysConflict([1], []), false);
  assert.equal(daysConflict(undefined, [2]), false);
});

test('two days of the weather template share no edge; without the day rule they do', () => {
  const [a, b] = [entryOf(heat21), entryOf(heat22)];
  assert.equal(edgeOf(a, b, o, w), null);
  assert.equal(edgeOf(a, b, { ...o, dayConflict: false }, w)?.kind, 'story', 'a strong story edge: the same template text');
  // One day's two reports still link (a near-duplicate: the same day's report, two headlines).
  assert.equal(edgeOf(entryOf(heat22), entryOf(heatMadina22), o, w)?.kind, 'dup');
  assert.equal(edgeOf(entryOf(heat21), entryOf(dust21), o, w)?.kind, 'dup');
});

test('stories: each day its own story, in any arrival order', async () => {
  const storyOf = async (order: readonly Article[]) => {
    const index = new MemoryStoryIndex();
    for (const a of order) await addArticleStable(index, a);
    return new Map(arts.map((a) => [a.id, index.getEntries([a.id])[0]!.storyId]));
  };
  const want = await storyOf(arts);
  assert.equal(want.get(heat21.id), want.get(dust21.id));
  assert.equal(want.get(heat22.id), want.get(heatMadina22.id));
  assert.notEqual(want.get(heat21.id), want.get(heat22.id));
  for (const seed of [1, 2, 3]) assert.deepEqual(await storyOf(shuffled(arts, seed)), want, `order ${seed}`);
});
