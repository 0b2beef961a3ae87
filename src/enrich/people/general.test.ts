import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeEntities } from '../index.ts';
import { notANameForm } from '../../../data/people/build.ts';
import { lexicon } from './lexicon.ts';

// Sentences from SaudiNewsNet (parallelfold/SaudiNewsNet @ 4e39239, CC BY-NC-SA 4.0; each
// article belongs to its newspaper; see ../testdata/README.md), all of 2015-07-27, a day the
// labelled set of eval/understand/ does not use. Each test is one error class found by reading
// the people the finder produced over that whole day (issue 14).
const ents = (text: string) => analyzeEntities({ title: '', text });
const people = (text: string): string[] => ents(text).filter((e) => e.type === 'person').map((e) => e.name);
const countries = (text: string): string[] => ents(text).filter((e) => e.type === 'country').map((e) => e.id);

test('transliterated names that only start like a verb or a definite word are names', () => {
  // aawsat: نتنياهو starts like a verb of the first person (نفعل), but no other person of it exists
  assert.deepEqual(people('وأضاف أن الاتفاق قد يدفع رئيس الوزراء الإسرائيلي بنيامين نتنياهو إلى «القتال بضراوة أكبر» ضده «كي لا يظن البعض أنه متواطئ».'), ['بنيامين نتنياهو']);
  // aleqtisadiya: تيرنر (ت…) likewise
  assert.deepEqual(people('ويقول ماثيو تيرنر، المحلل لدى "ماكواري" في لندن "كان الذهب هو الكلب الذي لم ينبح".'), ['ماثيو تيرنر']);
  // aawsat: فالون starts with فال like «فالرئيس», yet is no ف + ال word
  assert.deepEqual(people('وقال جون فالون، المدير العام لـ«بيرسون»: «إما أن نكون مجموعة عالمية لنشر كتب التعليم أو مجموعة عالمية للصحافة.'), ['جون فالون']);
  // a real verb after a name still ends it
  assert.deepEqual(people('الأمير متعب بن عبدالله يعزي أسرة الشهيد'), ['متعب بن عبدالله']);
});

test('a family name after a title or a verb of saying, even when the corpus knows it as a word', () => {
  // alyaum: الدخيل (also «intruder") is written with ال far more than without
  assert.deepEqual(people('التحقيقات التي بدأتها اللجنة الوزارية يوم أمس التي وجه بتشكيلها وزير التعليم الدكتور عزام الدخيل حول حادثة وفاة المعلمة'), ['عزام الدخيل']);
  // almadina
  assert.deepEqual(people('وأكد الأمين العام للصندوق حسن الجاسر أن «المرحلة الأولى من بدء تشغيل الحاضنات ترتبط فيما قبلها'), ['حسن الجاسر']);
});

test('a nasab chain: its head after a title even when a common word, and its family name even when a demonym', () => {
  // 3alyoum: مفرج is also a common word
  assert.deepEqual(people('برعاية معالي وزير العمل الدكتور مفرج بن سعد الحقباني، وذلك بفندق هيلتون جدة.'), ['مفرج بن سعد الحقباني']);
  // 3alyoum: سلطان is also a title
  assert.deepEqual(people('سيتم العمل مع صاحب السمو الملكي الأمير سلطان بن سلمان بن عبدالعزيز رئيس الهيئة العامة للسياحة والتراث الوطني'), ['سلطان بن سلمان بن عبدالعزيز']);
  // almadina: علي before بن is the name, not the preposition
  assert.deepEqual(people('أكد محافظ المؤسسة العامة للتدريب التقني والمهني الدكتور علي بن ناصر الغفيص «أن ميزانية المؤسسة لهذا العام تساعدها'), ['علي بن ناصر الغفيص']);
  // aljazirah: السويدي is the family name, and the article is not about Sweden
  const s = 'قلّد صاحب السمو الملكي الأمير فيصل بن خالد بن عبدالعزيز، أمير منطقة عسير في مكتبه, مدير جوازات منطقة عسير اللواء سعد بن رحيل السويدي رتبته الجديدة؛ وذلك بعد صدور الأمر السامي بترقيته.';
  assert.deepEqual(people(s), ['فيصل بن خالد بن عبدالعزيز', 'سعد بن رحيل السويدي']);
  assert.ok(!countries(s).includes('country:SE'), countries(s).join(' '));
});

