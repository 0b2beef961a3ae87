import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeEntities, extractEntities, personLookupKey } from './index.ts';

/** A person's id as enrichment makes it (the lookup key of the full name, words joined by _). */
const personId = (name: string): string => 'person:' + personLookupKey(name).replace(/ /g, '_');

const page = JSON.parse(readFileSync(new URL('./testdata/moscow-tehran.json', import.meta.url), 'utf8')) as {
  articles: Array<{ title: string; text: string }>;
};
const ids = (title: string, text = ''): string[] => extractEntities({ title, text }).map((e) => e.id);

test('page, first article: Russia, Iran, the United States, TASS and both ministers', () => {
  const ents = analyzeEntities(page.articles[0]!);
  const got = ents.map((e) => e.id);
  for (const id of ['country:RU', 'country:IR', 'country:US', 'agency:tass']) {
    assert.ok(got.includes(id), `${id} missing from ${got.join(', ')}`);
  }
  const people = ents.filter((e) => e.type === 'person').map((e) => e.name);
  assert.deepEqual(people, ['سيرجي شويجو', 'محمد رضا أشتياني']);
  const shoigu = ents.find((e) => e.name === 'سيرجي شويجو')!;
  assert.equal(shoigu.id, personId('سيرغي شويغو'), 'one id for both transliterations');
  assert.equal(shoigu.role, 'وزير الدفاع الروسي');
  assert.equal(shoigu.mentions, 3, 'the full name once, then «عن شويجو» and «وأضاف شويجو»');
  assert.equal(got[0], 'country:RU', 'Russia is the most salient');
});

test('page, second article: Oman, Iran, the United States via Washington, Gaza/Palestine, Pezeshkian', () => {
  const ents = analyzeEntities(page.articles[1]!);
  const got = ents.map((e) => e.id);
  for (const id of ['country:OM', 'country:IR', 'country:US', 'city:washington', 'region:gaza', 'country:PS', personId('مسعود بيزشكيان')]) {
    assert.ok(got.includes(id), `${id} missing from ${got.join(', ')}`);
  }
  assert.ok(!got.includes('city:amman'), 'عُمان here is the sultanate');
  assert.equal(ents.find((e) => e.name === 'مسعود بزشكيان')!.role, 'الرئيس الإيراني');
});

test('clitics and spellings reach the same entity', () => {
  assert.deepEqual(ids('وطهران'), ['city:tehran', 'country:IR']);
  assert.deepEqual(ids('ايران'), ['country:IR']);
  assert.deepEqual(ids('الإيرانية'), ['country:IR']);
  assert.deepEqual(ids('بموسكو'), ['city:moscow'], 'in Moscow: the place, not the state');
  assert.deepEqual(ids('أعلنت موسكو'), ['city:moscow', 'country:RU'], 'Moscow announced: the state');
  assert.deepEqual(ids('للولايات المتحدة'), ['country:US']);
  assert.deepEqual(ids('والأمريكيين'), ['country:US']);
  assert.deepEqual(ids('الروس'), ['country:RU']);
  assert.deepEqual(ids('بالاتحاد الأوروبي'), ['org:eu']);
});

test('longest match first; no match across punctuation', () => {
  assert.deepEqual(ids('الولايات المتحدة الأمريكية'), ['country:US']);
  assert.deepEqual(ids('كوريا الجنوبية'), ['country:KR']);
  assert.deepEqual(ids('الكورية الشمالية'), ['country:KP']);
  assert.deepEqual(ids('أمريكا اللاتينية'), ['region:latin-america']);
  assert.deepEqual(ids('وكالة الأنباء السعودية'), ['agency:spa']);
  assert.ok(!ids('الشرق، الأوسط').includes('region:middle-east'));
});

test('names take no added article; demonyms do', () => {
  assert.deepEqual(ids('الهند'), ['country:IN']);
  assert.deepEqual(ids('هند'), [], 'هند is a given name');
  assert.deepEqual(ids('الحماس'), [], 'enthusiasm, not Hamas');
  assert.deepEqual(ids('تركي الفيصل'), [], 'تركي alone is a given name');
  assert.ok(ids('الجيش التركي').includes('country:TR'), 'the army is also an organisation (orgs.test.ts)');
});

test('عمان: Oman by default, Amman when the context says Jordan', () => {
  assert.deepEqual(ids('زار عمان'), ['country:OM']);
  assert.deepEqual(ids('وصل إلى العاصمة الأردنية عمان'), ['country:JO', 'city:amman']);
  assert.ok(ids('الأردن', 'عقد الاجتماع في عمان بحضور وزير الخارجية الأردني').includes('city:amman'));
  assert.ok(!ids('الأردن', 'عقد الاجتماع في عمان').includes('country:OM'));
  assert.deepEqual(ids('سلطنة عمان'), ['country:OM']);
  assert.deepEqual(ids('عُمان'), ['country:OM']);
  assert.deepEqual(ids('عمّان'), ['city:amman', 'country:JO']);
});

