/**
 * Writes the feed fixtures of this folder from REAL articles of the SaudiNewsNet corpus
 * (../shared/corpus/saudinewsnet), one feed per format, with the quirks real Arabic feeds
 * have, and beside each feed `<name>.expected.json`: what a correct parser must give,
 * derived from the corpus record (not from the parser), so the tests compare against
 * the source of truth.
 *
 * Run from the repo root: `npx tsx src/ingest/feeds/testdata/make-fixtures.ts`.
 * The output is committed; rerunning gives the same bytes.
 *
 * Expected `publishedAt` of length 10 (YYYY-MM-DD) means only the day is asserted (an
 * Arabic date whose time-zone reading is the date parser's business).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { unzipSync } from 'fflate';

interface Rec { source: string; url: string; date_extracted: string; title: string; author: string; content: string }
interface Expected { title: string; text: string; url: string | null; publishedAt: string | null; outlet: string; via: string; author: string | null; tags: string[] }

const out = new URL('./', import.meta.url);
const corpus = new URL('../../../../../shared/corpus/saudinewsnet/2015-07-21.zip', import.meta.url);
const records = JSON.parse(Buffer.from(Object.values(unzipSync(readFileSync(corpus)))[0]!).toString('utf8')) as Rec[];

const byTitle = (t: string) => records.find((r) => r.title.startsWith(t)) ?? fail(t);
function fail(t: string): never {
  throw new Error(`no article titled ${t}`);
}
const usable = (r: Rec) => r.title.trim() !== '' && r.content.length >= 200 && r.content.length <= 1500 && !/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(r.content + r.title);
const firstOf = (source: string, n: number, skip: string[] = []) => records.filter((r) => r.source === source && usable(r) && !skip.some((s) => r.title.startsWith(s))).slice(0, n);

// ---- text helpers (test-data side: independent of the parser under test) -------------
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
const NAMED: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };
const unentity = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (NAMED[e.toLowerCase()] ?? m),
  );
const paras = (r: Rec) => r.content.split(/\n+/).map(fold).filter(Boolean);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string) => esc(s).replace(/"/g, '&quot;');
const html = (r: Rec) => paras(r).map((p) => `<p>${esc(p)}</p>`).join('\n');
const local = (r: Rec) => new Date(r.date_extracted.replace(' ', 'T') + '+03:00');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** RFC 822 in Riyadh time (`Tue, 21 Jul 2015 02:51:33 +0300`), as Arabic CMSs write it. */
function rfc822(r: Rec): string {
  const [d, t] = r.date_extracted.split(' ') as [string, string];
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const wd = DAYS[new Date(Date.UTC(y, m - 1, day)).getUTCDay()]!;
  return `${wd}, ${String(day).padStart(2, '0')} ${MONTHS[m - 1]} ${y} ${t} +0300`;
}
const iso = (r: Rec) => r.date_extracted.replace(' ', 'T') + '+03:00';
const absUrl = (u: string) => new URL(u).toString();

function expected(r: Rec, via: string, o: Partial<Expected> = {}): Expected {
  return {
    title: fold(unentity(r.title)),
    text: paras(r).map((p) => fold(unentity(p))).join('\n\n'),
    url: absUrl(r.url),
    publishedAt: local(r).toISOString(),
    outlet: via,
    via,
    author: fold(unentity(r.author)) || null,
    tags: [],
    ...o,
  };
}

/** Characters windows-1256 cannot hold become numeric references, as a real CMS writes them. */
function to1256(xml: string): Buffer {
  const ok = new Set(iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'windows-1256'));
  const safe = [...xml].map((c) => (ok.has(c) ? c : `&#${c.codePointAt(0)};`)).join('');
  return iconv.encode(safe, 'windows-1256');
}

function write(name: string, bytes: Buffer | string, exp: Expected[]): void {
  writeFileSync(new URL(name, out), bytes);
  writeFileSync(new URL(`${name}.expected.json`, out), JSON.stringify(exp, null, 2) + '\n');
}

