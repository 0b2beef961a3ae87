/**
 * Keywords: a listed body is tagged by its own name (the gazetteer's) where the article calls it
 * by that name too, in any of its forms, or writes a longer form that the name shortens — one tag
 * per body across articles, as a news site's tag page is; the article's own form stays where the
 * name would be a word it never uses (keyword-entities.ts `listedNameFits`).
 * Articles: testdata/keywords-listed.json (SaudiNewsNet, six whole articles of the labelled
 * development sets; source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordFixture } from './testdata/keyword-fixture.ts';
import { analyzeEntities } from './index.ts';

const { kw, articles } = keywordFixture('keywords-listed.json');
const org = (id: string, eid: string) => analyzeEntities(articles.get(id)!).find((e) => e.id === eid);

test('OPEC written mostly by its long name, and once as أوبك, is tagged أوبك', () => {
  // «أوبك» تستبعد عقد اجتماع طارئ …: «منظمة الدول المصدرة للنفط» and «منظمة البلدان المصدرة للبترول» in the body.
  const opec = org('opec', 'org:opec');
  assert.ok(opec && opec.surfaces.length === 3, JSON.stringify(opec?.surfaces));
  const kws = kw('opec');
  assert.ok(kws.includes('أوبك'), kws.join(' | '));
  assert.ok(!kws.some((k) => k.startsWith('منظمة')), kws.join(' | '));
});

test('the Gulf council written in full is tagged by its shorter name', () => {
  // «مجلس التعاون لدول الخليج العربية» only: the name keeps its first words (مجلس التعاون الخليجي).
  assert.deepEqual(org('gcc', 'org:gcc')?.surfaces, ['مجلس التعاون لدول الخليج العربية']);
  const kws = kw('gcc');
  assert.ok(kws.includes('مجلس التعاون الخليجي') && !kws.includes('مجلس التعاون لدول الخليج العربية'), kws.join(' | '));
});

test('a body named by its head noun and without it is tagged by its name', () => {
  // «هيئة الهلال اﻷحمر» (with a presentation-form lam-alef) and «الهلال الأحمر».
  const kws = kw('red-crescent');
  assert.ok(kws.includes('الهلال الأحمر') && !kws.some((k) => k.startsWith('هيئة')), kws.join(' | '));
});

test('the Houthis written in the oblique case are tagged in the base form', () => {
  // «الحوثيين» most often, «الحوثيون» and «المليشيات الحوثية» too.
  const kws = kw('houthis');
  assert.ok(kws.includes('الحوثيون') && !kws.includes('الحوثيين'), kws.join(' | '));
});

test('a form of its own or a spelling the article does not use stays as written', () => {
  // Turkey and Syria: «تنظيم الدولة الإسلامية» throughout, never «داعش» (the listed name).
  const isis = kw('isis-long');
  assert.ok(isis.some((k) => k.startsWith('تنظيم الدولة')) && !isis.includes('داعش'), isis.join(' | '));
  // «البنتاجون» as the article spells it, not the listed «البنتاغون».
  const pentagon = kw('pentagon');
  assert.ok(pentagon.includes('البنتاجون') && !pentagon.includes('البنتاغون'), pentagon.join(' | '));
});
