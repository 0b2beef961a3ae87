/**
 * The message catalogs: the same keys in Arabic and English, every message compiles under
 * its language's locale with the same arguments, plurals follow CLDR (Arabic's six forms,
 * English's two), and the language a request gets is negotiated as documented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CATALOGS, compileCatalog, dirOf, LANGS, ui } from './index.ts';
import { acceptLanguage, cookieLanguage, localPath } from './negotiate.ts';
import { html } from '../html.ts';

test('the Arabic and English catalogs have exactly the same keys', () => {
  const ar = Object.keys(CATALOGS.ar).sort();
  const en = Object.keys(CATALOGS.en).sort();
  assert.deepEqual(ar.filter((k) => !en.includes(k)), [], 'only in ar.json');
  assert.deepEqual(en.filter((k) => !ar.includes(k)), [], 'only in en.json');
  assert.ok(ar.length > 150, `${ar.length} messages`);
});

/** The arguments a message takes, with their kind (plural/select/number/plain). */
function args(elements: MessageFormatElement[], out = new Map<string, string>()): Map<string, string> {
  for (const e of elements) {
    if (e.type === TYPE.argument) out.set(e.value, out.get(e.value) ?? 'plain');
    else if (e.type === TYPE.number) out.set(e.value, 'number');
    else if (e.type === TYPE.plural || e.type === TYPE.select) {
      out.set(e.value, e.type === TYPE.plural ? 'plural' : 'select');
      for (const o of Object.values(e.options)) args(o.value, out);
    }
  }
  return out;
}

test('every message compiles, and takes the same arguments in both languages', () => {
  for (const lang of LANGS) assert.doesNotThrow(() => compileCatalog(lang), lang);
  for (const key of Object.keys(CATALOGS.en)) {
    const ar = args(parse(CATALOGS.ar[key]!));
    const en = args(parse(CATALOGS.en[key]!));
    // A count may be a plural in one language and a plain number in the other; the names must match.
    assert.deepEqual([...ar.keys()].sort(), [...en.keys()].sort(), key);
  }
  // A broken message is refused, naming its key.
  assert.throws(() => compileCatalog('ar', { 'x.bad': '{n, plural, one {واحد}' }), /ar\.json "x\.bad"/);
  assert.throws(() => compileCatalog('en', { 'x.none': '{n, plural, one {#}}' }), /en\.json "x\.none"/);
});

test('Arabic plurals: zero, one, two, few, many and other, in Arabic-Indic digits', () => {
  const t = (n: number) => ui('ar').t('story.outlets', { n });
  assert.deepEqual([0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111].map(t), [
    'لا مصادر', 'مصدر واحد', 'مصدران', '٣ مصادر', '١٠ مصادر', '١١ مصدراً', '٩٩ مصدراً', '١٠٠ مصدر', '١٠٢ مصدر', '١٠٣ مصادر', '١١١ مصدراً',
  ]);
  assert.deepEqual([1, 2, 5, 12, 100].map((n) => ui('ar').t('count.stories', { n })), ['قصة واحدة', 'قصتان', '٥ قصص', '١٢ قصة', '١٠٠ قصة']);
  assert.deepEqual([1, 2, 5, 12].map((n) => ui('ar').t('count.articles', { n })), ['مقال واحد', 'مقالان', '٥ مقالات', '١٢ مقالاً']);
  assert.equal(ui('ar').t('search.results', { n: 1234 }), '١٬٢٣٤ نتيجة');
  assert.deepEqual([45000, 3].map((n) => ui('ar').t('search.resultsAbout', { n })), ['نحو ٤٥٬٠٠٠ نتيجة', 'نحو ٣ نتائج']);
  assert.equal(ui('en').t('search.resultsAbout', { n: 45000 }), 'About 45,000 results');
  assert.equal(ui('ar').t('admin.imported', { added: 11, existing: 2, refused: 3 }), 'استُورد ١١ مصدراً جديداً (اثنان موجودان من قبل، ورُفض ٣ لعناوين غير مسموح بها)');
  assert.equal(ui('ar').t('admin.imported', { added: 1, existing: 0, refused: 0 }), 'استُورد مصدر واحد جديد (لا شيء موجود من قبل)');
});

test('English plurals: one and other, with zero said in words', () => {
  const t = (n: number) => ui('en').t('story.outlets', { n });
  assert.deepEqual([0, 1, 2, 11, 1000].map(t), ['no outlets', '1 outlet', '2 outlets', '11 outlets', '1,000 outlets']);
  assert.equal(ui('en').t('compare.all', { n: 1 }), '1 story mentions them all');
  assert.equal(ui('en').t('admin.imported', { added: 1, existing: 4, refused: 1 }), 'Imported 1 new source (4 already there; 1 refused: its address is not allowed)');
});

test('dates and numbers through Intl in the UI language', () => {
  const iso = '2015-08-10T14:03:00.000Z';
  assert.equal(ui('ar').date(iso), 'الاثنين، ١٠ أغسطس ٢٠١٥');
  assert.equal(ui('en').date(iso), 'Monday, 10 August 2015');
  assert.match(ui('ar').short(iso), /^١٠ أغسطس/);
  assert.match(ui('en').short(iso), /^10 August.*14:03/);
  assert.equal(ui('ar').num(1.25, { maximumFractionDigits: 2 }), '١٫٢٥');
  assert.equal(ui('en').num(1234), '1,234');
  assert.equal(ui('ar').date('not a date'), '');
});

test('h() escapes the message and string values, keeps SafeHtml values as markup', () => {
  const link = html`<a href="/outlet/x"><bdi>واس</bdi></a>`;
  assert.equal(ui('ar').h('article.outlet', { outlet: link }).value, 'المصدر: <a href="/outlet/x"><bdi>واس</bdi></a>');
  assert.equal(ui('en').h('article.outlet', { outlet: '<b>x</b>' }).value, 'Outlet: &lt;b&gt;x&lt;/b&gt;');
  assert.equal(ui('en').t('search.titleQuery', { q: '<i>' }), 'Search: <i>', 't() is text: the template escapes it');
});

test('Accept-Language is negotiated with q-values; the cookie names a language or nothing', () => {
  assert.equal(acceptLanguage('en-US,en;q=0.9'), 'en');
  assert.equal(acceptLanguage('ar-SA,ar;q=0.9,en;q=0.8'), 'ar');
  assert.equal(acceptLanguage('fr-FR, en;q=0.5, ar;q=0.4'), 'en');
  assert.equal(acceptLanguage('ar;q=0.1, en;q=0.2'), 'en');
  assert.equal(acceptLanguage('fr, de'), null);
  assert.equal(acceptLanguage('en;q=0'), null);
  assert.equal(acceptLanguage(undefined), null);
  assert.equal(cookieLanguage('a=1; lang=en; b=2'), 'en');
  assert.equal(cookieLanguage('lang=fr'), null);
  assert.equal(cookieLanguage('xlang=en'), null);
});

test('the switch returns only to a path of this site; dir follows a language tag', () => {
  assert.equal(localPath('/article/abc?x=1'), '/article/abc?x=1');
  for (const bad of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '', undefined, ['/'], '/a\r\nSet-Cookie: x=1']) assert.equal(localPath(bad), '/', String(bad));
  assert.equal(dirOf('ar'), 'rtl');
  assert.equal(dirOf('fa-IR'), 'rtl');
  assert.equal(dirOf('en'), 'ltr');
  assert.equal(dirOf(''), null);
  assert.equal(dirOf('??'), null);
});
