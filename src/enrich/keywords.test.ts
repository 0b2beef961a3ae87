import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isStopword, normalize } from '../arabic/index.ts';
import { extractKeywords, MemoryTermStats, shippedTermStats, termKey, type TermStats } from './index.ts';

const page = JSON.parse(readFileSync(new URL('./testdata/moscow-tehran.json', import.meta.url), 'utf8')) as {
  articles: Array<{ title: string; text: string }>;
};
const stats = shippedTermStats();
// The same table without its focus share, so without the words of the telling held back
// (keyword-told.ts): for a test of another rule on a word or phrase that one holds back.
const unfocused: TermStats = { docCount: stats.docCount, df: (k) => stats.df(k) };
const fold = (s: string): string => normalize(s);

test('the page: all five of its own tags are among our keywords, entities first', () => {
  const kws = extractKeywords(page.articles[0]!, stats);
  assert.ok(kws.length >= 3 && kws.length <= 8, kws.join(' | '));
  for (const tag of ['روسيا', 'موسكو', 'وزير الدفاع الروسي', 'طهران', 'ايران']) {
    assert.ok(kws.some((k) => fold(k) === fold(tag)), `${tag} not in ${kws.join(' | ')}`);
  }
  assert.equal(kws[0], 'روسيا');
  assert.ok(kws.includes('إيران'), 'display keeps the article’s own spelling (إيران, not ايران)');
});

test('the second article: Oman and Iran first, no fragments', () => {
  const kws = extractKeywords(page.articles[1]!, stats);
  assert.deepEqual(kws.slice(0, 2), ['سلطنة عمان', 'إيران']);
  for (const k of kws) {
    assert.match(k, /^[\u0621-\u064a]{2,}( [\u0621-\u064a]{2,})*$/);
    assert.ok(!isStopword(normalize(k)), k);
  }
});

test('bad input gives no keywords and no crash', () => {
  assert.deepEqual(extractKeywords({ title: '', text: '' }, stats), []);
  assert.deepEqual(extractKeywords({ title: '2015', text: '١٢٣ ٤٥٦ 789' }, stats), []);
  assert.deepEqual(extractKeywords({ title: 'Hello', text: 'all Latin text here, twice: Latin text' }, stats), []);
  assert.deepEqual(extractKeywords({ title: 'و', text: 'و ال في من' }, stats), []);
});

test('clitic pieces are folded away: keys and displays', () => {
  assert.deepEqual(termKey('والعقوبات'), { key: 'العقوبات', cut: 1, restoreAl: false });
  assert.deepEqual(termKey('للعقوبات'), { key: 'العقوبات', cut: 2, restoreAl: true });
  assert.equal(termKey('والي').key, 'والي', 'والي (governor) keeps its و');
  const kws = extractKeywords(
    { title: 'العقوبات على روسيا', text: 'فرضت العقوبات. وتستمر العقوبات والعقوبات بالعقوبات على روسيا وروسيا.' },
    stats,
  );
  assert.ok(kws.includes('العقوبات'), kws.join(' | '));
  assert.ok(!kws.some((k) => /^(و|ب|ل)ال/.test(k)), kws.join(' | '));
});

test('MemoryTermStats counts documents, phrases within a clause, and round-trips as TSV', () => {
  const s = new MemoryTermStats();
  s.add({ title: 'وزير الدفاع الروسي', text: 'قال وزير الدفاع الروسي إن روسيا' });
  s.add({ title: '', text: 'وزير الدفاع، الروسي' });
  assert.equal(s.docCount, 2);
  assert.equal(s.df('وزير'), 2);
  assert.equal(s.df('وزير الدفاع'), 2);
  assert.equal(s.df('وزير الدفاع الروسي'), 1, 'the comma breaks the phrase in the second document');
  assert.equal(s.df('قال'), 0, 'stopwords are not counted');
  const back = MemoryTermStats.fromTSV(s.toTSV(1, 1));
  assert.equal(back.docCount, 2);
  assert.equal(back.df('وزير الدفاع الروسي'), 1);
  assert.ok(stats.docCount > 20000 && stats.df('روسيا') > 100, 'the shipped table is loaded');
});

