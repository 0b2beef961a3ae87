/**
 * Country classes found on the second development set (eval/understand/articles-c.jsonl, c001–c080:
 * SaudiNewsNet, CC BY-NC-SA 4.0, each article its newspaper's). Sentences quoted from the articles
 * named beside each case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEntities } from './index.ts';

const ids = (title: string, text = ''): string[] => extractEntities({ title, text }).map((e) => e.id);
const countries = (title: string, text = ''): string[] => ids(title, text).filter((i) => i.startsWith('country:')).sort();

test('a nisba after a given name is the family name, also when the gazetteer lists the bare form (عراقي)', () => {
  // c046, aljazirah 2015-08-07
  const text = 'ليقدما معًا أغنية تكريمًا لدولة الإمارات العربية المتحدة والمنطقة بأسرها، حملت كلمات الشاعر كريم العراقي، ولحنها كاظم الساهر.';
  assert.deepEqual(countries('كاظم الساهر والجسمي في دويتو مشترك', text), ['country:AE']);
  // The state itself still counts.
  assert.deepEqual(countries('', 'وصل الوفد العراقي إلى الرياض'), ['country:IQ']);
});

test('in a sports article a city that names a club (روما) is the club, not the capital nor Italy', () => {
  // c010, okaz 2015-08-07
  const title = 'ألبا يحرج برشلونة في السوبر';
  const text =
    'بعد أن تأكد غياب ظهيره الايسر جوردى ألبا عن مباراة السوبر الاوروبى ضد اشبيلية المقرر لها يوم الثلاثاء المقبل 11 أغسطس بعد تعرضه للإصابة خلال مباراة روما، إذ أفادت صحيفة أس الاسبانية إنه وفقا للبيان الصادر عن النادي. ' +
    'حيث سيتعين على مدرب البارسا الدفع بجيريمى ماثيو فى مركز الظهير الايسر بدلا عنه. تجدر الإشارة ان برشلونة قد توج بكأس خوان غامبر بعد الفوز على روما بثلاثة أهداف مقابل لا شيء.';
  const found = countries(title, text);
  assert.ok(!found.includes('country:IT'), found.join());
  assert.ok(found.includes('country:ES'));
  // Outside sports news Rome still stands for Italy.
  assert.deepEqual(countries('', 'وقالت روما إنها سترسل سفنا إلى المتوسط'), ['country:IT']);
});

test('the Congo and a Congolese player are DR Congo; Brazzaville stays the Republic', () => {
  // c079, aawsat 2015-08-09
  const text = 'وجاء التعاقد مع جوسيمار كبديل عن الكنغولي دوريس سالمو الذي قاد هجوم الفتح لسنوات';
  assert.ok(countries('الفتح يختتم صفقاته بالبرازيلي جوسيمار', text).includes('country:CD'));
  assert.deepEqual(countries('', 'زار الرئيس الكونغو برازافيل'), ['country:CG']);
});

test('«الشراكة القطرية» is a country partnership strategy, not Qatar; hospitals of the capital are a place', () => {
  // c054, okaz 2015-07-27
  assert.deepEqual(countries('تمويلات جديدة للبنك الإسلامي للتنمية', 'كما يستمع لتقرير عن استراتيجية الشراكة القطرية لمجموعة البنك وتقرير آخر عن استراتيجية إدارة المعرفة'), []);
  // c077, sabq 2015-08-08
  assert.deepEqual(countries('ذوو مريضة منوّمة بمستشفى رفحاء يناشدون نقلها', 'أدّت إلى تدهور حالتها الصحية، ورفضت مستشفيات الرياض والشرقية التفاعل مع حالتها.'), []);
});

test('a capital in a quoted road name («طرق "الرياض- القصيم"») is a place, not the state', () => {
  // c033, sabq 2015-08-07
  const text = 'وإلقاء القبض عليهم في كمين محكم، بمساندة من القوة الخاصة لأمن طرق "الرياض- القصيم"، وبحوزتهم مبالغ مالية تزيد قيمتها على 25 ألف ريال.';
  assert.deepEqual(countries('القبض على عصابة إفريقية تمارس الاحتيال بالقصيم', text), []);
  // Quoted as the speaker it is still the state.
  assert.deepEqual(countries('', 'وفي بيان لاحق قالت الرياض "إنها سترد على أي اعتداء"'), ['country:SA']);
});

/** Classes found on the third development set (eval/understand/articles-d.jsonl, d001–d080: SaudiNewsNet, CC BY-NC-SA 4.0). */
test('a trailing tag line («سمات …») is the outlet’s metadata: its countries are no mentions', () => {
  // d079, 3alyoum 2015-08-11: Saudi Arabia only in the tag line
  const text = 'ويمكن للمستخدم قراءة الرسائل دون أن يظهر للمرسل أنه قد قرأها، وذلك بتفعيل وضع الطيران قبل فتح التطبيق. سمات الواتساب السعودية تقنية';
  assert.deepEqual(countries('حل لقراءة الرسائل في الواتساب دون علم المرسل', text), []);
  // The same word in the body counts.
  assert.deepEqual(countries('', 'وأعلنت السعودية اليوم إطلاق الخدمة. سمات تقنية'), ['country:SA']);
});

