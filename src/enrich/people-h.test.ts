/**
 * People classes found on the seventh development set (eval/understand/articles-h.jsonl, h001–h080,
 * days 2015-07-21 and 2015-07-22, annotated blind): SaudiNewsNet, CC BY-NC-SA 4.0, each article its
 * newspaper's. Sentences quoted from the articles named beside each case; each failed before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeEntities } from './index.ts';

const people = (text: string, title = ''): string[] => analyzeEntities({ title, text }).filter((e) => e.type === 'person').map((e) => e.name);

test('a column signed with the author’s name on its last line names no person there', () => {
  // h048, almadina 2015-07-22
  assert.deepEqual(people('لا تنظر للقمة قبل وصولك، بل واصل سيرك وثقتك بنفسك، وذاك الذي قفز للقمة قد يترنح ويقع، إن لم تكن لديه لياقة تسانده.\n عايض الميلبي'), []);
  // h058, aljazirah 2015-07-21: a reader's letter, signed with the town after a dash
  assert.deepEqual(people('شاكرين ومقدرين ما ننعم به من أمن ورفاهية وخدمات مجانية تحت مظلة قيادتنا الرشيدة - رعاها الله -. محمد حزاب الغفيلي - الرس'), []);
  // (named in the text too, the person counts: the signature is not the only mention)
  assert.deepEqual(people('وقال عايض الميلبي إن الواسطة لا تصنع النجاح. ولا تنظر للقمة قبل وصولك.\n عايض الميلبي'), ['عايض الميلبي']);
  // (a body that is only a name, as some aljazirah items are, keeps it)
  assert.deepEqual(people('لويس انريكي', 'مدرب برشلونة'), ['لويس انريكي']);
});
