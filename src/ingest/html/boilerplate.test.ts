import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from './index.ts';
import type { ParseResult } from '../types.ts';

// Body paragraphs of the CNN Arabic page (testdata/cnn-arabic; real text, new markup).
const P = [
  'دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة أن فصائل مسلحة معارضة لنظام الرئيس بشار الأسد وعلى صلة بـ"الجيش الحر" تمكنت من السيطرة على مستودعات للأسلحة بريف دمشق تضم كميات من الصواريخ ومضادات الدروع.',
  'وقال المرصد السوري لحقوق الإنسان، وهو هيئة معارضة مقرها لندن، إن مقاتلين من عدة كتائب سيطروا على ثلاثة مستودعات للذخيرة بالقرب من بلدة قلدون في منطقة القلمون بريف دمشق.',
  'وفي محافظة الحسكة شمال شرقي البلاد، أفاد المرصد عن اشتباكات دارت بعد منتصف ليل الجمعة - السبت، في محيط بلدة تل حلف قرب مدينة رأس العين.',
  'أما الائتلاف الوطني السوري المعارض، فقد دعا في بيان له كافة الكتائب والفصائل المقاتلة في الشمال السوري إلى ضرورة الوعي بأهمية المرحلة الراهنة وضبط النفس.',
];

const parse = (html: string, url = 'https://example.org/news/1'): ParseResult =>
  parseHtml({ name: 'test.html', bytes: new TextEncoder().encode(html), url }, { now: new Date('2024-01-01T00:00:00Z') }) as ParseResult;

function pageWith(middle: string, tail = ''): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><title>معارضون يسيطرون على مخازن للصواريخ - موقع المثال</title>
<meta property="og:site_name" content="موقع المثال"></head><body><nav><a href="/">الرئيسية</a> <a href="/sy">سوريا</a></nav>
<article><h1>معارضون يسيطرون على مخازن للصواريخ</h1><p>${P[0]}</p><p>${P[1]}</p>${middle}<p>${P[2]}</p><p>${P[3]}</p>${tail}</article>
<footer>جميع الحقوق محفوظة</footer></body></html>`;
}

for (const marker of ['اقرأ أيضاً:', 'إقرأ ايضا', 'اقرأ أيضا :', 'طالع أيضا:']) {
  test(`inline «${marker}» line becomes readAlso, whatever its spelling`, () => {
    const r = parse(pageWith(`<p><strong>${marker}</strong> <a href="/news/2">الائتلاف السوري يدعو الفصائل إلى ضبط النفس</a></p>`));
    const a = r.articles[0]!;
    assert.deepEqual(a.readAlso, [{ title: 'الائتلاف السوري يدعو الفصائل إلى ضبط النفس', url: 'https://example.org/news/2' }]);
    assert.equal(a.text, P.join('\n\n'));
  });
}

test('a headed related block, tags line, source line and share/print/comment widgets', () => {
  const r = parse(
    pageWith(
      '<div class="share"><span>شارك</span> <a href="#">فيسبوك</a></div><p>طباعة</p>',
      `<p>المصدر: وكالة الأنباء الألمانية</p>
       <div class="tags">كلمات دلالية: <a href="/tag/1">سوريا</a> <a href="/tag/2">ريف دمشق</a> <a href="/tag/3">الجيش الحر</a></div>
       <h3>مواضيع ذات علاقة</h3><ul><li><a href="/news/7">مقتل عشرة في اشتباكات بريف حلب الشمالي...</a></li>
       <li><a href="https://other.example/x">الأمم المتحدة تحذر من تدهور الوضع الإنساني</a></li></ul>
       <h2>أضف تعليق</h2><form><textarea></textarea></form>`,
    ),
  );
  const a = r.articles[0]!;
  assert.equal(a.text, P.join('\n\n'));
  assert.deepEqual(a.tags, ['سوريا', 'ريف دمشق', 'الجيش الحر']);
  assert.equal(a.outlet, 'وكالة الأنباء الألمانية');
  assert.equal(a.via, 'موقع المثال');
  assert.deepEqual(a.readAlso, [
    { title: 'مقتل عشرة في اشتباكات بريف حلب الشمالي', url: 'https://example.org/news/7' },
    { title: 'الأمم المتحدة تحذر من تدهور الوضع الإنساني', url: 'https://other.example/x' },
  ]);
  assert.equal(a.title, 'معارضون يسيطرون على مخازن للصواريخ');
});

test('most-read block outside the article is removed and not taken as readAlso', () => {
  const html = pageWith('').replace(
    '<footer>',
    `<aside><div class="t"><span>الأكثر قراءة</span></div><div><a href="/a">خبر أول عن الطقس في دمشق اليوم</a><a href="/b">خبر ثان عن أسعار الذهب</a></div></aside><footer>`,
  );
  const a = parse(html).articles[0]!;
  assert.deepEqual(a.readAlso, []);
  assert.ok(!a.text.includes('الطقس'));
});

test('a visible Arabic date under the headline is the date when the markup has none', () => {
  const a = parse(pageWith('').replace('</h1>', '</h1><div class="meta">الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)</div>')).articles[0]!;
  assert.equal(a.publishedAt?.slice(0, 10), '2013-08-28');
  assert.ok(!a.text.includes('2013'));
});

test('JSON-LD datePublished inside @graph, and canonical URL over the document URL', () => {
  const html = pageWith('').replace(
    '</head>',
    `<link rel="canonical" href="/ar/story/55"><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-09-20T10:00:00+03:00","publisher":{"@type":"Organization","name":"الأسبوع"}}]}</script></head>`,
  );
  const a = parse(html.replace('<meta property="og:site_name" content="موقع المثال">', '')).articles[0]!;
  assert.equal(a.publishedAt, '2023-09-20T07:00:00.000Z');
  assert.equal(a.url, 'https://example.org/ar/story/55');
  assert.equal(a.outlet, 'الأسبوع');
});
