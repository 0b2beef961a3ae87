import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeEntities } from './index.ts';

const orgs = (text: string): string[] => analyzeEntities({ title: '', text }).filter((e) => e.type === 'org').map((e) => e.name);

// Sentences from SaudiNewsNet (CC BY-NC-SA 4.0, see testdata/README.md), July–August 2015, days the
// labelled set does not use: organisation error classes of issue 14.
test('organisations: a head before a generic word names no body', () => {
  assert.deepEqual(orgs('لتوقيع عقده الاحترافي مع إدارة النادي بصورة رسمية'), []);
  assert.deepEqual(orgs('ولكنها تتأثر بحركة السير؛ فمن الممكن أن تستغرق المزيد من الوقت'), []);
  assert.deepEqual(orgs('نحن لم نفرط في يوم من الأيام في مصلحة المواطن وحقوقه'), []);
  assert.deepEqual(orgs('وقال المتحدث باسم مدينة الملاهي ياكوب فال'), []);
  assert.deepEqual(orgs('ويشارك أعضاء هيئة التدريس في كلية الحقوق أيضا'), ['كلية الحقوق']);
  // (a real one of those heads still counts)
  assert.deepEqual(orgs('تم البدء في عمليات برنامج الوسائل الحية التابع لمصلحة الجمارك العامة'), ['مصلحة الجمارك العامة']);
  assert.ok(orgs('ويُشار إلى أنه وبطلب من كتلة حركة النهضة بلجنة التشريع تمت إضافة فقرة').includes('حركة النهضة'));
});

test('organisations: an idafa after the head, and a city after a city body', () => {
  assert.deepEqual(orgs('وأكد محافظ هيئة تنظيم الكهرباء والإنتاج المزدوج الدكتور عبدالله الشهري'), ['هيئة تنظيم الكهرباء والإنتاج المزدوج']);
  assert.deepEqual(orgs('كما شكر أمانة المدينة المنورة متمثلة في أمينها وجميع منسوبيها'), ['أمانة المدينة المنورة']);
  // (a rank after the body is the spokesman's title: c033, sabq 2015-08-07)
  assert.deepEqual(orgs('وقال الناطق الإعلامي باسم شرطة منطقة القصيم الرائد بدر السحيباني: "المتهمون استهدفوا العمالة الوافدة"'), ['شرطة منطقة القصيم']);
  // (nor the people it addresses: d009, alweeam 2015-08-11)
  assert.deepEqual(orgs('ودعت المديرية العامة للجوازات الأشقاء أبناء اليمن، ممن تنطبق عليهم شروط الحصول على هوية زائر'), ['المديرية العامة للجوازات']);
  assert.ok(orgs('وشارك أعضاء مجلس الطلاب في الحفل').includes('مجلس الطلاب'));
  // (right after the head a rank word is the name: Al-Raed club, aljazirah 2015-07-22)
  assert.ok(orgs('وكان اللاعب قد انتقل إلى نادي الرائد قبل موسمين').includes('نادي الرائد'));
  // (a person after the head is no idafa)
  assert.ok(!orgs('ويستمر باب الترشح وتقديم الطلبات للإدارة المكلفة حالياً برئاسة عبدالله القريني حتى يوم 25').some((o) => o.includes('عبدالله')));
});

// okaz, alyaum, 3alyoum 2015-07-24 (SaudiNewsNet, CC BY-NC-SA 4.0): clubs sports news names bare.
test('organisations: a club named bare in a sports article is the club, one id with its headed form', () => {
  const text = 'حكم اللقاء صافرته معلناً فوز النصر بهدفين مقابل هدف للتعاون. وكان لاعب التعاون قد راوغ دفاع النصر. وأعلنت إدارة نادي النصر أن الفريق سيواصل تدريباته قبل مباراة الدوري.';
  const clubs = analyzeEntities({ title: '', text }).filter((e) => e.type === 'org');
  const nasr = clubs.find((e) => e.id === 'org:نادي_النصر');
  assert.ok(nasr && nasr.mentions === 3, JSON.stringify(clubs.map((e) => [e.id, e.mentions])));
  assert.ok(nasr.surfaces.includes('النصر') && nasr.surfaces.includes('نادي النصر'));
  assert.ok(clubs.some((e) => e.id === 'org:نادي_التعاون'), 'headed once (لاعب التعاون): its bare mentions count');
  // outside sports, the same words are words
  assert.deepEqual(orgs('مؤكدا على أهمية التعاون بين البلدين، ومبينا أن للمملكة ومصر تاريخا ومواقف مشتركة'), []);
  // a federation is no club (aawsat 2015-07-21)
  assert.ok(!orgs('للجنة فض المنازعات بالاتحاد السعودي لكرة القدم. واكتفى مدرب الأهلي بقائمة تضم 28 لاعبًا فقط للمعسكر').some((o) => o === 'الاتحاد'));
});

