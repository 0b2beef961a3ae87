import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem, stemmers } from './stem.ts';
import { normalize } from './normalize.ts';
import { readConflationTable } from './stem/table.ts';

const rows = readConflationTable();
const light = (w: string): string => stem(normalize(w));

test('the conflation table holds for the light stemmer (real corpus words)', () => {
  assert.ok(rows.filter((r) => r.kind === 'same').length >= 20);
  for (const r of rows) {
    const stems = r.words.map(light);
    const shown = r.words.map((w, i) => `${w}→${stems[i]}`).join(' ');
    if (r.kind === 'same') assert.equal(new Set(stems).size, 1, `must conflate: ${shown}`);
    if (r.kind === 'differ') assert.equal(new Set(stems).size, stems.length, `must not conflate: ${shown}`);
    if (r.kind === 'keep') assert.equal(stems[0], normalize(r.words[0]!), `must keep: ${shown}`);
  }
});

test('Snowball over-stems where the light stemmer does not (the reason it is not the default)', () => {
  const sb = (w: string): string => stemmers.snowball(normalize(w));
  assert.equal(sb('وزير'), 'زير');
  assert.equal(sb('فلسطين'), 'لسط');
  assert.equal(light('وزير'), 'وزير');
  assert.equal(light('فلسطين'), 'فلسطين');
});

test('light10 rules on words the corpus does not know', () => {
  // a rare name with the clitics light10 strips
  assert.equal(light('والتشيكوسلوفاكية'), light('التشيكوسلوفاكي'));
  assert.equal(light('بالمستشفيات'), light('المستشفيات'));
  assert.equal(light('ومستشفياتها'), light('مستشفيات'));
});

test('numbers, Latin and short words come back unchanged; `none` is the identity', () => {
  for (const name of ['light', 'snowball', 'none'] as const) {
    assert.equal(stemmers[name]('2015'), '2015');
    assert.equal(stemmers[name]('covid'), 'covid');
  }
  assert.equal(light('من'), 'من');
  assert.equal(stemmers.none('والمدرسه'), 'والمدرسه');
});

test('stems are stable under the spellings people type (hamza, ة/ه, ى/ي)', () => {
  const pairs: Array<[string, string]> = [['الإيرانية', 'الايرانيه'], ['مستشفى', 'مستشفي'], ['وأمريكا', 'وامريكا'], ['المملكة', 'المملكه']];
  for (const [a, b] of pairs) assert.equal(light(a), light(b), `${a} / ${b}`);
});
