/**
 * `npm run eval -- --only understand`: countries, people, organisations and keywords against
 * the labelled sets in eval/understand/ (700 SaudiNewsNet articles, annotated blind by eight
 * annotators: a.jsonl = u001–u110, c.jsonl = c001–c080, d.jsonl = d001–d080, e.jsonl = e001–e080, f.jsonl = f001–f080,
 * g.jsonl = g001–g080 and h.jsonl = h001–h080, development sets; b.jsonl =
 * u111–u220, the test set).
 * Reads only files inside the repository. Prints the figures of each set against the
 * issue's targets (countries F1 ≥ 0.98; people P ≥ 0.90, R ≥ 0.75; keyword overlap ≥ 70 %;
 * weak keywords ≤ 10 %), met or not; the check fails when the test set falls below its
 * floor (FLOORS in score.ts: what it reached when the people finder landed, less a margin).
 * The test set is only ever reported in aggregate (per-article differences of the
 * development set: eval/understand/diff.ts). Scoring rules: eval/understand/score.ts. Where a
 * reader judged Marsad's keywords (eval/understand/judged/), the share they found weak is
 * printed beside the automatic rules' (judged.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeEntities, extractKeywords, shippedTermStats } from '../src/enrich/index.ts';
import type { Check, Report } from './report.ts';
import { emptyJudged, loadJudgments, tallyJudged, type JudgedTally, type Judgments } from './understand/judged.ts';
import { articleWords, emptyTally, figures, FLOORS, fold, scoreArticle, TARGETS, type ArticleScore, type Found, type GoldArticle, type Tally } from './understand/score.ts';

const DIR = fileURLToPath(new URL('./understand/', import.meta.url));

export interface LabelledArticle {
  id: string;
  source: string;
  title: string;
  content: string;
}

/** Every labelled article: articles.jsonl (u…, sets a and b), articles-c.jsonl (c…), articles-d.jsonl (d…), articles-e.jsonl (e…), articles-f.jsonl (f…), articles-g.jsonl (g…), articles-h.jsonl (h…). */
export function loadArticles(): Map<string, LabelledArticle> {
  const files = readdirSync(DIR).filter((f) => /^articles.*\.jsonl$/.test(f)).sort();
  const lines = files.flatMap((f) => readFileSync(DIR + f, 'utf8').split('\n').filter(Boolean));
  return new Map(lines.map((l) => JSON.parse(l) as LabelledArticle).map((a) => [a.id, a]));
}

/** The development set a per-article tool reads: `--set c` picks c.jsonl (default a; c, d, e, f, g, h); never the test set b. */
export function devSet(args: string[]): { name: string; gold: GoldArticle[] } {
  const at = args.indexOf('--set');
  const name = at >= 0 ? args.splice(at, 2)[1] ?? '' : 'a';
  if (name === 'b') throw new Error('the test set b is only ever reported in aggregate (npm run eval -- --only understand)');
  const gold = loadAnnotations().get(name);
  if (!gold) throw new Error(`no annotation file eval/understand/annotations/${name}.jsonl`);
  return { name, gold };
}

/** The annotation files present: name → gold lines. */
export function loadAnnotations(): Map<string, GoldArticle[]> {
  const dir = `${DIR}annotations/`;
  const out = new Map<string, GoldArticle[]>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(dir + f, 'utf8').split('\n').filter((l) => l.trim());
    out.set(f.replace(/\.jsonl$/, ''), lines.map((l) => JSON.parse(l) as GoldArticle));
  }
  return out;
}

/** What Marsad finds in one article, in the shape the scorer compares. */
export function marsadFinds(a: LabelledArticle): Found & { entityNames: Set<string> } {
  const doc = { title: a.title, text: a.content };
  const ents = analyzeEntities(doc);
  const keywords = extractKeywords(doc, shippedTermStats(), { entities: ents });
  const withAliases = (e: (typeof ents)[number]): { name: string; aliases: string[] } => ({ name: e.name, aliases: e.surfaces });
  return {
    countries: ents.filter((e) => e.type === 'country').map((e) => e.id.slice('country:'.length)),
    people: ents.filter((e) => e.type === 'person').map(withAliases),
    orgs: ents.filter((e) => e.type === 'org' || e.type === 'agency').map(withAliases),
    keywords,
    entityNames: new Set(ents.flatMap((e) => [e.name, ...e.surfaces]).map(fold)),
  };
}

export function scoreSet(gold: GoldArticle[], articles: Map<string, LabelledArticle>, each?: (id: string, s: ArticleScore) => void, judged?: { tally: JudgedTally; by: Judgments }): Tally {
  const t = emptyTally();
  const stats = shippedTermStats();
  for (const g of gold) {
    const a = articles.get(g.id);
    if (!a) continue;
    const found = marsadFinds(a);
    const s = scoreArticle(t, g, found, { words: articleWords(a.title, a.content), stats, entityNames: found.entityNames });
    if (judged) tallyJudged(judged.tally, judged.by, g.id, found.keywords);
    each?.(g.id, s);
  }
  return t;
}

function report(r: Report, label: string, t: Tally, enforce: boolean, judged?: JudgedTally): void {
  const f = figures(t);
  r.figure(`${label}: articles`, t.articles);
  r.figure(`${label}: gold countries / people / orgs / keywords`, [t.country.tp + t.country.fn, t.people.gold, t.orgs.gold, t.keywords.gold].join(' / '));
  for (const [k, v] of Object.entries(f) as Array<[keyof typeof f, number]>) {
    const target = TARGETS[k];
    if (!target) {
      r.figure(`${label}: ${k}`, v);
      continue;
    }
    const ok = target[0] === 'min' ? v >= target[1] : v <= target[1];
    r.lines.push(`${label}: ${k}: ${v} (target ${target[0] === 'min' ? '≥' : '≤'} ${target[1]}) ${ok ? 'met' : 'not met'}`);
    const floor = FLOORS[k];
    if (enforce && floor && !(floor[0] === 'min' ? v >= floor[1] : v <= floor[1])) r.failures.push(`${label} ${k}: ${v}, below its floor ${floor[0] === 'min' ? '≥' : '≤'} ${floor[1]} (a regression)`);
  }
  r.figure(`${label}: weak keywords by rule`, t.keywords.reasons);
  if (judged && judged.judged > 0) {
    const share = Math.round((judged.weak / judged.judged) * 1000) / 1000;
    r.lines.push(`${label}: weak keywords judged by a reader: ${share} (${judged.weak} of ${judged.judged} judged; ${judged.keywords - judged.judged} of Marsad's ${judged.keywords} not judged) (target ≤ 0.1) ${share <= 0.1 ? 'met' : 'not met'}`);
    r.figure(`${label}: judged weak by class`, judged.why);
  }
}

export const understand: Check = {
  name: 'understand',
  what: 'countries, people, organisations and keywords on the labelled sets (dev = a and c–h, test = b) against the issue 14 targets; fails below the floors',
  needs: [],
  async run(_corpus, r) {
    const articles = loadArticles();
    const sets = loadAnnotations();
    if (sets.size === 0) {
      r.failures.push('no annotation files in eval/understand/annotations/');
      return;
    }
    const by = loadJudgments();
    for (const [name, gold] of sets) {
      const role = name === 'b' ? 'test' : 'dev';
      const tally = emptyJudged();
      report(r, `${role} (${name}.jsonl)`, scoreSet(gold, articles, undefined, { tally, by }), role === 'test', tally);
    }
  },
};
