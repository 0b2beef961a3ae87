/**
 * Timelines and co-mentions on SQLite (the shared suite against brute force), their CSV
 * export (BOM, RFC 4180 quoting, Arabic), the API (`/api/v1/timeline`, `/comentions`,
 * `/comentions/stories`: shape, errors, CSV), the pages (entity heading and chart agree,
 * compare page) and the CLI (`marsad timeline|comention --json|--csv`). Real data: the
 * bundled sample and a saudinewsnet day imported through the pipeline into a real file.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { MarsadStore } from '../src/store/index.ts';
import { buildApp } from '../src/web/app.ts';
import { searchCsv, timelineCsv, toCsv } from '../src/export/csv.ts';
import { openSampleAndDay, timelineSuite } from './timeline-suite.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'marsad-timeline-'));
const DB = join(dir, 't.db');
let store: MarsadStore;
let app: FastifyInstance;

before(async () => {
  store = await openSampleAndDay(DB);
  app = await buildApp({ store, adminToken: null });
});
after(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

timelineSuite('sqlite', () => store);

const BOM = '\uFEFF';

test('CSV: BOM, header, CRLF records, RFC 4180 quoting, Arabic kept, formulas defused', () => {
  const csv = toCsv(['a', 'b'], [['إيران، "روسيا"', 'سطر\nثانٍ'], ['=HYPERLINK("x")', 3], [null, '-1']]);
  assert.ok(csv.startsWith(BOM), 'starts with a UTF-8 BOM');
  assert.equal(
    csv.slice(1),
    'a,b\r\n' + '"إيران، ""روسيا""","سطر\nثانٍ"\r\n' + '"\'=HYPERLINK(""x"")",3\r\n' + ",'-1\r\n",
  );
  const s = searchCsv([{ id: 'x1', title: 'عنوان, بفاصلة', outlet: 'واس', publishedAt: '2015-08-10T00:00:00.000Z', url: 'https://e.example/?a=1,2', score: 1.5, snippet: 'مقتطف' }]);
  assert.equal(s, `${BOM}id,title,outlet,published_at,url,score,snippet\r\nx1,"عنوان, بفاصلة",واس,2015-08-10T00:00:00.000Z,"https://e.example/?a=1,2",1.5,مقتطف\r\n`);
  assert.equal(Buffer.from(s, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf', 'the BOM is EF BB BF in UTF-8');
});

test('CSV of a timeline: one row per bucket, a column per entity and the together column', async () => {
  const t = await store.timeline({ entities: ['إيران', 'روسيا'], by: 'week' });
  const lines = timelineCsv(t).slice(1).split('\r\n');
  assert.equal(lines[0], 'start,إيران (country:IR),روسيا (country:RU),all (stories mentioning every entity)');
  assert.equal(lines.length, t.buckets.length + 2, 'header, buckets, and the empty string after the last CRLF');
  t.buckets.forEach((b, i) => assert.equal(lines[i + 1], `${b.start},${b.counts['country:IR']},${b.counts['country:RU']},${b.all}`));
});

test('API: /api/v1/timeline has the documented shape, repeats entity, answers CSV; errors name the parameter', async () => {
  const url = `/api/v1/timeline?entity=${encodeURIComponent('روسيا')}&entity=country%3AIR&by=week`;
  const r = await app.inject(url);
  assert.equal(r.statusCode, 200, r.body);
  const body = r.json() as { entities: Array<{ id: string; name: string }>; unit: string; buckets: Array<{ start: string; counts: Record<string, number>; all: number }> };
  assert.deepEqual(body.entities, [{ id: 'country:RU', name: 'روسيا' }, { id: 'country:IR', name: 'إيران' }]);
  assert.equal(body.unit, 'story');
  assert.deepEqual(body, JSON.parse(JSON.stringify(await store.timeline({ entities: ['country:RU', 'country:IR'], by: 'week' }))));
  for (const b of body.buckets) assert.deepEqual(Object.keys(b).sort(), ['all', 'counts', 'start']);
  const csv = await app.inject(`${url}&format=csv`);
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  assert.ok(csv.body.startsWith(`${BOM}start,روسيا (country:RU)`));
  const unknown = await app.inject('/api/v1/timeline?entity=country%3AXX');
  assert.equal(unknown.statusCode, 404);
  assert.match((unknown.json() as { message: string }).message, /entity: no entity "country:XX"/);
  for (const [q, re] of [['', /entity: is required/], ['entity=country%3AIR&by=year', /by: must be day/], ['entity=country%3AIR&since=2015-02-30', /since: not a date/], ['entity=country%3AIR&format=xls', /format: must be json or csv/]] as const) {
    const bad = await app.inject(`/api/v1/timeline?${q}`);
    assert.equal(bad.statusCode, 400, q);
    assert.match((bad.json() as { message: string }).message, re);
  }
});

test('API: co-mentions and stories together, JSON and CSV', async () => {
  const c = await app.inject(`/api/v1/comentions?entity=${encodeURIComponent('ايران')}&limit=5`);
  assert.equal(c.statusCode, 200);
  assert.deepEqual(c.json(), JSON.parse(JSON.stringify(await store.comentions('country:IR', 5))));
  const ccsv = await app.inject('/api/v1/comentions?entity=country%3AIR&limit=5&format=csv');
  const rows = ccsv.body.slice(1).split('\r\n');
  assert.equal(rows[0], 'id,name,type,stories_together,stories,lift');
  assert.equal(rows.length, 7);
  const s = await app.inject('/api/v1/comentions/stories?entity=country%3AIR&entity=country%3ARU&limit=3');
  assert.equal(s.statusCode, 200);
  const sb = s.json() as { total: number; stories: Array<{ id: string; date: string }> };
  assert.equal(sb.stories.length, Math.min(3, sb.total));
  assert.equal((await app.inject('/api/v1/comentions/stories?entity=country%3AIR')).statusCode, 400);
  const search = await app.inject(`/api/v1/search?q=${encodeURIComponent('ايران')}&limit=3&format=csv`);
  assert.ok(search.body.startsWith(`${BOM}id,title,outlet,published_at,url,score,snippet\r\n`));
  assert.equal(search.body.trimEnd().split('\r\n').length, 4);
  const page = await app.inject(`/search?q=${encodeURIComponent('ايران')}&format=csv&limit=2`);
  assert.equal(page.headers['content-type'], 'text/csv; charset=utf-8');
  assert.ok(page.body.startsWith(`${BOM}query,id,`));
});

test('entity page: the heading counts articles and stories, the chart counts stories and its caption sums to the heading', async () => {
  const r = await app.inject('/entity/country%3AIR');
  assert.equal(r.statusCode, 200);
  const e = (await store.getEntity('country:IR'))!;
  const t = await store.timeline({ entities: ['country:IR'], by: 'day', unit: 'story' });
  const stories = t.totals.counts['country:IR']! + t.totals.undated['country:IR']!;
  const ar = (n: number) => n.toLocaleString('ar-EG');
  assert.ok(r.body.includes(`${ar(e.articleCount)} مقالاً في ${ar(stories)} قصة`), 'heading: articles in stories');
  assert.match(r.body, /<figcaption class="meta">عدد قصص في كل (يوم|أسبوع|شهر)/);
  assert.ok(r.body.includes(`<bdi>إيران</bdi> ${ar(t.totals.counts['country:IR']!)} قصة`), 'the caption gives the sum of the bars');
  assert.match(r.body, /<svg [^>]*class="marks"/);
  assert.doesNotMatch(r.body, /style="/, 'no style attributes (CSP style-src self)');
  assert.match(r.body, /href="\/compare\?e=country%3AIR&amp;e=/, 'co-mentioned entities link to a comparison');
  const csv = await app.inject('/entity/country%3AIR?by=week&format=csv');
  assert.ok(csv.body.startsWith(`${BOM}start,إيران (country:IR),all (stories)\r\n2015-07-20,`));
});

test('compare page: up to 4 series plus together; more is a 400, an unknown entity a 404', async () => {
  const r = await app.inject(`/compare?e=${encodeURIComponent('روسيا')}&e=${encodeURIComponent('إيران')}`);
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<svg [^>]*class="marks"/);
  assert.ok(r.body.includes('>معاً</text>'), 'the legend names the together series');
  assert.match(r.body, /تذكرها كلها<\/h2>/);
  const five = ['السعودية', 'إيران', 'روسيا', 'اليمن', 'مصر'].map((n) => `e=${encodeURIComponent(n)}`).join('&');
  assert.equal((await app.inject(`/compare?${five}`)).statusCode, 400);
  assert.equal((await app.inject('/compare?e=country%3AXX')).statusCode, 404);
});

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/marsad.js', ...args, '--db', DB], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('CLI: marsad timeline --json / --csv and marsad comention, the same as the store', async () => {
  const t = await cli(['timeline', 'ايران', 'روسيا', '--by', 'week', '--unit', 'article', '--json']);
  assert.equal(t.code, 0, t.stderr);
  assert.deepEqual(JSON.parse(t.stdout), JSON.parse(JSON.stringify(await store.timeline({ entities: ['ايران', 'روسيا'], by: 'week', unit: 'article' }))));
  const csv = await cli(['timeline', 'country:IR', '--by', 'month', '--csv']);
  assert.equal(csv.stdout.slice(0, 1), BOM);
  const c = await cli(['comention', 'إيران', '--limit', '3', '--json']);
  assert.deepEqual(JSON.parse(c.stdout), JSON.parse(JSON.stringify(await store.comentions('country:IR', 3))));
  const both = await cli(['comention', 'إيران', 'روسيا', '--csv']);
  assert.ok(both.stdout.startsWith(`${BOM}story_id,date,title,outlets,articles\r\n`));
  const unknown = await cli(['timeline', 'country:XX']);
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /entity: no entity "country:XX"/);
});
