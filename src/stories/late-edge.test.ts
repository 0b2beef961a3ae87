/**
 * The late-edge rule of `edgeOf` (src/stories/stable.ts): past two days a story edge needs a
 * headline that still says the same (title cosine ≥ lateMinTitle). A follow-up that repeats an
 * announcement's paragraph — Riyadh education's call to teaching applicants, then the director
 * general visiting the interview committees 55 h later — shares the lede but not the event; two
 * reports of one Eid visit 70 h apart keep their edge through their headlines.
 * Articles: src/stories/testdata/late-pairs.json (SaudiNewsNet, source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../model/article.ts';
import { addArticleStable, edgeOf, entryOf, frozenWeights, MemoryStoryIndex, STABLE_DEFAULTS } from './index.ts';
import { storyScore } from './similarity.ts';
import { pairArticles } from './testdata/pairs.ts';

const arts: Article[] = pairArticles('late-pairs.json');
const [call, applicants, visit, visitCopy, eidMadina, eidYoum] = arts as [Article, Article, Article, Article, Article, Article];
const w = frozenWeights();
const o = STABLE_DEFAULTS;
const hours = (x: Article, y: Article) => Math.abs(Date.parse(x.publishedAt!) - Date.parse(y.publishedAt!)) / 3_600_000;

test('the interviews visit 55 h after the applicants report: same lede, other headline, no edge', () => {
  for (const v of [visit, visitCopy]) {
    const [a, b] = [entryOf(applicants), entryOf(v)];
    const s = storyScore(a, b, w.idf);
    assert.ok(hours(applicants, v) > 48, 'more than two days apart');
    assert.ok(s.score >= o.storyMerge && s.lede >= 0.7, `${v.title}: the repeated paragraph makes a strong story score`);
    assert.ok(s.title < o.lateMinTitle, 'the headlines say something else');
    assert.equal(edgeOf(a, b, o, w), null, v.title);
    assert.equal(edgeOf(b, a, o, w), null, 'either argument order');
    assert.equal(edgeOf(a, b, { ...o, lateMinTitle: 0 }, w)?.kind, 'story', 'without the rule the shared lede makes a story edge');
  }
});

test('one Eid visit reported 70 h apart keeps its story edge: the headlines agree', () => {
  const [a, b] = [entryOf(eidMadina), entryOf(eidYoum)];
  assert.ok(hours(eidMadina, eidYoum) > 48);
  assert.ok(storyScore(a, b, w.idf).title >= o.lateMinTitle);
  assert.equal(edgeOf(a, b, o, w)?.kind, 'story');
});

test('stories: the call and the applicants together, the visit and its copy a story of their own', async () => {
  const index = new MemoryStoryIndex();
  for (const a of arts) await addArticleStable(index, a);
  const story = (a: Article) => index.getEntries([a.id])[0]!.storyId;
  assert.equal(story(call), story(applicants));
  assert.equal(story(visit), story(visitCopy));
  assert.notEqual(story(visit), story(applicants), 'the follow-up is another event');
  assert.equal(story(eidMadina), story(eidYoum));
  const old = new MemoryStoryIndex();
  for (const a of arts) await addArticleStable(old, a, { lateMinTitle: 0 });
  assert.equal(old.getEntries([visit.id])[0]!.storyId, old.getEntries([applicants.id])[0]!.storyId, 'the old rule joined them');
});
