/**
 * The fetcher against a real HTTP server on 127.0.0.1: charsets, redirects, a gzip bomb,
 * timeouts, conditional GET, robots.txt and the per-host gate.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { AddressGuard, fetchUrl, HostLimiter, RobotsCache, USER_AGENT, type FetchOptions } from './index.ts';
import { decode } from '../encoding.ts';

const fixture = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url));
const PAGE_1256 = fixture('aawsat-1256.html');
const PAGE_1256_META = fixture('aawsat-1256-meta.html');
const BOMB_MEMBER = gzipSync(Buffer.alloc(16 << 20), { level: 9 });
const TITLE = 'الرئيس هادي يعين نايف البكري محافظا لعدن';

/** What the server saw, for assertions on behaviour on the wire. */
const seen = { paths: [] as string[], agents: new Set<string>(), bombMembers: 0, active: 0, maxActive: 0, starts: [] as number[] };

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  seen.paths.push(path);
  seen.agents.add(req.headers['user-agent'] ?? '');
  const redirect = /^\/r\/(\d+)$/.exec(path);
  if (redirect) {
    const n = Number(redirect[1]);
    // Alternate absolute and relative Location headers: both must be followed.
    const next = n % 2 ? `/r/${n - 1}` : `http://${req.headers.host}/r/${n - 1}`;
    if (n > 0) return void res.writeHead(n % 3 ? 302 : 301, { location: next }).end();
    return void res.writeHead(200, { 'content-type': 'text/plain' }).end('arrived');
  }
  switch (path) {
    case '/robots.txt':
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
    case '/page-header.html':
      return void res.writeHead(200, { 'content-type': 'text/html; charset=windows-1256' }).end(PAGE_1256);
    case '/page-meta.html':
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE_1256_META);
    case '/gzip.html':
      return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE_1256_META));
    case '/br.html':
      return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync(PAGE_1256_META));
    case '/deflate.html':
      return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateSync(PAGE_1256_META));
    case '/deflate-raw.html':
      return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateRawSync(PAGE_1256_META));
    case '/bad-gzip':
      return void res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('this is not gzip at all'));
    case '/bomb': {
      // 16 GiB of zeros as 1024 gzip members of 16 MiB each (16 KiB on the wire apiece),
      // written with backpressure: only a client that stops at its cap ends it early.
      res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip' });
      let sent = 0;
      const pump = () => {
        while (sent < 1024 && !res.destroyed) {
          sent++;
          seen.bombMembers = sent;
          if (!res.write(BOMB_MEMBER)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      pump();
      return;
    }
    case '/big':
      return void res.writeHead(200, { 'content-length': String(3 << 20) }).end(Buffer.alloc(3 << 20, 0x61));
    case '/slow':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
      setTimeout(() => res.end(' done'), 3000).unref();
      return;
    case '/hang':
      return; // never answers
    case '/etag':
      if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Tue, 21 Jul 2015 02:51:33 GMT') {
        return void res.writeHead(304, { etag: '"v1"' }).end();
      }
      return void res.writeHead(200, { etag: '"v1"', 'last-modified': 'Tue, 21 Jul 2015 02:51:33 GMT' }).end('fresh');
    case '/gated': {
      seen.active++;
      seen.maxActive = Math.max(seen.maxActive, seen.active);
      seen.starts.push(Date.now());
      setTimeout(() => {
        seen.active--;
        res.writeHead(200).end('ok');
      }, 50);
      return;
    }
    default:
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

let server: Server;
let base: string;
// The local test server is on loopback, which the address guard refuses unless allowed.
const LOCAL = new AddressGuard({ allow: ['127.0.0.1', 'localhost'] });
const opts = (o: FetchOptions = {}): FetchOptions => ({ robotsCache: new RobotsCache(), timeoutMs: 5000, guard: LOCAL, ...o });

before(async () => {
  server = createServer(route);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

void describe('fetchUrl: charsets and encodings', () => {
  void it('gives the bytes of a windows-1256 page whose charset is only in the header', async () => {
    const r = await fetchUrl(`${base}/page-header.html`, opts());
    assert.ok(r.ok);
    assert.equal(r.status, 200);
    assert.deepEqual(Buffer.from(r.bytes), PAGE_1256);
    const d = decode(r.bytes, r.contentType);
    assert.equal(d.charset, 'windows-1256');
    assert.equal(d.how, 'header');
    assert.ok(d.text.includes(`<h1>${TITLE}</h1>`));
    assert.ok(seen.agents.has(USER_AGENT));
  });

  void it('leaves a page whose charset is only in <meta> decodable from that meta', async () => {
    const r = await fetchUrl(`${base}/page-meta.html`, opts());
    assert.ok(r.ok);
    const d = decode(r.bytes, r.contentType);
    assert.equal(d.charset, 'windows-1256');
    assert.equal(d.how, 'declared');
    assert.ok(d.text.includes(TITLE));
  });

  for (const path of ['/gzip.html', '/br.html', '/deflate.html', '/deflate-raw.html']) {
    void it(`decompresses ${path.slice(1)}`, async () => {
      const r = await fetchUrl(base + path, opts());
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual(Buffer.from(r.bytes), PAGE_1256_META);
    });
  }

  void it('reports a body that is not what its Content-Encoding says', async () => {
    const r = await fetchUrl(`${base}/bad-gzip`, opts());
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.code, 'fetch.bad_encoding');
  });
});

void describe('fetchUrl: limits', () => {
  void it('stops a gzip bomb at the cap without inflating it all', async () => {
    const t0 = Date.now();
    const r = await fetchUrl(`${base}/bomb`, opts({ maxBytes: 1 << 20 }));
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.code, 'fetch.too_large');
    // The client hung up long before the 16 GiB were sent (what was sent sits in socket buffers).
    assert.ok(seen.bombMembers < 1024, `server sent ${seen.bombMembers} of 1024 members`);
    assert.ok(Date.now() - t0 < 5000);
  });

  void it('refuses a body whose Content-Length is over the cap', async () => {
    const r = await fetchUrl(`${base}/big`, opts({ maxBytes: 1 << 20 }));
    assert.equal(!r.ok && r.code, 'fetch.too_large');
  });

  void it('times out on a slow body and on a server that never answers', async () => {
    for (const path of ['/slow', '/hang']) {
      const t0 = Date.now();
      const r = await fetchUrl(base + path, opts({ timeoutMs: 300 }));
      assert.equal(!r.ok && r.code, 'fetch.timeout', path);
      assert.ok(Date.now() - t0 < 2000, `${path} took ${Date.now() - t0} ms`);
    }
  });

  void it('reports HTTP errors and bad URLs as values', async () => {
    const r = await fetchUrl(`${base}/nope`, opts());
    assert.deepEqual(r.ok ? null : [r.code, r.status], ['fetch.http_404', 404]);
    const bad = await fetchUrl('ftp://127.0.0.1/x', opts());
    assert.equal(!bad.ok && bad.code, 'fetch.bad_url');
  });
});

void describe('fetchUrl: redirects', () => {
  void it('follows 2 redirects and gives the final URL', async () => {
    const r = await fetchUrl(`${base}/r/2`, opts());
    assert.ok(r.ok);
    assert.equal(r.url, `${base}/r/0`);
    assert.equal(r.redirects, 2);
    assert.equal(Buffer.from(r.bytes).toString(), 'arrived');
  });

  void it('follows exactly 5 and refuses a chain of 6', async () => {
    const five = await fetchUrl(`${base}/r/5`, opts());
    assert.ok(five.ok && five.redirects === 5);
    const before = seen.paths.length;
    const six = await fetchUrl(`${base}/r/6`, opts());
    assert.equal(!six.ok && six.code, 'fetch.too_many_redirects');
    // The sixth Location is not requested.
    assert.ok(!seen.paths.slice(before).includes('/r/0'));
  });
});

void describe('fetchUrl: conditional GET', () => {
  void it('sends the validators and reports a 304 as notModified', async () => {
    const first = await fetchUrl(`${base}/etag`, opts());
    assert.ok(first.ok && !first.notModified);
    assert.equal(first.etag, '"v1"');
    assert.equal(first.lastModified, 'Tue, 21 Jul 2015 02:51:33 GMT');
    const byEtag = await fetchUrl(`${base}/etag`, opts({ etag: first.etag }));
    assert.ok(byEtag.ok && byEtag.notModified && byEtag.status === 304);
    assert.equal(byEtag.bytes.byteLength, 0);
    const byDate = await fetchUrl(`${base}/etag`, opts({ lastModified: first.lastModified }));
    assert.ok(byDate.ok && byDate.notModified);
    assert.equal(byDate.lastModified, first.lastModified);
  });
});

void describe('fetchUrl: robots.txt', () => {
  void it('does not request a disallowed path', async () => {
    const r = await fetchUrl(`${base}/private/feed.xml`, opts());
    assert.equal(!r.ok && r.code, 'fetch.robots_disallowed');
    assert.ok(!seen.paths.includes('/private/feed.xml'));
  });

  void it('reads robots.txt once per host while cached', async () => {
    const cache = new RobotsCache();
    const before = seen.paths.filter((p) => p === '/robots.txt').length;
    await fetchUrl(`${base}/r/0`, opts({ robotsCache: cache }));
    await fetchUrl(`${base}/etag`, opts({ robotsCache: cache }));
    assert.equal(seen.paths.filter((p) => p === '/robots.txt').length - before, 1);
  });

  void it('refuses a host whose robots.txt answers 5xx, allows one that answers 404', async () => {
    const s = createServer((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(req.headers.host?.includes('localhost') ? 404 : 503).end();
      res.writeHead(200).end('ok');
    });
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    try {
      const down = await fetchUrl(`http://127.0.0.1:${port}/feed`, opts());
      assert.equal(!down.ok && down.code, 'fetch.robots_unreachable');
      const none = await fetchUrl(`http://localhost:${port}/feed`, opts());
      assert.ok(none.ok, JSON.stringify(none));
    } finally {
      s.closeAllConnections();
      s.close();
    }
  });
});

void describe('HostLimiter', () => {
  void it('lets one request at a time reach a host, with the minimum delay between them', async () => {
    seen.maxActive = 0;
    seen.starts = [];
    const limiter = new HostLimiter({ minDelayMs: 100 });
    const rs = await Promise.all([1, 2, 3].map(() => fetchUrl(`${base}/gated`, opts({ limiter }))));
    assert.ok(rs.every((r) => r.ok));
    assert.equal(seen.maxActive, 1);
    const gaps = seen.starts.slice(1).map((t, i) => t - seen.starts[i]!);
    // Each request lasts 50 ms and then the host rests 100 ms.
    assert.ok(gaps.every((g) => g >= 140), `gaps ${gaps.join(',')}`);
  });

  void it('does not make different hosts wait on each other', async () => {
    const limiter = new HostLimiter({ minDelayMs: 1000 });
    const t0 = Date.now();
    await Promise.all([limiter.run('http://a.example/', async () => 1), limiter.run('http://b.example/', async () => 2)]);
    await limiter.run('http://c.example/', async () => 3);
    assert.ok(Date.now() - t0 < 500);
    assert.equal(limiter.busyHosts, 0);
  });
});
