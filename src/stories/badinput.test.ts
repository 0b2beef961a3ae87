import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.ts';
import { addArticle, entryOf, MemoryStoryIndex, relatedArticles } from './index.ts';

const at = '2015-07-22T10:00:00Z';
const art = (title: string, text: string, url: string) => makeArticle({ title, text, url, publishedAt: at, outlet: 'x' });

test('empty, one-word, all-digit and all-Latin articles: no crash, no duplicates, own story, nothing related', async () => {
  const idx = new MemoryStoryIndex();
  const cases = [
    art('', '', 'https://a.invalid/1'),
    art('', '', 'https://a.invalid/2'),
    art('عاجل', 'عاجل', 'https://a.invalid/3'),
    art('عاجل', 'عاجل', 'https://a.invalid/4'),
    art('2015 123', '123 456 789 1000 2015 3 4 5 6 7 8 9 10', 'https://a.invalid/5'),
    art('123 2015', '123 456 789 1000 2015 3 4 5 6 7 8 9 10', 'https://a.invalid/6'),
    art('Breaking news', 'The minister said on Monday that the talks would resume next week in Geneva.', 'https://a.invalid/7'),
  ];
  const results = [];
  for (const a of cases) results.push(await addArticle(idx, a));
  // Empty and one-word bodies are nobody's duplicate; neither are they merged on a headline.
  for (const r of results.slice(0, 4)) {
    assert.equal(r.via, 'new');
    assert.equal(r.duplicateOf, null);
  }
  assert.equal(entryOf(cases[0]!).bands.length, 0);
  assert.equal(entryOf(cases[0]!).exact, null);
  // The same thirteen numbers twice are the same text: an exact copy, which is right.
  assert.equal(results[5]!.via, 'exact');
  assert.equal(results[6]!.via, 'new');
  assert.deepEqual(await relatedArticles(cases[0]!, idx), []);
  assert.ok((await relatedArticles(cases[2]!, idx)).length <= 5);
});

test('a 1 MB article is analyzed on its first 100 kB only, and placed', async () => {
  const para = 'أعلنت وزارة الداخلية اليوم القبض على خلية إرهابية في العاصمة وضبط أسلحة ومتفجرات. ';
  // A word that only the tail past MAX_ANALYZED_CHARS holds: it must not be analyzed (its cost is
  // bench/stories' to measure, not a wall clock's here).
  const big = art('خبر طويل جدا', `${para.repeat(Math.ceil(1_000_000 / para.length))} زلزال`, 'https://a.invalid/big');
  assert.ok(big.text.length >= 1_000_000);
  const e = entryOf(big);
  assert.ok(!e.terms.some((t) => t.startsWith('زلزال')), 'the tail past 100 kB was analyzed');
  assert.ok(entryOf(art('x', 'وقع زلزال قوي في المنطقة اليوم وأعلنت الوزارة', 'https://a.invalid/q')).terms.some((t) => t.startsWith('زلزال')), 'the word is a term where it is analyzed');
  const idx = new MemoryStoryIndex();
  const r = await addArticle(idx, big);
  assert.equal(r.via, 'new');
  const copy = art('خبر طويل جدا', `${big.text} إضافة`, 'https://a.invalid/big2');
  assert.equal((await addArticle(idx, copy)).duplicateOf, big.id);
});

test('missing or bad dates fall back to the arrival time', async () => {
  const idx = new MemoryStoryIndex();
  const a = makeArticle({ title: 'بلا تاريخ', text: 'نص قصير بلا تاريخ نشر معروف', url: 'https://a.invalid/nodate', publishedAt: 'not a date' });
  const e = entryOf(a, { now: 1_000 });
  assert.equal(e.time, 1_000);
  const r = await addArticle(idx, a, { now: 1_000 });
  assert.equal(idx.getStory(r.storyId)!.firstSeen, new Date(1_000).toISOString());
});