test('a name ends before و and the next word', () => {
  // almadina
  assert.deepEqual(people('نظمت إدارة العلاقات العامة والإعلام بمؤسسة البريد السعودي حفل معايدة عيد الفطر المبارك بحضور معالي الرئيس الدكتور محمد صالح بن طاهر بنتن وموظفي البريد.'), ['محمد صالح بن طاهر بنتن']);
  // aawsat: a given name and a pronoun-suffixed noun are no name
  assert.deepEqual(people('لكن دموع ريم ومحنتها التي شاهدها الألمان ومعهم العالم وضعت ميركل وحكومتها في موقف محرج'), []);
});

test('no person inside an institution named after one, nor in a month, a preposition or «forward»', () => {
  // aljazirah: the rest of the chain is no new name (not «عبدالعزيز العالمي»)
  assert.deepEqual(people('شارك مركز الملك عبدالله بن عبدالعزيز العالمي للحوار بين أتباع الأديان والثقافات في لقاء دولي'), []);
  // aawsat: right after a university or a foundation, without an honorific
  const uni = people('أوضح تاج الدين الحسيني أستاذ العلاقات الدولية بجامعة محمد الخامس في المغرب، أن إشكالية حرب باردة جديدة هي إشكالية مهمة');
  assert.ok(!uni.some((p) => p.startsWith('محمد')), uni.join(' | '));
  const fdn = people('اعتبر فلاديمير فان ويلينبرغ، المتخصص بالشؤون الكردية في «مؤسسة جيمس تاون»، في حديث لـ«الشرق الأوسط» أن الأكراد هم الهدف');
  assert.ok(!fdn.some((p) => p.startsWith('جيمس')), fdn.join(' | '));
  // alyaum: شهر رمضان is the month; «على» as written is the preposition; «للأمام» is «forward»
  assert.deepEqual(people('شكر فيها كل من قام وعمل في هذا العمل التطوعي في شهر رمضان الكريم شهر الخير'), []);
  assert.deepEqual(people('واطلع على سوق الحرفيين وعلى أركان الأسر المنتجة، وعلى ركن الحاج أبو الليرات واطلع على تصميم القلعة المصغر'), []);
  assert.deepEqual(people('يعد فراصة لإعطاء شباب وشابات الاعمال دفعة للأمام لينهضوا بمنتجاتهم مما يساعدهم في الانتشار'), []);
});

// The same reading over 2015-08-04.
test('علي before عبدالله is the name; a plural past verb, a participle in -ا or ب and a verbal noun end a name', () => {
  // 3alyoum, alwatan
  assert.deepEqual(people('أكدت عدة تقارير صحفية رفض عدد كبير من ضباط الحرس الجمهوري اليمني الموالي للمخلوع علي عبدالله صالح، المشاركة في عمليات القتال'), ['علي عبدالله صالح']);
  assert.ok(people('عندما قال إن المتمردين الحوثيين والمخلوع علي عبدالله صالح عرضوا عليه رئاسة اليمن').includes('علي عبدالله صالح'));
  // okaz
  assert.deepEqual(people('بدا مدرب فريق برشلونة الاسباني لويس انريكي متذمرا من مستوى فريقه، عقب الهزيمة'), ['لويس انريكي']);
  // aljazirah
  assert.deepEqual(people('بعد تنسيق من إدارة الموقع مع الكابتن ياسر بترتيب رحلة العمرة مدفوعة التكاليف'), ['ياسر']);
});

test('no name of a verb, a pronoun-suffixed noun, a list of given names or «لشئون»', () => {
  // okaz
  assert.deepEqual(people('• هل أسهمت الصحوة في فرملة عجلتكم؟'), []);
  assert.deepEqual(people('مشيرا إلى أن أمريكا وجدت أن الرئيس السيسي انفتح أوروبيا، وزار فرنسا وعقد معها اتفاقية سلاح'), []);
  // 3alyoum: four sons named apart, not «عبدالرحمن ومحمد»
  assert.ok(!people('وعدد من أصحاب السمو الملكي الأمراء وأبناء الفقيد ( عبدالرحمن ومحمد وبندر وثامر ) .').some((p) => p.includes(' ')));
  // aljazirah: لشئون (ئ) links an office like لشؤون (ؤ)
  assert.ok(!people('من جهته أكدالسيد أيمن توفيق مساعد المدير العام لشئون كاسيو بشركة محمود صالح أبار').some((p) => p.startsWith('لشئون')));
});