test('a city’s directorate or utility (مياه الرياض، جوازات الرياض) is a place, not the state', () => {
  // d012, sabq 2015-08-11
  assert.deepEqual(countries('بعد فيديو متابعي "سبق".. "مياه الرياض": صححنا الطفح قرب "التأهيل"'), []);
  // alriyadh 2015-07-22
  assert.deepEqual(countries('جوازات الرياض تستأنف عملها اليوم لتصحيح أوضاع الأشقاء اليمنيين'), ['country:YE']);
});

test('a feminine nisba after a woman’s given name is her name (وردة الجزائرية); الأرجوياني is Uruguayan', () => {
  // d066, 3alyoum 2015-07-24
  assert.deepEqual(countries('', 'كما عرف بمشاركة نجوم كبار أمثال فيروز ووردة الجزائرية ومحمد عبده.'), []);
  assert.deepEqual(countries('', 'وأكدت الحكومة الجزائرية استعدادها'), ['country:DZ']);
  // d021, alweeam 2015-08-11
  assert.ok(countries('', 'وقال المدرب الأرجوياني دييغو أجيري إن المباراة فخر').includes('country:UY'));
});

// Classes found on the fifth development set (eval/understand/articles-e.jsonl, e001–e080, days
// 2015-08-04 and 2015-08-09), checked on sentences of other days where the corpus has them.

test('a demonym family name named again after a rank or honorific is the person (اللواء التركي), not the state', () => {
  // e019, 2015-08-09: the interior ministry's spokesman
  const text = 'صرح المتحدث الأمني بوزارة الداخلية اللواء منصور التركي، أنه إلحاقا لما سبق إعلانه. وأكد اللواء التركي، أن منفذ تفجير مسجد الطوارئ سعودي الجنسية';
  assert.deepEqual(countries('', text), ['country:SA']);
  // … but a sovereign or a team the demonym qualifies is the state's (constructed)
  assert.deepEqual(countries('', 'استقبل الملك الأردني الرئيس التركي رجب طيب أردوغان').filter((c) => c !== 'country:JO'), ['country:TR']);
});

test('phrases that spell a country but are not one: a channel, an idiom, a religious term, a stadium', () => {
  // alriyadh 2015-07-22: المجرى written with ي
  const channel = countries('', 'و20 كراكة تابعة للتحالف الإماراتي البلجيكي الهولندي تعمل في المجري الملاحي لقناة السويس الجديدة');
  assert.ok(!channel.includes('country:HU') && channel.includes('country:NL'), channel.join());
  // e075, alyaum 2015-08-09: «calling to prayer in Malta» (speaking where no one listens)
  assert.deepEqual(countries('', 'وأعلم أنني بذلك كمن يؤذن في مالطا فلا أحد اليوم يعير اهتمامه للدورة'), []);
  // aljazirah 2015-08-10: ribat, guarding the frontier
  assert.deepEqual(countries('', 'كما بين فضيلته ثواب الجهاد وفضل الرباط والاستشهاد في سبيل الدفاع عن بلاد التوحيد'), []);
  // aljazirah 2015-08-10: Arsenal's stadium
  assert.deepEqual(countries('', 'فاز فريق ويستهام على نظيره الأرسنال بهدفين دون رد أمس على استاد الإمارات في العاصمة لندن'), []);
});

