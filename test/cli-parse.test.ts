// `marsad parse` on bad input, end to end: the real CLI in a child process, real files in a
// temp dir. Every bad input gives a clear stderr line naming the file (and line), never a
// crash or a hang; in a batch the good items still come out; exit code is non-zero only
// when nothing parsed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expandArchive } from '../src/ingest/archive.ts';

const root = new URL('..', import.meta.url).pathname;
const corpusZip = new URL('./testdata/saudinewsnet/2015-07-22.zip', import.meta.url).pathname;
const goodJson = join(root, 'src/ingest/json/testdata/wrapped.json');
let dir = '';
const path = (name: string) => join(dir, name);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node bin/marsad.js parse …`; stdout goes through a file (it can be tens of MB). */
function parse(args: string[], timeoutMs = 120_000): Promise<Run> {
  const out = path(`stdout-${Math.random().toString(36).slice(2)}.json`);
  const fd = openSync(out, 'w');
  const t0 = Date.now();
  const child = spawn(process.execPath, ['bin/marsad.js', 'parse', ...args], { cwd: root, stdio: ['ignore', fd, 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      closeSync(fd);
      resolve({ code, stdout: readFileSync(out, 'utf8'), stderr, ms: Date.now() - t0 });
    });
  });
}

const noCrash = (r: Run) => assert.ok(!/^\s+at |TypeError|RangeError|Unhandled/m.test(r.stderr), r.stderr);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));
  writeFileSync(path('malformed.json'), '[\n  {"title": "عنوان", "content": "نص"},\n  {"title": "ثان" "content": "نص"}\n]\n');
  writeFileSync(path('empty.json'), '');
  // Deterministic junk bytes (xorshift), like a stray image or executable.
  const junk = Buffer.alloc(64 * 1024);
  let x = 0x9e3779b9;
  for (let i = 0; i < junk.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    junk[i] = x & 0xff;
  }
  writeFileSync(path('junk.bin'), junk);
  const zip = readFileSync(corpusZip);
  writeFileSync(path('truncated.zip'), zip.subarray(0, zip.length >> 1));
  const zeros = gzipSync(Buffer.alloc(16 * 1024 * 1024));
  writeFileSync(path('bomb.json.gz'), Buffer.concat(Array.from({ length: 64 }, () => zeros))); // 1 GiB expanded
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('each bad input alone: a clear issue naming the file, exit code 1', async () => {
  const cases: Array<[string, RegExp]> = [
    ['malformed.json', /malformed\.json:3: \[json\.syntax\] invalid JSON at line 3, column 19/],
    ['empty.json', /empty\.json: \[input\.empty\]/],
    ['junk.bin', /junk\.bin: \[\w+\.binary\]/],
    ['truncated.zip', /truncated\.zip: \[archive\.corrupt\] zip archive is truncated or corrupted/],
    // Streamed: the member is refused as soon as it passes the cap of what it is (zeros read
    // as a text dump), long before the 1 GiB is inflated.
    ['bomb.json.gz', /bomb\.json\.gz!bomb\.json: \[(?:archive|text)\.too_large\]/],
    ['does-not-exist.json', /does-not-exist\.json: \[input\.unreadable\] no such file or directory/],
  ];
  const runs = await Promise.all(cases.map(([name]) => parse([path(name)])));
  runs.forEach((r, i) => {
    const [name, re] = cases[i]!;
    assert.match(r.stderr, re, name);
    assert.equal(r.code, 1, name);
    assert.deepEqual(JSON.parse(r.stdout), [], name);
    noCrash(r);
  });
});

test('a batch of good and bad files: good articles on stdout, every error on stderr, exit 0', async () => {
  const bad = ['malformed.json', 'empty.json', 'junk.bin', 'truncated.zip'].map(path);
  const r = await parse([goodJson, ...bad, corpusZip, path('missing.json')]);
  assert.equal(r.code, 0);
  const articles = JSON.parse(r.stdout) as Array<{ outlet: string }>;
  assert.equal(articles.length, 1 + 2047);
  assert.equal(articles[0]?.outlet, 'okaz');
  for (const name of ['malformed.json:3', 'empty.json', 'junk.bin', 'truncated.zip', 'missing.json']) assert.ok(r.stderr.includes(name), name);
  // The corpus day's three records with neither title nor content are issues too.
  assert.equal(r.stderr.split('\n').filter((l) => l.includes('2015-07-22.zip!2015-07-22.json') && l.includes('[json.item.empty]')).length, 3);
  assert.match(r.stderr, /parse: 8 issue\(s\); 2048 item\(s\) parsed/);
  noCrash(r);
});

test('a batch of only bad files exits non-zero', async () => {
  const r = await parse(['malformed.json', 'empty.json', 'junk.bin', 'truncated.zip'].map(path));
  assert.equal(r.code, 1);
  assert.equal(r.stderr.trim().split('\n').length, 4, r.stderr);
  noCrash(r);
});

test('a 50 MB JSONL corpus parses in reasonable time; a 50 MB truncated JSON names its last line', async () => {
  // Real records (one corpus day, less its three with neither title nor content) repeated
  // under distinct URLs up to 50 MB.
  const day = corpusDay().filter((rec) => `${rec.title}${rec.content}`.trim() !== '');
  assert.equal(day.length, 2047);
  const big = path('big.jsonl');
  const ws = createWriteStream(big);
  let size = 0;
  let lines = 0;
  for (let round = 0; size < 50 * 1024 * 1024; round++) {
    for (const rec of day) {
      const line = JSON.stringify({ ...rec, url: `${rec.url}?copy=${round}` }) + '\n';
      ws.write(line);
      size += Buffer.byteLength(line);
      lines++;
    }
  }
  await new Promise<void>((resolve) => ws.end(resolve));
  const r = await parse([big]);
  assert.equal(r.code, 0, r.stderr.slice(0, 500));
  noCrash(r);
  // One article per line.
  assert.equal((JSON.parse(r.stdout) as unknown[]).length, lines);
  assert.ok(r.ms < 90_000, `took ${r.ms} ms`);

  // The same bytes as one JSON array, cut off in the middle of its last record (records
  // differ in length, so a fixed byte count could land in an earlier one). It is streamed
  // (over 16 MiB): every record before the cut comes out, and the issue names the last line.
  const whole = readFileSync(big, 'utf8').trimEnd().split('\n');
  const text = `[\n${whole.join(',\n')}\n]\n`;
  const last = whole[whole.length - 1] ?? '';
  const cut = text.slice(0, text.lastIndexOf(last) + Math.floor(last.length / 2));
  writeFileSync(path('big.json'), cut);
  const t = await parse([path('big.json')]);
  assert.equal(t.code, 0);
  assert.match(t.stderr, new RegExp(`big\\.json:${whole.length + 1}: \\[json\\.syntax\\]`));
  assert.equal((JSON.parse(t.stdout) as unknown[]).length, whole.length - 1);
  noCrash(t);
});

/** The records of one corpus day, through our own archive reader (tested beside it). */
function corpusDay(): Array<Record<string, string>> {
  const r = expandArchive({ name: 'day.zip', bytes: readFileSync(corpusZip) });
  assert.equal(r.docs.length, 1);
  return JSON.parse(Buffer.from(r.docs[0]!.bytes).toString('utf8')) as Array<Record<string, string>>;
}
