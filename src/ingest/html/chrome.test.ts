import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromeKind, isByline, isMetaRow } from './chrome.ts';
import { parseHtml } from './index.ts';
import type { ParseResult } from '../types.ts';

// Lines that templates print among paragraphs: each must be recognised as chrome.
const CHROME: [string, 'line' | 'nav' | 'box'][] = [
  ['0 0 0 0 0', 'line'], ['21', 'line'], ['2min', 'line'], ['3 min read', 'line'], ['1.2K views', 'line'],
  ['مشاهدات عالية', 'line'], ['عدد المشاهدات: ١٬٥٢٠', 'line'], ['قراءة 4 دقائق', 'line'], ['وقت القراءة: 3 دقائق', 'line'],
  ['منذ 9 سنوات قراءة 4 دقائق 👁 3.4K', 'line'], ['0 مشاركة', 'line'], ['نعم 12 لا 3', 'line'], ['قبل ساعتين', 'line'],
  ['2015-07-21 13:10 · 2 min read · 864 views', 'line'], ['22 يوليو، 2015 عدد المشاهدات: 1,520 وقت القراءة: 3 دقائق', 'line'],
  ['نشر في: الثلاثاء 21 يوليو 2015 - 10:00 ص | آخر تحديث: الثلاثاء 21 يوليو 2015 - 01:04 م', 'line'],
  ['Advertisement', 'line'], ['إعلان', 'line'], ['الرئيسية » مقالات » صناعة التعدين', 'line'], ['Home / World', 'line'],
  ['للمزيد اضغط هنا', 'line'],
  ['التالي', 'nav'], ['السابق', 'nav'], ['المقال السابق', 'nav'], ['التالي: تطبيقات الاسبوع', 'nav'], ['Next article', 'nav'], ['Previous', 'nav'],
  ['Google Play', 'box'], ['App Store', 'box'], ['Google Play App Store', 'box'], ['GET IT ON Google Play', 'box'], ['Download on the App Store', 'box'],
  ['EXPLORE IT ON AppGallery', 'box'], ['متوفر على App Store', 'box'], ['حمل الآن تطبيق لبنان اليوم', 'box'], ['حمّل تطبيق تقنية بلس', 'box'],
  ['نزّل تطبيق نافذة الخليج على هاتفك', 'box'], ['Download our app', 'box'], ['Open in app', 'box'], ['تابعونا على تويتر وإنستغرام', 'box'],
  ['تابع بوابة الوطن على قناة واتساب', 'box'], ['انضم إلى قناتنا على تيليجرام', 'box'], ['اشترك في نشرتنا البريدية', 'box'],
  ['Subscribe to our newsletter', 'box'], ['هل أعجبك هذا المقال؟', 'box'], ['Was this article helpful?', 'box'], ['عن الكاتب', 'box'],
];

// Real lines of Arabic news text that look a little like chrome: none is chrome.
const TEXT = [
  'وفي اليوم التالي، عاد الوفد إلى بيروت.',
  'التالي هو ما جاء في البيان:',
  'السابقون الأولون',
  'ويمكن تحميل التطبيق من متجري Google Play وApp Store مجانا.',
  'ويمكن تحميله من متجر «غوغل بلاي» الإلكتروني.',
  'متجر «غوغل بلاي»',
  'حمل تطبيق «أوبر» أكثر من مليون مستخدم في السعودية.',
  'قراءات في الصحف العربية',
  'وسقط 20 قتيلا في 3 أيام.',
  '1 - المعادن الفلزية.',
  'الأهلي 2 الزمالك 1',
  'تابعوا معنا هذا الملف في الحلقات القادمة بالتفصيل الكامل لما جرى في الاجتماع.',
  'إعلان دمشق',
  'وأضاف: «لن نتراجع».',
];

test('chrome lines of many templates are recognised, each as its kind', () => {
  for (const [line, kind] of CHROME) assert.equal(chromeKind(line), kind, line);
});

test('lines of real text that share words with chrome are not chrome', () => {
  for (const line of TEXT) assert.equal(chromeKind(line), null, line);
  assert.ok(!isMetaRow('الخميس 12 مارس 2020 اجتماع الحكومة'));
});