test('a capital as an emirate or a market is no mention of its state (إمارة أبوظبي، لسوق أبوظبي)', () => {
  // aleqtisadiya 2015-07-21; alriyadh 2015-08-10 (without the demonym that follows there)
  assert.deepEqual(countries('', 'وزاد المؤشر العام لسوق أبوظبي 0.3 في المائة'), []);
  assert.deepEqual(countries('', 'كسب القادسية نظيره القادسية الكويتي بنتيجة 1-صفر ضمن معسكره في إمارة أبوظبي'), ['country:KW']);
  // … the capital for its state still counts (constructed)
  assert.deepEqual(countries('', 'أعلنت أبوظبي دعمها للقرار'), ['country:AE']);
});

test('a masculine demonym after a feminine institution word is whom it is named after (مدرسة الكندي)', () => {
  // e068, alyaum 2015-08-09: no agreement, so no adjective
  assert.deepEqual(countries('', 'ومدرسة صهيب الرومي الابتدائية، ومدرسة الكندي الابتدائية، ومدرسة الملاحة المتوسطة'), []);
  // … an agreeing adjective names the school too (demonyms.ts nonStateName: no mention of the state), a person of that nation after the word is one (constructed; 2015-07-21)
  assert.deepEqual(countries('', 'افتتحت المدرسة الكندية في جدة'), []);
  assert.deepEqual(countries('', 'قاتل في العراق بين مجموعة الليبي أبو هريرة'), ['country:IQ', 'country:LY']);
});

test('a transliterated g written ج names the state too (البنجلاديشية); a dependent territory is no state (هونج كونج)', () => {
  // alriyadh 2015-07-22 (e019 wrote بنجلاديشي الجنسية)
  assert.deepEqual(countries('', 'مبيناً أنه بالفعل تم وصول عدد من العمالة البنجلاديشية النسائية خلال شهر رمضان'), ['country:BD']);
  // aleqtisadiya 2015-07-21: Hong Kong is a region of its own (c050's annotator: «not sovereign»)
  const ents = extractEntities({ title: '', text: 'وبحسب صحيفة "صنداي مورنينج بوست" التي تصدر في هونج كونج، فإن القطعة المعدنية سقطت' });
  assert.deepEqual(ents.filter((e) => e.type === 'country').map((e) => e.id), []);
  assert.ok(ents.some((e) => e.id === 'region:hk'), 'هونج كونج is a region');
});

// SaudiNewsNet 2015-07-21 (a day no labelled set uses; CC BY-NC-SA 4.0, each article its newspaper's).
test('English without the article is Britain after a noun (نادٍ إنجليزي، طبيب إنجليزي), a language after a verb of speaking or alone as a school subject', () => {
  // aawsat
  assert.deepEqual(countries('', 'إلا أنه تراجع في آخر لحظة بعد حصوله على عرض من نادٍ إنجليزي (كوينز بارك رينجرز)'), ['country:GB']);
  assert.deepEqual(countries('', 'في هذا الصدد، أوضح ديس سبنس، وهو طبيب إنجليزي، أن المراقبة غير الضرورية'), ['country:GB']);
  // aleqtisadiya: the languages a candidate speaks (Cuba and the United States are named)
  assert.deepEqual(countries('', 'ولد لابوين كوبيين هاجرا الى ميامي. يتقن الاسبانية والانكليزية ويدافع عن التزام اكبر للولايات المتحدة'), ['country:CU', 'country:US']);
  // alweeam: jobs by subject
  assert.deepEqual(countries('', '27 وظيفة بأكاديمية القيادة الأهلية (رياض أطفال، علم نفس، انجليزي، حاسب آلي، لغة عربية'), []);
});

test('a capital naming an agreement or the talks held there is no mention of its state (اتفاق فيينا، مفاوضات فيينا)', () => {
  // aawsat 2015-07-21 (a day no labelled set uses)
  assert.deepEqual(countries('', 'جاء في قرار مجلس الأمن الدولي، أمس، أن المجلس «يصادق» على اتفاق فيينا و«يطالب بإلحاح بتطبيقه بالكامل'), []);
  assert.deepEqual(countries('', 'في الحقيقة، نحن، خلال مفاوضات فيينا، ضغطنا على الدول الأخرى ليتضمن الاتفاق'), []);
  assert.deepEqual(countries('', 'اذ ينص اتفاق بروكسل على التصويت الاربعاء على اصلاحات جديدة'), []);
  assert.deepEqual(countries('', 'المقرب من إدارة أوباما بمقالة مروّجة لاتفاق فيينا مع إيران'), ['country:IR']);
  // talks WITH a capital are talks with its state
  assert.deepEqual(countries('', 'أجرت طهران محادثات مع واشنطن'), ['country:IR', 'country:US']);
});

