/**
 * Alerts on the web (fastify inject over a real SQLite store with the bundled sample):
 * the /api/v1/alerts API (admin token, 400 naming the field, the guard on webhook URLs,
 * secrets shown once), the admin page's CSRF-protected forms and its paused-webhook
 * reason, a test delivery from the admin to a receiver on 127.0.0.1, and the alert's Atom
 * feed (strict XML, one entry per story listing the outlets that carried it).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SaxesParser } from 'saxes';
import { AddressGuard } from '../../src/ingest/fetch/guard.ts';
import { AlertDeliverer } from '../../src/alerts/deliver.ts';
import { ingest } from '../../src/pipeline/index.ts';
import type { MarsadSqliteStore } from '../../src/store/sqlite/marsad.ts';
import { ADMIN_TOKEN, webFixture, type WebFixture } from './fixture.ts';
import { startReceiver, type Receiver } from '../alerts-receiver.ts';

const SITE = 'http://marsad.test:8080';
const local = new AddressGuard({ allow: ['127.0.0.1'] });
let fx: WebFixture;
let strictFx: WebFixture;
let rx: Receiver;
let deliverer: AlertDeliverer;
const bearer = { authorization: `Bearer ${ADMIN_TOKEN}` };
const cookie = `marsad_admin=${ADMIN_TOKEN}`;

before(async () => {
  rx = await startReceiver('whsec_' + Buffer.alloc(24, 3).toString('base64'));
  fx = await webFixture({ baseUrl: SITE, guard: local });
  deliverer = new AlertDeliverer(fx.store.alerts, { guard: local });
  await fx.app.close();
  // Rebuilt with a deliverer (test deliveries) on the same store.
  const { buildApp } = await import('../../src/web/app.ts');
  fx.app = await buildApp({ store: fx.store, adminToken: ADMIN_TOKEN, baseUrl: SITE, guard: local, alerts: { store: fx.store.alerts, reader: fx.store, deliverer } });
  strictFx = await webFixture({ baseUrl: SITE });
});
after(async () => {
  await deliverer?.stop();
  await fx?.close();
  await strictFx?.close();
  await rx?.close();
});

const post = (f: WebFixture, body: unknown, headers: Record<string, string> = bearer) =>
  f.app.inject({ method: 'POST', url: '/api/v1/alerts', payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

describe('API /api/v1/alerts', () => {
  test('admin only; create returns the secret once, the list masks it; delete', async () => {
    assert.equal((await fx.app.inject({ url: '/api/v1/alerts' })).statusCode, 401);
    assert.equal((await post(fx, { name: 'x', query: 'طهران' }, {})).statusCode, 401);
    const r = await post(fx, { name: 'طهران', query: '"وزير الخارجية" طهران', webhook: rx.url });
    assert.equal(r.statusCode, 201, r.body);
    const a = r.json() as { id: string; secret: string; feed: string };
    assert.match(a.id, /^[0-9a-f]{16}$/);
    assert.match(a.secret, /^whsec_[A-Za-z0-9+/]{32}$/);
    assert.equal(a.feed, `/alerts/${a.id}/feed.atom`);
    const list = (await fx.app.inject({ url: '/api/v1/alerts', headers: bearer })).json() as { results: Array<{ id: string; secret: string }> };
    const listed = list.results.find((x) => x.id === a.id)!;
    assert.ok(listed && !listed.secret.includes(a.secret.slice(6, 20)), 'masked');
    const one = await fx.app.inject({ url: `/api/v1/alerts/${a.id}`, headers: bearer });
    assert.equal(one.statusCode, 200);
    assert.deepEqual(Object.keys(one.json()).filter((k) => k === 'entries' || k === 'attempts'), ['entries', 'attempts']);
    assert.equal((await fx.app.inject({ method: 'DELETE', url: `/api/v1/alerts/${a.id}`, headers: bearer })).statusCode, 204);
    assert.equal((await fx.app.inject({ method: 'DELETE', url: `/api/v1/alerts/${a.id}`, headers: bearer })).statusCode, 404);
  });

  test('bad fields are 400 naming the field; only JSON is taken; loopback webhooks are refused by the default guard', async () => {
    const q = await post(fx, { name: 'x', query: 'في من' });
    assert.equal(q.statusCode, 400);
    assert.match((q.json() as { message: string }).message, /^query: /);
    assert.match(((await post(fx, { query: 'طهران' })).json() as { message: string }).message, /^name: is required/);
    assert.match(((await post(fx, { name: 'x', query: 'طهران', webhook: rx.url, secret: 'nope' })).json() as { message: string }).message, /^secret: /);
    const refused = await post(strictFx, { name: 'x', query: 'طهران', webhook: rx.url });
    assert.equal(refused.statusCode, 400);
    assert.match((refused.json() as { message: string }).message, /^webhook: fetch\.private_address/);
    const plain = await strictFx.app.inject({ method: 'POST', url: '/api/v1/alerts', payload: 'name=x&query=y', headers: { 'content-type': 'text/plain', ...bearer } });
    assert.equal(plain.statusCode, 415);
  });

  test('documented in the OpenAPI document', async () => {
    const doc = (await fx.app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    assert.ok(doc.paths['/api/v1/alerts']?.get && doc.paths['/api/v1/alerts']?.post);
    assert.ok(doc.paths['/api/v1/alerts/{id}']?.delete);
  });
});

describe('admin page /admin/alerts', () => {
  let token = '';
  before(async () => {
    token = /name="_csrf" value="([^"]+)"/.exec((await fx.app.inject({ url: '/admin/alerts', headers: { cookie } })).body)?.[1] ?? '';
  });
  const form = (url: string, body: string, headers: Record<string, string>) =>
    fx.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers } });

  test('needs the session; forged forms (other origin, no token) create nothing; the real form does', async () => {
    assert.equal((await fx.app.inject({ url: '/admin/alerts' })).statusCode, 401);
    assert.ok(token, 'the page carries a form token');
    const body = `name=${encodeURIComponent('مزور')}&query=${encodeURIComponent('الرياض')}`;
    const count = async () => (await fx.store.alerts.listAlerts()).filter((a) => a.name === 'مزور').length;
    const cross = await form('/admin/alerts', `${body}&_csrf=${encodeURIComponent(token)}`, { origin: 'http://marsad.test:9999' });
    assert.equal(cross.statusCode, 403);
    assert.match(cross.body, /csrf\.origin/);
    const none = await form('/admin/alerts', body, { origin: SITE });
    assert.equal(none.statusCode, 403);
    assert.match(none.body, /csrf\.token/);
    assert.equal(await count(), 0);
    const ok = await form('/admin/alerts', `${body}&_csrf=${encodeURIComponent(token)}`, { origin: SITE });
    assert.equal(ok.statusCode, 303);
    assert.equal(await count(), 1);
    const a = (await fx.store.alerts.listAlerts()).find((x) => x.name === 'مزور')!;
    assert.equal((await form(`/admin/alerts/${a.id}/delete`, '', { origin: 'http://evil.example' })).statusCode, 403);
    assert.equal((await form(`/admin/alerts/${a.id}/delete`, `_csrf=${encodeURIComponent(token)}`, { origin: SITE })).statusCode, 303);
    assert.equal(await count(), 0);
  });

  test('a paused webhook shows why; test delivery from the admin reaches the receiver signed; resume clears the pause', async () => {
    const r = await post(fx, { name: 'متوقف', query: 'الرياض', webhook: rx.url, secret: rx.secret });
    const id = (r.json() as { id: string }).id;
    for (let i = 0; i < 10; i++) {
      await fx.store.alerts.recordAttempt(id, null, { ok: false, status: 500, error: 'webhook.http_500: boom', ms: 1 }, { now: new Date().toISOString(), nextAttempt: null, maxFailures: 10, test: true });
    }
    // Test attempts are logged but never pause; real ones do (simulated here through the outbox).
    assert.equal((await fx.store.alerts.getAlert(id))!.pausedAt, null);
    const db = (fx.store as unknown as MarsadSqliteStore).db;
    db.prepare('UPDATE alerts SET consecutive_failures = 10, paused_at = ?, paused_reason = ? WHERE id = ?').run(new Date().toISOString(), 'paused after 10 consecutive failed deliveries; last: webhook.http_500: boom', id);
    const page = await fx.app.inject({ url: '/admin/alerts', headers: { cookie } });
    assert.match(page.body, /class="notice error paused"[^]*paused after 10 consecutive failed deliveries; last: webhook\.http_500: boom/);
    assert.match(page.body, /سجل التسليم/);
    const before = rx.received.length;
    const t = await form(`/admin/alerts/${id}/test`, `_csrf=${encodeURIComponent(token)}`, { origin: SITE });
    assert.equal(t.statusCode, 303);
    assert.match(decodeURIComponent(t.headers.location as string), /HTTP 200/);
    const got = rx.received.slice(before);
    assert.equal(got.length, 1);
    assert.ok(got[0]!.valid);
    assert.equal(got[0]!.json.type, 'alert.test');
    assert.ok(got[0]!.json.articles.length > 0, 'sample articles from the query');
    assert.equal((await form(`/admin/alerts/${id}/resume`, `_csrf=${encodeURIComponent(token)}`, { origin: SITE })).statusCode, 303);
    assert.equal((await fx.store.alerts.getAlert(id))!.pausedAt, null);
  });
});

describe('feed /alerts/<id>/feed.atom', () => {
  test('strict XML, one entry per story, the outlets of later copies in its summary', async () => {
    const r = await post(fx, { name: 'فيلطائر', query: 'فيلطائر' });
    const id = (r.json() as { id: string }).id;
    const text = 'شوهد فيلطائر يحلق فوق الرياض صباح اليوم، وقال شهود إن الطائر الغريب بقي ساعة كاملة فوق وسط المدينة قبل أن يختفي باتجاه الشمال\u0001';
    const art = (n: number, outlet: string, h: number) => ({ id: `feedalert${String(n).padStart(7, '0')}`, url: `https://o${n}.example/a`, title: 'فيلطائر فوق الرياض', text, publishedAt: `2015-07-23T0${h}:00:00.000Z`, outlet, via: null, author: null, lang: 'ar', tags: [], readAlso: [], relatedTo: null });
    await ingest(fx.store, [art(1, 'عكاظ', 1)]);
    await ingest(fx.store, [art(2, 'الرياض', 2), art(3, 'سبق', 3)]);
    const feed = await fx.app.inject({ url: `/alerts/${id}/feed.atom` });
    assert.equal(feed.statusCode, 200);
    assert.match(feed.headers['content-type'] as string, /application\/atom\+xml/);
    new SaxesParser().write(feed.body).close();
    assert.equal(feed.body.match(/<entry[ >]/g)?.length, 1, 'one story, one entry');
    assert.match(feed.body, /نشرته ٣ مصادر: عكاظ، الرياض، سبق/);
    assert.match(feed.body, new RegExp(`${SITE.replace(/[.:/]/g, '\\$&')}/alerts/${id}/feed\\.atom`));
    assert.equal((await fx.app.inject({ url: '/alerts/0123456789abcdef/feed.atom' })).statusCode, 404);
    assert.equal((await fx.app.inject({ url: '/alerts/..%2Fx/feed.atom' })).statusCode, 404);
  });
});