// ---- RSS 2.0, windows-1256 ----------------------------------------------------------------
{
  const via = 'الشرق الأوسط';
  const [a1, a2, a3, a4, a5] = firstOf('aawsat', 5);
  const wire = byTitle('بعد طرد الحوثيين .. هادي يعين');
  const rel = (r: Rec) => new URL(r.url).pathname;
  const teaser = (r: Rec) => paras(r)[0]!;
  const xml = `<?xml version="1.0" encoding="windows-1256"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>${esc(via)}</title>
<link>http://aawsat.com/</link>
<description>آخر الأخبار</description>
<language>ar</language>
<item>
<title>${esc(a1!.title)}</title>
<link>${esc(a1!.url)}</link>
<guid isPermaLink="false">aawsat-${new URL(a1!.url).pathname.split('/')[3]}</guid>
<pubDate>${rfc822(a1!)}</pubDate>
<dc:creator>${esc(a1!.author)}</dc:creator>
<description><![CDATA[<p><img src="/files/styles/medium/public/${encodeURIComponent('صورة')}.jpg" alt="صورة الخبر" /></p>
${html(a1!)}
<script>track('aawsat');</script>]]></description>
</item>
<item>
<title>${esc(a2!.title)}</title>
<link>${esc(rel(a2!))}</link>
<pubDate>${new Date(local(a2!)).toUTCString()}</pubDate>
<description>${esc(paras(a2!).map(esc).join('<br /><br />\n'))}</description>
<category>اليمن</category>
<category>عدن</category>
</item>
<item>
<title>${esc(wire.title)}</title>
<link>${esc(wire.url)}</link>
<pubDate>${rfc822(wire)}</pubDate>
<source url="http://www.alweeam.com.sa/feed/">الوئام</source>
<description><![CDATA[<div class="field-body"><p>${esc(paras(wire)[0]!).replace(/ /, '&nbsp;')}</p>${paras(wire).slice(1).map((p) => `<p>${esc(p)}</p>`).join('')}</div>]]></description>
</item>
<item>
<title>${esc(a3!.title)}</title>
<link>${esc(a3!.url)}</link>
<pubDate>${rfc822(a3!)}</pubDate>
<description>${esc(teaser(a3!))}</description>
<content:encoded><![CDATA[${html(a3!)}]]></content:encoded>
</item>
<item>
<title>${esc(a4!.title)}</title>
<link>${esc(a4!.url)}</link>
<description><![CDATA[${html(a4!)}]]></description>
</item>
<item>
<title>${esc(a1!.title)}</title>
<link>${esc(a1!.url)}</link>
<guid isPermaLink="false">aawsat-${new URL(a1!.url).pathname.split('/')[3]}</guid>
<pubDate>${rfc822(a5!)}</pubDate>
<description><![CDATA[${html(a1!)}]]></description>
</item>
<item>
<guid isPermaLink="false">aawsat-empty</guid>
<description><![CDATA[<p> </p>]]></description>
</item>
</channel>
</rss>
`;
  write('rss2-windows-1256.xml', to1256(xml), [
    expected(a1!, via),
    expected(a2!, via, { tags: ['اليمن', 'عدن'] }),
    expected(wire, via, { outlet: 'الوئام', author: null }),
    expected(a3!, via, { author: null }),
    expected(a4!, via, { author: null, publishedAt: null }),
  ].map((e, i) => (i === 0 ? e : { ...e, author: null })));
}