test('a club named bare as the opponent (أمام النصر) is the club; a body after ضد is none', () => {
  // almadina 2015-08-06: the common-word name is never headed (نادي النصر) in the article
  const text = 'كشفت مصادر قريبة من البيت الهلالي أن قائد الفريق الأول ياسر القحطاني لن يتمكن من المشاركة في مباراة السوبر السعودي أمام النصر التي من المقرر ان تقام يوم الاربعاء المقبل. كما أن الجهاز الفني للفريق الهلالي بقيادة المدرب اليوناني دونيس يرغب في عدم الزج به في المباراة.';
  assert.ok(analyzeEntities({ title: '', text }).some((e) => e.id === 'org:نادي_النصر'), orgs(text).join(' | '));
  // aleqtisadiya 2015-07-24: the federation, then the confederation's committee — no club
  const uefa = 'وبعد فتحها تحقيقا ضد الاتحاد الكرواتي، قررت لجنة الانضباط في الاتحاد القاري حسم نقطة من رصيد المنتخب الكرواتي الذي يتصدر المجموعة الثامنة أمام إيطاليا في التصفيات. وكانت المباراة قد أقيمت على ملعب سبليت ومن دون جمهور بسبب عقوبة سابقة بحق المنتخب، ومدرب الفريق غاضب.';
  assert.ok(!analyzeEntities({ title: '', text: uefa }).some((e) => e.id === 'org:نادي_الاتحاد'), orgs(uefa).join(' | '));
});

test('a state’s intelligence, navy, airline and customs named by its demonym are bodies, one id per state', () => {
  // alyaum 2015-07-22; 3alyoum 2015-07-24 (و-glued)
  assert.ok(orgs('وكشفت تقارير إخبارية تركية امس الثلاثاء أن الاستخبارات التركية حذرت قوات الأمن مرارا بشأن عبور سبعة من مسلحي داعش').includes('الاستخبارات التركية'));
  assert.ok(orgs('مشيرا إلى أن المركز وبالتنسيق مع السفارة اليمنية بجيبوتي والخطوط اليمنية وبمتابعة دقيقة منه سوف يقوم بنقل الراغبين').includes('الخطوط اليمنية'));
  // (the state's name that is its feminine demonym: aawsat 2015-07-21)
  assert.ok(orgs('والذي أشار إلى أن الخدمات التي قدمتها السفارة السعودية كانت مصدر تقدير الجميع').includes('السفارة السعودية'));
  // (two spellings of the state, one navy: aawsat 2015-07-21, and the same sentence spelled أمريكية)
  const navy = analyzeEntities({ title: '', text: 'وقتل أربعة من جنود مشاة البحرية الأميركية وبحار في الهجوم. وقالت البحرية الأمريكية إن التحقيق جار.' }).filter((e) => e.type === 'org');
  assert.deepEqual(navy.map((e) => [e.id, e.mentions]), [['org:البحريه_US', 2]]);
});

// aawsat 2015-07-21, alweeam 2015-08-07, aleqtisadiya 2015-07-23 (SaudiNewsNet, CC BY-NC-SA 4.0).
test('a club named after a capital is the club, and a newspaper named after one no state', () => {
  const ents = (text: string): string[] => analyzeEntities({ title: '', text }).map((e) => e.id);
  const draw = ents('سيواجه سبورتنغ لشبونة البرتغالي سسكا موسكو الروسي. وسيلعب رابيد فيينا النمساوي أمام شاختار دونيتسك الأوكراني');
  for (const id of ['org:sporting-lisbon', 'org:cska-moscow', 'org:rapid-vienna', 'org:shakhtar']) assert.ok(draw.includes(id), `${id}: ${draw.join(' ')}`);
  assert.ok(!draw.some((id) => id.startsWith('city:')), draw.join(' '));
  assert.ok(!ents('بعد أن كان يمني نفسه بالعودة لتدريب فريقه السابق ستيوا بوخارست').includes('country:RO'));
  assert.ok(!ents('وكانت صحيفة «واشنطن بوست» ذكرت أن يوسف عبد العزيز المولود في فلسطين خضع').includes('country:US'));
});

