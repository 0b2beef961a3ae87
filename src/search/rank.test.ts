import { test } from 'node:test';
import assert from 'node:assert/strict';
import { longestRun, rerank, titleBonus } from './rank.ts';
import { defaultAnalyzer } from './analyzer.ts';

const analyzed = (text: string) => {
  const ts = defaultAnalyzer.terms(text);
  return { terms: ts.map((t) => t.term), norms: ts.map((t) => t.norm) };
};
const bonus = (query: string, title: string): number => {
  const q = analyzed(query);
  const t = analyzed(title);
  return titleBonus(q.terms, t.terms, q.norms, t.norms);
};

test('longestRun: the longest in-order adjacent run', () => {
  assert.equal(longestRun(['a', 'b', 'c'], ['x', 'a', 'b', 'y', 'c']), 2);
  assert.equal(longestRun(['a', 'b'], ['b', 'a']), 1);
  assert.equal(longestRun(['a'], []), 0);
});

test('a word typed with other clitics counts more than a word sharing only its stem', () => {
  // Real headlines (SaudiNewsNet): للحوثيين is الحوثيين with ل; الحوثيون only shares the stem.
  const q = 'الحوثيين اليمن';
  const sameForm = bonus(q, 'انهيارات غير مسبوقة للحوثيين في اليمن وجنوبه');
  const sameStem = bonus(q, 'انهيارات غير مسبوقة للحوثيون في اليمن وجنوبه');
  const exact = bonus(q, 'انهيارات غير مسبوقة الحوثيين في اليمن وجنوبه');
  assert.ok(exact > sameForm, `${exact} > ${sameForm}`);
  assert.ok(sameForm > sameStem, `${sameForm} > ${sameStem}`);
});

test('typed without the article, the headline with it still ranks first among stem matches', () => {
  const q = analyzed('وفاه طفله');
  const cands = [
    { base: 10, ...pick(analyzed('وفاة الطفلات في حادث')), publishedAt: null },
    { base: 9, ...pick(analyzed('وفاة الطفلة في حادث')), publishedAt: null },
  ];
  const ranked = rerank(cands, q.terms, false, q.norms);
  assert.deepEqual(ranked[0]!.titleNorms, analyzed('وفاة الطفلة في حادث').norms);
});

function pick(a: { terms: string[]; norms: string[] }) {
  return { titleTerms: a.terms, titleNorms: a.norms };
}
