/**
 * Keywords in the base form an editor tags with: a definite sound masculine plural in the
 * nominative (`المستوطنون`) where the article writes only its oblique (`والمستوطنين`), the
 * adjectives that agree with it too, an indefinite plural alone with ال (`مصابين` → `المصابون`), never the genitive of an idafa (`نقابة الصحفيين`), nor a dual,
 * a singular in ين, a name or a number (keyword-forms.ts baseForm).
 * Articles: testdata/keywords-forms.json (SaudiNewsNet, 2015-07-21, 2015-07-25 and 2015-08-06; source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordFixture } from './testdata/keyword-fixture.ts';
import { adverb, baseForm } from './keyword-forms.ts';

const { kw, kwUnfocused, stats } = keywordFixture('keywords-forms.json');

test('a definite plural the article writes only in the oblique is tagged in the nominative', () => {
  // 3alyoum «تغليظ عقوبة راشقي الحجارة على سيارات …»: «… على سيارات الجيش والمستوطنين …», never المستوطنون.
  const settlers = kw('settlers-stones');
  assert.ok(settlers.includes('المستوطنون') && !settlers.includes('المستوطنين'), settlers.join(' | '));
  // 3alyoum «النصر يجدد لـ فابيان …»: «… اللاعبين الأجانب …»: the adjective agrees with its noun.
  const players = kw('nassr-foreign-players');
  assert.ok(players.includes('اللاعبون الأجانب'), players.join(' | '));
  // aleqtisadiya, Saudi tourists in London: «السياح السعوديين»: an adjective after a broken plural.
  const tourists = kw('saudi-tourists-london');
  assert.ok(tourists.includes('السياح السعوديون'), tourists.join(' | '));
});

test('an indefinite plural alone is tagged as the definite nominative; a singular in ين is no plural', () => {
  // okaz «وفاة 5 أشخاص في حادث تصادم بالطائف»: «… مصابين.» and «المصابين».
  // (Held back since keyword-told.ts, a word news names in passing: asked without it.)
  const crash = kwUnfocused('taif-crash');
  assert.ok(crash.includes('المصابون') && !crash.includes('مصابين'), crash.join(' | '));
  assert.ok(!kw('taif-crash').includes('مصابين'), kw('taif-crash').join(' | '));
  // alriyadh «السلطات العراقية تفرج عن السجين السعودي الحربي» (the article writes السجون too):
  // the prisoner, not the prisons.
  const prisoner = kw('iraq-prisoner');
  assert.ok(prisoner.includes('السجين') && !prisoner.includes('السجون'), prisoner.join(' | '));
});

test('the genitive of an idafa stays in the oblique, even where the article writes the nominative too', () => {
  // 3alyoum «نقابة الصحفيين اليمنيين تدين …» (the article also writes الصحفيون).
  const union = kw('yemen-journalists-union');
  assert.ok(union.includes('نقابة الصحفيين'), union.join(' | '));
  assert.ok(!union.some((k) => /الصحفيون/.test(k)), union.join(' | '));
  // alweeam, Toshiba's chief resigns: «كبار المسؤولين» (a phrase news names in passing, held back
  // since FOCUS_SHARE: asked here without it).
  const toshiba = kwUnfocused('toshiba-resignation');
  assert.ok(toshiba.includes('كبار المسؤولين') && !toshiba.includes('كبار المسؤولون'), toshiba.join(' | '));
});

test('no keyword holds another in either case of a plural', () => {
  // 3alyoum «عصابات المستوطنين اليهود تقتحم المسجد الأقصى»: the nominative of the phrase inside
  // the longer one is no second keyword.
  const aqsa = kw('settlers-aqsa');
  assert.ok(aqsa.includes('عصابات المستوطنين اليهود'), aqsa.join(' | '));
  assert.ok(!aqsa.includes('المستوطنون اليهود'), aqsa.join(' | '));
});

test('duals, singulars in ين, names and tens keep their form; the corpus decides', () => {
  const none = (): ReadonlySet<string> => new Set();
  // A dual (الطرفين، العامين: العامان), a singular فعيل (السجين: السجون is prisons; الجنين،
  // الحصين), a name (البحرين، الحسين، الأمين), a number (العشرين).
  for (const w of ['الطرفين', 'العامين', 'السجين', 'الجنين', 'الحصين', 'البحرين', 'الحسين', 'الأمين', 'العشرين', 'الحرمين الشريفين']) {
    assert.equal(baseForm(w, none, stats), w);
  }
  assert.equal(baseForm('المستوطنين', none, stats), 'المستوطنون');
  assert.equal(baseForm('الصيادين المصريين', none, stats), 'الصيادون المصريون');
  // Without the corpus, only a nominative the article writes.
  assert.equal(baseForm('المستوطنين', none), 'المستوطنين');
  assert.equal(baseForm('المستوطنين', () => new Set(['المستوطنون'])), 'المستوطنون');
  // A singular فعيل, whatever the article writes (السجين beside السجون).
  assert.equal(baseForm('السجين', () => new Set(['السجين', 'السجون']), stats), 'السجين');
  // An idafa's genitive, whatever the article writes.
  assert.equal(baseForm('تعيين المعلمين', () => new Set(['المعلمون']), stats), 'تعيين المعلمين');
});

test('a تفعّل/تفاعل participle in the indefinite accusative is a manner, never a keyword, known to the corpus or not', () => {
  // SaudiNewsNet 2015-08-10 (3alyoum, aleqtisadiya; testdata/README.md): «… أجهزة الأكسجين،
  // متسائلاً عمن يتحمل تكاليف تلك الأجهزة»، «تمكن من الهرب من صنعاء متوجها إلى حضرموت»، «قد يكون
  // أمراً متفائلاً فوق الحد»; aawsat (testdata/keywords-aside.json): «وقال برودكين متهكما» — the
  // corpus never writes متهكم bare or with ال.
  for (const w of ['متسائلا', 'متوجها', 'متفائلا', 'متهكما']) assert.ok(adverb(w, stats), w);
  // Not a noun of that shape without the accusative ا, nor a name (متحف، متروبوليتان).
  for (const w of ['متحف', 'متروبوليتان', 'المتحدث']) assert.ok(!adverb(w, stats), w);
});
