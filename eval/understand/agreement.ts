/**
 * Agreement between two annotators of one set: eval/understand/second/<set>.jsonl (a second
 * annotation, made blind to the first with the same brief, GUIDELINES.md) scored against
 * annotations/<set>.jsonl with the rules Marsad is scored by (score.ts), each way. It tells how
 * far the targets sit from what two careful readers agree on.
 * Run: node --import tsx eval/understand/agreement.ts [--set d]
 */
import { readFileSync } from 'node:fs';
import { devSet, loadArticles } from '../understand.ts';
import { shippedTermStats } from '../../src/enrich/index.ts';
import { articleWords, emptyTally, figures, scoreArticle, type GoldArticle } from './score.ts';

const args = process.argv.slice(2);
const { name, gold } = devSet(args);
const second = new Map(
  readFileSync(new URL(`./second/${name}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldArticle)
    .map((g) => [g.id, g]),
);
const articles = loadArticles();
const stats = shippedTermStats();
const asFound = (g: GoldArticle) => ({
  countries: g.countries.map((c) => c.code.toUpperCase()),
  people: g.people.map((p) => ({ name: p.name, aliases: p.mentions ?? [] })),
  orgs: g.orgs.map((o) => ({ name: o.name, aliases: o.mentions ?? [] })),
  keywords: g.keywords,
});
const first = new Map(gold.map((g) => [g.id, g]));
const ids = gold.map((g) => g.id).filter((id) => second.has(id));
for (const [label, ref, other] of [
  ['second read against the first', first, second],
  ['first read against the second', second, first],
] as const) {
  const t = emptyTally();
  for (const id of ids) {
    const a = articles.get(id)!;
    scoreArticle(t, ref.get(id)!, asFound(other.get(id)!), { words: articleWords(a.title, a.content), stats, entityNames: new Set() });
  }
  const f = figures(t);
  console.log(`set ${name}, ${ids.length} articles, ${label}: countries F1 ${f.countriesF1} (P ${f.countriesP} R ${f.countriesR}), people P ${f.peopleP} R ${f.peopleR}, orgs P ${f.orgsP} R ${f.orgsR}, keyword overlap ${f.keywordOverlap} (whole ${f.keywordOverlapWhole})`);
}