test('common words that look like names', () => {
  assert.deepEqual(ids('بعد صلاة المغرب'), [], 'the sunset prayer');
  assert.deepEqual(ids('المغرب'), ['country:MA']);
  assert.deepEqual(ids('إنه مصر على موقفه'), [], 'مُصِرّ على');
  assert.deepEqual(ids('مصر'), ['country:EG']);
  assert.deepEqual(ids('مطار جدة'), ['city:jeddah'], 'a city that is no capital stands for no state');
  assert.deepEqual(ids('وجده في البيت'), [], 'وجده «found it» is not «and Jeddah»');
  assert.deepEqual(ids('دعم مالي'), [], 'مالي = financial');
  assert.deepEqual(ids('مدارس البنين'), []);
  assert.deepEqual(ids('مسقط رأسه'), []);
  assert.deepEqual(ids('الأمل'), [], 'no bare common word is a name');
});

test('a capital names the city and implies its country', () => {
  const e = extractEntities({ title: '', text: 'محادثات غير مباشرة مع واشنطن' });
  assert.deepEqual(e.map((x) => [x.id, x.mentions]), [['city:washington', 1], ['country:US', 1]]);
});

test('people by title; the same person in two articles is one id', () => {
  const a = analyzeEntities({ title: '', text: 'استقبل ولي العهد الأمير محمد بن سلمان، اليوم، وزير الخارجية الأمريكي جون كيري.' });
  const people = a.filter((e) => e.type === 'person');
  assert.deepEqual(people.map((p) => [p.id, p.role]), [
    ['person:محمد_بن_سلمان', 'ولي العهد'],
    [personId('جون كيري'), 'وزير الخارجية الأمريكي'],
  ]);
  const b = extractEntities({ title: 'كيري يصل', text: 'وصل وزير الخارجية الأميركي، جون كيري، إلى القاهرة' });
  const kerry = b.find((e) => e.id === people[1]!.id);
  assert.ok(kerry, JSON.stringify(b));
  assert.equal(kerry.mentions, 2, 'the headline’s «كيري» counts for him');
});

test('title triggers without a name give no person', () => {
  const a = analyzeEntities({ title: '', text: 'فعندما يثمن الرئيس الإيراني الدور العماني في المحادثات. وقال رئيس لجنة العلاقات الخارجية إن الاتفاق سيء.' });
  assert.deepEqual(a.filter((e) => e.type === 'person'), []);
});

test('bad input: empty, one word, digits, Latin, 1 MB — no crash, sensible results', () => {
  assert.deepEqual(extractEntities({ title: '', text: '' }), []);
  assert.deepEqual(extractEntities({ title: 'روسيا', text: '' }).map((e) => e.id), ['country:RU']);
  assert.deepEqual(extractEntities({ title: '123 456', text: '٣٤٥ ٦٧٨' }), []);
  assert.deepEqual(extractEntities({ title: 'Russia and Iran', text: 'Moscow, Tehran' }), []);
  const big = page.articles[0]!.text.repeat(Math.ceil(1e6 / page.articles[0]!.text.length));
  // (How long it takes is measured in bench/enrich, not asserted here: the machine is shared.)
  const e = extractEntities({ title: '', text: big });
  assert.equal(e[0]!.id, 'country:RU');
});

