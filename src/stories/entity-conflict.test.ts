/**
 * The entity rule of `edgeOf` (src/stories/stable.ts): two reports that each name entities and
 * share none get no story edge unless their headlines say the same — the templates whose slots
 * hold the names (a promotion «يقلّد … رتبته الجديدة», a martyr notice of the joint command) reach
 * a story score through their common wording alone — also when the only entity they share is the
 * body that issues every such notice (the joint command), since each names a soldier and a city of
 * its own. A rewrite of one event names the same people and places and keeps its edge.
 * Articles: src/stories/testdata/entity-pairs.json (SaudiNewsNet, source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../model/article.ts';
import { addArticleStable, edgeOf, entryOf, frozenWeights, MemoryStoryIndex, STABLE_DEFAULTS } from './index.ts';
import { storyScore } from './similarity.ts';
import { pairArticles } from './testdata/pairs.ts';

const arts: Article[] = pairArticles('entity-pairs.json');
const [taifPromotion, asirPromotion, jazanMartyr, najranMartyr, tokyoEqt, tokyoRiyadh] = arts as [Article, Article, Article, Article, Article, Article];
const w = frozenWeights();
const o = STABLE_DEFAULTS;

test('two promotions and two martyr notices: same wording, other names, no edge', () => {
  for (const [x, y] of [
    [taifPromotion, asirPromotion],
    [jazanMartyr, najranMartyr],
  ] as const) {
    const [a, b] = [entryOf(x), entryOf(y)];
    const s = storyScore(a, b, w.idf);
    assert.ok(a.entities.length > 0 && b.entities.length > 0, `${x.title}: both name entities`);
    // No entity in common but, in the martyr notices, the body that issues them all (the joint command).
    const shared = a.entities.filter((e) => b.entities.includes(e));
    assert.ok(shared.every((e) => /^(org|agency):/.test(e)), `${x.title} / ${y.title}: only a body in common (${shared.join(', ')})`);
    assert.ok(s.title < o.headlineTitle, 'the headlines are not the same headline');
    assert.equal(edgeOf(a, b, o, w), null, `${x.title} / ${y.title}`);
    assert.equal(edgeOf(b, a, o, w), null, 'either argument order');
    assert.equal(edgeOf(a, b, { ...o, entityConflict: false }, w)?.kind, 'story', 'the template wording alone makes a story edge');
  }
});

test('the joint command in both martyr notices: the body that issues them, their soldiers and cities apart', () => {
  const [a, b] = [entryOf(jazanMartyr), entryOf(najranMartyr)];
  const shared = a.entities.filter((e) => b.entities.includes(e));
  assert.deepEqual(shared, ['org:قياده_القوات_المشتركه'], 'the one entity in common is the command');
  assert.ok(storyScore(a, b, w.idf).entities > 0);
  assert.equal(edgeOf(a, b, o, w), null, 'a body in common does not make two soldiers one event');
});

test('one event rewritten names common entities and keeps its story edge', () => {
  const [a, b] = [entryOf(tokyoEqt), entryOf(tokyoRiyadh)];
  assert.ok(storyScore(a, b, w.idf).entities > 0);
  assert.equal(edgeOf(a, b, o, w)?.kind, 'story');
});

test('stories: the promotions and the martyr notices apart, the Tokyo crash together', async () => {
  const index = new MemoryStoryIndex();
  for (const a of arts) await addArticleStable(index, a);
  const story = (a: Article) => index.getEntries([a.id])[0]!.storyId;
  assert.notEqual(story(taifPromotion), story(asirPromotion));
  assert.notEqual(story(jazanMartyr), story(najranMartyr));
  assert.equal(story(tokyoEqt), story(tokyoRiyadh));
});
