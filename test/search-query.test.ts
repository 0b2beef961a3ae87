/**
 * Query syntax (phrases, -exclusion, OR) and hostile queries, through the real analyzer
 * and a real SQLite store: the parse, the FTS5 expression it compiles to, and the result.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultAnalyzer } from '../src/search/analyzer.ts';
import { parseQuery, MAX_QUERY_CHARS } from '../src/search/query.ts';
import { ftsExpression } from '../src/store/sqlite/search.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { loadContractArticles } from '../src/store/contract.ts';

const parse = (q: string) => parseQuery(q, defaultAnalyzer);
const term = (w: string): string => defaultAnalyzer.terms(w)[0]!.term;

test('words are ANDed, analyzed like the index (hamza, ة, clitics)', () => {
  const p = parse('وزير الخارجيّة ايران');
  assert.equal(p.empty, false);
  assert.deepEqual(p.groups.map((g) => g.map((i) => i.terms)), [[[term('وزير')]], [[term('الخارجية')]], [[term('إيران')]]]);
  assert.equal(term('ايران'), term('إيران'));
  assert.deepEqual(p.terms, [term('وزير'), term('الخارجية'), term('إيران')]);
});

test('phrases in straight quotes, guillemets or curly quotes', () => {
  for (const q of ['"وزير الدفاع"', '«وزير الدفاع»', '“وزير الدفاع”', '«وزير الدفاع"']) {
    const p = parse(q);
    assert.equal(p.groups.length, 1, q);
    assert.deepEqual(p.groups[0]![0]!.terms, [term('وزير'), term('الدفاع')], q);
    assert.equal(p.notice, undefined, q);
  }
  assert.equal(ftsExpression(parse('"وزير الدفاع" روسيا')), `"${term('وزير')} ${term('الدفاع')}" AND "${term('روسيا')}"`);
});

test('exclusion of words and phrases; a lone minus sign is punctuation', () => {
  const p = parse('ايران -كورونا -"وزير الدفاع" - روسيا');
  assert.deepEqual(p.not.map((i) => i.terms), [[term('كورونا')], [term('وزير'), term('الدفاع')]]);
  assert.deepEqual(p.groups.map((g) => g[0]!.terms[0]), [term('ايران'), term('روسيا')]);
  assert.match(ftsExpression(p), /^\(.*\) NOT \(".*" OR ".*"\)$/);
});

test('OR (or |) makes alternatives; a dangling OR is ignored', () => {
  const p = parse('النصر OR الهلال | الاتحاد روسيا OR');
  assert.equal(p.groups.length, 2);
  assert.equal(p.groups[0]!.length, 3);
  assert.equal(ftsExpression(p), `("${term('النصر')}" OR "${term('الهلال')}" OR "${term('الاتحاد')}") AND "${term('روسيا')}"`);
  assert.equal(parse('OR ايران').groups.length, 1);
  // Lower-case `or` and Arabic `أو` are words (the latter a stopword), not operators.
  assert.equal(parse('ايران أو روسيا').groups.length, 2);
});

test('unbalanced quotes run to the end, with a notice', () => {
  const p = parse('روسيا "وزير الدفاع');
  assert.equal(p.groups.length, 2);
  assert.deepEqual(p.groups[1]![0]!.terms, [term('وزير'), term('الدفاع')]);
  assert.match(p.notice!, /quotation mark/);
});

test('nothing to look for: empty, stopwords, punctuation, only exclusions, too long', () => {
  for (const q of ['', '   ', 'في من على', '،؟!.. ***', '-ايران', '"" «»', 'x'.repeat(MAX_QUERY_CHARS + 1)]) {
    const p = parse(q);
    assert.equal(p.empty, true, q.slice(0, 20));
    assert.ok(p.notice && p.notice.length > 10, q.slice(0, 20));
  }
  assert.match(parse('x'.repeat(10_000)).notice!, /too long/);
});

test('FTS5 and SQL syntax is text, never an operator', () => {
  for (const q of ['NEAR(ايران روسيا, 3)', 'title:ايران', 'ايران*', '^ايران', '(ايران OR', "ايران'; DROP TABLE articles; --", 'a AND NOT b', '"a" + "b"', '{title}: x']) {
    const e = ftsExpression(parse(q));
    // Every operand is a double-quoted string; outside them only AND / OR / NOT / ( ).
    const outside = e.replace(/"(?:[^"]|"")*"/g, '').replace(/\b(AND|OR|NOT)\b/g, '').replace(/[()\s]/g, '');
    assert.equal(outside, '', `${q} → ${e}`);
  }
});

test('hostile queries against a real store: no exception, an empty result or hits', async () => {
  const s = openSqliteStore(':memory:');
  await s.upsertArticles(loadContractArticles());
  const hostile = [
    '* ^ : ( ) NEAR', 'NEAR(ايران روسيا)', "'; DROP TABLE articles; --", 'ايران" OR 1=1 --', '"', '""""', '-', '--', 'OR OR OR',
    '\u0000\u0001', '\ud800', 'ـــــ', 'ًٌٍَُِّْ', '٠١٢', 'x'.repeat(10_000), 'ايران '.repeat(500), '( ( ( ايران', 'ايران ) ) )',
    'title: ايران', 'rank:1', 'rowid = 1',
  ];
  for (const q of hostile) {
    const r = await s.search({ q });
    assert.ok(Array.isArray(r.hits));
    assert.ok(r.hits.length > 0 || r.notice !== undefined || r.total === 0, q.slice(0, 30));
    assert.ok(!r.notice?.startsWith('The search could not run'), `${q.slice(0, 30)}: ${r.notice}`);
  }
  assert.equal(await s.countArticles(), new Set(loadContractArticles().map((a) => a.id)).size);
  assert.ok((await s.search({ q: 'ايران" OR 1=1 --' })).hits.length > 0, 'the words still count');
  await s.close();
});

test('snippets: false gives the same hits, in the same order, without snippets', async () => {
  const s = openSqliteStore(':memory:');
  await s.upsertArticles(loadContractArticles());
  for (const q of ['ايران', 'وزير الدفاع', 'السعودية OR روسيا']) {
    const full = await s.search({ q, limit: 20 });
    const bare = await s.search({ q, limit: 20, snippets: false });
    assert.ok(full.hits.length > 0, q);
    assert.ok(full.hits.some((h) => h.snippet.length > 0), q);
    assert.deepEqual(bare.hits.map((h) => [h.id, h.score, h.title]), full.hits.map((h) => [h.id, h.score, h.title]), q);
    assert.equal(bare.total, full.total, q);
    assert.ok(bare.hits.every((h) => h.snippet === '' && h.highlights.length === 0), q);
  }
  await s.close();
});
