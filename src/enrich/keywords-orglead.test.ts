/**
 * Keywords: an organisation named once leads the keywords only when the story names it early
 * (ORG_LEAD_TOKENS, keyword-entities.ts); further down, a body named once is more often one the
 * story passes through (the hospital the injured were taken to) and competes with the topic's
 * phrases by its weight. People keep the longer reach (LEAD_TOKENS).
 * Article: testdata/keywords-orglead.json (SaudiNewsNet, okaz, 2015-07-22; source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordFixture } from './testdata/keyword-fixture.ts';
import { analyzeEntities } from './index.ts';
import { LEAD_TOKENS, ORG_LEAD_TOKENS } from './keyword-entities.ts';

const { kw, articles } = keywordFixture('keywords-orglead.json');

test('a hospital named once where the injured were taken does not lead an air-ambulance story', () => {
  // okaz ««الفضول» يعيق الإسعاف الجوي من مباشرة حادث مروري»: «… نقل الحالتين الخطرتين عن طريق
  // الإسعاف الجوي لمستشفى الملك فهد، فيما نقلت الحالة المتوسطة …» — named once, in the last paragraph.
  const hospital = analyzeEntities(articles.get('air-ambulance')!).find((e) => e.name === 'مستشفى الملك فهد');
  assert.ok(hospital, 'the hospital is an organisation of the article');
  assert.equal(hospital.mentions, 1);
  assert.ok(hospital.first >= ORG_LEAD_TOKENS && hospital.first < LEAD_TOKENS, String(hospital.first));
  const kws = kw('air-ambulance');
  const at = kws.indexOf('مستشفى الملك فهد');
  // The story's own topic comes first: the air ambulance and the crash it could not reach.
  assert.ok(kws.includes('الإسعاف الجوي') && kws.includes('حادث مروري'), kws.join(' | '));
  assert.ok(at === -1 || (at > kws.indexOf('الإسعاف الجوي') && at > kws.indexOf('حادث مروري')), kws.join(' | '));
  // The body that acts in the story, named again and again, still leads.
  assert.ok(kws.indexOf('الهلال الأحمر') >= 0 && kws.indexOf('الهلال الأحمر') < kws.indexOf('الإسعاف الجوي'), kws.join(' | '));
});
