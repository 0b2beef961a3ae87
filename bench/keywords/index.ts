/**
 * Keyword and entity benchmark.
 * 1. The Moscow–Tehran page: our keywords vs the page's own five tags, after normalization.
 * 2. saudinewsnet: keywords of a fixed seeded sample of 50 articles, printed for reading by a
 *    person (count the stopword-like ones and broken fragments by eye), plus a mechanical
 *    check of the output contract (length, letters only, no stopwords, 3–8 per article).
 * 3. Throughput of entities + keywords over the whole corpus (articles/s), one pass.
 * Run: `node --import tsx bench/keywords/index.ts [--sample-only]`.
 */
import { readFileSync } from 'node:fs';
import { isStopword, normalize } from '../../src/arabic/index.ts';
import { analyzeEntities, extractKeywords, shippedTermStats } from '../../src/enrich/index.ts';
import { readSaudiNewsNet, type CorpusArticle } from './corpus.ts';
import { rng } from '../rng.ts';

const stats = shippedTermStats();

// 1. The page.
const page = JSON.parse(readFileSync(new URL('../../src/enrich/testdata/moscow-tehran.json', import.meta.url), 'utf8')) as {
  articles: Array<{ title: string; text: string; tags?: string }>;
};
const a1 = page.articles[0]!;
// The page's tags are space-separated and one of them has three words: split on the known one.
const pageTags = ['روسيا', 'موسكو', 'وزير الدفاع الروسي', 'طهران', 'ايران'];
const ours = extractKeywords(a1, stats);
const norm = (s: string): string => normalize(s).replace(/^ال/, '');
const hit = pageTags.filter((t) => ours.some((k) => norm(k) === norm(t)));
console.log(`page: ours = ${ours.join(' | ')}`);
console.log(`page: tags = ${pageTags.join(' | ')}`);
console.log(`page: overlap ${hit.length}/${pageTags.length} (${hit.join(', ')})`);
console.log(`page 2: ${extractKeywords(page.articles[1]!, stats).join(' | ')}`);

// 2. Seeded sample.
const all: CorpusArticle[] = [...readSaudiNewsNet()];
const rnd = rng(20230920);
const picked = new Set<number>();
while (picked.size < 50) picked.add(Math.floor(rnd() * all.length));
let total = 0;
let contractBad = 0;
let outOfRange = 0;
for (const i of [...picked].sort((a, b) => a - b)) {
  const a = all[i]!;
  const kws = extractKeywords(a, stats);
  total += kws.length;
  if (kws.length < 3 || kws.length > 8) outOfRange++;
  const bad = kws.filter((k) => !/^[\u0621-\u064a]{2,}( [\u0621-\u064a]{2,})*$/.test(k) || k.split(' ').some((w) => w.length < 2) || isStopword(normalize(k)));
  contractBad += bad.length;
  console.log(`#${i} [${a.source}] ${a.title.slice(0, 70)}\n    → ${kws.join(' | ')}${bad.length ? `   !! ${bad.join(', ')}` : ''}`);
}
console.log(`sample: 50 articles, ${total} keywords, ${outOfRange} articles outside 3–8, ${contractBad} failing the mechanical check`);

// 3. Throughput.
if (!process.argv.includes('--sample-only')) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let ents = 0;
  let kws = 0;
  for (const a of all) {
    const e = analyzeEntities(a);
    ents += e.length;
    kws += extractKeywords(a, stats, { entities: e }).length;
  }
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cs = (cpu.user + cpu.system) / 1e6;
  // CPU time as well as wall time: the machine is shared, wall time depends on the others' load.
  console.log(`throughput: ${all.length} articles, wall ${s.toFixed(1)} s = ${Math.round(all.length / s)} articles/s, cpu ${cs.toFixed(1)} s = ${Math.round(all.length / cs)} articles/s (entities ${ents}, keywords ${kws})`);
}
