/**
 * Realistic alert queries for the alerts bench, drawn from the corpus itself (days other
 * than the ingested ones): what a person monitoring the news saves is a few words about a
 * subject, a name with a topic, a set phrase, sometimes narrowed by a filter. Mix:
 * - 30% two or three content words of one headline, AND-ed (`w1 w2 [w3]`);
 * - 20% a phrase of two or three adjacent headline words (`"w1 w2"`);
 * - 18% an entity name (from the enrich stage) with a headline word (`"name" w`);
 * - 10% two such phrases ORed (`"a b" OR "c d"`);
 * - 8% two headline words with an excluded word (`w1 w2 -w3`);
 * - 12% a filter: an entity filter with a headline word, an outlet with two words, a
 *   keyword filter with a word;
 * - 2% broad: an entity name alone (a country's name matches a large share of the news).
 * Every query but the broad ones has a topical word: one in at most 0.5% of the source
 * headlines (people monitor a subject, not "today" or "year").
 * So most alerts match rarely and a few match often, as in monitoring; the bench prints
 * how the matches spread over the alerts.
 */
import type { Article } from '../../src/model/article.ts';
import type { NewAlert } from '../../src/model/alerts.ts';
import { analyze } from '../../src/arabic/index.ts';
import { enrichArticle } from '../../src/pipeline/index.ts';
import { parseQuery } from '../../src/search/query.ts';
import { defaultAnalyzer } from '../../src/search/analyzer.ts';
import { rng } from '../rng.ts';

/** `n` distinct alerts (query and filters) from the headlines, entities and keywords of `source`. */
export function drawAlerts(source: Article[], n: number, seed = 11): NewAlert[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  // Content words: one analyzed term each (stopwords and particles drop out).
  const words = source.map((a) => a.title.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter((w) => w.length >= 3 && analyze(w).length === 1));
  // What people monitor is a subject, not "today" or "year": each query has at least one
  // topical word, one found in at most 0.5% of the source headlines (by analyzed term).
  const df = new Map<string, number>();
  for (const w of words) for (const t of new Set(w.map((x) => analyze(x)[0]!))) df.set(t, (df.get(t) ?? 0) + 1);
  const cap = Math.max(3, 0.005 * words.length);
  const topicalOf = (w: string[]) => w.map((x, i) => [x, i] as const).filter(([x]) => (df.get(analyze(x)[0]!) ?? 0) <= cap).map(([, i]) => i);
  const titled = words.filter((w) => w.length >= 4 && topicalOf(w).length > 0);
  const enriched = source.slice(0, 1500).map((a) => enrichArticle(a).article);
  const names = [...new Set(enriched.flatMap((a) => (a.entities ?? []).map((e) => e.name)))].filter((x) => analyze(x).length > 0);
  const keywords = [...new Set(enriched.flatMap((a) => a.keywords ?? []))];
  const outlets = [...new Set(source.map((a) => a.outlet).filter((o): o is string => !!o))];
  if (titled.length === 0 || names.length === 0) throw new Error('bench:alerts: the query days have no usable headlines or entities');
  const quote = (s: string) => (/\s/.test(s) ? `"${s}"` : s);
  const out = new Map<string, NewAlert>();
  while (out.size < n) {
    const w = pick(titled);
    // A topical word, and where a pair is needed, its neighbour (the next word, or the previous at the end).
    let i = pick(topicalOf(w));
    if (i === w.length - 1) i--;
    const others = w.filter((x) => x !== w[i]);
    const w2 = pick(titled);
    let j = pick(topicalOf(w2));
    if (j === w2.length - 1) j--;
    const r = rand();
    let a: Omit<NewAlert, 'name'>;
    if (r < 0.3) a = { query: [w[i], pick(others), ...(rand() < 0.4 ? [pick(others)] : [])].join(' ') };
    else if (r < 0.5) a = { query: `"${w.slice(i, i + (rand() < 0.3 && i + 3 <= w.length ? 3 : 2)).join(' ')}"` };
    else if (r < 0.68) a = { query: `${quote(pick(names))} ${w[i]}` };
    else if (r < 0.78) a = { query: `"${w[i]} ${w[i + 1]}" OR "${w2[j]} ${w2[j + 1]}"` };
    else if (r < 0.86) a = { query: `${w[i]} ${pick(others)} -${pick(w2)}` };
    else if (r < 0.9) a = { query: w[i]!, entity: pick(names) };
    else if (r < 0.94 && outlets.length) a = { query: `${w[i]} ${pick(others)}`, outlet: pick(outlets) };
    else if (r < 0.98 && keywords.length) a = { query: w[i]!, keyword: pick(keywords) };
    else a = { query: quote(pick(names)) };
    const key = JSON.stringify(a);
    if (!out.has(key) && !parseQuery(a.query, defaultAnalyzer).empty) out.set(key, { ...a, name: a.query });
  }
  return [...out.values()];
}
