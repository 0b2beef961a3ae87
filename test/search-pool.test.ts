/**
 * Search from worker threads (src/store/sqlite/search-pool.ts) answers what the in-process
 * search answers: the SaudiNewsNet test day (test/day.ts) imported through the pipeline into
 * a SQLite file, then queries made from its own headlines (two or three consecutive words,
 * as people search), with and without story collapse, filters, paging, a relaxed query, an
 * excluded word and queries that only make notices — each compared whole (hits, scores,
 * snippets, highlights, coverage, totals, notices) between `searchSync` on the store's
 * connection and `search` through two threads. Also: a write committed after the threads
 * started is seen by them; `marsad serve` with search threads answers the search API and
 * exits cleanly on SIGTERM; a thread that cannot open its database rejects every search
 * with a message naming the file, and the API then answers 500 with the request id while
 * the server goes on serving.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/pipeline/index.ts';
import { openStore, type MarsadStore } from '../src/store/index.ts';
import type { SearchQuery } from '../src/store/types.ts';
import { SqliteSearchPool } from '../src/store/sqlite/search-pool.ts';
import { defaultAnalyzer } from '../src/search/analyzer.ts';
import { buildApp } from '../src/web/app.ts';
import type { Article } from '../src/model/article.ts';
import { copyDayStore, dayArticles } from './day.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'marsad-search-pool-'));
const DB = join(dir, 'day.db');
let articles: Article[] = [];

before(async () => {
  articles = await dayArticles();
  await copyDayStore(DB);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Two or three consecutive words of every 7th headline (Arabic letters only), as typed. */
