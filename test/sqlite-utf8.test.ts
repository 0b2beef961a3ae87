/**
 * Text read as UTF-8 bytes and decoded by ICU (src/store/sqlite/utf8.ts) is the string
 * better-sqlite3 gives for the same column read as TEXT: every title and body of a real
 * corpus day (test/testdata/saudinewsnet, see its README) and the edge cases of UTF-16
 * (astral characters, a lone surrogate, NUL, the empty text), and bytes that are not UTF-8.
 * End to end: the day imported into a UTF-8 database (searches and the reader read bytes)
 * and into a UTF-16 one (they read TEXT) answers every search and article the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/pipeline/index.ts';
import { openStore } from '../src/store/index.ts';
import type { SearchQuery } from '../src/store/types.ts';
import { dayArticles as parsedDay } from './day.ts';
import { isUtf8, textOf } from '../src/store/sqlite/utf8.ts';
import { dayArticles } from './snippet-queries.ts';

test('textOf(CAST(x AS BLOB)) is the TEXT read, on a real day and UTF-16 edge cases', () => {
  const db = new Database(':memory:');
  assert.equal(isUtf8(db), true);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)');
  const ins = db.prepare('INSERT INTO t (x) VALUES (?)');
  const texts = dayArticles().flatMap((a) => [a.title, a.content]);
  const edges = ['', 'a', 'مرحبا 👋🏽 بالعالم', 'x\ud800y', 'نص\u0000بعد', 'é (e\u0301) ﷲ', '\ud83d\ude00'.repeat(3000)];
  for (const x of [...texts, ...edges]) ins.run(x);
  // Bytes that are not UTF-8, cast to TEXT by SQL: a lone byte, a cut sequence, an encoded surrogate.
  db.exec("INSERT INTO t (x) VALUES (CAST(X'FF' AS TEXT)), (CAST(X'D8A7C3' AS TEXT)), (CAST(X'41EDA08042' AS TEXT))");
  const read = db.prepare('SELECT x, CAST(x AS BLOB) AS b FROM t ORDER BY id').all() as Array<{ x: string; b: Uint8Array | null }>;
  assert.equal(read.length, texts.length + edges.length + 3);
  assert.ok(texts.length > 500, `${texts.length} texts`);
  for (const r of read) assert.equal(textOf(r.b), r.x);
  assert.equal(textOf(null), '');
});

test('a UTF-16 database is not read as UTF-8', () => {
  const db = new Database(':memory:');
  db.pragma("encoding = 'UTF-16le'");
  assert.equal(isUtf8(db), false);
});

test('a UTF-8 database (bytes read) and a UTF-16 one (TEXT read) answer every search and article of a real day the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-utf8-'));
  try {
    const u16 = join(dir, 'utf16.db');
    const pre = new Database(u16);
    pre.pragma("encoding = 'UTF-16le'");
    pre.exec('CREATE TABLE fix_encoding (x); DROP TABLE fix_encoding');
    pre.close();
    const articles = (await parsedDay()).slice(0, 400);
    const stores = [await openStore(join(dir, 'utf8.db')), await openStore(u16)] as const;
    try {
      const encodings = stores.map((s) => (s as unknown as { db: Database.Database }).db.pragma('encoding', { simple: true }));
      assert.deepEqual(encodings, ['UTF-8', 'UTF-16le']);
      for (const s of stores) for (let i = 0; i < articles.length; i += 200) await ingest(s, articles.slice(i, i + 200));
      const qs = articles.filter((_, i) => i % 5 === 0).map((a) => a.title.split(/\s+/).filter((w) => /^[\u0621-\u064A]{3,}$/.test(w)).slice(0, 2).join(' ')).filter(Boolean);
      assert.ok(qs.length >= 60, `${qs.length} queries`);
      const asked: SearchQuery[] = [...qs.map((q) => ({ q, limit: 21 })), ...qs.slice(0, 30).map((q) => ({ q, limit: 10, collapse: 'story' as const }))];
      let hits = 0;
      for (const q of asked) {
        const [a, b] = await Promise.all(stores.map((s) => s.search(q)));
        assert.deepEqual(a, b, JSON.stringify(q));
        hits += a!.hits.length;
      }
      assert.ok(hits > asked.length * 3, `${hits} hits`);
      for (const x of articles) assert.deepEqual(await stores[0].getArticle(x.id), await stores[1].getArticle(x.id), x.id);
      const ids = articles.slice(0, 50).map((x) => x.id);
      assert.deepEqual(await stores[0].getArticles(ids), await stores[1].getArticles(ids));
    } finally {
      for (const s of stores) await s.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
