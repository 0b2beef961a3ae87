import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normalize, NORMALIZATION_TABLE } from './normalize.ts';
import { readConflationTable } from './stem/table.ts';

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

/** The fold as first written: NFC, presentation forms, the table per code point, lower case. */
function referenceNormalize(text: string): string {
  const map = new Map<number, string>();
  for (const row of NORMALIZATION_TABLE) {
    const from = [...row.from];
    const to = [...row.to];
    from.forEach((ch, i) => map.set(ch.codePointAt(0)!, to.length === from.length ? to[i]! : row.to));
  }
  let s = text.normalize('NFC');
  s = s.replace(/[\uFB50-\uFDFF\uFE70-\uFEFF]+/g, (m) => m.normalize('NFKC'));
  let out = '';
  for (const ch of s) out += map.get(ch.codePointAt(0)!) ?? ch;
  return out.toLowerCase();
}

test('the per-code-unit table folds as the per-code-point loop did: real headlines, astral and lone surrogates, presentation forms, Latin case', () => {
  const golden = readFileSync(new URL('./testdata/tokenize.golden.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t')[0]!);
  assert.ok(golden.length >= 3);
  const words = readConflationTable().flatMap((r) => r.words);
  assert.ok(words.length >= 100);
  const odd = [
    'مُحَمَّدٌ ـ إلى ﻻ ﷲ ٣٫٥ ۱۲ COVID-19 İstanbul ΣΟΦΙΑ',
    'كلمة 𝐀𝐁 😀 بعد \ud800 وحيد \udc00 ثم',
    'ي\u0654 ا\u0653 و\u0654 \u200fنص\u200e\ufeff',
    'x'.repeat(5000) + 'أ'.repeat(5000), // past the first buffer's length
    '',
  ];
  for (const t of [...golden, golden.join('\n'), words.join(' '), ...odd]) assert.equal(normalize(t), referenceNormalize(t), t.slice(0, 60));
  // Every single BMP code unit.
  let all = '';
  for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c) + ' ';
  assert.equal(normalize(all), referenceNormalize(all));
});