function headlineQueries(): string[] {
  const out = new Set<string>();
  articles.forEach((a, i) => {
    if (i % 7) return;
    const words = a.title.split(/[\s«»"'“”:،,.؟?!()\-–—/|]+/).filter((w) => /^[\u0621-\u064A]{3,}$/.test(w));
    const len = 2 + (i % 2);
    if (words.length >= len) out.add(words.slice(1, 1 + len).join(' '));
  });
  return [...out];
}

test('searches through two threads answer exactly what the in-process search answers', async () => {
  const store = await openStore(DB, { searchThreads: 2 });
  try {
    const qs = headlineQueries();
    assert.ok(qs.length >= 40, `${qs.length} queries`);
    const outlet = articles.find((a) => a.outlet)!.outlet!;
    const asked: SearchQuery[] = [
      ...qs.map((q) => ({ q, limit: 21 })),
      ...qs.slice(0, 20).map((q) => ({ q, limit: 11, collapse: 'story' as const })),
      ...qs.slice(0, 10).map((q) => ({ q, limit: 5, offset: 5, recency: true })),
      ...qs.slice(0, 10).map((q) => ({ q: q.split(' ')[0]!, outlet, from: '2015-07-22', to: '2015-07-22' })),
      { q: `${qs[0]!} -${qs[1]!.split(' ')[0]!}` },
      // No article holds both: the relaxed query's hits and its notice.
      { q: 'الرياض كمبيوتركوانتيكي' },
      { q: 'في من على' },
      { q: '' },
      { q: 'السعودية', from: 'yesterday' },
    ];
    const sqlite = store as MarsadStore & { searchSync(q: SearchQuery): unknown; searchThreads: number };
    assert.equal(sqlite.searchThreads, 2);
    const local = asked.map((q) => sqlite.searchSync(q));
    // All at once: both threads busy, answers matched to their queries.
    const pooled = await Promise.all(asked.map((q) => store.search(q)));
    let withHits = 0;
    for (let i = 0; i < asked.length; i++) {
      assert.deepEqual(pooled[i], local[i], `query ${JSON.stringify(asked[i])}`);
      if (pooled[i]!.hits.length) withHits++;
    }
    assert.ok(withHits >= qs.length, `${withHits} searches found something`);
    assert.ok(pooled.some((r) => r.hits.some((h) => h.highlights.length > 0)), 'snippets with highlights came back');
    assert.ok(pooled.some((r) => r.hits.some((h) => h.coverage)), 'collapsed rows carry coverage');
    assert.ok(pooled.some((r) => r.notice && r.hits.length), 'a relaxed search with its notice');
  } finally {
    await store.close();
  }
});

test('the threads see a write committed after they started', async () => {
  const copy = join(dir, 'write.db');
  const store = await openStore(copy, { searchThreads: 1 });
  try {
    const base = articles[0]!;
    const fresh: Article = { ...base, id: 'search-pool-fresh', url: 'https://example.org/search-pool-fresh', title: 'مرصدوفيتش يفتتح المعرض', text: 'افتتح مرصدوفيتش المعرض الدولي للكتاب في الرياض.' };
    assert.equal((await store.search({ q: 'مرصدوفيتش' })).total, 0);
    await ingest(store, [fresh]);
    const r = await store.search({ q: 'مرصدوفيتش' });
    assert.deepEqual(r.hits.map((h) => h.id), ['search-pool-fresh']);
  } finally {
    await store.close();
  }
});

test('a thread that cannot open its database fails each search with a message naming the file; the API answers 500 and goes on', async () => {
  const bad = join(dir, 'not-a-database.db');
  writeFileSync(bad, 'this is not an SQLite file, only text long enough to fill a header page '.repeat(20));
  const pool = await SqliteSearchPool.start(bad, defaultAnalyzer, { threads: 1 });
  try {
    await assert.rejects(pool.search({ q: 'الرياض' }), (e: Error) => e.message.startsWith('search thread failed:') && e.message.includes(bad));
  } finally {
    await pool.close();
  }
  await assert.rejects(SqliteSearchPool.start(':memory:', defaultAnalyzer, { threads: 1 }), /in-memory/);
  await assert.rejects(SqliteSearchPool.start(DB, { name: 'custom', terms: () => [] }, { threads: 1 }), /cannot be rebuilt/);

  // Through the server: the store's threads fail, the API says so by status and request id.
  const store = await openStore(DB);
  const failing = await SqliteSearchPool.start(bad, defaultAnalyzer, { threads: 1 });
  const logged: string[] = [];
  const logger = (await import('pino')).default({ level: 'error' }, { write: (s: string) => void logged.push(s) });
  const app = await buildApp({ store: { ...bindAll(store), search: (q: SearchQuery) => failing.search(q) } as MarsadStore, adminToken: null, logger });
  try {
    const res = await app.inject({ method: 'GET', url: '/api/v1/search?q=%D8%A7%D9%84%D8%B1%D9%8A%D8%A7%D8%B6' });
    assert.equal(res.statusCode, 500);
    const body = res.json() as { error: string; message: string };
    assert.match(body.message, /^internal error \(request .+\)$/);
    assert.ok(logged.some((l) => l.includes('search thread failed') && l.includes('not-a-database.db')), 'the cause is logged');
    assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
  } finally {
    await app.close();
    await failing.close();
    await store.close();
  }
});

/** The store's methods bound to it, as a plain object whose `search` can be replaced. */
function bindAll(store: MarsadStore): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let p: object | null = store; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      if (k in out || k === 'constructor') continue;
      const v = (store as unknown as Record<string, unknown>)[k];
      out[k] = typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(store) : v;
    }
  }
  return out;
}

test('marsad serve with search threads answers searches and exits cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, [join(ROOT, 'bin/marsad.js'), 'serve', '--db', DB, '--port', '0', '--no-poll', '--no-sample'], {
    cwd: ROOT,
    env: { ...process.env, MARSAD_SEARCH_THREADS: '2', MARSAD_LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const t = setInterval(() => {
        const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) {
          clearInterval(t);
          resolve(m[1]!);
        } else if (child.exitCode !== null) {
          clearInterval(t);
          reject(new Error(`serve exited ${child.exitCode}: ${err}`));
        }
      }, 50);
    });
    const q = headlineQueries()[0]!;
    const res = await fetch(`${url}/api/v1/search?q=${encodeURIComponent(q)}&limit=5`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { results: Array<{ id: string }>; total: number };
    const direct = await openStore(DB);
    try {
      const want = await direct.search({ q, limit: 6 });
      assert.deepEqual(body.results.map((h) => h.id), want.hits.slice(0, 5).map((h) => h.id));
      assert.equal(body.total, want.total);
    } finally {
      await direct.close();
    }
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, `serve exited cleanly (stderr: ${err.slice(-500)})`);
});
