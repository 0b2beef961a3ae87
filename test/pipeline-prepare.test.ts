/**
 * What an import's worker hands the writer (src/pipeline/prepare.ts), on the real articles of
 * the SaudiNewsNet test day (test/day.ts):
 * - the analysis is the default analyzer's, term for term (terms, title norms, snippet spans),
 *   though prepare reads each token's term from the per-spelling memo enrichment filled, also
 *   where enrichment read another body than the index does (a page template cut off the end);
 * - it crosses to the writer without a second copy of the title and text, which `reattach`
 *   puts back from the article;
 * - the serial path (`prepareBatch`: feed polls, `marsad worker`) attaches the same analysis,
 *   fingerprint and hashes, so its upsert and grouping do not analyze or hash again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachedAnalysis, type TextAnalysis } from '../src/arabic/index.ts';
import type { Article } from '../src/model/article.ts';
import { prepareArticle, prepareBatch, reattach } from '../src/pipeline/prepare.ts';
import { defaultAnalyzer } from '../src/search/analyzer.ts';
import { encodeSpans } from '../src/search/spans.ts';
import { analysisFingerprint } from '../src/stories/index.ts';
import { dayArticles } from './day.ts';

/** The analysis the store computes when it is given none (src/store/analysis.ts). */
function expected(a: Article): TextAnalysis {
  const tt = defaultAnalyzer.terms(a.title);
  const xt = defaultAnalyzer.terms(a.text);
  return { title: a.title, text: a.text, titleTerms: tt.map((t) => t.term), titleNorms: tt.map((t) => t.norm), textTerms: xt.map((t) => t.term), textSpans: encodeSpans(a.text, xt) };
}

const day = (await dayArticles()).slice(0, 120);
// A page template after the body (enrichment reads the body up to it, the index all of it),
// and digits, Latin words and stopwords next to it.
const templated = day.slice(0, 10).map((a) => ({ ...a, id: `${a.id.slice(0, 12)}beef`, text: `${a.text}\nرابط الخبر بصحيفة الوئام: ${a.title} COVID-19 في عام ٢٠١٥ من 1,000` }));

test('the prepared analysis is the default analyzer’s, twice over (memo filled) and past a page template', () => {
  for (let round = 0; round < 2; round++) {
    for (const a of [...day, ...templated]) {
      const p = prepareArticle(a);
      const back = reattach(p);
      const got = attachedAnalysis(back)!;
      assert.deepEqual(got, expected(a), a.id);
      assert.deepEqual(p.fingerprint, analysisFingerprint(expected(a)), a.id);
    }
  }
});

test('the analysis crosses without the title and text, and reattach puts them back', () => {
  const a = day.find((x) => x.text.length > 2000)!;
  const p = prepareArticle(a);
  assert.equal('text' in p.analysis, false);
  assert.equal('title' in p.analysis, false);
  const back = reattach(structuredClone(p));
  assert.equal(attachedAnalysis(back)!.text, a.text);
  assert.equal(attachedAnalysis(back)!.title, a.title);
});

test('the serial path attaches the analysis with its title norms; skipped articles come back untouched', async () => {
  const [a, b] = day;
  const out = await prepareBatch([a!, b!], new Set([b!.id]));
  assert.equal(out[1], b);
  assert.equal(attachedAnalysis(out[1]!), undefined);
  assert.deepEqual(attachedAnalysis(out[0]!), expected(a!));
  assert.ok(out[0]!.entities && out[0]!.keywords);
});