// aleqtisadiya 2015-07-20/21, aawsat 2015-07 and 3alyoum 2015-08 (SaudiNewsNet, CC BY-NC-SA 4.0).
test('organisations: a national body named by its demonym; a company name ends before a ل-linked complement', () => {
  assert.ok(orgs('وكتب "البرقان" عبر "تويتر": "الاتحاد البرتغالي يطلب الشهادة الدولية للكابتن سعيد المولد').includes('الاتحاد البرتغالي'));
  assert.ok(orgs('ومن ثم استحداث مشروعه التطويري الخاص بالمنتخب السعودي دون التدخل من طرفهم').includes('المنتخب السعودي'));
  assert.ok(orgs('إثر العملية العسكرية التي نفّذها الجيش اللبناني ضد متشددي تنظيم «فتح الإسلام»').includes('الجيش اللبناني'));
  // (Boeing is in the gazetteer: «شركة بوينج» is its headed spelling, the complement no part of it)
  const boeing = analyzeEntities({ title: '', text: 'وأوضح الجاسر أن هذه الطائرة من أحدث ما توصلت إليه شركة بوينج لصناعة الطائرات' }).filter((e) => e.type === 'org');
  assert.deepEqual(boeing.map((e) => [e.id, e.surfaces]), [['org:boeing', ['بوينج', 'شركة بوينج']]]);
  // the country is still named (the team is Saudi Arabia's)
  assert.ok(analyzeEntities({ title: '', text: 'نظير مشاركتهم في معسكر المنتخب السعودي لكرة القدم الأخير' }).some((e) => e.id === 'country:SA'));
});

// aleqtisadiya 2015-07-20, aawsat 2015-07-21, alweeam 2015-07 (SaudiNewsNet, CC BY-NC-SA 4.0).
test('organisations: clubs the gazetteer names; «نادي X» of a gazetteer club is that club, its spelling an alias', () => {
  const ents = analyzeEntities({ title: 'برشلونة يبدأ استعداداته للموسم الجديد بدون ميسي', text: 'بدأ نادي برشلونة الأسباني اليوم الاثنين، بدون نجمه الأول الأرجنتيني' });
  const barca = ents.filter((e) => e.type === 'org');
  assert.deepEqual(barca.map((e) => [e.id, e.mentions]), [['org:barcelona', 2]], JSON.stringify(barca));
  assert.ok(barca[0]!.surfaces.includes('نادي برشلونة'));
  assert.deepEqual(orgs('وكان بينتيكي انضم إلى صفوف أستون فيلا قادما من غنك البلجيكي عام 2012'), ['أستون فيلا']);
  assert.deepEqual(orgs('كما لعب خلال مسيرته لفريقي فالنسيا وفياريال والمنتخب الإسباني'), ['فالنسيا', 'فياريال', 'المنتخب الإسباني']);
});

// aawsat 2015-07-22 (SaudiNewsNet, CC BY-NC-SA 4.0): after an adjective only an adjective or a joined word goes on.
test('organisations: a name ends at a plain noun after its adjective', () => {
  assert.ok(orgs('تعزيز تمويل حلفائها في المنطقة من حزب الله في لبنان إلى حركة الجهاد الإسلامي الفلسطينية. وكان كارتر أكد').includes('حركة الجهاد الإسلامي الفلسطينية'));
  assert.ok(orgs('وزارة الشؤون الإسلامية السعودية توزع «موسوعة خطب الجمعة» للمساجد').includes('وزارة الشؤون الإسلامية السعودية'));
});

// aawsat, alriyadh, 3alyoum, alweeam 2015-07/08 (SaudiNewsNet, CC BY-NC-SA 4.0): a head before a word for a kind.
test('organisations: a head before an indefinite word for a kind or a joined word names no body', () => {
  assert.deepEqual(orgs('ورسم فريق الصقور السعودية نحو 21 حركة جوية بواسطة طائرات هوك 65'), []);
  assert.deepEqual(orgs('ويشير التصميم، الذي ابتكره خبراء في شركة طيران روسية، إلى أنه'), []);
  assert.deepEqual(orgs('وارتفعت أسعار أسهم 34 شركة مقابل تراجع أسعار أسهم 30 شركة واستقرار أسعار أسهم 42 شركة'), []);
  assert.deepEqual(orgs('محافظ الأحساء يوافق على تشكيل لجنة لتوطين الوظائف السياحية'), []);
  // a hospital inside a medical city is the city's (مستشفى مدينة … is no name of its own)
  assert.ok(orgs('مبادرة لتوزيع هدايا العيد على الأطفال المنومين بمستشفى مدينة الملك سعود الطبية الرياض').some((o) => o.startsWith('مدينة الملك سعود')));
});

