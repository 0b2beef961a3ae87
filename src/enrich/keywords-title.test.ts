/**
 * Keywords: a phrase the headline names once and the body never repeats as written is no shown
 * unit, so it must not take its words' counts: the headline's own words keep their title weight
 * and the topic is tagged (keywords.ts). A phrase of the corpus phrase table that ends in a name
 * the corpus never writes with ال (`برنت`, frequent enough to look like a verb) competes like any
 * other phrase, but never a cut of a longer one (keyword-phrases.ts nameTails). A phrase written
 * after a glued ب/ك (بالألعاب النارية) is the phrase without it (keyword-phrases.ts findPhrases).
 * Articles: testdata/keywords-title.json (SaudiNewsNet, 2015-07-22; source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordFixture } from './testdata/keyword-fixture.ts';

const { kw, kwUnfocused } = keywordFixture('keywords-title.json');

test("the headline's noun phrase named once is tagged, not a filler of the body", () => {
  // okaz «الأحمري: الضربات الاستباقية أحبطت 200 عملية»: the pre-emptive strikes are the story.
  const strikes = kw('preemptive-strikes');
  assert.ok(strikes.includes('الضربات الاستباقية'), strikes.join(' | '));
  // The filler of the body (أبناء الوطن) may fill a last slot, never before the topic.
  const filler = strikes.indexOf('أبناء الوطن');
  assert.ok(filler < 0 || filler > strikes.indexOf('الضربات الاستباقية'), strikes.join(' | '));
  // sabq «ديوان المظالم يُقيم حفل معايدة لمنسوبيه»: the Eid reception, not a greeting formula.
  const eid = kw('grievances-eid');
  assert.ok(eid.some((k) => k === 'حفل المعايدة' || k === 'حفل معايدة'), eid.join(' | '));
  assert.ok(!eid.includes('أسمى آيات التهاني'), eid.join(' | '));
});

test('a known phrase ending in a name never written with ال is a keyword (خام برنت، مزيج برنت)', () => {
  // alriyadh «خام برنت يتراجع بما يزيد عن 10% منذ بداية يوليو»: the headline's subject.
  const brent = kw('brent-falls');
  assert.ok(brent.includes('خام برنت'), brent.join(' | '));
  // alweeam «النفط يهبط مع تراجع أسهم أمريكا وزيادة المخزونات»: «… مزيج برنت …» named once in the
  // body (oil news names it in passing: held back since FOCUS_SHARE, so asked without it).
  const blend = kwUnfocused('oil-stocks');
  assert.ok(blend.includes('مزيج برنت'), blend.join(' | '));
});

test('a phrase cut before the rest of a name or a formula is no keyword', () => {
  // sabq «3 عروض تُعيد "مبروك زايد" لدوري جميل»: «دوري عبداللطيف جميل» is a league's name, and
  // the corpus knows it whole; «دوري عبداللطيف» is a cut of it, «دوري جميل» (the headline's) a short form.
  const league = kw('zayed-league');
  assert.ok(league.includes('دوري عبداللطيف جميل'), league.join(' | '));
  assert.ok(!league.some((k) => k === 'دوري عبداللطيف' || k === 'دوري جميل'), league.join(' | '));
  // sabq «رحم الله العميد راشد الصفيان»: «… وأسكنه فسيح جناته» is a prayer, not a topic.
  const obit = kw('obituary-sufayan');
  assert.ok(!obit.some((k) => k.includes('فسيح')), obit.join(' | '));
  assert.ok(obit.includes('راشد الصفيان'), obit.join(' | '));
});

test('a known phrase written after a glued ب/ك is the phrase without it', () => {
  // aljazirah «تركيا تعد بتعزيز أمنها بعد الهجوم الانتحاري في سوروتش»: «… بالهجوم الانتحاري …».
  const suruc = kw('suruc-bombing');
  assert.ok(suruc.includes('الهجوم الانتحاري'), suruc.join(' | '));
  // alriyadh «انطلاق فعاليات «عيدكم عيدنا» بالألعاب النارية والأهازيج والمسرحيات.. في جدة».
  const jeddah = kw('jeddah-fireworks');
  assert.ok(jeddah.includes('الألعاب النارية'), jeddah.join(' | '));
  assert.ok(!jeddah.some((k) => k.startsWith('بال')), jeddah.join(' | '));
  // alriyadh «أميركية تخضع لغيبوبة مصطنعة لإنقاذ حياتها»: «… مصابة بالتليف الكيسي …».
  const cf = kw('cystic-fibrosis');
  assert.ok(cf.includes('التليف الكيسي'), cf.join(' | '));
});
