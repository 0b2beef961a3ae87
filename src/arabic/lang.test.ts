import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { detectLang, langScores } from './lang.ts';

// One saudinewsnet day (test/testdata/README.md); the whole corpus is checked by `npm run eval`.
const DAY = new URL('../../test/testdata/saudinewsnet/2015-07-22.zip', import.meta.url);

test('Persian news sentences come out fa, Arabic ones ar', () => {
  // Body sentences of the khabaronline.ir and yjc.ir pages (adbar/htmldate's test set), as literals.
  assert.equal(detectLang('روزنامه جوان نوشت: اصلاح‌طلبان رادیکالی که تا دیروز بر آتش تخریب انتخابات می‌دمیدند و موج‌سواری می‌کردند، از آن موضع عقب نشستند'), 'fa');
  assert.equal(detectLang('او افزود: پس از توقف و بازرسی تکمیلی از موتورسیکلت، موفق به کشف ۱۸ کیلو گرم تریاک شدند.'), 'fa');
  assert.equal(detectLang('أعلنت وزارة الصحة والسكان المصرية، اليوم الثلاثاء، تسجيل 30 حالة جديدة بفيروس كورونا المستجد'), 'ar');
  // Persian with Arabic ي/ك (some Iranian sites) is still Persian: its function words decide.
  assert.equal(detectLang('این گزارش را در سایت می بینید که از سوي وزارت کشور منتشر شده است و باید به آن توجه کرد'), 'fa');
});

test('Urdu and English are told apart from Arabic and Persian', () => {
  assert.equal(detectLang('وزیر اعظم نے کہا ہے کہ حکومت عوام کے مسائل حل کرنے کے لیے ہر ممکن اقدامات کر رہی ہے'), 'ur');
  assert.equal(detectLang('The ministry of health announced thirty new cases of the virus on Tuesday.'), 'en');
});

test('the html lang attribute is only a hint', () => {
  // beirutobserver.com marks its Arabic pages lang="en-US".
  assert.equal(detectLang('نشر موقع Middle East Eye البريطاني، أن خبراً يفيد بقيام لصوص بسرقة أغراض فاخرة', 'en-US'), 'ar');
  assert.equal(detectLang('', 'fa-IR'), 'fa');
  assert.equal(detectLang('12 34', null), 'und');
});

test('a saudinewsnet article with a stray Persian ی or ک is still Arabic; every article of the day is', () => {
  let n = 0;
  let all = 0;
  for (const bytes of Object.values(unzipSync(readFileSync(DAY)))) {
    const arr = JSON.parse(strFromU8(bytes)) as { content: string; title: string }[];
    for (const a of arr) {
      const text = `${a.title}\n${a.content}`;
      if (a.content.trim().length < 200) continue;
      all++;
      assert.equal(detectLang(text), 'ar', `${a.title} ${JSON.stringify(langScores(text))}`);
      if (/[یک]/.test(text)) n++;
    }
  }
  assert.equal(n, 2, 'the day holds two articles with Persian letters');
  assert.equal(all, 1997, 'articles of 200 characters or more');
});