// alweeam 2015-07-21/22, alwatan 2015-07-26, alyaum and aawsat 2015-07-27, aawsat 2015-08-06 (SaudiNewsNet,
// CC BY-NC-SA 4.0): a word after an open head that says what kind of body it is, or the verb it is
// subject of, is no name (org-words.ts commonWord); a name of that shape still is.
test('organisations: an adjective, a nisba or a past-tense verb after the head names no body', () => {
  assert.deepEqual(orgs('رابط الخبر بصحيفة الوئام: محكمة أمريكية عليا تغرم شركة رفضت توظيف محجبة'), []);
  assert.deepEqual(orgs('ويواصل "الاف بي آي" في الاطار التحقيق مع شركة ساعدت في وضع برنامج بريد كلينتون الالكتروني'), []);
  assert.deepEqual(orgs('وأشار مصدر بفرع المياه بالمحافظة إلى استلام شركة جديدة لمشروع نزح مياه الصرف'), []);
  assert.deepEqual(orgs('وأنه يجد الترحيب والاحترام من الجميع ويسكن في مجمع سكني رائع وجميل'), []);
  assert.deepEqual(orgs('التي تشهد منطقة العزيزية حركة كثيفة من الزوار والسياح'), []);
  assert.deepEqual(orgs('حاصل على الدرجة الجامعية في التخصص المحدد من جامعة سعودية، أو أي جامعة معترف بها'), []);
  assert.deepEqual(orgs('أعلنت شركة سوني اليابانية، أمس الجمعة، عبر مدونتها الرسمية'), ['سوني']);
  assert.deepEqual(orgs('وأضاف في ندوة في كلية الصحافة في جامعة كولومبيا (نيويورك)'), ['كلية الصحافة', 'جامعة كولومبيا']);
});

// aawsat 2015-08-05, alweeam 2015-07 (SaudiNewsNet, CC BY-NC-SA 4.0): a news agency is shown by its full name.
test('agencies: the full name is the display name, the short spelling an alias', () => {
  const agency = (text: string): Array<[string, string[]]> => analyzeEntities({ title: '', text }).filter((e) => e.type === 'agency').map((e) => [e.name, e.surfaces]);
  assert.deepEqual(agency('وقال بيسكوف نفسه لوكالة ريا في المساء إن الساعة كانت هدية الزفاف'), [['وكالة ريا نوفوستي', ['وكالة ريا']]]);
  // almadina 2015-07-21
  assert.deepEqual(agency('وفي نهاية شهر يونيو وبحسب (واس): لجنة من إمارة منطقة المدينة المنورة تزور فجأة'), [['وكالة الأنباء السعودية', ['واس']]]);
});

// aawsat 2015-07-22/24, alriyadh 2015-07-21 (SaudiNewsNet, CC BY-NC-SA 4.0).
test('organisations: an operations room, a jury, a club board are no bodies of their own', () => {
  assert.deepEqual(orgs('بتوقيع اتفاق بينهما على «حلّ الخلاف» وإنشاء «غرفة عمليات عسكرية» وإعادة تفعيل التعاون الأمني'), []);
  assert.deepEqual(orgs('جائزة لجنة التحكيم ذهبت للفيلم الياباني «مس هوكوساي»'), []);
  // a club's board is the club (named bare, in a sports article)
  const text = 'وصلت إلى مدينة بولو التركية بعثة الرائد لإقامة معسكر إعدادي يمتد حتى السادس من أغسطس المقبل، بعدما وصلت إلى مدينة اسطنبول التركية عبر طائرة خاصة بجانب فرق الفيصلي ونجران، وضمت جميع عناصر الفريق المحلية والأجنبية في وقت تسعى إدارة الرائد لإنهاء ملف اللاعبين الأجانب، بالبحث عن مدافع أجنبي من القارة السمراء. كما وصلت مساء أول من أمس (الإثنين) بعثة الفيصلي';
  const raed = analyzeEntities({ title: '', text }).filter((e) => e.type === 'org').map((e) => e.id);
  assert.ok(raed.includes('org:نادي_الرائد') && !raed.some((id) => id.includes('اداره')), raed.join(' '));
});