// Two SaudiNewsNet articles from days the labelled set does not use (testdata/README.md).
const corpus = JSON.parse(readFileSync(new URL('./testdata/keywords-saudinewsnet.json', import.meta.url), 'utf8')) as {
  articles: Array<{ title: string; text: string }>;
};

test('a person is tagged by the short name the article uses; no pronoun-suffixed words', () => {
  const kws = extractKeywords(corpus.articles[0]!, stats);
  assert.ok(kws.includes('مرزوق الهيضل'), kws.join(' | '));
  assert.ok(!kws.includes('مرزوق بن سلطان الهيضل'), kws.join(' | '));
  for (const bad of ['رتبته', 'بترقيته', 'مليكه', 'ووطنه', 'دينه']) assert.ok(!kws.includes(bad), `${bad} in ${kws.join(' | ')}`);
  assert.ok(kws.length >= 3 && kws.length <= 8);
});

test('up to eight keywords when the article has the candidates, less the plain words held back; entities first', () => {
  const kws = extractKeywords(corpus.articles[1]!, stats);
  const all = extractKeywords(corpus.articles[1]!, stats, { max: 60 });
  // The first eight candidates, in order, but for the words held back (PLAIN_DF: common words the
  // title does not hold; keyword-told.ts: words of the telling), and never under three; without
  // the second kind, only single words are held.
  const first = all.slice(0, 8);
  assert.deepEqual(kws, first.filter((k) => kws.includes(k)), `${kws.join(' | ')} ⊄ ${first.join(' | ')}`);
  assert.ok(kws.length >= 4, kws.join(' | '));
  const plainOnly = extractKeywords(corpus.articles[1]!, unfocused);
  const firstUnfocused = extractKeywords(corpus.articles[1]!, unfocused, { max: 60 }).slice(0, 8);
  assert.ok(firstUnfocused.filter((k) => !plainOnly.includes(k)).every((k) => !k.includes(' ')), `${plainOnly.join(' | ')} / ${firstUnfocused.join(' | ')}`);
  assert.ok(kws.indexOf('الكويت') >= 0 && kws.indexOf('الكويت') < 3, kws.join(' | '));
  assert.ok(kws.includes('عبدالعزيز الفايز'), kws.join(' | '));
});

test('a country seen only through a demonym or two does not lead; a sound plural shows its base form the article writes', () => {
  // The first sentence is from SaudiNewsNet (2015-07, a day the labelled set does not use): players'
  // nationalities, not the story's subject; the rest is constructed around them and a sound plural.
  const kws = extractKeywords(
    {
      title: 'الخليج يواصل تدريباته',
      text: 'فيما سيواصل الاردني ابراهيم الزواهرة والغيني سيلا تدريباتهما في نادي الخليج بسيهات. وغاب الغيني سيلا عن المران، وقال المدرب إن اللاعبين المصابين سيعودون للتدريبات بعد شفاء المصابين، والمصابون يتلقون العلاج.',
    },
    // (The injured, a word news names in passing, are held back since keyword-told.ts: asked without it.)
    unfocused,
  );
  assert.ok(!kws.slice(0, 3).includes('غينيا'), kws.join(' | '));
  assert.ok(kws.includes('المصابون') && !kws.includes('المصابين'), kws.join(' | '));
});

// Seven SaudiNewsNet articles (testdata/README.md: outlet, day and URL in the file).
const phrased = new Map(
  (JSON.parse(readFileSync(new URL('./testdata/keywords-phrases.json', import.meta.url), 'utf8')) as { articles: Array<{ id: string; title: string; text: string }> }).articles.map((a) => [a.id, a]),
);
const kwOf = (id: string): string[] => extractKeywords(phrased.get(id)!, stats);
const words = (s: string): string => ` ${normalize(s).split(' ').map((w) => w.replace(/^ال/, '')).join(' ')} `;

