/**
 * End to end: `marsad parse http://127.0.0.1:PORT/feed.xml --json` (the real CLI, spawned)
 * fetches a windows-1256 RSS feed from a local server and prints its Articles.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../model/article.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const feed = readFileSync(new URL('testdata/rss2-windows-1256.xml', import.meta.url));
const expected = JSON.parse(readFileSync(new URL('testdata/rss2-windows-1256.xml.expected.json', import.meta.url), 'utf8')) as Array<{ title: string; url: string }>;

let server: Server;
let base: string;
const hits: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/feed.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipSync(feed));
    if (req.url === '/old-feed') return void res.writeHead(301, { location: '/feed.xml' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

function marsad(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/marsad.js', ...args], { cwd: root, timeout: 60_000, env: { ...process.env, MARSAD_ALLOW_PRIVATE_HOSTS: '', MARSAD_ALLOW_HOSTS: '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

void describe('marsad parse <url> --json', () => {
  it('fetches a feed over HTTP (gzip, redirect, windows-1256) and prints its articles', async () => {
    const { code, stdout, stderr } = await marsad(['parse', `${base}/old-feed`, '--json', '--allow-private']);
    assert.equal(code, 0, stderr);
    const articles = JSON.parse(stdout) as Article[];
    assert.deepEqual(articles.map((a) => a.title), expected.map((e) => e.title));
    assert.deepEqual(articles.map((a) => a.url), expected.map((e) => e.url));
    assert.ok(articles.every((a) => a.via === 'الشرق الأوسط'));
    // The empty item is reported on stderr with the URL it came from.
    assert.match(stderr, /old-feed item 6: \[feed\.item\.empty\]/);
    assert.ok(hits.includes('/robots.txt'), 'robots.txt was asked first');
  });

  it('exits non-zero with a clear message when the URL gives nothing', async () => {
    const { code, stdout, stderr } = await marsad(['parse', `${base}/missing.xml`, '--json'], { MARSAD_ALLOW_HOSTS: '127.0.0.1' });
    assert.notEqual(code, 0);
    assert.deepEqual(JSON.parse(stdout), []);
    assert.match(stderr, /missing\.xml: \[fetch\.http_404\] HTTP 404/);
  });

  it('refuses a loopback URL unless --allow-private or the config allows it (issue 13, defect 1)', async () => {
    const before = hits.length;
    for (const host of [base, base.replace('127.0.0.1', '2130706433')]) {
      const { code, stderr } = await marsad(['parse', `${host}/feed.xml`, '--json']);
      assert.notEqual(code, 0);
      assert.match(stderr, /\[fetch\.private_address\] refused http:\/\/127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/);
    }
    assert.equal(hits.length, before, 'nothing reached the server');
  });
});
