import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem, stemmers } from './stem.ts';
import { normalize } from './normalize.ts';
import { readConflationTable } from './stem/table.ts';
import { lightStemWith, loadGuards, ruleStem } from './stem/light.ts';

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

test('the default stemmer (stops and overrides in one map) stems as lightStemWith on the same guards, on every guard word and its affixed forms', () => {
  const g = loadGuards();
  const words = [...g.keepWaw, ...g.keepPrep, ...g.bases, ...g.stops, ...g.overrides.keys(), ...g.overrides.values(), ...g.llWords, ...g.alWords, ...rows.flatMap((r) => r.words.map(normalize))];
  assert.ok(words.length > 10_000);
  for (const w of words)
    for (const f of [w, 'و' + w, 'ال' + w, 'لل' + w, 'بال' + w, w + 'يه', w + 'ها', w + 'ات', w + 'ه'])
      assert.equal(stem(f), lightStemWith(f, g), f);
});

test('ruleStem strips the suffixes in order, at most once each, and stops at a stop (a nisba kept, a place name not reached)', () => {
  const g = loadGuards();
  const none = { ...g, stops: new Set<string>() };
  assert.equal(ruleStem('مدرستها', none), 'مدرست');
  assert.equal(ruleStem('معلومات', none), 'معلوم');
  assert.equal(ruleStem('لاعبون', none), 'لاعب');
  assert.equal(ruleStem('لبنانيه', none), 'لبنان');
  assert.equal(ruleStem('مهندسين', none), 'مهندس');
  assert.equal(ruleStem('بيته', none), 'بيت');
  assert.equal(ruleStem('ابي', none), 'اب');
  assert.equal(ruleStem('اب', none), 'اب');
  assert.equal(ruleStem('لبنانيه', { ...none, stops: new Set(['لبناني']) }), 'لبناني');
  assert.equal(ruleStem('رياضه', { ...none, stops: new Set(['رياض']) }), 'رياضه');
});
