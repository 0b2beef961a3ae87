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

test('a demonym used as a title names its player behind «like the» and behind an epithet', () => {
  // h027, alriyadh 2015-07-21
  assert.deepEqual(people('لم يتعرض للإساءة من جماهير ناديه السابق من دون أن يُدانون أو يتهمون بالخيانة كالبرازيلي رونالدو الذي تنقل بين برشلونة والإنتر وريال مدريد.'), ['رونالدو']);
  assert.deepEqual(people('ومن ثم للغريم تشيلسي والإيطالي الشهير بيرلو الذي أنتقل من ميلان إلى خصمه جوفنتوس.'), ['بيرلو']);
});

test('one listed name after a one-word name in a list is the next person', () => {
  // h043, alriyadh 2015-07-22
  assert.deepEqual(people('وتزامن ذلك مع شائعات رحيل الثنائي راموس وبنزيمة.'), ['راموس', 'بنزيمة']);
  // (… not a common word or a clause that goes on: الرئيس أوباما وسعد الجهود)
  assert.deepEqual(people('وشكر اللاعب راموس ونجاح الفريق في الموسم الماضي.'), ['راموس']);
  // (… nor after a given name, whose family name may start with و: aljazirah 2015-08-06)
  assert.ok(!people('وأمنية بتجسيد شخصيّة الشاعرة الخنساء، ممثلة في الفنانة السورية منى واصف.').includes('اصف'));
});

test('a verbal noun of the form افتعال is no name word (احتمال، امتلاك، الامتياز، الاختراع)', () => {
  // aleqtisadiya and others, 2015-08-04 … 2015-08-10: each was a «person» before
  assert.deepEqual(people('ومع ذلك لا يستبعد الأمريكيون احتمال نشوب اشتباك غير مقصود.'), []);
  assert.deepEqual(people('وتمنح صفقة الاستحواذ شركة "تازنين إنترناشونال" الصينية امتلاك المدارج وبرج المراقبة وعنابر الطائرات.'), []);
  assert.deepEqual(people('كما أورد الكتاب عددًا من الوثائق ذات الصلة بالقناة، وفي مقدمتها فرمان الامتياز الأول الصادر في 30 نوفمبر.'), []);
  assert.deepEqual(people('- براءات الاختراع.. عدد براءات الاختراع الدولية.'), []);
});

test('a governor’s governorate the gazetteer lacks belongs to the title, not to the name', () => {
  // h008, alyaum 2015-07-21; alwatan 2015-07-22; aljazirah 2015-07-22
  assert.deepEqual(people('أكد محافظ بقيق محمد بن سعود المتحمي دعمه لكل ما يخدم المرضى.'), ['محمد بن سعود المتحمي']);
  assert.deepEqual(people('بحضور محافظ أملج زياد بن عبد المحسن البازعي، ورئيس بلدية المحافظة.'), ['زياد بن عبد المحسن البازعي']);
  assert.deepEqual(people('رعى محافظ عفيف رشيد بن سليمان الجبرين حفل الأهالي بعيد الفطر المبارك.'), ['رشيد بن سليمان الجبرين']);
  // (… and a verb after the place starts no name: alwatan 2015-08-06)
  assert.deepEqual(people('وفور وصول أمير عسير أزاح الستار عن اللوحة التذكارية إيذانا بافتتاح المبنى.'), []);
});

test('two unknown words before the speaker’s title are a foreign name even when the first starts like a clitic (ك، ف، ب)', () => {
  // h005, alyaum 2015-07-21 (set h: gold كاترين ديملر)
  assert.deepEqual(people('وتقول كاترين ديملر الباحثة في معهد "جيه.إف.إف إنستيتوت للبحوث والدراسات الإعلامية".'), ['كاترين ديملر']);
  // alhayat 2015-07-21; aawsat 2015-08-08
  assert.deepEqual(people('وقالت كريستين لاجارد المديرة العامة لصندوق النقد الدولي إن عمله الأكاديمي بارز.'), ['كريستين لاجارد']);
  assert.deepEqual(people('وقالت كارلي فيورينا الرئيسة السابق لمجموعة «هوليت باكارد» في مناظرة سابقة.'), ['كارلي فيورينا']);
  // (… but a clitic on a word the corpus knows is one: «وقال بأسلوب واضح» names no one)
  assert.deepEqual(people('وقال بأسلوب واضح الرئيس التنفيذي للشركة إن الأرباح ارتفعت.'), []);
});

test('«أراد» (wanted) is no given name: the verb and its subject are no person', () => {
  // h065, alwatan 2015-07-22; alriyadh 2015-07-25 (the package name list held آراد)
  assert.deepEqual(people('وماذا لو كانت مجرد عملة مزورة أراد المزور تصريفها مقابل المبلغ الذي حصل عليه.'), []);
  assert.deepEqual(people('إذا أراد الأهلي حسن معاذ أو غيره ينتظر الفترة الحرة ويفاوضه كما جرت العادة.').filter((p) => p.startsWith('أراد')), []);
});

