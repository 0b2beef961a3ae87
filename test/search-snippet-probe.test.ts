/**
 * Snippets skip analyzing the chunks the analyzer's probes clear (src/search/snippet.ts):
 * the probe strings, the folded text they are looked for in, and the snippets themselves,
 * which must be the ones analyzing every chunk gives — on a real corpus day
 * (test/testdata/saudinewsnet/2015-07-22.zip, see test/testdata/README.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldSpan, tokenize } from '../src/arabic/index.ts';
import { lightStem, lightStemProbes } from '../src/arabic/stem/light.ts';
import { analyzerFor, defaultAnalyzer } from '../src/search/analyzer.ts';
import { buildSnippet } from '../src/search/snippet.ts';
import { counting, dayArticles, querySampler } from './snippet-queries.ts';

const articles = dayArticles();
const isNumber = (norm: string): boolean => /^\d[\d.]*$/u.test(norm);

test('every token of a real day holds a probe string of its light stem (or its stem gives none)', () => {
  let tokens = 0;
  let none = 0;
  for (const a of articles) {
    for (const t of tokenize(`${a.title} ${a.content}`)) {
      const probes = lightStemProbes(lightStem(t.norm));
      tokens++;
      if (probes === null) none++;
      else assert.ok(probes.some((p) => t.norm.includes(p)), `${t.norm} → ${lightStem(t.norm)}: ${probes.join(',')}`);
    }
  }
  assert.ok(tokens > 400_000, `tokens: ${tokens}`);
  // Only numbers (and the rare stem ال/ا) give no probe.
  assert.ok(none < tokens / 10, `no probe: ${none} of ${tokens}`);
  assert.equal(lightStemProbes('1000'), null);
  // للمانيا's base is written المانيا: the probe is the stem without its ال.
  assert.ok(lightStemProbes(lightStem('للمانيا'))!.some((p) => 'للمانيا'.includes(p)));
});

test('a folded span holds the norm of every token of the span (numbers aside), or is null', () => {
  let folded = 0;
  let unsure = 0;
  for (const a of articles) {
    const text = a.content;
    // The whole text, a chunk cut at a space as the snippet cuts, and one cut inside a word.
    const cut = text.lastIndexOf(' ', Math.floor(text.length / 2));
    for (const [from, to] of [[0, text.length], [Math.max(0, cut), text.length], [0, Math.floor(text.length / 3)]] as const) {
      const f = foldSpan(text, from, to);
      if (f === null) {
        unsure++;
        continue;
      }
      folded++;
      for (const t of tokenize(text.slice(from, to))) if (!isNumber(t.norm)) assert.ok(f.includes(t.norm), t.surface);
    }
  }
  // « », NBSP and the like are separators, not reasons to give up.
  assert.ok(folded > unsure * 4, `folded ${folded}, unsure ${unsure}`);
});


test('snippets with probing are the snippets analyzing every chunk gives, for fewer characters analyzed', () => {
  const queriesFor = querySampler();
  for (const base of [defaultAnalyzer, analyzerFor('none')]) {
    const probing = counting(base);
    const all = counting(base);
    let compared = 0;
    for (const [i, a] of articles.entries()) {
      for (const q of queriesFor(articles, i)) {
        const terms = base.terms(q).map((t) => t.term);
        if (terms.length === 0) continue;
        assert.deepEqual(buildSnippet(a.content, terms, probing), buildSnippet(a.content, terms, all, { probe: false }), `«${q}» in «${a.title}»`);
        compared++;
      }
    }
    assert.ok(compared > 8000, `compared ${compared}`);
    assert.ok(probing.chars < all.chars, `${base.name}: analyzed ${probing.chars} characters with probing, ${all.chars} without`);
  }
});
