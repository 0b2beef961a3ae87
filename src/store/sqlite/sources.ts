/**
 * Subscribed sources and their polling state in SQLite: the scheduler's `SourceStateStore`
 * (due sources, poll state, recorded outcomes) and the admin's `SourceAdmin` (add, remove,
 * import a list), plus the listing the admin page shows.
 *
 * Contract: a source is its canonical URL (id = 16 hex digits of SHA-256 over it), so
 * adding the same feed twice, or under a tracking-parameter variant, keeps one row; only
 * http(s) URLs are accepted (anything else throws a `store.bad_source_url` error, which
 * the web layer turns into a 400). A new source is due at once; `dueSources` reads the
 * next-poll index, never the whole table.
 */
import type Database from 'better-sqlite3';
import type { PollOutcome, PollState, SourceStateStore } from '../../model/sources.ts';
import { canonicalUrl } from '../../model/url.ts';
import { DEFAULT_INTERVAL_SEC, SourceUrlError, pollState, sourceId, sourceInfo, type SourceRow } from '../source-rows.ts';
import type { SourceAdmin, SourceInfo } from '../../model/reader.ts';

export class SqliteSources implements SourceStateStore, SourceAdmin {
  private readonly q;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    const p = <T = unknown>(sql: string) => db.prepare<unknown[], T>(sql);
    this.q = {
      get: p<SourceRow>('SELECT * FROM sources WHERE id = ?'),
      all: p<SourceRow>('SELECT * FROM sources ORDER BY coalesce(title, url), url'),
      due: p<SourceRow>('SELECT * FROM sources WHERE next_poll <= ? ORDER BY next_poll LIMIT ?'),
      insert: p(
        `INSERT INTO sources (id, url, title, interval_sec, next_poll, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      ),
      setTitle: p('UPDATE sources SET title = ? WHERE id = ? AND title IS NULL'),
      delete: p('DELETE FROM sources WHERE id = ?'),
      record: p(
        `UPDATE sources SET last_fetch = @lastFetch, status = @status, last_error = @error, etag = @etag,
           last_modified = @lastModified, error_count = @errorCount, next_poll = @nextPoll,
           title = coalesce(title, @title) WHERE id = @id`,
      ),
    };
  }

  private add(url: string, title: string | null): { row: SourceRow; added: boolean } {
    const canon = /^https?:\/\//i.test(url.trim()) ? canonicalUrl(url) : null;
    if (!canon) throw new SourceUrlError(`store: not an http(s) feed URL: ${url.slice(0, 200)}`);
    const id = sourceId(canon);
    const now = this.now().toISOString();
    const t = title?.trim() || null;
    const added = this.q.insert.run(id, canon, t, DEFAULT_INTERVAL_SEC, now, now).changes > 0;
    if (!added && t) this.q.setTitle.run(t, id);
    return { row: this.q.get.get(id)!, added };
  }

  addSource(s: { url: string; title?: string | null }): Promise<SourceInfo> {
    try {
      return Promise.resolve(sourceInfo(this.add(s.url, s.title ?? null).row));
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }

  removeSource(id: string): Promise<boolean> {
    return Promise.resolve(this.q.delete.run(id).changes > 0);
  }

  /** Adds every URL it can in one transaction; bad URLs are skipped (the OPML parser reports them). */
  importSources(list: Array<{ url: string; title: string | null }>): Promise<{ added: number; existing: number }> {
    let added = 0;
    let existing = 0;
    this.db.transaction(() => {
      for (const s of list) {
        try {
          if (this.add(s.url, s.title).added) added++;
          else existing++;
        } catch (e) {
          if (!(e instanceof SourceUrlError)) throw e;
        }
      }
    })();
    return Promise.resolve({ added, existing });
  }

  listSources(): Promise<SourceInfo[]> {
    return Promise.resolve(this.q.all.all().map(sourceInfo));
  }

  dueSources(nowIso: string, limit: number): Promise<PollState[]> {
    return Promise.resolve(this.q.due.all(nowIso, Math.max(0, Math.trunc(limit))).map(pollState));
  }

  getPollState(id: string): Promise<PollState | null> {
    const r = this.q.get.get(id);
    return Promise.resolve(r ? pollState(r) : null);
  }

  recordPoll(id: string, o: PollOutcome): Promise<void> {
    this.q.record.run({
      id,
      lastFetch: o.lastFetch,
      status: o.status,
      error: o.error,
      etag: o.etag,
      lastModified: o.lastModified,
      errorCount: o.errorCount,
      nextPoll: o.nextPoll,
      title: o.title ?? null,
    });
    return Promise.resolve();
  }
}