test('a title closing the headline names no one in the body’s first words', () => {
  // h009, alriyadh 2015-07-22: «العميد يستدرج الزعيم للجوهرة» / «قاد المحترفان الاجنبيان …»
  assert.deepEqual(people('قاد المحترفان الاجنبيان البرازيلي ماركينهو والعاجي ديديه ياكونان فريقهما للفوز.', 'العميد يستدرج الزعيم للجوهرة').filter((p) => p.startsWith('قاد')), []);
  // h034, alriyadh 2015-07-21: «رحالة الصيف: الأمين عند الإمام» / «قرأ الريحاني الرحّالة الذين سبقوه …»
  assert.deepEqual(people('قرأ الريحاني الرحّالة الذين سبقوه إلى الجزيرة فسحرته الفكرة.', 'رحالة الصيف: الأمين عند الإمام'), []);
  // (a title in the body before the name still names it)
  assert.deepEqual(people('وقال رئيس النادي عبدالرحمن الغامدي إن الفريق جاهز.', 'العميد يستدرج الزعيم'), ['عبدالرحمن الغامدي']);
});

test('«like» on a word the corpus writes bare is no name after a title; «like» a person still is', () => {
  // h049, alyaum 2015-07-21
  assert.deepEqual(people('وتناول التقرير عددا من القطاعات المنتجة كقطاعي الغاز والبترول، وعرضا للبنى التحتية.'), []);
  // (a name that starts with ك and a name word after it stays: the singer, كاتي on a bare اتي
  // the corpus knows; her family name بيري is not read — a gap of its own)
  assert.ok(people('وأغنية «دارك هورس» للمغنية كاتي بيري بـ921 مليون مشاهدة.').some((p) => p.startsWith('كاتي')));
});

test('a given name opening an idiom is no person (حسن النصح، عيدي الفطر)', () => {
  // h075, alwatan 2015-07-22
  assert.deepEqual(people('أكتبها لهم بطريقة (ما بال أقوامٍ يقولون كذا وكذا) من باب الستر عليهم وحسن النصح لهم.'), []);
  // h047, aleqtisadiya 2015-07-21
  assert.deepEqual(people('كانت مبادرة بلدية مدينة نيويورك بإضافة عيدي الفطر والأضحى إلى أيام العُطل المدرسية لفتة حضارية.'), []);
  // (the same given names with a family name stay people)
  assert.deepEqual(people('وأكد الدكتور حسن الشهري أن عيد الفارسي سيشارك.'), ['حسن الشهري', 'عيد الفارسي']);
});

test('العلي is a family name, not «on» with the article (على is normalized to علي)', () => {
  // h006, 2015-07-21 (set h's gold: طارق العلي)
  assert.deepEqual(people('مرة الفنان عبدالعزيز المسلم يمتدح مسرحيات زميله الكوميديان طارق العلي، ثم يستدرك بأنه لا يسمح لأطفاله بحضورها'), ['عبدالعزيز المسلم', 'طارق العلي']);
  // sabq 2015-07-22; 3alyoum 2015-07-24
  assert.deepEqual(people('وقد حضر المعايدة المساعد للتخطيط والتطوير الدكتور محمود العلي والمساعد للشؤون الهندسية المهندس محمد الدهري.'), ['محمود العلي', 'محمد الدهري']);
  assert.ok(people('وضع الكاتب عادل الجابري نصه الدرامي غير النمطي ليديره المخرج علي العلي في الدراما الخليجية').includes('علي العلي'));
  // (the preposition itself still ends a name: «قال أحمد على هامش اللقاء» is أحمد alone)
  assert.deepEqual(people('قال الوزير أحمد على هامش اللقاء إن التعاون مستمر'), ['أحمد']);
});

test('a king’s name closed by an institution’s adjective is the hospital of a list, no person', () => {
  // h076 / alweeam 2015-07-21: «والملك فهد التخصصي» is King Fahd Specialist Hospital
  assert.deepEqual(people('تم توزيع ٥٠ مصابا على 8 مستشفيات بالمنطقة وهي بريدة المركزي والملك فهد التخصصي ببريدة ومستشفى الصحة النفسية'), []);
  // (the king himself stays a person)
  assert.ok(people('وكان الملك فهد بن عبدالعزيز قد افتتح المستشفى عام 1985').some((p) => p.startsWith('فهد')));
});

