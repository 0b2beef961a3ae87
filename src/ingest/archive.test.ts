import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { archiveKind, expandArchive } from './archive.ts';
import { parseDocument } from './index.ts';

const corpusZip = new URL('../../test/testdata/saudinewsnet/2015-07-22.zip', import.meta.url);
const json = (title: string) => strToU8(JSON.stringify([{ title, content: `نص ${title}` }]));
const names = (r: ReturnType<typeof expandArchive>) => r.docs.map((d) => d.name);
const codes = (r: { errors: Array<{ code: string }> }) => r.errors.map((e) => e.code);

test('a real corpus ZIP expands to its one member, named archive!member', () => {
  const r = expandArchive({ name: '2015-07-22.zip', bytes: readFileSync(corpusZip) });
  assert.deepEqual(names(r), ['2015-07-22.zip!2015-07-22.json']);
  assert.equal(r.errors.length, 0);
  assert.equal(r.docs[0]?.bytes[0], '['.charCodeAt(0));
});

test('detection is by magic bytes: a zip named .json expands, JSON named .zip does not', () => {
  const zip = zipSync({ 'a.json': json('أ') });
  assert.deepEqual(names(expandArchive({ name: 'data.json', bytes: zip })), ['data.json!a.json']);
  const plain = json('ب');
  assert.deepEqual(expandArchive({ name: 'data.zip', bytes: plain }).docs, [{ name: 'data.zip', bytes: plain }]);
  assert.equal(archiveKind(Buffer.from('BZh91AY&SY')), 'other');
  assert.equal(archiveKind(Buffer.from('[{"title": "x"}]')), null);
});

test('stored and deflated members; directories, dotfiles and __MACOSX skipped', () => {
  const zip = zipSync({
    'dir/b.json': [json('ب'), { level: 0 }],
    'dir/a.jsonl': [strToU8('{"title":"أ","text":"نص"}\n'), { level: 9 }],
    '__MACOSX/dir/._a.jsonl': strToU8('junk'),
    'dir/.DS_Store': strToU8('junk'),
  });
  const r = expandArchive({ name: 'x.zip', bytes: zip });
  assert.deepEqual(names(r).sort(), ['x.zip!dir/a.jsonl', 'x.zip!dir/b.json']);
});

test('gzip: the member is named from the header, else from the file name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-gz-'));
  try {
    writeFileSync(join(dir, 'أخبار.json'), json('أ'));
    const withName = execFileSync('gzip', ['-c', '-N', join(dir, 'أخبار.json')]);
    assert.deepEqual(names(expandArchive({ name: 'x.gz', bytes: withName })), ['x.gz!أخبار.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const r = expandArchive({ name: 'dir/items.jsonl.gz', bytes: gzipSync(json('أ')) });
  assert.deepEqual(names(r), ['dir/items.jsonl.gz!items.jsonl']);
});

test('nested archives expand one level; deeper ones are skipped with an issue', () => {
  const inner = zipSync({ 'in.json': json('داخل') });
  const gz = gzipSync(inner);
  const outer = zipSync({ 'inner.zip': inner, 'top.json': json('أعلى'), 'deeper.zip': zipSync({ 'd.zip': inner }) });
  const r = expandArchive({ name: 'o.zip', bytes: outer });
  assert.deepEqual(names(r).sort(), ['o.zip!inner.zip!in.json', 'o.zip!top.json']);
  assert.deepEqual(codes(r), ['archive.nested']);
  assert.equal(r.errors[0]?.source, 'o.zip!deeper.zip!d.zip');
  assert.deepEqual(names(expandArchive({ name: 'i.zip.gz', bytes: gz })), ['i.zip.gz!i.zip!in.json']);
});

test('tar.gz of JSONL files expands (corpora ship this way too)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-tar-'));
  try {
    mkdirSync(join(dir, 'c'));
    writeFileSync(join(dir, 'c', 'a.jsonl'), '{"title":"أ","text":"نص"}\n');
    writeFileSync(join(dir, 'c', 'b.json'), json('ب'));
    const tgz = execFileSync('tar', ['-czf', '-', '-C', dir, 'c']);
    const r = expandArchive({ name: 'c.tgz', bytes: tgz });
    assert.deepEqual(names(r).sort(), ['c.tgz!c.tar!c/a.jsonl', 'c.tgz!c.tar!c/b.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('truncated and corrupted archives are issues, never exceptions', () => {
  const bytes = readFileSync(corpusZip);
  const truncated = expandArchive({ name: 't.zip', bytes: bytes.subarray(0, bytes.length >> 1) });
  assert.deepEqual(codes(truncated), ['archive.corrupt']);
  assert.match(truncated.errors[0]!.message, /truncated or corrupted/);
  const damaged = Buffer.from(bytes);
  damaged.fill(0x55, 2000, 6000); // inside the deflate stream of the member
  const d = expandArchive({ name: 'd.zip', bytes: damaged });
  assert.deepEqual(codes(d), ['archive.corrupt']);
  assert.equal(d.errors[0]?.source, 'd.zip!2015-07-22.json');
  const gz = gzipSync(json('أ'));
  assert.deepEqual(codes(expandArchive({ name: 't.gz', bytes: gz.subarray(0, gz.length - 12) })), ['archive.corrupt']);
  assert.deepEqual(codes(expandArchive({ name: 'e.zip', bytes: zipSync({}) })), ['archive.empty']);
  assert.deepEqual(codes(expandArchive({ name: 'x.bz2', bytes: Buffer.from('BZh91AY&SY\x00\x01') })), ['archive.unsupported']);
  for (let n = 1; n < 40; n += 3) expandArchive({ name: 'p.zip', bytes: bytes.subarray(0, n) }); // no throw
});

test('decompressed size is capped: gzip bombs and lying zip headers stop at the cap', () => {
  const mb = 1024 * 1024;
  const zeros = gzipSync(Buffer.alloc(16 * mb));
  // 64 gzip members of 16 MiB zeros: 1 GiB expanded from ~1 MB.
  const bomb = Buffer.concat(Array.from({ length: 64 }, () => zeros));
  const r = expandArchive({ name: 'bomb.json.gz', bytes: bomb }, { maxBytes: 32 * mb });
  assert.deepEqual(codes(r), ['archive.too_large']);
  assert.equal(r.docs.length, 0);
  const zip = zipSync({ 'big.json': new Uint8Array(8 * mb), 'small.json': json('أ') });
  const z = expandArchive({ name: 'z.zip', bytes: zip }, { maxBytes: 4 * mb });
  assert.deepEqual(names(z), ['z.zip!small.json']);
  assert.deepEqual(codes(z), ['archive.too_large']);
  // A header that under-declares the size cannot expand past the cap either.
  const lying = Buffer.from(zipSync({ 'big.json': new Uint8Array(8 * mb) }));
  const cd = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  lying.writeUInt32LE(100, cd + 24);
  assert.deepEqual(codes(expandArchive({ name: 'l.zip', bytes: lying }, { maxBytes: 4 * mb })), ['archive.too_large']);
});

test('parseDocument reads a zipped corpus day end to end', async () => {
  const r = await parseDocument({ name: '2015-07-22.zip', bytes: readFileSync(corpusZip) });
  assert.equal(r.articles.length, 2047);
  // Three records of the day have neither title nor content.
  assert.deepEqual(r.errors.map((e) => [e.code, e.source]), Array(3).fill(['json.item.empty', '2015-07-22.zip!2015-07-22.json']));
});
