/**
 * The address guard end to end (issue 13, defect 1): a subscription to 127.0.0.1 is
 * refused by `marsad sources add` unless the config allows it; a source already stored
 * with an internal URL (or a public-looking name that resolves to 127.0.0.1) is polled
 * into an error, never a request, and its error is what the admin sees. Real CLI, real
 * SQLite store, real HTTP server on loopback counting what reaches it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type MarsadStore } from '../src/store/index.ts';
import { pollSource } from '../src/jobs/poll.ts';
import { ingest } from '../src/pipeline/index.ts';
import { AddressGuard } from '../src/ingest/fetch/guard.ts';
import { loadConfig } from '../src/config.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const FEED = readFileSync(new URL('../src/ingest/feeds/testdata/atom.xml', import.meta.url));
let server: Server;
let port = 0;
let dir = '';
let store: MarsadStore;
const hits: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.headers.host} ${req.url}`);
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(FEED);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  dir = mkdtempSync(join(tmpdir(), 'marsad-guard-'));
  store = await openStore(join(dir, 'm.db'));
});
after(async () => {
  await store?.close();
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function marsad(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/marsad.js', ...args], { cwd: ROOT, timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '', MARSAD_ALLOW_PRIVATE_HOSTS: '', MARSAD_ALLOW_HOSTS: '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

test('marsad sources add refuses an internal address unless the config allows it', async () => {
  const db = join(dir, 'cli.db');
  // Every spelling is in src/ingest/fetch/guard.test.ts; each spawn costs seconds, so two here.
  for (const url of [`http://2130706433:${port}/feed.xml`, 'http://localhost/feed']) {
    const r = await marsad(['sources', 'add', url, '--db', db]);
    assert.notEqual(r.code, 0, url);
    assert.match(r.stderr, /fetch\.private_address/, url);
  }
  const allowed = await marsad(['sources', 'add', `http://127.0.0.1:${port}/feed.xml`, '--db', db], { MARSAD_ALLOW_HOSTS: '127.0.0.1' });
  assert.equal(allowed.code, 0, allowed.stderr);
  assert.throws(() => loadConfig({}, { MARSAD_ALLOW_HOSTS: '127.0.0.1,10.0.0.0/33' }), /MARSAD_ALLOW_HOSTS: not a CIDR: 10\.0\.0\.0\/33/);
  assert.deepEqual(loadConfig({}, { MARSAD_ALLOW_PRIVATE_HOSTS: '1', MARSAD_ALLOW_HOSTS: '127.0.0.1, feeds.lan' }).fetchGuard, { allowPrivate: true, allow: ['127.0.0.1', 'feeds.lan'] });
});

test('a stored internal source is polled into an error without a request; with the setting it is fetched', async () => {
  const deps = (guard?: AddressGuard) => ({ states: store, ingest: (a: Parameters<typeof ingest>[1]) => ingest(store, a), fetch: { timeoutMs: 5000, ...(guard ? { guard } : {}) } });
  const src = await store.addSource({ url: `http://127.0.0.1:${port}/feed.xml`, title: null });
  const before = hits.length;
  const refused = await pollSource(deps(), src.id);
  assert.equal(refused!.status, 'error');
  assert.match(refused!.error!, /^fetch\.private_address: refused http:\/\/127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/);
  assert.equal(hits.length, before, 'the poller sent nothing');
  assert.equal(await store.countArticles(), 0);

  const ok = await pollSource(deps(new AddressGuard({ allow: ['127.0.0.1'] })), src.id);
  assert.equal(ok!.status, 'ok');
  assert.ok((await store.countArticles()) >= 3);
});

test('a public-looking name that resolves to 127.0.0.1 is refused at connect, by the poller', async () => {
  const lookup = async () => [{ address: '127.0.0.1', family: 4 }];
  const src = await store.addSource({ url: `http://news.marsad.test:${port}/feed.xml`, title: null });
  const before = hits.length;
  const r = await pollSource({ states: store, ingest: (a) => ingest(store, a), fetch: { timeoutMs: 5000, guard: new AddressGuard({ lookup }) } }, src.id);
  assert.equal(r!.status, 'error');
  assert.match(r!.error!, /fetch\.private_address: .*news\.marsad\.test.*127\.0\.0\.1 \(loopback address\)/);
  assert.equal(hits.length, before);
  const row = (await store.listSources()).find((s) => s.id === src.id)!;
  assert.match(row.lastError ?? '', /private_address/, 'the admin page shows why');
});
