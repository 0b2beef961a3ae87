/**
 * A search worker thread (search-pool.ts, run by piscina): its own read-only connection to
 * the store's SQLite file (WAL: it reads the last committed state while the server's
 * connection writes) and the same `SqliteSearch` the in-process path runs, so a pooled
 * search answers exactly what `SqliteStore.searchSync` would. An error inside a search
 * becomes the same notice as in-process (`searchOrNotice`); a connection that cannot be
 * opened fails every task with a message naming the file.
 */
import Database from 'better-sqlite3';
import { workerData } from 'piscina';
import { analyzerFor, type StemmerChoice } from '../../search/analyzer.ts';
import type { SearchQuery, SearchResult } from '../types.ts';
import { SqliteSearch, searchOrNotice } from './search.ts';
import type { SearchWorkerData } from './search-pool.ts';

const data = workerData as SearchWorkerData;
let searcher: SqliteSearch | null = null;
let failure: Error | null = null;
try {
  const db = new Database(data.path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${data.cacheKiB}`);
  db.pragma(`mmap_size = ${data.mmapBytes}`);
  searcher = new SqliteSearch(db, analyzerFor(data.stemmer as StemmerChoice));
} catch (e) {
  failure = new Error(`search worker: cannot open ${data.path}: ${(e as Error).message}`);
}

export default function search(q: SearchQuery): SearchResult {
  if (!searcher) throw failure!;
  return searchOrNotice(searcher, q);
}
