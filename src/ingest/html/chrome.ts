/**
 * Page chrome that templates print among an article's paragraphs, recognised from the
 * text of one short line, whatever the site: counters (`0 0 0 0`, `1.2K views`,
 * `عدد المشاهدات: 1,520`), reading time (`2min`, `قراءة 4 دقائق`), "time ago" and view
 * badges (`منذ 9 سنوات`, `مشاهدات عالية`), meta rows made only of those and a date,
 * ad labels, breadcrumbs, next/previous links (`التالي`, `المقال السابق`, `Next article`),
 * app-store badges and app banners (`حمل الآن تطبيق …`, `Google Play`, `App Store`),
 * follow / newsletter / reaction / about-the-author boxes, and bylines.
 * Why apart from markers.ts: those are headings that announce a block of links; these
 * are lines that are boilerplate by themselves. Contract: every test is a whole-line
 * match on folded text (normalize + punctuation → space) of a short line; a sentence that
 * merely mentions Google Play or "التالي" is never chrome.
 */
import { normalize } from '../../arabic/index.ts';
import { fold } from './markers.ts';

/**
 * `line`: drop this line; `nav`: a next/previous label (alone, or `التالي: headline`),
 * dropped with the headline after a bare label; `box`: drop its widget box.
 */
export type ChromeKind = 'line' | 'nav' | 'box';

const alt = (xs: readonly string[]): string => xs.join('|');
const UNITS_AR = ['ثانيه', 'ثوان', 'ثواني', 'دقيقه', 'دقيقتين', 'دقائق', 'ساعه', 'ساعتين', 'ساعات', 'يوم', 'يومين', 'ايام', 'اسبوع', 'اسبوعين', 'اسابيع', 'شهر', 'شهرين', 'اشهر', 'شهور', 'سنه', 'سنتين', 'سنوات', 'عام', 'عامين', 'اعوام'];
const UNITS_EN = ['seconds?', 'secs?', 'minutes?', 'mins?', 'hours?', 'hrs?', 'days?', 'weeks?', 'months?', 'years?'];
const NUM = '\\d+(?: \\d+)?(?:k|m)?';

/** Phrases a meta row is made of (date parts are in DATE_WORDS and numbers). */
const META_PHRASES = new RegExp(
  '(?:^| )(?:' +
    alt([
      // reading time
      `(?:(?:وقت|مده|زمن) )?(?:ال)?قراءه(?: في)? ${NUM} ?(?:د|دقيقه|دقائق|دقيقتين)?`,
      `${NUM} ?(?:د|دقيقه|دقائق|دقيقتين) (?:(?:لل)?قراءه)`,
      `${NUM} ?(?:min|mins|minutes?)(?: read| reading)?`,
      `(?:reading|read) time ${NUM} ?(?:min|mins|minutes?)?`,
      // time ago
      `(?:منذ|قبل) (?:${NUM} )?(?:${alt(UNITS_AR)})`,
      `${NUM} (?:${alt(UNITS_EN)}) ago`,
      // view badges, then counters
      `(?:مشاهدات|قراءات|تفاعل) (?:عاليه|كثيره|مرتفعه|كبيره)`,
      `(?:عدد )?(?:ال)?(?:مشاهدات|مشاهده|قراءات|زيارات|زياره|تعليقات|تعليق|مشاركات|مشاركه|اعجاب|اعجابات)(?: ${NUM})?`,
      `(?:${NUM} )?(?:views?|reads?|comments?|shares?|likes?)`,
      `(?:نعم|لا|yes|no) ${NUM}`,
      'trending', 'رائج', 'الاكثر رواجا',
    ]) +
    ')(?= |$)',
  'g',
);
const DATE_WORDS = new RegExp(
  '(?:^| )(?:' +
    alt([
      '\\d+(?:k|m)?', 'ص', 'م', 'am', 'pm', 'gmt', 'utc', 'هـ', 'ه', 'updated', 'published', 'posted', 'on', 'at',
      'نشر(?: في)?', 'تاريخ النشر', 'بتاريخ', 'اخر تحديث', 'تحديث', 'محدثه', 'التاريخ',
      'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت',
      'يناير', 'فبراير', 'مارس', 'ابريل', 'مايو', 'يونيو', 'يونيه', 'يوليو', 'يوليه', 'اغسطس', 'سبتمبر', 'اكتوبر', 'نوفمبر', 'ديسمبر',
      'كانون الثاني', 'كانون الاول', 'شباط', 'اذار', 'نيسان', 'ايار', 'حزيران', 'تموز', 'اب', 'ايلول', 'تشرين الاول', 'تشرين الثاني',
      'jan(?:uary)?', 'feb(?:ruary)?', 'mar(?:ch)?', 'apr(?:il)?', 'may', 'aug(?:ust)?', 'june?', 'july?', 'sep(?:t|tember)?', 'oct(?:ober)?', 'nov(?:ember)?', 'dec(?:ember)?',
    ]) +
    ')(?= |$)',
  'g',
);

