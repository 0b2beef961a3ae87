/**
 * Keywords: a country the article names only through demonyms — whose team, cup, market or
 * man it is (`كأس السوبر السعودي`, `الأسهم الأمريكية`, `الملياردير الأمريكي`) — is no keyword,
 * however often the demonym recurs or the headline holds it; the phrase holding the demonym
 * still is (keyword-entities.ts entityRanks).
 * Articles: testdata/keywords-demonym.json (SaudiNewsNet, 2015-08-10; source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordFixture } from './testdata/keyword-fixture.ts';

const { kw } = keywordFixture('keywords-demonym.json');

test('a country seen only through a demonym in a cup\'s or a ministry\'s story is no keyword', () => {
  // 3alyoum «كريري يغادر للمملكة ويغيب عن لقاء النصر»: «… نهائي كأس السوبر السعودي» twice.
  const kariri = kw('kariri-leaves');
  assert.ok(!kariri.includes('السعودية'), kariri.join(' | '));
  assert.ok(kariri.includes('سعود كريري') && kariri.includes('الهلال'), kariri.join(' | '));
  // aleqtisadiya «320 مليون ريال قيمة مشروعات البيع على الخريطة …»: a Saudi ministry's figures.
  const offPlan = kw('off-plan-sales');
  assert.ok(!offPlan.includes('السعودية'), offPlan.join(' | '));
  assert.ok(offPlan.includes('وزارة التجارة والصناعة'), offPlan.join(' | '));
});

test('a demonym in the headline tags its phrase, not the country', () => {
  // aleqtisadiya «الأسهم الأمريكية تفتح مرتفعة بعد صفقة لبيركشاير»: «فتحت الأسهم الأمريكية …
  // للملياردير الأمريكي وارين بافيت».
  const stocks = kw('us-stocks-berkshire');
  assert.ok(stocks.includes('الأسهم الأمريكية'), stocks.join(' | '));
  assert.ok(!stocks.includes('الولايات المتحدة'), stocks.join(' | '));
});

test('a country whose people the article names by a plural demonym again and again is its keyword', () => {
  // alriyadh «الاقتصاد والتخطيط: 70% من السعوديات خارج قوة العمل»: «الإناث السعوديات … إجمالي
  // السكان السعوديين … غالبية السكان السعوديين …» — a survey of Saudis, Saudi Arabia is the topic.
  const survey = kw('saudi-women-workforce');
  assert.ok(survey.includes('السعودية'), survey.join(' | '));
});

test("a country whose police or minister acts in the headline, named by its demonym, is its keyword", () => {
  // 3alyoum «الشرطة النرويجية تتحرى عبوة مريبة في جامعة أوسلو»; aawsat «وزير الخارجية البريطاني
  // لـ«الشرق الأوسط»: ندعم التحالف بقيادة السعودية…» (2015-08-06): the state acts.
  const oslo = kw('oslo-police');
  assert.ok(oslo.includes('النرويج'), oslo.join(' | '));
  const fm = kw('british-fm');
  assert.ok(fm.includes('المملكة المتحدة'), fm.join(' | '));
});