// Sentences from SaudiNewsNet (CC BY-NC-SA 4.0, test/testdata/README.md), July–August 2015:
// the country error classes of issue 14, each fixed.
test('countries: demonyms of every form, a missing name, common words, a cup, datelines', () => {
  assert.ok(ids('', 'والأوروجواياني كارلوس سانشيز في الدقيقة 74').includes('country:UY'), 'الأوروجواياني');
  assert.ok(ids('', 'السماح لشريكها مانشستر يونايتد الإنجليزي بارتداء شعار غريمها').includes('country:GB'), 'الإنجليزي');
  assert.ok(ids('', 'نظيره الانجليزي').includes('country:GB'), 'الانجليزي');
  assert.ok(!ids('', 'ترجمة الكتاب إلى الإنجليزية').includes('country:GB'), 'the English language is not Britain');
  assert.ok(ids('', 'أعلنت المالديف').includes('country:MV'), 'المالديف');
  assert.ok(ids('', 'رؤساء كرواتيا وجزر المالديف وجنوب إفريقيا').includes('country:MV'), 'وجزر المالديف');
  // المجرى (a channel, written with ى) and مجريات (the course of events) are not Hungary;
  // المجري (written with ي) is.
  assert.ok(!ids('', 'ويسهم توسيع المجرى الملاحي الحالي إلى جانب افتتاح المجرى الجديد بترسيخ مكانة قناة السويس').includes('country:HU'));
  assert.ok(!ids('', 'بعد مجريات الأحداث الأخيرة').includes('country:HU'));
  assert.deepEqual(ids('', 'المتابع لمجريات الأمور في الجزء الشرقي من ألمانيا'), ['country:DE']);
  assert.ok(ids('', 'وحارس مرمى بولتون المجري آدم بوغدان').includes('country:HU'), 'المجري');
  assert.ok(!ids('', 'تأهل الفريق إلى دور الـ16 من كأس سود أمريكا').includes('country:US'), 'Copa Sudamericana');
  // A dateline says where a story was filed: neither the place, its country, nor the
  // author's name in it is a mention; the same place later in the text is.
  const sabq = 'وحماية الأعراض من الضروريات الخمسة.\n خلود غنام- سبق- الرياض: أثار انتشار مقاطع فيديو وثقت بعض حالات التحرش في الآونة الأخيرة';
  assert.deepEqual(extractEntities({ title: '', text: sabq }), []);
  const later = extractEntities({ title: '', text: 'سبق- الرياض: أعلنت الرياض عن افتتاح حديقة جديدة' });
  assert.deepEqual(later.map((e) => [e.id, e.mentions]), [['city:riyadh', 1], ['country:SA', 1]]);
  // A dash-led place at the end of the first line is a dateline too (SaudiNewsNet, 3alyoum).
  assert.deepEqual(ids('', 'عين اليوم – الرياض\n قدم صاحب السمو الملكي الأمير متعب بن عبدالله تعازيه'), [personId('متعب بن عبدالله')]);
  // The Saudi Press Agency's own dateline: a place and the Hijri date (was, 2015-08-10).
  const spa = ' المنامة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n أجرى صاحب السمو الملكي الأمير سلمان بن حمد آل خليفة نائب ملك البحرين ولي العهد اتصالًا';
  assert.ok(!ids('', spa).includes('city:manama'), ids('', spa).join(' '));
  assert.ok(ids('', spa).includes('country:BH'), 'the later «ملك البحرين» counts');
  assert.deepEqual(ids('', ' جنيف 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n اختتمت اللجنة أعمالها').filter((i) => i.startsWith('city:')), []);
  // A line that starts with a speaker and a colon is not a dateline.
  assert.ok(ids('', 'قال وزير الخارجية الأمريكي: إن المحادثات مستمرة').includes('country:US'));
});

// SaudiNewsNet (CC BY-NC-SA 4.0, see testdata/README.md): how an editor counts countries.
test('countries: a capital as the place is no mention of the state; bare المملكة is Saudi Arabia in a Saudi article', () => {
  assert.ok(!ids('', 'وصل إلى موسكو أمس').includes('country:RU'), 'arrived in Moscow');
  assert.ok(ids('', 'التعاون بين موسكو وطهران يصل إلى مستويات جديدة').includes('country:RU'), 'Moscow and Tehran as states');
  assert.ok(!ids('', 'أمير الرياض يوجه بعلاج الطفل الرشيدي في جدة').includes('country:SA'), 'cities as places');
  assert.ok(ids('', 'أعلنت الأرصاد استمرار الأجواء الحارة على أغلب مناطق المملكة، وفي الرياض').includes('country:SA'), 'المملكة with a Saudi place');
  assert.ok(!ids('', 'المملكة المتحدة').includes('country:SA'), 'the United Kingdom');
  assert.ok(ids('', 'قالت المملكة في بيانها').includes('country:SA'), 'no other kingdom named: the Saudi kingdom');
  assert.ok(!ids('', 'قالت المملكة في بيانها إن الأردن لن يتدخل').includes('country:SA'), 'Jordan named, nothing Saudi: no guess');
});

// Sentences below are from SaudiNewsNet days that the labelled set does not use (../shared/corpus, CC BY-NC-SA 4.0).
test('countries: demonyms and names that were missed (Romanian, Guinean, the accusative, England)', () => {
  assert.ok(ids('', 'أعلنت ادارة نادي الاتحاد عن تعاقدها، مع المدرب الروماني، لازلو بولوني').includes('country:RO'));
  assert.ok(ids('', 'فيما سيواصل الاردني ابراهيم الزواهرة والغيني سيلا تدريباتهما').includes('country:GN'));
  assert.ok(ids('', 'قرص صلب داخل حافظة بسعر 230 دولارا أميركيا').includes('country:US'), 'دولارا أميركيا');
  assert.ok(ids('', 'بسبب وجوده بذيل قائمة الملاعب الأفضل بإنجلترا').includes('country:GB'), 'England is Britain');
  assert.ok(ids('', 'مطعم تحت الماء في جزر المالديف، واحدًا من أروع المطاعم').includes('country:MV'));
});

