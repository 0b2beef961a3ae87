// The charset table: crafted inputs of every case, each decoded whole (`decode`) and in
// small chunks (`StreamDecoder`), and the same decision seen through parseDocument
// (warnings as issues). Issue 13, defect 7.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decode, StreamDecoder, type Decoded } from './encoding.ts';
import { parseDocument } from './index.ts';

const TITLE = 'اجتماع وزراء الخارجية العرب في الرياض';
const PARA = 'أكد وزراء الخارجية العرب في ختام اجتماعهم اليوم على ضرورة تعزيز التعاون المشترك، ودعوا إلى حل الأزمات بالحوار. ';
const BODY = PARA.repeat(20);
const xml = (decl: string) => `<?xml version="1.0"${decl}?>\n<rss version="2.0"><channel><title>أخبار</title><item><title>${TITLE}</title><description>${BODY}</description><link>https://example.com/a</link></item></channel></rss>\n`;
const html = (meta: string) => `<!doctype html><html><head>${meta}<title>${TITLE}</title></head><body><p>${BODY}</p></body></html>`;

/** UTF-8 bytes with `n` invalid bytes (0xFF) spread through the body. */
function utf8WithInvalid(text: string, n: number): Buffer {
  const b = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let last = 0;
  for (let k = 1; k <= n; k++) {
    // Insert between characters: after an ASCII space, so no sequence is split.
    const at = b.indexOf(0x20, Math.floor((k * b.length) / (n + 1)));
    parts.push(b.subarray(last, at), Buffer.from([0xff]));
    last = at;
  }
  parts.push(b.subarray(last));
  return Buffer.concat(parts);
}

interface Case {
  name: string;
  bytes: Buffer;
  contentType?: string;
  charset: string;
  how?: string;
  notes: string[];
  /** Replacement characters expected in the text. */
  fffd?: number;
}

