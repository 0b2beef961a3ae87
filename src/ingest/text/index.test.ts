import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import iconv from 'iconv-lite';
import { parseText, MAX_TEXT_BYTES } from './index.ts';
import { decode as decodeText } from '../encoding.ts';
import { textStats } from './junk.ts';
import { readByline, readDate } from './header.ts';
import type { Article } from '../../model/article.ts';
import type { ParseResult } from '../types.ts';

// 16 of the corpus's 2,375 dumps, byte for byte (testdata/README.md): 3 of the 22 whose Arabic
// was lost upstream, and the ones the tests below name. `npm run eval` reads all 2,375.
const CORPUS = new URL('./testdata/arabic_newspapers_corpus/', import.meta.url);

const run = (name: string, bytes: Uint8Array): ParseResult => parseText({ name, bytes }, {}) as ParseResult;
const corpusFile = (path: string): Buffer => readFileSync(new URL(path, CORPUS));
const one = (path: string): Article => {
  const r = run(path, corpusFile(path));
  assert.deepEqual(r.errors, [], path);
  assert.equal(r.articles.length, 1, path);
  return r.articles[0]!;
};

void test('every copied corpus dump decodes as Arabic and parses, or is reported', () => {
  let files = 0;
  let parsed = 0;
  let dated = 0;
  let authored = 0;
  const lost: string[] = [];
  for (const dir of readdirSync(CORPUS)) {
    for (const f of readdirSync(new URL(`${dir}/`, CORPUS))) {
      files++;
      const path = `${dir}/${f}`;
      const bytes = corpusFile(path);
      const r = run(path, bytes);
      if (r.errors.some((e) => e.code === 'text.mojibake')) {
        // The Arabic was lost upstream: the bytes are ASCII (but for a few NBSP and quotes),
        // `?` where the letters were; no code page can bring them back.
        const asArabic = textStats(iconv.decode(bytes, 'windows-1256')).arabic;
        const marks = bytes.filter((b) => b === 0x3f).length;
        assert.ok(asArabic < marks / 100 && marks > bytes.length / 3, `${path}: ${asArabic} Arabic letters, ${marks} '?'`);
        assert.equal(r.articles.length, 0);
        lost.push(f);
        continue;
      }
      assert.deepEqual(r.errors, [], path);
      assert.equal(r.articles.length, 1, path);
      const a = r.articles[0]!;
      const d = decodeText(bytes);
      assert.equal(d.charset, 'windows-1256', `${path}: detected ${d.charset} (${d.how})`);
      assert.ok(a.title.length > 0 && a.text.length > 0, `${path}: empty title or text`);
      assert.ok(!a.title.includes('\uFFFD') && !a.text.includes('\uFFFD'), `${path}: U+FFFD`);
      const s = textStats(a.text);
      assert.ok(s.arabic / s.letters > 0.5, `${path}: only ${s.arabic} of ${s.letters} letters are Arabic`);
      if (a.publishedAt) {
        dated++;
        // The corpus was collected in 2012: a date elsewhere is a misreading.
        assert.match(a.publishedAt, /^201[12]-/, `${path}: publishedAt ${a.publishedAt}`);
      }
      if (a.author) authored++;
      parsed++;
    }
  }
  assert.equal(files, 16);
  assert.equal(parsed, 13);
  assert.deepEqual(lost.sort(), ['DZP1.txt', 'DZP2.txt', 'DZP22.txt']);
  assert.equal(dated, 7); // AEC1 BHC12 DZC18 SAC6 PSE16 AEP1 BHR26
  assert.equal(authored, 4); // BHC12 KWC22 OMC15 BHR26
});

void test('marked date and byline lines become publishedAt and author and leave the text', () => {
  const bhc12 = one('culture/BHC12.txt'); // «تاريخ النشر :7 يوليو 2012» then «بقلم: محمد محمود المرباطي»
  assert.equal(bhc12.title, 'نزيفُ الشر');
  assert.equal(bhc12.publishedAt, '2012-07-07T00:00:00.000Z');
  assert.equal(bhc12.author, 'محمد محمود المرباطي');
  assert.ok(!bhc12.text.includes('تاريخ النشر') && !bhc12.text.includes('بقلم'));
  assert.equal(one('culture/KWC22.txt').author, 'محمد جاد'); // «كتب محمد جاد:»
  assert.equal(one('religion/BHR26.txt').author, 'د. شعيب الغباشي'); // «بقلم / د : شعيب الغباشي *»
  const omc15 = one('culture/OMC15.txt'); // «كتب ـ أيمن حسين:صدر عن …»: the body glued on stays
  assert.equal(omc15.author, 'أيمن حسين');
  assert.ok(omc15.text.startsWith('صدر عن المركز القومي للترجمة'));
  assert.equal(one('culture/SAC6.txt').publishedAt, '2012-06-15T11:59:00.000Z'); // «25-07-1433 11:59 AM», Hijri
  const dzc18 = one('culture/DZC18.txt'); // «الأحد 16 سبتمبر 2012الجزائر: حميد عبد القادر»
  assert.equal(dzc18.publishedAt, '2012-09-16T00:00:00.000Z');
  assert.ok(dzc18.text.includes('الجزائر: حميد عبد القادر'));
});

