/**
 * Keywords: a word or phrase that neither the title nor the lede names and that the body names
 * at most twice is an aside of the telling (a manner, a verb the analyzer keeps, a detail of a
 * quote) and weighs ASIDE_WEIGHT (keywords.ts); what the lede names outranks it.
 * Articles: testdata/keywords-aside.json (SaudiNewsNet, 2015-07-22; source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordFixture } from './testdata/keyword-fixture.ts';
import { LEDE_TOKENS } from './keyword-entities.ts';
import { docTokens } from './tokens.ts';

const { kw, articles } = keywordFixture('keywords-aside.json');
/** Body positions (tokens after the title) of a written word. */
const bodyAt = (id: string, norm: string): number[] => {
  const a = articles.get(id)!;
  const toks = docTokens(a.title, a.text);
  const start = toks.findIndex((t) => t.seg === 1);
  return toks.flatMap((t, i) => (t.norm === norm ? [i - start] : []));
};

test('a manner named twice after the lede is no keyword; the city the lede names is', () => {
  // aawsat «الفيفا يقاضي الكوميديان لبريطاني الذي سخر من بلاتر»: «… وأمطر الأخير بدولارات
  // مزيفة متهكما على …» and «وقال برودكين متهكما …» — how he spoke, not what the story is about.
  const at = bodyAt('fifa-comedian', 'متهكما');
  assert.equal(at.length, 2);
  assert.ok(at.every((i) => i >= LEDE_TOKENS), at.join(','));
  const kws = kw('fifa-comedian');
  assert.ok(!kws.includes('متهكما'), kws.join(' | '));
  assert.ok(kws.includes('زيوريخ') && kws.includes('سيمون برودكين') && kws.includes('كأس العالم'), kws.join(' | '));
});

test('a verb of a quoted mother, named twice far down, is no keyword', () => {
  // aawsat «الموقف التركي.. هجوم ودفاع»: «فهما لم يقولا لي شيئًا …»، «لم يقولا لي أي تفاصيل».
  const kws = kw('davutoglu-suspect');
  assert.ok(!kws.includes('يقول'), kws.join(' | '));
  // (داعش by its name, not the article's «تنظيم داعش»: keyword-entities.ts)
  assert.ok(kws.includes('داود أوغلو') && kws.includes('داعش') && kws.includes('تحديد مشتبه'), kws.join(' | '));
});

test('an indefinite accusative (a counted noun, a state) is no keyword; the noun is', () => {
  // aljazirah, teachers appointed in Wadi al-Dawasir: «… والبالغ عددهم 139 معلماً» beside «شؤون المعلمين».
  const teachers = kw('teachers-dawasir');
  assert.ok(!teachers.includes('معلما'), teachers.join(' | '));
  assert.ok(teachers.some((k) => /^المعلم(ون|ين)$/.test(k) || k === 'شؤون المعلمين'), teachers.join(' | '));
  // almadina «مؤشر سوق الأسهم يستأنف تداولات مابعد العيد مرتفعاً بـ 43 نقطة».
  const market = kw('market-rise');
  assert.ok(!market.includes('مرتفعا'), market.join(' | '));
  assert.ok(market.includes('مؤشر سوق الأسهم'), market.join(' | '));
});
