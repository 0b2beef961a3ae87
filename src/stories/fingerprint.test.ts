import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../arabic/index.ts';
import { bandKeys, DEFAULT_PARAMS, exactHash, fingerprint, foldRuns, minhash, resemblance, shingleSet } from './fingerprint.ts';

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

/** The shingle hash as first written: FNV-1a over the joined shingle, then fmix32. */
function referenceShingles(terms: readonly string[], k: number): number[] {
  const fmix = (x: number): number => {
    let h = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const n = terms.length === 0 ? 0 : Math.max(1, terms.length - k + 1);
  const hs = new Set<number>();
  for (let i = 0; i < n; i++) {
    const s = terms.slice(i, i + k).join(' ');
    let h = 0x811c9dc5;
    for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    hs.add(fmix(h));
  }
  return [...hs].sort((a, b) => a - b);
}

test('shingle hashes are those of the joined shingles (no string made), for short and long term lists', () => {
  const terms = analyze(LEDE + ' ' + ONE_WORD);
  for (const t of [[], ['واحد'], ['واحد', 'اثنان'], terms.slice(0, 3), terms]) for (const k of [1, 3, 5]) assert.deepEqual([...shingleSet(t, k)], referenceShingles(t, k));
});

test('minhash keeps the unsigned minimum of each seed, also for hashes at and past 2³¹', () => {
  const fmix = (x: number): number => {
    let h = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const shingles = new Uint32Array([0, 1, 0x7fffffff, 0x80000000, 0xffffffff, ...shingleSet(analyze(LEDE), 3)]);
  for (const set of [shingles, shingles.subarray(4, 5), new Uint32Array(0)]) {
    const want = Array.from({ length: 96 }, (_, i) => {
      const seed = fmix((i + 1) * 0x9e3779b9);
      let m = 0xffffffff;
      for (const x of set) m = Math.min(m, fmix(x ^ seed));
      return m;
    });
    assert.deepEqual([...minhash(set, 96)], want);
  }
});

test('foldRuns is the regex fold: runs of non-letters/digits to one space, trimmed; astral letters and lone surrogates as the regex reads them', () => {
  const regex = (s: string): string => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  for (const s of [LEDE, ' ،.؟!… ', '', '«قال» - 3.5%', 'x\u00a0y\u2003z', 'كلمة 𝐀𝐁 😀 بعد', 'a\ud800b', '\udc00', '٣٫٥ ²³ ⅷ ١٢']) assert.equal(foldRuns(s), regex(s), s);
  let all = '';
  for (let c = 0; c < 0xd800; c++) all += String.fromCharCode(c) + (c % 7 === 0 ? ' ' : '');
  for (let c = 0xe000; c < 0x10000; c++) all += String.fromCharCode(c);
  assert.equal(foldRuns(all), regex(all));
});