test('a region or governorate the gazetteer lacks leads when the title names it, clitic cut (بعسير, بحفر الباطن)', () => {
  // sabq 2015-07-21: «"وزارة العمل" بعسير تشارك في مهرجان أبها للتسوق».
  const asir = kwOf('asir-ministry');
  assert.equal(asir[0], 'عسير', asir.join(' | '));
  // okaz 2015-07-22: «إصابة امرأة في إطلاق نار بحفر الباطن» (a two-word place).
  const hafr = kwOf('hafr-shooting');
  assert.equal(hafr[0], 'حفر الباطن', hafr.join(' | '));
  assert.ok(!hafr.some((k) => /^ب/.test(k) && normalize(k).startsWith('بطلق')), `a glued preposition is no keyword: ${hafr.join(' | ')}`);
});

test('a topic word is shown through the noun phrase the article and the corpus use (فترة الانتقالات, الكشف الطبي, موجة الحر)', () => {
  // aawsat 2015-07-24: «… في فترة الانتقالات الصيفية الحالية … وإجراء الكشف الطبي تمهيدًا لانضمامه».
  const wahda = kwOf('wahda-striker');
  for (const k of ['فترة الانتقالات', 'الكشف الطبي']) assert.ok(wahda.includes(k), `${k} not in ${wahda.join(' | ')}`);
  assert.ok(!wahda.includes('الكشف') && !wahda.includes('الانتقالات'), wahda.join(' | '));
  // 3alyoum 2015-07-24: «ارتفاع ضحايا الحر في باكستان …» — «ضحايا موجة الحر الشديدة».
  const heat = kwOf('pakistan-heat');
  assert.ok(heat.includes('موجة الحر') && !heat.includes('الحر'), heat.join(' | '));
});

test('a noun phrase ends at a coordination; no و-attached word; a name written with أل is not ال + word', () => {
  // okaz 2015-07-24: «من بينها مسدسات وبنادق وبنادق صيد … ونقلت الأسلحة والذخيرة من منزل الرجل».
  const la = kwOf('la-weapons');
  // (The coordinated word is a candidate of its own, not the phrase's tail.)
  assert.ok(extractKeywords(phrased.get('la-weapons')!, unfocused, { max: 60 }).includes('الذخيرة'), la.join(' | '));
  assert.ok(!la.some((k) => k.split(' ').some((w) => w === 'وبنادق' || w === 'والذخيرة')), `coordinated or و-attached: ${la.join(' | ')}`);
  // alriyadh 2015-07-23: «مدرب الفريق الأوروغوياني ألفارو غوتيريز خوض ست لقاءات ودية» — ألفارو is a
  // name, not ال + word: the phrase does not stop after it.
  const camp = kwOf('shabab-camp');
  assert.ok(camp.includes('ألفارو غوتيريز') && !camp.includes('ألفارو'), camp.join(' | '));
});

test('a news agency quoted is no keyword; no keyword holds another', () => {
  // aleqtisadiya 2015-07-21: «قال مسؤولان تركيان كبيران لرويترز …» twice.
  const suruc = kwOf('suruc-reuters');
  assert.ok(suruc.includes('داعش') && !suruc.includes('رويترز'), suruc.join(' | '));
  for (const id of phrased.keys()) {
    const kws = kwOf(id);
    for (const a of kws) for (const b of kws) if (a !== b) assert.ok(!words(a).includes(words(b)), `${id}: «${b}» inside «${a}»`);
  }
});

// Seven SaudiNewsNet articles of 2015-07-22, a day the labelled set does not use (testdata/README.md).
const parts = new Map(
  (JSON.parse(readFileSync(new URL('./testdata/keywords-parts.json', import.meta.url), 'utf8')) as { articles: Array<{ id: string; title: string; text: string }> }).articles.map((a) => [a.id, a]),
);
const kwParts = (id: string): string[] => extractKeywords(parts.get(id)!, stats);