const plain = `${TITLE}\n${BODY}`;
const CASES: Case[] = [
  { name: 'UTF-8, clean', bytes: Buffer.from(plain, 'utf8'), charset: 'utf-8', how: 'utf8', notes: [] },
  { name: 'UTF-8 with BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plain)]), charset: 'utf-8', how: 'bom', notes: [] },
  ...[1, 5, 50].map((n) => ({ name: `UTF-8 with ${n} invalid byte(s)`, bytes: utf8WithInvalid(plain, n), charset: 'utf-8', how: 'utf8', notes: ['charset.invalid_bytes'], fffd: n })),
  { name: 'windows-1256, no declaration', bytes: iconv.encode(plain, 'windows-1256'), charset: 'windows-1256', how: 'arabic', notes: [] },
  { name: 'windows-1256 feed, no declaration', bytes: iconv.encode(xml(''), 'windows-1256'), charset: 'windows-1256', how: 'arabic', notes: [] },
  { name: 'windows-1256, XML prolog', bytes: iconv.encode(xml(' encoding="windows-1256"'), 'windows-1256'), charset: 'windows-1256', how: 'declared', notes: [] },
  { name: 'windows-1256, HTML meta', bytes: iconv.encode(html('<meta charset="windows-1256">'), 'windows-1256'), charset: 'windows-1256', how: 'declared', notes: [] },
  { name: 'windows-1256, HTTP header', bytes: iconv.encode(plain, 'windows-1256'), contentType: 'text/plain; charset=windows-1256', charset: 'windows-1256', how: 'header', notes: [] },
  { name: 'ISO-8859-6, no declaration', bytes: iconv.encode(plain, 'iso-8859-6'), charset: 'iso-8859-6', how: 'arabic', notes: [] },
  { name: 'ISO-8859-6, HTTP header', bytes: iconv.encode(plain, 'iso-8859-6'), contentType: 'text/html; charset=ISO-8859-6', charset: 'iso-8859-6', how: 'header', notes: [] },
  { name: 'UTF-16LE with BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(plain, 'utf-16le')]), charset: 'utf-16le', how: 'bom', notes: [] },
  { name: 'UTF-16BE with BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(plain, 'utf-16be')]), charset: 'utf-16be', how: 'bom', notes: [] },
  // Mislabelled: the bytes win, with a warning.
  { name: 'UTF-8 declared windows-1256', bytes: Buffer.from(xml(' encoding="windows-1256"'), 'utf8'), charset: 'utf-8', notes: ['charset.mislabelled'] },
  { name: 'windows-1256 declared UTF-8', bytes: iconv.encode(html('<meta charset="utf-8">'), 'windows-1256'), charset: 'windows-1256', how: 'arabic', notes: ['charset.mislabelled'] },
  { name: 'windows-1256 served as ISO-8859-1', bytes: iconv.encode(plain, 'windows-1256'), contentType: 'text/plain; charset=iso-8859-1', charset: 'windows-1256', how: 'arabic', notes: ['charset.mislabelled'] },
  { name: 'windows-1256 declared ISO-8859-6', bytes: iconv.encode(xml(' encoding="ISO-8859-6"'), 'windows-1256'), charset: 'windows-1256', how: 'arabic', notes: ['charset.mislabelled'] },
  { name: 'UTF-8 with 5 invalid bytes declared windows-1256', bytes: utf8WithInvalid(xml(' encoding="windows-1256"'), 5), charset: 'utf-8', notes: ['charset.mislabelled', 'charset.invalid_bytes'], fffd: 5 },
  // Pure ASCII under a legacy label reads the same either way: the label is kept, no warning.
  { name: 'ASCII declared windows-1256', bytes: Buffer.from('<?xml version="1.0" encoding="windows-1256"?><rss/>'), charset: 'windows-1256', how: 'declared', notes: [] },
];

const count = (s: string, c: string) => s.split(c).length - 1;

function check(c: Case, d: Pick<Decoded, 'text' | 'charset' | 'notes'> & { how?: string }, via: string): void {
  assert.equal(d.charset, c.charset, `${c.name} (${via}): charset`);
  if (c.how) assert.equal(d.how, c.how, `${c.name} (${via}): how`);
  assert.deepEqual(d.notes.map((n) => n.code), c.notes, `${c.name} (${via}): notes`);
  // Every case with Arabic in it must come out as the Arabic it is.
  if (!c.bytes.every((b) => b < 0x80)) assert.ok(d.text.includes(TITLE), `${c.name} (${via}): the title reads right`);
  assert.equal(count(d.text, '\uFFFD'), c.fffd ?? 0, `${c.name} (${via}): replacement characters`);
}

test('charset table: every case decoded whole', () => {
  for (const c of CASES) check(c, decode(c.bytes, c.contentType), 'whole');
});

test('charset table: the same decisions in 7-byte chunks (the streamed path)', () => {
  for (const c of CASES) {
    const d = new StreamDecoder(c.bytes, c.contentType, true);
    let text = '';
    for (let i = 0; i < c.bytes.length; i += 7) text += d.write(c.bytes.subarray(i, i + 7));
    text += d.end();
    check(c, { text, charset: d.charset, how: d.how, notes: d.notes() }, 'stream');
  }
});

test('a windows-1256 feed without a declaration is read right, with no warning', async () => {
  const r = await parseDocument({ name: 'feed.xml', bytes: iconv.encode(xml(''), 'windows-1256') });
  assert.deepEqual(r.errors, []);
  assert.equal(r.articles[0]?.title, TITLE);
  assert.ok(r.articles[0]?.text.startsWith(PARA.trim()));
  // A short one: too little text for a statistical guess (chardet calls it ISO-8859-1, and
  // the title came out as «ÇÌÊãÇÚ …»); the Arabic check over the whole input reads it.
  const short = `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>أخبار اليوم</title><item><title>${TITLE}</title><description>أكد الوزراء ضرورة التعاون.</description></item></channel></rss>\n`;
  const s = await parseDocument({ name: 'short.xml', bytes: iconv.encode(short, 'windows-1256') });
  assert.deepEqual(s.errors, []);
  assert.equal(s.articles[0]?.title, TITLE);
  assert.equal(s.articles[0]?.via, 'أخبار اليوم');
});

test('a mostly-UTF-8 file stays UTF-8: U+FFFD where the bad bytes were, and a warning', async () => {
  const bytes = utf8WithInvalid(JSON.stringify([{ title: TITLE, content: BODY }]), 3);
  const r = await parseDocument({ name: 'x.json', bytes });
  assert.equal(r.articles[0]?.title, TITLE);
  assert.equal(count(r.articles[0]!.text, '\uFFFD'), 3);
  assert.deepEqual(
    r.errors.map((e) => [e.code, e.severity, e.source]),
    [['charset.invalid_bytes', 'warning', 'x.json']],
  );
  // A feed and a text dump alike.
  const feed = await parseDocument({ name: 'f.xml', bytes: utf8WithInvalid(xml(' encoding="utf-8"'), 2) });
  assert.equal(feed.articles[0]?.title, TITLE);
  assert.deepEqual(feed.errors.map((e) => e.code), ['charset.invalid_bytes']);
});
