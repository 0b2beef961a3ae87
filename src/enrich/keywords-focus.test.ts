/**
 * A word of the telling is held back (keywords.ts FOCUS_SHARE): a word or phrase that the corpus's
 * documents name in passing — neither in the title nor twice — however often they use it
 * (`الآونة الأخيرة`، `المتحدث الرسمي`، `نعمة الأمن`، `مقطع فيديو`), where a topic is repeated or
 * headlined (`الإرهاب`، `الدفاع المدني`). The share comes with the shipped table
 * (termstats.ts TermStats.focus, data/keywords/df.tsv's third column); a single word editors never
 * tag though the text of many tagged articles holds it is held back too (editor-tags.ts).
 * Articles: testdata/keywords-focus.json (SaudiNewsNet, source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize } from '../arabic/index.ts';
import { keywordFixture } from './testdata/keyword-fixture.ts';
import { FOCUS_MIN_DF, MemoryTermStats } from './termstats.ts';
import { EditorTags, shippedEditorTags, tagKey, tagKeyOf } from './editor-tags.ts';
import { docTokens } from './tokens.ts';
import { extractKeywords } from './index.ts';
import { WEAK_P, weakP } from './keyword-told.ts';
import { splitTagLine } from '../ingest/json/tags.ts';

const { kw, stats } = keywordFixture('keywords-focus.json');

test('focus: the share of a key\'s documents naming it in the title or twice, kept through the TSV', () => {
  const s = new MemoryTermStats();
  // 30 documents name «مقطع فيديو» once in the body; 10 of 30 name «الدفاع المدني» in the title.
  for (let i = 0; i < 30; i++) {
    s.add({ title: i < 10 ? `الدفاع المدني ينقذ عائلة ${i}` : `خبر رقم ${i}`, text: `نشر ناشطون مقطع فيديو يظهر الدفاع المدني في الموقع رقم ${i}.` });
  }
  assert.equal(s.df('مقطع فيديو'), 30);
  assert.equal(s.focus('مقطع فيديو'), 0);
  assert.equal(s.focus('الدفاع المدني'), 10 / 30);
  // Twice in one body counts as focused, as the title does; fewer than FOCUS_MIN_DF documents: no share.
  s.add({ title: 'خبر', text: 'مقطع فيديو أول. ثم مقطع فيديو ثان.' });
  assert.equal(s.focus('مقطع فيديو'), 1 / 31);
  assert.equal(s.focus('عائله'), undefined, `df ${s.df('عائله')} < ${FOCUS_MIN_DF}`);
  const back = MemoryTermStats.fromTSV(s.toTSV(1, 1));
  assert.equal(back.focus('مقطع فيديو'), 1 / 31);
  assert.equal(back.focus('الدفاع المدني'), 10 / 30);
  assert.equal(back.df('الدفاع المدني'), 30);
});

test('the shipped table: words of the telling under FOCUS_SHARE, topics above it', () => {
  for (const w of ['الآونة الأخيرة', 'المتحدث الرسمي', 'نعمة الأمن', 'غرفة العمليات']) {
    const f = stats.focus?.(normalize(w));
    assert.ok(f !== undefined && f < 0.1, `${w}: ${f}`);
  }
  for (const w of ['الإرهاب', 'الدفاع المدني', 'الهلال الأحمر', 'حفل معايدة']) {
    const f = stats.focus?.(normalize(w));
    assert.ok(f !== undefined && f > 0.3, `${w}: ${f}`);
  }
});

test('a phrase named in passing wherever it occurs is held back; the story\'s names and topic stay', () => {
  // aleqtisadiya «'سول' تدين 'بيونجيانج' بسبب انفجار لغم أرضي …»: «… في الآونة الأخيرة».
  const seoul = kw('seoul-mine');
  assert.ok(!seoul.includes('الآونة الأخيرة') && seoul.includes('كوريا الشمالية') && seoul.includes('ألغام أرضية'), seoul.join(' | '));
  // alriyadh «أربع وفيات و13 إصابة في سبعة حوادث.. بالباحة»: the spokesman's title and the
  // operations room that reported the crashes, in passing.
  const baha = kw('baha-accidents');
  assert.ok(!baha.includes('المتحدث الرسمي') && !baha.includes('غرفة العمليات') && baha.includes('الباحة') && baha.includes('الهلال الأحمر'), baha.join(' | '));
  // sabq, a prison directorate's Eid party: «نعمة الأمن» of the closing prayer goes, the party stays.
  const party = kw('makkah-prisons-greeting');
  assert.ok(!party.includes('نعمة الأمن') && party.includes('حفل معايدة'), party.join(' | '));
  // 3alyoum «شاهد..سعودي يغامر بحياته بالدخول في مجرى السيل»: the video is how the news came, not the news.
  const torrent = kw('torrent-video');
  assert.ok(!torrent.includes('مقطع فيديو') && torrent.includes('الدفاع المدني') && torrent.length >= 3, torrent.join(' | '));
});

test('editor tags: the text\'s words meet the editor\'s (التحرش ↔ تحرش), counted per tagged article, kept through the TSV', () => {
  assert.equal(tagKey('التحرش'), 'تحرش');
  assert.equal(tagKeyOf('تحرش'), 'تحرش');
  assert.equal(tagKeyOf('هيئة التحقيق والادعاء العام'), normalize('هيئة التحقيق والادعاء العام'));
  const t = new EditorTags();
  // 3alyoum-style: «… سمات تحرش جدة» after a body that says «بالتحرش» and «التعامل».
  for (let i = 0; i < 12; i++) {
    const { text, tags } = splitTagLine(`أكدت الشرطة التعامل مع بلاغ بالتحرش رقم ${i} في جدة. سمات ${i % 3 ? 'تحرش جدة' : 'جدة'}`, 'بلاغ');
    t.add(docTokens('بلاغ', text), tags);
  }
  assert.deepEqual(t.of('التحرش'), { seen: 12, tagged: 8 });
  assert.deepEqual(t.of('التعامل'), { seen: 12, tagged: 0 });
  assert.deepEqual(t.of('جده'), { seen: 12, tagged: 12 });
  assert.deepEqual(EditorTags.fromTSV(t.toTSV(10)).of('التحرش'), { seen: 12, tagged: 8 });
  assert.deepEqual(EditorTags.fromTSV(t.toTSV(13)).of('التحرش'), { seen: 0, tagged: 0 });
  // The shipped table: 3alyoum's editors tag داعش and اليمن, never التعامل or المؤتمر.
  const shipped = shippedEditorTags();
  for (const w of ['التعامل', 'المؤتمر']) assert.ok(shipped.of(normalize(w)).seen >= 10 && shipped.of(normalize(w)).tagged === 0, w);
  for (const w of ['داعش', 'اليمن']) assert.ok(shipped.of(normalize(w)).tagged >= 10, w);
});

test('a word editors never tag, seldom the subject of its articles, is held back; the topic stays', () => {
  // aljazirah «الداخلية تحذر من التعامل مع مجهولي الهوية …».
  const interior = kw('interior-unidentified');
  assert.ok(!interior.includes('التعامل') && interior.includes('وزارة الداخلية') && interior.includes('مجهولي الهوية'), interior.join(' | '));
  // okaz «مؤتمر يناقش الوقاية من أمراض القلب».
  const heart = kw('dammam-heart-conference');
  assert.ok(!heart.includes('المؤتمر') && heart.includes('أمراض القلب') && heart.length >= 3, heart.join(' | '));
  // almadina, a university's deadline for applicants' documents: «المتقدمون» goes, the university stays.
  const najran = kw('najran-documents');
  assert.ok(!najran.includes('المتقدمون') && najran.includes('جامعة نجران'), najran.join(' | '));
  // Without the table's focus share (and so without this rule) they were shown.
  const { kwUnfocused } = keywordFixture('keywords-focus.json');
  assert.ok(kwUnfocused('interior-unidentified').includes('التعامل') && kwUnfocused('dammam-heart-conference').includes('المؤتمر'));
});

test('the model of a reader\'s judgment holds back the people and events a story passes through; its subject stays', () => {
  // 3alyoum «شاهد.. نجوم الهلال يعايدون جماهيرهم»: the players are named; «اللاعبون» adds nothing.
  const hilal = kw('hilal-eid-greeting');
  assert.ok(!hilal.includes('اللاعبون') && hilal.includes('نادي الهلال') && hilal.includes('سالم الدوسري'), hilal.join(' | '));
  // alriyadh «القنصل السعودي: المواطنون في مأمن من حرائق كاليفورنيا»: the fires and the state stay.
  const fires = kw('california-fires-consul');
  assert.ok(!fires.includes('المواطنون') && fires.includes('كاليفورنيا') && fires.includes('حرائق'), fires.join(' | '));
  // alriyadh «بوادر إنتاج موسم التمور تصل سوق بريدة»: «الفعاليات» goes, the dates stay.
  const dates = kw('buraidah-dates');
  assert.ok(!dates.includes('الفعاليات') && dates.includes('التمور') && dates.includes('بريدة'), dates.join(' | '));
  // Each is a candidate the model decides (a focus share known, no hard rule holding it) at or
  // over WEAK_P, and a subject under it.
  const { articles } = keywordFixture('keywords-focus.json');
  const p = new Map<string, number>();
  for (const id of ['hilal-eid-greeting', 'california-fires-consul', 'buraidah-dates']) {
    extractKeywords(articles.get(id)!, stats, { onTold: (d, x) => void p.set(d, weakP(x)) });
  }
  for (const k of ['اللاعبون', 'المواطنون', 'الفعاليات']) assert.ok((p.get(k) ?? 0) >= WEAK_P, `${k}: ${p.get(k)}`);
  for (const k of ['التمور', 'حرائق']) assert.ok((p.get(k) ?? 1) < WEAK_P, `${k}: ${p.get(k)}`);
});

test('a phrase headed by a held-back word takes its place (الاتفاق → الاتفاق النووي; a person\'s title does not: keywords-editor.test.ts)', () => {
  // «الكونغرس الأميركي تسلم اتفاق إيران النووي»: «الاتفاق» alone is held back, «الاتفاق النووي» is the topic.
  const deal = kw('congress-nuclear-deal');
  assert.ok(deal.includes('الاتفاق النووي') && !deal.includes('الاتفاق') && deal.includes('إيران'), deal.join(' | '));
  // «حرفيو البحرين وقطر يشاركون»: in «سوق عكاظ» (the market is held back alone: «السوق»).
  const okaz = kw('okaz-craftsmen');
  assert.ok(okaz.includes('سوق عكاظ') && okaz.includes('البحرين'), okaz.join(' | '));
});
