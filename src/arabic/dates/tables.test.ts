import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CLDR_GREGORIAN_MONTHS, CLDR_HIJRI_MONTHS, CLDR_WEEKDAYS, GREGORIAN_MONTHS, HIJRI_MONTHS } from './tables.ts';
import { normalize } from '../normalize.ts';

// The CLDR 47 files the tables come from, byte for byte (testdata/cldr/README.md).
const CLDR = new URL('./testdata/cldr/', import.meta.url);

type Calendar = { months: { format: { wide: Record<string, string> } }; days?: { format: { wide: Record<string, string> } } };

function calendar(file: string, locale: string, name: string): Calendar {
  const json = JSON.parse(readFileSync(new URL(file, CLDR), 'utf8')) as {
    main: Record<string, { dates: { calendars: Record<string, Calendar> } }>;
  };
  return json.main[locale]!.dates.calendars[name]!;
}

void test('the shipped Gregorian month tables equal CLDR 47 for every region', () => {
  for (const [locale, months] of Object.entries(CLDR_GREGORIAN_MONTHS)) {
    const cal = calendar(`cldr-dates-full/main/${locale}/ca-gregorian.json`, locale, 'gregorian');
    assert.deepEqual(months, Object.values(cal.months.format.wide), locale);
    if (locale === 'ar') assert.deepEqual(CLDR_WEEKDAYS, Object.values(cal.days!.format.wide));
  }
});

void test('the shipped Hijri month table equals CLDR 47 (islamic-umalqura)', () => {
  const cal = calendar('cldr-cal-islamic-full/main/ar/ca-islamic-umalqura.json', 'ar', 'islamic-umalqura');
  assert.deepEqual(CLDR_HIJRI_MONTHS, Object.values(cal.months.format.wide));
});

void test('no month name maps to two months, and Gregorian and Hijri names do not overlap', () => {
  for (const [locale, months] of Object.entries(CLDR_GREGORIAN_MONTHS)) {
    months.forEach((m, i) => assert.equal(GREGORIAN_MONTHS.get(normalize(m)), i + 1, `${locale} ${m}`));
  }
  for (const name of HIJRI_MONTHS.keys()) assert.ok(!GREGORIAN_MONTHS.has(name), name);
});
