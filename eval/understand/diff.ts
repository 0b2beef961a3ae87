/**
 * Per-article differences on a development set only (a.jsonl, u001–u110, or with `--set c|d|e|f|g|h`
 * that set's file, c001–c080 …): what Marsad
 * missed and added, for tuning. The test set (b.jsonl) is never shown article by article.
 * Run: node --import tsx eval/understand/diff.ts [--set c|d|e|f|g|h] [--only countries,people,orgs,keywords] [u001 …]
 */
import { devSet, loadArticles, scoreSet } from '../understand.ts';

const args = process.argv.slice(2);
const dev = devSet(args).gold;
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1]!.split(',') : ['countries', 'people', 'orgs', 'keywords'];
const ids = new Set(args);
const articles = loadArticles();
scoreSet(
  dev.filter((g) => ids.size === 0 || ids.has(g.id)),
  articles,
  (id, s) => {
    const lines: string[] = [];
    if (only.includes('countries') && (s.countries.missed.length || s.countries.extra.length)) lines.push(`  countries missed ${s.countries.missed.join(',')} extra ${s.countries.extra.join(',')}`);
    if (only.includes('people') && (s.people.tp < s.people.found.length || s.people.tp < s.people.gold.length)) lines.push(`  people ${s.people.tp}: found [${s.people.found.join(' | ')}] gold [${s.people.gold.join(' | ')}]`);
    if (only.includes('orgs') && (s.orgs.tp < s.orgs.found.length || s.orgs.tp < s.orgs.gold.length)) lines.push(`  orgs ${s.orgs.tp}: found [${s.orgs.found.join(' | ')}] gold [${s.orgs.gold.join(' | ')}]`);
    if (only.includes('keywords') && (s.keywords.missed.length || s.keywords.weak.length)) lines.push(`  keywords missed [${s.keywords.missed.join(' | ')}] weak [${s.keywords.weak.map((w) => w.join(':')).join(' | ')}]`);
    if (lines.length) console.log(`${id} «${articles.get(id)!.title.slice(0, 70)}»\n${lines.join('\n')}`);
  },
);
