/**
 * The weak-keyword rules of the labelled-set scorer (eval/understand/score.ts weakReason) on
 * real sentences: a definite plural's nominative is the base form the annotation guidelines ask
 * for, not a fragment, where the article writes its oblique and the corpus knows it; judged
 * common at the df of the form the article writes.
 * Sentences: SaudiNewsNet (src/enrich/testdata/keywords-forms.json; source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedTermStats } from '../src/enrich/index.ts';
import { articleWords, weakReason } from '../eval/understand/score.ts';

const stats = shippedTermStats();
const none = new Set<string>();

test('a plural tagged in the nominative where the article writes the oblique is no fragment', () => {
  // 3alyoum, 2015-07-25 (settlers-stones).
  const words = articleWords('تغليظ عقوبة “راشقي الحجارة” على سيارات الجيش والمستوطنين', 'على تعديل قانون العقوبات الذي يشدد العقوبة بالسجن مدة تصل إلى 20 عامًا على راشقي الحجارة على سيارات الجيش والمستوطنين');
  assert.equal(weakReason('المستوطنين', words, stats, none), '');
  assert.equal(weakReason('المستوطنون', words, stats, none), '');
  // A nominative the corpus does not know is still a fragment (البحرين is no plural).
  const bahrain = articleWords('', 'وصل المنتخب إلى البحرين'); // (constructed)
  assert.equal(weakReason('البحرون', bahrain, stats, none), 'fragment');
});

test('a nominative is common when the oblique the article writes is', () => {
  // المواطنين is in over 5 % of the corpus's documents, المواطنون in under 1 %.
  // SaudiNewsNet, 2015-07-25: «… وهو ما أثار استهجان المواطنين في وسائل التواصل الاجتماعي».
  const words = articleWords('', 'وهو ما أثار استهجان المواطنين في وسائل التواصل الاجتماعي');
  assert.equal(weakReason('المواطنين', words, stats, none), 'common');
  assert.equal(weakReason('المواطنون', words, stats, none), 'common');
});
