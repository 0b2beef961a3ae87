import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml, MAX_STRIPPED_CHARS } from './index.ts';
import { prestrip } from './prestrip.ts';
import type { ParseResult } from '../types.ts';

const parse = (bytes: Uint8Array, name = 'bad.html'): ParseResult =>
  parseHtml({ name, bytes }, { now: new Date('2024-01-01T00:00:00Z') }) as ParseResult;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const para = 'أعلنت وزارة الصحة والسكان المصرية، اليوم الثلاثاء، تسجيل 30 حالة جديدة بفيروس كورونا المستجد، ليرتفع إجمالي عدد المصابين إلى 196 حالة، بالإضافة إلى تسجيل حالتي وفاة جديدتين.';

test('malformed HTML (unclosed tags, stray closers) still gives the article', () => {
  const r = parse(enc(`<html><body><div><p>${para}<p>${para.replace('196', '197')}</div></span></b><p>${para.replace('196', '198')}`));
  assert.equal(r.errors.length, 0);
  assert.ok(r.articles[0]!.text.includes('198 حالة'));
});

test('empty body, empty page and binary junk are issues naming the file', () => {
  for (const [bytes, name] of [
    [enc('<html><head><title>x</title></head><body></body></html>'), 'empty-body.html'],
    [enc('<html>'), 'bare.html'],
    [Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), 'junk.bin'],
  ] as const) {
    const r = parse(bytes, name);
    assert.equal(r.articles.length, 0, name);
    assert.equal(r.errors[0]?.source, name);
    assert.match(r.errors[0]!.code, /^html\./);
  }
});

test('a 50 MB page of markup is refused quickly with html.too_large', () => {
  const chunk = `<div><p>${para}</p></div>\n`;
  const big = enc(`<html><body>${chunk.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(chunk)))}</body></html>`);
  const t0 = performance.now();
  const r = parse(big, 'big.html');
  const ms = performance.now() - t0;
  assert.equal(r.errors[0]?.code, 'html.too_large');
  assert.match(r.errors[0]!.message, new RegExp(String(MAX_STRIPPED_CHARS)));
  assert.ok(ms < 20_000, `took ${ms} ms`);
});

test('a 30 MB page that is mostly script is stripped and parsed', () => {
  const script = `<script>var x = "${'a'.repeat(1024 * 1024)}";</script>\n`;
  const html = `<html><head>${script.repeat(30)}<style>p{color:red}</style></head><body><article><p>${para}</p><p>${para}</p></article></body></html>`;
  const r = parse(enc(html), 'scripty.html');
  assert.equal(r.errors.length, 0);
  assert.ok(r.articles[0]!.text.startsWith('أعلنت وزارة الصحة'));
});

test('prestrip: unclosed script, comments and JSON-LD are handled linearly', () => {
  assert.equal(prestrip('<p>a</p><script>x<p>b</p>'), '<p>a</p>');
  assert.equal(prestrip('<p>a<!-- c --></p><style>p{}</style><scriptx>'), '<p>a</p><scriptx>');
  assert.equal(prestrip('<script type="application/ld+json">{"a":1}</script><script>1</script>'), '<script type="application/ld+json">{"a":1}</script>');
  const many = '<script>'.repeat(200_000);
  const t0 = performance.now();
  prestrip(many);
  assert.ok(performance.now() - t0 < 2000);
});
