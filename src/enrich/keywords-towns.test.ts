/**
 * Towns the gazetteer does not know, named after their kind (keyword-events.ts findTowns), on
 * sentences of the corpus (SaudiNewsNet, CC BY-NC-SA 4.0, each its newspaper's; none in the
 * labelled sets). Before, a rare place named once was no keyword: its counts made no topic of it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedTermStats } from './index.ts';
import { findTowns } from './keyword-events.ts';
import { docTokens } from './tokens.ts';
import { coveredNorms, keywordsOf } from './testdata/keyword-fixture.ts';

const look = keywordsOf;
const towns = (text: string): string[] => {
  const covered = coveredNorms(text);
  return findTowns(docTokens('', text), covered, shippedTermStats()).map((e) => e.name);
};

test('a town named after its kind in the lede is a keyword, by its name', () => {
  // (alriyadh 2015-07-22)
  const k = look('من جهة ثانية يستأنف الفريق تدريباته مساء اليوم استعداداً للمغادرة بعد غد إلى هولندا لإقامة معسكر في مدينة ميرلو تتخلله إقامة خمس مباريات ودية.', 'أنظار الشباب على الحمد');
  assert.ok(k.includes('ميرلو') && !k.some((w) => w.includes('مدينة')), k.join(' | '));
  // (in quotes, after a glued ب; alweeam 2015-08-11)
  assert.deepEqual(towns('مريكية، حالة الطوارئ، أمس في أعقاب أعمال العنف التي اندلعت بمدينة “فيرجسون” بولاية “ميسوري”، في ذكرى مقتل'), ['فيرجسون', 'ميسوري']);
  // (alweeam 2015-07-21)
  assert.deepEqual(towns('خلال البث المباشر من باتون روج في ولاية لويزيانا'), ['لويزيانا']);
});

test('no town where the word after the kind is a word, a verb or a known place', () => {
  // (a glued conjunction and a common word: aawsat 2015-07-21)
  assert.deepEqual(towns('والإرهاب الذي يهدد المنطقة وآلية عملية للتصدي للفكر المحرض، في هذه المنطقة والقرية الموجودة بها'), []);
  // (a gazetteer city is the city's: alriyadh 2015-07-22)
  assert.deepEqual(towns('وصل الفريق إلى مدينة جدة مساء أمس'), []);
  // (a future verb)
  assert.deepEqual(towns('وأكد أن البلدية ستجدد عقود النظافة في المدينة'), []);
});
