/**
 * The bounded memo of spellings (tokens.ts `wordInfo`): it never holds more than its bound
 * however many spellings pass through, a spelling met again keeps its record (and the facts
 * the entity and keyword passes hung on it) while it stays in use, and a record dropped is
 * computed again the same.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cliticCandidates, wordInfo, wordInfoMemo } from './tokens.ts';

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
/** The n-th made-up spelling: و + ال + five letters, so every clitic reading is made. */
const spelling = (n: number): string => {
  let w = '';
  for (let i = 0; i < 5; i++, n = Math.floor(n / LETTERS.length)) w += LETTERS[n % LETTERS.length];
  return 'وال' + w;
};

test('the spelling memo stays within its bound and keeps the spellings in use', () => {
  const { bound } = wordInfoMemo();
  const common = wordInfo('والحكومة');
  const first = wordInfo(spelling(0));
  for (let n = 1; n < 3 * bound; n++) {
    wordInfo(spelling(n));
    if (n % 1000 === 0) assert.equal(wordInfo('والحكومة'), common, `a spelling in use keeps its record (${n})`);
    assert.ok(wordInfoMemo().held <= bound, `held ${wordInfoMemo().held} > ${bound}`);
  }
  const again = wordInfo(spelling(0));
  assert.notEqual(again, first, 'a spelling unused for long is dropped');
  assert.deepEqual(again.cands, first.cands, 'and computed again the same');
  assert.deepEqual(
    cliticCandidates('والحكومة').map((c) => c.key),
    ['والحكومة', 'الحكومة', 'حكومة'],
  );
});
