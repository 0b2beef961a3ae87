// The real test of the JSON adapter: every record of the saudinewsnet corpus (14 daily ZIP
// files, 24,870 records, see corpus/PROVENANCE.md) goes through parseDocument: archive
// expansion, format detection, the JSON adapter. Counts below are exact, measured on the
// data and explained by PROVENANCE (content empty 298, title empty 64, both empty 54).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parseDocument } from '../index.ts';
import type { Article } from '../../model/article.ts';
import type { ParseIssue } from '../types.ts';

const dir = new URL('../../../../shared/corpus/saudinewsnet/', import.meta.url);

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

test('saudinewsnet: every record parses with its outlet and date, or is an issue', async () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.zip')).sort();
  assert.equal(files.length, 14);
  const articles: Article[] = [];
  const issues: ParseIssue[] = [];
  for (const f of files) {
    const day = f.slice(0, 10);
    const r = await parseDocument({ name: f, bytes: readFileSync(new URL(f, dir)) });
    assert.deepEqual([r.articles.length, r.errors.length], PER_FILE[day], f);
    // date_extracted is crawl time, `YYYY-MM-DD hh:mm:ss`, and its day is the file's day.
    for (const a of r.articles) assert.equal(a.publishedAt?.slice(0, 10), day, `${a.url} ${a.publishedAt}`);
    for (const e of r.errors) assert.equal(e.source, `${f}!${day}.json`);
    articles.push(...r.articles);
    issues.push(...r.errors);
  }

  // 24,870 records = 24,816 articles + 54 issues (no title and no content).
  assert.equal(articles.length, 24_816);
  assert.equal(issues.length, 54);
  assert.ok(issues.every((e) => e.code === 'json.item.empty' && Number.isInteger(e.item)));
  assert.equal(articles.filter((a) => a.title === '').length, 64 - 54);
  assert.equal(articles.filter((a) => a.text === '').length, 298 - 54);

  const perOutlet: Record<string, number> = {};
  for (const a of articles) perOutlet[a.outlet ?? 'null'] = (perOutlet[a.outlet ?? 'null'] ?? 0) + 1;
  assert.deepEqual(perOutlet, ARTICLES_PER_OUTLET);

  const dates = articles.map((a) => a.publishedAt ?? '').sort();
  assert.equal(dates[0], '2015-07-21T02:16:13.000Z');
  assert.equal(dates.at(-1), '2015-08-11T18:51:33.000Z');
  assert.ok(articles.every((a) => a.url?.startsWith('http://') && /^[0-9a-f]{16}$/.test(a.id)));

  // Hygiene: no entities, control characters, NBSP, indented or doubled paragraph breaks.
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  const dirty = articles.filter((a) => /&(?:quot|#\d+|#39|amp);|[\u0000-\u0009\u000B-\u001F\u00A0\uFEFF]|\n\n\n|\n | \n/.test(a.title + '\n' + a.text));
  assert.deepEqual(dirty.map((a) => a.url), []);
  assert.ok(articles.every((a) => !a.title.includes('\n')));

  // 3alyoum's trailing `سمات …` tag lines: all 1,279 moved into tags, none left in a body.
  const tagged = articles.filter((a) => a.tags.length > 0);
  assert.equal(tagged.length, 1279);
  assert.ok(tagged.every((a) => a.outlet === '3alyoum'));
  assert.ok(articles.every((a) => !/(?:^|\s)سمات(?:\s+\S+){1,30}$/.test(a.text) || a.outlet !== '3alyoum'));
  // The lines are sorted; segmenting keeps them sorted, so no tag was cut in two wrongly.
  assert.ok(tagged.every((a) => a.tags.every((t, i) => i === 0 || a.tags[i - 1]!.toLowerCase() <= t.toLowerCase())));
  assert.ok(tagged.some((a) => a.tags.includes('خليل الخليل')));
});
