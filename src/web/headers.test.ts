/**
 * The precomputed security headers are exactly @fastify/helmet's, on pages, JSON and 404s.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import { addSecurityHeaders, securityHeaders } from './headers.ts';

const options = { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'none'"], frameAncestors: ["'none'"] } } };

test('the headers set once equal the ones helmet sets per request', async () => {
  const viaHelmet = Fastify();
  await viaHelmet.register(helmet, options);
  const viaHook = Fastify();
  await addSecurityHeaders(viaHook, options);
  for (const app of [viaHelmet, viaHook]) {
    app.get('/page', async (_req, reply) => reply.type('text/html; charset=utf-8').send('<p>صفحة</p>'));
    app.get('/json', async () => ({ ok: true }));
  }
  const names = Object.keys(await securityHeaders(options));
  assert.ok(names.includes('content-security-policy') && names.includes('x-content-type-options') && names.includes('x-frame-options'), names.join());
  for (const url of ['/page', '/json', '/missing']) {
    const [a, b] = await Promise.all([viaHelmet.inject(url), viaHook.inject(url)]);
    assert.equal(b.statusCode, a.statusCode, url);
    for (const k of names) assert.equal(b.headers[k], a.headers[k], `${url} ${k}`);
    assert.match(b.headers['content-security-policy'] as string, /script-src 'none'/);
  }
  await Promise.all([viaHelmet.close(), viaHook.close()]);
});