// alweeam 2015-07, alriyadh 2015-08-05 (SaudiNewsNet, CC BY-NC-SA 4.0): the Public Security directorate.
test('organisations: الأمن العام is the directorate news names', () => {
  assert.deepEqual(orgs('كرَّم مساعد مدير الأمن العام لأمن الحج والعمرة اللواء دكتور سعود بن عبد الله'), ['الأمن العام']);
  const jo = analyzeEntities({ title: '', text: 'الرائد عامر السرطاوي المتحدث الرسمي بمديرية الأمن العام بدولة الأردن بأن المقتول أردني الجنسية' }).filter((e) => e.type === 'org');
  assert.deepEqual(jo.map((e) => [e.id, e.surfaces]), [['org:public-security', ['مديرية الأمن العام']]]);
});

// aawsat, aleqtisadiya, alweeam, aljazirah, sabq 2015-07-21 (SaudiNewsNet, CC BY-NC-SA 4.0): heads of
// the press, embassies, exchanges, commands and governorates; a head before whose forces or an
// office is no body.
test('organisations: newspapers, embassies, exchanges, joint commands and governorates by their head', () => {
  assert.ok(orgs('وذكرت صحيفة حريت في موقعها على الانترنت أن الانتحاري شابةً في الثامنة عشر من عمرها').includes('صحيفة حريت'));
  // (a listed city, then what the body is: places-news.test.ts)
  assert.ok(orgs('ولم تتداول بورصة طوكيو للأوراق المالية أمس نظرا لتوقفها في عطلة').includes('بورصة طوكيو للأوراق المالية'));
  assert.ok(orgs('وكانت قيادة القوات المشتركة لتحالف دعم الشرعية في اليمن قد أعلنت في بيان لها').includes('قيادة القوات المشتركة'));
  assert.ok(orgs('قدمها وكيل إمارة منطقة الباحة رئيس اللجنة الإشرافية العليا لمهرجان الصيف').includes('إمارة منطقة الباحة'));
  assert.ok(orgs('ثم كان حادث استيلاء الطلاب الإيرانيين على السفارة الأمريكية في طهران بعد وصول الخميني').includes('السفارة الأمريكية'));
  assert.ok(orgs('وبالتزامن مع تلك الخطوات، قال الجيش النيجيري وقوة المهام المشتركة إن هجوما انتحاريا').includes('قوة المهام المشتركة'));
  // (an emirate is a place; «قيادة» is mostly driving, aawsat 2015-07-21)
  assert.deepEqual(orgs('كما يستكمل أسعد الزهراني تصوير المشاهد الأخيرة من «سوبر محصّل» في إمارة دبي تحت إدارة مخرج وكاتب العمل'), []);
  assert.deepEqual(orgs('ويعتبر التحكم الصوتي مثاليا في اختيار الموسيقى أثناء التحرك أو المسير، وخصوصا أثناء قيادة السيارة.'), []);
  // (aawsat 2015-07-21: the army's command is the army, the army named by its demonym)
  assert.deepEqual(orgs('هو مقر قيادة الجيش الليبي في محافظة الجفرة'), ['الجيش الليبي']);
});

test('organisations: forces, offices and a body\'s own departments are no body', () => {
  assert.deepEqual(orgs('السعودية تطيح خلايا عنقودية مرتبطة بـ«داعش».. وتديرها دول سددت قوات الأمن السعودية ضربات قاصمة للإرهاب').filter((o) => o.startsWith('قوات')), []);
  // (the department is no body; the region's municipality it belongs to is one)
  assert.deepEqual(orgs('بدوره بين خالد بن متعب مدير إدارة العلاقات العامة بأمانة منطقة المدينة المنورة أن درة المدائن تعيش'), ['أمانة منطقة المدينة المنورة']);
  assert.deepEqual(orgs('لكن مع تواتر العمليات الإرهابية حثت رئاسة الحكومة ورئاسة الجمهورية على الإسراع بالمصادقة عليه'), []);
  // (an indefinite adjective or a verb after the head: c077, sabq 2015-08-07)
  assert.deepEqual(orgs('ذوو مريضة منوّمة بمستشفى رفحاء يناشدون نقلها'), ['مستشفى رفحاء']);
  assert.deepEqual(orgs('سرعة نقلها لمستشفى متقدم بعد تعرُّضها لجلطة بالرأس'), []);
});

