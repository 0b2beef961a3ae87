/**
 * Alerts end to end on a real SQLite file with a real saudinewsnet day (test/testdata):
 * - the percolator finds exactly the articles the full-text index finds for each query;
 * - one notification per story: the 8-outlet wire story fires once, a later copy joins its
 *   entry without firing again;
 * - signed webhooks (checked by a receiver on 127.0.0.1 with node:crypto), retries with
 *   backoff, pausing after 10 failures in a row with the reason, a slow receiver timing out,
 *   the address guard refusing loopback unless allowed;
 * - a restart (store closed and reopened, the day imported again) delivers nothing twice;
 * - the polling path (a feed on 127.0.0.1 polled into the pipeline) matches too.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type MarsadStore } from '../src/store/index.ts';
import { importInputs } from '../src/pipeline/import.ts';
import { ingest } from '../src/pipeline/index.ts';
import { pollSource } from '../src/jobs/poll.ts';
import { AddressGuard, strictGuard } from '../src/ingest/fetch/guard.ts';
import { AlertInputError, makeAlert } from '../src/alerts/model.ts';
import { AlertDeliverer } from '../src/alerts/deliver.ts';
import type { Alert } from '../src/alerts/types.ts';
import { parseQuery } from '../src/search/query.ts';
import { defaultAnalyzer } from '../src/search/analyzer.ts';
import { ftsExpression } from '../src/store/sqlite/search.ts';
import type { MarsadSqliteStore } from '../src/store/sqlite/marsad.ts';
import { startReceiver, type Receiver } from './alerts-receiver.ts';

const DAY = fileURLToPath(new URL('./testdata/saudinewsnet/2015-07-22.zip', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'marsad-alerts-'));
const DB = join(dir, 'a.db');
const local = new AddressGuard({ allow: ['127.0.0.1'] });
let store: MarsadStore;
let rx: Receiver;

/** Queries drawn from the day's titles and entities: words, phrases, OR, exclusion. */
const QUERIES = [
  '"ديوان المظالم"', 'قاضيا', 'اليمن', '"مركز الملك سلمان"', 'حضرموت', 'الإمارات اليمن', 'عدن OR حضرموت', 'اليمن -عدن',
  '"وزير الدفاع"', 'الزعتري', '"خادم الحرمين الشريفين"', 'المناصحة', 'الأرصاد', 'الطائف', '"ولي العهد"', 'مصر -السيسي',
  'سوريا OR العراق', '"الهلال الأحمر"', 'النصر الهلال', 'كورونا', '3.5', 'داعش', '"أمير منطقة الرياض"', 'الحوثي OR الحوثيين',
];

const add = (a: Alert) => store.alerts.createAlert(a);
let wire: Alert;
const feedAlerts: Alert[] = [];

before(async () => {
  rx = await startReceiver('whsec_' + Buffer.alloc(32, 7).toString('base64'));
  store = await openStore(DB);
  wire = await add(makeAlert({ name: 'ديوان المظالم', query: '"ديوان المظالم" قاضيا', webhookUrl: rx.url, secret: rx.secret }, local));
  for (const q of QUERIES) feedAlerts.push(await add(makeAlert({ name: q, query: q }, local)));
  const c = await importInputs(store, [DAY], { batchSize: 500, ingest: (b) => ingest(store, b) });
  assert.ok(c.added > 1900, JSON.stringify(c));
});
after(async () => {
  await store?.close();
  await rx?.close();
  rmSync(dir, { recursive: true, force: true });
});

const db = () => (store as unknown as MarsadSqliteStore).db;
const matchedIds = (alertId: string) => new Set((db().prepare('SELECT article_id FROM alert_match_articles WHERE alert_id = ?').pluck().all(alertId) as string[]));

