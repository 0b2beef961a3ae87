/**
 * Word shapes that are never a keyword however rare the word (keyword-forms.ts): a present tense
 * with a plural or dual ending, a past tense of the استفعل stem, the accusative of a derived verbal
 * noun (a manner or a purpose: اتصالاً، استنادا), a plural in construct with a pronoun — and the
 * nouns of nearby shapes that stay (أهدافاً → أهداف, a name such as يوركتاون); a common word the
 * title does not hold is held back (keywords.ts PLAIN_DF).
 * Articles: testdata/keywords-shapes.json (SaudiNewsNet, source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordFixture } from './testdata/keyword-fixture.ts';
import { adverb, pronounAttached, verbLike } from './keyword-forms.ts';

const { kw, kwUnfocused, stats } = keywordFixture('keywords-shapes.json');

test('a verb is no keyword, rare or not: يشيخون، يتدافعون، استشهد', () => {
  // aljazirah «الناظرون للمرآة يشيخون بسرعة»: the title's verb, in no other document of the corpus.
  const mirror = kw('mirror-ageing');
  assert.ok(mirror.length >= 3 && !mirror.includes('يشيخون'), mirror.join(' | '));
  // alwatan «شباب عدن يتدافعون للانضمام للقوى الأمنية».
  const aden = kw('aden-youth');
  assert.ok(aden.length >= 3 && !aden.includes('يتدافعون'), aden.join(' | '));
  // alriyadh, a governor's condolences: «… الذي استشهد …».
  const martyr = kw('asir-martyr');
  assert.ok(martyr.includes('فيصل بن خالد') && !martyr.includes('استشهد'), martyr.join(' | '));
  for (const w of ['يشتغلون', 'يتنزهان', 'استخدم', 'استهدف']) assert.ok(verbLike(w, stats.df(w), stats), w);
  // A name of that shape starts يو/يا; a noun of it takes ال (the corpus writes اليابان).
  for (const w of ['يوركتاون', 'يابان']) assert.ok(!verbLike(w, stats.df(w), stats), w);
});

test('a derived verbal noun in the accusative is a manner or a purpose; a broken plural is the noun', () => {
  // alyaum «ولي ولي العهد يجري اتصالاً هاتفياً بملك الأردن».
  const call = kw('call-jordan-king');
  assert.ok(call.includes('الأردن') && !call.some((k) => k.startsWith('اتصال')), call.join(' | '));
  for (const w of ['استنادا', 'احتفالا', 'احتجاجا', 'انتعاشا']) assert.ok(adverb(w, stats), w);
  // alriyadh «داود أوغلو: الجيش التركي دمر بالكامل أهدافاً لتنظيم داعش»: أفعال shares إفعال's shape.
  assert.ok(!adverb('اهدافا', stats));
  // (أهداف alone is a word news names in passing, held back since FOCUS_SHARE: asked without it.)
  assert.ok(kwUnfocused('davutoglu-targets').includes('أهداف'), kwUnfocused('davutoglu-targets').join(' | '));
  for (const w of ['اوبرا', 'اوروبا']) assert.ok(!adverb(w, stats), w);
});

test('a sound plural in construct with a pronoun is no keyword (مشتركيها); a ية noun is none', () => {
  // alyaum «اختتام مزاد موبايلي «راقي» للأرقام المميزة»: «… لمشتركيها …».
  const auction = kw('mobily-auction');
  assert.ok(auction.includes('موبايلي') && !auction.includes('مشتركيها'), auction.join(' | '));
  for (const w of ['مساهميها', 'مشتركيها']) assert.ok(pronounAttached(w, stats.df(w), stats), w);
  // ه is also ة normalized: مسؤولية is no مسؤولي + ه; أمينا is an accusative, not أمي + نا.
  for (const w of ['مسؤوليه', 'الاميه', 'امينا']) assert.ok(!pronounAttached(w, stats.df(w), stats), w);
});

test('a word with «your», a hamza seated before the pronoun, or a preposition too, is pronoun-attached', () => {
  // judged clitic forms of the development sets: وزنك (g029), ناديك (f032), خالص عزائه (c042), برصفها (g009)
  for (const w of ['وزنك', 'ناديك', 'عزائه', 'برصفها']) assert.ok(pronounAttached(w, stats.df(w), stats), w);
  // (not a word that ends in ك itself, nor a ة noun behind a preposition: لنصرة الأشقاء)
  for (const w of ['شريك', 'مبارك', 'بنك', 'تحرك', 'ملك', 'لنصره']) assert.ok(!pronounAttached(w, stats.df(w), stats), w);
});

test('a common word the title does not hold, or shows without ال, is held back; a sound plural is not', () => {
  const editor = keywordFixture('keywords-editor.json');
  // aljazirah «مصرف الإنماء يعايد منسوبيه»: «لقاء» and «الإدارة» in the body only, each in hundreds
  // of corpus documents — a reader's «generic»; the bank and its chairman stay first.
  const bank = editor.kw('bank-greeting');
  assert.ok(!bank.includes('لقاء') && !bank.includes('الإدارة') && bank[0] === 'مصرف الإنماء', bank.join(' | '));
  // aawsat «روسية تحصل على بطاقة ركوب مجانية لمدة عام»: «بطاقة» in the title, without ال — a word
  // cut out of «بطاقة ركوب» — is held back too; Moscow stays.
  const card = editor.kw('moscow-metro-card');
  assert.ok(!card.includes('بطاقة') && card.includes('موسكو'), card.join(' | '));
  // okaz «وفاة 5 أشخاص في حادث تصادم بالطائف»: the injured (a sound plural) are not held back
  // by this rule (keyword-told.ts's model holds them, a word news names in passing: asked without it).
  const forms = keywordFixture('keywords-forms.json');
  assert.ok(forms.kwUnfocused('taif-crash').includes('المصابون'), forms.kwUnfocused('taif-crash').join(' | '));
});