// d061, alyaum 2015-08-11 (SaudiNewsNet, CC BY-NC-SA 4.0): photo captions run together without commas.
test('organisations: a name ends where the next body\'s definite head begins', () => {
  const found = orgs('المحكمة الإدارية بالدمام شرطة الشرقية فرع وزارة العدل الهيئة الملكية بالجبيل جامعة حفر الباطن');
  assert.ok(found.includes('وزارة العدل'), found.join(' | '));
  assert.ok(!found.some((o) => o.includes('العدل الهيئة')), found.join(' | '));
});

// aawsat, alweeam, sabq 2015-07-21, 2015-08-06 (SaudiNewsNet, CC BY-NC-SA 4.0).
test('organisations: bodies news names without a head, one id per body, and «بحماس» is no Hamas', () => {
  const ids = (text: string): string[] => analyzeEntities({ title: '', text }).filter((e) => e.type === 'org').map((e) => e.id);
  assert.deepEqual(ids('حيث غيرت منظمة البلدان المصدرة للبترول (أوبك) سياستها القديمة بالدفاع عن الأسعار'), ['org:opec']);
  assert.deepEqual(ids('بدأ يثير قلق شيخ الأزهر الدكتور أحمد الطيب»، مما دفع الإمام الأكبر إلى فرض التوقيع'), ['org:al-azhar']);
  assert.deepEqual(ids('إن جميع المشاركين أدلوا بأصواتهم في الانتخابات بحماس غير عادي لتعزيز السلطة الثورية'), []);
  // (Civil Defence inside a directorate's name is that directorate)
  assert.ok(orgs('أن مركز التحكم والتوجيه بالإدارة العامة للدفاع المدني بمدينة تبوك تبلغ ظهر أمس الاثنين').includes('الإدارة العامة للدفاع المدني'));
});

// alriyadh, almadina 2015-07-21 (SaudiNewsNet, CC BY-NC-SA 4.0): a common-word club joined by و to a club.
test('organisations: a club coordinated with a club is a club', () => {
  const text = 'تنطلق غداً عند الساعة الثانية ظهراً خدمة شراء التذاكر لمواجهة كأس السوبر التي تجمع بين الهلال والنصر في 12 أغسطس المقبل على ملعب "لوفتس وورد" التابع لنادي كوينز بارك الإنجليزي. تقرر إقامة مباراة السوبر السعودي بين النصر والهلال في لندن يوم ١٢ اغسطس ٢٠١٥ على إستاد لوفتوس رود في لندن عند الساعة التاسعة مساء بتوقيت السعودية، فيما سيتم البدء ببيع تذاكر المباراة خلال الأيام القليلة المقبلة';
  const ids = analyzeEntities({ title: '', text }).filter((e) => e.type === 'org').map((e) => e.id);
  assert.ok(ids.includes('org:نادي_النصر') && ids.includes('org:نادي_الهلال'), ids.join(' '));
});

// aawsat 2015-07-22, almadina 2015-07-22, okaz 2015-07-21, d080's title (aawsat 2015-07-24) (SaudiNewsNet, CC BY-NC-SA 4.0).
test('organisations: an embassy or consulate is one body however its state is written', () => {
  const ids = (text: string): string[] => analyzeEntities({ title: '', text }).filter((e) => e.type === 'org').map((e) => e.id);
  const a = ids('كما كانت وراء تنظيم مظاهرة سبتمبر (أيلول) 2012 أمام القنصلية الأميركية في الدار البيضاء');
  const b = ids('مع الإشارة إلى أنه أحد متزعّمي الهجوم الشائن على القنصلية الأمريكية في بنغازي في أيلول/سبتمبر 2012');
  assert.deepEqual(a, ['org:القنصليه_US']);
  assert.deepEqual(b, a);
  assert.deepEqual(ids('سفارة اليمن في بيروت توقف التأشيرات للبنانيين'), ids('ويشارك في المركز عدد من الجهات الحكومية إلى جانب أعضاء من السفارة اليمنية.'));
  assert.deepEqual(ids('سفارة اليمن في بيروت توقف التأشيرات للبنانيين'), ['org:السفاره_YE']);
});

// aawsat 2015-07-21, alyaum 2015-08-10, aljazirah 2015-08-06 (SaudiNewsNet, CC BY-NC-SA 4.0).
test('organisations: an occupying army and a coordinated verbal noun after the head are no body', () => {
  assert.deepEqual(orgs('التنسيق لإعادة إصلاح الخطوط المعطلة، ولكن جيش الاحتلال الإسرائيلي يعيق هذه الجهود'), []);
  assert.deepEqual(orgs('وبناء أطر الشراكات والتعاون بين القطاع العام والقطاع الخاص في مجال إدارة وتقديم الخدمات البلدية.'), []);
  // (a word spelt with و still is one: مجلس وزراء الصحة)
  assert.ok(orgs('بالتعاون بين الجمعية السعودية لطب الأسرة والمجتمع والمكتب التنفيذي لمجلس وزراء الصحة لدول مجلس التعاون').includes('مجلس وزراء الصحة'));
});

