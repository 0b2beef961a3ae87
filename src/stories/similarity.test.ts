/**
 * setJaccard counts by scanning for small sides (no Sets: it runs for every scored pair);
 * the answer is the Set-based one, to the bit, on the entity lists of real enriched
 * articles (one SaudiNewsNet day of test/testdata), with repeated ids, and on sides longer
 * than the scan limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDay } from '../../bench/stories/corpus.ts';
import { enrichArticle } from '../pipeline/enrich.ts';
import { setJaccard } from './similarity.ts';

/** The definition: |A ∩ B| / |A ∪ B| over distinct ids. */
function reference(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = new Set(a);
  const sb = new Set(b);
  const n = [...sa].filter((x) => sb.has(x)).length;
  return n / (sa.size + sb.size - n);
}

test('setJaccard equals the set definition on real entity lists', () => {
  const day = loadDay(new URL('../../test/testdata/saudinewsnet/2015-07-22.zip', import.meta.url)).slice(0, 80);
  const lists = day.map((a) => (enrichArticle(a).article.entities ?? []).map((e) => e.id));
  assert.ok(lists.filter((l) => l.length >= 3).length > 20, 'real lists with several entities');
  // Repeated ids, and a side past the scan limit (all of the day's ids).
  const all = [...new Set(lists.flat())];
  assert.ok(all.length > 24);
  lists.push([...lists[0]!, ...lists[0]!], all, all.slice(0, 30).concat(all.slice(0, 5)));
  let shared = 0;
  for (const a of lists)
    for (const b of lists) {
      const want = reference(a, b);
      if (want > 0 && want < 1) shared++;
      assert.equal(setJaccard(a, b), want);
    }
  assert.ok(shared > 50, 'pairs that share some but not all entities');
});