// ---- RSS 1.0 (RDF), UTF-8 ------------------------------------------------------------------
{
  const via = 'الرياض';
  const items = firstOf('alriyadh', 3, ['قلت لك']);
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="http://www.alriyadh.com/">
<title>${esc(via)}</title>
<link>http://www.alriyadh.com/</link>
<description>جريدة الرياض</description>
<dc:language>ar</dc:language>
<items><rdf:Seq>${items.map((r) => `<rdf:li rdf:resource="${attr(absUrl(r.url))}"/>`).join('')}</rdf:Seq></items>
</channel>
${items
  .map(
    (r, i) => `<item rdf:about="${attr(absUrl(r.url))}">
<title>${esc(r.title)}</title>
<link>${esc(absUrl(r.url))}</link>
<dc:date>${iso(r)}</dc:date>${r.author.trim() ? `\n<dc:creator>${esc(r.author)}</dc:creator>` : ''}
<dc:subject>محليات</dc:subject>
${i === 0 ? `<content:encoded><![CDATA[${html(r)}]]></content:encoded>` : `<description>${esc(paras(r).join('\n\n'))}</description>`}
</item>`,
  )
  .join('\n')}
</rdf:RDF>
`;
  write('rdf.xml', xml, items.map((r) => expected(r, via, { tags: ['محليات'] })));
}

// ---- Atom 1.0, UTF-8 -------------------------------------------------------------------------
{
  const via = 'عكاظ';
  const [a1, a2, a3, a4] = firstOf('okaz', 4);
  const entry = (r: Rec, body: string, extra = '') => `<entry>
<id>tag:okaz.com.sa,2015:${attr(new URL(r.url).pathname)}</id>
<title type="html">${esc(esc(r.title))}</title>
<link rel="alternate" type="text/html" href="${attr(new URL(r.url).pathname + new URL(r.url).search)}"/>
<published>${iso(r)}</published>
<updated>${iso(r)}</updated>
<author><name>${esc(r.author)}</name></author>
${extra}${body}
</entry>`;
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
<title>${esc(via)}</title>
<id>http://www.okaz.com.sa/</id>
<link rel="self" href="http://www.okaz.com.sa/new/rss/atom.xml"/>
<link rel="alternate" href="http://www.okaz.com.sa/"/>
<updated>${iso(a4!)}</updated>
${entry(a1!, `<content type="html">${esc(html(a1!))}</content>`, '<category term="local" label="محليات"/>\n')}
${entry(a2!, `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${html(a2!)}</div></content>`)}
${entry(a3!, `<summary type="text">${esc(paras(a3!).join('\n'))}</summary>`)}
${entry(a4!, `<content type="html">${esc(html(a4!))}</content>`, '<source><title>واس</title><id>http://www.spa.gov.sa/</id></source>\n')}
</feed>
`;
  write('atom.xml', xml, [
    expected(a1!, via, { tags: ['محليات'] }),
    expected(a2!, via),
    expected(a3!, via),
    expected(a4!, via, { outlet: 'واس' }),
  ]);
}

// ---- JSON Feed 1.1 ---------------------------------------------------------------------------
{
  const via = 'سبق';
  const quoted = byTitle('&quot;العيد مع الأيتام');
  const [a1, a2] = firstOf('sabq', 2, ['&quot;']);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: via,
    home_page_url: 'http://sabq.org/',
    feed_url: 'http://sabq.org/feed.json',
    language: 'ar',
    items: [
      { id: quoted.url, url: quoted.url, title: quoted.title, content_html: html(quoted), date_published: local(quoted).toISOString(), authors: [{ name: quoted.author }], tags: ['الرياض', 'أيتام'] },
      { id: a1!.url, url: new URL(a1!.url).pathname, title: a1!.title, content_text: paras(a1!).join('\n\n'), date_published: iso(a1!), authors: [{ name: a1!.author }] },
      { id: a2!.url, url: a2!.url, title: a2!.title, content_html: html(a2!), summary: 'ملخص', date_published: iso(a2!), authors: [{ name: a2!.author }] },
      { id: a1!.url, url: a1!.url, title: a1!.title, content_text: 'نسخة مكررة' },
    ],
  };
  write('jsonfeed-1.1.json', JSON.stringify(feed, null, 2) + '\n', [
    expected(quoted, via, { tags: ['الرياض', 'أيتام'] }),
    expected(a1!, via),
    expected(a2!, via),
  ]);
}

// ---- RSS 0.91 --------------------------------------------------------------------------------
{
  const via = 'اليوم';
  const [a1, a2, a3] = firstOf('alyaum', 3);
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91">
<channel>
<title>${esc(via)}</title>
<link>http://www.alyaum.com/</link>
<description>جريدة اليوم</description>
<language>ar</language>
<item>
<title>${esc(a1!.title)}</title>
<link>${esc(a1!.url)}</link>
<description>${esc(paras(a1!).join('\n'))}</description>
<pubDate>الثلاثاء، 21 يوليو 2015 - 02:30 م</pubDate>
</item>
<item>
<title>${esc(a2!.title)}</title>
<link>${esc(a2!.url)}</link>
<description>${esc(paras(a2!).join('\n'))}</description>
</item>
<item>
<title>${esc(a3!.title)}</title>
<link>${esc(a3!.url)}</link>
<description>${esc(paras(a3!).join('\n'))}</description>
<pubDate>${rfc822(a3!)}</pubDate>
</item>
</channel>
</rss>
`;
  write('rss091.xml', xml, [
    expected(a1!, via, { author: null, publishedAt: '2015-07-21' }),
    expected(a2!, via, { author: null, publishedAt: null }),
    expected(a3!, via, { author: null }),
  ]);
}
