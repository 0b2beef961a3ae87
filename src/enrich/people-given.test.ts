/**
 * A person read by the family name alone whose listed given name the article writes before it
 * elsewhere (people/widen.ts). Sentences from SaudiNewsNet (CC BY-NC-SA 4.0, each article its
 * newspaper's), named beside each case; each assertion failed before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeEntities } from './index.ts';

const people = (text: string, title = ''): Array<[string, number]> =>
  analyzeEntities({ title, text }).filter((e) => e.type === 'person').map((e) => [e.name, e.mentions]);

test('a family name read after a verb of saying takes the given name the article writes before it', () => {
  // aawsat 2015-07-21 (cfb0a675d6763145): «داود» alone, one mention, before
  const text = 'وأكد المستثمر في قطاع الإسكان نضال داود أن تراجع أرقام التداول يعود إلى البيروقراطية.\n وأضاف داود أن الإجراءات البيروقراطية تطول.';
  assert.deepEqual(people(text), [['نضال داود', 2]]);
  // aljazirah 2015-08-08 (5bc2c5ee3e05a34f)
  const text2 = 'أعلن المتحدث الرسمي باسم البعثة الدولية أيمن عقيل، عن تقدم البعثة بطلب رسمي.\n وأوضح عقيل أن البعثة تنتظر.';
  assert.deepEqual(people(text2), [['أيمن عقيل', 2]]);
});

test('a family name the article also gives with another given name, or longer, is not widened', () => {
  // (two people of one family: the name before it differs)
  assert.deepEqual(people('وقال أيمن عقيل إن البعثة جاهزة. وأضاف عقيل أن المراقبين وصلوا. وكان نضال عقيل قد أعلن ذلك.').map(([n]) => n).includes('نضال عقيل'), false);
  // (a name given whole elsewhere keeps its mentions: not «فاز أوباما» beside «باراك أوباما»)
  assert.deepEqual(people('وقال الرئيس الأمريكي باراك أوباما إن الاتفاق جيد. وأضاف أوباما أن الكونغرس سيصوت.').map(([n]) => n), ['باراك أوباما']);
});