test('a name after a place word in construct is the place (ولاية، مدينة، جزيرة …), no person', () => {
  // h010, 2015-07-21 (set h's gold: بيليه alone, no person in the state's name)
  assert.ok(!people('نقله إلى مسقط رأسه تريس كوراسويس (أي القلوب الثلاثة) في ولاية ميناس غيراييس (جنوب-شرق البرازيل).').includes('ميناس غيراييس'));
  // okaz 2015-07-23: an island; aljazirah 2015-08-11: a sports city named after a prince
  assert.deepEqual(people('احتفل النادي السعودي في بوسطن بعيد الفطر السعيد حيث نظمت رحلة بحرية لجزيرة جورج إيلاند مع الأهالي السعوديين'), []);
  assert.deepEqual(people('تحسينات وإصلاحات في مدينة سعود بن جلوي الرياضية بالراكة'), []);
});

test('a word news mostly writes after a name’s first word is its family name, after a title', () => {
  // g074, aawsat 2015-08-06: مشار reads as «indicated» elsewhere, and رياك is in no name list
  assert.deepEqual(people('وتسيطر على مناطق يسيطر عليها المتمردون بزعامة نائب الرئيس السابق رياك مشار.'), ['رياك مشار']);
  // aawsat 2015-07-21 («غادة عادل: فاتن حمامة علمتني الالتزام»): حمامة is «a dove»
  assert.deepEqual(people('التي اكتسبتها من ممثلين عمالقة سبق أن تعاونت معهم، كالراحلة فاتن حمامة عندما مثّلت إلى جانبها'), ['فاتن حمامة']);
  // (not a bare given name's common phrase: أسمى آيات التهاني, where no title announced a name)
  assert.deepEqual(people('ورفع أسمى آيات التهاني والتبريك إلى خادم الحرمين الشريفين بمناسبة عيد الفطر'), []);
});

test('after a title, a transliterated given name and a word the corpus hardly writes are one name', () => {
  // f056, 3alyoum 2015-07-25; f058, aleqtisadiya 2015-07-23: فالكي reads as a nisba, سيلكه as a pronoun's
  assert.deepEqual(people('وصرّح أمين عام الفيفا جيروم فالكي خلال هذا الحفل قائلًا'), ['جيروم فالكي']);
  assert.deepEqual(people('وتشرح الاستاذة الجامعية شتيفان سيلكه من جامعة سارلاند التقنية قائلة'), ['شتيفان سيلكه']);
  // alweeam 2015-07-2x («تقرير: إيران ستعود لسوق النفط …»): an unknown first word too
  assert.deepEqual(people('وقال وزير النفط بيجن زنغنه الشهر الماضي إن إيران تسعى لزيادة إنتاجها'), ['بيجن زنغنه']);
  // (not a word with a pronoun or a verb after a word before a clause: aljazirah 2015-08-04, aawsat)
  assert.deepEqual(people('تلك الطريقة في صنع القرار، لا تصدر إلا من مسؤول ترتعد فرائصه من ردة فعل'), []);
  assert.deepEqual(people('سيفتح الإيرانيون أفواههم للالتهام، بعد رفع العقوبات'), []);
});

test('a name ends before a title in apposition and before a weak verb’s participle', () => {
  // d045, alriyadh 2015-07-24: مساعد is a given name, but a title before another title
  assert.deepEqual(people('تؤكد كيم براون مساعد مدير قسم الخدمات المهنية بجامعة سيراكيوز'), ['كيم براون']);
  // e017, alweeam 2015-08-09: المنتمي «belonging» is no nisba family name (its plural المنتمين;
  // المنتشري, of المنتشر, stays one: a sentence written around a corpus name)
  assert.deepEqual(people('منذ عزل الرئيس السابق محمد مرسي المنتمي لجماعة الإخوان المسلمين'), ['محمد مرسي']);
  assert.deepEqual(people('وقال المدرب حمد المنتشري إن الفريق جاهز'), ['حمد المنتشري']);
});

test('a father’s or family’s definite name ends a nasab before a word that is no name', () => {
  // d037, okaz 2015-07-24: «لم يكن الشاعر علي بن الجهم يظن أنه يهجو الخليفة»
  assert.deepEqual(people('لم يكن الشاعر علي بن الجهم يظن أنه يهجو الخليفة عندما قال'), ['علي بن الجهم']);
  // (a definite family name after the father’s still goes on, and so does a kunya’s name: sentences
  // written around two names)
  assert.deepEqual(people('وقال الإمام محمد بن الحسن الشيباني في كتابه'), ['محمد بن الحسن الشيباني']);
  assert.deepEqual(people('قال الدكتور محمد أبو الفضل بدران إن'), ['محمد أبو الفضل بدران']);
  // (the greeting formula is no name, after a nasab or alone: رفع … أسمى التهاني)
  assert.deepEqual(people('ورفع الشيخ عبدالله بن محمد بن إبراهيم آل الشيخ أسمى التهاني'), ['عبدالله بن محمد بن إبراهيم آل الشيخ']);
  assert.deepEqual(people('ورفع أسمى التهاني والتبريك إلى خادم الحرمين'), []);
});

