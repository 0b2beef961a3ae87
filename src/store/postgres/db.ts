/**
 * What the PostgreSQL store's parts query through: the pool, or — inside
 * `writeTransaction` — the transaction's client (found through AsyncLocalStorage, so
 * the stories code, which knows nothing of connections, writes inside the transaction).
 * Also the pool's type parsers: int8 (counts, epoch-ms times, band keys < 2^53) as numbers.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

export interface Db {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** Type parsers for this store's pools only (pg-boss keeps the defaults). */
export const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** The connection of the current transaction, if any. */
export class TxScope {
  private readonly als = new AsyncLocalStorage<pg.PoolClient>();

  constructor(private readonly pool: pg.Pool) {}

  /** The transaction's client inside `run`, else the pool. */
  db(): Db {
    return (this.als.getStore() as Db | undefined) ?? (this.pool as unknown as Db);
  }

  /** The pool, even inside `run`: a statement committed on its own, outside the transaction. */
  outside(): Db {
    return this.pool as unknown as Db;
  }

  current(): pg.PoolClient | undefined {
    return this.als.getStore();
  }

  run<T>(c: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
    return this.als.run(c, fn);
  }
}
