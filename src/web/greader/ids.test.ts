import { test } from 'node:test';
import assert from 'node:assert/strict';
import { longItemId, parseItemId, parseStreamId, shortItemId, stateOf } from './ids.ts';

test('item ids: long, signed decimal and hex forms round-trip to the 16-hex article id', () => {
  // Google Reader's documented pair (the decimal is the signed 64-bit reading of the hex).
  assert.equal(shortItemId('5d0cfa30041d4348'), '6705009029382226760');
  assert.equal(parseItemId('6705009029382226760'), '5d0cfa30041d4348');
  // Above 2^63: negative in the signed form; the unsigned decimal is accepted too.
  const hi = 'f00000000000000a';
  assert.equal(shortItemId(hi), (BigInt('0xf00000000000000a') - (1n << 64n)).toString());
  assert.equal(parseItemId(shortItemId(hi)), hi);
  assert.equal(parseItemId(BigInt('0xf00000000000000a').toString()), hi);
  assert.equal(parseItemId(longItemId(hi)), hi);
  assert.equal(parseItemId('tag:google.com,2005:reader/item/00000000000000ff'), '00000000000000ff');
  assert.equal(parseItemId('255'), '00000000000000ff');
  for (const bad of ['', 'tag:google.com,2005:reader/item/xyz', '18446744073709551616', '-9223372036854775809', 'abc']) assert.equal(parseItemId(bad), null, bad);
});

test('stream ids: states for "-" or a user id, feeds by kind, labels with any text', () => {
  assert.deepEqual(parseStreamId('user/-/state/com.google/reading-list'), { type: 'reading-list' });
  assert.deepEqual(parseStreamId('user/1234/state/com.google/starred'), { type: 'starred' });
  assert.deepEqual(parseStreamId('feed/outlet:الرياض'), { type: 'feed', kind: 'outlet', target: 'الرياض' });
  assert.deepEqual(parseStreamId('feed/source:ab12'), { type: 'feed', kind: 'source', target: 'ab12' });
  assert.deepEqual(parseStreamId('user/-/label/وزير الدفاع'), { type: 'label', name: 'وزير الدفاع' });
  assert.equal(parseStreamId('feed/http://example.com/rss'), null);
  assert.equal(parseStreamId('user/-/state/com.google/broadcast'), null);
  assert.equal(stateOf('user/-/state/com.google/kept-unread'), 'kept-unread');
  assert.equal(stateOf('user/-/label/x'), null);
});
