/**
 * Bounded scoring (src/store/sqlite/search.ts `scored`, docs/SEARCH.md): a query scores its
 * newest FTS_TUNING.scored matches and, when there are more, the newest as many older ones
 * holding the query in the headline. Up to the bound the answer is the exact one; past it an
 * old article is still found by its headline, an old body-only match is not, the total
 * still counts every matching article, and with collapse the stories are estimated from
 * those scored (`approximate`).
 * Articles: the store contract's real ones (src/store/testdata/articles.json): the Geagea
 * interview's text republished under other outlets' headlines, so «جعجع» is in the
 * body only, arriving after the articles that hold it in the headline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.ts';
import { loadContractArticles } from '../src/store/contract.ts';
import { makeArticle, type Article } from '../src/model/article.ts';
import { parseQuery } from '../src/search/query.ts';
import { ftsExpression } from '../src/store/sqlite/search.ts';
import { defaultAnalyzer } from '../src/search/analyzer.ts';
import { FTS_TUNING } from '../src/store/query.ts';
import type { SearchQuery } from '../src/store/types.ts';

/** The search with FTS_TUNING.scored set to `cap` for this call only (bounded in a store of any size). */
function searchWith(store: SqliteStore, cap: number, q: SearchQuery, boundFrom = 0) {
  const saved = { ...FTS_TUNING };
  FTS_TUNING.scored = cap;
  FTS_TUNING.boundFrom = boundFrom;
  try {
    return store.searchSync(q);
  } finally {
    Object.assign(FTS_TUNING, saved);
  }
}

test('a bounded query scores its newest matches and the older headline matches; totals count every match', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bounded-'));
  const store = openSqliteStore(join(dir, 'm.db'));
  try {
    const all = loadContractArticles();
    const headline = all.filter((a) => a.title.includes('جعجع'));
    assert.equal(headline.length, 2, 'two contract articles name جعجع in the headline');
    const body = headline[0]!;
    const others = all.filter((a) => !a.text.includes('جعجع') && !a.title.includes('جعجع'));
    const republished = (k: number): Article => makeArticle({ ...body, url: `${body.url}?as=${k}`, title: others[k % others.length]!.title });
    // Oldest first: one body-only copy, the two headline articles, then twelve body-only copies.
    const oldBodyOnly = republished(0);
    await store.upsertArticles([oldBodyOnly]);
    for (const a of headline) await store.upsertArticles([a]);
    const newer = Array.from({ length: 12 }, (_, k) => republished(k + 1));
    for (const a of newer) await store.upsertArticles([a]);

    const q = 'جعجع إيران';
    const match = ftsExpression(parseQuery(q, defaultAnalyzer));
    const matching = store.db.prepare('SELECT count(*) FROM article_fts WHERE article_fts MATCH ?').pluck().get(match) as number;
    assert.equal(matching, 15);

    const exact = searchWith(store, 0, { q, limit: 20 });
    assert.equal(exact.total, matching);
    assert.ok(exact.hits.some((h) => h.id === oldBodyOnly.id), 'every match scored: the old body-only copy is found');
    // Within the bound: the very same answer.
    assert.deepEqual(searchWith(store, 15, { q, limit: 20 }), exact);
    assert.deepEqual(searchWith(store, 100, { q, limit: 20, collapse: 'story' }), searchWith(store, 0, { q, limit: 20, collapse: 'story' }));

    // Past it (5 newest scored): the old headline articles are found, the old body-only copy is not.
    const bounded = searchWith(store, 5, { q, limit: 20 });
    assert.equal(bounded.total, matching, 'total counts every match, scored or not');
    const ids = bounded.hits.map((h) => h.id);
    for (const a of headline) assert.ok(ids.includes(a.id), `${a.title} found by its headline`);
    for (const a of newer.slice(-5)) assert.ok(ids.includes(a.id), 'the newest matches are scored');
    // (A store smaller than FTS_TUNING.boundFrom scores every match, the bound notwithstanding.)
    assert.deepEqual(searchWith(store, 5, { q, limit: 20 }, 16), exact);
    assert.deepEqual(searchWith(store, 5, { q, limit: 20 }, 15), bounded);
    assert.ok(!ids.includes(oldBodyOnly.id), 'an old body-only match is past the bound');
    assert.equal(ids.length, 7);
    // The headline articles rank first, as with every match scored.
    assert.deepEqual(new Set(ids.slice(0, 2)), new Set(headline.map((a) => a.id)));
    assert.deepEqual(new Set(exact.hits.slice(0, 2).map((h) => h.id)), new Set(headline.map((a) => a.id)));

    assert.equal(bounded.approximate, undefined, 'an article count is exact');
    assert.equal(exact.approximate, undefined);

    // With collapse, a bounded query's stories are estimated: its stories among the matches
    // scored, scaled to every match (none grouped here: one story each, so all 15).
    const stories = searchWith(store, 5, { q, limit: 20, collapse: 'story' });
    assert.equal(stories.total, matching);
    assert.equal(stories.approximate, true);
    assert.equal(searchWith(store, 100, { q, limit: 20, collapse: 'story' }).approximate, undefined, 'within the bound every story is counted');
    assert.deepEqual(new Set(stories.hits.map((h) => h.id)), new Set(ids));

    // A NOT word holds in the headline pass too: the second headline article's text names
    // سوريا, the first's (and its copies') does not.
    const not = `${q} -سوريا`;
    const everyMatch = searchWith(store, 0, { q: not, limit: 20 }).hits.map((h) => h.id);
    assert.deepEqual([everyMatch.includes(headline[0]!.id), everyMatch.includes(headline[1]!.id), everyMatch.length], [true, false, 14]);
    const without = searchWith(store, 5, { q: not, limit: 20 }).hits.map((h) => h.id);
    assert.deepEqual([without.includes(headline[0]!.id), without.includes(headline[1]!.id), without.length], [true, false, 6]);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