/** A line made only of counters, reading time, "ago", view badges and date parts. */
export function isMetaRow(text: string): boolean {
  if (text.length > 160) return false;
  const f = fold(text);
  if (!/\p{L}/u.test(text)) return true; // `0 0 0 0`, `|`, `21`
  const rest = f.replace(META_PHRASES, ' ').trim();
  if (rest.replace(DATE_WORDS, ' ').trim() !== '') return false;
  // Only date words: a meta row when it has a year (`نشر في: … 2015 | آخر تحديث: …`).
  return rest !== f || /(?:^| )(?:19|20)\d\d(?: |$)/.test(f);
}

const NAV_LABEL = '(?:(?:المقال|المقاله|الخبر|الموضوع|التقرير|المنشور|الصفحه|الفيديو) )?(?:التالي|السابق)|(?:next|previous|prev|older|newer)(?: (?:article|story|post|page|item))?';
const NAV = new RegExp(`^(?:${NAV_LABEL})(?= |$)`);
const NAV_SEP = new RegExp(`^\\s*(?:${NAV_LABEL.replace(/ /g, '\\s+')})\\s*[:：|»›<>\\-–—]`);
/**
 * Start of a next/previous link (`التالي`, `المقال السابق:`, `Next article`): `rest` is
 * the folded text after the label, `sep` whether a colon or arrow follows the label.
 */
export function navMarker(text: string): { rest: string; sep: boolean } | null {
  const f = fold(text);
  const m = NAV.exec(f);
  if (!m) return null;
  return { rest: f.slice(m[0].length).trim(), sep: NAV_SEP.test(normalize(text)) };
}

const STORE = '(?:google play|play store|app store|apple store|appgallery|app gallery|huawei appgallery)';
const STORE_LINE = new RegExp(
  `^(?:(?:get it on|download on the|download on|download from|available on the|available on|available in the|explore it on|متوفر علي|متوفر في|متاح علي|حمله من|نزله من|احصل عليه من) )?${STORE}(?: (?:و )?${STORE})*$`,
);
const APP_PROMO =
  /^(?:(?:حمل|حمل الان|نزل|نزل الان|قم بتحميل|قم بتنزيل|احصل علي|جرب|اكتشف) (?:تطبيق|التطبيق)|(?:download|get|install|try)(?: the| our)?(?: free)?(?: [^ ]+){0,4} app(?: |$)|open in app|get the app)/;