// Classes read on 200 unlabelled articles of other days (2015-07-22, 07-25, 08-06, 08-10) and the issue's
// list; sentences from SaudiNewsNet days no labelled set uses unless named (CC BY-NC-SA 4.0).
test('football cups named Copa (كوبا ليبيرتادوريس، كوبا سود أمريكا) are no mention of Cuba', () => {
  // aleqtisadiya 2015-08-06; okaz 2015-08-04
  assert.deepEqual(countries('ريفر بليت الأرجنتيني يتوج بلقب كوبا ليبيرتادوريس للمرة الثالثة في تاريخه'), ['country:AR']);
  assert.deepEqual(countries('', 'كما درب نادي أوستديانتيس الأرجنتيني واستطاع تحقيق بطولة «كوبا ليباردتوريس»، وفي الموسم الذي يليه'), ['country:AR']);
  // The case (constructed from it): Copa Sudamericana is neither Cuba nor the United States.
  assert.deepEqual(countries('', 'وتأهل الفريق إلى دور الستة عشر من بطولة كوبا سود أمريكا'), []);
  // Cuba itself still counts (aawsat 2015-07-21; «في واشنطن» is the place).
  assert.deepEqual(countries('علم كوبا يرفرف رسميًا في واشنطن للمرة الأولى'), ['country:CU']);
});

test('brands carrying a state’s name or demonym (طيران الإمارات، البنك السعودي الفرنسي، استاد "الإمارات") are no mention of it', () => {
  // aawsat 2015-07-21
  assert.deepEqual(countries('', '* بدأت «طيران الإمارات» تشغيل رحلة يومية ثانية بين مطار دبي الدولي ومطار سياتل تاكوما الدولي'), []);
  // 3alyoum 2015-07-24
  assert.deepEqual(countries('ارتفاع صافي أرباح البنك', 'شهد صافي أرباح البنك السعودي الفرنسي ارتفاعاً بنسبة 18.7 في المائة'), []);
  // 3alyoum 2015-08-06: a market report names the Saudi Hollandi Bank by its short name
  assert.deepEqual(countries('', 'وكانت أسهم شركات الانماء طوكيو ,وبوبا العربية ,والسعودي الهولندي ,والاتحاد التجاري ,والمواساة ,وأسواق العثيم الأكثر ارتفاعا اليوم'), []);
  // e025, alriyadh 2015-08-09: Arsenal's ground, its name in quotes
  assert.deepEqual(countries('', 'وعلى استاد "الإمارات" في العاصمة لندن تلقى أرسنال لطمة'), []);
  // The states in a state's sense still count (constructed).
  assert.deepEqual(countries('', 'وبحث الطرفان العلاقات السعودية الفرنسية ودعم الإمارات للتحالف'), ['country:AE', 'country:FR', 'country:SA']);
});

test('«يمني النفس» is a verb (hopes for), not Yemeni; «باب المغاربة» is a gate of al-Aqsa, not Moroccans', () => {
  // aleqtisadiya 2015-08-06
  assert.deepEqual(countries('', 'حصل على درجة البكالوريوس بتفوق في الكيمياء وحصل على وظيفة كان يمني النفس بها بفضل الله'), []);
  // aleqtisadiya 2015-07-22
  assert.deepEqual(countries('', 'من جهة أخرى، اقتحم مستوطنون يهود، أمس، المسجد الأقصى المبارك من باب المغاربة، عبر مجموعات صغيرة ومتتالية'), []);
  // … Moroccans elsewhere are Morocco's (aawsat 2015-07-21)
  assert.deepEqual(countries('', 'وعرفت تحويلات المغاربة في الخارج تحسنا جيدا، إذ وصلت نهاية شهر مايو 2015 نحو ثلاثة مليارات دولار'), ['country:MA']);
});

