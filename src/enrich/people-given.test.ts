/**
 * People read by one word where the article names them by two: a family name whose listed given
 * name the article writes before it elsewhere (people/widen.ts), and a family name that normalizes
 * to a kunya (`آبي`). Sentences from SaudiNewsNet (CC BY-NC-SA 4.0, each article its
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

test('«آبي» written with madda is a family name, not the kunya أبي that ends a name before its complement', () => {
  // g057, alyaum 2015-08-06: «شينزو» alone before
  assert.deepEqual(people('وانضم رئيس الوزراء شينزو آبي إلى ماتسوي خلال مراسم إحياء تلك الذكرى في غرب المدينة.'), [['شينزو آبي', 1]]);
  // (the kunya still joins its complement: بن أبي بكر، خالد أبي سعيد)
  assert.deepEqual(people('وقال الشيخ محمد بن أبي بكر الحربي إن الحفل كبير.').map(([n]) => n), ['محمد بن أبي بكر الحربي']);
  assert.deepEqual(people('وأكد المهندس خالد أبي سعيد أن المشروع جاهز.').map(([n]) => n), ['خالد أبي سعيد']);
});

test('a compound name with الله written as one word is a name word (نصرالله، عطاالله، مدالله)', () => {
  // alriyadh 2015-07-22 (e033eb04c527719b): «العليان» alone before
  assert.deepEqual(people('نجحت إدارة التعاون بتجديد عقد لاعب الوسط مدالله العليان لمدة عامين مع أفضلية التجديد لموسم ثالث.'), [['مدالله العليان', 1]]);
  // alriyadh 2015-07-22 (212f6ce3613993bc): no person before
  assert.deepEqual(people('حتى ان الحزب مستعد للذهاب في ذلك، حتى اخر مقاتل لديه بل حتى لو اضطر حسن نصرالله للذهاب بنفسه.'), [['حسن نصرالله', 1]]);
  // almadina 2015-07-24 (de27e19b838dfeb4): no person before
  assert.deepEqual(people('و»مُحبركم» كما يقول أستاذنا الكبير سمير عطاالله، يفخر بأنه كان من بين تلاميذ مدرسة الأستاذ أحمد محمود.').map(([n]) => n).includes('سمير عطاالله'), true);
});

test('clitics and الله are no compound name: «like Abdullah», «by God»', () => {
  // alriyadh 2015-07-23 (bca3233232cfdc2c): «كعبدالله» is ك «like» on the name, which the finder does not read
  assert.equal(people('حضور الشعراء المشهورين كان بارزًا: كعبدالله بن سبيل وراكان بن حثلين.').some(([n]) => n.startsWith('كعبد')), false);
  assert.deepEqual(people('أقسم بالله العظيم أن أكون مخلصا لديني ثم لمليكي ووطني.'), []);
});
