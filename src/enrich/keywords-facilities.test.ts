/**
 * Airports among keywords (keyword-events.ts findFacilities), on sentences of the corpus (SaudiNewsNet,
 * CC BY-NC-SA 4.0, each its newspaper's; none in the labelled sets). Before, the name came out cut
 * (`مطار الملك`, `جمرك مطار`) or not at all, and the honorific's name could pass for a person.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedTermStats } from './index.ts';
import { findFacilities } from './keyword-events.ts';
import { docTokens } from './tokens.ts';
import { coveredNorms, keywordsOf } from './testdata/keyword-fixture.ts';

const look = keywordsOf;
const airports = (text: string): string[] => {
  const covered = coveredNorms(text);
  return findFacilities(docTokens('', text), covered, shippedTermStats()).map((e) => e.name);
};

test('an airport named for a king or a prince is one keyword, by its whole name', () => {
  // alriyadh 2015-07-22
  const k = look('تسبب عطل في نظام مراقبة المنافذ الحدودية بمطار الملك خالد الدولي بالرياض في تأخير 12 رحلة دولية عن موعدها، وتسبب هذا العطل في تكدس المسافرين.', 'عطل يؤخر 12 رحلة دولية بمطار الملك خالد');
  assert.ok(k.includes('مطار الملك خالد الدولي'), k.join(' | '));
  assert.ok(k.includes('الرياض') && !k.some((w) => w === 'مطار الملك' || w === 'خالد'), k.join(' | '));
  // (the shorter form in the title is the same airport; `عبد العزيز` written apart; alriyadh 2015-08-06)
  assert.deepEqual(airports('طمأنت شركة طيبة لتشغيل المطارات مرتادي مطار الأمير محمد بن عبد العزيز الدولي بالمدينة المنورة بأن مشكلة تعطل نظام التكييف'), ['مطار الأمير محمد بن عبد العزيز الدولي']);
  // (aleqtisadiya 2015-08-04)
  assert.deepEqual(airports('وأعلنت السلطات عن خطط تتكلف 32 مليار دولار لتوسعة مطار آل مكتوم في سبتمبر أيلول الماضي'), ['مطار آل مكتوم']);
  // (a foreign name the corpus never writes with ال; aawsat 2015-07-21)
  assert.deepEqual(airports('ما روج في بعض وسائل الإعلام البريطانية عن تعرض حقيبة رئيس المحققين الأمنيين البريطانيين إلى السرقة في مطار قرطاج.'), ['مطار قرطاج']);
});

test('no airport where the word after مطار is no name, and a city’s airport stays the city’s', () => {
  // (a و-joined noun, alweeam 2015-07-21; an adjective, alyaum 2015-07-26)
  assert.deepEqual(airports('سيعملون على إعادة فتح مطار وميناء عدن لاستقبال المساعدات الإنسانية'), []);
  assert.deepEqual(airports('ومتطلبات السلامة العامة الواجب اتباعها عند تصميم أي مطار جديد .'), []);
  // (alwatan 2015-07-21: أبها is the keyword, not a longer one that would take its place)
  assert.deepEqual(airports('افتتح أمير المنطقة مهرجان أبها للتسوق بمركز أبها الدولي للمعارض، بجوار مطار أبها'), []);
});
