// Inputs the fuzzers found (src/ingest/fuzz/targets.ts), each kept as a regression test
// with what it broke.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../index.ts';
import { checkArticle } from '../../model/schema.ts';

test('markup without a root element is "no article", not a crash (linkedom body getter threw)', async () => {
  // Found by `fuzz html` (a page cut after `<html `), `fuzz text` and `fuzz bytes` (text
  // starting with `<` is sniffed as HTML): `html.failed` "Cannot destructure property
  // 'firstElementChild' of 'documentElement' as it is null".
  for (const s of ['<!doctype html><html ', '<\u0006\u00d9\'\u00a5', '< Google Google https://example.com/a وكالة']) {
    const r = await parseDocument({ name: 'x.html', bytes: Buffer.from(s) });
    assert.deepEqual(r.errors.map((e) => e.code), ['html.no_article'], s);
  }
});

test('content linkedom leaves inside <head> is moved to <body>, so Readability does not throw', async () => {
  // Found by `npm run bench:fuzz -- --runs 400 --seed 7` (html, path 22): stray text after a
  // <meta> kept <head> open, the <article> landed in it, and Readability's walk up to BODY
  // read `tagName` of null (`html.failed`). The fuzzer's input, as found, is in testdata/.
  const bytes = readFileSync(new URL('testdata/article-in-head.html', import.meta.url));
  const r = await parseDocument({ name: 'article-in-head.html', bytes }, { format: 'html' });
  assert.ok(!r.errors.some((e) => e.code === 'html.failed'), JSON.stringify(r.errors));
  const page = '<!doctype html><html lang="ar"><head><title>عنوان الخبر</title><meta name="x" content="y">©<article><h1>عنوان الخبر</h1>' +
    '<p>قال وزير الخارجية اليوم إن المحادثات بين الجانبين حققت تقدما ملموسا في عدد من الملفات العالقة، وإن الجولة المقبلة ستعقد الشهر القادم في العاصمة.</p>' +
    '<p>وأضاف أن الطرفين اتفقا على تشكيل لجان فنية مشتركة لمتابعة تنفيذ ما تم التوصل إليه، مؤكدا أهمية الحوار في حل الخلافات القائمة بين البلدين الجارين.</p></article></body></html>';
  const ok = await parseDocument({ name: 'p.html', bytes: Buffer.from(page) });
  assert.deepEqual(ok.errors, []);
  assert.match(ok.articles[0]!.text, /^قال وزير الخارجية اليوم/);
});

test('content outside <head> and <body> (a misspelt <body> tag) is moved into <body>', async () => {
  // Found by `npm run bench:fuzz -- --runs 3000 --seed 7` (html, path 474): `<bodhref="/">`
  // left linkedom's <body> empty and the article in a sibling of it, so Readability's walk
  // up to BODY read `tagName` of null. The fuzzer's input, as found, is in testdata/.
  const bytes = readFileSync(new URL('testdata/content-after-body.html', import.meta.url));
  const r = await parseDocument({ name: 'content-after-body.html', bytes }, { format: 'html' });
  assert.ok(!r.errors.some((e) => e.code === 'html.failed'), JSON.stringify(r.errors));
  const page = '<!doctype html><html lang="ar"><head><title>عنوان الخبر</title></head><body></body><article><h1>عنوان الخبر</h1>' +
    '<p>قال وزير الخارجية اليوم إن المحادثات بين الجانبين حققت تقدما ملموسا في عدد من الملفات العالقة، وإن الجولة المقبلة ستعقد الشهر القادم في العاصمة.</p>' +
    '<p>وأضاف أن الطرفين اتفقا على تشكيل لجان فنية مشتركة لمتابعة تنفيذ ما تم التوصل إليه، مؤكدا أهمية الحوار في حل الخلافات القائمة بين البلدين الجارين.</p></article></html>';
  const ok = await parseDocument({ name: 'p.html', bytes: Buffer.from(page) });
  assert.deepEqual(ok.errors, []);
  assert.match(ok.articles[0]!.text, /^قال وزير الخارجية اليوم/);
});

test('a url with control characters in it is stored clean, never as given', async () => {
  // Found by `npm run bench:fuzz -- --runs 300 --seed 11` (archive, path 286): an http url
  // holding a C0 control passed the http(s) check on its cleaned form, but the raw form
  // was kept, and the Article broke the schema.
  const r = await parseDocument({ name: 'u.json', bytes: Buffer.from(JSON.stringify([{ title: 'خبر', content: 'نص', url: 'https://example.com/a\u0001b\u0085c' }])) });
  assert.equal(r.articles[0]!.url, 'https://example.com/abc');
  assert.deepEqual(checkArticle(r.articles[0]!), { ok: true });
  assert.deepEqual(r.errors, []);
});
