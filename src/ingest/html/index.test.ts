import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateHtml, extractFile } from './eval.ts';
import { GOLDEN_PAGES, goldenOf } from './testdata/golden.ts';
import { parseDocument } from '../index.ts';

const root = fileURLToPath(new URL('../../../../shared/corpus/html/', import.meta.url));
const page = (rel: string): string => `${root}${rel}`;
const result = evaluateHtml(root);

test('publication date of all 8 gold pages, as the page wrote it', () => {
  for (const d of result.dates) assert.equal(d.local, d.gold, d.file);
  assert.equal(result.dateHits, 8);
});

test('publishedAt is the UTC instant: 02:00 in Riyadh is the evening before in UTC', () => {
  assert.equal(extractFile(page('htmldate_mediacloud2020/1784190729.html')).article?.publishedAt, '2020-11-30T23:00:00.000Z');
  assert.equal(extractFile(page('htmldate_mediacloud2020/1623715966.html')).article?.publishedAt, '2020-06-02T23:01:00.000Z');
  // yjc.ir's meta tag holds a Jalali date (۱۳۹۹/۰۲/۲۱); the JSON-LD one is used instead.
  assert.equal(extractFile(page('htmldate_mediacloud2020/1602557452.html')).article?.publishedAt, '2020-05-10T14:29:01.000Z');
});

test('the two Persian pages are fa, the six Arabic ones ar (beirutobserver says lang="en-US")', () => {
  const langs = Object.fromEntries(result.dates.map((d) => [d.file, d.lang]));
  assert.equal(langs['1523806243.html'], 'fa');
  assert.equal(langs['1602557452.html'], 'fa');
  for (const f of ['1691196862', '1784190729', '1623715966', '1588107198', '1550981615', '1764731404']) assert.equal(langs[`${f}.html`], 'ar', f);
});

test('CNN Arabic body text matches the gold text (token F1 >= 0.9)', () => {
  assert.ok(result.cnnF1 >= 0.9, `F1 ${result.cnnF1}`);
  const a = extractFile(page('newspaper4k/arabic_article.html')).article!;
  assert.equal(a.title, 'معارضون يسيطرون على مخازن للصواريخ بريف دمشق');
  assert.equal(a.url, 'http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html');
  assert.ok(a.text.startsWith('دمشق، سوريا (CNN)'), 'headline and date line are not body text');
  assert.ok(!a.text.includes('ترحب شبكة CNN بالنقاش'), 'comment policy is not body text');
});

test('Assabah: every must-contain phrase in, every boilerplate phrase out; title without the site suffix', () => {
  for (const [p, ok] of Object.entries(result.assabah.with)) assert.ok(ok, `missing «${p}»`);
  for (const [p, ok] of Object.entries(result.assabah.without)) assert.ok(ok, `boilerplate «${p}» in text`);
  const a = extractFile(page('trafilatura/assabah.com.tn.article.html')).article!;
  assert.equal(a.title, 'الناشط الحقوقي السوداني خالد عبد الكريم ماسا لـ«الصباح»: كل الشروط متوفرة لثورة سودانية ولا حاجة لنستورد شيئا');
  assert.ok(!a.text.startsWith('الناشط الحقوقي'), 'the repeated headline is not body text');
});

test('related-links blocks become readAlso with absolute URLs, never body text', () => {
  const cases: [string, number][] = [
    ['htmldate_mediacloud2020/1588107198.html', 10], // «مواضيع ذات علاقة»
    ['htmldate_mediacloud2020/1784190729.html', 6], // «مواضيع ذات علاقة» with dates in the items
    ['htmldate_mediacloud2020/1602557452.html', 4], // Persian «مطالب مرتبط»
  ];
  for (const [rel, n] of cases) {
    const a = extractFile(page(rel)).article!;
    assert.equal(a.readAlso.length, n, rel);
    for (const r of a.readAlso) {
      assert.match(r.url ?? '', /^https?:\/\/[^/]+\//, r.title);
      assert.ok(!a.text.includes(r.title), `readAlso title in text: ${r.title}`);
      assert.ok(!/\.\.\.$|…$/.test(r.title), r.title);
    }
  }
  const first = extractFile(page('htmldate_mediacloud2020/1588107198.html')).article!.readAlso[0];
  assert.deepEqual(first, { title: 'بدء تخفيف قيود الحركة في الإمارات', url: 'https://www.almadenahnews.com/article/825079-%D8%A8%D8%AF%D8%A1-%D8%AA%D8%AE%D9%81%D9%8A%D9%81-%D9%82%D9%8A%D9%88%D8%AF-%D8%A7%D9%84%D8%AD%D8%B1%D9%83%D8%A9-%D9%81%D9%8A-%D8%A7%D9%84%D8%A5%D9%85%D8%A7%D8%B1%D8%A7%D8%AA' });
});

test('text: paragraphs separated by exactly one blank line, no leftover whitespace runs', () => {
  for (const rel of Object.values(GOLDEN_PAGES)) {
    const t = extractFile(page(rel)).article!.text;
    assert.ok(!/\n{3,}/.test(t), rel);
    assert.ok(!/[ \t\u00a0]{2,}/.test(t), rel);
    for (const p of t.split('\n\n')) assert.equal(p, p.trim(), rel);
    assert.ok(!/(?<!\n)\n(?!\n)/.test(t), `single newline in ${rel}`);
  }
});

test('golden files (regenerate: npx tsx src/ingest/html/testdata/regen.ts)', () => {
  for (const [slug, rel] of Object.entries(GOLDEN_PAGES)) {
    const want = JSON.parse(readFileSync(new URL(`./testdata/${slug}.expected.json`, import.meta.url), 'utf8')) as unknown;
    assert.deepEqual(goldenOf(page(rel)), want, slug);
  }
});

test('format detection routes a saved page to this parser', async () => {
  const path = page('htmldate_mediacloud2020/1691196862.html');
  const r = await parseDocument({ name: path, bytes: readFileSync(path) });
  assert.equal(r.errors.length, 0);
  assert.equal(r.articles[0]?.outlet, 'اليوم السابع');
  assert.equal(r.articles[0]?.title, 'وزير الرى يشهد توقيع عقد دراسة تحديد السحب الآمن للخزانات الجوفية مع جامعة القاهرة');
});