test('broken plurals, other spellings and names news uses for a state (الصرب، الكروات، التوانسة، الكيان الصهيوني، بنغلادش، نيوزلندا)', () => {
  // alyaum 2015-08-09 (set e's day)
  assert.deepEqual(countries('', 'ومذبحة سربرينتشا هي أسوأ الأعمال الوحشية في حرب البوسنة التي دارت بين الصرب والبوسنيين والكروات بين عامي 1992 و1995'), ['country:BA', 'country:HR', 'country:RS']);
  // almadina 2015-07-21
  assert.deepEqual(countries('التوانسة يتحدّون الإرهاب ويحضرون بكثافة في سهرات قرطاج'), ['country:TN']);
  // alwatan 2015-08-06
  assert.deepEqual(countries('', 'وضعت السلطة الفلسطينية جل حساباتها في المجتمع الدولي، وتحديدا على مصدر الدعم للكيان الصهيوني.'), ['country:IL', 'country:PS']);
  // alweeam 2015-07-21; okaz 2015-07-22
  assert.deepEqual(countries('المملكة توقف رجلاً قتل فتى في بنغلادش لأنه سرق دراجة'), ['country:BD', 'country:SA']);
  assert.deepEqual(countries('', 'اعداد المنتخب السعودي للسباحة في معسكر النخبة المقام في نيوزلندا'), ['country:NZ', 'country:SA']);
});

test('a state’s name as a street’s or a university’s (شارع فلسطين، جامعة كولومبيا) is no mention of it', () => {
  // almadina 2015-07-24: a street of Jeddah
  assert.deepEqual(countries('', 'وفي جدة مثلاً حاولت الأمانة مشكورة أن تجعل من شارع فلسطين (من تقاطع الأندلس حتى نهايته الغربية) ممشى يُستمتع به'), []);
  // aawsat 2015-07-21: Columbia University, New York
  assert.deepEqual(countries('', 'حسبما أوضح د.هشام دي إيدي، الباحث بجامعة كولومبيا ومؤلف كتاب «الموسيقى المتمردة»'), []);
  // … the state in the street's sense still counts (constructed): «the Iraqi street» is its public
  assert.deepEqual(countries('', 'ويحظى بقبول واسع في الشارع العراقي'), ['country:IQ']);
});

test('a demonym after a function word the name list also holds (لكن، عليه) is a nationality, not a family name', () => {
  // aawsat 2015-07-22
  const text = 'ويسجل الهدف الأول بسلاسة، لكن البوسني ميراليم بيانيتش أدرك التعادل في الدقيقة 8 بهدف رائع';
  assert.deepEqual(countries('', text), ['country:BA']);
  // alriyadh 2015-07-24
  assert.deepEqual(countries('', 'وهو مهاجم البرازيل رنالدو الذي كان هداف كأس العالم قبل أن يسرق عليه الألماني كلوزه هذا اللقب.'), ['country:BR', 'country:DE']);
  // … after علي, the given name, it stays the family name (constructed)
  assert.deepEqual(countries('', 'وقال علي المصري إن الفريق جاهز'), []);
});

test('a city’s Eid festival (عيد الرياض، عيد أبوظبي) is the city’s event, no mention of its state', () => {
  // aleqtisadiya 2015-07-21; alriyadh 2015-07-22
  assert.deepEqual(countries('', 'وفي السياق ذاته, تضمن برنامج فعاليات عيد الرياض زيارات لمعايدة المرضى المنومين'), []);
  assert.deepEqual(countries('محمد عبده يُحيي عيد أبوظبي بحفل جماهيري'), []);
});

test('languages in a list beside one no state is named after (الأوردية، السواحلية، البشتو) are languages, not states', () => {
  // alweeam 2015-07-21 (both)
  const jobs = 'وأوضحت الوزارة أن وظائف الترجمة تشمل لغات (الفلبينية، الإندونيسية، الإنجليزية، الأوردية، التايلندية، البنغالية، السريلانكية، البشتو، التاميلية، السواحلية، الإثيوبية، الفيتنامية) ترغب بشغلها بكوادر وطنية مؤهلة.';
  assert.deepEqual(countries('«العدل» تُعلن حاجتها لشغل وظائف مترجمي 12 لغة', jobs), []);
  const library = 'يحتوي على مجموعة من اللغات غير العربية منها: (انجليزية – فرنسية – أوردية – بنغالية – اندونيسية – مليبارية – سواحلية – تركية – الهندية – الفارسية- الصينية – الفلبينية – الهوسا – التلغو- البشتو – الروسية – الصومالية- السنهالية – النيبالية) وغيرها من اللغات.';
  assert.deepEqual(countries('', library), []);
  // … a list of states stays states (constructed)
  assert.deepEqual(countries('', 'شارك لاعبون من الجنسيات الفلبينية والإندونيسية والتايلندية'), ['country:ID', 'country:PH', 'country:TH']);
});

