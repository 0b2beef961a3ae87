import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletName } from './outlets.ts';

test('dataset slugs and domains map to the outlets’ own names; unknown names are kept', () => {
  assert.equal(outletName('aawsat'), 'الشرق الأوسط');
  assert.equal(outletName('WAS'), 'واس');
  assert.equal(outletName('3alyoum'), 'عين اليوم');
  assert.equal(outletName('الأسبوع'), 'الأسبوع');
  assert.equal(outletName(null, 'https://www.youm7.com/story/2020/8/24/x'), 'اليوم السابع');
  assert.equal(outletName(null, 'https://unknown.example/x'), null);
  assert.equal(outletName(null, null), null);
});