test('a noun phrase may end in a demonym a country took (الأسهم الأمريكية, الدوري الإنجليزي), not the bare noun', () => {
  // aleqtisadiya: «الأسهم الأمريكية تفتح منخفضة … فتحت الأسهم الأمريكية على انخفاض».
  const us = kwParts('us-stocks');
  assert.ok(us.includes('الأسهم الأمريكية') && !us.includes('الأسهم'), us.join(' | '));
  // alyaum: «بعدما قضى موسما واحدا في الدوري الإنجليزي … لم أكن أخطط للرحيل عن الدوري الإنجليزي».
  const psg = kwParts('stambouli-psg');
  assert.ok(psg.includes('الدوري الإنجليزي') && !psg.includes('الدوري'), psg.join(' | '));
  // The demonym alone stays no keyword: the country entity stands for it.
  for (const k of [...us, ...psg]) assert.ok(!/^(ال)?(أمريكي|إنجليزي)/.test(k), k);
});

test('a noun phrase may hold a word too common to be a keyword alone (رجال الأمن), never that word alone', () => {
  // alyaum: «وأثناء قيام رجال الأمن بإحدى نقاط التفتيش … تعرض اثنين من رجال الأمن للإصابة».
  const kws = kwParts('riyadh-checkpoint');
  assert.ok(kws.includes('رجال الأمن') && !kws.includes('رجال'), kws.join(' | '));
  assert.ok(!kws.includes('الأمن'), kws.join(' | '));
});

test('a country the title does not name and the text names a few times does not lead (النمسا for a premiere in Vienna)', () => {
  // aawsat: «المعجبون يترقبون توم كروز في «مهمة مستحيلة» أخرى» — «في العاصمة النمساوية فيينا خلال العرض الأول».
  const kws = kwParts('cruise-vienna');
  assert.equal(kws[0], 'توم كروز', kws.join(' | '));
  // (Named only through its demonym, النمساوية, Austria is no keyword at all: keyword-entities.ts.)
  assert.ok(kws.includes('فيينا') && (!kws.includes('النمسا') || kws.indexOf('النمسا') > kws.indexOf('فيينا')), kws.join(' | '));
});

test('a phrase the corpus knows as a unit is a candidate when named once far down (مواقع التواصل الاجتماعي)', () => {
  // aljazirah: «… قد أعلنت عبر حساباتها في مواقع التواصل الاجتماعي ضرورة الإخطار» (once, in the last lines).
  // (Named in passing, held back since keyword-told.ts: asked without it.)
  const kws = extractKeywords(parts.get('unaizah-barbers')!, unfocused);
  assert.ok(kws.includes('مواقع التواصل الاجتماعي'), kws.join(' | '));
});

test('a formula is no keyword (الله العلي القدير); a name holding الله stays (حزب الله)', () => {
  // aljazirah: «… داعيا الله العلي القدير أن يتغمد المتوفين برحمته».
  const crash = kwParts('jazan-camel-crash');
  assert.ok(!crash.some((k) => /القدير|الله/.test(k)), crash.join(' | '));
  // almadina: «أمريكا تفرض عقوبات على مسؤولين في حزب الله لدعمهم الأسد».
  const hez = kwParts('hezbollah-sanctions');
  assert.equal(hez[0], 'حزب الله', hez.join(' | '));
});

test('a country written only in its official long form is tagged by its name (تونس, not الجمهورية التونسية)', () => {
  // aawsat 2015-07-24 (SaudiNewsNet, CC BY-NC-SA 4.0; eval/understand set d, d041), first paragraph
  const kws = extractKeywords(
    {
      title: 'خادم الحرمين وولي عهده يهنئان رئيس وشعب تونس بذكرى إعلان الجمهورية',
      text: 'بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، ببرقية تهنئة للرئيس الباجي قايد السبسي رئيس الجمهورية التونسية بمناسبة ذكرى إعلان الجمهورية لبلاده. وأعرب الملك باسمه واسم شعب وحكومة المملكة العربية السعودية، عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة للرئيس التونسي، ولحكومة وشعب الجمهورية التونسية الشقيق اطراد التقدم والازدهار.',
    },
    stats,
  );
  assert.ok(kws.includes('تونس'), kws.join(' | '));
  assert.ok(!kws.includes('الجمهورية التونسية'), kws.join(' | '));
});
