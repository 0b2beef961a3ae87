import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeEntities } from './index.ts';

const orgs = (text: string): string[] => analyzeEntities({ title: '', text }).filter((e) => e.type === 'org').map((e) => e.name);

// Sentences from SaudiNewsNet (CC BY-NC-SA 4.0, see testdata/README.md), July–August 2015, days the
// labelled set does not use: organisation error classes of issue 14.
test('organisations: a head before a generic word names no body', () => {
  assert.deepEqual(orgs('لتوقيع عقده الاحترافي مع إدارة النادي بصورة رسمية'), []);
  assert.deepEqual(orgs('ولكنها تتأثر بحركة السير؛ فمن الممكن أن تستغرق المزيد من الوقت'), []);
  assert.deepEqual(orgs('نحن لم نفرط في يوم من الأيام في مصلحة المواطن وحقوقه'), []);
  assert.deepEqual(orgs('وقال المتحدث باسم مدينة الملاهي ياكوب فال'), []);
  assert.deepEqual(orgs('ويشارك أعضاء هيئة التدريس في كلية الحقوق أيضا'), ['كلية الحقوق']);
  // (a real one of those heads still counts)
  assert.deepEqual(orgs('وتعاونت مصلحة الجمارك العامة مع الوزارة'), ['مصلحة الجمارك العامة']);
  assert.deepEqual(orgs('وحركة النهضة الإسلامية'), ['حركة النهضة الإسلامية']);
});

test('organisations: an idafa after the head, and a city after a city body', () => {
  assert.deepEqual(orgs('وأكد محافظ هيئة تنظيم الكهرباء والإنتاج المزدوج الدكتور عبدالله الشهري'), ['هيئة تنظيم الكهرباء والإنتاج المزدوج']);
  assert.deepEqual(orgs('كما شكر أمانة المدينة المنورة متمثلة في أمينها وجميع منسوبيها'), ['أمانة المدينة المنورة']);
  // (a person after the head is no idafa)
  assert.ok(!orgs('في عهد رئاسة عبدالله القريني للنادي').some((o) => o.includes('عبدالله')));
});
