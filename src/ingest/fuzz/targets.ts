/**
 * Fuzz targets for every parser of the ingest stage and the search query parser: for each,
 * a fast-check arbitrary of hostile-but-plausible inputs (real structure, Arabic text,
 * control characters, bidi controls, entities, lone surrogates, broken markup, random
 * byte edits, truncation) and a check of what must hold for any input:
 * - no exception escapes, and no adapter fails (`<format>.failed` is a caught exception);
 * - the work is bounded: what comes out is at most linear in what went in (a fixed number
 *   of characters and events per input byte), which is what a hang or an expansion (entity,
 *   archive, quadratic re-scan) breaks first — counted, not timed, so it never flakes;
 * - every Article passes the Article schema (src/model/schema.ts);
 * - streamed JSON and JSONL give what the whole parse gives when nothing is cut.
 *
 * Shared by `npm test` (fuzz.test.ts: a fixed seed, a modest number of runs) and
 * `npm run bench:fuzz` (many runs, inputs per second, the slowest input). Test support only:
 * fast-check is a dev dependency.
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { parseDocument, parseStream, type ParseResult } from '../index.ts';
import { archiveKind, expandArchive } from '../archive.ts';
import type { Format } from '../types.ts';
import { checkArticle } from '../../model/schema.ts';
import { parseQuery, MAX_ITEMS, MAX_QUERY_CHARS } from '../../search/query.ts';
import { defaultAnalyzer } from '../../search/analyzer.ts';

// ---- pieces -----------------------------------------------------------------------------

const WORDS = ['خبر', 'عاجل', 'وزير', 'الخارجية', 'الرياض', 'اجتماع', 'الأمم المتحدة', '«تصريح»', 'قال', 'إن', '٢٠٢٤', '15', 'أمس', 'منذ ساعتين', 'Google', 'gpj.exe', 'السعودية', 'وكالة', 'واس', 'اقرأ أيضاً', 'المصدر:', 'كلمات دلالية:', 'تاريخ النشر:'];
const HOSTILE = [
  '\u0000', '\u0001', '\u0008', '\u000B', '\u001A', '\u001F', '\u007F', '\u0085', '\u009F', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', '\uDBFF\uDFFF',
  '\u202E', '\u202B', '\u202C', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C', '\uFEFF', '\u00A0', '\u2028', '\r', '\n', '\t', '\r\n\r\n',
  '&', '&amp;', '&#x1;', '&#xFFFF;', '&#0;', '&quot;', '&lt;b&gt;', '&bogus;', '<', '>', '"', "'", '\\', ']]>', '<![CDATA[', '<!--', '-->',
  'javascript:alert(1)', 'data:,x', 'http://', 'https://example.com/a', '/relative', '%E0%A4%A', '\u0640\u0640\u0640', 'ـ', '؟', '،',
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
);
/** A line of text: words, hostile characters and random code points (lone surrogates too). */
export const textArb = fc.array(word, { maxLength: 30 }).map((ws) => ws.join(' '));
const paragraphs = fc.array(textArb, { maxLength: 6 }).map((ps) => ps.join('\n\n'));
const urlArb = fc.oneof(
  fc.constantFrom('https://example.com/a', 'http://news.example.org/2024/1', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '//example.com/x', '/path', '', 'http://[::1', 'https://exa mple.com'),
  fc.webUrl(),
  textArb,
);
const dateArb = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.constantFrom('2015-07-21 02:51:32', 'أمس', 'منذ ساعتين', '20th, September 2023 GMT', '١٢ رمضان ١٤٤٥', '31/02/2024', '', 'not a date'),
  fc.integer().map(String),
  textArb,
);
const escapeXml = (s: string) => s.replace(/&(?![#a-z0-9]+;)/gi, '&amp;').replace(/</g, '&lt;');

/** Random edits of a document: truncation, byte flips, insertions, deletions. */
const editsArb = fc.array(
  fc.record({ kind: fc.constantFrom('truncate', 'flip', 'insert', 'delete'), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), len: fc.integer({ min: 1, max: 64 }) }),
  { maxLength: 3 },
);
type Edit = { kind: string; at: number; byte: number; len: number };
export function applyEdits(bytes: Uint8Array, edits: Edit[]): Uint8Array {
  let b = Buffer.from(bytes);
  for (const e of edits) {
    if (b.length === 0) break;
    const at = e.at % b.length;
    if (e.kind === 'truncate') b = b.subarray(0, at);
    else if (e.kind === 'flip') b[at] = e.byte;
    else if (e.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.alloc(e.len, e.byte), b.subarray(at)]);
    else b = Buffer.concat([b.subarray(0, at), b.subarray(at + e.len)]);
  }
  return b;
}
/** A document and, half of the time, a damaged copy of it. */
const damaged = (doc: fc.Arbitrary<Uint8Array>) =>
  fc.tuple(doc, fc.boolean(), editsArb).map(([b, edit, edits]) => (edit ? applyEdits(b, edits) : b));
const utf8 = (s: string) => Buffer.from(s, 'utf8');

// ---- documents per format ---------------------------------------------------------------

const recordArb = fc.record(
  {
    title: fc.oneof(textArb, fc.constant(null), fc.integer()),
    content: fc.oneof(paragraphs, fc.constant(''), fc.array(textArb, { maxLength: 3 })),
    url: urlArb,
    date_extracted: dateArb,
    source: fc.oneof(textArb, fc.record({ name: textArb })),
    author: fc.oneof(textArb, fc.array(textArb, { maxLength: 3 })),
    tags: fc.array(textArb, { maxLength: 5 }),
  },
  { requiredKeys: [] },
);
const jsonValueArb = fc.oneof(
  { weight: 6, arbitrary: fc.array(recordArb, { maxLength: 6 }) },
  { weight: 2, arbitrary: fc.record({ title: textArb, articles: fc.array(recordArb, { maxLength: 4 }) }) },
  { weight: 1, arbitrary: recordArb },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);
export const jsonDoc = damaged(jsonValueArb.map((v) => utf8(JSON.stringify(v, null, 1))));
export const jsonlDoc = damaged(fc.array(fc.oneof(recordArb.map((r) => JSON.stringify(r)), textArb), { minLength: 2, maxLength: 8 }).map((ls) => utf8(ls.join('\n'))));

const itemXml = fc
  .record({ title: textArb, body: paragraphs, link: urlArb, date: dateArb, author: textArb, cat: textArb, cdata: fc.boolean() })
  .map((i) => {
    const body = i.cdata ? `<![CDATA[<p>${i.body.replace(/]]>/g, '')}</p>]]>` : escapeXml(`<p>${i.body}</p>`);
    return `<item><title>${escapeXml(i.title)}</title><link>${escapeXml(i.link)}</link><description>${body}</description><pubDate>${escapeXml(i.date)}</pubDate><dc:creator>${escapeXml(i.author)}</dc:creator><category>${escapeXml(i.cat)}</category></item>`;
  });
const entryXml = fc
  .record({ title: textArb, body: paragraphs, link: urlArb, date: dateArb, type: fc.constantFrom('text', 'html', 'xhtml', 'application/octet-stream'), mode: fc.constantFrom('', ' mode="base64"', ' mode="escaped"') })
  .map((e) => {
    const content = e.mode === ' mode="base64"' || e.type.includes('/') ? Buffer.from(e.body).toString('base64') : e.type === 'xhtml' ? `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXml(e.body)}</p></div>` : escapeXml(e.body);
    return `<entry><title type="text"${e.mode}>${e.mode.includes('base64') ? Buffer.from(e.title).toString('base64') : escapeXml(e.title)}</title><link href="${escapeXml(e.link).replace(/"/g, '&quot;')}"/><id>${escapeXml(e.link)}</id><updated>${escapeXml(e.date)}</updated><content type="${e.type}"${e.mode}>${content}</content></entry>`;
  });
export const feedDoc = damaged(
  fc
    .oneof(
      fc.tuple(textArb, fc.array(itemXml, { maxLength: 5 })).map(([t, items]) => `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${escapeXml(t)}</title><link>https://example.com/</link>${items.join('')}</channel></rss>`),
      fc.tuple(textArb, fc.array(entryXml, { maxLength: 5 })).map(([t, es]) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(t)}</title>${es.join('')}</feed>`),
      fc.tuple(textArb, fc.array(itemXml, { maxLength: 4 })).map(([t, items]) => `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${escapeXml(t)}</title></channel>${items.join('')}</rdf:RDF>`),
      fc.tuple(textArb, fc.array(recordArb, { maxLength: 4 })).map(([t, rs]) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: t, items: rs.map((r, i) => ({ id: String(i), title: r.title, content_html: r.content, url: r.url })) })),
    )
    .map(utf8),
);
export const htmlDoc = damaged(
  fc
    .record({ title: textArb, paras: fc.array(textArb, { maxLength: 12 }), meta: dateArb, lang: fc.constantFrom('ar', 'fa', 'en', '', 'x"y'), charset: fc.constantFrom('utf-8', 'windows-1256', 'bogus', '') })
    .map(
      (h) =>
        `<!doctype html><html lang="${h.lang}"><head><meta charset="${h.charset}"><title>${h.title}</title><meta property="article:published_time" content="${h.meta}"></head>` +
        `<body><nav><a href="/">الرئيسية</a></nav><article><h1>${h.title}</h1>${h.paras.map((p) => `<p>${p}</p>`).join('')}</article><footer>حقوق النشر</footer></body></html>`,
    )
    .map(utf8),
);
export const pageDoc = damaged(
  fc
    .record({ title: textArb, date: dateArb, paras: fc.array(textArb, { maxLength: 6 }), source: textArb, tags: textArb, more: fc.array(textArb, { maxLength: 3 }) })
    .map((p) => [p.title, `تاريخ النشر: ${p.date}`, ...p.paras, `اقرأ أيضاً${p.more.join('\n')}`, `المصدر: ${p.source}`, `كلمات دلالية: ${p.tags}`].join('\n'))
    .map(utf8),
);
export const textDoc = damaged(
  fc.tuple(fc.array(textArb, { minLength: 1, maxLength: 8 }), fc.constantFrom('utf8', 'windows-1256', 'iso-8859-6')).map(([lines, enc]) => iconv.encode(lines.join('\r\n'), enc)),
);
export const opmlDoc = damaged(
  fc
    .array(fc.record({ text: textArb, url: urlArb, html: urlArb, cat: textArb }), { maxLength: 6 })
    .map((os) => `<?xml version="1.0"?><opml version="2.0"><head><title>مصادر</title></head><body>${os.map((o) => `<outline text="${escapeXml(o.text).replace(/"/g, '&quot;')}" type="rss" xmlUrl="${escapeXml(o.url).replace(/"/g, '&quot;')}" htmlUrl="${escapeXml(o.html).replace(/"/g, '&quot;')}" category="${escapeXml(o.cat).replace(/"/g, '&quot;')}"/>`).join('')}</body></opml>`)
    .map(utf8),
);
export const archiveDoc = damaged(
  fc.tuple(fc.array(fc.tuple(fc.constantFrom('a.json', 'b.jsonl', 'dir/c.json', '.hidden', '__MACOSX/x', 'd.xml'), jsonDoc), { maxLength: 3 }), fc.constantFrom('zip', 'gzip', 'zip-in-gzip')).map(([files, kind]) => {
    const zip = () => zipSync(Object.fromEntries(files.map(([n, b], i) => [`${i}-${n}`, b])));
    if (kind === 'zip') return zip();
    if (kind === 'gzip') return gzipSync(files[0]?.[1] ?? new Uint8Array(0));
    return gzipSync(zip());
  }),
);

// ---- checks -----------------------------------------------------------------------------

/** Relative dates (`منذ ساعتين`) are read against this, so two parses of one input agree. */
const NOW = new Date('2024-06-01T12:00:00Z');

/** Characters out per byte in, and events per byte: generous, linear. */
const OUT_PER_BYTE = 16;

function checkResult(label: string, bytes: Uint8Array, r: ParseResult): void {
  const failed = r.errors.filter((e) => e.code.endsWith('.failed'));
  if (failed.length) throw new Error(`${label}: an adapter threw: ${failed.map((e) => e.message).join('; ')}`);
  let chars = 0;
  for (const a of r.articles) {
    const c = checkArticle(a);
    if (!c.ok) throw new Error(`${label}: an Article breaks the schema: ${c.problems.join('; ')}`);
    chars += a.title.length + a.text.length + a.tags.join('').length + (a.author?.length ?? 0) + (a.outlet?.length ?? 0) + (a.via?.length ?? 0);
  }
  const events = r.articles.length + r.errors.length + r.sources.length;
  if (chars > OUT_PER_BYTE * bytes.length + 4096) throw new Error(`${label}: ${chars} characters out of ${bytes.length} bytes`);
  if (events > bytes.length + 16) throw new Error(`${label}: ${events} results out of ${bytes.length} bytes`);
}

async function streamed(name: string, bytes: Uint8Array, wholeMax: number): Promise<ParseResult> {
  const out: ParseResult = { articles: [], sources: [], errors: [] };
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 97) chunks.push(bytes.subarray(i, i + 97));
  for await (const e of parseStream({ name, chunks }, { wholeMax, now: NOW })) {
    if ('article' in e) out.articles.push(e.article);
    else if ('source' in e) out.sources.push(e.source);
    else out.errors.push(e.issue);
  }
  return out;
}

/** Parses one input as the format given (and as detected); throws what must not happen. */
export async function checkParser(format: Format | 'archive', bytes: Uint8Array): Promise<void> {
  const name = `fuzz.${format}`;
  if (format === 'archive') {
    archiveKind(bytes);
    const x = expandArchive({ name, bytes }, { maxBytes: 1 << 20 });
    if (x.docs.reduce((s, d) => s + d.bytes.length, 0) > 1 << 20) throw new Error('archive: expanded past its cap');
    checkResult('archive', bytes, await parseDocument({ name, bytes }, { maxExpanded: 1 << 20, now: NOW }));
    return;
  }
  const given = await parseDocument({ name, bytes }, { format, now: NOW });
  checkResult(`${format} (given)`, bytes, given);
  checkResult(`${format} (detected)`, bytes, await parseDocument({ name, bytes }, { now: NOW }));
  if (format === 'json' || format === 'jsonl') {
    // Streamed (as if larger than the whole-document threshold): the same Articles, unless
    // the whole parse found a syntax error (then the stream keeps what came before it).
    const s = await streamed(name, bytes, 0);
    checkResult(`${format} (streamed)`, bytes, s);
    if (!given.errors.some((e) => /syntax|no_articles/.test(e.code)) && format === 'json') {
      const a = JSON.stringify(given.articles);
      const b = JSON.stringify(s.articles);
      if (a !== b) throw new Error(`json: streamed ${s.articles.length} articles differ from the whole parse's ${given.articles.length}`);
    }
  }
}

