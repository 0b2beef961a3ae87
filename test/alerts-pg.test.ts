/**
 * Alerts on PostgreSQL (scratch schemas), on real articles of the saudinewsnet day:
 * - the percolator finds exactly what the tsvector index finds for each query;
 * - two workers (two stores, two pools) ingesting the copies of one wire story at the same
 *   moment make ONE outbox entry (matches are written in the grouping transaction);
 * - two deliverers draining at once (SKIP LOCKED leases) send each entry once, signed;
 * - a restart (stores reopened, the articles ingested again) delivers nothing twice;
 * - a failing receiver pauses the webhook after 10 failures with the reason.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { dayArticles } from './day.ts';
import type { Article } from '../src/model/article.ts';
import { ingest } from '../src/pipeline/index.ts';
import { openMarsadPgStore, type MarsadPgStore } from '../src/store/postgres/marsad.ts';
import { tsQuery } from '../src/store/postgres/tsv.ts';
import { parseQuery } from '../src/search/query.ts';
import { defaultAnalyzer } from '../src/search/analyzer.ts';
import { AddressGuard } from '../src/ingest/fetch/guard.ts';
import { makeAlert } from '../src/alerts/model.ts';
import { AlertDeliverer } from '../src/alerts/deliver.ts';
import type { Alert } from '../src/alerts/types.ts';
import { dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';
import { startReceiver, type Receiver } from './alerts-receiver.ts';

const schema = scratchName();
const local = new AddressGuard({ allow: ['127.0.0.1'] });
const QUERIES = ['"ديوان المظالم"', 'اليمن', 'عدن OR حضرموت', 'اليمن -عدن', '"مركز الملك سلمان"', 'الإمارات اليمن', '"خادم الحرمين الشريفين"', 'داعش'];
let rx: Receiver;
let a: MarsadPgStore;
let b: MarsadPgStore;
let wire: Alert;
const feed: Alert[] = [];
let copies: Article[] = [];
let others: Article[] = [];

before(async () => {
  if (skipPg) return;
  rx = await startReceiver('whsec_' + Buffer.alloc(32, 9).toString('base64'));
  const uniq = await dayArticles();
  copies = uniq.filter((x) => x.text.includes('ديوان المظالم') && x.title.includes('قاض'));
  others = uniq.filter((x) => !copies.includes(x)).slice(0, 250);
  a = await openMarsadPgStore(urlFor(schema));
  b = await openMarsadPgStore(urlFor(schema));
  wire = await a.alerts.createAlert(makeAlert({ name: 'ديوان', query: '"ديوان المظالم"', webhookUrl: rx.url, secret: rx.secret }, local));
  for (const q of QUERIES) feed.push(await a.alerts.createAlert(makeAlert({ name: q, query: q }, local)));
});
after(async () => {
  await a?.close();
  await b?.close();
  await rx?.close();
  await dropSchemas([schema]);
});

test('two workers ingesting the wire copies at once: one outbox entry for the story', { skip: skipPg }, async () => {
  assert.ok(copies.length >= 6, `${copies.length} copies`);
  const half = Math.ceil(copies.length / 2);
  await Promise.all([ingest(a, [...copies.slice(0, half), ...others.slice(0, 125)]), ingest(b, [...copies.slice(half), ...others.slice(125)])]);
  const stories = new Set((await a.pool.query<{ story_id: string }>('SELECT story_id FROM articles WHERE id = ANY($1)', [copies.map((c) => c.id)])).rows.map((r) => r.story_id));
  assert.equal(stories.size, 1, 'the copies are one story');
  // The entry keeps the id the story had when first matched (a story is renamed when an earlier copy
  // arrives): what counts is that one entry holds every copy.
  const entries = await a.alerts.listEntries(wire.id, 50);
  const ids = new Set(copies.map((c) => c.id));
  const big = entries.filter((e) => e.articles.some((x) => ids.has(x.id)));
  assert.equal(big.length, 1);
  assert.equal(big[0]!.articles.length, copies.length);
});

test('the percolator equals the tsvector index for each query', { skip: skipPg }, async () => {
  for (const f of feed) {
    const q = tsQuery(parseQuery(f.query, defaultAnalyzer))!;
    const want = new Set((await a.pool.query<{ id: string }>('SELECT id FROM articles WHERE tsv @@ $1::tsquery', [q])).rows.map((r) => r.id));
    const got = new Set((await a.pool.query<{ article_id: string }>('SELECT article_id FROM alert_match_articles WHERE alert_id = $1', [f.id])).rows.map((r) => r.article_id));
    assert.deepEqual(got, want, f.query);
  }
});

test('two deliverers at once send each entry once; a restart sends nothing again', { skip: skipPg }, async () => {
  const entries = await a.alerts.listEntries(wire.id, 50);
  const d1 = new AlertDeliverer(a.alerts, { guard: local, batch: 1 });
  const d2 = new AlertDeliverer(b.alerts, { guard: local, batch: 1 });
  const [r1, r2] = await Promise.all([d1.drain(20_000), d2.drain(20_000)]);
  await Promise.all([d1.stop(), d2.stop()]);
  assert.equal(r1.sent + r2.sent, entries.length);
  assert.equal(rx.received.length, entries.length);
  assert.equal(new Set(rx.received.map((m) => m.id)).size, entries.length);
  assert.ok(rx.received.every((m) => m.valid));
  await a.close();
  await b.close();
  a = await openMarsadPgStore(urlFor(schema));
  b = await openMarsadPgStore(urlFor(schema));
  await ingest(a, [...copies, ...others]);
  const d = new AlertDeliverer(a.alerts, { guard: local });
  assert.deepEqual(await d.drain(2000), { sent: 0, failed: 0, pending: 0 });
  await d.stop();
  assert.equal(rx.received.length, entries.length);
});

test('a failing receiver: retried with backoff, paused after 10 failures, with the reason', { skip: skipPg }, async () => {
  const failing = await a.alerts.createAlert(makeAlert({ name: 'فشل', query: 'زرافةعملاقة', webhookUrl: rx.url, secret: rx.secret }, local));
  await ingest(a, [{ ...others[0]!, id: 'f00d000000000001', url: 'https://pg-fail.example/1', title: 'زرافةعملاقة في الرياض', text: 'خبر عن زرافةعملاقة في حديقة الحيوان' }]);
  rx.behave = () => ({ status: 500 });
  const d = new AlertDeliverer(a.alerts, { guard: local, backoff: { baseMs: 5, maxMs: 40 } });
  const r = await d.drain(15_000);
  await d.stop();
  assert.equal(r.failed, 10);
  const x = (await a.alerts.getAlert(failing.id))!;
  assert.match(x.pausedReason ?? '', /paused after 10 consecutive failed deliveries; last: webhook\.http_500/);
  assert.equal((await a.alerts.listAttempts(failing.id, 50)).length, 10);
  rx.behave = () => ({ status: 200 });
});
