/**
 * The address guard: every spelling of an internal address is refused before a request,
 * a public-looking name that resolves to one is refused at connect (resolver injected, no
 * /etc/hosts), redirects to internal addresses stop, and the allow-list opts in. Real
 * HTTP on 127.0.0.1: the server counts what reached it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AddressGuard, fetchUrl, nonPublicReason, parseAllowList, RobotsCache, strictGuard, type Lookup } from './index.ts';

/** [URL, why it is refused] — each spelling the issue lists, and the ranges the brief names. */
const REFUSED: Array<[string, RegExp]> = [
  ['http://127.0.0.1:8080/x', /loopback/],
  ['http://2130706433/', /loopback/],
  ['http://0177.0.0.1/', /loopback/],
  ['http://0x7f.1/', /loopback/],
  ['http://0x7f000001/', /loopback/],
  ['http://127.1/', /loopback/],
  ['http://127.0.0.1./', /loopback/],
  ['http://%31%32%37.0.0.1/', /loopback/],
  ['http://①②⑦.0.0.1/', /loopback/],
  ['http://0/', /unspecified/],
  ['http://0.0.0.0/', /unspecified/],
  ['http://[::]/', /unspecified/],
  ['http://[::1]/', /loopback/],
  ['http://[0:0:0:0:0:0:0:1]/', /loopback/],
  ['http://[::ffff:127.0.0.1]/', /IPv4-mapped/],
  ['http://[::ffff:8.8.8.8]/', /IPv4-mapped/],
  ['http://[::ffff:0:7f00:1]/', /IPv4-mapped/],
  ['http://[::127.0.0.1]/', /IPv4-compatible/],
  ['http://[64:ff9b::7f00:1]/', /NAT64 address carrying a loopback/],
  ['http://[64:ff9b::a9fe:a9fe]/', /NAT64 address carrying a linkLocal/],
  ['http://[2002:7f00:1::]/', /6to4 address carrying a loopback/],
  ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', /teredo/],
  ['http://10.0.0.1/', /private/],
  ['http://172.16.5.4/', /private/],
  ['http://192.168.1.1/', /private/],
  ['http://169.254.169.254/latest/meta-data/', /linkLocal/],
  ['http://100.64.0.1/', /carrierGradeNat/],
  ['http://224.0.0.1/', /multicast/],
  ['http://255.255.255.255/', /broadcast/],
  ['http://240.0.0.1/', /reserved/],
  ['http://192.0.2.1/', /reserved/],
  ['http://[fc00::1]/', /uniqueLocal/],
  ['http://[fd12:3456::1]/', /uniqueLocal/],
  ['http://[fe80::1]/', /linkLocal/],
  ['http://[ff02::1]/', /multicast/],
  ['http://[2001:db8::1]/', /reserved/],
  ['http://localhost:3000/', /local host name/],
  ['http://LOCALHOST./', /local host name/],
  ['http://api.localhost/', /local host name/],
  ['http://printer.local/', /local host name/],
  ['http://metadata.google.internal/', /local host name/],
  ['http://intranet/', /single-label/],
];

const ALLOWED = ['https://www.aawsat.com/feed', 'http://8.8.8.8/x', 'http://1.1.1.1./', 'http://[2606:4700:4700::1111]/', 'http://[64:ff9b::808:808]/', 'https://xn--mgbh0fb.xn--kgbechtv/rss'];