test('countries: words and names that only look like a country', () => {
  assert.deepEqual(ids('', 'أقوى إمبراطوريتين عرفتها أوروبا وهي الإمبراطورية الرومانية والبيزنطية').filter((i) => i.startsWith('country:')), [], 'the Roman empire');
  assert.ok(!ids('', 'في نهائي بطولة كوبا أمريكا أمام تشيلي').some((i) => i === 'country:US' || i === 'country:CU'), 'Copa América');
  assert.ok(!ids('', 'ويتواصلون عبر شبكات الانترنت مع أجهزة المخابرات.وفقا للالمانية.').includes('country:DE'), 'the German news agency');
  assert.ok(!ids('', 'ومحافظة أبين على طول ساحل المحيط الهندي شرقي المدينة').includes('country:IN'), 'the Indian Ocean');
  assert.ok(!ids('', 'انتهاء فترة إعارة الكولومبي راداميل فالكاو من موناكو الفرنسي الذي أعاره').includes('country:MC'), 'a club named like a state');
  assert.ok(!ids('', 'بدوره, أوضح اللواء منصور التركي، المتحدث الأمني في وزارة الداخلية').includes('country:TR'), 'a family name');
  assert.ok(ids('', 'وقال المهاجم محمد صلاح المصري إن الفريق جاهز').includes('country:EG'), 'a demonym after a full name stays a demonym');
});

test('countries: a capital that is a newspaper, an origin or one of several destinations is no state', () => {
  assert.ok(!ids('', 'وقال لـ "الرياض" بأن إعلان اسم المدير الفني سيكون خلال أسبوع').includes('country:SA'), 'the newspaper');
  assert.ok(!ids('', 'مدينة ونشستر: وهي على مسافة ساعة بالقطار من لندن من محطة ووترلو').includes('country:GB'), 'from London');
  assert.ok(!ids('', 'حين نذهب إلى فيينا أو لندن أو جنيف نتخيل').some((i) => i === 'country:GB' || i === 'country:AT'), 'travel destinations');
  assert.ok(ids('', 'التعاون بين موسكو وطهران يصل إلى مستويات جديدة').includes('country:IR'), 'states coordinated stay states');
});

test('the body is read up to an outlet page template (other columns, a repeated title)', () => {
  const text = 'انخفضت أسعار النفط في ختام التعاملات.\nمقالات أخرى للكاتبتحالف السعودية ومصر والإمارات';
  assert.deepEqual(ids('النفط يتراجع', text).filter((i) => i.startsWith('country:')), []);
});

test('organisations: a shorter form of the one longer organisation in the article counts for it', () => {
  // okaz 2015-07-21 (SaudiNewsNet, CC BY-NC-SA 4.0)
  const text = 'ليس من اختصاصاتها بل من مهام وزارة التجارة والصناعة، حيث نصت المادة الرابعة عشرة من نظام مكافحة الغش التجاري على أن يتولى ضبط ما يقع من مخالفات لأحكام النظام ولائحته والتحقيق فيه موظفون عن وزارة التجارة ووزارة الشؤون البلدية والقروية وأية جهة حكومية';
  const orgs = analyzeEntities({ title: '', text }).filter((e) => e.type === 'org');
  assert.deepEqual(orgs.map((o) => [o.name, o.mentions]), [['وزارة التجارة والصناعة', 2], ['وزارة الشؤون البلدية والقروية', 1]]);
  assert.ok(orgs[0]!.surfaces.includes('وزارة التجارة'), 'the short form is kept as an alias');
});

