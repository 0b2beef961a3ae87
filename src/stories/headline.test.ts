/**
 * Headline edges (src/stories/stable.ts, `edgeOf`): a report rewritten over another lede, or
 * carried with an empty body, joins the story of its same-headline counterpart; a template
 * headline that differs in the entity it is about (the country of a royal telegram) does not.
 * Articles: src/stories/testdata/headline-pairs.json (SaudiNewsNet, source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../model/article.ts';
import { shuffled } from '../../bench/rng.ts';
import { addArticleStable, edgeOf, entryOf, frozenWeights, MemoryStoryIndex, STABLE_DEFAULTS } from './index.ts';
import { storyScore } from './similarity.ts';
import { pairArticles } from './testdata/pairs.ts';

const arts: Article[] = pairArticles('headline-pairs.json');
const [singaporeEmpty, singapore, boliviaEmpty, bolivia, ivoryCoast, suezOkaz, suezEqt, aramcoEid, habibEid] = arts as [Article, Article, Article, Article, Article, Article, Article, Article, Article];
const w = frozenWeights();
const o = STABLE_DEFAULTS;
const edge = (x: Article, y: Article) => edgeOf(entryOf(x), entryOf(y), o, w);

test('an empty-bodied report joins the same telegram by its headline, as a weak edge', () => {
  assert.equal(singaporeEmpty.text, '');
  for (const [x, y] of [
    [singaporeEmpty, singapore],
    [boliviaEmpty, bolivia],
  ] as const) {
    const e = edge(x, y);
    assert.equal(e?.kind, 'story', `${x.title} / ${y.title}`);
    assert.ok(e.score < o.storyMerge, 'a headline edge never joins two stories of several reports');
    assert.deepEqual(edge(y, x), e, 'the edge is a function of the pair');
  }
});

test('a rewrite under the same headline over another lede is a story edge (hand-checked pair)', () => {
  const e = edge(suezOkaz, suezEqt);
  assert.equal(e?.kind, 'story');
  // Without the headline rule the pair has no edge: its ledes share too little.
  assert.equal(edgeOf(entryOf(suezOkaz), entryOf(suezEqt), { ...o, headlineTitle: 2 }, w), null);
});

test('a template headline about another subject is no edge: the two name no common entity', () => {
  // «أرامكو السعودية تعايد مرضاها في مستشفيات جدة» / «مستشفيات د. سليمان الحبيب تعايد مرضاها»
  const [x, y] = [entryOf(aramcoEid), entryOf(habibEid)];
  assert.ok(storyScore(x, y, w.idf).title >= o.headlineTitle, 'the headlines are alike enough');
  assert.equal(edgeOf(x, y, o, w), null);
  assert.equal(edgeOf(x, y, { ...o, headlineMinEntities: 0 }, w)?.kind, 'story', 'the entity test is what tells them apart');
  // The telegram to another president: an empty body has no fingerprint, so only a headline could link it.
  assert.equal(edge(singaporeEmpty, ivoryCoast), null);
  assert.equal(edge(boliviaEmpty, ivoryCoast), null);
});

test('stories: the telegram pairs and the canal pair grouped, in any arrival order', async () => {
  const storyOf = async (order: readonly Article[]) => {
    const index = new MemoryStoryIndex();
    const out = new Map<string, string>();
    for (const a of order) await addArticleStable(index, a);
    for (const a of arts) out.set(a.id, index.getEntries([a.id])[0]!.storyId);
    return out;
  };
  const want = await storyOf(arts);
  assert.equal(want.get(singaporeEmpty.id), want.get(singapore.id));
  assert.equal(want.get(boliviaEmpty.id), want.get(bolivia.id));
  assert.equal(want.get(suezOkaz.id), want.get(suezEqt.id));
  assert.notEqual(want.get(suezOkaz.id), want.get(bolivia.id));
  for (const seed of [1, 2]) assert.deepEqual(await storyOf(shuffled(arts, seed)), want, `order ${seed}`);
});