test('a bare لاتفي is «does not suffice» (لا تفي), فليبي a given name (Filipe), دار السويدي a publisher named after its owner', () => {
  // alriyadh 2015-07-22: a column on club finances; aleqtisadiya 2015-07-22; aawsat 2015-07-21: a book notice
  assert.deepEqual(countries('', 'بعض الموارد لبعض الأندية الكبيرة ولكنها لاتفي بمواجهة المصروفات وتسديد الديون'), []);
  assert.deepEqual(countries('', 'استعادة المدافع البرازيلي فليبي لويز الذي يلعب لصالح تشيلسي'), ['country:BR']);
  assert.deepEqual(countries('', 'صدر عن دار السويدي للنشر والتوزيع في أبوظبي كتاب «العجائبية في أدب الرحلات»'), []);
});

// Classes found on the fifth development set (eval/understand/articles-f.jsonl, f001–f080), and
// sentences of the same classes elsewhere in the corpus (SaudiNewsNet, CC BY-NC-SA 4.0; outlet and day beside each).

test('a demonym family name behind ل (لطلال الأردني) and named again as a noun (جثة الأردني) is the person, not Jordan', () => {
  // f019, alweeam 2015-07-25 (three sentences of the article)
  const text =
    'أفادت وسائل إعلامية لبنانية رسمية، أنّ المسؤول في حركة التحرير الوطني الفلسطيني “فتح”  طلال الأردني توفي متأثّراً بجراح أصيب بها إثر إطلاق نار عليه مع مرافقه الذي قتل أيضاً في مخيم عين الحلوة للاجئين الفلسطينيين في لبنان.\n' +
    'وان المعلومات الاولية افادت ان “كمينا محكما نصبه مسلحون اسلاميون متشددون قرب مستشفى النداء الانساني لطلال الاردني وامطروه بالرصاص ما ادى الى مقتله على الفور”. ولاحقا، نقلت جثة الاردني وابن شقيقه  شعبان البلاونة الى مستشفلا الهمشري.';
  assert.deepEqual(countries('بالصور .. اغتيال مسؤول كبير بحركة فتح في لبنان', text), ['country:LB', 'country:PS']);
  // A preposition the corpus writes often is no given name behind ل: لصالح الفرنسي (f013, aawsat 2015-07-23).
  assert.deepEqual(countries('', 'سيضع كل ثقله لصالح الفرنسي ميشيل بلاتيني في الانتخابات المقبلة'), ['country:FR']);
  // After a definite noun or a pronoun-suffixed one the demonym qualifies it: the state.
  assert.deepEqual(countries('', 'وقال اللواء منصور التركي إن الحدود آمنة. وبحث الوزير مع نظيره التركي الأوضاع'), ['country:TR']);
  // A short given name behind ل may be a foreign word's letters: the club Lens (okaz 2015-07-26).
  assert.deepEqual(countries('', 'لعب لعدة أندية أوروبية من أبرزها: لانس الفرنسي ويونغ بويز السويسري'), ['country:CH', 'country:FR']);
  // … and after a name the corpus hardly knows: a Cypriot club (sabq 2015-07-24).
  assert.deepEqual(countries('الاتحاد يوقع مع الخراع.. ويخسر من "أريس القبرصي"', 'عندما تقابل أمام فريق أريس ليماسول القبرصي بنتيجة 1 - 0.'), ['country:CY']);
  // A kunya's nisba stays the state, in the accusative too (أبا خليل السوداني; aljazirah 2015-07-25).
  assert.deepEqual(countries('', 'وذكر أن الغارة استهدفت أبا خليل السوداني، وأنه قُتل في ضربة. وقال في بيان إن السوداني كان المسؤول عن العمليات'), ['country:SD']);
});

