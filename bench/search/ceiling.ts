/**
 * The best MRR@10 any ranking can reach on a set of as-written known-item queries: the
 * Bayes-optimal ranker that knows the query recipe (queries.ts) ranks headlines by the
 * chance that they produced the query, and is scored on the same queries.
 *
 * Why: many queries are two common words (`تنفيذ حكم`, `الطاقة الشمسية`) that dozens of
 * headlines hold in that order; nothing in the query says which one was drawn, so even a
 * perfect ranker loses there. This bounds what ranking work can still gain.
 *
 * Model (the recipe): an article with text is drawn uniformly; of its W headline content
 * words, 3 consecutive ones with chance ½ when W ≥ 3, else 2, from a uniformly drawn
 * start: P(q | article) = P(length) × (runs equal to q) / (W − length + 1). Copies (same
 * folded headline) form one result, their chances summed: results are ranked by that sum,
 * ties averaged over their orders. Scored like the benchmark: reciprocal rank within 10.
 */
import { isStopword, tokenize } from '../../src/arabic/index.ts';
import { foldTitle, type BenchArticle, type KnownItem } from './queries.ts';

interface Headline {
  fold: string;
  words: string[];
}

/** Headline content words exactly as knownItems picks them. */
function headlines(articles: BenchArticle[]): Headline[] {
  return articles
    .filter((a) => a.text.trim() !== '')
    .map((a) => ({
      fold: foldTitle(a.title),
      words: tokenize(a.title)
        .filter((t) => !isStopword(t.norm) && t.norm.length > 1)
        .map((t) => t.surface),
    }))
    .filter((h) => h.words.length >= 2);
}

/** Mean reciprocal rank (within 10) of the Bayes-optimal ranking of the `written` queries. */
export function writtenCeiling(articles: BenchArticle[], items: KnownItem[]): number {
  const hs = headlines(articles);
  // Where each word starts a run: word → [headline, position].
  const at = new Map<string, Array<[number, number]>>();
  hs.forEach((h, i) =>
    h.words.forEach((w, p) => {
      const l = at.get(w);
      if (l) l.push([i, p]);
      else at.set(w, [[i, p]]);
    }),
  );
  let sum = 0;
  for (const it of items) {
    const q = it.written.split(' ');
    const mass = new Map<string, number>();
    for (const [i, p] of at.get(q[0]!) ?? []) {
      const h = hs[i]!;
      if (p + q.length > h.words.length || !q.every((w, j) => h.words[p + j] === w)) continue;
      const W = h.words.length;
      const pLen = W >= 3 ? 0.5 : 1;
      mass.set(h.fold, (mass.get(h.fold) ?? 0) + pLen / (W - q.length + 1));
    }
    const mine = mass.get(foldTitle(it.title)) ?? 0;
    if (mine === 0) continue;
    let above = 0;
    let tied = 0;
    for (const m of mass.values()) {
      if (m > mine * (1 + 1e-9)) above++;
      else if (m >= mine * (1 - 1e-9)) tied++;
    }
    let rr = 0;
    for (let k = above + 1; k <= Math.min(10, above + tied); k++) rr += 1 / k;
    sum += rr / tied;
  }
  return sum / items.length;
}
