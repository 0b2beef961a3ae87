// The real test of the JSON adapter: every record of one saudinewsnet day (2015-07-22, the
// original daily ZIP, 2,050 records; test/testdata/README.md) goes through parseDocument:
// archive expansion, format detection, the JSON adapter. Counts below are exact, counted on
// the raw records (content empty 12, title empty 5, both empty 3). The whole corpus (14 days,
// 24,870 records) is checked the same way by `npm run eval` (eval/saudinewsnet.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../index.ts';

const DAY = new URL('../../../test/testdata/saudinewsnet/2015-07-22.zip', import.meta.url);

/** Records per outlet that day minus those with neither title nor content. */
const ARTICLES_PER_OUTLET: Record<string, number> = {
  alriyadh: 674, alyaum: 217, almadina: 206, aleqtisadiya: 175, okaz: 167,
  aljazirah: 146, aawsat: 136, alwatan: 121, sabq: 116, alweeam: 89,
};

test('saudinewsnet day: every record parses with its outlet and date, or is an issue', async () => {
  const r = await parseDocument({ name: '2015-07-22.zip', bytes: readFileSync(DAY) });
  const { articles, errors: issues } = r;

  // 2,050 records = 2,047 articles + 3 issues (no title and no content: items 497, 667, 1309).
  assert.equal(articles.length, 2047);
  assert.deepEqual(issues.map((e) => [e.code, e.item, e.source]), [
    ['json.item.empty', 497, '2015-07-22.zip!2015-07-22.json'],
    ['json.item.empty', 667, '2015-07-22.zip!2015-07-22.json'],
    ['json.item.empty', 1309, '2015-07-22.zip!2015-07-22.json'],
  ]);
  assert.equal(articles.filter((a) => a.title === '').length, 5 - 3);
  assert.equal(articles.filter((a) => a.text === '').length, 12 - 3);

  const perOutlet: Record<string, number> = {};
  for (const a of articles) perOutlet[a.outlet ?? 'null'] = (perOutlet[a.outlet ?? 'null'] ?? 0) + 1;
  assert.deepEqual(perOutlet, ARTICLES_PER_OUTLET);

  // date_extracted is crawl time, `YYYY-MM-DD hh:mm:ss`, and its day is the file's day.
  const dates = articles.map((a) => a.publishedAt ?? '').sort();
  assert.equal(dates[0], '2015-07-22T00:05:53.000Z');
  assert.equal(dates.at(-1), '2015-07-22T22:46:05.000Z');
  assert.ok(articles.every((a) => a.url?.startsWith('http://') && /^[0-9a-f]{16}$/.test(a.id)));
  // almadina's `…html?weekly` copies keep their own URL but share the bare URL's id.
  const weekly = articles.filter((a) => a.url!.endsWith('?weekly'));
  assert.equal(weekly.length, 59);
  const ids = new Map(articles.filter((a) => !a.url!.endsWith('?weekly')).map((a) => [a.url, a.id]));
  const paired = weekly.filter((a) => ids.has(a.url!.slice(0, -'?weekly'.length)));
  assert.equal(paired.length, 57, 'copies whose bare URL is in the same day');
  assert.ok(paired.every((a) => ids.get(a.url!.slice(0, -'?weekly'.length)) === a.id));

  // Hygiene: no entities, control characters, NBSP (868 records hold one), indented or
  // doubled paragraph breaks.
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  const dirty = articles.filter((a) => /&(?:quot|#\d+|#39|amp);|[\u0000-\u0009\u000B-\u001F\u00A0\uFEFF]|\n\n\n|\n | \n/.test(a.title + '\n' + a.text));
  assert.deepEqual(dirty.map((a) => a.url), []);
  assert.ok(articles.every((a) => !a.title.includes('\n')));
  // No tags that day: 3alyoum, whose bodies end in `سمات …` tag lines, starts on 07-24.
  assert.ok(articles.every((a) => a.tags.length === 0));
});
