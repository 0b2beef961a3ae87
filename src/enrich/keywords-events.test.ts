/**
 * Sports competitions and named events among keywords (keyword-events.ts), on articles and sentences of the
 * development sets (testdata/keywords-dev.json, eval/understand/articles-*.jsonl) and of the corpus
 * (SaudiNewsNet, CC BY-NC-SA 4.0, each article its newspaper's). The editors tagged each whole name;
 * before, it came out in pieces (`آسيا`, `نهائيات كأس`, `السوبر`) or not at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractKeywords } from './index.ts';
import { keywordFixture, keywordsOf } from './testdata/keyword-fixture.ts';

const fx = keywordFixture('keywords-dev.json');
const look = keywordsOf;

test('a competition is tagged by its whole name, not by its continent or a piece of it', () => {
  // e074, aljazirah 2015-08-04: «التصفيات المؤهلة إلى نهائيات كأس آسيا 2019 … ونهائيات كأس العالم 2018»
  const e074 = fx.kw('e074');
  assert.ok(e074.includes('كأس آسيا'), e074.join(' | '));
  assert.ok(!e074.includes('آسيا') && !e074.includes('نهائيات كأس'), e074.join(' | '));
  // h021, okaz 2015-07-21: «بطولة دوري أبطال آسيا» (the tournament is the league's), «نهائي كأس السوبر»
  // (both clubs lead since the opponent, `أمام النصر`, is found: clubs.ts; the competition follows them)
  const h021 = extractKeywords(fx.articles.get('h021')!, fx.stats, { max: 10 });
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

test('an event named in quotes after its kind is tagged by kind and name; one name under two kinds is one event', () => {
  // h039, alwatan 2015-07-22: two sentences of the body (the second shortened)
  const h039 = look('معرض "شوفة" هو المعرض التاريخي المرئي الأول في منطقة عسير، كانت نسخته الأولى في صيف 1434 بمباركة من إمارة منطقة عسير. معرض "شوفة" المرئي أسهم في نسخته الأولى في مساندة السياحة بمنطقة عسير، إذ كان جزءا مهما منها.', 'أحلى شوفة');
  assert.ok(h039.includes('معرض شوفة'), h039.join(' | '));
  // g030, alyaum 2015-08-06: the headline's «برنامج «التدرج» …» and a sentence of the body (shortened)
  const g030 = look('وأوضحت الشركة في بيان صحفي اليوم أن المعاهد أسهمت في تقديم مجموعة برامج تختص بتدريب وتأهيل غير الموظفين "التدرج"، التي كان لها الأثر في تزويد الأنشطة المختلفة بالشركة باحتياجاتها.', 'برنامج «التدرج» بـ «السعودية للكهرباء» يرفع نسبة السعودة إلى 86.6%');
  assert.ok(g030.includes('برنامج التدرج'), g030.join(' | '));
  // h072, okaz 2015-07-22: its two sentences naming the event, shortened
  const h072 = look('وحضوري مؤتمرا صحفيا قبيل ختام مهرجان "بساط الريح" في جدة الأسبوع الماضي. وبالعودة إلى معرض "بساط الريح" فهو مبادرة تقودها المؤسسة لاستقطاب مصادر دخل جيدة.', 'الصحة على بساط الريح');
  assert.equal(h072.filter((k) => k.endsWith('بساط الريح')).length, 1, h072.join(' | '));
  // (a quotation after a kind word is no name: its quote mark does not close within four words; a sentence built for it)
  const said = look('وقال مدير المهرجان "إن الفعاليات ستستمر حتى نهاية الأسبوع في الحديقة العامة" مؤكدا نجاحها.');
  assert.ok(!said.some((k) => k.startsWith('المهرجان ') || k.startsWith('مهرجان إن')), said.join(' | '));
});
