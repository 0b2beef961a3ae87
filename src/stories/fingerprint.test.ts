import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../arabic/index.ts';
import { bandKeys, DEFAULT_PARAMS, exactHash, fingerprint, minhash, resemblance, shingleSet } from './fingerprint.ts';

// A real lede (alweeam and aleqtisadiya, 2015-08-06) and the same lede with one word changed.
const LEDE =
  'أطلق البريد الممتاز بالتعاون مع قيادة القوات المسلحة خدمة الشحن المجاني للمرابطين بالحد الجنوبي. وأوضح مدير إدارة التسويق بالبريد الممتاز حسن الشهري كيفية الاستفادة من القسائم المجانية من قبل المرابطين وأسرهم';
const ONE_WORD = LEDE.replace('كيفية', 'طريقة');

test('exact key folds punctuation, whitespace and spelling variants; empty text has none', () => {
  assert.equal(exactHash('قال الوزير: «إن الأمن مستقر».'), exactHash('قال   الوزير إن الامن مستقر'));
  assert.notEqual(exactHash('قال الوزير إن الأمن مستقر'), exactHash('قال الوزير إن الأمن غير مستقر'));
  assert.equal(exactHash(''), null);
  assert.equal(exactHash(' ،.؟!… '), null);
});

test('one changed word keeps a short lede far above the 0.5 threshold on 3-word shingles, not on 5', () => {
  const a = analyze(LEDE);
  const b = analyze(ONE_WORD);
  const j3 = resemblance(shingleSet(a, 3), shingleSet(b, 3)).jaccard;
  const j5 = resemblance(shingleSet(a, 5), shingleSet(b, 5)).jaccard;
  assert.ok(j3 >= 0.7, `3-shingle Jaccard ${j3}`);
  assert.ok(j5 < j3, `5-shingle Jaccard ${j5} should fall below ${j3}`);
  // The LSH keys of the two versions meet in at least one band.
  const fa = fingerprint(LEDE, a);
  const fb = fingerprint(ONE_WORD, b);
  assert.ok(fa.bands.some((k) => fb.bands.includes(k)));
  assert.equal(fa.bands.length, DEFAULT_PARAMS.bands);
});

test('containment is 1 when a paragraph is dropped, though Jaccard falls', () => {
  const full = analyze(`${LEDE}. ${LEDE.split(' ').reverse().join(' ')}`);
  const part = analyze(LEDE);
  const r = resemblance(shingleSet(full, 3), shingleSet(part, 3));
  assert.equal(r.containment, 1);
  assert.ok(r.jaccard < 0.6);
});

test('MinHash agreement estimates the Jaccard of the shingle sets', () => {
  const a = shingleSet(analyze(LEDE), 3);
  const b = shingleSet(analyze(ONE_WORD), 3);
  const sa = minhash(a, 256);
  const sb = minhash(b, 256);
  let same = 0;
  for (let i = 0; i < 256; i++) if (sa[i] === sb[i]) same++;
  assert.ok(Math.abs(same / 256 - resemblance(a, b).jaccard) < 0.12);
});

test('fingerprints are deterministic; no terms give no shingles and no bands', () => {
  const t = analyze(LEDE);
  assert.deepEqual(fingerprint(LEDE, t), fingerprint(LEDE, t));
  assert.deepEqual(bandKeys(minhash(shingleSet(t, 3), 96), 32, 3), fingerprint(LEDE, t).bands);
  const empty = fingerprint('', []);
  assert.equal(empty.shingles.length, 0);
  assert.deepEqual(empty.bands, []);
  assert.equal(shingleSet(['واحد'], 3).length, 1);
});
