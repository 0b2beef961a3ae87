/**
 * Sports competitions among keywords (keyword-competitions.ts), on articles and sentences of the
 * development sets (testdata/keywords-dev.json, eval/understand/articles-*.jsonl) and of the corpus
 * (SaudiNewsNet, CC BY-NC-SA 4.0, each article its newspaper's). The editors tagged each whole name;
 * before, it came out in pieces (`آسيا`, `نهائيات كأس`, `السوبر`) or not at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeEntities, extractKeywords, shippedTermStats } from './index.ts';
import { keywordFixture } from './testdata/keyword-fixture.ts';

const fx = keywordFixture('keywords-dev.json');
const look = (text: string, title = ''): string[] => extractKeywords({ title, text }, shippedTermStats(), { entities: analyzeEntities({ title, text }) });

test('a competition is tagged by its whole name, not by its continent or a piece of it', () => {
  // e074, aljazirah 2015-08-04: «التصفيات المؤهلة إلى نهائيات كأس آسيا 2019 … ونهائيات كأس العالم 2018»
  const e074 = fx.kw('e074');
  assert.ok(e074.includes('كأس آسيا'), e074.join(' | '));
  assert.ok(!e074.includes('آسيا') && !e074.includes('نهائيات كأس'), e074.join(' | '));
  // h021, okaz 2015-07-21: «بطولة دوري أبطال آسيا» (the tournament is the league's), «نهائي كأس السوبر»
  const h021 = fx.kw('h021');
  assert.ok(h021.includes('دوري أبطال آسيا') && h021.includes('كأس السوبر'), h021.join(' | '));
  assert.ok(!h021.includes('آسيا') && !h021.includes('السوبر'), h021.join(' | '));
});

test('a competition named once further down is a candidate; the sport and the season stay out of its name', () => {
  // e043, aleqtisadiya 2015-08-09 (its last sentence)
  assert.ok(look('واختتم فريق العروبة معسكره في مصر، قبل مواجهة الطائي في الدور الـ32 من منافسات مسابقة كأس ولي العهد على ملعب العروبة بالجوف.').includes('كأس ولي العهد'));
  // alriyadh 2015-08 (www.alriyadh.com/1071221), its headline and first sentence
  const epl = look('قال ستوك سيتي الذي ينافس في الدوري الإنجليزي الممتاز لكرة القدم إن رايان شوكروس قائد الفريق سيغيب لشهرين على الأقل بسبب جراحة في الظهر سيخضع لها الأسبوع القادم.', '«شوكروس» يغيب شهرين عن ستوك بسبب جراحة في الظهر');
  assert.ok(epl.includes('الدوري الإنجليزي الممتاز'), epl.join(' | '));
  assert.ok(!epl.some((k) => k.includes('لكرة')), epl.join(' | '));
});

test('a head word that names no competition here starts no name (بطولة «heroism», دوري «my role»)', () => {
  // (sentences built around the two readings)
  const kws = look('وأشاد الأمير ببطولة الشهداء وتضحياتهم في الدفاع عن الوطن، وقال المواطن إن دوري في خدمة الحجاج واجب.');
  assert.ok(!kws.some((k) => /^(بطولة|دوري) /.test(k)), kws.join(' | '));
});
