/**
 * parseOpml on an OPML built from the real ikhbr registry (duplicates, percent-encoded
 * Arabic URLs, `&` in query strings), checked against the registry itself; toOpml round trip.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseOpml, toOpml } from './index.ts';
import { parseDocument, type ParseResult, type Source } from '../index.ts';

interface Entry { url: string; country: string; feedUrl: string; category: string; source: string }
const registry = JSON.parse(readFileSync(new URL('testdata/ArabicSources.json', import.meta.url), 'utf8')) as Entry[];
const fixture = readFileSync(new URL('testdata/ikhbr.opml', import.meta.url));
const parse = async (bytes: Uint8Array | string, name = 'x.opml'): Promise<ParseResult> =>
  parseOpml({ name, bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes }, {});

void describe('parseOpml: the ikhbr registry', () => {
  it('gives one Source per distinct feed URL of the registry, with its outlet and nesting', async () => {
    const r = await parse(fixture, 'ikhbr.opml');
    const distinct = new Map<string, Entry>();
    for (const e of registry) if (!distinct.has(e.feedUrl)) distinct.set(e.feedUrl, e);
    assert.equal(r.sources.length, distinct.size);
    assert.equal(r.sources.length, 216);
    const byUrl = new Map(r.sources.map((s) => [s.url, s]));
    for (const e of distinct.values()) {
      const s = byUrl.get(new URL(e.feedUrl).toString());
      assert.ok(s, e.feedUrl);
      assert.equal(s.title, e.source);
      assert.equal(s.siteUrl, new URL(e.url).toString());
    }
    assert.deepEqual(new Set(r.errors.map((e) => e.code)), new Set(['opml.duplicate']));
    assert.equal(r.errors.length, registry.length - distinct.size);
  });

  it('keeps percent-encoded Arabic paths and & in queries intact', async () => {
    const r = await parse(fixture);
    const wafd = r.sources.find((s) => s.url.startsWith('http://www.alwafd.org/%D8%B1%D9%8A%D8%A7%D8%B6'));
    assert.equal(wafd?.url, 'http://www.alwafd.org/%D8%B1%D9%8A%D8%A7%D8%B6%D9%80%D9%80%D8%A9/?format=feed&type=rss');
    assert.equal(decodeURI(wafd.url), 'http://www.alwafd.org/رياضــة/?format=feed&type=rss');
    assert.equal(wafd.category, 'country 3 / category 19');
  });

  it('treats a raw-Arabic spelling of a percent-encoded URL as the same feed', async () => {
    const r = await parse(`<opml version="2.0"><body>
<outline text="البديل" xmlUrl="http://elbadil.com/category/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/feed/"/>
<outline text="البديل" xmlUrl="http://elbadil.com/category/سياسة/feed/"/></body></opml>`);
    assert.equal(r.sources.length, 1);
    assert.equal(r.errors[0]?.code, 'opml.duplicate');
  });

  it('is detected as OPML by parseDocument', async () => {
    const r = await parseDocument({ name: 'ikhbr.opml', bytes: fixture });
    assert.equal(r.sources.length, 216);
    assert.equal(r.articles.length, 0);
  });
});

void describe('toOpml', () => {
  it('round-trips the parsed registry exactly', async () => {
    const first = (await parse(fixture)).sources;
    const again = await parse(toOpml(first, 'سجل المصادر'));
    assert.deepEqual(again.sources, first);
    assert.deepEqual(again.errors, []);
  });

  it('escapes attributes and keeps untitled, uncategorized sources', async () => {
    const sources: Source[] = [
      { url: 'http://a.example/rss?x=1&y="2"', title: null, siteUrl: null, category: null },
      { url: 'http://b.example/feed', title: 'أ <ب> & ج', siteUrl: 'http://b.example/', category: 'مصر / سياسة' },
    ];
    const xml = toOpml(sources);
    assert.match(xml, /&amp;y=&quot;2&quot;/);
    assert.deepEqual((await parse(xml)).sources, sources.map((s) => ({ ...s, url: new URL(s.url).toString() })));
  });
});

void describe('parseOpml: bad input', () => {
  it('reports malformed OPML with its line, and documents without feeds', async () => {
    const bad = await parse('<?xml version="1.0"?>\n<opml version="2.0">\n<body>\n<outline text="a" xmlUrl="http://a/">\n</body>\n</opml>');
    assert.equal(bad.errors[0]?.code, 'opml.malformed');
    assert.equal(bad.errors[0]?.line, 5);
    const none = await parse('<opml version="2.0"><body><outline text="فارغ"/></body></opml>');
    assert.deepEqual(none.errors.map((e) => e.code), ['opml.no_feeds']);
    const junk = await parse(Buffer.from([0, 1, 2, 255, 254, 60, 62]));
    assert.equal(junk.sources.length, 0);
    assert.equal(junk.errors.length, 1);
  });

  it('reports feed URLs that are not http(s)', async () => {
    const r = await parse('<opml version="2.0"><body><outline text="x" xmlUrl="javascript:alert(1)"/><outline text="y" xmlUrl="https://ok.example/rss"/></body></opml>');
    assert.deepEqual(r.errors.map((e) => [e.code, e.item]), [['opml.bad_url', 0]]);
    assert.equal(r.sources.length, 1);
  });
});
