/**
 * Every record of the saudinewsnet corpus (14 daily ZIPs, 24,870 records; PROVENANCE.md)
 * through parseDocument: archive expansion, format detection, the JSON adapter. The counts
 * are exact, measured on the data and explained by PROVENANCE (content empty 298, title
 * empty 64, both empty 54). `npm test` checks one day of it (src/ingest/json/saudinewsnet.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../src/ingest/index.ts';
import type { Article } from '../src/model/article.ts';
import type { ParseIssue } from '../src/ingest/types.ts';
import type { Check } from './report.ts';

/** Records per outlet (PROVENANCE) minus those with neither title nor content. */
const ARTICLES_PER_OUTLET: Record<string, number> = {
  alriyadh: 3854, aljazirah: 2866, alyaum: 2402, aleqtisadiya: 2348, aawsat: 2314,
  okaz: 2225, almadina: 2206, alwatan: 1804, '3alyoum': 1610, alweeam: 1606,
  sabq: 1030, was: 369, arreyadi: 130, arriyadiyah: 52,
};
const PER_FILE: Record<string, [articles: number, issues: number]> = {
  '2015-07-21': [2953, 19], '2015-07-22': [2047, 3], '2015-07-23': [1316, 2], '2015-07-24': [2067, 2],
  '2015-07-25': [1553, 6], '2015-07-26': [1456, 3], '2015-07-27': [1396, 1], '2015-08-04': [1345, 0],
  '2015-08-06': [3210, 8], '2015-08-07': [1471, 2], '2015-08-08': [1345, 3], '2015-08-09': [1276, 0],
  '2015-08-10': [1698, 2], '2015-08-11': [1683, 3],
};

export const saudinewsnet: Check = {
  name: 'saudinewsnet',
  what: 'every record of the 14 daily ZIPs parses with its outlet and date, or is an issue',
  needs: ['saudinewsnet'],
  async run(corpus, r) {
    const dir = join(corpus, 'saudinewsnet');
    const files = readdirSync(dir).filter((f) => f.endsWith('.zip')).sort();
    r.equal('files', files.length, 14);
    const articles: Article[] = [];
    const issues: ParseIssue[] = [];
    const perFile: Record<string, [number, number]> = {};
    const wrongDay: string[] = [];
    const wrongSource: string[] = [];
    for (const f of files) {
      const day = f.slice(0, 10);
      const res = await parseDocument({ name: f, bytes: readFileSync(join(dir, f)) });
      perFile[day] = [res.articles.length, res.errors.length];
      // date_extracted is crawl time, `YYYY-MM-DD hh:mm:ss`, and its day is the file's day.
      for (const a of res.articles) if (a.publishedAt?.slice(0, 10) !== day) wrongDay.push(`${a.url} ${a.publishedAt}`);
      for (const e of res.errors) if (e.source !== `${f}!${day}.json`) wrongSource.push(`${e.source}`);
      articles.push(...res.articles);
      issues.push(...res.errors);
    }
    r.equal('[articles, issues] per file', perFile, PER_FILE);
    r.none('articles dated outside their file’s day', wrongDay);
    r.none('issues not naming their archive member', wrongSource);

    // 24,870 records = 24,816 articles + 54 issues (no title and no content).
    r.equal('articles', articles.length, 24_816);
    r.equal('issues', issues.length, 54);
    r.none('issues other than json.item.empty with an item number', issues.filter((e) => e.code !== 'json.item.empty' || !Number.isInteger(e.item)).map((e) => `${e.code} ${e.source}`));
    r.equal('articles with an empty title', articles.filter((a) => a.title === '').length, 64 - 54);
    r.equal('articles with an empty text', articles.filter((a) => a.text === '').length, 298 - 54);

    const perOutlet: Record<string, number> = {};
    for (const a of articles) perOutlet[a.outlet ?? 'null'] = (perOutlet[a.outlet ?? 'null'] ?? 0) + 1;
    r.equal('articles per outlet', perOutlet, ARTICLES_PER_OUTLET);

    const dates = articles.map((a) => a.publishedAt ?? '').sort();
    r.equal('first date', dates[0], '2015-07-21T02:16:13.000Z');
    r.equal('last date', dates.at(-1), '2015-08-11T18:51:33.000Z');
    r.none('articles without an http URL or a 16-hex id', articles.filter((a) => !(a.url?.startsWith('http://') && /^[0-9a-f]{16}$/.test(a.id))).map((a) => `${a.id} ${a.url}`));

    // Hygiene: no entities, control characters, NBSP, indented or doubled paragraph breaks.
    // eslint-disable-next-line no-control-regex -- control characters are what this matches
    const dirty = /&(?:quot|#\d+|#39|amp);|[\u0000-\u0009\u000B-\u001F\u00A0\uFEFF]|\n\n\n|\n | \n/;
    r.none('articles with entities, control characters, NBSP or bad breaks', articles.filter((a) => dirty.test(a.title + '\n' + a.text)).map((a) => a.url ?? a.id));
    r.none('titles with a line break', articles.filter((a) => a.title.includes('\n')).map((a) => a.url ?? a.id));

    // 3alyoum's trailing `سمات …` tag lines: all 1,279 moved into tags, none left in a body.
    const tagged = articles.filter((a) => a.tags.length > 0);
    r.equal('articles with tags', tagged.length, 1279);
    r.none('tagged articles not from 3alyoum', tagged.filter((a) => a.outlet !== '3alyoum').map((a) => a.url ?? a.id));
    r.none('3alyoum bodies still ending in a سمات tag line', articles.filter((a) => a.outlet === '3alyoum' && /(?:^|\s)سمات(?:\s+\S+){1,30}$/.test(a.text)).map((a) => a.url ?? a.id));
    // The lines are sorted; segmenting keeps them sorted, so no tag was cut in two wrongly.
    r.none('tag lists out of order', tagged.filter((a) => !a.tags.every((t, i) => i === 0 || a.tags[i - 1]!.toLowerCase() <= t.toLowerCase())).map((a) => a.tags.join('، ')));
    r.equal('a two-word tag (خليل الخليل) kept whole', tagged.some((a) => a.tags.includes('خليل الخليل')), true);
  },
};