// The same reading over 2015-07-22.
test('no name from a clitic on a given name that is a stopword or part of a common word, nor from ب and a common noun', () => {
  // aawsat: «ولكن» is no «و + لكن» the given name; «ولاية» is no «و + آية»
  assert.deepEqual(people('ولكن صدقوني أنا لا أعرف أين ذهب بالضبط خارج البلاد.'), []);
  assert.ok(!people('عندما صدرت التوجيهات للجنرال تيلور قائد ولاية لويزيانا بعبور النهر واستدراج المكسيك إلى الحرب').some((p) => p.includes('لويزيانا')));
  // alriyadh: «بجوار» (beside) and a participle in the plural after a title
  assert.deepEqual(people('واجهنا الاهلي في المباراه النهائية ولعبت مهاجم بجوار محمد سعد وهزمناه بهدفين'), ['محمد سعد']);
  assert.deepEqual(people('ويتوجوا بالكأسين كاس الملك وكأس ولي العهد متفردين بانجازاتهم عن بقية أندية العاصمه'), []);
});

// The same reading over 2015-07-25.
test('no name of a noun with the pronoun -ك nor of a past verb أفعلت', () => {
  // 3alyoum: a prayer (حسن is also a given name)
  assert.deepEqual(people('وأسألك موجبات رحمتك، وعزائم مغفرتك، وأسألك شكر نعمتك، وحسن عبادتك، وأسألك قلباً سليماً'), []);
  // alweeam: after a role word (الطالبة)
  assert.deepEqual(people('أوضح المتحدث الرسمي باسم جامعة تبوك الدكتور محمد الثبيتي أن المسؤول الأول عن اختيار الرغبات هم الطلاب، مبينا أن الطالبة ادخلت رغباتها'), ['محمد الثبيتي']);
});

// The same reading over 2015-07-22, 2015-07-27 and 2015-08-04 (issue 14, brief ppl3).
test('a plain past verb after a name is no part of it, unless a frequent noun or before الله', () => {
  // aawsat 07-22, alriyadh 07-22: «and Saleh('s forces) shelled», «met their death»
  assert.deepEqual(people('وقال محمد عبيد سالم مدير عام مديرية دار سعد لـ«الشرق الأوسط» إن ميليشيات الحوثي وصالح قصفت هذه الأحياء بصواريخ كاتيوشا وقذائف الهاون'), ['محمد عبيد سالم']);
  assert.deepEqual(people('فيما لقي العشرات من الحوثيين وقوات صالح مصرعهم.'), []);
  // aawsat 07-27, 07-22 (after a title and a given name)
  assert.deepEqual(people('غير أن الملك فاروق رفض ذلك، وقال: «لا أريد أن أرى الضباط المصريين يقتل بعضهم بعضا».'), ['فاروق']);
  assert.ok(!people('وصرح مسؤول تركي رفض الكشف عن هويته قائلا').some((p) => p.includes('رفض')));
  // aawsat 07-22, aleqtisadiya 08-04, aljazirah 07-22
  assert.deepEqual(people('لكن حكومة جاكوب زوما رفضت الانصياع لأمر المحكمة وسمحت له بالعودة المموهة إلى بلاده.'), ['جاكوب زوما']);
  assert.deepEqual(people('قال مركز كارتر اليوم ان الرئيس الامريكي الاسبق جيمي كارتر خضع لجراحة اختيارية في مستشفى جامعة ايموري'), ['جيمي كارتر']);
  assert.deepEqual(people('وكان داود أوغلو حمل منذ مساء الاثنين التنظيم الإرهابي مسؤولية الهجوم'), ['داود أوغلو']);
  // almadina 07-22, aawsat 08-04, alriyadh 07-25: family names that are also verbs stay
  assert.deepEqual(people('قال النائب اللبناني -عن القوات اللبنانية فادي كرم: إن إيران تستغل كل المواقف الداخلية'), ['فادي كرم']);
  assert.deepEqual(people('مضيفا: «لكن ماذا يسعني أن أفعل؟ فالرئيس (أشرف غني) لا يجيز» تشكيل ميليشيات.'), ['أشرف غني']);
  assert.deepEqual(people('بعد ذلك قام النائب العلمي للبرنامج سليمان فتح الله بشرح الخطة التنفيذية للبرنامج'), ['سليمان فتح الله']);
  // okaz 07-22: عرفة (ة) is no «عرفه» (he knew him)
  assert.ok(people('والفقيد شقيق محمد عمر عرفة رئيس نادي تبوك الأدبي السابق، اللواء أحمد عرفة مدير المباحث بمكة المكرمة السابق').includes('أحمد عرفة'));
});

