import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parsePage, MAX_PAGE_BYTES } from './index.ts';
import { looksLikePage, matchMarker } from './markers.ts';
import { decode as decodeText } from '../encoding.ts';
import { splitTags } from './tags.ts';
import { articleId } from '../../model/article.ts';
import { sniffFormat } from '../index.ts';
import type { InputDoc, ParseResult } from '../types.ts';

const REAL = new URL('../../../test/testdata/pages/moscow-tehran-2023-09-20.txt', import.meta.url);
const TESTDATA = new URL('./testdata/', import.meta.url);
const NOW = new Date('2023-09-21T12:00:00Z');

const parse = async (doc: InputDoc): Promise<ParseResult> => parsePage(doc, { now: NOW });
const lines = (path: URL): string[] => readFileSync(path, 'utf8').split('\n');

void test('the real aggregator page gives exactly the two Articles of the issue, every field', async () => {
  const src = lines(REAL);
  const r = await parse({ name: 'moscow-tehran-2023-09-20.txt', bytes: readFileSync(REAL) });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.sources, []);
  assert.equal(r.articles.length, 2);
  const [a, b] = r.articles as [NonNullable<(typeof r.articles)[0]>, NonNullable<(typeof r.articles)[0]>];

  assert.equal(a.title, src[0]);
  assert.equal(a.title, 'وزير الدفاع الروسي: التعاون بين موسكو وطهران يصل إلى مستويات جديدة رغم العقوبات');
  assert.equal(a.url, null);
  assert.equal(a.publishedAt, '2023-09-20T00:00:00.000Z');
  // The five body paragraphs (lines 3–7), nothing else, one blank line between them.
  assert.equal(a.text, src.slice(2, 7).join('\n\n'));
  assert.equal(a.text.split('\n\n').length, 5);
  assert.ok(!a.text.includes('اقرأ') && !a.text.includes('المصدر') && !a.text.includes('كلمات دلالية'));
  assert.deepEqual(a.readAlso, [
    { title: 'الدفاع الروسي يواصل بدك القوات الأوكرانية في 4 محاور خلال الـ24 ساعة الماضية', url: null },
    { title: 'الدفاع الروسية تحبط هجومًا على سفينة إنزال في البحر الأسود', url: null },
    { title: 'الدفاع الروسية: مقتل وإصابة 845 جنديًا أوكرانيًا وإسقاط 53 طائرة مسيرة خلال 24 ساعة', url: null },
  ]);
  assert.equal(a.outlet, 'الأسبوع');
  assert.deepEqual(a.tags, ['روسيا', 'موسكو', 'وزير الدفاع الروسي', 'طهران', 'ايران']);
  assert.equal(a.via, null);
  assert.equal(a.author, null);
  assert.equal(a.lang, 'ar');
  assert.equal(a.relatedTo, null);
  assert.equal(a.id, articleId(null, a.title, a.text));

  assert.equal(b.title, 'مسقط وطهران .. تعاون اقتصادي وتنسيق سياسي');
  assert.equal(b.text, src.slice(14, 20).join('\n\n'));
  assert.equal(b.text.split('\n\n').length, 6);
  assert.equal(b.relatedTo, a.id);
  assert.equal(b.publishedAt, null);
  assert.equal(b.outlet, null);
  assert.equal(b.via, null);
  assert.equal(b.author, null);
  assert.equal(b.url, null);
  assert.equal(b.lang, 'ar');
  assert.deepEqual(b.tags, []);
  assert.deepEqual(b.readAlso, []);
  assert.equal(b.id, articleId(null, b.title, b.text));
  assert.notEqual(a.id, b.id);
});

void test('the same page parses to the same ids twice', async () => {
  const bytes = readFileSync(REAL);
  const one = await parse({ name: 'a', bytes });
  const two = await parse({ name: 'b', bytes });
  assert.deepEqual(one.articles, two.articles);
});

