/**
 * Sources and poll state in the SQLite store (SourceAdmin, SourceStateStore): one row per
 * canonical feed URL, bad URLs refused, OPML-sized imports counted, due sources read in
 * next-poll order, poll outcomes recorded, state kept across reopening the file.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-sources-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const OPML = new URL('../data/sources.opml', import.meta.url);

test('sources: add, dedupe, import an OPML list, poll state, remove', async () => {
  const path = join(dir, 'sources.db');
  let store = await openStore(path);
  const a = await store.addSource({ url: 'https://Example.test/feed.xml?utm_source=x', title: 'مثال' });
  assert.equal(a.url, 'https://example.test/feed.xml');
  assert.equal(a.status, null);
  assert.equal(a.errorCount, 0);
  const again = await store.addSource({ url: 'https://example.test/feed.xml' });
  assert.equal(again.id, a.id);
  assert.equal(again.title, 'مثال');
  await assert.rejects(store.addSource({ url: 'javascript:alert(1)' }), /not an http\(s\) feed URL/);
  await assert.rejects(store.addSource({ url: 'ftp://example.test/x' }), (e: Error & { statusCode?: number }) => e.statusCode === 400);

  const parsed = await parseDocument({ name: 'sources.opml', bytes: readFileSync(OPML) }, { format: 'opml' });
  assert.ok(parsed.sources.length >= 5);
  const list = parsed.sources.map((s) => ({ url: s.url, title: s.title }));
  const first = await store.importSources([...list, { url: 'not a url', title: null }]);
  assert.deepEqual(first, { added: list.length, existing: 0 });
  assert.deepEqual(await store.importSources(list), { added: 0, existing: list.length });
  assert.equal((await store.listSources()).length, list.length + 1);

  // Everything new is due at once; an outcome moves it to its next poll.
  const now = new Date(Date.now() + 1000).toISOString();
  const due = await store.dueSources(now, 1000);
  assert.equal(due.length, list.length + 1);
  assert.equal((await store.dueSources(now, 3)).length, 3);
  const later = new Date(Date.now() + 3_600_000).toISOString();
  await store.recordPoll(a.id, { lastFetch: now, status: 'error', error: 'fetch.status: 503', etag: null, lastModified: null, errorCount: 1, nextPoll: later, title: 'ignored: title known' });
  const b = due.find((s) => s.id !== a.id)!;
  await store.recordPoll(b.id, { lastFetch: now, status: 'ok', error: null, etag: '"v1"', lastModified: 'Sun, 29 Nov 2026 10:00:00 GMT', errorCount: 0, nextPoll: later, title: 'عنوان الموجز' });
  assert.ok(!(await store.dueSources(now, 1000)).some((s) => s.id === a.id || s.id === b.id));
  await store.close();

  store = await openStore(path, { mustExist: true });
  const st = (await store.getPollState(b.id))!;
  assert.deepEqual([st.etag, st.lastModified, st.errorCount], ['"v1"', 'Sun, 29 Nov 2026 10:00:00 GMT', 0]);
  assert.equal(st.title ?? null, b.title ?? 'عنوان الموجز');
  const info = (await store.listSources()).find((s) => s.id === a.id)!;
  assert.deepEqual([info.status, info.lastError, info.errorCount, info.nextPoll, info.title], ['error', 'fetch.status: 503', 1, later, 'مثال']);
  assert.equal(await store.removeSource(a.id), true);
  assert.equal(await store.removeSource(a.id), false);
  assert.equal(await store.getPollState(a.id), null);
  await store.close();
});
