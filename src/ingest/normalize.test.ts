// Every Article is cleaned at ingest, whatever adapter made it (issue 13, defects 5, 8 and
// 10 on the ingest side): characters XML 1.0 forbids, bidi controls in one-line fields,
// non-http(s) urls. Checked through parseDocument on real formats, and against the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from './index.ts';
import { normalizeArticles } from './normalize.ts';
import { checkArticle, LIMITS } from '../model/schema.ts';
import { articleId, makeArticle } from '../model/article.ts';

const rss = (items: string) =>
  Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title><link>https://example.com/</link>${items}</channel></rss>`);
const allText = (a: object) => JSON.stringify(a);

test('characters XML 1.0 forbids are removed from every field, from feeds and JSON alike', async () => {
  const feed = await parseDocument({
    name: 'hostile.xml',
    bytes: rss(
      `<item><title>عنوان&#xFFFF; الخبر&#x1;\u0002 هنا</title><description>نص&#x8; الخبر&#xFFFE;</description>` +
        `<author>كاتب&#x1B;</author><category>وسم&#x7;</category><link>https://example.com/a</link></item>`,
    ),
  });
  const json = await parseDocument({
    name: 'hostile.json',
    bytes: Buffer.from(JSON.stringify([{ title: 'عنوان\u0001 \uD800الخبر\uFFFF', content: 'نص\u0000 \uDC00الخبر\u001F', author: 'كاتب\u0003', source: 'منفذ\uFFFE', tags: ['وسم\u0008'] }])),
  });
  for (const r of [feed, json]) {
    assert.equal(r.articles.length, 1);
    const a = r.articles[0]!;
    // eslint-disable-next-line no-control-regex -- control characters are what this matches
    assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/.test(allText(a).replace(/\\u[0-9a-f]{4}/gi, (m) => String.fromCharCode(parseInt(m.slice(2), 16)))), allText(a));
    assert.deepEqual(checkArticle(a), { ok: true });
  }
  assert.equal(feed.articles[0]!.title, 'عنوان الخبر هنا');
  assert.equal(feed.articles[0]!.author, 'كاتب');
  assert.equal(json.articles[0]!.title, 'عنوان الخبر');
  assert.equal(json.articles[0]!.outlet, 'منفذ');
});

test('bidi controls: gone from titles, outlets and authors; the body keeps its marks but no override', async () => {
  const r = await parseDocument({
    name: 'bidi.json',
    bytes: Buffer.from(
      JSON.stringify([
        {
          title: 'photo\u202Egpj.exe\u202C \u200Fخبر\u200E',
          content: 'قال \u202Bمتحدث\u202C إن الشركة \u200FGoogle\u200F أعلنت \u2067نتائجها\u2069.',
          source: '\u202Eمنفذ',
          author: '\u2066كاتب\u2069 \u061C',
          url: 'https://example.com/x',
        },
      ]),
    ),
  });
  const a = r.articles[0]!;
  assert.equal(a.title, 'photogpj.exe خبر');
  assert.equal(a.outlet, 'منفذ');
  assert.equal(a.author, 'كاتب');
  assert.equal(a.text, 'قال متحدث إن الشركة \u200FGoogle\u200F أعلنت نتائجها.');
  assert.deepEqual(checkArticle(a), { ok: true });
});

test('only http(s) urls: javascript:, data:, file: and others are dropped with an issue, the article kept', async () => {
  const bad = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:x', 'ftp://example.com/a', 'http://'];
  const items = bad.map((u, i) => `<item><title>خبر ${i}</title><description>نص ${i}</description><link>${u.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</link></item>`).join('');
  const r = await parseDocument({ name: 'links.xml', bytes: rss(items + '<item><title>خبر جيد</title><link>https://example.com/good</link></item>') });
  assert.equal(r.articles.length, bad.length + 1);
  for (const a of r.articles.slice(0, bad.length)) {
    assert.equal(a.url, null, a.title);
    assert.equal(a.id, articleId(null, a.title, a.text));
    assert.deepEqual(checkArticle(a), { ok: true });
  }
  assert.equal(r.articles.at(-1)!.url, 'https://example.com/good');
  // `http://` (no host) never becomes a url: the feed adapter cannot resolve it.
  const issues = r.errors.filter((e) => e.code === 'article.bad_url');
  assert.equal(issues.length, bad.length - 1);
  assert.ok(issues.every((i) => i.severity === 'warning' && i.source === 'links.xml' && /«خبر \d»: url «.*» is not an http\(s\) URL: dropped/.test(i.message)), JSON.stringify(issues[0]));
  // JSON records too (the JSON adapter already ignored non-http urls: the same result).
  const j = await parseDocument({ name: 'l.json', bytes: Buffer.from(JSON.stringify([{ title: 'أ', content: 'ب', url: 'data:,x' }])) });
  assert.equal(j.articles[0]!.url, null);
});

test('a cleaned article gets the id of its clean content, and articles related to it follow', () => {
  // A body over the cap is cut at a paragraph: its content id changes.
  const para = 'فقرة من نص الخبر الطويل. '.repeat(40);
  const main = makeArticle({ title: 'خبر\u0001 رئيسي', text: Array.from({ length: 300 }, () => para).join('\n\n'), url: 'javascript:x' });
  const appended = makeArticle({ title: 'خبر ملحق', text: 'نص آخر', relatedTo: main.id });
  const notes: string[] = [];
  const [m, a] = normalizeArticles([main, appended], (n) => notes.push(n.code));
  assert.equal(m!.id, articleId(null, 'خبر رئيسي', m!.text));
  assert.notEqual(m!.id, main.id);
  assert.ok(m!.text.length <= LIMITS.text && m!.text.endsWith(para.trim()));
  assert.equal(a!.relatedTo, m!.id);
  assert.deepEqual(notes, ['article.too_large', 'article.bad_url']);
});

test('an article left with neither title nor text after cleaning is dropped with an issue', async () => {
  const r = await parseDocument({ name: 'x.json', bytes: Buffer.from(JSON.stringify([{ title: '\u202E\u0001', content: '\u0002' }, { title: 'خبر', content: 'نص' }])) });
  assert.deepEqual(r.articles.map((a) => a.title), ['خبر']);
  assert.deepEqual(r.errors.map((e) => e.code), ['article.empty']);
});
