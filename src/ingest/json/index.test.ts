import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseJson, parseJsonl } from './index.ts';
import { firstJsonError } from './locate.ts';
import { parseDocument, type InputDoc, type ParseResult } from '../index.ts';

const fixture = (name: string): InputDoc => {
  const url = new URL(`testdata/${name}`, import.meta.url);
  return { name: `testdata/${name}`, bytes: readFileSync(url) };
};
const doc = (name: string, text: string): InputDoc => ({ name, bytes: Buffer.from(text, 'utf8') });
const run = async (p: typeof parseJson, d: InputDoc): Promise<ParseResult> => p(d, {});

test('saudinewsnet records: entities, 0x1A, NBSP paragraphs, 3alyoum tag line, empty fields', async () => {
  const r = await run(parseJson, fixture('saudinewsnet-sample.json'));
  assert.equal(r.articles.length, 7);
  const [entities, quot, sub, alyoum, nbsp, noTitle, noText] = r.articles;

  assert.equal(entities?.title, 'توزيع “موسوعة خطب الجمعة” على خطباء الجوامع بالمملكة');
  assert.equal(entities?.outlet, 'alweeam');
  assert.equal(entities?.publishedAt, '2015-07-21T02:16:40.000Z');
  assert.equal(entities?.lang, 'ar');
  assert.equal(quot?.title, '"العيد مع الأيتام أحلى" يبهج 600 يتيم بالرياض');

  // 0x1A twice before a photo caption: a paragraph break, not glued words.
  assert.ok(sub?.text.endsWith('عن حياض الوطن.\n\nمن احتفالات أهالي مدينة العيون'));
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  assert.ok(!/[\u0000-\u0008\u000B-\u001F\u00A0]/.test(r.articles.map((a) => a.title + a.text).join('')));

  // The tag line leaves the body; the multi-word tag is kept whole.
  assert.deepEqual(alyoum?.tags, ['العربية', 'خليل الخليل', 'داعش']);
  assert.ok(alyoum?.text.endsWith('وأعان أعداء الوطن على وطنه.'));
  assert.equal(alyoum?.author, null);
  assert.ok(alyoum?.text.startsWith('عين اليوم – جدة\n\nقال عضو الشورى'));

  // A dateline in `author` is kept: it is what the data says. Lone NBSPs split paragraphs.
  assert.equal(nbsp?.author, 'واس- جدة:');
  const paras = nbsp?.text.split('\n\n') ?? [];
  assert.equal(paras.length, 6);
  assert.ok(paras.every((p) => p === p.trim() && p !== ''));
  assert.equal(paras.at(-1), 'كما اجتمع سمو ولي ولي العهد في جدة مساء أمس مع رئيس حزب القوات اللبنانية سمير جعجع، وجرى خلال الاجتماع استعراض مستجدات الأوضاع على الساحة اللبنانية.');

  // Text without title and title without text are Articles; neither is an issue.
  assert.equal(noTitle?.title, '');
  assert.equal(noTitle?.text, 'Array');
  assert.equal(noText?.title, 'الدول العشر الأكثر استفادة من طاقة الرياح');
  assert.equal(noText?.text, '');
  assert.deepEqual(r.errors.map((e) => [e.code, e.item]), [['json.item.empty', 7]]);
});

test('same input, same ids; distinct articles, distinct ids', async () => {
  const a = await run(parseJson, fixture('saudinewsnet-sample.json'));
  const b = await run(parseJson, fixture('saudinewsnet-sample.json'));
  assert.deepEqual(a.articles.map((x) => x.id), b.articles.map((x) => x.id));
  assert.equal(new Set(a.articles.map((x) => x.id)).size, a.articles.length);
});

test('NewsAPI-style wrapper: source object, HTML content, description fallback, ISO dates', async () => {
  const r = await run(parseJson, fixture('newsapi.json'));
  assert.equal(r.errors.length, 0);
  assert.equal(r.articles.length, 2);
  const [html, desc] = r.articles;
  assert.equal(html?.outlet, 'الشرق الأوسط');
  assert.ok(!html?.text.includes('<'));
  assert.ok((html?.text.split('\n\n').length ?? 0) >= 2);
  assert.ok(desc?.text.endsWith('…'), 'no content: the description is the text');
  assert.match(html?.publishedAt ?? '', /^2015-07-2\dT\d\d:\d\d:\d\d\.000Z$/);
});

test('object with data[] and a title: the title becomes via; a single object is one article', async () => {
  const w = await run(parseJson, fixture('wrapped.json'));
  assert.equal(w.articles.length, 1);
  assert.equal(w.articles[0]?.via, 'أرشيف عكاظ');
  assert.equal(w.articles[0]?.outlet, 'okaz');
  const s = await run(parseJson, fixture('single.json'));
  assert.equal(s.articles.length, 1);
  assert.equal(s.articles[0]?.outlet, 'alriyadh');
});