test('no name of «إبان», a stopword with a pronoun, an adverb in -ًا, nor the fruit «يوسف أفندي»', () => {
  // 3alyoum 07-27
  assert.deepEqual(people('عرضاً وثائقياً يحكي ما قدمه الملك فيصل إبان توليه الحكم'), ['فيصل']);
  // aleqtisadiya 07-22, alriyadh 07-22
  assert.deepEqual(people('كنا نريد أن يستمر كارلوس إدورادو معنا على الأقل لموسم آخر'), ['كارلوس إدورادو']);
  assert.deepEqual(people('في مؤخرة المسجد الذي فيه قبر عبدالله بن عباس -رضي الله عنهما-.'), ['عبدالله بن عباس']);
  // aawsat 07-22, aljazirah 07-22 (a participle of a simple form in -ًا); aawsat 07-25 (مليندا is a name)
  assert.deepEqual(people('هو سيناتور عن كارولاينا الجنوبية يصفه صديقه وزميله جون ماكين مزاحا «بابنه غير الشرعي».'), ['جون ماكين']);
  assert.deepEqual(people('وعند وفاته يكون مبتسماً بينما الحضور يبكون.'), []);
  assert.deepEqual(people('الذي مولته جزئيا «بيل ومليندا جيتس» - فيما وعدت المنظمة'), ['بيل ومليندا جيتس']);
  // … but inside the foundation's name, a quotation mark between, they are no people there (guidelines; set e's e022)
  assert.deepEqual(people('الذي مولته جزئيا مؤسسة «بيل ومليندا جيتس» - فيما وعدت المنظمة'), []);
  // aljazirah 08-04
  assert.deepEqual(people('بحيث تم وضع كراتين من فاكهة «يوسف أفندي» في أعلى الحمولة، وفي أسفلها كراتين من فاكهة «التفاح»'), []);
});

test('the name list holds no verbs, adverbs or pronoun forms learnt after titles, and the builder rejects them', () => {
  // (data/people/names.tsv as once built: «حتى الاعضاء صاروا يتلاسنون», alriyadh 07-22; اتطلع، مزاحا، وأحفاده، وتعازيهما.)
  const lx = lexicon();
  const junk = ['صاروا', 'فاستغفروا', 'اتطلع', 'مزاحا', 'مرفوض', 'واحفاده', 'وتعازيهما'];
  for (const w of junk) {
    assert.ok(!lx.given.has(w) && !lx.surname.has(w), w);
    assert.ok(notANameForm(lx, w), w);
  }
  for (const w of ['فرانسوا', 'جوشوا', 'اردوغان', 'اوباما', 'ميستورا', 'جوارديولا', 'ادواردو']) assert.ok(!notANameForm(lx, w), w);
  assert.deepEqual(people('حتى الاعضاء صاروا يتلاسنون فيما بينهم.'), []);
});

test('a family name spelled as a demonym after an Arabic given name, or as a place after a transliterated one', () => {
  // alriyadh 07-22, almadina 07-22: the name and no country
  const turki = 'أكد المتحدث الأمني لوزارة الداخلية اللواء منصور التركي, أن الجهات الأمنية بتوفيق من الله تعالى';
  assert.deepEqual(people(turki), ['منصور التركي']);
  assert.ok(!countries(turki).includes('country:TR'), countries(turki).join(' '));
  assert.deepEqual(people('من جانبه أكد خبير الطب النفسي نعيم العراقي أن داعش تبدأ تجنيد الشباب على 5 مراحل'), ['نعيم العراقي']);
  // aawsat 07-27: Sebastián Soria, Qatar's forward, and no Syria
  const soria = 'إضافة إلى فوزه ببطولة كأس قطر بعد فوزه على نظيره الجيش في المباراة النهائية بهدف يتيم دون رد حمل توقيع المهاجم سيباستيان سوريا.';
  assert.deepEqual(people(soria), ['سيباستيان سوريا']);
  assert.deepEqual(countries(soria), ['country:QA']);
  // aawsat 07-22, okaz 08-04: the preposition خلف and «his club» (ناديه, also the name نادية) take no nisba
  assert.deepEqual(people('بعد استقالة السويسري مباشرة مطلع يونيو، ولكنه قد يقف خلف الفرنسي هذه المرة.'), []);
  assert.deepEqual(people('من المتوقع أن يجدد لصفوف ناديه، قبل العودة في المستقبل إلى ناديه الايطالي السابق الميلان'), []);
});

