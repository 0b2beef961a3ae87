/**
 * Polling end to end over real HTTP on loopback: the scheduler enqueues due sources, the
 * poll job fetches with conditional GET, parses, and the pipeline stores and groups the
 * articles; a 304 stores nothing; an unreachable source is recorded with its error and
 * backs off; robots.txt is honoured. Real SQLite store, real feed fixture.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type MarsadStore } from '../src/store/index.ts';
import { pollSource } from '../src/jobs/poll.ts';
import { MemoryQueue } from '../src/jobs/memory.ts';
import { Scheduler } from '../src/jobs/scheduler.ts';
import { POLL_SOURCE } from '../src/jobs/definitions.ts';
import { ingest } from '../src/pipeline/index.ts';
import { AddressGuard } from '../src/ingest/fetch/guard.ts';

const FEED = readFileSync(new URL('../src/ingest/feeds/testdata/atom.xml', import.meta.url));
let server: Server;
let base = '';
let dir = '';
let store: MarsadStore;
const hits: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers['if-none-match'] ?? ''}`);
    if (req.url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
    if (req.url === '/feed.xml') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      return void res.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"v1"' }).end(FEED);
    }
    if (req.url === '/private/feed.xml') return void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(FEED);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  dir = mkdtempSync(join(tmpdir(), 'marsad-poll-'));
  store = await openStore(join(dir, 'm.db'));
});

after(async () => {
  await store?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

// The feed server is on loopback: the address guard lets it through only when told to.
const LOCAL = new AddressGuard({ allow: ['127.0.0.1'] });
const deps = () => ({ states: store, ingest: (a: Parameters<typeof ingest>[1]) => ingest(store, a), fetch: { timeoutMs: 5000, guard: LOCAL } });

test('a due source is polled through the queue, stored and grouped; the next poll is a conditional GET', async () => {
  const src = await store.addSource({ url: `${base}/feed.xml`, title: null });
  const queue = new MemoryQueue();
  const polled: string[] = [];
  await queue.work(POLL_SOURCE, async (p) => {
    await pollSource(deps(), p.sourceId);
    polled.push(p.sourceId);
  });
  const scheduler = new Scheduler(store, queue);
  assert.equal(await scheduler.tick(), 1, 'a new source is due at once');
  for (let i = 0; i < 200 && polled.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  await queue.stop();
  assert.deepEqual(polled, [src.id]);
  const n = await store.countArticles();
  assert.ok(n >= 3, `${n} articles stored from the feed`);
  const stored = await store.listArticles({ limit: 50 });
  assert.ok(stored.every((a) => a.storyId), 'every polled article is grouped into a story');
  const [info] = await store.listSources();
  assert.equal(info!.status, 'ok');
  assert.equal(info!.errorCount, 0);
  assert.ok(info!.nextPoll && info!.nextPoll > new Date().toISOString(), 'the next poll is in the future');
  assert.equal(await scheduler.tick(), 0, 'not due again yet');

  const again = await pollSource(deps(), src.id);
  assert.equal(again!.status, 'not_modified');
  assert.ok(hits.some((h) => h.startsWith('GET /feed.xml "v1"')), 'the second request carried If-None-Match');
  assert.equal(await store.countArticles(), n, 'a 304 stores nothing');
});

test('an unreachable source is recorded with its error and backs off; robots.txt is honoured', async () => {
  const dead = await store.addSource({ url: 'http://127.0.0.1:9/feed.xml', title: 'dead' });
  const first = await pollSource(deps(), dead.id);
  assert.equal(first!.status, 'error');
  assert.match(first!.error!, /fetch\./);
  const second = await pollSource(deps(), dead.id);
  assert.equal(second!.errorCount, 2);
  const list = await store.listSources();
  const row = list.find((s) => s.id === dead.id)!;
  assert.equal(row.errorCount, 2);
  assert.ok(row.lastError);

  const blocked = await store.addSource({ url: `${base}/private/feed.xml`, title: null });
  const r = await pollSource(deps(), blocked.id);
  assert.equal(r!.status, 'error');
  assert.match(r!.error!, /robots/);
  assert.ok(!hits.some((h) => h.startsWith('GET /private/')), 'the disallowed URL was never requested');
});