test('countries: a language is no mention of its state; a capital before another country’s demonym is a club', () => {
  // aawsat 2015-07-27 (SaudiNewsNet, CC BY-NC-SA 4.0): after a word for language, behind ب/ك, and joined by و to one
  const countries = (text: string): string[] => ids('', text).filter((i) => i.startsWith('country:'));
  assert.deepEqual(countries('وعلى النقيض، أولى «داعش» اهتمامًا بالإعلام الناطق باللغات الأجنبية، إذ أطلق مطلع العام الحالي مدونات باللغتين الروسية والإنجليزية، كما يعمل على ترجمة إصداراته الإعلامية للغات الأجنبية المختلفة كالألمانية والإسبانية.'), []);
  assert.deepEqual(countries('الطفلة الفلسطينية ذات الأربعة عشر ربيعا، وهي تروي معاناتها وأسرتها بألمانية فصيحة، وتحكي عن مخاوفها'), ['country:PS']);
  assert.deepEqual(countries('«بسبب دراسة لغات لا يحتاجها السوق لوفرتها وزيادة أعداد دارسيها، كالإنجليزية والفرنسية والإيطالية'), []);
  // a dialect is a language (alriyadh 2015-07-21)
  assert.deepEqual(countries('وهي المرة الأولى التي يغني فيها باللهجة المصرية.'), []);
  // the same words as nationalities still count
  assert.deepEqual(countries('وصل الوفد الفرنسي والسفيرة الإيطالية'), ['country:FR', 'country:IT']);
  // aawsat 2015-07-27: San José Earthquakes are a US club, no mention of Costa Rica (nor América of Mexico of the US)
  const club = countries('وأسعف الحظ يونايتد في تحقيق فوزه الثالث على التوالي في هذه الجولة (تغلب على أميركا المكسيكي 1 - صفر وسان خوسيه أورثكوايكس الأميركي 3 - 1)');
  assert.ok(!club.includes('country:CR'), club.join(' '));
});

test('football clubs named without a head word are organisations, not people or the capital in their name', () => {
  // aleqtisadiya 2015-08-04, 3alyoum 2015-08-04 (SaudiNewsNet, CC BY-NC-SA 4.0)
  const a = analyzeEntities({ title: '', text: 'يضم مانشستر سيتي تشكيلة جيدة وفاز باللقب مرتين في آخر أربع أو خمس سنوات ويملك مانشستر يونايتد كل شيء من تاريخ ولاعبين واستثمار أي أن كل الأندية ستكون جاهزة.' });
  assert.deepEqual(a.map((e) => `${e.type}:${e.name}`), ['org:مانشستر سيتي', 'org:مانشستر يونايتد']);
  const b = analyzeEntities({ title: '', text: 'يبدو أن الدولي البرتغالي كريستيانو رونالدو هداف ريال مدريد يسعى لأن يكون مختلفًا في جميع المجالات' });
  assert.ok(b.some((e) => e.id === 'org:real-madrid'));
  assert.ok(!b.some((e) => e.id === 'country:ES' || e.id === 'city:madrid'), b.map((e) => e.id).join(' '));
});

// SaudiNewsNet (CC BY-NC-SA 4.0, see testdata/README.md), 2015-07-23 and 2015-08-04 (issue 14).
test('countries: a country name after «ولاية» is the state of that name', () => {
  assert.ok(!ids('', 'ويقول البروفيسور جيمس شيرمان أستاذ علم الاوبئة بجامعة ايمورى بولاية جورجيا الامريكية إن النوم يحسن من أداء الجهاز الدوري').includes('country:GE'));
  assert.ok(!ids('', 'فوجئ عناصر الشرطة بمدينة "كليفلاند" بولاية "جورجيا" الأميركية خلال اعتقالهم للمطلوبة').includes('country:GE'));
  // (the country itself, in a list of countries, still counts)
  assert.ok(ids('', 'رحلته متجهاً من إيران إلى أرمينيا وجورجيا ومنهما إلى كل من تركيا واليونان').includes('country:GE'));
});