// Set g (eval/understand/articles-g.jsonl, annotated blind; SaudiNewsNet, CC BY-NC-SA 4.0).
test('organisations: no name from a preposition phrase, a woman’s title, a council’s decision or a body’s own board', () => {
  // g021, alyaum 2015-08-06: حركة «movement» before ل + a common word
  assert.deepEqual(orgs('إن الشخص الذي يجري لنصف ساعة يوميا ربما يجلس دون حركة لمدة 15 ساعة في العمل، والذين يجلسون دون حركة لأكثر من عشر ساعات أو دون حركة لساعات يوميا'), []);
  // g008, alweeam 2015-08-10
  assert.deepEqual(orgs('وأوضحت مديرة إدارة الموهوبات الدكتورة ليلى الصاعدي، أنه سيتم نقل 3 طالبات'), ['إدارة الموهوبات']);
  // g024, was 2015-08-10
  assert.ok(!orgs('وبعد النظر في قرار مجلس الشورى، قرر مجلس الوزراء الموافقة على اتفاقية بين وزارة الداخلية').some((o) => o.includes('الموافقة')));
  // g019, alwatan 2015-08-06
  assert.deepEqual(orgs('أبان المخرج جميل الشايب أن فريق المسرحية، حظي بتسهيلات كبيرة من إدارة الجمعية بالأحساء'), []);
});

test('a second name word behind و ends the name when it starts a clause: a verb, a common word, a pronoun', () => {
  // h008, alyaum 2015-07-21 (set h: gold مستشفى بقيق العام)
  const h008 = orgs('المتحمي يزور مرضى مستشفى بقيق ويهنئهم بعيد الفطر. أكد محافظ بقيق دعمه لكل ما يخدم المرضى الذين يتلقون الرعاية الصحية بمستشفى بقيق وخاصة أهالي بقيق.');
  assert.ok(!h008.some((o) => /ويهنئهم|وخاصة/.test(o)), h008.join(' | '));
  // aleqtisadiya 2015-07-24; alwatan 2015-07-23
  assert.ok(!orgs('وقال رئيس مجلس إدارة شركة ستاربكس ورئيسها التنفيذي هوارد شولتز في بيان صحفي').some((o) => o.includes('ورئيسها')));
  assert.ok(!orgs('استهدف خلالها معسكرات تدريبية لجماعة خراسان وغيره من التنظيمات.').some((o) => o.includes('وغيره')));
  // (a name whose second word starts with و stays whole: alriyadh 2015-07-21)
  assert.ok(orgs('يقع مستشفى سوق واقف للصقور المؤلف من 4 طوابق على مقربة من سوق واقف').includes('مستشفى سوق واقف'));
});

test('organisations: a name ends before a definite word news never writes after its last word', () => {
  // g046, okaz 2015-08-06; h046, aleqtisadiya 2015-07-21; h003, aljazirah 2015-07-21
  assert.deepEqual(orgs('رفضت لجنة الانضباط بالاتحاد السعودي لكرة القدم الطلب المقدم من إدارتي الهلال والنصر').filter((o) => o.includes('الاتحاد')), ['الاتحاد السعودي لكرة القدم']);
  assert.deepEqual(orgs('والمسابقات التي قدمتها أمانة العاصمة المقدسة البارحة الأولى في المواقع المخصصة لاحتفالات العيد'), ['أمانة العاصمة المقدسة']);
  assert.ok(orgs('الإدارة العامة للتعليم بمنطقة تبوك ممثلة في إدارة شؤون المعلمين المعلمين الجدد للاطلاع على تعليمات تسجيل موعد').includes('إدارة شؤون المعلمين'));
  // (a و-joined word goes on, and the definite word after it: names that are rarer pairs; sentences
  // written around two names the corpus holds)
  assert.deepEqual(orgs('وأعلنت قوة المهمات والواجبات الخاصة عن فتح باب القبول'), ['قوة المهمات والواجبات الخاصة']);
  assert.deepEqual(orgs('وقالت الهيئة العامة للموانئ البرية والجافة إن الميناء جاهز'), ['الهيئة العامة للموانئ البرية والجافة']);
});