/** The query parser: never throws, bounded output, long queries refused. */
export function checkQuery(q: string): void {
  const p = parseQuery(q, defaultAnalyzer);
  const items = p.groups.flat().length + p.not.length;
  if (items > MAX_ITEMS * 2) throw new Error(`query: ${items} items`);
  if (q.length > MAX_QUERY_CHARS && !p.empty) throw new Error('query: an over-long query was not refused');
  for (const it of [...p.groups.flat(), ...p.not]) if (it.terms.length > q.length + 1) throw new Error('query: more terms than characters');
}

export const queryArb = fc.oneof(
  fc
    .tuple(fc.array(fc.oneof(word, fc.constantFrom('"', '«', '»', '“', '”', '-', 'OR', '|', '*', '^', ':', '(', ')', 'NEAR', ';', "'", 'AND', 'NOT', '-"')), { maxLength: 40 }), fc.constantFrom(' ', ''))
    .map(([ws, sep]) => ws.join(sep)),
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.string({ minLength: MAX_QUERY_CHARS - 5, maxLength: MAX_QUERY_CHARS + 20 }),
);

/** Every target: a name, its arbitrary, and its check. */
export const TARGETS: Array<{ name: string; arb: fc.Arbitrary<Uint8Array | string>; check: (v: Uint8Array | string) => Promise<void> | void }> = [
  { name: 'json', arb: jsonDoc, check: (b) => checkParser('json', b as Uint8Array) },
  { name: 'jsonl', arb: jsonlDoc, check: (b) => checkParser('jsonl', b as Uint8Array) },
  { name: 'feed', arb: feedDoc, check: (b) => checkParser('feed', b as Uint8Array) },
  { name: 'html', arb: htmlDoc, check: (b) => checkParser('html', b as Uint8Array) },
  { name: 'page', arb: pageDoc, check: (b) => checkParser('page', b as Uint8Array) },
  { name: 'text', arb: textDoc, check: (b) => checkParser('text', b as Uint8Array) },
  { name: 'opml', arb: opmlDoc, check: (b) => checkParser('opml', b as Uint8Array) },
  { name: 'archive', arb: archiveDoc, check: (b) => checkParser('archive', b as Uint8Array) },
  { name: 'bytes', arb: fc.uint8Array({ maxLength: 2048 }), check: (b) => checkParser('archive', b as Uint8Array) },
  { name: 'query', arb: queryArb, check: (q) => checkQuery(q as string) },
];
