/**
 * The systems the search benchmark compares, each behind `search(q) → top ids`:
 * - Marsad (a SqliteStore with a given stemmer): the real search path, snippets included;
 * - SQLite FTS5 `unicode61` over the raw title and text (title weighted like ours), words
 *   ANDed — also the "bare FTS5 insert" that ingest throughput is compared with;
 * - PostgreSQL's `arabic` text search configuration (title weight A, ts_rank_cd,
 *   plainto_tsquery), in a scratch schema dropped afterwards; only on 127.0.0.1.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import type { BenchArticle } from './queries.ts';
import type { SqliteStore } from '../../src/store/sqlite/index.ts';

export interface System {
  name: string;
  /** The top rows' ids; a row may name several articles (a story-collapsed row and the copies it names). */
  search(q: string): Array<string | string[]> | Promise<Array<string | string[]>>;
  close(): Promise<void>;
}

export function marsadSystem(name: string, store: SqliteStore, limit = 10): System {
  return {
    name,
    search: (q) => store.searchSync({ q, limit }).hits.map((h) => h.id),
    close: () => store.close(),
  };
}

/** Builds the raw FTS5 index (batches of `batch` per transaction); returns it and the time taken. */
export function rawFts(path: string, articles: BenchArticle[], batch = 500): { system: System; ms: number } {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec("CREATE VIRTUAL TABLE raw USING fts5 (id UNINDEXED, title, text, tokenize = 'unicode61')");
  const ins = db.prepare('INSERT INTO raw (id, title, text) VALUES (?, ?, ?)');
  const run = db.transaction((xs: BenchArticle[]) => {
    for (const a of xs) ins.run(a.id, a.title, a.text);
  });
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i += batch) run(articles.slice(i, i + batch));
  const ms = performance.now() - t0;
  const q = db.prepare<[string], { id: string }>('SELECT id FROM raw WHERE raw MATCH ? ORDER BY bm25(raw, 0, 4, 1) LIMIT 10');
  const system: System = {
    name: 'FTS5 unicode61, raw text',
    search: (query) => {
      const words = query.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
      if (words.length === 0) return [];
      try {
        return q.all(words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND ')).map((r) => r.id);
      } catch {
        return [];
      }
    },
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
  return { system, ms };
}

/** PostgreSQL's `arabic` configuration, or null when no server answers. */
export async function postgresArabic(url: string, articles: BenchArticle[]): Promise<System | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return null;
  }
  const schema = `marsad_bench_${process.pid}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`SET search_path = ${schema}`);
  await client.query('CREATE TABLE docs (id text PRIMARY KEY, title text, body text, tsv tsvector)');
  for (let i = 0; i < articles.length; i += 2000) {
    const xs = articles.slice(i, i + 2000);
    await client.query(
      `INSERT INTO docs (id, title, body, tsv)
       SELECT id, title, body, setweight(to_tsvector('arabic', title), 'A') || setweight(to_tsvector('arabic', body), 'D')
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t (id, title, body)`,
      [xs.map((a) => a.id), xs.map((a) => a.title), xs.map((a) => a.text)],
    );
  }
  await client.query('CREATE INDEX docs_tsv ON docs USING gin (tsv)');
  await client.query('ANALYZE docs');
  return {
    name: "PostgreSQL 'arabic'",
    search: async (q) => {
      const r = await client.query<{ id: string }>(
        `SELECT id FROM docs, plainto_tsquery('arabic', $1) q WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC LIMIT 10`,
        [q],
      );
      return r.rows.map((x) => x.id);
    },
    close: async () => {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}