test('organisations: a building named after a person inside a name takes the person’s name', () => {
  // h044, sabq 2015-07-21 («مؤسسة جسر الملك» before); aleqtisadiya 2015-07-21 («إدارة مطار الملك»)
  assert.deepEqual(orgs('تبادلت مؤسسة جسر الملك فهد (الرابط بين المملكة والبحرين) التهاني'), ['مؤسسة جسر الملك فهد']);
  assert.deepEqual(orgs('من المقرر أن توقع إدارة مطار الملك فهد الدولي في الدمام الخميس عقد إنشاء'), ['إدارة مطار الملك فهد الدولي']);
  // (the presidency of a king is no building: رئاسة الملك stays as it was)
  assert.ok(!orgs('وتحت رئاسة الملك سلمان عقد المجلس جلسته').some((o) => o.includes('سلمان')));
});

test('organisations: a ل-complement keeps the people it serves and its adjective, and a demonym closes it', () => {
  // e044, aljazirah 2015-08-04; c037, aljazirah 2015-08-07; f002, aawsat 2015-07-23
  assert.deepEqual(orgs('أطلقت الجمعية الخيرية الصحية لرعاية المرضى بمنطقة عسير «عناية»، برنامج العيد'), ['الجمعية الخيرية الصحية لرعاية المرضى']);
  assert.ok(orgs('أثنى وفد من منظمة مرام للإغاثة والتنمية في فرنسا «الوكالة الفرنسية للتعاون الإعلامي» على الخدمات').includes('الوكالة الفرنسية للتعاون الإعلامي'));
  assert.deepEqual(orgs('وحسب المجلس الوطني للمقاومة الايرانية، فان المظاهرة التي انطلقت صباحا'), ['المجلس الوطني للمقاومة الايرانية']);
  // (not the people a body addresses after a definite link: d009, alweeam 2015-08-11)
  assert.deepEqual(orgs('ودعت المديرية العامة للجوازات الإخوة الأشقاء أبناء اليمن'), ['المديرية العامة للجوازات']);
});

// aawsat 2015-07-21, okaz 2015-08-10, sabq 2015-07-21, alweeam 2015-07-23 (SaudiNewsNet, CC BY-NC-SA 4.0;
// none in the labelled sets): a university named by a foreign or indefinite name, its name's
// second word kept and a run-on word after it left out.
test('organisations: a university by a foreign name, without the word after it', () => {
  assert.ok(orgs('وقد حث ولي نصر، الذي يشغل منصب عميد كلية الدراسات الدولية المتقدمة في جامعة جونز هوبكنز، إدارة أوباما على استغلال الاتفاق').includes('جامعة جونز هوبكنز'));
  assert.deepEqual(orgs('يقدم كيم براون، الذي يعمل مساعد مدير لقسم خدمات مهنية بجامعة سيراكيوز، بعض النصائح'), ['جامعة سيراكيوز']);
  // (a particle glued to ب, a verb, a و-joined word: the sentence goes on, the name does not)
  assert.deepEqual(orgs('حصل على شهادة البكالوريوس في الاقتصاد من جامعة برنستون بولاية نيوجيرسي بالولايات المتحدة عام 1964.'), ['جامعة برنستون']);
  assert.deepEqual(orgs('وألمح إلى أن جامعة ويتشيتا أعلنت الخبر وتتابع بدورها التحقيقات'), ['جامعة ويتشيتا']);
  assert.deepEqual(orgs('من تأليف روبرت دوجلاس، المحاضر بجامعة أكسفورد وصاحب كتاب سابق عن تشارلز ديكنز'), ['جامعة أكسفورد']);
  assert.deepEqual(orgs('مثلا: قاضاها أستاذ في جامعة فيرجينيا بأنها نقلت أجزاء من كتابه'), ['جامعة فيرجينيا']);
  // (`أم`, a particle elsewhere, is the name's: the gazetteer lists it; aleqtisadiya 2015-07-21)
  assert.ok(orgs('تمثلت في جامعة الملك عبد العزيز، وجامعة أم القرى، وجامعة الملك سعود').includes('جامعة أم القرى'));
  // (an indefinite nisba says which kind, a given name alone is a person's: no university named)
  assert.deepEqual(orgs('وتخرج في جامعة أمريكية قبل أن يعود إلى بلاده'), []);
  assert.deepEqual(orgs('أستاذ العلوم السياسية في جامعة محمد'), []);
});
