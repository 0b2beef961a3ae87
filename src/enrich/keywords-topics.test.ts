/**
 * Keywords: a word family editors tag by one noun (data/keywords/topics.txt, keyword-topics.ts)
 * is shown as that noun whatever form the article writes — `الإرهابية`، `الإرهابي`، `إرهابي` →
 * `الإرهاب` — and keeps its count where a phrase holds the adjective (`الجرائم الإرهابية` names the
 * topic too). An adjective alone is no tag; nor is the singular where editors tag the plural
 * (`الشهيد`، `شهيدين` → `الشهداء`).
 * Articles: testdata/keywords-topics.json (SaudiNewsNet, 2015-07-22 and 2015-08-06; source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordFixture } from './testdata/keyword-fixture.ts';
import { topicTag } from './keyword-topics.ts';

const { kw } = keywordFixture('keywords-topics.json');

test('an article that calls a group and its acts terrorist is tagged الإرهاب, not with the adjective', () => {
  // almadina «العليان: رجال الأمن «بالمرصاد» لكل التنظيمات الإرهابية»: «… بتنظيم داعش الإرهابي، …
  // لكشف هذه الخلايا الإرهابية، والضربات الاستباقية للإرهابيين، … الجماعات الإرهابية المتطرّفة …».
  const kws = kw('alayan-terror');
  assert.ok(kws.includes('الإرهاب'), kws.join(' | '));
  assert.ok(!kws.some((k) => /^ال?إرهابي(ة)?$/.test(k)), kws.join(' | '));
});

test('the topic keeps its count where phrases hold the adjective (الجرائم الإرهابية، التنظيم الإرهابي)', () => {
  // alyaum «الجهات الأمنية تطيح بـ 431 متورطًا في عددٍ من الجرائم الإرهابية»: the family is written
  // only as an adjective, nine times, most of them inside phrases (الجرائم الإرهابية، تنظيم إرهابي).
  const kws = kw('security-431');
  assert.ok(kws.includes('الإرهاب'), kws.join(' | '));
  assert.ok(kws.includes('منصور التركي') && kws.includes('وزارة الداخلية'), kws.join(' | '));
});

test('a soldier killed on duty is tagged الشهداء, the plural editors tag with, not الشهيد or شهيد', () => {
  // alriyadh «محافظة العرضيات تودع شهيد الوطن القرني»: «… تحمل جثمان شهيد الواجب وكيل رقيب رشيد ظافر
  // بن سالم العماري القرني … جموع المصلين على الشهيد بثلوث عمارة …».
  const ardiyat = kw('ardiyat-martyr');
  assert.ok(ardiyat.includes('الشهداء'), ardiyat.join(' | '));
  assert.ok(!ardiyat.includes('شهيد') && !ardiyat.includes('الشهيد'), ardiyat.join(' | '));
  // 3alyoum «الشهيد اليافعي.. من بائع ملابس بحائل إلى رأس المقاومة بالعند»: «الشهيد جمال …» four times.
  const yafei = kw('yafei-martyr');
  assert.ok(yafei.includes('الشهداء') && !yafei.includes('الشهيد'), yafei.join(' | '));
});

test('the topic table is keyed by the analyzer stem of the family', () => {
  assert.equal(topicTag('ارهاب'), 'الإرهاب');
  assert.equal(topicTag('شهيد'), 'الشهداء');
  assert.equal(topicTag('امن'), undefined);
});

test('a topic the headline names is a keyword though the body never repeats it', () => {
  // g071, sabq 2015-08-06 «مفتي المملكة: حادث عسير الإرهابي عمل إجرامي …»: the family only in the
  // headline (testdata/keywords-dev.json, an article of the labelled development sets)
  const kws = keywordFixture('keywords-dev.json').kw('g071');
  assert.ok(kws.includes('الإرهاب'), kws.join(' | '));
});
