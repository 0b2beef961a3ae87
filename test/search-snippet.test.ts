/**
 * Snippets: the passage with the most query terms, in the article's original spelling,
 * with exact highlight ranges; and re-ranking by headline evidence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultAnalyzer } from '../src/search/analyzer.ts';
import { buildSnippet, markSnippet } from '../src/search/snippet.ts';
import { rerank, titleBonus } from '../src/search/rank.ts';
import { loadContractArticles } from '../src/store/contract.ts';

const terms = (q: string): string[] => defaultAnalyzer.terms(q).map((t) => t.term);
const marked = (text: string, q: string): string => markSnippet(buildSnippet(text, terms(q), defaultAnalyzer));

test('highlights keep the original spelling: hamza, clitics, harakat, tatweel', () => {
  const text = 'قال المتحدث إنّ وإيرانَ ستوقّع الاتفاقَ النووي، وأضاف أن الإيـــرانيين راضون.';
  assert.equal(marked(text, 'ايران'), 'قال المتحدث إنّ [وإيرانَ] ستوقّع الاتفاقَ النووي، وأضاف أن الإيـــرانيين راضون.');
  assert.match(marked(text, 'الاتفاق النووي'), /\[الاتفاقَ\] \[النووي\]/);
});

test('the window with the most distinct query words wins, cut with ellipses, whitespace folded', () => {
  const filler = 'كلمة عادية أخرى هنا '.repeat(30);
  const text = `${filler}طهران وحدها هنا.\n\n${filler}اجتمع وزير الخارجية في طهران\n\nاليوم ${filler}`;
  const s = buildSnippet(text, terms('وزير الخارجية طهران'), defaultAnalyzer);
  const words = s.highlights.map(([a, b]) => s.snippet.slice(a, b));
  assert.deepEqual(words, ['وزير', 'الخارجية', 'طهران']);
  assert.ok(s.snippet.startsWith('… ') && s.snippet.endsWith(' …'), s.snippet);
  assert.ok(!/\n/.test(s.snippet));
});

test('a match far into a long text is found (chunked analysis)', () => {
  const text = 'نص عادي بلا شيء '.repeat(2000) + 'وأعلنت الرياض موقفها';
  const s = buildSnippet(text, terms('الرياض'), defaultAnalyzer);
  assert.deepEqual(s.highlights.map(([a, b]) => s.snippet.slice(a, b)), ['الرياض']);
});

test('a headline-only match shows the opening words without highlights', () => {
  const a = loadContractArticles()[0]!;
  const s = buildSnippet(a.text, terms('كبتاجون'), defaultAnalyzer);
  assert.equal(s.highlights.length, 0);
  assert.ok(a.text.replace(/\s+/g, ' ').startsWith(s.snippet.replace(/ …$/, '')));
});

test('markSnippet escapes around the marks', () => {
  const s = { snippet: 'a <b> وإيران & c', highlights: [[6, 12]] as Array<[number, number]> };
  const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  assert.equal(markSnippet(s, '<mark>', '</mark>', esc), 'a &lt;b&gt; <mark>وإيران</mark> &amp; c');
});

test('headline evidence: words in typed order and adjacent beat scattered words', () => {
  const q = terms('وزير الخارجية الإيراني');
  const inOrder = terms('وزير الخارجية الإيراني يزور الكويت');
  const scattered = terms('الإيراني يلتقي وزير في الخارجية');
  const partial = terms('وزير الخارجية البريطاني');
  assert.ok(titleBonus(q, inOrder) > titleBonus(q, scattered));
  assert.ok(titleBonus(q, inOrder) > titleBonus(q, partial));
  // Words as typed (unstemmed) in the headline add evidence.
  const norms = defaultAnalyzer.terms('وزير الخارجية الإيراني').map((t) => t.norm);
  const titleNorms = defaultAnalyzer.terms('وزير الخارجية الإيراني يزور الكويت').map((t) => t.norm);
  assert.ok(titleBonus(q, inOrder, norms, titleNorms) > titleBonus(q, inOrder));
  assert.equal(titleBonus(q, []), 0);
  const ranked = rerank(
    [
      { base: 10, titleTerms: scattered, publishedAt: null },
      { base: 9, titleTerms: inOrder, publishedAt: null },
    ],
    q,
  );
  assert.equal(ranked[0]!.titleTerms, inOrder);
});

test('recency favours newer articles only when asked', () => {
  const c = [
    { base: 10, titleTerms: [], publishedAt: '2015-07-01T00:00:00Z' },
    { base: 9, titleTerms: [], publishedAt: '2015-08-01T00:00:00Z' },
  ];
  assert.equal(rerank(c, ['x'])[0]!.publishedAt, '2015-07-01T00:00:00Z');
  assert.equal(rerank(c, ['x'], true)[0]!.publishedAt, '2015-08-01T00:00:00Z');
});