test('bylines: strict forms anywhere, «كتبت …» and the author’s name only at the edges', () => {
  assert.ok(isByline('حوار: آسيا العتروس', null, false));
  assert.ok(isByline('بقلم: سمير عطا الله', null, false));
  assert.ok(isByline('By Staff Writer', null, false));
  assert.ok(!isByline('كتبت أسماء نصار', null, false));
  assert.ok(isByline('كتبت أسماء نصار', null, true));
  assert.ok(isByline('* أحمد محسن العطاس (مستشار هندسة تعدين)', 'أحمد محسن العطاس', true));
  assert.ok(!isByline('حوار بين الطرفين يبدأ غدا في الدوحة', null, false));
  assert.ok(!isByline('وقال نذير رضا إن الوضع خطير.', 'نذير رضا', true));
});

// Paragraphs of the CNN Arabic page (testdata/cnn-arabic), and short real lines of news text.
const LONG = [
  'دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة أن فصائل مسلحة معارضة لنظام الرئيس بشار الأسد وعلى صلة بـ"الجيش الحر" تمكنت من السيطرة على مستودعات للأسلحة بريف دمشق تضم كميات من الصواريخ ومضادات الدروع.',
  'وقال المرصد السوري لحقوق الإنسان، وهو هيئة معارضة مقرها لندن، إن مقاتلين من عدة كتائب سيطروا على ثلاثة مستودعات للذخيرة بالقرب من بلدة قلدون في منطقة القلمون بريف دمشق.',
  'وفي محافظة الحسكة شمال شرقي البلاد، أفاد المرصد عن اشتباكات دارت بعد منتصف ليل الجمعة - السبت، في محيط بلدة تل حلف قرب مدينة رأس العين.',
];
const BODY = [
  'أعلن المرصد حصيلة جديدة.', LONG[0]!, 'ردود فعل', LONG[1]!, 'وفي اليوم التالي، عاد الوفد إلى دمشق.',
  'التالي هو ما جاء في البيان:', 'وأضاف: «لن نتراجع».', 'ويمكن متابعة البيان عبر تطبيق الائتلاف المتاح على Google Play وApp Store.',
  'يا شامُ إنّ جراحي لا ضفافَ لها', 'فامسحي عن جبيني الحزنَ والتعبا', 'وأرجعيني إلى أسوار مدرستي', 'وأرجعي الحبرَ والطبشورَ والكتبا',
  LONG[2]!, 'وتنقسم المواقع إلى:', '1- مستودعات الذخيرة', '2- مخازن الصواريخ', '3- نقاط المراقبة', '(واس)',
];
const paras = (xs: string[]): string => xs.map((x) => `<p>${x}</p>`).join('\n');
const parse = (html: string): ParseResult =>
  parseHtml({ name: 'chrome.html', bytes: new TextEncoder().encode(html), url: 'https://example.org/news/1' }, { now: new Date('2024-01-01T00:00:00Z') }) as ParseResult;
const page = (inner: string): string =>
  `<!doctype html><html lang="ar" dir="rtl"><head><title>معارضون يسيطرون على مخازن للصواريخ</title><meta property="og:site_name" content="موقع المثال">
<meta name="author" content="نذير رضا"><meta property="article:section" content="سوريا"></head><body><article>${inner}</article></body></html>`;

test('short real paragraphs survive: a one-line sentence, an intertitle, a verse, a list at the end, a credit', () => {
  const a = parse(page(paras(BODY))).articles[0]!;
  assert.equal(a.text, BODY.join('\n\n'));
});

test('the same paragraphs with chrome in the lead, between paragraphs and in the tail come out the same', () => {
  const lead = paras(['سوريا', 'معارضون يسيطرون على مخازن للصواريخ', 'بيروت: نذير رضا', 'مشاهدات عالية', '2min', '<span>0</span> <span>0</span> <span>0</span>']);
  const mid = (i: number): string =>
    [paras(['Advertisement']), `<p>التالي</p><p><a href="/n/${i}">مقتل عشرة في اشتباكات بريف حلب</a></p>`][i % 2]!;
  const tail = `${paras(['الوسوم:'])}<div><a href="/t/1">سوريا</a></div><div><a href="/t/2">دمشق</a></div><div><a href="/t/3">القلمون</a></div>
<div><p>حمل الآن تطبيق موقع المثال</p><p>وابقَ على اطلاع على آخر الأخبار</p><p><a href="https://play.google.com/x">Google Play</a></p><p><a href="https://apps.apple.com/x">App Store</a></p></div>
${paras(['0 مشاركة', 'نذير رضا'])}`;
  const body = BODY.map((p, i) => `<p>${p}</p>${i === 3 || i === 12 ? mid(i) : ''}`).join('\n');
  const a = parse(page(`${lead}\n${body}\n${tail}`)).articles[0]!;
  assert.equal(a.text, BODY.join('\n\n'));
});