describe('matching on import', () => {
  test('each alert matches exactly the articles the full-text index finds for its query', () => {
    let nonEmpty = 0;
    for (const a of feedAlerts) {
      const expr = ftsExpression(parseQuery(a.query, defaultAnalyzer));
      const fts = new Set(db().prepare('SELECT a.id FROM article_fts f JOIN articles a ON a.seq = f.rowid WHERE article_fts MATCH ?').pluck().all(expr) as string[]);
      assert.deepEqual(matchedIds(a.id), fts, `query ${a.query}`);
      if (fts.size > 0) nonEmpty++;
    }
    assert.ok(nonEmpty >= 18, `${nonEmpty} queries with matches`);
  });

  test('one outbox entry per story: the wire story carried by 8 outlets is one entry with its copies', async () => {
    const ids = matchedIds(wire.id);
    const stories = new Set((db().prepare(`SELECT story_id FROM articles WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify([...ids])) as string[]));
    const entries = await store.alerts.listEntries(wire.id, 100);
    assert.equal(entries.length, stories.size);
    const big = entries.find((e) => e.articles.length >= 6)!;
    assert.ok(big, entries.map((e) => e.articles.length).join(','));
    assert.ok(new Set(big.articles.map((a) => a.outlet)).size >= 6, 'copies from several outlets');
    assert.ok(big.articles.every((a) => a.storyId === big.storyId && a.snippet.length > 0));
    assert.ok(entries.every((e) => e.state === 'pending'));
    // Feed-only alerts have entries that never wait for a webhook.
    assert.ok((await store.alerts.listEntries(feedAlerts[0]!.id, 5)).every((e) => e.state === 'feed'));
  });
});

describe('delivery', () => {
  test('signed webhooks, one per story, with the story copies in the body', async () => {
    const d = new AlertDeliverer(store.alerts, { guard: local });
    const r = await d.drain(20_000);
    await d.stop();
    const entries = await store.alerts.listEntries(wire.id, 100);
    assert.equal(r.sent, entries.length);
    assert.equal(r.pending, 0);
    assert.equal(rx.received.length, entries.length);
    assert.ok(rx.received.every((m) => m.valid), 'every signature verifies');
    assert.equal(new Set(rx.received.map((m) => m.id)).size, rx.received.length, 'one message per story');
    const big = rx.received.find((m) => m.json.articles.length >= 6)!;
    assert.equal(big.json.type, 'alert.matched');
    assert.deepEqual(big.json.alert, { id: wire.id, name: wire.name, query: wire.query });
    assert.deepEqual(Object.keys(big.json.articles[0]!).sort(), ['id', 'outlet', 'publishedAt', 'snippet', 'storyId', 'title', 'url']);
    assert.ok(Math.abs(Number(big.timestamp) - Date.now() / 1000) < 120);
    assert.ok((await store.alerts.listEntries(wire.id, 100)).every((e) => e.state === 'delivered'));
  });

  test('a later copy of a delivered story joins its entry and does not fire again', async () => {
    const entry = (await store.alerts.listEntries(wire.id, 100)).find((e) => e.articles.length >= 6)!;
    const src = (await store.getArticle(entry.articles[0]!.id))!;
    const before = rx.received.length;
    const copy = { ...src, id: 'c0ffee0000000001', url: 'https://late-outlet.example/copy-1', outlet: 'منفذ متأخر', entities: undefined, keywords: undefined, storyId: undefined, duplicateOf: undefined };
    const [res] = await ingest(store, [copy]);
    assert.equal(res!.status, 'added');
    // Same story as the copies (which may now carry the late copy's name: a story is named after its
    // earliest article, ties by id), and the alert's entry for it — still under its first name — grows.
    assert.equal((await store.getArticle(res!.id))!.storyId, (await store.getArticle(src.id))!.storyId, 'grouped into the same story');
    const after = (await store.alerts.listEntries(wire.id, 100)).find((e) => e.storyId === entry.storyId)!;
    assert.ok(after.articles.some((a) => a.id === res!.id), 'the late copy is in the entry');
    assert.equal(after.articles.length, entry.articles.length + 1);
    assert.equal(after.state, 'delivered');
    const d = new AlertDeliverer(store.alerts, { guard: local });
    assert.deepEqual(await d.drain(2000), { sent: 0, failed: 0, pending: 0 });
    await d.stop();
    assert.equal(rx.received.length, before);
  });

  test('restart: reopened store, the day imported again, nothing is delivered twice', async () => {
    const before = rx.received.length;
    await store.close();
    store = await openStore(DB);
    const c = await importInputs(store, [DAY], { batchSize: 500, ingest: (b) => ingest(store, b) });
    assert.equal(c.added, 0);
    const d = new AlertDeliverer(store.alerts, { guard: local });
    assert.deepEqual(await d.drain(2000), { sent: 0, failed: 0, pending: 0 });
    await d.stop();
    assert.equal(rx.received.length, before);
  });
});

describe('retries, pausing, timeouts and the address guard', () => {
  const day = (title: string, text: string, n: number) => ({
    id: `feed${String(n).padStart(12, '0')}`, url: `https://retry.example/${n}`, title, text, publishedAt: '2015-07-23T10:00:00.000Z', outlet: 'اختبار', via: null, author: null, lang: 'ar', tags: [], readAlso: [], relatedTo: null,
  });

  test('a failing receiver is retried with backoff, then paused after 10 failures in a row; resuming delivers once', async () => {
    const failing = await add(makeAlert({ name: 'فشل', query: 'زرافةعملاقة', webhookUrl: rx.url, secret: rx.secret }, local));
    await ingest(store, [
      day('زرافةعملاقة تولد في حديقة الحيوان بالرياض', 'أعلنت إدارة حديقة الحيوان في الرياض ولادة زرافةعملاقة جديدة بصحة جيدة، وقال المدير إن الزوار يستطيعون رؤيتها الأسبوع المقبل بعد الفحوص البيطرية اللازمة', 1),
      day('ارتفاع أسعار النفط في الأسواق الآسيوية', 'صعدت أسعار خام برنت في تعاملات الصباح بعد بيانات المخزونات الأمريكية، وأشار محللون إلى أن الطلب الصيني ما زال ضعيفا، وفي خبر منفصل زرافةعملاقة', 2),
    ]);
    const entries = await store.alerts.listEntries(failing.id, 10);
    assert.equal(entries.length, 2, 'two stories');
    const start = rx.received.length;
    rx.behave = () => ({ status: 503 });
    // Delays well above the deliverer's polling step (~250 ms), so their growth shows in the log.
    const d = new AlertDeliverer(store.alerts, { guard: local, backoff: { baseMs: 300, maxMs: 1200 } });
    const r = await d.drain(15_000);
    assert.equal(r.failed, 10);
    const a = (await store.alerts.getAlert(failing.id))!;
    assert.ok(a.pausedAt, 'paused');
    assert.match(a.pausedReason ?? '', /paused after 10 consecutive failed deliveries; last: webhook\.http_503/);
    assert.equal(r.pending, 0, 'a paused alert has nothing pending');
    const got = rx.received.slice(start);
    assert.equal(got.length, 10);
    assert.ok(got.every((m) => m.valid));
    // Backoff: the attempts of one entry are spaced by growing delays.
    const log = (await store.alerts.listAttempts(failing.id, 50)).reverse();
    assert.equal(log.length, 10);
    assert.ok(log.every((x) => !x.ok && x.status === 503));
    const one = log.filter((x) => x.storyId === log[0]!.storyId).map((x) => Date.parse(x.at));
    const gaps = one.slice(1).map((t, i) => t - one[i]!);
    // 300, 600, 1200, 1200 ms scheduled (plus polling): the last gap at least twice the first.
    assert.ok(gaps.length >= 3 && gaps[0]! >= 300 && gaps.at(-1)! >= 2 * gaps[0]! - 300, `gaps ${gaps.join(',')}`);
    // Resumed with a healthy receiver: each entry is delivered once.
    rx.behave = () => ({ status: 200 });
    assert.ok(await store.alerts.resumeAlert(failing.id));
    await new Promise((r) => setTimeout(r, 100));
    const r2 = await d.drain(60_000);
    await d.stop();
    assert.equal(r2.sent, 2);
    const ok = rx.received.slice(start + 10).filter((m) => m.status === 200);
    assert.equal(ok.length, 2);
    assert.equal(new Set(ok.map((m) => m.id)).size, 2);
    assert.equal((await store.alerts.getAlert(failing.id))!.consecutiveFailures, 0);
  });

  test('a slow receiver times out and is retried with the same webhook-id', async () => {
    const slow = await add(makeAlert({ name: 'بطيء', query: 'سلحفاةبطيئة', webhookUrl: rx.url, secret: rx.secret }, local));
    await ingest(store, [day('سلحفاةبطيئة', 'خبر عن سلحفاةبطيئة تعبر الطريق', 3)]);
    const start = rx.received.length;
    let first = true;
    rx.behave = (_n, m) => {
      const slowOne = first && m.json.alert.id === slow.id;
      first = false;
      return slowOne ? { status: 200, delayMs: 1500 } : { status: 200 };
    };
    const d = new AlertDeliverer(store.alerts, { guard: local, timeoutMs: 300, backoff: { baseMs: 10, maxMs: 50 } });
    const r = await d.drain(20_000);
    await d.stop();
    assert.equal(r.failed, 1);
    assert.equal(r.sent, 1);
    const log = (await store.alerts.listAttempts(slow.id, 10)).reverse();
    assert.match(log[0]!.error ?? '', /webhook\.timeout/);
    await new Promise((r) => setTimeout(r, 1500));
    const ids = rx.received.slice(start).map((m) => m.id);
    assert.equal(new Set(ids).size, 1, 'a redelivery carries the same webhook-id, so the receiver can drop it');
    rx.behave = () => ({ status: 200 });
  });

  test('the address guard: loopback webhooks are refused when not allowed, at creation and at delivery', async () => {
    assert.throws(() => makeAlert({ name: 'x', query: 'طهران', webhookUrl: rx.url }, strictGuard), (e: unknown) => e instanceof AlertInputError && e.field === 'webhook' && /fetch\.private_address/.test(e.message));
    assert.throws(() => makeAlert({ name: 'x', query: 'طهران', webhookUrl: 'ftp://example.com/' }, strictGuard), /webhook: fetch\.bad_url/);
    const a = await add(makeAlert({ name: 'محمي', query: 'نمرمخطط', webhookUrl: rx.url, secret: rx.secret }, local));
    await ingest(store, [day('نمرمخطط', 'خبر عن نمرمخطط', 4)]);
    const start = rx.received.length;
    const d = new AlertDeliverer(store.alerts, { guard: strictGuard, backoff: { baseMs: 60_000, maxMs: 60_000 } });
    const r = await d.drain(500);
    await d.stop();
    assert.equal(r.failed, 1);
    assert.equal(rx.received.length, start, 'nothing reached the receiver');
    assert.match((await store.alerts.listAttempts(a.id, 1))[0]!.error ?? '', /fetch\.private_address/);
  });

  test('bad input names its field', () => {
    assert.throws(() => makeAlert({ name: '', query: 'x' }, local), /name: is required/);
    assert.throws(() => makeAlert({ name: 'n', query: 'في من على' }, local), /query: .*common words/);
    assert.throws(() => makeAlert({ name: 'n', query: 'طهران', webhookUrl: rx.url, secret: 'abc' }, local), /secret: must be whsec_/);
    assert.match(makeAlert({ name: 'n', query: 'طهران', webhookUrl: rx.url }, local).secret!, /^whsec_[A-Za-z0-9+/]{32}$/);
  });
});

describe('polling path', () => {
  let server: Server;
  before(async () => {
    const rss = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>منفذ محلي</title><link>http://127.0.0.1/</link>
<item><title>فيلطائر يحلق فوق الرياض</title><link>https://poll.example/1</link><description>شوهد فيلطائر يحلق فوق الرياض صباح اليوم</description><pubDate>Thu, 23 Jul 2015 09:00:00 GMT</pubDate></item>
<item><title>خبر آخر لا علاقة له</title><link>https://poll.example/2</link><description>نص عادي عن الطقس</description><pubDate>Thu, 23 Jul 2015 09:30:00 GMT</pubDate></item>
</channel></rss>`;
    server = createServer((req, res) => (req.url === '/feed.xml' ? res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss) : res.writeHead(404).end()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  test('articles stored by a poll are matched', async () => {
    const a = await add(makeAlert({ name: 'فيل', query: 'فيلطائر' }, local));
    const port = (server.address() as { port: number }).port;
    const src = await store.addSource({ url: `http://127.0.0.1:${port}/feed.xml` });
    const out = await pollSource({ states: store, ingest: (x) => ingest(store, x), fetch: { guard: local } }, src.id);
    assert.equal(out?.status, 'ok', out?.error ?? '');
    const entries = await store.alerts.listEntries(a.id, 10);
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.articles[0]!.url, 'https://poll.example/1');
  });
});
