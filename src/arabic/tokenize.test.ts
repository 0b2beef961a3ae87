import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { recentTokenizations, RECENT, RECENT_MIN, tokenize } from './tokenize.ts';
import { normalize } from './normalize.ts';

const show = (text: string): string => tokenize(text).map((t) => `${t.surface}|${t.norm}|${t.start}-${t.end}`).join(' ');

test('golden: real headlines keep vowelled words whole, numbers out of الـ24, offsets', () => {
  const lines = readFileSync(new URL('./testdata/tokenize.golden.tsv', import.meta.url), 'utf8').split('\n');
  let n = 0;
  for (const line of lines) {
    if (!line || line.startsWith('#')) continue;
    const [text, expected] = line.split('\t');
    assert.equal(show(text!), expected, text);
    n++;
  }
  assert.ok(n >= 4);
});

test('harakat, shadda, tatweel and ZWNJ are part of the word', () => {
  assert.deepEqual(tokenize('مُحَمَّدٌ كِتَابًا جـديـد ال\u200cعربية').map((t) => t.norm), ['محمد', 'كتابا', 'جديد', 'العربيه']);
  assert.equal(tokenize('مُحَمَّدٌ')[0]!.surface, 'مُحَمَّدٌ');
});

test('numbers: decimals and thousands stay whole, dates split, Eastern digits folded', () => {
  assert.deepEqual(tokenize('بلغ 1,500 و3.5% و٣٫٥ و1,50 في 2015/07/21').map((t) => t.norm), ['بلغ', '1500', '3.5', '3.5', '1', '50', 'في', '2015', '07', '21']);
});

test('Latin words are case-folded and split at hyphens; bare clitics before them drop', () => {
  assert.deepEqual(tokenize('بـCNN وG20 Café COVID-19').map((t) => t.norm), ['cnn', 'g20', 'café', 'covid', '19']);
});

test('punctuation, Arabic comma and bidi marks separate or vanish; presentation forms fold', () => {
  assert.deepEqual(tokenize('\u200fطهران،\u200f موسكو؛ ﻻ ﺍﻟﻌﺮﺑﻴﺔ؟').map((t) => t.surface), ['طهران', 'موسكو', 'ﻻ', 'ﺍﻟﻌﺮﺑﻴﺔ']);
  assert.deepEqual(tokenize('').length, 0);
  assert.deepEqual(tokenize('... «» !!').length, 0);
});

test('on a real corpus day: surfaces are slices, norms are normalize(surface), spans ordered', () => {
  const zip = unzipSync(readFileSync(new URL('../../test/testdata/saudinewsnet/2015-07-22.zip', import.meta.url)));
  const articles = JSON.parse(strFromU8(Object.values(zip)[0]!)) as Array<{ title: string; content: string }>;
  let tokens = 0;
  for (const a of articles) {
    for (const text of [a.title, a.content]) {
      let last = -1;
      for (const t of tokenize(text)) {
        tokens++;
        assert.equal(t.surface, text.slice(t.start, t.end));
        assert.ok(t.start >= last, 'spans in order');
        last = t.end;
        if (!/^\d[\d.]*$/.test(t.norm)) assert.equal(t.norm, normalize(t.surface), t.surface);
        assert.ok(!/\s/.test(t.norm) && t.norm.length > 0);
      }
    }
  }
  assert.ok(tokens > 400_000, `tokens: ${tokens}`);
});

test('hostile input: long runs and lone marks do not hang or throw', () => {
  assert.equal(tokenize('ـــــ\u064e\u064e\u200f').length, 0);
  assert.equal(tokenize('ب'.repeat(100_000))[0]!.norm.length, 100_000);
  assert.equal(tokenize('1'.repeat(300) + ',' + '0'.repeat(300)).length, 2);
});

test('recent tokenizations: at most RECENT texts kept, short texts not at all, the same tokens again, each call its own array', () => {
  const lines = readFileSync(new URL('./testdata/tokenize.golden.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t')[0]!);
  // Real headlines, and pairs of them (longer texts, more of them than the memo holds).
  const texts = [...lines, ...lines.flatMap((a) => lines.map((b) => `${a}\n${b}`))].filter((t) => t.length >= RECENT_MIN);
  assert.ok(texts.length > 2 * RECENT);
  const first = texts.map((t) => show(t));
  for (let round = 0; round < 3; round++)
    for (let i = 0; i < texts.length; i++) {
      assert.equal(show(texts[i]!), first[i]);
      assert.ok(recentTokenizations() <= RECENT);
    }
  assert.equal(recentTokenizations(), RECENT);
  // A short text (a name, a query) is tokenized afresh and pushes nothing out.
  const kept = show(texts[texts.length - 1]!);
  assert.equal(show('الأمير محمد بن سلمان'), 'الأمير|الامير|0-6 محمد|محمد|7-11 بن|بن|12-14 سلمان|سلمان|15-20');
  assert.equal(recentTokenizations(), RECENT);
  assert.equal(show(texts[texts.length - 1]!), kept);
  // A caller changing its array changes no other caller's.
  const a = tokenize(texts[0]!);
  const n = a.length;
  a.length = 0;
  assert.equal(tokenize(texts[0]!).length, n);
  // The same text as another string object (not the same reference) gives the same tokens.
  assert.equal(show(texts[1]!.split('').join('')), first[1]);
});