test('things named after a state that are not it: a plant, a fruit, a sport, a people, a subcontinent', () => {
  // f068, aawsat 2015-07-25
  assert.deepEqual(countries('طهاة إيطاليون يعرضون معجنات من الحشيش', 'بعد أن رفعت إيطاليا الحظر المفروض على زراعة القنب الهندي عام 1998.'), ['country:IT']);
  // f021, okaz 2015-07-23: Muay Thai; the champion is German, of Albanian origin.
  const f021 = 'بيانا جاء فيه إعدام «داعش» بطل العالم مرتين في الملاكمة التايلاندية الألماني - الألباني الأصل فالديت غاشي.';
  assert.deepEqual(countries('«داعش» يعدم بطل ملاكمة ألمانيا حاول الهرب', f021), ['country:AL', 'country:DE']);
  // aawsat 2015-07-21 (four articles)
  assert.deepEqual(countries('', 'أما العطش فيمكنك التغلب عليه باحتساء ماء جوز الهند الطازج.'), []);
  assert.deepEqual(countries('', 'كانت أنواع الحساسية الأكثر شيوعا التي دعت للعلاج في أقسام الطوارئ بين جميع السكان هي شجرة الجوز، والفول السوداني، والحليب.'), []);
  assert.deepEqual(countries('', 'هو التوستالا بلغة الهنود الحمر.'), []);
  assert.deepEqual(countries('', 'العصائر الرمضانية المحببة، كقمر الدين والتمر هندي والكركديه والخروب والسوبيا'), []);
  assert.deepEqual(countries('', 'إلى إمبراطوريته الممتدة من بلاد الإغريق إلى شبه القارة الهندية، وما بينهما'), []);
  assert.deepEqual(countries('', 'بيعت إحدى كرات مباراة نيو إنغلاند باتريوتس في الدور قبل النهائي لدوري كرة القدم الأميركية للمحترفين'), []);
  // The state itself still counts (f058's neighbour on the same page: الهند alone, الهندي after a noun).
  assert.deepEqual(countries('', 'وصل رئيس الوزراء الهندي إلى الرياض'), ['country:IN']);
});

test('short names that are common words (مالي، بنين) count in a list of states joined by و, not alone', () => {
  // f050, alriyadh 2015-07-25
  const text = 'وأضافت أن المهاجرين جاءوا من دول مثل السنغال ومالي وبنين ونيجيريا.';
  assert.deepEqual(countries('غرق 40 مهاجراً قبالة الساحل الليبي', text), ['country:BJ', 'country:LY', 'country:ML', 'country:NG', 'country:SN']);
  // Before the state too, and not after a demonym or alone («financial», «sons»).
  assert.deepEqual(countries('', 'تتعاون مالي والنيجر في مكافحة الإرهاب'), ['country:ML', 'country:NE']);
  assert.deepEqual(countries('', 'قدم الدعم السعودي ومالي وفني للمشروع، ورزق بنين وبنات'), ['country:SA']);
});

test('a bare indefinite plural demonym (مهندسون ألمان، جنود أتراك) is the state; وبالمان (Balmain) is not', () => {
  // f058, aleqtisadiya 2015-07-23
  assert.deepEqual(countries('يد صناعية خارقة تستخدم أسلاكا ذكية لمحاكاة الأنسجة العضلية', 'صنع مهندسون ألمان يدا صناعية استبدلوا فيها العضلات بأسلاك ذكية'), ['country:DE']);
  // aawsat 2015-07-24; aleqtisadiya 2015-07-23
  assert.deepEqual(countries('', 'أول اشتباك من نوعه، بين جنود أتراك وعناصر من تنظيم داعش'), ['country:TR']);
  assert.deepEqual(countries('', 'فقدان أثر ثلاثة صحافيين إسبان في منطقة حلب'), ['country:ES']);
  // Written as listed (=ألمان، =أرمن، =مغاربة): a fashion house (c013, aawsat 2015-08-07), an opera
  // (aawsat 2015-08-10), «its wests» (alwatan 2015-07-25).
  assert.deepEqual(countries('', 'وعزت راقصة الباليه أناقتها لمصمميها المفضلين ومن بينهم جيفنشي وبالمان وارفيه ليجيه.'), []);
  assert.deepEqual(countries('', 'كانت ولا تزال بطلة عرض «كارمن» التي يعرضونها في ساحة «ايسبيرغ»'), []);
  assert.deepEqual(countries('', 'إلى جسد الأمة، الذي هو عضو منه، من مشارقه إلى مغاربه ثم يتساءل'), []);
  // أَتُراك «do you think» after punctuation (alyaum 2015-07-22); a family name after a given name (aawsat 2015-07-21).
  assert.deepEqual(countries('', 'وشجعتك على تمام وكمال نومك، أتراك ستهدأ من ضجيج يحلو له الحفر'), []);
  assert.deepEqual(countries('', 'وحول الزيارة، قالت لبنى ألمان، مدير برنامج الأغذية العالمي'), []);
});

