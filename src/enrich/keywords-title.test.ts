/**
 * Keywords: a phrase the headline names once and the body never repeats as written is no shown
 * unit, so it must not take its words' counts: the headline's own words keep their title weight
 * and the topic is tagged (keywords.ts).
 * Articles: testdata/keywords-title.json (SaudiNewsNet, 2015-07-22; source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractKeywords, shippedTermStats } from './index.ts';

const stats = shippedTermStats();
const articles = new Map(
  (JSON.parse(readFileSync(new URL('./testdata/keywords-title.json', import.meta.url), 'utf8')) as { articles: Array<{ id: string; title: string; text: string }> }).articles.map((a) => [a.id, a]),
);
const kw = (id: string): string[] => extractKeywords(articles.get(id)!, stats);

test("the headline's noun phrase named once is tagged, not a filler of the body", () => {
  // okaz «الأحمري: الضربات الاستباقية أحبطت 200 عملية»: the pre-emptive strikes are the story.
  const strikes = kw('preemptive-strikes');
  assert.ok(strikes.includes('الضربات الاستباقية'), strikes.join(' | '));
  assert.ok(!strikes.includes('أبناء الوطن'), strikes.join(' | '));
  // sabq «ديوان المظالم يُقيم حفل معايدة لمنسوبيه»: the Eid reception, not a greeting formula.
  const eid = kw('grievances-eid');
  assert.ok(eid.some((k) => k === 'حفل المعايدة' || k === 'حفل معايدة'), eid.join(' | '));
  assert.ok(!eid.includes('أسمى آيات التهاني'), eid.join(' | '));
});
