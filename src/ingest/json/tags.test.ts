import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentTagLine, splitTagLine, tagsFromField } from './tags.ts';

test('explicit tags: arrays, objects, comma and Arabic comma strings; repeats dropped', () => {
  assert.deepEqual(tagsFromField('السعودية، الرياض, واس ;  الرياض'), ['السعودية', 'الرياض', 'واس']);
  assert.deepEqual(tagsFromField(['إيران', { name: 'مجلس الأمن' }, { term: 'إيران' }, 7]), ['إيران', 'مجلس الأمن']);
  assert.deepEqual(tagsFromField(null), []);
});

test('segmenting a tag line: runs found in the body, clitics allowed, sorted order glues names', () => {
  const body = 'أعلنت هيئة التحقيق والادعاء العام… وقال مستخدمو للهواتف الذكية إن علي عبدالله صالح';
  // `هيئة التحقيق والادعاء العام` is in the body; `الهواتف الذكية` is there as `للهواتف الذكية`.
  assert.deepEqual(segmentTagLine('الهواتف الذكية جدة هيئة التحقيق والادعاء العام', body), ['الهواتف الذكية', 'جدة', 'هيئة التحقيق والادعاء العام']);
  // `علي صالح` is not in the body as such, but `صالح` sorts before `علي`: one tag.
  assert.deepEqual(segmentTagLine('الحرب اليمن علي صالح', body), ['الحرب', 'اليمن', 'علي صالح']);
});

test('a trailing سمات line leaves the body; prose that merely contains the word stays', () => {
  const t = splitTagLine('قال كيري إن ذلك خطأ.\n\nوأضاف أن الاتفاق صامد. سمات إسرائيل إيران كيري', '');
  assert.equal(t.text, 'قال كيري إن ذلك خطأ.\n\nوأضاف أن الاتفاق صامد.');
  assert.deepEqual(t.tags, ['إسرائيل', 'إيران', 'كيري']);
  const prose = 'يشار الى أن المجسمات مغطاة باكريلك سميك شفاف وذلك للحماية.';
  assert.deepEqual(splitTagLine(prose, ''), { text: prose, tags: [] });
  const sentence = 'ومن أبرز سمات المرحلة الحالية التوافق بين الأطراف.';
  assert.deepEqual(splitTagLine(sentence, ''), { text: sentence, tags: [] });
  const long = `نص. سمات ${'كلمة '.repeat(40)}`.trim();
  assert.equal(splitTagLine(long, '').tags.length, 0);
});
