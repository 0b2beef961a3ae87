/**
 * Keywords: the lede (the body's first LEDE_TOKENS tokens) names who and where the story is
 * about, so an entity named once there outranks the phrases and words; a person the corpus
 * does not know, named once further down, does not lead (keyword-entities.ts entityRanks).
 * Articles: testdata/keywords-lede.json (SaudiNewsNet, 2015-07-22; source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordFixture } from './testdata/keyword-fixture.ts';
import { analyzeEntities } from './index.ts';
import { LEDE_TOKENS } from './keyword-entities.ts';
import { docTokens } from './tokens.ts';

const { kw, articles } = keywordFixture('keywords-lede.json');
/** The entity the article names as `name`: named once, and where. */
const entity = (id: string, name: string): { mentions: number; bodyPos: number } => {
  const a = articles.get(id)!;
  const e = analyzeEntities(a).find((x) => x.name === name || x.surfaces.includes(name));
  assert.ok(e, `${name} is an entity of ${id}`);
  return { mentions: e.mentions, bodyPos: e.first - docTokens(a.title, a.text).findIndex((t) => t.seg === 1) };
};

test('a person named once in the lede is a keyword (the minister met, the leader answered)', () => {
  // aawsat «الأمير محمد بن سلمان يجتمع بوزير الدفاع الأميركي في جدة»: «… اجتماعاً ثنائياً مع
  // وزير الدفاع الأميركي اشتون كارتر.» — the headline's «وزير الدفاع الأميركي», named once.
  const carter = entity('carter-jeddah', 'اشتون كارتر');
  assert.equal(carter.mentions, 1);
  assert.ok(carter.bodyPos < LEDE_TOKENS, String(carter.bodyPos));
  const kws = kw('carter-jeddah');
  assert.ok(kws.includes('اشتون كارتر'), kws.join(' | '));
  assert.ok(kws.includes('محمد بن سلمان'), kws.join(' | '));
  // aawsat «القاهرة تطالب طهران بوقف التدخل في شؤون الدول العربية»: «… تعقيبا على التصريحات
  // الأخيرة للمرشد الأعلى للثورة الإيرانية علي خامنئي …», whose words Cairo answers.
  const cairo = kw('cairo-tehran');
  assert.ok(cairo.includes('علي خامنئي'), cairo.join(' | '));
});

test('a person the corpus does not know (an expert, a spokeswoman), named once after the lede, does not lead', () => {
  // aawsat «إغلاق مطار بالي بإندونيسيا بعد ثوران بركان رونغ»: «كما قال خبير البراكين غيدي
  // سوانتيكا ان الرياح …» — an expert quoted in passing, far into the body.
  const bali = kw('bali-volcano');
  assert.ok(bali.includes('بركان رونغ') && bali.includes('بالي'), bali.join(' | '));
  // (He may take the last place, one a held-back word left: after every topic word.)
  const expert = bali.findIndex((k) => k.includes('سوانتيكا'));
  assert.ok(expert === -1 || (expert === bali.length - 1 && expert > bali.indexOf('بالي') && expert > bali.indexOf('بركان رونغ')), bali.join(' | '));
  // aleqtisadiya «الشرطة تعثر على 1200 سلاح ناري في منزل رجل ميت في لوس أنجليس»: «… قالت
  // المتحدثة باسم ادارة شرطة لوس أنجليس الضابطة ليليانا بريسيادو …».
  const spokeswoman = entity('la-guns', 'ليليانا بريسيادو');
  assert.equal(spokeswoman.mentions, 1);
  assert.ok(spokeswoman.bodyPos >= LEDE_TOKENS, String(spokeswoman.bodyPos));
  const guns = kw('la-guns');
  assert.equal(guns[0], 'لوس أنجليس', guns.join(' | '));
  // She does not lead: at most she competes as a rare name would, after the story's topic words
  // (keywords-aside.test.ts: words named twice far down weigh less, so she may fill the last slot).
  const at = guns.indexOf('ليليانا بريسيادو');
  assert.ok(at === -1 || (at > guns.indexOf('الأسلحة') && at > guns.indexOf('سلاح ناري')), guns.join(' | '));
});
