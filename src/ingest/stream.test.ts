// The streaming path (issue 13, defect 3): JSON and JSONL larger than the whole-document
// threshold are read record by record with every field capped; the result is the same as
// the whole parse where nothing is cut; archives are expanded as streams. The threshold is
// lowered here (`wholeMax`) so that small fixtures take the streamed path; the memory
// bound itself is measured in bench/memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { parseDocument, parseStream, type ParseEvent, type StreamInput, type StreamOptions } from './index.ts';
import { JsonlStreamSink } from './json/stream.ts';
import { LIMITS, checkArticle } from '../model/schema.ts';
import type { Emitted } from './sink.ts';

const fixture = (name: string) => readFileSync(new URL(`json/testdata/${name}`, import.meta.url));

/** Every event of an input written in `size`-byte chunks. */
async function events(name: string, bytes: Uint8Array, opts: StreamOptions = {}, size = 4096): Promise<ParseEvent[]> {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const input: StreamInput = { name, chunks };
  const out: ParseEvent[] = [];
  for await (const e of parseStream(input, opts)) out.push(e);
  return out;
}
const articlesOf = (es: ParseEvent[]) => es.flatMap((e) => ('article' in e ? [e.article] : []));
const issuesOf = (es: ParseEvent[]) => es.flatMap((e) => ('issue' in e ? [e.issue] : []));

test('a streamed JSON array gives exactly what the whole parse gives', async () => {
  for (const name of ['saudinewsnet-sample.json', 'newsapi.json', 'wrapped.json', 'single.json']) {
    const bytes = fixture(name);
    const whole = await parseDocument({ name, bytes });
    const streamed = await events(name, bytes, { wholeMax: 64 }, 100);
    assert.deepEqual(articlesOf(streamed), whole.articles, name);
    assert.deepEqual(issuesOf(streamed), whole.errors, name);
  }
});

test('a streamed JSONL document gives what the whole parse gives, issues on their lines', async () => {
  const bytes = fixture('mixed.jsonl');
  const whole = await parseDocument({ name: 'mixed.jsonl', bytes });
  const streamed = await events('mixed.jsonl', bytes, { wholeMax: 16 }, 33);
  assert.deepEqual(articlesOf(streamed), whole.articles);
  assert.deepEqual(issuesOf(streamed), whole.errors);
  assert.ok(whole.errors.length > 0 && whole.errors.every((e) => e.line != null));
});

test('one article with a 3 MB body: cut to the cap, named by file and item, the rest of the batch kept', async () => {
  const big = 'فقرة طويلة من نص الخبر. '.repeat(130_000); // ~3.1 M characters
  const text = JSON.stringify([{ title: 'خبر أول', content: 'نص قصير' }, { title: 'خبر كبير', content: big }, { title: 'خبر ثالث', content: 'نص' }]);
  const es = await events('big.json', Buffer.from(text), { wholeMax: 1024 }, 65536);
  const arts = articlesOf(es);
  assert.deepEqual(arts.map((a) => a.title), ['خبر أول', 'خبر كبير', 'خبر ثالث']);
  assert.ok(arts[1]!.text.length <= LIMITS.text && arts[1]!.text.length > LIMITS.text * 0.9);
  const issues = issuesOf(es);
  assert.deepEqual(issues.map((i) => [i.code, i.source, i.item, i.severity]), [['json.too_large', 'big.json', 1, 'warning']]);
  assert.match(issues[0]!.message, /content/);
  for (const a of arts) assert.deepEqual(checkArticle(a), { ok: true });
  // Parsed whole (small enough), the same body is cut by the Article cap, with its issue.
  const whole = await parseDocument({ name: 'big.json', bytes: Buffer.from(text) });
  assert.equal(whole.articles[1]!.text.length, arts[1]!.text.length);
  assert.deepEqual(whole.errors.map((e) => [e.code, e.severity]), [['article.too_large', 'warning']]);
  assert.match(whole.errors[0]!.message, /«خبر كبير»: body is \d+ characters/);
});