describe('checkUrl refuses every spelling of an internal address', () => {
  for (const [url, why] of REFUSED) {
    test(url, () => {
      const v = strictGuard.checkUrl(url);
      assert.equal(v.ok, false, `${url} must be refused`);
      assert.equal(!v.ok && v.code, 'fetch.private_address');
      assert.match(!v.ok ? v.message : '', why);
    });
  }
  test('public addresses and names pass', () => {
    for (const url of ALLOWED) assert.ok(strictGuard.checkUrl(url).ok, url);
  });
  test('only http and https, no credentials', () => {
    for (const url of ['ftp://8.8.8.8/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'gopher://8.8.8.8/', 'not a url', 'http://user:pw@8.8.8.8/']) {
      const v = strictGuard.checkUrl(url);
      assert.equal(!v.ok && v.code, 'fetch.bad_url', url);
    }
  });
});

describe('the allow-list', () => {
  test('CIDRs, bare addresses and host names opt in; nothing else does', () => {
    const g = new AddressGuard({ allow: ['127.0.0.1', '10.0.0.0/8', '[fd00::]/8', 'feeds.intranet.example', 'localhost'] });
    for (const url of ['http://127.0.0.1:9/', 'http://2130706433/', 'http://10.20.30.40/', 'http://[fd12::1]/', 'http://feeds.intranet.example/', 'http://localhost/', 'http://[::ffff:127.0.0.1]/']) {
      assert.ok(g.checkUrl(url).ok, url);
    }
    for (const url of ['http://127.0.0.2/', 'http://192.168.0.1/', 'http://[::1]/', 'http://other.local/']) assert.equal(g.checkUrl(url).ok, false, url);
    assert.ok(new AddressGuard({ allowPrivate: true }).checkUrl('http://[::1]/').ok);
    assert.equal(new AddressGuard({ allowPrivate: true }).checkUrl('ftp://[::1]/').ok, false, 'still http(s) only');
  });
  test('a bad entry is an error naming it', () => {
    assert.throws(() => parseAllowList(['10.0.0.0/99']), /not a CIDR: 10\.0\.0\.0\/99/);
    assert.throws(() => parseAllowList(['feeds_example!']), /not a host name or CIDR: feeds_example!/);
  });
  test('nonPublicReason classifies raw addresses', () => {
    assert.equal(nonPublicReason('93.184.216.34'), null);
    assert.match(nonPublicReason('::ffff:10.0.0.1')!, /IPv4-mapped/);
    assert.match(nonPublicReason('fe80::1%eth0')!, /linkLocal/);
    assert.match(nonPublicReason('4000::1')!, /outside global unicast/);
  });
});

describe('at connect, over real HTTP on loopback', () => {
  let server: Server;
  let port = 0;
  const seen: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.headers.host} ${req.url}`);
      if (req.url === '/robots.txt') return void res.writeHead(404).end();
      if (req.url === '/to-loopback') return void res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }).end();
      if (req.url === '/to-decimal') return void res.writeHead(302, { location: `http://2130706433:${port}/secret` }).end();
      if (req.url === '/to-name') return void res.writeHead(302, { location: `http://internal.marsad.test:${port}/secret` }).end();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('internal secret');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  // Every name resolves to loopback, as a hostile DNS answer would.
  const lookups: string[] = [];
  const toLoopback: Lookup = async (h) => {
    lookups.push(h);
    return [{ address: '127.0.0.1', family: 4 }];
  };
  const opts = (guard: AddressGuard) => ({ guard, timeoutMs: 5000, robotsCache: new RobotsCache() });

  test('a source at 127.0.0.1 is refused without the setting, and nothing reaches the server', async () => {
    const before = seen.length;
    for (const host of ['127.0.0.1', '2130706433', 'localhost', '[::ffff:127.0.0.1]']) {
      const r = await fetchUrl(`http://${host}:${port}/feed.xml`, opts(strictGuard));
      assert.equal(!r.ok && r.code, 'fetch.private_address', host);
    }
    assert.equal(seen.length, before);
  });

  test('a public-looking name that resolves to 127.0.0.1 is refused at connect', async () => {
    const before = seen.length;
    const guard = new AddressGuard({ lookup: toLoopback });
    assert.ok(guard.checkUrl(`http://feeds.marsad.test:${port}/feed.xml`).ok, 'the name itself looks public');
    const r = await fetchUrl(`http://feeds.marsad.test:${port}/feed.xml`, opts(guard));
    assert.equal(!r.ok && r.code, 'fetch.private_address');
    assert.match(!r.ok ? r.message : '', /feeds\.marsad\.test.*127\.0\.0\.1 \(loopback address\)/);
    assert.ok(lookups.includes('feeds.marsad.test'), 'the injected resolver was asked');
    assert.equal(seen.length, before, 'not even robots.txt was requested');
  });

  test('with the address allowed, the same name is fetched (the refusal above was the guard)', async () => {
    const r = await fetchUrl(`http://feeds.marsad.test:${port}/feed.xml`, opts(new AddressGuard({ lookup: toLoopback, allow: ['127.0.0.0/8'] })));
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(Buffer.from(r.bytes).toString(), 'internal secret');
    assert.ok(seen.includes(`feeds.marsad.test:${port} /feed.xml`), 'the Host header keeps the name');
  });

  test('a redirect to an internal address stops, literal or by name', async () => {
    // The first host is allowed by name (a trusted partner); where it redirects is not.
    const guard = new AddressGuard({ lookup: toLoopback, allow: ['partner.marsad.test'] });
    for (const path of ['/to-loopback', '/to-decimal', '/to-name']) {
      const r = await fetchUrl(`http://partner.marsad.test:${port}${path}`, opts(guard));
      assert.equal(!r.ok && r.code, 'fetch.private_address', path);
    }
    assert.ok(!seen.some((s) => s.endsWith(' /secret')), 'no redirect target was requested');
  });

  test('the connector itself refuses, whoever calls it (a dispatcher for webhooks)', async () => {
    const { request } = await import('undici');
    const dispatcher = strictGuard.dispatcher();
    try {
      await assert.rejects(request(`http://127.0.0.1:${port}/secret`, { dispatcher }), (e: Error & { code?: string }) => e.code === 'fetch.private_address');
    } finally {
      await dispatcher.close();
    }
    await assert.rejects(fetchUrl(`http://8.8.8.8/`, { dispatcher: new (await import('undici')).Agent() }), /AddressGuard\.dispatcher/);
  });
});
