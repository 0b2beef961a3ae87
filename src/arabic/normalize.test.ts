import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize, NORMALIZATION_TABLE } from './normalize.ts';

// One case per row of the table: [row name, input as written, expected normalized form].
const CASES: Array<[string, string, string]> = [
  ['hamza on alef and wasla to bare alef', 'أحمد إيران آمن ٱلله', 'احمد ايران امن الله'],
  ['alef maqsura to ya', 'على مستشفى', 'علي مستشفي'],
  ['ta marbuta to ha', 'مدرسة القاهرة', 'مدرسه القاهره'],
  ['harakat and Quranic marks U+064B–U+065F', 'مُحَمَّدٌ كِتَابًا', 'محمد كتابا'],
  ['superscript alef U+0670', 'هٰذا', 'هذا'],
  ['tatweel U+0640', 'الــ100 جـديـد', 'ال100 جديد'],
  ['Persian ye ی to ya', 'ایران', 'ايران'],
  ['Persian keheh ک to kaf', 'کتاب', 'كتاب'],
  ['heh with yeh above ۀ to ha', 'خانۀ', 'خانه'],
  ['Urdu heh goal ہ to ha', 'ہند', 'هند'],
  ['Arabic-Indic digits to ASCII', '٢٠/٠٩/٢٠٢٣', '20/09/2023'],
  ['Persian digits to ASCII', '۱۴۰۲', '1402'],
  ['zero-width and directional marks removed', 'ال\u200cعربية\u200f \ufeffنص', 'العربيه نص'],
];

test('every row of the normalization table has a case, and each case holds', () => {
  const names = new Set(CASES.map((c) => c[0]));
  for (const row of NORMALIZATION_TABLE) assert.ok(names.has(row.name), `no test case for row: ${row.name}`);
  for (const [name, input, expected] of CASES) assert.equal(normalize(input), expected, name);
});

test('presentation forms are folded', () => {
  assert.equal(normalize('ﻻ ﺍﻟﻌﺮﺑﻴﺔ'), 'لا العربيه');
  assert.equal(normalize('ﷲ'), 'الله');
});

test('Latin letters are case-folded, other text untouched', () => {
  assert.equal(normalize('COVID-19 Reuters'), 'covid-19 reuters');
  assert.equal(normalize('وطهران'), 'وطهران');
});

test('decomposed hamza forms meet composed ones', () => {
  assert.equal(normalize('\u064a\u0654'), normalize('ئ'));
  assert.equal(normalize('\u0627\u0654'), 'ا');
});

test('the spellings of the sample page meet: ايران / إيران', () => {
  assert.equal(normalize('إيران'), normalize('ايران'));
});