test('a wrapper streamed: its title is the via of its records; junk items are issues', async () => {
  const text = JSON.stringify({ title: 'موجز الأخبار', meta: { n: 1 }, articles: [{ title: 'أ', text: 'نص' }, 5, { foo: 1 }, { headline: 'ب', body: 'نص' }] });
  const es = await events('w.json', Buffer.from(text), { wholeMax: 8 }, 7);
  assert.deepEqual(articlesOf(es).map((a) => [a.title, a.via]), [['أ', 'موجز الأخبار'], ['ب', 'موجز الأخبار']]);
  assert.deepEqual(issuesOf(es).map((i) => [i.code, i.item]), [['json.item.not_object', 1], ['json.item.empty', 2]]);
});

test('a streamed JSON syntax error names its line; the records before it are kept', async () => {
  const lines = ['[', '{"title": "أ", "content": "نص"},', '{"title": "ب", "content": "نص"},', '{"title": "ج" "content": "نص"},', '{"title": "د", "content": "نص"}', ']'];
  const es = await events('bad.json', Buffer.from(lines.join('\n')), { wholeMax: 8 }, 5);
  assert.deepEqual(articlesOf(es).map((a) => a.title), ['أ', 'ب']);
  const issues = issuesOf(es);
  assert.deepEqual(issues.map((i) => [i.code, i.line]), [['json.syntax', 4]]);
  // Truncated: the issue is on the last line.
  const cut = await events('cut.json', Buffer.from(lines.slice(0, 3).join('\n') + '\n{"title": "د", "con'), { wholeMax: 8 });
  assert.deepEqual(articlesOf(cut).map((a) => a.title), ['أ', 'ب']);
  assert.deepEqual(issuesOf(cut).map((i) => [i.code, i.line]), [['json.syntax', 4]]);
});

test('a JSONL line longer than a line may be is tokenized capped, not held whole', () => {
  const out: Emitted[] = [];
  const sink = new JsonlStreamSink({ name: 'l.jsonl' }, (e) => void out.push(e), {}, 0, 1000);
  const long = JSON.stringify({ title: 'طويل', content: 'ن'.repeat(5 * LIMITS.text) });
  const text = `{"title": "قصير", "text": "نص"}\n${long}\n{"title": "x" oops}\n`;
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += 1000) sink.write(bytes.subarray(i, i + 1000));
  sink.end();
  const arts = out.flatMap((e) => (e.kind === 'article' ? [e.article] : []));
  assert.deepEqual(arts.map((a) => a.title), ['قصير', 'طويل']);
  assert.equal(arts[1]!.text.length, LIMITS.text);
  const issues = out.flatMap((e) => (e.kind === 'issue' ? [e.issue] : []));
  assert.deepEqual(issues.map((i) => [i.code, i.line]), [['json.too_large', 2], ['jsonl.syntax', 3]]);
});

test('archives stream: zip members and gzip, in chunks of any size, give the same articles', async () => {
  const jsonl = strToU8('{"title":"أ","text":"نص أ"}\n{"title":"ب","text":"نص ب"}\n');
  const zip = zipSync({ 'a.jsonl': jsonl, 'dir/b.json': strToU8(JSON.stringify([{ title: 'ج', content: 'نص ج' }])), 'c.jsonl.gz': gzipSync(jsonl) });
  const whole = await parseDocument({ name: 'x.zip', bytes: zip });
  assert.deepEqual(whole.articles.map((a) => a.title).sort(), ['أ', 'أ', 'ب', 'ب', 'ج']);
  for (const size of [1, 13, 4096]) {
    const es = await events('x.zip', zip, { wholeMax: 4 }, size);
    assert.deepEqual(articlesOf(es), whole.articles, `chunks of ${size}`);
    assert.deepEqual(issuesOf(es), []);
  }
});
