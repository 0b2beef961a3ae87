/**
 * Text read as UTF-8 bytes and decoded by ICU (src/store/sqlite/utf8.ts) is the string
 * better-sqlite3 gives for the same column read as TEXT: every title and body of a real
 * corpus day (test/testdata/saudinewsnet, see its README) and the edge cases of UTF-16
 * (astral characters, a lone surrogate, NUL, the empty text), and bytes that are not UTF-8.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
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
