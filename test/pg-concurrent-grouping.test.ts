/**
 * PostgreSQL workers group at the same time (issue 10: no global lock on the ingest path),
 * and the result is that of one worker: 4 stores (4 connection pools, as 4 `marsad worker`
 * processes have) ingest interleaved shares of real SaudiNewsNet articles (test/testdata,
 * see test/day.ts) concurrently, in small batches; every article gets the story and
 * `duplicateOf` one store gives it alone, the edge sets are equal, every story has the same
 * original, and every grouped article has its kept related list.
 *
 * That the workers were really grouping at once is observed, not assumed: while they run,
 * pg_locks is sampled for the transactions holding write or row locks on the scratch
 * schema's `story_entries` (taken only by the grouping); two or more at one moment is
 * impossible with one grouping lock per schema, which is checked to be never taken.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import type { Article } from '../src/model/article.ts';
import { ingest } from '../src/pipeline/index.ts';
import { openMarsadPgStore, type MarsadPgStore } from '../src/store/postgres/marsad.ts';
import { shuffled } from '../bench/rng.ts';
import { dayArticles } from './day.ts';
import { PG_URL, dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';

const base = scratchName();
const schemas: string[] = [];
after(() => dropSchemas(schemas));

/** The advisory-lock class the single grouping lock used (`pg_advisory_xact_lock(7403, hashtext(schema))`; other schemas' are not ours). */
const OLD_GROUPING_LOCK = 7403;

interface Result {
  /** article id → "storyId duplicateOf" */
  articles: Map<string, string>;
  /** story id → "original outlet size" */
  stories: Map<string, string>;
  edges: string[];
  withoutList: number;
}

async function result(schema: string, ids: string[]): Promise<Result> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    const s = `"${schema}"`;
    const arts = await c.query<{ id: string; story_id: string | null; duplicate_of: string | null }>(`SELECT id, story_id, duplicate_of FROM ${s}.articles WHERE id = ANY($1::text[])`, [ids]);
    assert.equal(arts.rows.length, ids.length, 'every article stored');
    for (const r of arts.rows) assert.ok(r.story_id, `${r.id} grouped`);
    const stories = await c.query<{ id: string; original_id: string; original_outlet: string | null; article_count: number }>(
      `SELECT id, original_id, original_outlet, article_count FROM ${s}.stories`,
    );
    const edges = await c.query<{ e: string }>(
      `SELECT x.id || ' ' || y.id || ' ' || g.kind || ' ' || round(g.score::numeric, 9) AS e FROM ${s}.story_edges g
       JOIN ${s}.story_entries x ON x.eid = g.a JOIN ${s}.story_entries y ON y.eid = g.b ORDER BY 1`,
    );
    const lists = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${s}.story_entries e LEFT JOIN ${s}.story_related r ON r.eid = e.eid WHERE r.eid IS NULL OR r.floor < 0`,
    );
    return {
      articles: new Map(arts.rows.map((r) => [r.id, `${r.story_id} ${r.duplicate_of}`])),
      stories: new Map(stories.rows.map((r) => [r.id, `${r.original_id} ${r.original_outlet} ${r.article_count}`])),
      edges: edges.rows.map((r) => r.e),
      withoutList: Number(lists.rows[0]!.n),
    };
  } finally {
    await c.end();
  }
}

/** Samples pg_locks until `stop()`: the most grouping transactions seen at once, and whether the old lock was seen. */
function watchLocks(schema: string): { stop: () => Promise<{ most: number; oldLock: boolean; samples: number }> } {
  let running = true;
  const done = (async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    let most = 0;
    let oldLock = false;
    let samples = 0;
    try {
      while (running) {
        const r = await c.query<{ n: number; old: boolean }>(
          `SELECT (SELECT count(DISTINCT l.pid)::int FROM pg_locks l JOIN pg_class t ON t.oid = l.relation JOIN pg_namespace n ON n.oid = t.relnamespace
                   WHERE n.nspname = $1 AND t.relname = 'story_entries' AND l.granted AND l.mode IN ('RowShareLock', 'RowExclusiveLock')) AS n,
                  EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $2::int::oid AND objid = hashtext($1)::oid AND objsubid = 2) AS old`,
          [schema, OLD_GROUPING_LOCK],
        );
        samples++;
        most = Math.max(most, r.rows[0]!.n);
        oldLock ||= r.rows[0]!.old;
      }
    } finally {
      await c.end();
    }
    return { most, oldLock, samples };
  })();
  return {
    stop: async () => {
      running = false;
      return done;
    },
  };
}

async function ingestAll(store: MarsadPgStore, list: Article[], batch: number): Promise<void> {
  for (let i = 0; i < list.length; i += batch) await ingest(store, list.slice(i, i + batch));
}

test('PostgreSQL: 4 workers grouping at once give the stories, duplicates and edges of one worker', { skip: skipPg, timeout: 600_000 }, async () => {
  const articles = (await dayArticles()).filter((a) => a.text).sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || (a.id < b.id ? -1 : 1)).slice(0, 480);
  const ids = articles.map((a) => a.id);
  const schema = (k: number) => {
    const s = `${base}_${k}`;
    schemas.push(s);
    return s;
  };

  const one = schema(0);
  const single = await openMarsadPgStore(urlFor(one));
  try {
    await ingestAll(single, articles, 60);
  } finally {
    await single.close();
  }
  const alone = await result(one, ids);

  const many = schema(1);
  const workers = await Promise.all([0, 1, 2, 3].map(() => openMarsadPgStore(urlFor(many))));
  const watch = watchLocks(many);
  let seen: { most: number; oldLock: boolean; samples: number };
  try {
    const order = shuffled(articles, 7);
    await Promise.all(workers.map((w, k) => ingestAll(w, order.filter((_, i) => i % 4 === k), 20)));
    // A worker groups whatever is pending: a last pass picks up what another stored meanwhile.
    await ingest(workers[0]!, []);
  } finally {
    seen = await watch.stop();
    await Promise.all(workers.map((w) => w.close()));
  }
  const together = await result(many, ids);

  // The sample is not trivial: wire copies and multi-article stories.
  const dups = [...alone.articles.values()].filter((v) => !v.endsWith(' null')).length;
  const multi = [...alone.stories.values()].filter((v) => Number(v.split(' ').at(-1)) > 1).length;
  assert.ok(dups >= 15 && multi >= 15, `duplicates ${dups}, multi-article stories ${multi}`);

  const differ = ids.filter((id) => alone.articles.get(id) !== together.articles.get(id));
  assert.equal(differ.length, 0, `${differ.length} articles grouped differently, e.g. ${differ.slice(0, 3).map((id) => `${id}: ${alone.articles.get(id)} vs ${together.articles.get(id)}`).join('; ')}`);
  assert.deepEqual([...together.stories].sort(), [...alone.stories].sort(), 'stories and their originals');
  assert.deepEqual(together.edges, alone.edges, 'edges');
  assert.equal(together.withoutList, 0, 'every grouped article has its related list');

  assert.equal(seen.oldLock, false, 'no schema-wide grouping lock is taken');
  assert.ok(seen.most >= 2, `two workers were inside grouping transactions at once (most seen: ${seen.most} in ${seen.samples} samples)`);
});
