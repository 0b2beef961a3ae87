import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArabicDate } from './dates.ts';

/** The reference time for relative forms: Thursday 2023-09-21 12:00 UTC. */
const NOW = new Date('2023-09-21T12:00:00Z');

// One row per form: [what the row covers, input, expected ISO instant in UTC].
const FORMS: Array<[string, string, string]> = [
  ['the aggregator page: English ordinal, comma, GMT', '20th, September 2023 GMT', '2023-09-20T00:00:00.000Z'],
  ['Egyptian/Gulf month name (CLDR ar)', '20 سبتمبر 2023', '2023-09-20T00:00:00.000Z'],
  ['Levantine month name (CLDR ar-LB)', '20 أيلول 2023', '2023-09-20T00:00:00.000Z'],
  ['Levantine two-word month', '3 تشرين الأول 2023', '2023-10-03T00:00:00.000Z'],
  ['Levantine two-word month without the article', '3 كانون ثاني 2024', '2024-01-03T00:00:00.000Z'],
  ['Moroccan month name (CLDR ar-MA)', '20 شتنبر 2023', '2023-09-20T00:00:00.000Z'],
  ['Algerian/Tunisian month name (CLDR ar-DZ): جانفي', '1 جانفي 2020', '2020-01-01T00:00:00.000Z'],
  ['Algerian/Tunisian month name (CLDR ar-DZ): أوت', '15 أوت 2021', '2021-08-15T00:00:00.000Z'],
  ['Algerian month with weekday (textdump DZC20)', 'الثلاثاء 19 جوان 2012', '2012-06-19T00:00:00.000Z'],
  ['Mauritanian month name (CLDR ar-MR)', '7 دجمبر 2022', '2022-12-07T00:00:00.000Z'],
  ['Egyptian spelling يونية', '5 يونية 2014', '2014-06-05T00:00:00.000Z'],
  ['hamza variant written without hamza', '1 اكتوبر 2023', '2023-10-01T00:00:00.000Z'],
  ['doubled month name with slash (textdump SAC16)', 'الثلاثاء, 10 أبريل/نيسان 2012 10:17', '2012-04-10T10:17:00.000Z'],
  ['doubled month name in brackets', '20 أيلول (سبتمبر) 2023', '2023-09-20T00:00:00.000Z'],
  ['Arabic-Indic digits, numeric', '٢٠/٠٩/٢٠٢٣', '2023-09-20T00:00:00.000Z'],
  ['Persian digits, numeric', '۲۰/۰۹/۲۰۲۳', '2023-09-20T00:00:00.000Z'],
  ['Arabic-Indic digits with month name', '٢٠ سبتمبر ٢٠٢٣', '2023-09-20T00:00:00.000Z'],
  ['numeric with dashes, day first', '20-9-2023', '2023-09-20T00:00:00.000Z'],
  ['numeric, day first when both are ≤ 12 (textdump IQC1)', '09/05/2012', '2012-05-09T00:00:00.000Z'],
  ['numeric, month first only when the day cannot be first', '09/20/2023', '2023-09-20T00:00:00.000Z'],
  ['numeric year first with dots (textdump DZC10)', '2012.11.04', '2012-11-04T00:00:00.000Z'],
  ['weekday prefix with Arabic comma', 'الأربعاء، 20 سبتمبر 2023', '2023-09-20T00:00:00.000Z'],
  ['weekday prefix with hamza on alef below', 'الإثنين 2 يوليو 2012', '2012-07-02T00:00:00.000Z'],
  ['time with م (pm)', '20 سبتمبر 2023 10:30 م', '2023-09-20T22:30:00.000Z'],
  ['time with ص (am) after a dash', '20 سبتمبر 2023 - 10:30 ص', '2023-09-20T10:30:00.000Z'],
  ['12 ص is midnight', '20 سبتمبر 2023 12:05 ص', '2023-09-20T00:05:00.000Z'],
  ['time with مساءً and Arabic-Indic digits', '٢٠ سبتمبر ٢٠٢٣ ٠٨:١٥ مساءً', '2023-09-20T20:15:00.000Z'],
  ['time before the date', '10:30 م الأربعاء 20 سبتمبر 2023', '2023-09-20T22:30:00.000Z'],
  ['Gregorian era marker م glued to the year', '20 سبتمبر 2023م', '2023-09-20T00:00:00.000Z'],
  ['Mecca time (UTC+3)', '20 سبتمبر 2023 الساعة 10:30 بتوقيت مكة المكرمة', '2023-09-20T07:30:00.000Z'],
  ['Jerusalem time, summer (UTC+3) (textdump PSSC10)', 'الأحد, 01 إبريل, 2012, 09:36 بتوقيت القدس', '2012-04-01T06:36:00.000Z'],
  ['Cairo time, winter (UTC+2)', '15 يناير 2023 10:00 بتوقيت القاهرة', '2023-01-15T08:00:00.000Z'],
  ['Tunis time with العاصمة (textdump TMS1)', 'الجمعة 03 أوت 2012 الساعة 10:12:35 بتوقيت تونس العاصمة', '2012-08-03T09:12:35.000Z'],
  ['Greenwich time in Arabic', '20 سبتمبر 2023 10:30 بتوقيت غرينتش', '2023-09-20T10:30:00.000Z'],
  ['Hijri with هـ', '5 ربيع الأول 1445 هـ', '2023-09-20T00:00:00.000Z'],
  ['Hijri, Ramadan, glued هـ', '1 رمضان 1445هـ', '2024-03-11T00:00:00.000Z'],
  ['Hijri, variant month spelling', '1 ربيع الثاني 1445', '2023-10-16T00:00:00.000Z'],
  ['Hijri, ذي الحجة', '10 ذي الحجة 1444 هـ', '2023-06-28T00:00:00.000Z'],
  ['Hijri numeric, year first', '1445/3/5 هـ', '2023-09-20T00:00:00.000Z'],
  ['Hijri day 30 of a 29-day Umm al-Qura month: the day after the 29th (textdump SDP6)', 'بتاريخ 30-5-1433 هـ', '2012-04-22T00:00:00.000Z'],
  ['Hijri numeric without هـ: a year 1300–1599 is Hijri (textdump SAC6)', '25-07-1433 11:59 AM', '2012-06-15T11:59:00.000Z'],
  ['Hijri numeric, year first, ISO-shaped (textdump SAE16)', '1433-07-22 01:22 PM', '2012-06-12T13:22:00.000Z'],
  ['Hijri with the Gregorian equivalent: Gregorian wins', 'الأربعاء 5 ربيع الأول 1445 هـ الموافق 20 سبتمبر 2023 م', '2023-09-20T00:00:00.000Z'],
  ['relative: منذ ساعتين (dual)', 'منذ ساعتين', '2023-09-21T10:00:00.000Z'],
  ['relative: منذ 3 أيام', 'منذ 3 أيام', '2023-09-18T12:00:00.000Z'],
  ['relative: قبل ٥ دقائق', 'قبل ٥ دقائق', '2023-09-21T11:55:00.000Z'],
  ['relative: منذ ساعة (singular)', 'منذ ساعة', '2023-09-21T11:00:00.000Z'],
  ['relative: منذ ثلاث ساعات (number word)', 'منذ ثلاث ساعات', '2023-09-21T09:00:00.000Z'],
  ['relative: منذ شهرين (calendar months)', 'منذ شهرين', '2023-07-21T12:00:00.000Z'],
  ['relative: أمس', 'أمس', '2023-09-20T00:00:00.000Z'],
  ['relative: أمس with a time', 'أمس 10:30 م', '2023-09-20T22:30:00.000Z'],
  ['relative: أول أمس', 'أول أمس', '2023-09-19T00:00:00.000Z'],
  ['relative: اليوم', 'اليوم', '2023-09-21T00:00:00.000Z'],
  ['relative: الآن', 'الآن', '2023-09-21T12:00:00.000Z'],
  ['relative, English: 2 hours ago', '2 hours ago', '2023-09-21T10:00:00.000Z'],
  ['ISO 8601 with offset', '2023-09-20T10:00:00+03:00', '2023-09-20T07:00:00.000Z'],
  ['ISO 8601 with Z and fraction', '2023-09-20T10:00:00.250Z', '2023-09-20T10:00:00.250Z'],
  ['ISO 8601 date only', '2023-09-20', '2023-09-20T00:00:00.000Z'],
  ['YYYY-MM-DD hh:mm:ss (saudinewsnet date_extracted), UTC', '2015-07-21 02:16:00', '2015-07-21T02:16:00.000Z'],
  ['RFC 822 with GMT', 'Wed, 20 Sep 2023 10:00:00 GMT', '2023-09-20T10:00:00.000Z'],
  ['RFC 822 with numeric offset', 'Wed, 20 Sep 2023 10:00:00 +0300', '2023-09-20T07:00:00.000Z'],
  ['RFC 822 with a named US zone', 'Wed, 20 Sep 2023 10:00:00 EDT', '2023-09-20T14:00:00.000Z'],
  ['GMT with an offset', '20 سبتمبر 2023 10:00 GMT+3', '2023-09-20T07:00:00.000Z'],
  ['English month first', 'September 20, 2023', '2023-09-20T00:00:00.000Z'],
  ['English through chrono-node (whole-string read)', 'Wednesday, September 20th 2023 at 3pm', '2023-09-20T15:00:00.000Z'],
  ['label in front (textdump AEP1)', 'التاريخ: 18 يوليو 2012', '2012-07-18T00:00:00.000Z'],
  ['label in front, colon glued to the date (textdump BHC10)', 'تاريخ النشر :26 مايو 2012', '2012-05-26T00:00:00.000Z'],
];