test('no name after «الله» outside آية الله / حجة الإسلام / رحم الله, after a title and «و + noun + ه», or an unknown ل-word', () => {
  // aljazirah 07-27: «… will stand, God willing, as a firm dam»
  assert.deepEqual(people('وقد أكد أن دوريات حرس الحدود ستقف بإذن الله سداً منيعاً لمن يحاول المساس بأمن هذا البلد.'), []);
  // almadina 07-22: a compound given name with الله after a title is still read
  assert.deepEqual(people('من جهة ذكر مدير المستشفى ضيف الله سحيمان الشراري انه تم العمل بالبطاقة'), ['ضيف الله سحيمان الشراري']);
  // aawsat 07-21: «the player and his club» (ناديه is also the name نادية)
  assert.deepEqual(people('رغم وجود مروان دفتردار مدير كرة القدم في هولندا لحسم التوقيع مع اللاعب وناديه، وبناء على طلب اللاعب'), ['مروان دفتردار']);
  // aljazirah 07-27: what the office is of (Gulf Capital), no person
  assert.deepEqual(people('وقال كريم الصلح الرئيس التنفيذي لجلف كابيتال ومقرها دولة الإمارات العربية المتحدة'), ['كريم الصلح']);
});

test('«العالم» (the world) is no title before an unknown word; a weak participle (باق) is no name', () => {
  // aljazirah 07-22, aawsat 07-21
  assert.deepEqual(people('فحين كنت في حرب مع إيران جعل العالم معي، وبعد أن دخلت الكويت قلب العالم ضدي.'), []);
  assert.deepEqual(people('وناطحة السحاب هذه هي ملكية خاصة وتتلقى سنويا مئات الطلبات من حول العالم لإنارتها بألوان مختلفة'), []);
  // aawsat 08-04: an office «… في العالم» still names the one after it
  assert.deepEqual(people('أما أمين عام الجامعة اللبنانية الثقافية في العالم طوني قديسي فقد أكد من جهته'), ['طوني قديسي']);
  // okaz 07-21: «the player stays with the team»
  assert.deepEqual(people('لا يوجد أي عروض للحارس الثاني في صفوف الفريق أحمد الفهمي وأن اللاعب باق مع الفريق'), ['أحمد الفهمي']);
});

test('no one-word name of a verb (ليغلق، سيتدرج، علقت), a plural adjective, «as a …» nor «تحيات»', () => {
  // aleqtisadiya 07-22, almadina 07-22, alriyadh 07-24, aawsat 07-22
  assert.deepEqual(people('العودة للمران من جديد عقب العطلة أمر صعب من الناحية اللياقية, ولكن المدرب سيتدرج في المران مع اللاعبين في معسكر النمسا.'), []);
  assert.deepEqual(people('ومن نقاط محددة في العقد لاسيما وأن هؤلاء المدربين مرتبطون بعقود، وغير مرحبين كثيرًا بخوض تجربة خارج القارة'), []);
  assert.deepEqual(people('لكن اللاعب الفائز بالكرة الذهبية كأفضل لاعب في العالم ثلاث مرات وقع عقدا جديدا مع ريال مدريد'), []);
  assert.deepEqual(people('ونقل كارتر لخادم الحرمين الشريفين تحيات الرئيس باراك أوباما رئيس الولايات المتحدة الأميركية.'), ['كارتر', 'باراك أوباما']);
  // almadina 07-22 (a headline)
  assert.deepEqual(people('وفاة طفلة بالقصيم علقت بأرجوحة.. وانتحار مقيم آسيوي'), []);
  // aawsat 07-22: a verbal noun after a role word (الشقيق); alwatan 07-23: «like the water»
  assert.deepEqual(people('ولحكومة وشعب جمهورية مصر العربية الشقيق اطراد التقدم والازدهار.'), []);
  assert.deepEqual(people('هو بعيد عن سفاسف الأمور كالغيم وقريب من الأهلي كالماء، أجمل ما في الكتابة عن وفاء وحب وعطاء هذا الرجل'), []);
  // 3alyoum 08-06: a definite participle in the plural is no family name
  assert.deepEqual(people('وحذّر أوباما المشرعين الأمريكيين من أن رفض الاتفاق من شأنه أن يهدد مصداقية الولايات المتحدة في العالم.'), ['أوباما']);
});
