/**
 * Offices and greetings among keywords, on articles and sentences of the development sets
 * (testdata/keywords-dev.json and eval/understand/articles-*.jsonl, SaudiNewsNet, CC BY-NC-SA 4.0,
 * each article its newspaper's) and of the corpus. A reader judged these keywords weak (مجلس
 * الوزراء 11 of 15 times, each where it was named only inside a prince's office); each assertion
 * failed before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordFixture, keywordsOf } from './testdata/keyword-fixture.ts';

const fx = keywordFixture('keywords-dev.json');
const look = keywordsOf;

test('a body the corpus names everywhere, named here only inside a person’s office, is no keyword', () => {
  // e062 (`النائب الثاني لرئيس مجلس الوزراء`) and f031 (`نائب رئيس مجلس الوزراء`)
  for (const id of ['e062', 'f031']) {
    const kws = fx.kw(id);
    assert.ok(!kws.includes('مجلس الوزراء'), `${id}: ${kws.join(' | ')}`);
    assert.ok(kws.length >= 3, `${id}: ${kws.join(' | ')}`);
  }
  // (the body itself acting stays: g036, «يرأس جلسة مجلس الوزراء … اطلع مجلس الوزراء»)
  assert.ok(fx.kw('g036').includes('مجلس الوزراء'), fx.kw('g036').join(' | '));
  // (and the office's holder is still found: the person is the keyword)
  assert.ok(fx.kw('e062').some((k) => k.startsWith('محمد بن سلمان')), fx.kw('e062').join(' | '));
});

test('a phrase ends before a definite office after a definite word, an apposition', () => {
  // e062's office chain «ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء», in a sentence built around it
  const text = 'بعث ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع برقية تهنئة. وأكد ولي العهد النائب الأول أن العلاقات متينة.';
  assert.ok(!look(text).includes('العهد النائب'), look(text).join(' | '));
});

test('a word written و and hamza is «and» and a word: no keyword holds the conjunction', () => {
  // the greeting telegrams' formula (12 of 4,964 corpus articles showed «وأطيب التمنيات»), in a sentence built around it
  const text = 'بعث خادم الحرمين الشريفين برقية تهنئة لرئيس بوركينا فاسو بمناسبة ذكرى استقلال بلاده، أعرب فيها عن أصدق التهاني وأطيب التمنيات. وأطيب التمنيات لشعب بوركينا فاسو.';
  const kws = look(text, 'القيادة تهنئ رئيس بوركينا فاسو بذكرى الاستقلال');
  assert.ok(!kws.some((k) => k.startsWith('و')), kws.join(' | '));
});

test('a phrase holds no word that refers back to the story’s own subject or a formula (صفوف الفريق، الشفاء العاجل)', () => {
  // aleqtisadiya 2015-08-06 (www.aleqt.com/2015/08/06/article_979610.html), its first two sentences
  const call = look(
    'تلقى نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز اتصالاً هاتفياً اليوم من جلالة الملك محمد السادس ملك المملكة المغربية الشقيقة أعرب خلاله عن إدانته للتفجير الإرهابي الذي استهدف اليوم مسجد قوات الطوارئ بمنطقة عسير. وعبر ملك المغرب عن خالص عزائه ومواساته لأسر الشهداء، سائلاً الله تعالى أن يتغمدهم بواسع رحمته وأن يمن على المصابين بالشفاء العاجل.',
    'نائب خادم الحرمين الشريفين يتلقى اتصالاً هاتفياً من ملك المغرب',
  );
  assert.ok(!call.includes('الشفاء العاجل'), call.join(' | '));
  // almadina 2015-07 (al-madina.com/node/620662), its last sentences (shortened): the team is ليستر سيتي
  const team = look(
    'وكان كامبياسو الذي اعتزل اللعب دوليًا منذ 2011 انضم إلى صفوف ليستر سيتي في اغسطس عام 2014 بعد صعود الأخير إلى مصاف الدوري الممتاز. وساهم كامبياسو الموسم الماضي في بقاء الفريق في دوري الأضواء، وكان مدرب الفريق الجديد الإيطالي كلاوديو رانييري طلب منه الأسبوع الماضي البقاء في صفوف الفريق.',
    'كامبياسو يترك ليستر سيتي',
  );
  assert.ok(!team.some((k) => k.endsWith('الفريق')), team.join(' | '));
  assert.ok(team.includes('ليستر سيتي'), team.join(' | '));
});