const SOCIAL = '(?:تويتر|فيسبوك|فيس بوك|انستغرام|انستجرام|تيليجرام|تلغرام|تليجرام|واتساب|واتس اب|يوتيوب|تيك توك|اخبار جوجل|جوجل نيوز|google news)';
const BOX_START = new RegExp(
  '^(?:' +
    alt([
      'تابعونا', 'تابعنا', 'تابعوا', 'follow us', 'follow [^ ]+ on',
      `(?:تابع|تابعوا|تابعونا|تابعنا)(?: [^ ]+){0,4} (?:علي|عبر|في) (?:قناه|قناتنا|صفحه|صفحتنا|حساب|حسابنا|${SOCIAL})`,
      '(?:انضم|انضموا|اشترك|اشتركوا) (?:الي|ل|في) (?:قناتنا|قناه|مجموعتنا|مجموعه)', 'لمتابعه (?:اخر|اهم|احدث|كل) (?:الاخبار|المستجدات|التطورات)',
      'اشترك(?:وا)? (?:في|ب) (?:النشره|نشرتنا|نشره|القائمه البريديه|قناتنا|قناه)', 'اشترك الان', 'سجل بريدك',
      'subscribe(?: to)?(?: our)? (?:newsletter|channel|mailing list)', 'sign up for', 'ادخل بريدك', 'enter your email',
      'هل اعجبك', 'هل كان (?:هذا )?(?:المقال|الخبر|الموضوع) مفيدا', 'was this (?:article|story|page) (?:helpful|useful)',
      'be the first to comment', 'كن اول من يعلق', 'عن الكاتب', 'عن المؤلف', 'about the author', 'more from the author',
      'جميع مقالات الكاتب', 'مقالات (?:اخري )?للكاتب',
    ]) +
    ')(?: |$)',
);
const AD = /^(?:advertisement|advertising|sponsored(?: content)?|ads?|اعلان|اعلانات|مساحه اعلانيه|محتوي (?:ممول|مدفوع)|برعايه)$/;

/** What kind of chrome a short line is, or null. */
export function chromeKind(text: string): ChromeKind | null {
  if (text.length > 240) return null;
  const f = fold(text);
  const words = f === '' ? 0 : f.split(' ').length;
  if (isMetaRow(text) || AD.test(f) || isCrumbs(text, f)) return 'line';
  if (words <= 10 && /(?:^| )(?:اضغط هنا|انقر هنا|click here)(?: |$)/.test(f) && !/[.!؟?]\s*$/.test(text)) return 'line';
  const nav = navMarker(text);
  const sentence = /[.!؟?]["»”']?\s*$/.test(text);
  if (nav) return nav.rest === '' || (nav.sep && words <= 20 && !sentence) ? 'nav' : null;
  if (STORE_LINE.test(f)) return 'box';
  if (words <= 14 && !sentence && APP_PROMO.test(f)) return 'box';
  if (words <= 12 && BOX_START.test(f)) return 'box';
  return null;
}

/** `الرئيسية » مقالات » صناعة التعدين`, `Home / World`: a breadcrumb trail. */
function isCrumbs(text: string, f: string): boolean {
  return /^(?:الرئيسيه|الصفحه الرئيسيه|home)(?: |$)/.test(f) && (text.match(/[»›>/|\\]/g) ?? []).length >= 1 && f.split(' ').length <= 16;
}

const BY_STRICT = /^(?:بقلم|by|written by|reporting by)(?:\s|\s*[:：])|^(?:حوار|اعداد|تحرير|متابعه|تقديم|ترجمه|تصوير)\s*[:：]/;
/**
 * A byline: `بقلم …`, `حوار: …`, `By …` anywhere; at the edges of the text (`edge`) also
 * `كتبت أسماء نصار` and any short line naming the page's author.
 */
export function isByline(text: string, author: string | null, edge: boolean): boolean {
  const f = fold(text);
  const words = f.split(' ').length;
  if (words > 10 || /[.!؟?]\s*$/.test(text)) return false;
  if (BY_STRICT.test(normalize(text).trim()) && words <= 7) return true;
  if (!edge) return false;
  if (/^(?:كتب|كتبت|كتبه|كتبها|اعد|اعدت) /.test(f) && words <= 5) return true;
  const a = author ? fold(author) : '';
  return a.length >= 5 && f.includes(a);
}

