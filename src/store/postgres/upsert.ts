/**
 * The idempotent batch upsert behind `PgStore.upsertArticles`, with the same rules as the
 * SQLite backend (`planUpsert` in ../rows.ts): match by canonical URL, else
 * by id; keep the stored id; write nothing when nothing changed; re-index when the words
 * changed. One transaction per batch.
 *
 * Concurrency: several workers may upsert the same article at the same moment. Before
 * looking anything up, the batch takes a transaction-scoped advisory lock on each of its
 * identity keys (canonical URL and id, hashed with the schema: installations sharing a
 * database never wait on each other), in a fixed order so two batches cannot deadlock;
 * the second writer waits, then sees the first one's row and reports `unchanged`.
 */
import type pg from 'pg';
import type { Article } from '../../model/article.ts';
import type { Analyzer } from '../../search/analyzer.ts';
import { analyzeForIndex, type IndexAnalysis } from '../analysis.ts';
import type { UpsertResult } from '../types.ts';
import { ARTICLE_COLUMNS as COLUMNS, EXISTING_COLUMNS as EXISTING, canonicalOf, normalizeTag, planUpsert, type Existing } from '../rows.ts';
import { ftsTokens, indexDoc } from './tsv.ts';

/** Advisory-lock class of article identity keys (the first key of the two-int form). */
export const ARTICLE_LOCK_CLASS = 7401;

const INDEX_COLUMNS = ['tsv', 'title_len', 'doc_len'] as const;

const INSERT =
  `INSERT INTO articles (${[...COLUMNS, ...INDEX_COLUMNS].join(', ')}) VALUES (` +
  [...COLUMNS.map((_, i) => `$${i + 1}`), `$${COLUMNS.length + 1}::tsvector`, `$${COLUMNS.length + 2}`, `$${COLUMNS.length + 3}`].join(', ') +
  ') RETURNING seq';
const UPDATE_COLS = COLUMNS.filter((c) => c !== 'id');
const UPDATE = `UPDATE articles SET ${UPDATE_COLS.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE seq = $1`;
const UPDATE_INDEXED =
  `UPDATE articles SET ${UPDATE_COLS.map((c, i) => `${c} = $${i + 2}`).join(', ')}, ` +
  `tsv = $${UPDATE_COLS.length + 2}::tsvector, title_len = $${UPDATE_COLS.length + 3}, doc_len = $${UPDATE_COLS.length + 4} WHERE seq = $1`;
const FIND =
  `(SELECT ${EXISTING} FROM articles WHERE canonical_url = $1 LIMIT 1) UNION ALL ` +
  `(SELECT ${EXISTING} FROM articles WHERE id = $2 LIMIT 1) LIMIT 1`;

/** The identity keys an article locks: its canonical URL and its id. */
export function identityKeys(articles: readonly Article[]): string[] {
  const keys = new Set<string>();
  for (const a of articles) {
    const canon = canonicalOf(a);
    if (canon) keys.add(`u:${canon}`);
    keys.add(`i:${a.id}`);
  }
  return [...keys];
}

/** Takes the batch's identity locks (released at commit), in lock order. */
export async function lockIdentities(c: pg.ClientBase, articles: readonly Article[]): Promise<void> {
  await c.query(
    `SELECT count(pg_advisory_xact_lock(${ARTICLE_LOCK_CLASS}, h)) FROM (SELECT DISTINCT hashtext(current_schema() || ' ' || k) AS h FROM unnest($1::text[]) k ORDER BY 1) s`,
    [identityKeys(articles)],
  );
}

/** Upserts one article inside the caller's transaction. */
export async function upsertOne(c: pg.ClientBase, analyzer: Analyzer, a: Article): Promise<UpsertResult> {
  const old = (await c.query<Existing>(FIND, [canonicalOf(a), a.id])).rows[0];
  let analysis: IndexAnalysis | null = null;
  const plan = planUpsert(a, old, () => (analysis = analyzeForIndex(analyzer, a)).title);
  if (plan.unchanged) return { id: plan.id, status: 'unchanged' };
  const { row } = plan;
  const values = COLUMNS.map((k) => row[k]);
  // The one analysis of this upsert (planUpsert asks for it exactly when re-indexing).
  const done = analysis as IndexAnalysis | null;
  const doc = done ? indexDoc(done.titleTerms.flatMap(ftsTokens), done.textTerms.flatMap(ftsTokens)) : null;
  let seq: number;
  if (!old) {
    seq = (await c.query<{ seq: number }>(INSERT, [...values, doc!.tsv, doc!.titleLen, doc!.docLen])).rows[0]!.seq;
  } else {
    seq = old.seq;
    const rest = values.slice(1);
    if (doc) await c.query(UPDATE_INDEXED, [seq, ...rest, doc.tsv, doc.titleLen, doc.docLen]);
    else await c.query(UPDATE, [seq, ...rest]);
    await c.query('DELETE FROM article_tags WHERE seq = $1', [seq]);
  }
  const tags = [...new Set(a.tags.map(normalizeTag).filter((t) => t))];
  if (tags.length) await c.query('INSERT INTO article_tags (tag, seq) SELECT t, $2 FROM unnest($1::text[]) t ON CONFLICT DO NOTHING', [tags, seq]);
  return { id: row.id, status: old ? 'updated' : 'added' };
}
