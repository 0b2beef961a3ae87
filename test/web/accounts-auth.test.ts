/**
 * Accounts over real HTTP on loopback (issue 12): login and logout, the session cookie's
 * attributes, sessions kept in the database across a restart, CSRF refusals on the
 * accounts' forms, the login limiter (per account, per address, the same answer for an
 * unknown name and a wrong password), per-user API keys next to the admin token, the
 * private instance, and the first admin made with the admin token. A real SQLite store
 * with the bundled sample (test/web/fixture.ts).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ADMIN_TOKEN, webFixture, type WebFixture, listenLoopback } from './fixture.ts';
import { Client } from './client.ts';
import { createUser } from '../../src/accounts/service.ts';
import { openStore, type MarsadStore } from '../../src/store/index.ts';
import { buildApp } from '../../src/web/app.ts';

let fx: WebFixture;
let app: FastifyInstance;
let base = '';
const limits = { perAccount: 3, perAddress: 12, windowMs: 60_000 };

before(async () => {
  fx = await webFixture();
  // The fixture's store (a real SQLite file with the sample), served with small login limits.
  app = await buildApp({ store: fx.store, adminToken: ADMIN_TOKEN, alerts: { store: fx.store.alerts, reader: fx.store }, accounts: { store: fx.store.accounts, limits } });
  base = await listenLoopback(app);
  await createUser(fx.store.accounts, { name: 'huda', password: 'correct horse 1', role: 'reader' });
  await createUser(fx.store.accounts, { name: 'admin1', password: 'admin password 1', role: 'admin' });
});
after(async () => {
  await app?.close();
  await fx?.close();
});

describe('login and sessions', () => {
  test('a wrong password and an unknown name get the same answer; the right one a session cookie (HttpOnly, SameSite=Lax, no Secure over http)', async () => {
    const c = new Client(base);
    const anon = await c.get('/');
    assert.match(anon.body, /<a href="\/login">دخول<\/a>/, 'the header offers login');
    const wrong = await c.login('huda', 'wrong password');
    const unknown = await c.login('nobody-here', 'wrong password');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.equal(wrong.body, unknown.body, 'same page for both');
    assert.equal(c.cookies.size, 0);
    const ok = await c.login('HUDA', 'correct horse 1');
    assert.equal(ok.status, 303);
    assert.equal(ok.location, '/me');
    const set = c.setCookies.find((x) => x.startsWith('marsad_session='))!;
    assert.match(set, /; HttpOnly/);
    assert.match(set, /; SameSite=Lax/);
    assert.doesNotMatch(set, /Secure/);
    const token = c.cookies.get('marsad_session')!;
    assert.equal((await fx.store.accounts.getSession(token, new Date().toISOString())), null, 'the store keeps a hash, not the token');
    const me = await c.get('/me');
    assert.equal(me.status, 200);
    assert.match(me.body, /<bdi>huda<\/bdi>/);
    assert.match(String(me.headers['cache-control']), /no-store/);
    // A personal page from the shared cache: the header is the person's, the cache-control private.
    const home = await c.get('/');
    assert.match(home.body, /action="\/logout"/);
    assert.doesNotMatch(home.body, /<a href="\/login">دخول<\/a>/);
    assert.match(String(home.headers['cache-control']), /private/);
    assert.match((await new Client(base).get('/')).body, /<a href="\/login">دخول<\/a>/, 'and the next anonymous reader still gets the anonymous page');
  });

  test('behind an HTTPS proxy the cookie is Secure', async () => {
    const app = await buildApp({ store: fx.store, adminToken: ADMIN_TOKEN, accounts: { store: fx.store.accounts }, trustProxy: '127.0.0.1', baseUrl: 'https://marsad.example' });
    const url = await listenLoopback(app);
    try {
      const c = new Client(url);
      const r = await c.post('/login', { name: 'huda', password: 'correct horse 1' }, { origin: 'https://marsad.example', headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(r.status, 303);
      assert.match(c.setCookies.at(-1)!, /; Secure/);
    } finally {
      await app.close();
    }
  });

  test('logout ends the session in the database; a revoked session is anonymous', async () => {
    const c = new Client(base);
    await c.login('huda', 'correct horse 1');
    const stolen = c.cookies.get('marsad_session')!;
    const t = await c.token('/me');
    assert.equal((await c.post('/logout', { _csrf: t })).status, 303);
    assert.equal(c.cookies.has('marsad_session'), false);
    const replay = await new Client(base).get('/me', { cookie: `marsad_session=${stolen}` });
    assert.equal(replay.status, 303, 'the old cookie no longer opens a session');
    assert.match(replay.location!, /^\/login/);
  });

  test('sessions live in the database: a session survives a restart of the server and its store', async () => {
    const dir = fx.dir;
    let store: MarsadStore = await openStore(join(dir, 'restart.db'));
    await createUser(store.accounts, { name: 'rana', password: 'rana password', role: 'reader' });
    let app = await buildApp({ store, adminToken: null, accounts: { store: store.accounts } });
    const url = await listenLoopback(app);
    const c = new Client(url);
    assert.equal((await c.login('rana', 'rana password')).status, 303);
    const before = await c.token('/settings');
    await app.close();
    await store.close();
    store = await openStore(join(dir, 'restart.db'));
    app = await buildApp({ store, adminToken: null, accounts: { store: store.accounts } });
    const restarted = await listenLoopback(app);
    try {
      const again = new Client(restarted);
      for (const [k, v] of c.cookies) again.cookies.set(k, v);
      const me = await again.get('/me');
      assert.equal(me.status, 200);
      assert.match(me.body, /<bdi>rana<\/bdi>/);
      // The CSRF key is kept in the database too (no admin token here): a form from before the restart still posts.
      assert.equal(await again.token('/settings'), before);
      assert.equal((await again.post('/settings/keys', { name: 'after restart', _csrf: before })).status, 200);
    } finally {
      await app.close();
      await store.close();
    }
  });
});

describe('CSRF on the accounts forms', () => {
  test('a follow posted from another origin, without the token or with a wrong one is refused and changes nothing', async () => {
    const c = new Client(base);
    await c.login('huda', 'correct horse 1');
    const t = await c.token('/me');
    const fields = { kind: 'outlet', target: 'الرياض', action: 'follow' };
    const foreign = await c.post('/me/follow', { ...fields, _csrf: t }, { origin: 'http://127.0.0.1:1' });
    assert.equal(foreign.status, 403);
    assert.match(foreign.body, /csrf\.origin/);
    assert.equal((await c.post('/me/follow', fields)).status, 403);
    assert.equal((await c.post('/me/follow', { ...fields, _csrf: t.slice(0, -2) + 'xx' })).status, 403);
    assert.equal((await c.post('/logout', {}, { origin: null })).status, 403, 'no Origin: refused');
    const u = (await fx.store.accounts.findUserByName('huda'))!;
    assert.deepEqual(await fx.store.accounts.listFollows(u.id), []);
    assert.equal((await c.post('/me/follow', { ...fields, _csrf: t })).status, 303);
    assert.deepEqual((await fx.store.accounts.listFollows(u.id)).map((f) => f.target), ['الرياض']);
    await fx.store.accounts.setFollowsAll(u.id, true);
  });

  test('the login form checks the Origin even without a session', async () => {
    const r = await new Client(base).post('/login', { name: 'huda', password: 'correct horse 1' }, { origin: 'http://evil.example' });
    assert.equal(r.status, 403);
  });
});

describe('login limits (store-backed: per account and per address)', () => {
  test('after the account limit even the right password is refused, the same for an unknown name; a success clears the account', async () => {
    await createUser(fx.store.accounts, { name: 'target', password: 'target password', role: 'reader' });
    const c = new Client(base);
    for (let i = 0; i < limits.perAccount; i++) assert.equal((await c.post('/login', { name: 'target', password: `guess ${i}` })).status, 401);
    const locked = await c.post('/login', { name: 'target', password: 'target password' });
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers['retry-after']) > 0);
    for (let i = 0; i < limits.perAccount; i++) await c.post('/login', { name: 'ghost', password: `guess ${i}` });
    const ghost = await c.post('/login', { name: 'ghost', password: 'x' });
    assert.equal(ghost.status, 429, 'an unknown name is limited the same way');
    assert.equal(ghost.body, locked.body);
    // A new window (the counters' start moved back) lets the owner in, and clears the account's count.
    const key = 'u:target';
    const counts = await fx.store.accounts.loginFailures([key], new Date(Date.now() - limits.windowMs).toISOString());
    assert.equal(counts.get(key), limits.perAccount);
    await fx.store.accounts.clearLoginFailures([key]);
    assert.equal((await c.login('target', 'target password')).status, 303);
  });

  test('one address guessing at many names is stopped at the address limit', async () => {
    const c = new Client(base);
    // Not trusted as a proxy here, so every request is from 127.0.0.1: count what is left of its budget.
    const used = (await fx.store.accounts.loginFailures(['a:127.0.0.1'], new Date(Date.now() - limits.windowMs).toISOString())).get('a:127.0.0.1')!;
    let status = 0;
    let tries = 0;
    while (tries < 20) {
      status = (await c.post('/login', { name: `name-${tries}`, password: 'guess' })).status;
      tries++;
      if (status === 429) break;
    }
    assert.equal(status, 429);
    assert.equal(used + tries - 1, limits.perAddress);
    assert.equal((await c.login('admin1', 'admin password 1')).status, 429, 'the address is limited whatever the account');
    await fx.store.accounts.clearLoginFailures(['a:127.0.0.1']);
  });
});

describe('API keys, the admin token and the private instance', () => {
  test('a key is shown once, works as Bearer on /api/v1, and stops working when revoked; the admin token still works', async () => {
    const c = new Client(base);
    await c.login('huda', 'correct horse 1');
    const made = await c.post('/settings/keys', { name: 'reeder', _csrf: await c.token('/settings') });
    const key = /(mk_[A-Za-z0-9_-]+)/.exec(made.body)![1]!;
    const settings = await c.get('/settings');
    assert.ok(!settings.body.includes(key), 'not shown again');
    const api = new Client(base);
    const me = await api.get('/api/v1/me', { authorization: `Bearer ${key}` });
    assert.equal(me.status, 200);
    assert.equal((JSON.parse(me.body) as { user: { name: string } }).user.name, 'huda');
    assert.equal((await api.get('/api/v1/me', { authorization: 'Bearer mk_not-a-real-key-0000000000000' })).status, 401);
    assert.equal((await api.get('/api/v1/users', { authorization: `Bearer ${key}` })).status, 401, 'a reader key is no admin');
    assert.equal((await api.get('/api/v1/users', { authorization: `Bearer ${ADMIN_TOKEN}` })).status, 200);
    const id = /<td dir="ltr">([0-9a-f]{8})<\/td>/.exec(settings.body)![1]!;
    assert.equal((await c.post(`/settings/keys/${id}/revoke`, { _csrf: await c.token('/settings') })).status, 303);
    assert.equal((await api.get('/api/v1/me', { authorization: `Bearer ${key}` })).status, 401);
  });

  test('private: anonymous pages redirect to login and the API answers 401; a session or a key reads; public again after', async () => {
    const admin = new Client(base);
    await admin.login('admin1', 'admin password 1');
    assert.equal((await admin.post('/admin/users/privacy', { private: '1', _csrf: await admin.token('/admin/users') })).status, 303);
    const anon = new Client(base);
    for (const p of ['/', `/search?q=${encodeURIComponent('ايران')}`, '/outlets', '/feed.atom']) {
      const r = await anon.get(p);
      assert.equal(r.status, 303, p);
      assert.equal(r.location, `/login?next=${encodeURIComponent(p)}`);
    }
    assert.equal((await anon.get('/login')).status, 200);
    assert.equal((await anon.get('/static/style.css')).status, 200);
    assert.equal((await anon.get('/api/v1/articles')).status, 401);
    const reader = new Client(base);
    await reader.login('huda', 'correct horse 1');
    assert.equal((await reader.get('/')).status, 200);
    const key = /(mk_[A-Za-z0-9_-]+)/.exec((await reader.post('/settings/keys', { name: 'x', _csrf: await reader.token('/settings') })).body)![1]!;
    assert.equal((await anon.get('/api/v1/articles', { authorization: `Bearer ${key}` })).status, 200);
    assert.equal((await anon.get('/api/v1/articles', { authorization: `Bearer ${ADMIN_TOKEN}` })).status, 200);
    assert.equal((await admin.post('/admin/users/privacy', { private: '0', _csrf: await admin.token('/admin/users') })).status, 303);
    assert.equal((await anon.get('/')).status, 200);
  });

  test('the admin token makes the first admin; users are managed on /admin/users', async () => {
    const c = new Client(base);
    c.cookies.set('marsad_admin', ADMIN_TOKEN);
    const t = await c.token('/admin/users');
    assert.equal((await c.post('/admin/users', { name: 'first-admin', password: 'first admin pw', role: 'admin', _csrf: t })).status, 303);
    assert.equal((await c.post('/admin/users', { name: 'x', password: 'short', role: 'reader', _csrf: t })).status, 400);
    const p = new Client(base);
    await p.login('first-admin', 'first admin pw');
    assert.equal((await p.get('/admin')).status, 200, 'an admin person reaches the admin page');
    assert.match((await p.get('/admin/users')).body, /first-admin/);
    const reader = new Client(base);
    await reader.login('huda', 'correct horse 1');
    assert.equal((await reader.get('/admin/users')).status, 401);
    assert.equal((await p.post('/admin/users/first-admin/role', { role: 'reader', _csrf: await p.token('/admin/users') })).status, 303);
    assert.equal((await p.get('/admin/users')).status, 401, 'demoted');
  });
});
