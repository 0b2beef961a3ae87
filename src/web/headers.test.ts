/**
 * The precomputed security headers are exactly @fastify/helmet's, on pages, JSON and 404s:
 * over HTTPS (a trusted proxy's X-Forwarded-Proto) with upgrade-insecure-requests and HSTS,
 * over plain HTTP without them (issue 13, defect 4).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import { addSecurityHeaders, plainHttpOptions, securityHeaders } from './headers.ts';

const options = { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'none'"], frameAncestors: ["'none'"] } } };

test('the headers set once equal the ones helmet sets per request, for each protocol', async () => {
  const viaHelmet = { https: Fastify(), http: Fastify() };
  await viaHelmet.https.register(helmet, options);
  await viaHelmet.http.register(helmet, plainHttpOptions(options));
  const viaHook = Fastify({ trustProxy: '127.0.0.1' });
  await addSecurityHeaders(viaHook, options);
  for (const app of [viaHelmet.https, viaHelmet.http, viaHook]) {
    app.get('/page', async (_req, reply) => reply.type('text/html; charset=utf-8').send('<p>صفحة</p>'));
    app.get('/json', async () => ({ ok: true }));
  }
  for (const proto of ['https', 'http'] as const) {
    const names = Object.keys(await securityHeaders(proto === 'https' ? options : plainHttpOptions(options)));
    assert.ok(names.includes('content-security-policy') && names.includes('x-content-type-options') && names.includes('x-frame-options'), names.join());
    for (const url of ['/page', '/json', '/missing']) {
      const [a, b] = await Promise.all([viaHelmet[proto].inject(url), viaHook.inject({ url, headers: { 'x-forwarded-proto': proto }, remoteAddress: '127.0.0.1' })]);
      assert.equal(b.statusCode, a.statusCode, url);
      for (const k of names) assert.equal(b.headers[k], a.headers[k], `${proto} ${url} ${k}`);
      assert.match(b.headers['content-security-policy'] as string, /script-src 'none'/);
      if (proto === 'https') {
        assert.match(b.headers['content-security-policy'] as string, /upgrade-insecure-requests/);
        assert.ok(b.headers['strict-transport-security']);
      } else {
        assert.doesNotMatch(b.headers['content-security-policy'] as string, /upgrade-insecure-requests/);
        assert.equal(b.headers['strict-transport-security'], undefined);
      }
    }
  }
  // X-Forwarded-Proto from an untrusted peer is not believed.
  const spoofed = await viaHook.inject({ url: '/page', headers: { 'x-forwarded-proto': 'https' }, remoteAddress: '203.0.113.9' });
  assert.doesNotMatch(spoofed.headers['content-security-policy'] as string, /upgrade-insecure-requests/);
  await Promise.all([viaHelmet.https.close(), viaHelmet.http.close(), viaHook.close()]);
});
