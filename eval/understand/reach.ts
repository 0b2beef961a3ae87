/**
 * Why a development set's gold keywords are missed (a.jsonl, or c, d, e or f with `--set c`; the test set is never
 * shown article by article): each gold keyword Marsad's keywords do not match (score.ts
 * rules) falls in one class, and the shares tell which fix can pay.
 *
 * - rank cut: among Marsad's candidates (the keywords it would give with room for 60), below
 *   the eighth — `spelled` when the text writes the keyword (clitics aside), else `other`;
 * - not extracted, spelled: the text writes it (as a whole-word run after dropping proclitics
 *   and ال), but no candidate holds it — `phrase` or `word`;
 * - form: every word's stem is in the text, not the form (plural, nisba, singular);
 * - partial: some of its words' stems are in the text; absent: none.
 * Run: node --import tsx eval/understand/reach.ts [--set c|d|e|f|g|h] [--list]
 */
import { stem, tokenize } from '../../src/arabic/index.ts';
import { analyzeEntities, extractKeywords, shippedTermStats, termKey } from '../../src/enrich/index.ts';
import { devSet, loadArticles } from '../understand.ts';
import { fold } from './score.ts';

const list = process.argv.includes('--list');
const stats = shippedTermStats();
const articles = loadArticles();
const matches = (a: string, b: string): boolean => {
  const fa = fold(a);
  const fb = fold(b);
  return !!fa && !!fb && (fa === fb || ` ${fa} `.includes(` ${fb} `) || ` ${fb} `.includes(` ${fa} `));
};
const classes = new Map<string, string[]>();
let gold = 0;
let matched = 0;
for (const g of devSet(process.argv.slice(2)).gold) {
  const a = articles.get(g.id);
  if (!a) continue;
  const doc = { title: a.title, text: a.content };
  const entities = analyzeEntities(doc);
  const kws = extractKeywords(doc, stats, { entities });
  const wide = extractKeywords(doc, stats, { entities, max: 60 });
  const norms = tokenize(`${a.title}\n${a.content}`).map((t) => termKey(t.norm).key);
  const text = ` ${norms.map(fold).join(' ')} `;
  const stems = new Set(norms.map((n) => stem(n)));
  for (const k of g.keywords) {
    gold++;
    if (kws.some((m) => matches(k, m))) {
      matched++;
      continue;
    }
    const spelled = text.includes(` ${fold(k)} `);
    const hits = fold(k)
      .split(' ')
      .map((w) => stems.has(stem(termKey(w).key)) || stems.has(stem('ال' + w)));
    const c = wide.some((m) => matches(k, m))
      ? `rank cut, ${spelled ? 'spelled' : 'other'}`
      : spelled
        ? `not extracted, spelled ${k.includes(' ') ? 'phrase' : 'word'}`
        : hits.every(Boolean)
          ? 'form'
          : hits.some(Boolean)
            ? 'partial'
            : 'absent';
    classes.set(c, [...(classes.get(c) ?? []), `${g.id} ${k}`]);
  }
}
const share = (n: number): string => (gold ? (n / gold).toFixed(3) : '0');
console.log(`dev gold keywords ${gold}, matched ${matched} (${share(matched)})`);
for (const [c, l] of [...classes].sort((x, y) => y[1].length - x[1].length)) {
  console.log(`  ${c}: ${l.length} (${share(l.length)})`);
  if (list) console.log(l.map((x) => `    ${x}`).join('\n'));
}
