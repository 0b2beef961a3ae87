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

const UPDATE_COLS = COLUMNS.filter((c) => c !== 'id');
const UPDATE = `UPDATE articles SET ${UPDATE_COLS.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE seq = $1`;
const UPDATE_INDEXED =
  `UPDATE articles SET ${UPDATE_COLS.map((c, i) => `${c} = $${i + 2}`).join(', ')}, ` +
  `tsv = $${UPDATE_COLS.length + 2}::tsvector, title_len = $${UPDATE_COLS.length + 3}, doc_len = $${UPDATE_COLS.length + 4} WHERE seq = $1`;
/** The stored row an article matches: by canonical URL, else by id. */
const FIND =
  `(SELECT ${EXISTING}, canonical_url FROM articles WHERE canonical_url = $1 LIMIT 1) UNION ALL ` +
  `(SELECT ${EXISTING}, canonical_url FROM articles WHERE id = $2 LIMIT 1) LIMIT 1`;

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

type Stored = Existing & { canonical_url: string | null };

/** What one article's upsert writes, decided against the stored row it matched. */
type Write = { id: string; old: Existing | undefined; values: unknown[]; doc: ReturnType<typeof indexDoc> | null; tags: string[] };

/** The upsert of `a` over `old`: nothing (`unchanged`) or the row to write. */
function plan(analyzer: Analyzer, a: Article, old: Existing | undefined): UpsertResult | Write {
  let analysis: IndexAnalysis | null = null;
  const p = planUpsert(a, old, () => (analysis = analyzeForIndex(analyzer, a)).title);
  if (p.unchanged) return { id: p.id, status: 'unchanged' };
  // The one analysis of this upsert (planUpsert asks for it exactly when re-indexing).
  const done = analysis as IndexAnalysis | null;
  const doc = done ? indexDoc(done.titleTerms.flatMap(ftsTokens), done.textTerms.flatMap(ftsTokens)) : null;
  const tags = [...new Set(a.tags.map(normalizeTag).filter((t) => t))];
  return { id: p.row.id, old, values: COLUMNS.map((k) => p.row[k]), doc, tags };
}

const isWrite = (x: UpsertResult | Write): x is Write => 'values' in x;

/** Writes a stored row again (its tags replaced); new rows go through `insertRows`. */
async function update(c: pg.ClientBase, w: Write & { old: Existing }): Promise<UpsertResult> {
  const seq = w.old.seq;
  const rest = w.values.slice(1);
  if (w.doc) await c.query(UPDATE_INDEXED, [seq, ...rest, w.doc.tsv, w.doc.titleLen, w.doc.docLen]);
  else await c.query(UPDATE, [seq, ...rest]);
  await c.query('DELETE FROM article_tags WHERE seq = $1', [seq]);
  await insertTags(c, w.tags.map((t) => [t, seq]));
  return { id: w.id, status: 'updated' };
}

async function insertTags(c: pg.ClientBase, pairs: Array<[string, number]>): Promise<void> {
  if (pairs.length) await c.query('INSERT INTO article_tags (tag, seq) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING', [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
}

/** New rows (ids distinct), in one statement per INSERT_ROWS, numbered in the order given. */
async function insertRows(c: pg.ClientBase, rows: Write[]): Promise<void> {
  const width = COLUMNS.length + 3;
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    const part = rows.slice(i, i + INSERT_ROWS);
    const tuples = part.map((_, r) => '(' + Array.from({ length: width }, (_, k) => `$${r * width + k + 1}${k === COLUMNS.length ? '::tsvector' : ''}`).join(', ') + ')');
    const params = part.flatMap((w) => [...w.values, w.doc!.tsv, w.doc!.titleLen, w.doc!.docLen]);
    const got = await c.query<{ seq: number; id: string }>(`INSERT INTO articles (${[...COLUMNS, ...INDEX_COLUMNS].join(', ')}) VALUES ${tuples.join(', ')} RETURNING seq, id`, params);
    const seqOf = new Map(got.rows.map((r) => [r.id, r.seq]));
    await insertTags(c, part.flatMap((w) => w.tags.map((t): [string, number] => [t, seqOf.get(w.id)!])));
  }
}

/** Rows a multi-row insert writes at once (26 parameters each, under PostgreSQL's 65,535). */
const INSERT_ROWS = 1000;

/**
 * Upserts a batch inside the caller's transaction (its identities locked), as `upsertOne`
 * one after another would: the stored rows matched in one statement and the new rows
 * inserted together, in the batch's order. An article whose canonical URL or id an earlier
 * one of the batch wrote (a copy in the batch, a row re-keyed) is matched afresh after
 * the rows before it are written.
 */
export async function upsertBatch(c: pg.ClientBase, analyzer: Analyzer, articles: readonly Article[]): Promise<UpsertResult[]> {
  const canons = articles.map(canonicalOf);
  const stored = (
    await c.query<Stored>(`SELECT ${EXISTING}, canonical_url FROM articles WHERE canonical_url = ANY($1::text[]) OR id = ANY($2::text[])`, [
      canons.filter((u): u is string => u !== null),
      articles.map((a) => a.id),
    ])
  ).rows;
  const byCanon = new Map(stored.filter((r) => r.canonical_url !== null).map((r) => [r.canonical_url!, r]));
  const byId = new Map(stored.map((r) => [r.id, r]));
  const touched = new Set<string>();
  const pending: Write[] = [];
  const flush = async () => {
    await insertRows(c, pending);
    pending.length = 0;
  };
  const out: UpsertResult[] = [];
  for (const [i, a] of articles.entries()) {
    const canon = canons[i]!;
    const keys = [`i:${a.id}`, ...(canon ? [`u:${canon}`] : [])];
    let old: Stored | undefined;
    if (keys.some((k) => touched.has(k))) {
      await flush();
      old = (await c.query<Stored>(FIND, [canon, a.id])).rows[0];
    } else old = (canon ? byCanon.get(canon) : undefined) ?? byId.get(a.id);
    for (const k of keys) touched.add(k);
    if (old) {
      touched.add(`i:${old.id}`);
      if (old.canonical_url) touched.add(`u:${old.canonical_url}`);
    }
    const w = plan(analyzer, a, old);
    if (!isWrite(w)) out.push(w);
    else if (w.old) out.push(await update(c, { ...w, old: w.old }));
    else {
      pending.push(w);
      out.push({ id: w.id, status: 'added' });
    }
  }
  await flush();
  return out;
}
