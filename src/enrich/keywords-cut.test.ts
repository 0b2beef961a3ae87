/**
 * A word shown through the phrase that holds it (keywords.ts expand) where that phrase is cut
 * before its idafa's last term in the article: the last term joins it when it is always the same
 * word, and the word is no keyword when it varies (keyword-forms.ts completed); a phrase a name
 * always follows is cut short too. A reader judged each of these keywords a fragment before.
 * Articles: testdata/keywords-dev.json (SaudiNewsNet, source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordFixture } from './testdata/keyword-fixture.ts';
import { completed } from './keyword-forms.ts';
import { extractKeywords } from './index.ts';
import { docTokens } from './tokens.ts';

const { kw, stats } = keywordFixture('keywords-dev.json');

test('a phrase cut before the same last term each time is shown whole: عطلة نهاية الأسبوع', () => {
  // h067, aawsat 2015-07-21: «عطلة نهاية الأسبوع» three times, never «عطلة نهاية» alone
  const weekend = kw('h067');
  assert.ok(weekend.includes('عطلة نهاية الأسبوع'), weekend.join(' | '));
  assert.ok(!weekend.includes('عطلة نهاية'), weekend.join(' | '));
});

test('a phrase cut short once, or before different last terms, gives no keyword: كسر حاجز، سماء منطقة', () => {
  // g063, aleqtisadiya 2015-08-10: «كسر حاجز المليوني» once (the headline's «يكسر» is a verb)
  const million = kw('g063');
  assert.ok(million.length >= 3 && !million.some((k) => k.startsWith('كسر حاجز')), million.join(' | '));
  // c080, aleqtisadiya 2015-08-07: «في سماء الباحة», «في سماء منطقة الباحة»
  const sky = kw('c080');
  assert.ok(sky.length >= 3 && !sky.includes('سماء منطقة'), sky.join(' | '));
});

test('a feminine word in ـية is a nisba only where the corpus writes its masculine', () => {
  const toks = docTokens('', 'زار المعرض في عطلة نهاية الأسبوع، ثم عاد في عطلة نهاية الأسبوع التالية. وعقد مؤتمر الأمم المتحدة في جنيف.');
  const at = (w: string): number => toks.findIndex((t) => t.norm === w);
  const all = (w: string): number[] => toks.flatMap((t, i) => (t.norm === w ? [i] : []));
  // (نهاية has no masculine نهاي: the phrase is cut short, and completed; named once, not)
  assert.equal(completed(toks, all('عطله'), 2, 'عطلة نهاية', stats), 'عطلة نهاية الأسبوع');
  assert.equal(completed(toks, all('عطله').slice(0, 1), 2, 'عطلة نهاية', stats), undefined);
  // (a phrase ending in a definite word is whole)
  assert.equal(completed(toks, [at('الامم')], 2, 'الأمم المتحدة', stats), 'الأمم المتحدة');
});

test('a definite ة noun that reads as a word and its pronoun still starts a phrase: المقابلة الشخصية', () => {
  // h003, aljazirah 2015-07-21: المقابلة (normalized المقابله) reads as المقابل + ه, so no phrase could
  // start at it; its phrase is the headline's topic. Alone it stays out.
  const interview = kw('h003');
  assert.ok(interview.includes('المقابلة الشخصية'), interview.join(' | '));
  assert.ok(!interview.includes('المقابلة'), interview.join(' | '));
});

test('an idafa after a preposition glued to its indefinite head is the same phrase: بعيد الفطر is عيد الفطر', () => {
  // d061, alyaum 2015-07-24: «بعيد الفطر» twice, «عيد الفطر المبارك» once; the editor tagged عيد الفطر
  const eid = kw('d061');
  assert.ok(eid.includes('عيد الفطر'), eid.join(' | '));
  assert.ok(!eid.includes('الفطر المبارك'), eid.join(' | '));
  // aleqtisadiya 2015-07-20 (shortened): «بمستودع لقطع الغيار» in the headline and the lede, «قطع غيار» further down
  const title = '"مدني مكة" يسيطر على حريق نشب بمستودع لقطع الغيار';
  const text = 'تمكنت تسع فرق إطفاء وإنقاذ من إدارة الدفاع المدني بالعاصمة المقدسة من المساهمة في إخماد حريق شب بمستودع لقطع الغيار. وأوضح المتحدث باسم الدفاع المدني بمنطقة مكة المكرمة العقيد سعيد سرحان أن بلاغًا ورد لمركز التحكم والسيطرة يفيد بنشوب حريق بمستودع على طريق الخواجات جنوب شرق العاصمة المقدسة، مبينًا أن المواد المخزنة في المستودع تحتوي على قطع غيار ومواد بلاستيكية ودهان.';
  const parts = extractKeywords({ title, text }, stats);
  assert.ok(parts.includes('قطع الغيار'), parts.join(' | '));
  assert.ok(!parts.includes('الغيار'), parts.join(' | '));
});

test('a one-word name in quotes may end a phrase (أسعار خام “برنت”); a time adjective ends one (الجلسة | السابقة), an elative starts none (أدنى مستوى)', () => {
  // c034, 3alyoum 2015-07-27: its headline and the sentence naming Brent
  const brent = extractKeywords(
    {
      title: 'هبوط أسعار النفط في التعاملات الآسيوية',
      text: 'هبطت أسعار النفط في بداية التعامل بالأسواق الآسيوية، اليوم الاثنين، بعد إغلاقه في جلسة التعامل السابقة على أدنى مستوى له منذ مارس. وهبطت أسعار خام “برنت” ، تسليم “سبتمبر” أربعة سنتات إلى 58ر54 دولار ، بعد أن هبط 65 سنتاً عند الإغلاق في الجلسة السابقة.',
    },
    stats,
  );
  assert.ok(brent.some((k) => k.endsWith('خام برنت')), brent.join(' | '));
  // (a quotation of several words is no phrase's tail: «تسليم “سبتمبر” أربعة» ends at the quote)
  assert.ok(!brent.some((k) => k.includes('سبتمبر أربعة')), brent.join(' | '));
  // A time adjective ends a phrase: «الجلسة السابقة» (judged weak on c034, e077, g049) is none.
  assert.ok(!brent.includes('الجلسة السابقة'), brent.join(' | '));
  // … and an elative starts none: «أدنى مستوى» (judged weak on c034, d072, f069, g049).
  assert.ok(!brent.includes('أدنى مستوى'), brent.join(' | '));
});

test('an indefinite idafa that goes on with a name is cut short there: محافظات منطقة | مكة المكرمة; not before a glued preposition', () => {
  // d078, was 2015-08-11 (its headline and lede): «محافظات منطقة» was a keyword, judged a fragment
  const title = 'ثقافي / محافظات منطقة مكة المكرمة تعرض فلكلوراتها الشعبية في سوق عكاظ';
  const text = 'الطائف 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس\n تنطلق بعد غدٍ مسابقة الفنون الشعبية لمحافظات منطقة مكة المكرمة بسوق عكاظ في نسخته التاسعة بمشاركة 16 فرقة لتقدم عروضها على مسرح الجادة بالسوق.\n وأوضح المشرف على الفنون الشعبية بسوق عكاظ خالد الحارثي، أن الفرق المشاركة تمثل محافظات: أضم ، رابغ، الليث، جدة،رنية،بحرة ، ميسان، تربه ، المويه ، مكة المكرمة ، الخرمة ، الكامل ، القنفذة ، الطائف ، الجموم ، العرضيات.';
  const folk = extractKeywords({ title, text }, stats);
  assert.ok(folk.includes('سوق عكاظ'), folk.join(' | '));
  assert.ok(!folk.some((k) => k.endsWith('منطقة')), folk.join(' | '));
  // alriyadh 2015-08-08: «في هجوم مسلح بالقاهرة» — the city behind ب is no idafa term; the phrase stays
  const attack = extractKeywords(
    {
      title: 'مقتل شرطي وإصابة آخرين في هجوم مسلح بالقاهرة',
      text: 'لقي شرطي مصرعه وأصيب ثلاثة آخرون إثر قيام مسلحين بإطلاق النيران على السيارة إلي تقلهم على طريق "الفيوم - القاهرة" عند منطقة ميمنة بمركز سنورس التابع لمحافظة الفيوم المصرية.\n\nوأفاد مصدر أمني مصري مسؤول في تصريح له اليوم, أنه تم فرض طوق أمني حول منطقة الحادث، كما تكثف أجهزة البحث جهودها لكشف هوية الجناة، لافتاً الانتباه إلى أنه تم نقل القتيل والمصابين الثلاثة إلى مستشفى الفيوم العام.',
    },
    stats,
  );
  assert.ok(attack.includes('هجوم مسلح'), attack.join(' | '));
  // c008, alweeam 2015-08-07: the name may stand in quotes («عناصر تنظيم ” داعش ”»)
  const isis = extractKeywords(
    {
      title: 'مقتل 28 من عناصر «داعش» في عمليات أمنية غرب العراق',
      text: 'لقي 28 شخصاً من عناصر تنظيم ” داعش ” الإرهابي مصرعهم في حوادث أمنية متفرقة غربي العراق .وأفاد مصدر في قيادة عمليات الأنبار ليلة امس أن 8 أشخاص يحملون أحزمة ناسفة قتلوا أثناء محاولتهم الهجوم على القوات الأمنية العراقية في محيط حي التأميم جنوبي الرمادي.\n من جهة أخرى أعلنت مصادر أمنية أن 20 عنصراً من ” داعش ” قتلوا كما تم تدمير وكر تابع لهم .كما دمرت القوات الأمنية العراقية ثلاث عجلات مفخخة كانت معدة لاستهداف آليات الجيش وقوات التدخل السريع قرب معمل الزجاج شرقي الرمادي .',
    },
    stats,
  );
  assert.ok(isis.includes('داعش'), isis.join(' | '));
  assert.ok(!isis.includes('عناصر تنظيم'), isis.join(' | '));
});

test('a word always written right before a person’s name is no keyword of its own (ميك | فانينغ)', () => {
  // h012, okaz 2015-07-21 (shortened): the finder reads the surfer by his family name only
  const title = 'سمكة قرش تهاجم بطل ركوب الأمواج في جنوب أفريقيا';
  const text =
    'نجا بطل العالم لركوب الأمواج الأسترالي ميك فانينغ، أمس (الأحد) من سمكة مفترسة هاجمته قبالة شواطئ جنوب أفريقيا أثناء مباراة رياضية.\n' +
    ' وكان فانينغ وهو بطل العالم مرات عدة في رياضة ركوب الأمواج، ينتظر الموجة حين هاجمته سمكة قرش من ورائه.\n' +
    ' وتظهر المقاطع الملتقطة لهذا الحادث ميك فانينغ وهو جالس على لوحة ركوب الأمواج ثم تقترب السمكة منه.\n' +
    ' وكانت والدة فانينغ تشاهد المباراة عبر التلفزيون.';
  const surf = extractKeywords({ title, text }, stats);
  assert.ok(surf.includes('فانينغ') && surf.includes('ركوب الأمواج'), surf.join(' | '));
  assert.ok(!surf.includes('ميك'), surf.join(' | '));
});
