/**
 * Sources and their polling state in PostgreSQL (migration 012): the port of
 * store/sqlite/sources.ts — the scheduler's SourceStateStore and the admin's SourceAdmin,
 * a source being its canonical URL (id = 16 hex digits of SHA-256 over it), only http(s)
 * accepted (`store.bad_source_url`), a new source due at once.
 */
import type pg from 'pg';
import type { PollOutcome, PollState, SourceStateStore } from '../../model/sources.ts';
import { canonicalUrl } from '../../model/url.ts';
import { DEFAULT_INTERVAL_SEC, SourceUrlError, pollState, sourceId, sourceInfo, type SourceRow } from '../source-rows.ts';
import type { SourceAdmin, SourceInfo } from '../../model/reader.ts';
import type { Db } from './db.ts';

export class PgSources implements SourceStateStore, SourceAdmin {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async add(db: Db, url: string, title: string | null): Promise<{ row: SourceRow; added: boolean }> {
    const canon = /^https?:\/\//i.test(url.trim()) ? canonicalUrl(url) : null;
    if (!canon) throw new SourceUrlError(`store: not an http(s) feed URL: ${url.slice(0, 200)}`);
    const id = sourceId(canon);
    const now = this.now().toISOString();
    const t = title?.trim() || null;
    const ins = await db.query(
      'INSERT INTO sources (id, url, title, interval_sec, next_poll, created_at) VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (id) DO NOTHING',
      [id, canon, t, DEFAULT_INTERVAL_SEC, now],
    );
    const added = (ins.rowCount ?? 0) > 0;
    if (!added && t) await db.query('UPDATE sources SET title = $1 WHERE id = $2 AND title IS NULL', [t, id]);
    return { row: (await db.query<SourceRow>('SELECT * FROM sources WHERE id = $1', [id])).rows[0]!, added };
  }

  async addSource(s: { url: string; title?: string | null }): Promise<SourceInfo> {
    return sourceInfo((await this.add(this.pool as unknown as Db, s.url, s.title ?? null)).row);
  }

  async removeSource(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM sources WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  /** Adds every URL it can in one transaction; bad URLs are skipped. */
  async importSources(list: Array<{ url: string; title: string | null }>): Promise<{ added: number; existing: number }> {
    let added = 0;
    let existing = 0;
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      for (const s of list) {
        try {
          if ((await this.add(c as unknown as Db, s.url, s.title)).added) added++;
          else existing++;
        } catch (e) {
          if (!(e instanceof SourceUrlError)) throw e;
        }
      }
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
    return { added, existing };
  }

  async listSources(): Promise<SourceInfo[]> {
    return (await this.pool.query<SourceRow>('SELECT * FROM sources ORDER BY coalesce(title, url), url')).rows.map(sourceInfo);
  }

  async dueSources(nowIso: string, limit: number): Promise<PollState[]> {
    const r = await this.pool.query<SourceRow>('SELECT * FROM sources WHERE next_poll <= $1 ORDER BY next_poll LIMIT $2', [nowIso, Math.max(0, Math.trunc(limit))]);
    return r.rows.map(pollState);
  }

  async getPollState(id: string): Promise<PollState | null> {
    const r = (await this.pool.query<SourceRow>('SELECT * FROM sources WHERE id = $1', [id])).rows[0];
    return r ? pollState(r) : null;
  }

  async recordPoll(id: string, o: PollOutcome): Promise<void> {
    await this.pool.query(
      `UPDATE sources SET last_fetch = $2, status = $3, last_error = $4, etag = $5, last_modified = $6, error_count = $7,
         next_poll = $8, title = coalesce(title, $9) WHERE id = $1`,
      [id, o.lastFetch, o.status, o.error, o.etag, o.lastModified, o.errorCount, o.nextPoll, o.title ?? null],
    );
  }
}