const BAD: Array<[string, string]> = [
  ['garbage', 'garbage'],
  ['Arabic words, no date', 'وزير الدفاع الروسي'],
  ['empty', ''],
  ['year 99999', '20 سبتمبر 99999'],
  ['year 99999 numeric', '20/09/99999'],
  ['31 February', '31 فبراير 2023'],
  ['31 February numeric', '31/02/2023'],
  ['29 February in a common year', '2023-02-29'],
  ['hour 25', '20 سبتمبر 2023 25:00'],
  ['13 م is not a 12-hour time', '20 سبتمبر 2023 13:00 م'],
  ['month 13', '2023-13-01'],
  ['31 Ramadan (no Hijri month has 31 days)', '31 رمضان 1444 هـ'],
  ['Hijri month 13', '1445/13/1 هـ'],
  ['month and year without a day', 'سبتمبر 2023'],
  ['a date with words left over', '20 سبتمبر 2023 في القاهرة'],
  ['offset beyond ±14 h', '2023-09-20T10:00:00+23:00'],
  ['unknown relative unit', 'منذ 3 كيلومترات'],
  ['over-long input', '20 سبتمبر 2023 '.repeat(50)],
];

void test('every written form parses to the expected UTC instant', () => {
  for (const [what, input, expected] of FORMS) {
    assert.equal(parseArabicDate(input, { now: NOW })?.toISOString() ?? null, expected, `${what}: ${input}`);
  }
});

void test('bad input gives null, never a throw', () => {
  for (const [what, input] of BAD) assert.equal(parseArabicDate(input, { now: NOW }), null, what);
});

void test('relative forms follow the given reference time', () => {
  const now = new Date('2024-01-01T00:30:00Z');
  assert.equal(parseArabicDate('منذ ساعتين', { now })?.toISOString(), '2023-12-31T22:30:00.000Z');
  assert.equal(parseArabicDate('أمس', { now })?.toISOString(), '2023-12-31T00:00:00.000Z');
});

void test('the result does not depend on the process time zone (chrono-node is given UTC)', () => {
  // chrono parses in the host zone unless told otherwise; the rows above ran in whatever
  // TZ the test runner has, and the offsets below are absolute.
  const d = parseArabicDate('Wednesday, September 20th 2023 at 3pm', { now: NOW });
  assert.equal(d?.getTime(), Date.UTC(2023, 8, 20, 15));
});