test('bare روس and أمريكان, names and brands too, count after a plural noun of people or joined by و to a demonym', () => {
  // aawsat 2015-07-21, 2015-08-08
  assert.deepEqual(countries('', 'وذكر مقيمون بالقرية أنه سرعان ما ظهر جنود روس وهم يهرعون عبر حقول القمح'), ['country:RU']);
  assert.deepEqual(countries('', 'يستورد النمساويون البامية من غانا ومن المكسيك ويبيعها تجار روس وأتراك'), ['country:AT', 'country:GH', 'country:MX', 'country:RU', 'country:TR']);
  assert.deepEqual(countries('', 'جرى تخزينه في مدينة مصراتة بواسطة خبراء إنجليز وأميركان وأتراك منذ بداية أحداث فبراير'), ['country:GB', 'country:TR', 'country:US']);
  // A person and a brand (aawsat 2015-07-21; aleqtisadiya 2015-08-06).
  assert.deepEqual(countries('', 'أحد كبار مستشاري أوباما السابقين المعنيين بالشرق الأوسط، دينيس روس. وتوقع روس أنه'), []);
  assert.deepEqual(countries('', 'وكان ائتلاف يمثل مجموعة أمريكان أيرلاينز، ودلتا أير لاينز'), []);
});

test('«المغاربة» beside two other Maghreb states and no other Moroccan name are the Maghreb’s peoples, not Moroccans', () => {
  // f017, alriyadh 2015-07-25
  const text =
    'ومثل سائر المدن السياحية في تونس تعول سوسة على قدوم أكثر ما يمكن من السياح الجزائريين هذا العام لإنقاذ الفنادق من خطر الكساد.\n' +
    'والعام الماضي مثل السياح المغاربة قرابة نصف عدد السياح الوافدين على تونس، حيث يأتي الليبيون في المركز الأول بنحو مليون و800 الف زائر بينما يأتي الجزائريون في المركز الثاني بقرابة المليون سائح.';
  assert.deepEqual(countries('«تفجير سوسة» يكلف السياحة التونسية 500 مليون دولار', text), ['country:DZ', 'country:LY', 'country:TN']);
  // Where Morocco is named too they are Moroccans.
  assert.deepEqual(countries('', 'زار وفد من المغرب تونس. وتألفت الفرق من التونسيين والليبيين، مع بعض الجزائريين والمغاربة.'), ['country:DZ', 'country:LY', 'country:MA', 'country:TN']);
});

test('a demonym naming an institution no state acts through, or the dollar, is no mention of the state', () => {
  // g022, okaz 2015-08-06 (its headline and first sentence)
  assert.deepEqual(countries('تخريج 138 طالبا من أكاديمية الطيران', 'احتفلت الأكاديمية السعودية للطيران المدني، البارحة، بتخريج 138 طالبا حصلوا على شهادات الدبلوم والدبلوم العالي للأكاديمية في تخصصات المراقبة الجوية.'), []);
  // g080, alweeam 2015-08-10 (shortened): a hospital in Dubai called «American»
  assert.ok(!countries('', 'وفي المرتبة الثامنة جاء المستشفى الأمريكي في دبي.').includes('country:US'));
  // c073, alyaum 2015-08-07: an amount in dollars
  assert.deepEqual(countries('', 'وأوضح أن العيادات تعالج اللاجئين السوريين في لبنان بكلفة إجمالية قيمتها 350 ألف دولار أميركي.'), ['country:LB', 'country:SY']);
  // (one definite adjective between the institution and the demonym: الجمعية العربية السعودية للثقافة والفنون, g019)
  assert.deepEqual(countries('', 'يشهد مسرح عبدالرحمن المريخي في فرع الجمعية العربية السعودية للثقافة والفنون في الأحساء تقديم ثلاثة عروض.'), []);
  // A ministry, an embassy or a team is the state acting: it counts.
  assert.deepEqual(countries('', 'وقالت وزارة الخارجية الأمريكية إن السفارة الأمريكية في صنعاء مغلقة.'), ['country:US']);
  assert.deepEqual(countries('', 'وفاز المنتخب السعودي على نظيره الأردني.'), ['country:JO', 'country:SA']);
});
