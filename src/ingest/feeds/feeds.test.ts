/**
 * parseFeed on one real-article feed per format (built by testdata/make-fixtures.ts from
 * the SaudiNewsNet corpus), compared field by field with the expectations derived from
 * the corpus records; then bad input.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { parseFeed } from './index.ts';
import { parseDocument, type InputDoc, type ParseResult } from '../index.ts';

interface Expected { title: string; text: string; url: string | null; publishedAt: string | null; outlet: string; via: string; author: string | null; tags: string[] }

const read = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url));
const expectedOf = (name: string) => JSON.parse(read(`${name}.expected.json`).toString('utf8')) as Expected[];
const parse = async (doc: InputDoc): Promise<ParseResult> => parseFeed(doc, { now: new Date('2015-08-01T00:00:00Z') });

function assertMatches(r: ParseResult, exp: Expected[], name: string): void {
  assert.equal(r.articles.length, exp.length, `${name}: ${r.articles.map((a) => a.title).join(' | ')}`);
  r.articles.forEach((a, i) => {
    const e = exp[i]!;
    const at = `${name} item ${i}`;
    assert.equal(a.title, e.title, at);
    assert.equal(a.text, e.text, at);
    assert.equal(a.url, e.url, at);
    if (e.publishedAt?.length === 10) assert.equal(a.publishedAt?.slice(0, 10), e.publishedAt, at);
    else assert.equal(a.publishedAt, e.publishedAt, at);
    assert.equal(a.outlet, e.outlet, at);
    assert.equal(a.via, e.via, at);
    assert.equal(a.author, e.author, at);
    assert.deepEqual(a.tags, e.tags, at);
    assert.equal(a.lang, 'ar', at);
    assert.match(a.id, /^[0-9a-f]{16}$/);
  });
  assert.equal(new Set(r.articles.map((a) => a.id)).size, r.articles.length, `${name}: ids unique`);
}

void describe('parseFeed: one feed per format, from real articles', () => {
  for (const name of ['rss2-windows-1256.xml', 'rdf.xml', 'atom.xml', 'jsonfeed-1.1.json', 'rss091.xml']) {
    void it(name, async () => {
      const r = await parse({ name, bytes: read(name) });
      assertMatches(r, expectedOf(name), name);
      const unexpected = r.errors.filter((e) => e.code !== 'feed.item.empty');
      assert.deepEqual(unexpected, []);
    });
  }

  void it('rss2: windows-1256 from the XML prolog; the duplicate dropped; the empty item reported by index', async () => {
    const bytes = read('rss2-windows-1256.xml');
    assert.ok(bytes.includes(Buffer.from('encoding="windows-1256"')));
    assert.ok(!bytes.includes(Buffer.from('الشرق الأوسط')), 'the fixture is not UTF-8');
    const r = await parse({ name: 'feed.xml', bytes });
    assert.deepEqual(r.errors, [{ code: 'feed.item.empty', source: 'feed.xml', item: 6, message: 'item has neither a title nor any text' }]);
    // The script and the <img> of the first description are not text.
    assert.ok(!r.articles[0]!.text.includes('track('));
    assert.ok(!r.articles[0]!.text.includes('صورة الخبر'));
  });

  void it('rss2: the charset from an HTTP header wins over the prolog', async () => {
    const utf8 = Buffer.from(iconv.decode(read('rss2-windows-1256.xml'), 'windows-1256'), 'utf8');
    const r = await parse({ name: 'feed.xml', bytes: utf8, contentType: 'application/rss+xml; charset=utf-8' });
    assertMatches(r, expectedOf('rss2-windows-1256.xml'), 'utf-8 copy');
  });

  void it('goes through parseDocument with the format detected from content', async () => {
    for (const name of ['rss2-windows-1256.xml', 'rdf.xml', 'atom.xml', 'jsonfeed-1.1.json', 'rss091.xml']) {
      const r = await parseDocument({ name, bytes: read(name) });
      assert.equal(r.articles.length, expectedOf(name).length, name);
    }
  });
});

const rss = (items: string, channelLink = '') =>
  Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>قناة</title>${channelLink}${items}</channel></rss>`);

void describe('parseFeed: item details', () => {
  it('resolves relative links against the fetched URL when the feed gives no site link', async () => {
    const r = await parse({ name: 'x', url: 'https://example.org/feeds/all.xml', bytes: rss('<item><title>خبر</title><link>../news/1</link></item>') });
    assert.equal(r.articles[0]!.url, 'https://example.org/news/1');
  });

  it('decodes entities escaped twice in titles and keeps a title made only of text', async () => {
    const r = await parse({ name: 'x', bytes: rss('<item><title>&amp;quot;عاجل&amp;quot; &amp;amp; &lt;b&gt;مهم&lt;/b&gt;</title><description>نص</description></item>') });
    assert.equal(r.articles[0]!.title, '"عاجل" & مهم');
  });

  it('names a title from the text when the item has none, and reports unreadable dates', async () => {
    const r = await parse({ name: 'x', bytes: rss('<item><description>&lt;p&gt;أول فقرة في الخبر&lt;/p&gt;&lt;p&gt;ثانية&lt;/p&gt;</description><pubDate>قريبا جدا</pubDate></item>') });
    assert.equal(r.articles[0]!.title, 'أول فقرة في الخبر');
    assert.equal(r.articles[0]!.text, 'أول فقرة في الخبر\n\nثانية');
    assert.equal(r.articles[0]!.publishedAt, null);
    assert.deepEqual(r.errors.map((e) => [e.code, e.item]), [['feed.item.bad_date', 0]]);
  });

  it('reads JSON Feed 1.0 (author object) and an Arabic relative date against opts.now', async () => {
    const feed = { version: 'https://jsonfeed.org/version/1', title: 'مدونة', items: [{ id: '1', title: 'عنوان', content_text: 'نص', author: { name: 'كاتب' }, date_published: 'أمس' }] };
    const r = await parse({ name: 'x', bytes: Buffer.from(JSON.stringify(feed)) });
    assert.equal(r.articles[0]!.author, 'كاتب');
    assert.equal(r.articles[0]!.publishedAt?.slice(0, 10), '2015-07-31');
  });
});

void describe('parseFeed: bad input', () => {
  it('reports malformed XML with the file and line', async () => {
    const r = await parse({ name: 'bad.xml', bytes: Buffer.from('<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>x</title>\n<item><title>a</item>\n</channel>\n</rss>') });
    assert.deepEqual(r.articles, []);
    assert.equal(r.errors[0]!.code, 'feed.malformed');
    assert.equal(r.errors[0]!.source, 'bad.xml');
    assert.equal(r.errors[0]!.line, 5);
  });

  it('keeps the complete items of a truncated feed and says where it broke', async () => {
    const full = read('rss2-windows-1256.xml');
    const text = iconv.decode(full, 'windows-1256');
    const cut = text.indexOf('<item>', text.indexOf('<source')) + 40; // inside the 4th item
    const r = await parse({ name: 'cut.xml', bytes: full.subarray(0, iconv.encode(text.slice(0, cut), 'windows-1256').length) });
    assert.equal(r.errors[0]!.code, 'feed.malformed');
    assert.equal(r.errors[0]!.line, text.slice(0, cut).split('\n').length);
    assert.deepEqual(r.articles.map((a) => a.title), expectedOf('rss2-windows-1256.xml').slice(0, 3).map((e) => e.title));
  });

  it('reports a JSON Feed that is not JSON with its line', async () => {
    const r = await parse({ name: 'bad.json', bytes: Buffer.from('{"version": "https://jsonfeed.org/version/1.1",\n"title": "x",\n"items": [,]}') });
    assert.equal(r.errors[0]!.code, 'feed.malformed');
    assert.equal(r.errors[0]!.line, 3);
  });

  it('reports empty files, binary junk and documents that are no feed', async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    for (const [bytes, code] of [
      [Buffer.alloc(0), 'input.empty'],
      [junk, 'feed.unrecognized'],
      [Buffer.from('<?xml version="1.0"?><catalog><book/></catalog>'), 'feed.unrecognized'],
      [Buffer.from('{"title": "not a feed"}'), 'feed.unrecognized'],
    ] as const) {
      const r = await parse({ name: 'f', bytes });
      assert.deepEqual(r.articles, []);
      assert.equal(r.errors[0]?.code, code, String(bytes.subarray(0, 20)));
    }
  });

  it('parses a large feed (thousands of items) in bounded time', async () => {
    const item = (i: number) => `<item><title>خبر رقم ${i}</title><link>http://example.org/${i}</link><description>&lt;p&gt;${'نص الخبر '.repeat(40)}&lt;/p&gt;</description></item>`;
    const bytes = rss(Array.from({ length: 5000 }, (_, i) => item(i)).join('\n'));
    const t0 = performance.now();
    const r = await parse({ name: 'big.xml', bytes });
    const ms = performance.now() - t0;
    assert.equal(r.articles.length, 5000);
    assert.ok(ms < 20_000, `${(bytes.length / 2 ** 20).toFixed(1)} MB took ${ms.toFixed(0)} ms`);
  });
});