void test('golden pages: each testdata/*.txt gives its .expected.json', async () => {
  const pages = readdirSync(TESTDATA).filter((f) => f.endsWith('.txt'));
  assert.ok(pages.length >= 9);
  for (const f of pages) {
    const doc = { name: f, bytes: readFileSync(new URL(f, TESTDATA)) };
    const want = JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, '.expected.json'), TESTDATA), 'utf8')) as unknown;
    const got = await parse(doc);
    assert.deepEqual({ articles: got.articles, errors: got.errors }, want, f);
    assert.equal(sniffFormat(doc), 'page', `${f} is detected as a page`);
  }
});

void test('marker spellings: hamza, tanween, tatweel, colon, glued text', () => {
  const cases: Array<[string, string | null, string]> = [
    ['اقرأ أيضاًالدفاع الروسي', 'readAlso', 'الدفاع الروسي'],
    ['إقرأ أيضاً:', 'readAlso', ''],
    ['إقرأ ايضا: عنوان', 'readAlso', 'عنوان'],
    ['اقرا ايضا', 'readAlso', ''],
    ['اقـرأ أيضًا', 'readAlso', ''],
    ['أقرأ أيضا :', 'readAlso', ''],
    ['تاريخ النشر: 20th, September 2023 GMT', 'date', '20th, September 2023 GMT'],
    ['تاريخ النشر :26 مايو 2012', 'date', '26 مايو 2012'],
    ['المصدر: الأسبوع', 'source', 'الأسبوع'],
    ['المصدر الأسبوع', 'source', 'الأسبوع'],
    ['كلمات دلالية: روسيا', 'tags', 'روسيا'],
    ['الكلمات الدلالية روسيا', 'tags', 'روسيا'],
    ['المصدري', null, ''],
    ['تاريخ العلاقات بين البلدين', null, ''],
  ];
  for (const [line, kind, rest] of cases) {
    const m = matchMarker(line);
    assert.equal(m?.kind ?? null, kind, line);
    if (m) assert.equal(m.rest, rest, line);
  }
});

void test('tags: phrases are segmented by the text, a conjunction splits them', () => {
  assert.deepEqual(splitTags('روسيا ايران', 'قادة روسيا وإيران'), ['روسيا', 'ايران']);
  assert.deepEqual(splitTags('روسيا ايران', 'محور روسيا ايران الجديد'), ['روسيا ايران']);
  assert.deepEqual(splitTags('a, b c', ''), ['a', 'b c']);
  assert.deepEqual(splitTags('غزة غزة', 'غزة'), ['غزة']);
});

void test('bad input: empty, whitespace, binary junk, too large, headline only', async () => {
  const codes = async (bytes: Uint8Array) => (await parse({ name: 'bad.txt', bytes })).errors.map((e) => e.code);
  assert.deepEqual(await codes(new Uint8Array(0)), ['page.empty']);
  assert.deepEqual(await codes(Buffer.from(' \r\n\t\n')), ['page.empty']);
  const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
  assert.deepEqual(await codes(junk), ['page.binary']);
  assert.deepEqual(await codes(new Uint8Array(MAX_PAGE_BYTES + 1)), ['page.too_large']);
  const headline = await parse({ name: 'h.txt', bytes: Buffer.from('عنوان فقط\nتاريخ النشر: 20 سبتمبر 2023\n') });
  assert.deepEqual(headline.articles, []);
  assert.deepEqual(headline.errors.map((e) => [e.code, e.line]), [['page.no_text', 1]]);
});

void test('looksLikePage: two kinds of marker make a page, one date line in a dump does not', () => {
  assert.ok(looksLikePage(readFileSync(REAL, 'utf8')));
  for (const f of readdirSync(TESTDATA).filter((x) => x.endsWith('.txt'))) {
    assert.ok(looksLikePage(decodeText(readFileSync(new URL(f, TESTDATA))).text), f);
  }
  // Real dumps with a single «تاريخ النشر» line (detect.ts calls these pages today).
  const dumps = new URL('../text/testdata/arabic_newspapers_corpus/', import.meta.url);
  for (const f of ['culture/AEC1.txt', 'culture/BHC12.txt', 'economy/PSE16.txt']) {
    assert.equal(looksLikePage(decodeText(readFileSync(new URL(f, dumps))).text), false, f);
  }
});