void test('nothing unmarked is guessed', () => {
  const aep1 = one('politics/AEP1.txt'); // a bare name under the headline: not marked, stays text
  assert.equal(aep1.title, 'إسرائيل ومحاولات إضفاء الشرعية على الاحتلال');
  assert.equal(aep1.publishedAt, '2012-07-18T00:00:00.000Z');
  assert.equal(aep1.author, null);
  assert.ok(aep1.text.startsWith('د. منار الشوربجي\n\n'));
  const iqp19 = one('politics/IQP19.txt'); // a headline that starts with a date is a headline
  assert.equal(iqp19.title, '14 تموز 1958 الوقوف عند الحافة.. السقوط عند الحافة');
  assert.equal(iqp19.publishedAt, null);
  assert.equal(one('economy/SAE15.txt').publishedAt, null); // «أمس 11:03 AM»: no reference time in a dump
});

void test('a dump without a headline: the title is the opening of the first paragraph', () => {
  const a = one('culture/EGC30.txt');
  assert.ok(a.title.endsWith('…') && a.title.length <= 121);
  assert.ok(a.text.startsWith(a.title.slice(0, -1)));
});

void test('the charset is detected: UTF-8, UTF-8 with BOM, ISO-8859-6, windows-1256', () => {
  const text = 'عنوان الخبر\r\nالتاريخ: 18 يوليو 2012\r\nهذا نص الخبر الأول، وفيه تفاصيل كثيرة عن الحدث.\r\n';
  for (const [bytes, charset] of [
    [Buffer.from(text, 'utf8'), 'utf-8'],
    [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
    [iconv.encode(text, 'iso-8859-6'), 'iso-8859-6'],
    [iconv.encode(text, 'windows-1256'), 'windows-1256'],
  ] as const) {
    assert.equal(decodeText(bytes).charset, charset);
    const r = run(charset, bytes);
    assert.deepEqual(r.errors, []);
    assert.equal(r.articles[0]?.title, 'عنوان الخبر');
    assert.equal(r.articles[0]?.publishedAt, '2012-07-18T00:00:00.000Z');
    assert.equal(r.articles[0]?.text, 'هذا نص الخبر الأول، وفيه تفاصيل كثيرة عن الحدث.');
  }
});

void test('bad input: empty, headline only, binary junk, too large, a labelled date that does not parse', () => {
  const codes = (bytes: Uint8Array) => run('bad.txt', bytes).errors.map((e) => e.code);
  assert.deepEqual(codes(new Uint8Array(0)), ['text.empty']);
  assert.deepEqual(codes(Buffer.from('\r\n \r\n')), ['text.empty']);
  assert.deepEqual(codes(iconv.encode('عنوان فقط\r\n', 'windows-1256')), ['text.empty']);
  const junk = new Uint8Array(8192).map((_, i) => (i * 7919 + 13) % 256);
  assert.deepEqual(codes(junk), ['text.binary']);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 0)]);
  assert.deepEqual(codes(png), ['text.binary']);
  assert.deepEqual(codes(new Uint8Array(MAX_TEXT_BYTES + 1)), ['text.too_large']);
  const r = run('d.txt', iconv.encode('عنوان\r\nالتاريخ: 99 يوليو 2012\r\nنص الخبر.\r\n', 'windows-1256'));
  assert.deepEqual(r.errors.map((e) => [e.code, e.line]), [['text.bad_date', 2]]);
  assert.equal(r.articles[0]?.publishedAt, null);
});

void test('header line readers', () => {
  assert.equal(readDate('التاريخ: 18 يوليو 2012')?.value, '2012-07-18T00:00:00.000Z');
  assert.equal(readDate('التاريخ لن ينسى أن زيدان 1998'), null);
  assert.equal(readDate('بتاريخ 5-4-1433 هـ')?.value, '2012-02-27T00:00:00.000Z');
  assert.equal(readByline('كتبت في مقالة ماضية عن امر الله لنا بألا نتخذ الشيطان عدوا'), null);
  assert.equal(readByline('متابعة لموضوع عدم تزويد مصنع مجان للحديد بالغاز'), null);
  assert.equal(readByline('حوارٌ داخل نص مسرحي'), null);
  assert.deepEqual(readByline('كتبت ــ هالة السيد\u200f:\u200fبكلمات يغلب عليها'), { value: 'هالة السيد', rest: 'بكلمات يغلب عليها' });
  assert.equal(readByline('آدم باريس ترجمة - الصباح'), null);
  assert.equal(readByline('إعداد: ليز سلاي ترجمة - الصباح')?.value, 'ليز سلاي');
  assert.equal(readByline('بقلم سامر زعيتر')?.value, 'سامر زعيتر');
});
