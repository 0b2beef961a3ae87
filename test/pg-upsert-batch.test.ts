/**
 * PostgreSQL's batch upsert (src/store/postgres/upsert.ts `upsertBatch`: the stored rows
 * matched in one statement, new rows inserted together) against the same articles upserted
 * one per call, on real articles of the test day: a batch holding new articles, unchanged
 * and edited copies of stored ones, a copy of an article earlier in the same batch, a row
 * re-keyed by a new URL and a later article that takes the URL the row gave up. Both
 * schemas must answer the same statuses and ids and hold the same rows in the same order.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import type { Article } from '../src/model/article.ts';
import { openStore } from '../src/store/index.ts';
import type { UpsertResult } from '../src/store/types.ts';
import { dayArticles } from './day.ts';
import { dropSchemas, PG_URL, scratchName, skipPg, urlFor } from './pg-env.ts';

const schemas: string[] = [];
after(() => dropSchemas(schemas));

const edited = (a: Article, mark: string): Article => ({ ...a, text: `${a.text}\n${mark}` });

async function rows(schema: string): Promise<unknown[]> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    const r = await c.query(
      `SELECT a.id, a.canonical_url, a.url, a.content_hash, a.source_hash, a.title, a.text, a.tsv::text AS tsv, a.doc_len,
              (SELECT string_agg(tag, '|' ORDER BY tag) FROM "${schema}".article_tags t WHERE t.seq = a.seq) AS tags
       FROM "${schema}".articles a ORDER BY a.seq`,
    );
    return r.rows;
  } finally {
    await c.end();
  }
}

test('a batch upsert answers and stores what one upsert per article does', { skip: skipPg, timeout: 300_000 }, async () => {
  const day = (await dayArticles()).filter((a) => a.url && a.text.length > 200);
  const first = day.slice(0, 60);
  const fresh = day.slice(60, 120);
  const moved = first[5]!;
  const second: Article[] = [
    ...fresh.slice(0, 30),
    ...first.slice(10, 20), // unchanged
    ...first.slice(20, 25).map((a) => edited(a, 'تحديث')), // edited: same URL, new text
    { ...fresh[3]!, text: `${fresh[3]!.text}\nنسخة معدلة`, tags: ['محدث'] }, // a copy of an article earlier in this batch
    { ...moved, url: `${moved.url}?moved=1` }, // the same id under a new canonical URL: the row re-keyed
    { ...first[6]!, id: 'f00dfeedf00dfeed', url: moved.url }, // takes the URL the row above gave up
    ...fresh.slice(30),
    fresh[40]!, // the same article twice in one batch
  ];
  const batched = scratchName();
  const single = scratchName();
  schemas.push(batched, single);
  const b = await openStore(urlFor(batched));
  const s = await openStore(urlFor(single));
  try {
    const rb: UpsertResult[] = [...(await b.upsertArticles(first)), ...(await b.upsertArticles(second))];
    const rs: UpsertResult[] = [];
    for (const a of [...first, ...second]) rs.push(...(await s.upsertArticles([a])));
    assert.deepEqual(rb, rs);
    const statuses = rb.slice(first.length).map((r) => r.status);
    assert.ok(statuses.includes('added') && statuses.includes('updated') && statuses.includes('unchanged'), 'the batch exercises every path');
    const [kb, ks] = [await rows(batched), await rows(single)];
    assert.equal(kb.length, ks.length);
    assert.deepEqual(kb, ks);
  } finally {
    await b.close();
    await s.close();
  }
});
