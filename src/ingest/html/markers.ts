/**
 * The words Arabic (and Persian) news pages put on their boilerplate: related-links
 * headings, tag lines, share/print/comment widgets, source lines, date lines. Why one
 * place: the same lists serve the whole-page pass and the article-body pass, and every
 * spelling variant (hamza, tanween, ة/ه, colon or none) is folded by `normalize` once,
 * so each marker is written once. Contract: `markerKind` looks only at the start of a
 * short text; `isDateLine` and `isPolicyLine` look at a whole short paragraph.
 */
import { normalize } from '../../arabic/index.ts';

export type MarkerKind = 'related' | 'other' | 'tags' | 'widget';

/** Folded for matching: normalize, then punctuation folded to spaces. */
export function fold(text: string): string {
  return normalize(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// All in folded form (no hamza, ة→ه, ى→ي, ی→ي, ک→ك, no harakat, no punctuation).
const RELATED = new RegExp(
  '^(?:' +
    [
      '[وف]?(?:اقرا|طالع|شاهد|تابع) (?:ايضا|كذلك|المزيد)',
      '(?:مواضيع|مواد|اخبار|مقالات|موضوعات|قصص|روابط|تقارير)(?: اخري)? (?:ذات (?:صله|علاقه)|متعلقه|مرتبطه|مشابهه|ذات الصله)',
      'ذات صله', 'قد يهمك(?: ايضا)?', 'ننصحك بقراءه', 'مواضيع قد تهمك',
      'بيشتر بخوانيد', 'اخبار مرتبط', 'مطالب مرتبط', 'مطالب مشابه', 'related(?: articles| stories| news)?', 'read (?:also|more)',
    ].join('|') +
    ')(?: |$)',
);
const OTHER = new RegExp(
  '^(?:' +
    [
      'الاكثر (?:قراءه|مشاهده|تعليقا|تداولا|شعبيه|تفاعلا)', 'الاكثر قراءه اليوم', '(?:اخر|احدث|اهم) (?:الاخبار|الاخبار العاجله|المقالات)',
      'مواضيع ساخنه(?: اخري)?', 'اخبار ساخنه', 'المزيد من (?:الاخبار|المقالات)', 'اخترنا لك', 'اختيارات المحرر', 'مختارات',
      'اخرين اخبار', 'اخرين مطالب', 'پربازديدترين', 'پربحث ترين', 'most (?:read|popular)',
    ].join('|') +
    ')(?: |$)',
);
const TAGS = /^(?:كلمات دلاليه|الكلمات الدلاليه|كلمات مفتاحيه|الكلمات المفتاحيه|الكلمات الرئيسيه|الوسوم|وسوم|برچسبها|برچسب ها|كليدواژه ها|كليدواژه|تگ ها|tags|keywords)(?: |$)/;
const WIDGET =
  /^(?:شارك|شاركها|شاركوا|مشاركه|طباعه|اطبع|نسخه للطباعه|ارسل(?: لصديق)?|ارسال(?: لصديق)?|اضف تعليق(?:ا|ك)?|اضافه تعليق|التعليقات|تعليقات|تعليق|علق|انسخ الرابط|نسخ الرابط|رابط مختصر|الرابط المختصر|تابعوا|تابعونا|تابعنا|اشترك|للاشتراك|حمل تطبيق|حجم الخط|تكبير الخط|در بحث مشاركت|ارسال نظر|نظرات|اشتراك گذاري|چاپ|share|print|comments?)(?: |$)/;

/** What a heading-like short text announces, or null. Tag and related markers win. */
export function markerKind(text: string): MarkerKind | null {
  const f = fold(text);
  if (f === '' || f.length > 400) return null;
  if (RELATED.test(f)) return 'related';
  if (TAGS.test(f)) return 'tags';
  const words = f.split(' ').length;
  if (OTHER.test(f) && words <= 8) return 'other';
  if (WIDGET.test(f) && words <= 10 && !/[.!؟?]$/.test(text.trim())) return 'widget';
  return null;
}

/** The text after a marker at the start of `text` (`اقرأ أيضاً: عنوان` → `عنوان`). */
export function afterMarker(text: string): string {
  const m = /^[^:：\-–—]{2,40}[:：\-–—]\s*(.*)$/su.exec(text.trim());
  return m ? m[1]!.trim() : '';
}

/** `المصدر: الأسبوع` → `الأسبوع` (a short source line), else null. */
export function sourceLine(text: string): string | null {
  const m = /^\s*(?:ال)?مصدر\s*[:：]\s*(.{2,60}?)\s*$/u.exec(text);
  return m ? m[1]!.replace(/^[«"'(]+|[»"')]+$/g, '').trim() || null : null;
}

const MONTHS = [
  'يناير', 'فبراير', 'مارس', 'ابريل', 'مايو', 'يونيو', 'يونيه', 'يوليو', 'يوليه', 'اغسطس', 'سبتمبر', 'اكتوبر', 'نوفمبر', 'ديسمبر',
  'كانون', 'شباط', 'اذار', 'نيسان', 'ايار', 'حزيران', 'تموز', 'اب', 'ايلول', 'تشرين',
  'جانفي', 'فيفري', 'افريل', 'ماي', 'جوان', 'جويليه', 'اوت', 'شتنبر', 'نونبر', 'دجنبر', 'يوليوز', 'غشت',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'فروردين', 'ارديبهشت', 'خرداد', 'تير', 'مرداد', 'شهريور', 'مهر', 'ابان', 'اذر', 'دي', 'بهمن', 'اسفند',
];
const MONTH_RE = new RegExp(`(?:^|\\s)(?:[وبل])?(?:${MONTHS.join('|')})(?:\\s|$)`);

/** A short paragraph that is a date (and perhaps a time or a «published» label). */
export function isDateLine(text: string): boolean {
  if (text.length > 140) return false;
  const f = fold(text);
  if (f.split(' ').length > 16) return false;
  const raw = normalize(text);
  if (!/\b(?:19|20|13|14)\d\d\b/.test(raw)) return false;
  return MONTH_RE.test(f) || /\d{1,2}:\d{2}/.test(raw) || /\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/.test(raw);
}

const POLICY =
  /(?:^(?:كد خبر|رقم الخبر|رقم المقال|كود الخبر) \d+$|الاراء الوارده|لا تعبر عن راي|تعبر عن راي (?:اصحابها|كاتبها)|مراجعه التعليقات|التعليقات المنشوره|تعليقك|ارشادات الاستخدام|شروط الاستخدام|سياسه الخصوصيه|جميع الحقوق محفوظه|حقوق النشر|انتهاي پيام|copyright|all rights reserved)/;

/** A comment-policy, copyright or end-of-message paragraph (only trusted at the end). */
export function isPolicyLine(text: string): boolean {
  return text.length <= 600 && POLICY.test(fold(text.replace(/©/g, ' copyright ')));
}

/** A picture credit: `© REUTERS / …`, `Photo: …`, `تصوير: …`, `الصورة: …`. */
export function isCredit(text: string): boolean {
  return text.length <= 100 && /^\s*(?:©|\(c\)|photo\s*:|تصوير\s*[:/]|الصوره\s*[:/]|صوره\s*[:/]|عکس\s*:)/i.test(normalize(text));
}
