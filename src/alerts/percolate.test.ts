/**
 * The percolator's query semantics on hand-made documents (the equivalence with the
 * full-text index on real articles is in test/alerts-sqlite.test.ts): terms analyzed
 * like search (ايران finds إيران, الإيرانية), phrases adjacent within one field,
 * exclusion, OR, filters; and the index: an article only reaches alerts whose key it holds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../arabic/index.ts';
import { AlertMatcher, tokensOf, type MatchDoc } from './percolate.ts';
import type { Alert } from './types.ts';

let n = 0;
const alert = (query: string, extra: Partial<Alert> = {}): Alert => ({
  id: `a${++n}`, name: query, query, outlet: null, entity: null, keyword: null, webhookUrl: null, secret: null,
  createdAt: '2024-01-01T00:00:00.000Z', consecutiveFailures: 0, pausedAt: null, pausedReason: null, ...extra,
});
const doc = (title: string, text: string, extra: Partial<MatchDoc> = {}): MatchDoc => ({ title: tokensOf(analyze(title)), text: tokensOf(analyze(text)), outlet: null, ...extra });

test('terms, phrases, exclusion and OR follow the search syntax', async () => {
  const alerts = {
    iran: alert('ايران'),
    phrase: alert('"وزير الدفاع"'),
    notCorona: alert('الرياض -كورونا'),
    either: alert('طهران OR موسكو'),
    both: alert('طهران موسكو'),
    crossField: alert('"الروسي وزير"'),
    covid: alert('covid-19'),
  };
  const m = await AlertMatcher.build(Object.values(alerts));
  const ids = (d: MatchDoc) => new Set(m.match(d));
  const d1 = doc('وزير الدفاع الروسي يزور طهران', 'قالت وإيران إن الزيارة تبحث التعاون. وأكد الوزير في الرياض');
  const got = ids(d1);
  assert.ok(got.has(alerts.iran.id), 'وإيران is ايران');
  assert.ok(got.has(alerts.phrase.id));
  assert.ok(got.has(alerts.notCorona.id));
  assert.ok(got.has(alerts.either.id));
  assert.ok(!got.has(alerts.both.id), 'موسكو is missing');
  assert.ok(!got.has(alerts.crossField.id), 'a phrase does not run from the title into the text');
  // Words present but not adjacent: no phrase match; an excluded word removes the match.
  const d2 = doc('وزير يلتقي نظيره', 'بحث الدفاع المشترك في الرياض مع انتشار كورونا');
  const got2 = ids(d2);
  assert.ok(!got2.has(alerts.phrase.id));
  assert.ok(!got2.has(alerts.notCorona.id));
  // A stopword inside a phrase is dropped on both sides, as the index drops it.
  const m2 = await AlertMatcher.build([alert('"وزير في الدفاع"')]);
  assert.equal(m2.match(doc('', 'وزير الدفاع')).length, 1);
  // ASCII glued terms become a phrase of tokens (covid-19 → covid 19).
  assert.ok(ids(doc('', 'ارتفاع إصابات COVID-19 في المنطقة')).has(alerts.covid.id));
  assert.ok(!ids(doc('', 'covid وصل 19')).has(alerts.covid.id));
});

test('filters: outlet exactly, entity by id or name, keyword or tag after normalization', async () => {
  const byOutlet = alert('طهران', { outlet: 'الرياض' });
  const byEntity = alert('طهران', { entity: 'country:IR' });
  const byEntityName = alert('طهران', { entity: 'ايران' });
  const byKeyword = alert('طهران', { keyword: 'الاتفاق النووي' });
  const m = await AlertMatcher.build([byOutlet, byEntity, byEntityName, byKeyword]);
  const base = doc('طهران', '');
  assert.deepEqual(m.match(base), []);
  const full = { ...base, outlet: 'الرياض', entities: [{ id: 'country:IR', name: 'إيران', type: 'country', mentions: 2 }], keywords: ['الإتفاق النووي'] };
  assert.deepEqual(new Set(m.match(full)), new Set([byOutlet.id, byEntity.id, byEntityName.id, byKeyword.id]));
  assert.deepEqual(m.match({ ...full, outlet: 'عكاظ' }).includes(byOutlet.id), false);
  assert.ok(m.match({ ...base, tags: ['الاتفاق النووي'] }).includes(byKeyword.id), 'a source tag counts as a keyword');
});

test('the index: each alert is filed under its rarest key, so an article reaches only alerts it can match', async () => {
  // 1000 alerts each needing a common word and a rare made-up one: keyed by the rare one.
  const L = 'جحخدذرزشصضطظعغق';
  const word = (i: number) => `ج${L[i % 15]}${L[Math.floor(i / 15) % 15]}${L[Math.floor(i / 225) % 15]}ق`;
  const list = Array.from({ length: 1000 }, (_, i) => alert(`السعودية ${word(i)}`));
  assert.equal(new Set(list.map((a) => analyze(a.query).join(' '))).size, 1000, 'distinct keys');
  const common = analyze('السعودية')[0]!;
  const df = (toks: string[]) => toks.map((t) => (t === common ? 5000 : 1));
  const m = await AlertMatcher.build(list, df);
  const d = doc('السعودية اليوم', `خبر عن السعودية و ${word(7)}`);
  assert.equal(m.candidates(d), 1, 'only the alert keyed by كلمة7');
  assert.deepEqual(m.match(d), [list[7]!.id]);
  // OR: filed under each alternative, so either one reaches it.
  const or = alert('(نفط OR غاز) أسعار');
  const m2 = await AlertMatcher.build([or], (toks) => toks.map((t) => (t.includes('سعر') ? 1 : 100)));
  assert.deepEqual(m2.match(doc('', 'ارتفاع أسعار الغاز')), [or.id]);
  const m3 = await AlertMatcher.build([or], (toks) => toks.map((t) => (t.includes('سعر') ? 100 : 1)));
  assert.deepEqual(m3.match(doc('', 'ارتفاع أسعار الغاز')), [or.id]);
  assert.deepEqual(m3.match(doc('', 'ارتفاع أسعار الذهب')), []);
});

test('rekey: keys chosen blind (no frequencies) are chosen again from the corpus, with the same matches', async () => {
  // Keyed blind, the longer word wins the tie: the common one here. Re-keyed with frequencies, the rare one.
  const a = alert('المملكة نمر');
  const common = analyze('المملكة')[0]!;
  const blind = await AlertMatcher.build([a]);
  const common1 = doc('المملكة اليوم', 'خبر عن المملكة');
  assert.equal(blind.candidates(common1), 1, 'blind: filed under the long, common word');
  const keyed = await blind.rekey((toks) => toks.map((t) => (t === common ? 900 : 2)));
  assert.equal(keyed.candidates(common1), 0, 're-keyed: an article with only the common word no longer reaches it');
  assert.equal(keyed.size, 1);
  const both = doc('نمر في المملكة', '');
  assert.deepEqual(keyed.match(both), [a.id]);
  assert.deepEqual(blind.match(both), [a.id]);
});
