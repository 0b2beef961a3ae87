/**
 * The copy edge (src/stories/stable.ts, `edgeOf`): one report carried by two outlets, one of
 * which cut or expanded it, is a duplicate though its shingles fall below the near-duplicate
 * thresholds; two reports of a series (the first relief plane, the second) open alike but count
 * apart in their headlines (counts.ts), and stay two reports of one story.
 * Articles: src/stories/testdata/copy-pairs.json (SaudiNewsNet, source and licence there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../model/article.ts';
import { shuffled } from '../../bench/rng.ts';
import { countsApart, titleCounts } from './counts.ts';
import { resemblance } from './fingerprint.ts';
import { addArticleStable, edgeOf, entryOf, frozenWeights, MemoryStoryIndex, partition, STABLE_DEFAULTS, type StoryEdge } from './index.ts';
import { storyScore } from './similarity.ts';
import { pairArticles } from './testdata/pairs.ts';

const arts: Article[] = pairArticles('copy-pairs.json');
const [callNames, callRiyadh, f16Short, f16Long, secondPlane, firstPlane, stepsWhole, stepsShort] = arts as [Article, Article, Article, Article, Article, Article, Article, Article];
const w = frozenWeights();
const o = STABLE_DEFAULTS;

test('a copy cut or expanded by one outlet is a duplicate: the same opening, the same headline, the shorter body inside the longer', () => {
  for (const [x, y] of [
    [callNames, callRiyadh],
    [f16Short, f16Long],
  ] as const) {
    const [a, b] = [entryOf(x), entryOf(y)];
    const r = resemblance(a.shingles, b.shingles);
    // Jaccard 0.28 and 0.25; the F-16 copy is contained at 0.85 but fails the template guard (its
    // longer side adds background the shorter lacks).
    assert.ok(r.jaccard < o.jaccard, `${x.title}: Jaccard ${r.jaccard.toFixed(2)}`);
    const e = edgeOf(a, b, o, w);
    assert.equal(e?.kind, 'copy', x.title);
    assert.deepEqual(edgeOf(b, a, o, w), e, 'a function of the pair');
    assert.equal(edgeOf(a, b, { ...o, copyWindowMs: 0 }, w)?.kind, 'story', 'without the rule: the same story, not a copy');
  }
});

test('a shorter copy whose every paragraph is in the whole release is a duplicate, though its opening was cut', () => {
  const [a, b] = [entryOf(stepsWhole), entryOf(stepsShort)];
  const r = resemblance(a.shingles, b.shingles);
  const s = storyScore(a, b, w.idf);
  assert.ok(r.containment >= o.keptContainment && s.lede < o.copyLede, `contained ${r.containment.toFixed(2)}, lede ${s.lede.toFixed(2)}`);
  assert.equal(edgeOf(a, b, o, w)?.kind, 'copy');
  assert.equal(edgeOf(a, b, { ...o, keptContainment: 2 }, w)?.kind, 'story', 'the second form is what makes it a copy');
});

test('a series opening alike is no copy when its headlines count apart: the first plane and the second', () => {
  const [a, b] = [entryOf(secondPlane), entryOf(firstPlane)];
  const s = storyScore(a, b, w.idf);
  assert.ok(s.lede >= o.copyLede && s.title >= o.copyTitle, `as alike as copies (lede ${s.lede.toFixed(2)}, title ${s.title.toFixed(2)})`);
  assert.ok(countsApart(secondPlane.title, firstPlane.title));
  assert.equal(edgeOf(a, b, o, w)?.kind, 'story');
});

test('what a headline counts: ordinals of either gender and clitics, digits of either script', () => {
  assert.deepEqual([...titleCounts('وصول الطائرة الإغاثية الثالثة إلى عدن').ords], ['ثالث']);
  assert.deepEqual([...titleCounts('مصر تتسلم الدفعة الأولى من طائرات «رافال»').ords], ['اول']);
  assert.deepEqual([...titleCounts('ترقية ١٢٥ قاضيا و2,5 مليار').nums], ['125', '2.5']);
  assert.deepEqual([...titleCounts('الثانوية العامة والأولمبياد').ords], [], 'not words that begin like an ordinal');
  assert.ok(!countsApart('مصر تتسلم أول دفعة من طائرات «رافال»', 'مصر تتسلم الدفعة الأولى من طائرات «رافال»'));
  assert.ok(!countsApart('67 مليار ريال سحوبات الصرف الآلي بزيادة 4.5 مليارات في مايو', '67 مليار ريال إجمالي سحوبات الصرف الآلي في مايو'), 'one adds a figure');
  assert.ok(countsApart('«الغذاء والدواء»: منع دخول 1.5 مليون كيلوجرام', '«الغذاء والدواء» ترفض فسح 1.1 مليون كيلو غرام'), 'each writes a figure the other lacks');
  assert.ok(countsApart('وصول ثاني طائرة إغاثة سعودية', 'وصول الطائرة الإغاثية السعودية إلى مطار عدن'), 'one names an ordinal');
});

test('stories: copies under their earliest, the series in one story, in any arrival order', async () => {
  const placed = async (order: readonly Article[]) => {
    const index = new MemoryStoryIndex();
    for (const a of order) await addArticleStable(index, a);
    return new Map(arts.map((a) => [a.id, index.getEntries([a.id])[0]!] as const));
  };
  const want = await placed(arts);
  assert.equal(want.get(callRiyadh.id)!.duplicateOf, callNames.id, 'alweeam published first');
  assert.equal(want.get(f16Long.id)!.duplicateOf, f16Short.id);
  assert.equal(want.get(stepsShort.id)!.duplicateOf, stepsWhole.id);
  assert.equal(want.get(secondPlane.id)!.duplicateOf, null);
  assert.equal(want.get(secondPlane.id)!.storyId, want.get(firstPlane.id)!.storyId);
  const strip = (m: Map<string, { storyId: string; duplicateOf: string | null }>) => [...m].map(([id, e]) => [id, e.storyId, e.duplicateOf]);
  for (const seed of [1, 2]) assert.deepEqual(strip(await placed(shuffled(arts, seed))), strip(want), `order ${seed}`);
});

test('partition: copies are duplicates of their earliest, but two reports still, so a core of copies does not attach by a weak edge', () => {
  const node = (id: string, h: number) => ({ id, time: Date.UTC(2015, 6, 22, h) });
  const edge = (a: string, b: string, kind: StoryEdge['kind'], score: number): StoryEdge => ({ a, b, kind, score });
  // Core c: three reports of a burst (strong edges). Copies x1, x2 of another report, x1 linked
  // weakly to each report of c — enough to draw a lone report (attach.test.ts).
  const nodes = [node('c1', 0), node('c2', 2), node('c3', 4), node('x1', 5), node('x2', 6)];
  const edges = [edge('c1', 'c2', 'story', 0.7), edge('c2', 'c3', 'story', 0.7), edge('x1', 'c1', 'story', 0.45), edge('x1', 'c2', 'story', 0.42), edge('x1', 'c3', 'story', 0.41)];
  const p = partition(nodes, [...edges, edge('x1', 'x2', 'copy', 0.3)], 0.6);
  assert.equal(p.get('x2')!.duplicateOf, 'x1');
  assert.equal(p.get('x1')!.storyId, 's-x1', 'its own story');
  assert.equal(p.get('x2')!.storyId, 's-x1');
  // As a near-duplicate pair they are one report, and that one report attaches.
  const q = partition(nodes, [...edges, edge('x1', 'x2', 'dup', 0.6)], 0.6);
  assert.equal(q.get('x2')!.duplicateOf, 'x1');
  assert.equal(q.get('x1')!.storyId, 's-c1');
});