// SaudiNewsNet (CC BY-NC-SA 4.0, see testdata/README.md), July–August 2015, days the labelled set does not use.
test('countries: look-alikes found by scanning the corpus (the right hand, Pandora, Klaus, Blaise, New Jersey, the ivory tower)', () => {
  const countries = (text: string): string[] => ids('', text).filter((i) => i.startsWith('country:'));
  // اليمنى written with ى is «the right one» (97 of 100 corpus uses); اليمني is Yemeni
  assert.deepEqual(countries('وكانت الأميرة إليزابيث أيضا تلوح للكاميرا بذراعها اليمنى وهي ممدودة'), []);
  assert.deepEqual(countries('لإصابة بقدمه اليمنى عانى منها في الدقيقة 75'), []);
  assert.deepEqual(countries('والرئيس اليمني عبدربه منصور هادي'), ['country:YE']);
  assert.deepEqual(countries('ضعف وعي المتداولين في سوق الأسهم بالمجريات الاقتصادية العالمية'), []);
  assert.deepEqual(countries('خدمات الإنترنت والأقمار الصناعية مثل باندورا وسيريوس إكس إم'), []);
  assert.deepEqual(countries('المؤسسات الإعلامية المختلفة لها حراك بنيوي في رفع سقف الوعي الأسري'), []);
  assert.deepEqual(countries('الذي تسبب بصعود نادي سانتا كلاوس إلى الدرجة الثالثة'), []);
  assert.deepEqual(countries('حساب فيورنتينا الإيطالي بأربعة أهداف لبليز ماتويدي'), ['country:IT']);
  assert.deepEqual(countries('يذكر أنه في نيو جيرزي اعتقل شقيقه علاء سعادة'), []);
  assert.deepEqual(countries('يعيشون في ولايات غير باردة، مثل تكساس، وأريزونا، ونيو مكسيكو'), []);
  assert.deepEqual(countries('فكرة عزل المثقف لنفسه في برجه العاجي بعيدا عن الحراك الشعبي'), []);
  assert.deepEqual(countries('والبرلمان الاسكوتلندي'), ['country:GB']);
  assert.deepEqual(countries('والعاجي ديديه ياكونان'), ['country:CI']);
  assert.deepEqual(countries('التاريخ الثقافي الأرمني خلال العصور الوسطى'), ['country:AM']);
  assert.deepEqual(countries('تعاقدها مع الأورغوياني ماوريسيو ألفونسو'), ['country:UY']);
  // capitals that are words or names: a ligament, «early», a queen, a stadium
  const places = (text: string): string[] => ids('', text).filter((i) => i.startsWith('city:') || i.startsWith('country:'));
  assert.deepEqual(places('إبراهيموفيتش الذي تعرض لالتواء في الرباط الجانبي الداخلي لركبته اليمنى'), []);
  assert.deepEqual(places('سيغيب عن الملاعب بعد إصابته في الرباط الصليبي'), []);
  assert.deepEqual(places('وعلى الأندية أن تبدأ التحضير باكرًا للموسم'), []);
  assert.deepEqual(places('وملكة إسبانيا الملكة صوفيا والملكة رانيا قرينة الملك الأردني'), ['country:ES', 'country:JO']);
  assert.deepEqual(places('بيل قرر تحقيق حلمه باللعب مع ريال مدريد في سانتياغو بيرنابيو'), []);
});

// SaudiNewsNet (CC BY-NC-SA 4.0, see testdata/README.md), July–August 2015, days the labelled set does not use.
test('عمان: a list of states or of capitals, a ruler or a city office before it, its country after it, a dateline', () => {
  const has = (text: string, id: string): boolean => ids('', text).includes(id);
  // among states, with Jordan named in the same list: Oman
  assert.ok(has('والمملكة العربية السعودية، وقطر، والكويت، والبحرين، وعمان، والأردن، ولبنان، والعراق، واليمن', 'country:OM'));
  assert.ok(!has('والمملكة العربية السعودية، وقطر، والكويت، والبحرين، وعمان، والأردن، ولبنان، والعراق، واليمن', 'city:amman'));
  assert.ok(has('والأردن ثم إثيوبيا 9 في المائة وعمان وتركيا 7 في المائة لسهولة التأشيرة', 'country:OM'));
  // among capitals: Amman
  assert.ok(has('أربع عواصم إقليمية هي الرياض وأنقرة وعمان ودمشق', 'city:amman'));
  assert.ok(has('وقد كان رائدا من رواد الثقافة العربية في مصر وبيروت ودمشق وعمان', 'city:amman'));
  assert.ok(!has('إلى متوسط اسعار خامي عمان ودبي مضافا إليه 0.40 دولار', 'city:amman'), 'Dubai is no capital: two crudes');
  // the word before
  assert.ok(has('وبعث برقية عزاء ومواساة لملك الأردن، وتلقى اتصالاً هاتفيًا من أمير دولة قطر. وهنأ سلطان عمان بمناسبة عودته من رحلته العلاجية', 'country:OM'));
  assert.ok(has('الدكتور باسم عوض الله وأمين عمان عقل بلتاجي ومحافظ العاصمة خالد أبو زيد', 'city:amman'));
  // its country after it, even after a comma
  assert.ok(has('إذ حملني مشهد حنان الأم على أطفالها، إلى مشهد قسوة الابن على أمه. عمان - الأردن', 'city:amman'));
  // a dateline is a city (and no mention)
  const zaatari = analyzeEntities({ title: 'نصرة الأشقاء توزع 8538 عبوة حليب في مخيم الزعتري', text: 'عين اليوم – عمان\n أنهت الحملة الوطنية السعودية لنصرة الأشقاء في سوريا' });
  assert.ok(!zaatari.some((e) => e.id === 'country:OM'), zaatari.map((e) => e.id).join(' '));
  // طرابلس keeps its own rules: two cities, no country among them
  assert.ok(has('في مختلف المناطق اللبنانية فقصدوا جبيل وصيدا وصور وطرابلس، وعرّجوا على إهدن وبعلبك', 'city:tripoli-lb'));
});

