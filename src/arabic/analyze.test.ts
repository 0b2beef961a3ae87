import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeTokens } from './analyze.ts';

// From the sample page (corpus/pages/moscow-tehran-2023-09-20.txt): tags say ايران, body إيران.
const TEXT = 'وصل وزير الدفاع الروسي إلى طهران، وقال إن إيران شريك';

test('stopwords drop but positions stay, so phrases still line up', () => {
  const terms = analyzeTokens(TEXT);
  assert.deepEqual(terms.map((t) => `${t.term}@${t.pos}`), ['وصل@0', 'وزير@1', 'دفاع@2', 'روسي@3', 'طهران@5', 'ايران@8', 'شريك@9']);
});

test('each term keeps its original surface and offsets for highlighting', () => {
  for (const t of analyzeTokens(TEXT)) assert.equal(TEXT.slice(t.start, t.end), t.surface);
  const iran = analyzeTokens(TEXT).find((t) => t.term === 'ايران')!;
  assert.equal(iran.surface, 'إيران');
});

test('query and document meet across spellings and clitics', () => {
  assert.deepEqual(analyze('ايران'), analyze('إيران'));
  assert.deepEqual(analyze('طهران'), analyze('وطهران'));
  assert.deepEqual(analyze('"وزير الدفاع"'), analyze('والوزير للدفاع'));
});

test('the stemmer is a choice: light (default), snowball, none', () => {
  assert.deepEqual(analyze('وزير فلسطين', { stemmer: 'light' }), ['وزير', 'فلسطين']);
  assert.deepEqual(analyze('وزير فلسطين', { stemmer: 'snowball' }), ['زير', 'لسط']);
  assert.deepEqual(analyze('والوزير', { stemmer: 'none' }), ['والوزير']);
  assert.deepEqual(analyze('في من'), []);
  assert.deepEqual(analyze('في من', { keepStopwords: true }), ['في', 'من']);
});
