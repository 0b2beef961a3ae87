/**
 * Related articles over two corpus days (saudinewsnet 2015-07-21 and 2015-07-22, grouped
 * in time order): at most five, never the article itself or its own story, one per story,
 * each sharing vocabulary; at least 40% of a sample get some; the lists kept at ingest
 * (src/stories/relate.ts) hold at least 70% of what a list computed afterwards over both
 * days shows; and the Nazif verdict
 * (aawsat, 07-22) gets the Morsi court story of the day before, not its own copies.
 * `npm test` checks one day (src/stories/related.test.ts).
 */
import { join } from 'node:path';
import { loadDay } from '../bench/stories/corpus.ts';
import type { Article } from '../src/model/article.ts';
import { addArticle, MemoryStoryIndex, relateArrivals, relatedArticles } from '../src/stories/index.ts';
import type { Check } from './report.ts';

const DAYS = ['2015-07-21.zip', '2015-07-22.zip'];

export const related: Check = {
  name: 'related',
  what: 'related articles over two days keep their rules; the Nazif verdict gets the Morsi court story',
  needs: DAYS.map((d) => `saudinewsnet/${d}`),
  async run(corpus, r) {
    const arts = DAYS.flatMap((d) => loadDay(join(corpus, 'saudinewsnet', d))).sort((a, b) => ((a.publishedAt ?? '') < (b.publishedAt ?? '') ? -1 : 1));
    const index = new MemoryStoryIndex();
    const seen = new Map<string, Article>();
    for (const a of arts) {
      if (seen.has(a.id)) continue;
      seen.set(a.id, a);
      await addArticle(index, a);
      await relateArrivals(index.getEntries([a.id]), index);
    }
    r.figure('articles grouped', seen.size);

    const sample = [...seen.keys()].filter((_, i) => i % 40 === 0);
    let withRelated = 0;
    const broken: string[] = [];
    for (const id of sample) {
      const mine = index.getEntries([id])[0]!;
      const ids = await relatedArticles(mine, index);
      if (ids.length > 5) broken.push(`${id}: ${ids.length} related`);
      if (ids.length) withRelated++;
      const vocab = new Set([...mine.titleTerms, ...mine.ledeTerms]);
      const stories = new Set<string>();
      for (const e of index.getEntries(ids)) {
        if (e.id === id) broken.push(`${id}: related to itself`);
        if (e.storyId === mine.storyId) broken.push(`«${e.title}» is in the story of «${mine.title}»`);
        if (stories.has(e.storyId)) broken.push(`${id}: two related articles of one story`);
        stories.add(e.storyId);
        if (![...e.titleTerms, ...e.ledeTerms].some((t) => vocab.has(t))) broken.push(`«${e.title}» shares no words with «${mine.title}»`);
      }
    }
    r.none('related lists breaking a rule', broken);
    // The lists kept at ingest (computed on arrival, then offered to) against lists computed now.
    let agree = 0;
    let total = 0;
    for (const id of sample) {
      const now = await relatedArticles(index.getEntries([id])[0]!, index);
      const kept = new Set((index.relatedLists([id]).get(id)?.items ?? []).slice(0, 5).map((x) => x.id));
      total += now.length;
      agree += now.filter((x) => kept.has(x)).length;
    }
    r.figure('related articles computed now that the kept lists hold', `${agree} of ${total} (${((100 * agree) / Math.max(1, total)).toFixed(0)}%)`);
    r.atLeast('… per cent', Math.round((100 * agree) / Math.max(1, total)), 70);
    r.atLeast(`sampled articles with related ones (of ${sample.length})`, withRelated, Math.ceil(sample.length * 0.4));

    const nazif = index.getEntries(['3fd8920273e06ce3'])[0];
    const [top] = nazif ? index.getEntries(await relatedArticles(nazif, index)) : [];
    r.figure('the Nazif verdict’s first related article', top?.title ?? '(none)');
    r.equal('… is a Morsi court story', top?.title.includes('مرسي') ?? false, true);
  },
};