test('JSONL: other field names; bad lines are issues with their line; the rest parses', async () => {
  const r = await run(parseJsonl, fixture('mixed.jsonl'));
  assert.deepEqual(r.errors.map((e) => [e.code, e.line]), [
    ['jsonl.syntax', 3],
    ['jsonl.item.not_object', 6],
    ['jsonl.item.empty', 8],
  ]);
  assert.match(r.errors[0]!.message, /line 3, column 81/);
  assert.equal(r.articles.length, 4);
  const [headline, headLine, epoch, english] = r.articles;
  assert.equal(headline?.title, '"مدني الباحة" يخمد حريق "بطيلة" في زمن قياسي');
  assert.equal(headline?.outlet, 'واس');
  assert.deepEqual(headline?.tags, ['السعودية', 'الرياض', 'واس']);
  assert.equal(headline?.publishedAt, '2015-07-21T02:39:26.000Z', 'zone-less: UTC');
  assert.ok(headline?.url?.startsWith('http://sabq.org/'));
  assert.deepEqual(headLine?.tags, ['واس', 'مجلس الوزراء']);
  assert.equal(headLine?.publishedAt?.slice(0, 10), '2015-08-10', 'Arabic month name via parseArabicDate');
  assert.equal(epoch?.publishedAt, '2015-08-10T09:46:40.000Z');
  assert.equal(english?.text, 'Body & more.');
  assert.equal(english?.lang, 'en');
  assert.equal(english?.publishedAt, '2015-08-10T09:00:00.000Z');
});

test('malformed JSON: one issue naming the line and column; nothing else', async () => {
  const r = await run(parseJson, fixture('malformed.json'));
  assert.equal(r.articles.length, 0);
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0]?.code, 'json.syntax');
  assert.equal(r.errors[0]?.line, 10);
  assert.match(r.errors[0]!.message, /line 10, column 15/);
});

test('syntax errors V8 reports without a position are still located', async () => {
  const cases: Array<[string, number]> = [
    ['[\n{"title": "a"},\nx]', 3],
    ['[\n{"title": "a"}\n', 3],
    ['[{"title": "a"}]\n]', 2],
    ['   \n\n', 3],
    ['{"title": "a", }', 1],
  ];
  for (const [text, line] of cases) {
    const r = await run(parseJson, doc('t.json', text));
    assert.equal(r.errors[0]?.code, 'json.syntax', text);
    assert.equal(r.errors[0]?.line, line, text);
  }
});

test('JSON with no article list, and arrays of junk, are issues per document or item', async () => {
  const none = await run(parseJson, doc('n.json', '{"status": "ok", "count": 3}'));
  assert.deepEqual(none.errors.map((e) => e.code), ['json.no_articles']);
  const scalar = await run(parseJson, doc('s.json', '42'));
  assert.deepEqual(scalar.errors.map((e) => e.code), ['json.no_articles']);
  const junk = await run(parseJson, doc('j.json', '[1, null, {"title": "عنوان"}, []]'));
  assert.equal(junk.articles.length, 1);
  assert.deepEqual(junk.errors.map((e) => e.item), [0, 1, 3]);
});

test('one object per line given as json is read as the JSONL it is', async () => {
  const text = '{"title": "أ", "text": "نص أول"}\n{"title": "ب", "text": "نص ثان"}\n';
  const r = await run(parseJson, doc('x.json', text));
  assert.equal(r.articles.length, 2);
  const detected = await parseDocument(doc('x.data', text));
  assert.equal(detected.articles.length, 2);
});

test('UTF-16 with BOM and windows-1256 JSON are decoded', async () => {
  const text = '[{"title": "خبر عاجل", "content": "نص الخبر"}]';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const r16 = await run(parseJson, { name: 'u16.json', bytes: utf16 });
  assert.equal(r16.articles[0]?.title, 'خبر عاجل');
  const { default: iconv } = await import('iconv-lite');
  const r1256 = await run(parseJson, { name: 'w.json', bytes: iconv.encode(text, 'windows-1256'), contentType: 'application/json; charset=windows-1256' });
  assert.equal(r1256.articles[0]?.text, 'نص الخبر');
});

test('a huge array of junk lists 1,000 issues and counts the rest', async () => {
  const items = Array.from({ length: 200_000 }, (_, i) => (i === 5 ? '{"title": "عنوان", "text": "نص"}' : String(i)));
  const r = await run(parseJson, doc('big.json', `[${items.join(',')}]`));
  assert.equal(r.articles.length, 1);
  assert.equal(r.errors.length, 1001);
  assert.equal(r.errors.at(-1)?.code, 'json.more_issues');
  assert.match(r.errors.at(-1)!.message, /^198999 more issues/);
});

test('the error locator accepts every valid document V8 accepts', () => {
  for (const name of ['saudinewsnet-sample.json', 'newsapi.json', 'wrapped.json', 'single.json']) {
    assert.equal(firstJsonError(readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8')), -1, name);
  }
  for (const ok of ['0', '-1.5e+3', '"\\u00e9"', '[]', '{}', ' [true, false, null, {"a": [{}]}] ']) assert.equal(firstJsonError(ok), -1, ok);
  for (const [bad, at] of [['01', 1], ['[1,]', 3], ['{"a" 1}', 5], ['"\\x"', 0], ['[1] 2', 4], ['nul', 0]] as const) {
    assert.equal(firstJsonError(bad), at, bad);
  }
});
