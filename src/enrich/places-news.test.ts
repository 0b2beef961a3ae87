/**
 * News places (data/gazetteer/curated/others.tsv, the section mined from the corpus): governorates,
 * towns and regions that news names (أبين، الأنبار، عسير، ينبع …) are places of their own; a word
 * that is also a common word or a given name only with its marker (مدينة الرمادي، محافظة عفيف); a
 * region no mention of its state; bodies named after them read whole. Sentences from SaudiNewsNet
 * (CC BY-NC-SA 4.0, each its newspaper's), days named beside each case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeEntities } from './index.ts';

const ents = (text: string, title = '') => analyzeEntities({ title, text });
const ids = (text: string, title = ''): string[] => ents(text, title).map((e) => e.id);
const orgs = (text: string): string[] => ents(text).filter((e) => e.type === 'org').map((e) => e.name);

test('governorates and towns in the news are places, and a region is no mention of its state', () => {
  // alriyadh 2015-07-23 «المقاومة تكمل سيطرتها على آخر معاقل الحوثيين في عدن وتتقدم في أبين»
  const yemen = ids('وتقدمت المقاومة الشعبية في محافظة أبين المجاورة نحو مدينة زنجبار.');
  assert.ok(yemen.includes('region:abyan') && yemen.includes('city:zinjibar'), yemen.join(' '));
  assert.ok(!yemen.includes('country:YE'), yemen.join(' '));
  // aawsat 2015-08-06: Anbar
  assert.ok(ids('وقال مجلس محافظة الأنبار إن القوات تقدمت في الأنبار.').includes('region:anbar'));
});

test('a place that is also a common word or a given name is matched only with its marker', () => {
  // «الرمادي» is also «grey»: the city after مدينة, not the colour
  assert.ok(ids('وصلت القوات إلى أطراف مدينة الرمادي صباح اليوم.').includes('city:ramadi'));
  assert.ok(!ids('ارتدى اللاعبون القميص الرمادي في المباراة.').includes('city:ramadi'));
  // f017, okaz 2015-07-25: «عفيف» is a given name (the Saudi town only as محافظة عفيف)
  const tunis = ents('وقال الخبير في السياحة ومدير المرصد التونسي للسياحة عفيف كشك "يحتاج القطاع السياحي لوقت طويل للتعافي".');
  assert.ok(tunis.some((e) => e.type === 'person' && e.name === 'عفيف كشك'), tunis.map((e) => e.id).join(' '));
  // «للحج» is «for the Hajj», not Lahij
  assert.ok(!ids('وأكدت الوزارة استعدادها للحج هذا العام.').includes('region:lahij'));
});

test('a body named after a place is read whole', () => {
  // f011 (okaz 2015-07-25): a region's emirate; the police of a governorate
  assert.ok(orgs('وأوضح المتحدث باسم إمارة منطقة الباحة أن العمل مستمر.').includes('إمارة منطقة الباحة'));
  assert.ok(orgs('وباشرت شرطة محافظة النبهانية الحادث.').includes('شرطة محافظة النبهانية'));
  // what the body is goes on after the place: an adjective or a لل-linked word
  assert.ok(orgs('ونقل المصابون إلى مستشفى عسير المركزي لتلقي العلاج.').includes('مستشفى عسير المركزي'));
  assert.ok(orgs('أعلنت الهيئة الملكية للجبيل وينبع عن مشاريع جديدة.').some((o) => o.startsWith('الهيئة الملكية للجبيل')));
  assert.ok(orgs('وقال قائد قيادة عمليات الأنبار إن القوات تقدمت.').includes('قيادة عمليات الأنبار'));
  // (not a noun that starts the clause after it)
  assert.ok(!orgs('وتبنت أمانة الرياض البعد الاجتماعي في مشاريعها.').some((o) => o.includes('البعد')));
});