// aleqtisadiya 2015-07-25, aawsat 2015-07-20 (SaudiNewsNet, CC BY-NC-SA 4.0): a list of states and a
// complement after a state are no club (`موناكو الفرنسي` is).
test('countries: a state name before a و-joined or prepositional demonym is no club', () => {
  assert.ok(ids('', 'المستوى الثاني: سلوفاكيا والنمسا وإيطاليا وسويسرا وتشيكيا وفرنسا وايسلندا').includes('country:CH'));
  assert.ok(ids('', 'المستوى الخامس: قبرص ولاتفيا وأرمينيا وفنلندا وبيلاروسيا ومقدونيا').includes('country:FI'));
  assert.ok(ids('', 'بمهمات قنصلية بالدرجة الأولى، برعاية سويسرا للأميركيين في هافانا').includes('country:CH'));
  assert.ok(!ids('', 'انتهاء فترة إعارة الكولومبي راداميل فالكاو من موناكو الفرنسي').includes('country:MC'));
  // arreyadi 2015-07 and alyaum 2015-08-09: one such pair made every mention of the state in the article vanish
  assert.deepEqual(ids('', 'العلاقات السعودية الكويتية تاريخية. أن العلاقات التي تربط بين السعودية والكويت على كافة المستويات').filter((i) => i.startsWith('country:')), ['country:SA', 'country:KW']);
  assert.ok(ids('', 'وظهر سب أمريكا ولعنها كنص جديد عنوانه الموت لأمريكا إيرانيا').includes('country:US'));
});

// aawsat and aleqtisadiya 2015-07-20…22 (SaudiNewsNet, CC BY-NC-SA 4.0): bodies news names without a head word.
test('organisations: the gazetteer names bodies no head word finds', () => {
  const orgs = (text: string): string[] => analyzeEntities({ title: '', text }).filter((e) => e.type === 'org').map((e) => e.id);
  assert.deepEqual(orgs('نقلت وكالة تسنيم الايرانية للانباء عن محمد علي جعفري قائد الحرس الثوري الايراني'), ['org:irgc']);
  assert.ok(orgs('والبيت الأبيض منهمك بالفعل في مساومات شديدة مع أعضاء بمجلس الشيوخ').includes('org:white-house'));
  assert.deepEqual(orgs('ورغم أن هناك تناولا عابرًا لميليشيا «الحشد الشعبي»، فرضه مجموع جرائمها'), ['org:pmf']);
  assert.deepEqual(orgs('قال الفيفا عبر تويتر إن الاجتماع غير العادي للجمعية العمومية'), ['org:fifa', 'org:twitter']);
  assert.deepEqual(orgs('وبعض هؤلاء القادة «الدواعش» في الحقيقة أقارب'), ['org:isis']);
});

// aawsat, alweeam, almadina, alriyadh 2015-07-21…23 (SaudiNewsNet, CC BY-NC-SA 4.0): a body named with
// the article, an adjective and what it is for.
test('organisations: an article-form head, its adjective and what it is for', () => {
  const orgs = (text: string): string[] => analyzeEntities({ title: '', text }).filter((e) => e.type === 'org').map((e) => e.name);
  assert.deepEqual(orgs('لقد نجحت الهيئة العامة للسياحة والتراث الوطني بتوجيه من القيادة الرشيدة'), ['الهيئة العامة للسياحة والتراث الوطني']);
  assert.deepEqual(orgs('وأوضح المتحدث الإعلامي للإدارة العامة للدفاع المدني بمحافظة الطائف العقيد ناصر بن سلطان الشريف'), ['الإدارة العامة للدفاع المدني']);
  assert.deepEqual(orgs('توقّعت الرئاسة العامة للأرصاد وحماية البيئة في تقريرها عن حالة الطقس'), ['الرئاسة العامة للأرصاد وحماية البيئة']);
  assert.deepEqual(orgs('أن المجلس الأعلى للقضاء ووزارة العدل يبذلان الجهود لتسريع إجراءات التقاضي'), ['المجلس الأعلى للقضاء', 'وزارة العدل']);
  // without what it is for, no one body
  assert.deepEqual(orgs('ويعولون على التصويت السري بالهيئة العامة بالكنيست لإفشال الصفقة'), []);
});

