/**
 * Snippets from the term spans kept at ingest (src/search/spans.ts) are the snippets
 * analyzing the text gives — on a real corpus day (test/testdata/saudinewsnet/2015-07-22.zip,
 * see test/testdata/README.md) — and the SQLite store answers a search the same with its
 * spans, without them (a database from before migration 032), and after filling them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzerFor, defaultAnalyzer } from '../src/search/analyzer.ts';
import { buildSnippet } from '../src/search/snippet.ts';
import { decodeSpans, encodeSpans, termHash } from '../src/search/spans.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import type { Article } from '../src/model/article.ts';
import { counting, dayArticles, querySampler, words } from './snippet-queries.ts';

const articles = dayArticles();

test('spans: encoded and decoded as the analyzer gave them; a blob for another text is ignored', () => {
  for (const a of articles.slice(0, 200)) {
    const terms = defaultAnalyzer.terms(a.content);
    const s = decodeSpans(encodeSpans(a.content, terms), a.content.length)!;
    assert.equal(s.count, terms.length);
    terms.forEach((t, i) => {
      assert.equal(s.starts[i], t.start);
      assert.equal(s.ends[i], t.end);
      assert.equal(s.hashes[i], termHash(t.term));
    });
  }
  const text = articles[0]!.content;
  const blob = encodeSpans(text, defaultAnalyzer.terms(text));
  assert.equal(decodeSpans(blob, text.length + 1), null);
  assert.equal(decodeSpans(Uint8Array.of(9, ...blob.subarray(1)), text.length), null);
  assert.equal(decodeSpans(blob.subarray(0, blob.length - 3), text.length), null);
  assert.equal(decodeSpans(null, text.length), null);
});

test('snippets from stored spans are the analyzed snippets on a real day, analyzing a fraction of the text', () => {
  const queriesFor = querySampler();
  for (const base of [defaultAnalyzer, analyzerFor('none')]) {
    const storedA = counting(base);
    const analyzedA = counting(base);
    let compared = 0;
    let matched = 0;
    for (const [i, a] of articles.entries()) {
      const text = a.content;
      const spans = decodeSpans(encodeSpans(text, base.terms(text)), text.length)!;
      for (const q of queriesFor(articles, i)) {
        const terms = base.terms(q).map((t) => t.term);
        if (terms.length === 0) continue;
        const want = buildSnippet(text, terms, analyzedA);
        assert.deepEqual(buildSnippet(text, terms, storedA, { stored: spans }), want, `«${q}» in «${a.title}»`);
        compared++;
        if (want.highlights.length) matched++;
      }
    }
    assert.ok(compared > 8000 && matched > compared / 2, `compared ${compared}, ${matched} with highlights`);
    // Only hash matches and cuts inside words are analyzed.
    assert.ok(storedA.chars * 5 < analyzedA.chars, `${base.name}: analyzed ${storedA.chars} characters from spans, ${analyzedA.chars} from the text`);
  }
});

test('snippets: cuts with no space for a whole chunk, numbers and clitics at the cut, give the analyzed snippet', () => {
  const nbsp = articles.find((a) => a.content.includes('\u00a0'))!.content;
  const texts = [
    nbsp.replaceAll(' ', '\u00a0'), // no ASCII space: every chunk is cut inside or between words
    ('بالـ24 ساعة و1,000 ريال و3.5 بالمئة الـCNN ' + 'كلمة '.repeat(97)).repeat(12),
    'ا'.repeat(650) + ' الرياض ' + 'ب'.repeat(3000) + ' وأعلنت الرياض 1,0005 موقفها',
  ];
  for (const text of texts) {
    const spans = decodeSpans(encodeSpans(text, defaultAnalyzer.terms(text)), text.length)!;
    for (const q of ['الرياض', 'ساعة ريال', '24 1000', 'cnn بالمئة', 'كلمة', words(nbsp).slice(-2).join(' '), 'غائبة']) {
      const terms = defaultAnalyzer.terms(q).map((t) => t.term);
      assert.deepEqual(buildSnippet(text, terms, defaultAnalyzer, { stored: spans }), buildSnippet(text, terms, defaultAnalyzer), q);
    }
  }
});

/** Words joined by NBSP (no ASCII space: the snippet cuts chunks at fixed offsets), `at` placed at offset `offset`. */
function nbspText(offset: number, at: string, after: string): string {
  let t = 'تت';
  while (t.length + 5 <= offset) t += '\u00a0ابجد';
  return t + '\u00a0'.repeat(offset - t.length) + at + after + '\u00a0ابجد'.repeat(40);
}

test('snippets: a chunk cut inside a word, or between a clitic and its number, reads as analysis does', () => {
  const cases: Array<[string, string]> = [
    // The lead chunk ends at 600 inside هجومية; الرياض two words into the next chunk.
    [nbspText(597, 'هجومية', '\u00a0ابجد\u00a0الرياض'), 'الرياض'],
    // The lead chunk ends between لل and 24: alone, لل is a word; glued to 24 it is dropped.
    [nbspText(598, 'لل24', '\u00a0الرياض'), '24 الرياض'],
  ];
  for (const [text, q] of cases) {
    const spans = decodeSpans(encodeSpans(text, defaultAnalyzer.terms(text)), text.length)!;
    const terms = defaultAnalyzer.terms(q).map((t) => t.term);
    const want = buildSnippet(text, terms, defaultAnalyzer);
    assert.ok(want.highlights.length > 0, q);
    assert.deepEqual(buildSnippet(text, terms, defaultAnalyzer, { stored: spans }), want, q);
  }
});

test('sqlite: a search answers the same from stored spans, from a database without them, and after filling them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-spans-'));
  try {
    const path = join(dir, 'spans.db');
    const store = openSqliteStore(path);
    const batch: Article[] = articles.slice(0, 400).map((a, i) => ({
      id: `t${i}`, url: a.url, title: a.title, text: a.content, publishedAt: null, outlet: a.source, via: null, author: null, lang: 'ar', tags: [], readAlso: [], relatedTo: null,
    }));
    await store.upsertArticles(batch);
    const queries = articles.slice(0, 400).filter((_, i) => i % 8 === 0).map((a) => words(a.title).slice(0, 2).join(' ')).filter(Boolean);
    const answers = () => queries.map((q) => store.searchSync({ q, limit: 10 }));
    const withSpans = answers();
    assert.equal(store.db.prepare('SELECT count(*) FROM article_spans').pluck().get(), 400);
    store.db.exec('DELETE FROM article_spans');
    assert.deepEqual(answers(), withSpans);
    assert.equal(store.fillSpans(), 400);
    assert.deepEqual(answers(), withSpans);
    assert.ok(withSpans.filter((r) => r.hits.some((h) => h.highlights.length > 0)).length > queries.length / 2);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
