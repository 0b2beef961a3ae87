/**
 * Row hashes computed away from the store (a pooled import's worker threads) and attached
 * to an article (`attachRowHashes`) give the upsert the plan it computes itself — on real
 * articles of the SaudiNewsNet test day, new and over a stored copy with an earlier date
 * (whose date wins, so the source hash is not the attached one) — and a copy of the article
 * with a changed field is not planned with the attached hashes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDay } from '../../bench/stories/corpus.ts';
import type { Article } from '../model/article.ts';
import { articleCanon, attachRowHashes, planUpsert, rowHashes, type Existing } from './rows.ts';

const day = loadDay(new URL('../../test/testdata/saudinewsnet/2015-07-22.zip', import.meta.url)).slice(0, 60);
const title = () => ({ terms: 't', norms: 'n' });
const NOW = '2026-01-01T00:00:00.000Z';

/** A structured clone, as an article comes back from a worker thread. */
const cloned = (a: Article): Article => structuredClone(a);

test('attached row hashes plan the same upsert as hashing in place', () => {
  let earlier = 0;
  for (const a of day) {
    const b = cloned(a);
    attachRowHashes(b, structuredClone(rowHashes(a)));
    assert.deepEqual(planUpsert(b, undefined, title, NOW), planUpsert(a, undefined, title, NOW));
    assert.equal(articleCanon(b), articleCanon(a));
    // Over a stored copy: the same words, an earlier stored date (it wins), another source hash.
    const first = planUpsert(a, undefined, title, NOW);
    assert.ok(!first.unchanged);
    const old = { ...first.row, seq: 1, source_hash: 'x', published_at: '2015-01-01T00:00:00.000Z' } as unknown as Existing;
    if (a.publishedAt) earlier++;
    assert.deepEqual(planUpsert(b, old, title, NOW), planUpsert(a, old, title, NOW));
  }
  assert.ok(earlier > 30, 'articles with a date of their own');
});

test('a changed field is not planned with the attached hashes', () => {
  const a = day[0]!;
  const b = cloned(a);
  attachRowHashes(b, rowHashes(a));
  for (const change of [{ text: a.text + ' تحديث' }, { title: 'عنوان آخر' }, { url: 'https://example.com/other' }, { outlet: 'أخرى' }] as Array<Partial<Article>>) {
    const c = Object.assign(b, change);
    const want = planUpsert({ ...c }, undefined, title, NOW);
    assert.deepEqual(planUpsert(c, undefined, title, NOW), want);
    Object.assign(b, a);
  }
});