// aleqtisadiya, aawsat, alriyadh 2015-07-27 (SaudiNewsNet, CC BY-NC-SA 4.0): a capital naming a thing is no state.
test('countries: a capital after a word for a thing named after it (bank, charter, stock exchange) is no state', () => {
  const countries = (text: string): string[] => ids('', text).filter((i) => i.startsWith('country:'));
  assert.deepEqual(countries('من أنها ليست طرفًا في ميثاق روما'), []);
  assert.deepEqual(countries('وحذا المؤشر القياسي في كل من بورصتي باريس وفرانكفورت حذوه بشكل عام'), []);
  assert.deepEqual(countries('السجن وصخب الخارج الذي دمر حائط برلين'), []);
  // alriyadh 2015-08-10, 3alyoum 2015-08: a tournament named after a capital, two cities
  assert.deepEqual(countries('وكذلك بطولة براغ الدولية مطلع شهر سبتمبر المقبل'), []);
  assert.deepEqual(countries('مستهدفة بذلك أكثر من 600 ألف عميل في مدينتي الرياض وجدة'), []);
  assert.deepEqual(countries('واليوم ينسق رجب طيب إردوغان مع واشنطن للتدخل في سوريا'), ['country:US', 'country:SY']);
  // a region whose name holds a state names the state (no longer taken whole by the region)
  assert.deepEqual(countries('بينما اكد رئيس إقليم كردستان العراق مسعود البارزاني إن الأكراد يفضلون الاستقلال'), ['country:IQ']);
});

// almadina 2015-08-10, aawsat 2015-07-20 (SaudiNewsNet, CC BY-NC-SA 4.0): a capital a team arrives in or one leaves is a place.
test('countries: a capital after a verb of arriving, leaving or visiting is the place, not the state', () => {
  assert.deepEqual(ids('النصر يصل لندن بطائرة خاصة.. والرئيس يلتحق بالبعثة'), ['city:london']);
  assert.ok(!ids('', 'أشهر موسيقي ومغنٍّ في بلاط العباسيين، ثم غادر بغداد وهو في الثلاثين').includes('country:IQ'));
});

// alriyadh and aleqtisadiya 2015-07-22 (SaudiNewsNet, CC BY-NC-SA 4.0): an Eid greeting, Northern Ireland, two airports.
test('countries: باليمن «with blessing», Northern Ireland is Britain, capitals after مطاري are places', () => {
  const countries = (text: string): string[] => ids('', text).filter((i) => i.startsWith('country:'));
  assert.deepEqual(countries('أعاده الله علينا وعليكم باليمن والخير والبركات،كل عام وأنتم بخير'), []);
  // aleqtisadiya 2015-07-25: Borussia (بروسيا, not «in Russia») and the French agency
  assert.deepEqual(countries('بعد أن رفض ناديا بروسيا دورتموند الألماني وريال مدريد الإسباني'), ['country:DE', 'country:ES']);
  assert.deepEqual(countries('كأس العالم بروسيا 2018'), ['country:RU']);
  // alweeam 2015-08-10
  assert.deepEqual(countries('منعهما من ذلك وجرهما إلى الخلف واستخدم العنف معهما.بحسب الفرنسية. وأوضح نفس المصدر'), []);
  assert.deepEqual(countries('وأن يعيد هذه المناسبة الغالية على الجميع باليمن والخيرات'), []);
  assert.deepEqual(countries('وحكمت المحكمة بمنع ريتشارد باركلي 50 عاما ضابط شرطة سابق من أيرلندا الشمالية، من حضور المباريات'), ['country:GB']);
  assert.deepEqual(countries('الرحلات المنتظمة بين مطاري الرياض وأثينا باليونان'), ['country:GR']);
});

// alriyadh 2015-07-21 (SaudiNewsNet, CC BY-NC-SA 4.0): a family name that is a demonym, then the name alone.
test('countries: a person named later by a family name that is a demonym is no mention of the state', () => {
  const text = 'دعا الأمين العام لرابطة العالم الإسلامي الشيخ الدكتور عبدالله بن عبدالمحسن التركي مؤسسات المسلمين بالتوعية بخطورة استغلال الدين. وقال التركي إن رابطة العالم الإسلامي تدعو المسؤولين إلى الاضطلاع بدورهم';
  assert.ok(!ids('', text).includes('country:TR'), ids('', text).join(' '));
});

test('«الشرق الأوسط» in quotes is the newspaper naming itself, no mention of the region', () => {
  // aawsat 2015-07-21 and 2015-08-04 (SaudiNewsNet, CC BY-NC-SA 4.0): the paper quotes a source «to» itself, and
  // names the region in the same article.
  assert.ok(!ids('', 'وفي حديث لـ«الشرق الأوسط»، قال دبلوماسي إسرائيلي سابق عمل طيلة 20 سنة في واشنطن').includes('region:middle-east'));
  assert.ok(!ids('', 'وعلمت «الشرق الأوسط» أن القائمة تضم لاعبا أجنبيا ولاعبين محليين معروفين').includes('region:middle-east'));
  assert.ok(ids('', 'والتي ستضمن استمرار تفوّق إسرائيل العسكري في جميع أنحاء الشرق الأوسط، بدأنا نسمع').includes('region:middle-east'));
});