test('an author credited after the outlet and a dash at the body’s start is no person there', () => {
  // f056, 3alyoum 2015-07-25: the sentence goes on after the name, so no dateline shape holds it
  assert.deepEqual(people('عين اليوم – هيفاء عبدالله قدّمت الشركه الاتحاديه مركز التجاره والنشر برنامجا خاصا بالطوابع', 'برنامج خاص بالطوابع لتخليد ذكرى مونديال روسيا 2018'), []);
  // 3alyoum 2015-08-06 («“سناب مكة” عين على مكة في الحج»): place, dash, author, then the text
  assert.deepEqual(people('مكة المكرمة – حامد القرشي\n أطلق مجموعة من الشباب المكي حسابا عبر تطبيق سناب شات'), []);
  // (a name the text goes on to name as an actor still counts; so does one after a verb)
  assert.deepEqual(people('عين اليوم – هيفاء عبدالله قدّمت الشركة برنامجا. وقالت هيفاء عبدالله إن الطوابع جاهزة'), ['هيفاء عبدالله']);
  assert.deepEqual(people('الرياض – قال وزير الخارجية عادل الجبير إن المملكة'), ['عادل الجبير']);
});

test('a و-word before a listed name word starts the next name, not a family name', () => {
  // f049, almadina 2015-07-25: «كريستيانو وجاريث بيل» was one person
  const list = people('أعتقد أنَّ كريستيانو وجاريث بيل وكريم بنزيمة وجيمس رودريجيز على هذا المستوى');
  assert.ok(!list.some((p) => p.includes('وجاريث')), list.join(' | '));
  assert.ok(list.includes('كريم بنزيمة'));
  // (a family name written with و stays: سيرينا وليامس)
  assert.deepEqual(people('وفازت اللاعبة سيرينا وليامس باللقب'), ['سيرينا وليامس']);
});

test('a family name after the father’s definite name goes on with the name', () => {
  // h069, aljazirah 2015-07-21: the headline's «عبدالله العثيم» now merges into the full name
  assert.deepEqual(people('إن الشيخ عبدالله الصالح العثيم رجل بر وإحسان وبذل وعطاء', 'عبدالله العثيم: رجل الخير'), ['عبدالله الصالح العثيم']);
  // (not a title, a dual in agreement or a weak verb's participle after it)
  assert.deepEqual(people('وقال محمد العتيبي المتحدث باسم الهيئة'), ['محمد العتيبي']);
  assert.ok(!people('وقال المدرب ماسيميليانو أليجري الساعي إلى اللقب').some((p) => p.includes('الساعي')));
});

test('a transliterated name in ـيه written with ه is a name word, a noun with «his» is not', () => {
  // h009, alwatan 2015-07-22
  assert.deepEqual(people('وأضاف المحترف العاجي ديديه ياكونان الهدف الثاني لفريقه في الدقيقة 20، عن طريق ضربة جزاء.'), ['ديديه ياكونان']);
  // aawsat 2015-08-09; aljazirah 2015-08-11
  assert.deepEqual(people('في المقابل، أبدى ليل في أول مباراة بقيادة مدربه الجديد هيرفيه رينار شجاعة كبيرة رغم قلة خبرة صغار السن في صفوفه.'), ['هيرفيه رينار']);
  assert.deepEqual(people('أكد آرسنال المنتمي للدوري الإنجليزي الممتاز لكرة القدم أن مهاجمه أوليفييه جيرو لم يفقد وعيه عندما اصطدم رأسه برأس منافسه.'), ['أوليفييه جيرو']);
  // … ending before a ة noun's dual and an افتعل verb (aljazirah 2015-07-23; aawsat 2015-08-08)
  assert.deepEqual(people('فرض مدرب الفريق البرتغالي جوزيه قوميز فترتين تدريبيتين في اليوم الأول.'), ['جوزيه قوميز']);
  assert.deepEqual(people('خصوصا أن مدربه البرتغالي جوزيه مورينهو التزم فلسفة الاستمرارية ولم يدخل أي تعديلات.'), ['جوزيه مورينهو']);
  // (not condolences or captors with «his»: تعازيه، محتجزيه)
  assert.deepEqual(people('وقدم نائب خادم الحرمين الشريفين خالص تعازيه لذوي الشهداء.'), []);
  assert.ok(!people('وناشدت عائلة الرهينة محتجزيه إطلاق سراحه.').some((p) => p.includes('محتجزيه')));
});
