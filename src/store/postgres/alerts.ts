/**
 * Alerts on PostgreSQL (migration 015): the port of store/sqlite/alerts.ts. Matches are
 * written through the TxScope, so inside the pipeline's grouping transaction; claims take
 * due rows with FOR UPDATE SKIP LOCKED and a lease, so any number of workers and servers
 * deliver without sending one entry twice at once.
 */
import type pg from 'pg';
import type { Alert, AlertEntry, AlertStore, AttemptLog, AttemptOutcome, DueDelivery, MatchRow } from '../../model/alerts.ts';
import { ALERT_COLUMNS, MAX_ENTRY_ARTICLES, SNIPPET_READ, alertToRow, clipError, pauseReason, rowToAlert, rowToMatched, type AlertRow, type MatchedArticleRow } from '../alert-rows.ts';
import type { TxScope } from './db.ts';

export class PgAlerts implements AlertStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly scope: TxScope,
    /** One transaction on one connection: the store's own `PgStore.tx`. */
    private readonly tx: <T>(fn: (c: pg.PoolClient) => Promise<T>) => Promise<T>,
  ) {}

  private bump(c: pg.PoolClient) {
    return c.query("INSERT INTO meta (key, value) VALUES ('alerts_version', '1') ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text");
  }

  async createAlert(a: Alert): Promise<Alert> {
    const row = alertToRow(a);
    await this.tx(async (c) => {
      await c.query(`INSERT INTO alerts (${ALERT_COLUMNS.join(', ')}) VALUES (${ALERT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`, ALERT_COLUMNS.map((k) => row[k]));
      await this.bump(c);
    });
    return a;
  }

  async listAlerts(): Promise<Alert[]> {
    return (await this.pool.query<AlertRow>('SELECT * FROM alerts ORDER BY created_at, id')).rows.map(rowToAlert);
  }

  async getAlert(id: string): Promise<Alert | null> {
    const r = (await this.pool.query<AlertRow>('SELECT * FROM alerts WHERE id = $1', [id])).rows[0];
    return r ? rowToAlert(r) : null;
  }

  async removeAlert(id: string): Promise<boolean> {
    return this.tx(async (c) => {
      const n = (await c.query('DELETE FROM alerts WHERE id = $1', [id])).rowCount ?? 0;
      if (n) await this.bump(c);
      return n > 0;
    });
  }

  async resumeAlert(id: string): Promise<boolean> {
    return ((await this.pool.query('UPDATE alerts SET paused_at = NULL, paused_reason = NULL, consecutive_failures = 0 WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async alertsVersion(): Promise<string> {
    return (await this.pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'alerts_version'")).rows[0]?.value ?? '0';
  }

  async recordMatches(rows: MatchRow[], now: string): Promise<void> {
    if (rows.length === 0) return;
    const db = this.scope.db();
    // The entry each alert files an article under: an entry of the alert holding another article of the
    // article's current story (renamed or merged since that entry was made), else the story itself (see
    // the SQLite store); the oldest such entry wins.
    const targets = await db.query<{ story_id: string }>(
      `SELECT coalesce((
         SELECT m.story_id FROM story_entries e JOIN alert_match_articles m ON m.alert_id = x.alert_id AND m.article_id = e.id
         WHERE e.story_id = x.story_id AND e.id <> x.article_id ORDER BY m.added_at, m.story_id LIMIT 1), x.story_id) AS story_id
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x (alert_id, story_id, article_id, n) ORDER BY x.n`,
      [rows.map((r) => r.alertId), rows.map((r) => r.storyId), rows.map((r) => r.articleId)],
    );
    const alertIds = rows.map((r) => r.alertId);
    const storyIds = targets.rows.map((r) => r.story_id);
    const articleIds = rows.map((r) => r.articleId);
    await db.query(
      `INSERT INTO alert_matches (alert_id, story_id, state, created_at, updated_at, next_attempt)
       SELECT DISTINCT ON (x.alert_id, x.story_id) x.alert_id, x.story_id, CASE WHEN a.webhook_url IS NULL THEN 'feed' ELSE 'pending' END, $3, $3, $3
       FROM unnest($1::text[], $2::text[]) AS x (alert_id, story_id) JOIN alerts a ON a.id = x.alert_id
       ON CONFLICT (alert_id, story_id) DO NOTHING`,
      [alertIds, storyIds, now],
    );
    await db.query(
      `WITH added AS (
         INSERT INTO alert_match_articles (alert_id, article_id, story_id, added_at)
         SELECT x.alert_id, x.article_id, x.story_id, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS x (alert_id, article_id, story_id)
         JOIN alert_matches m ON m.alert_id = x.alert_id AND m.story_id = x.story_id
         ON CONFLICT DO NOTHING RETURNING alert_id, story_id)
       UPDATE alert_matches m SET updated_at = $4 FROM (SELECT DISTINCT alert_id, story_id FROM added) d WHERE m.alert_id = d.alert_id AND m.story_id = d.story_id`,
      [alertIds, articleIds, storyIds, now],
    );
  }

  private async entryArticles(alertId: string, storyId: string) {
    const r = await this.pool.query<MatchedArticleRow>(
      `SELECT a.id, a.url, a.title, a.outlet, a.published_at, m.story_id, substr(a.text, 1, ${SNIPPET_READ}) AS head
       FROM alert_match_articles m JOIN articles a ON a.id = m.article_id
       WHERE m.alert_id = $1 AND m.story_id = $2 ORDER BY a.published_at, a.id LIMIT $3`,
      [alertId, storyId, MAX_ENTRY_ARTICLES],
    );
    return r.rows.map(rowToMatched);
  }

  async claimDue(now: string, limit: number, leaseMs: number): Promise<DueDelivery[]> {
    const lease = new Date(Date.parse(now) + leaseMs).toISOString();
    const r = await this.pool.query<{ alert_id: string; story_id: string; attempts: number }>(
      `UPDATE alert_matches m SET lease_until = $3 FROM (
         SELECT m2.alert_id, m2.story_id FROM alert_matches m2 JOIN alerts a ON a.id = m2.alert_id
         WHERE m2.state = 'pending' AND m2.next_attempt <= $1 AND (m2.lease_until IS NULL OR m2.lease_until <= $1)
           AND a.paused_at IS NULL AND a.webhook_url IS NOT NULL
         ORDER BY m2.next_attempt LIMIT $2 FOR UPDATE OF m2 SKIP LOCKED) c
       WHERE m.alert_id = c.alert_id AND m.story_id = c.story_id
       RETURNING m.alert_id, m.story_id, m.attempts`,
      [now, limit, lease],
    );
    const alerts = new Map<string, Alert>();
    const out: DueDelivery[] = [];
    for (const x of r.rows) {
      let alert = alerts.get(x.alert_id);
      if (!alert) alerts.set(x.alert_id, (alert = (await this.getAlert(x.alert_id))!));
      out.push({ alert, storyId: x.story_id, attempts: x.attempts, articles: await this.entryArticles(x.alert_id, x.story_id) });
    }
    return out;
  }

  async recordAttempt(alertId: string, storyId: string | null, o: AttemptOutcome, x: { now: string; nextAttempt: string | null; maxFailures: number; test?: boolean }): Promise<void> {
    const error = clipError(o.error);
    await this.tx(async (c) => {
      await c.query('INSERT INTO alert_attempts (alert_id, story_id, at, ok, status, error, ms, test) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        alertId, storyId, x.now, o.ok, o.status, error, Math.round(o.ms), x.test === true,
      ]);
      if (x.test || storyId === null) return;
      if (o.ok) {
        await c.query("UPDATE alert_matches SET state = 'delivered', delivered_at = $1, lease_until = NULL, last_error = NULL WHERE alert_id = $2 AND story_id = $3", [x.now, alertId, storyId]);
        await c.query('UPDATE alerts SET consecutive_failures = 0 WHERE id = $1', [alertId]);
        return;
      }
      await c.query('UPDATE alert_matches SET attempts = attempts + 1, next_attempt = $1, lease_until = NULL, last_error = $2 WHERE alert_id = $3 AND story_id = $4', [x.nextAttempt ?? x.now, error, alertId, storyId]);
      await c.query(
        `UPDATE alerts SET consecutive_failures = consecutive_failures + 1,
           paused_at = CASE WHEN paused_at IS NULL AND consecutive_failures + 1 >= $2 THEN $3 ELSE paused_at END,
           paused_reason = CASE WHEN paused_at IS NULL AND consecutive_failures + 1 >= $2 THEN $4 ELSE paused_reason END
         WHERE id = $1`,
        [alertId, x.maxFailures, x.now, pauseReason(x.maxFailures, error)],
      );
    });
  }

  async pendingCount(now: string): Promise<{ pending: number; due: number }> {
    const r = await this.pool.query<{ pending: number; due: number }>(
      `SELECT count(*)::int AS pending, count(*) FILTER (WHERE m.next_attempt <= $1)::int AS due FROM alert_matches m JOIN alerts a ON a.id = m.alert_id
       WHERE m.state = 'pending' AND a.paused_at IS NULL AND a.webhook_url IS NOT NULL`,
      [now],
    );
    return r.rows[0]!;
  }

  async listEntries(alertId: string, limit: number): Promise<AlertEntry[]> {
    const rows = (
      await this.pool.query<{ story_id: string; state: 'pending' | 'delivered' | 'feed'; created_at: string; updated_at: string; attempts: number; delivered_at: string | null; last_error: string | null }>(
        'SELECT * FROM alert_matches WHERE alert_id = $1 ORDER BY updated_at DESC, story_id LIMIT $2',
        [alertId, limit],
      )
    ).rows;
    const out: AlertEntry[] = [];
    for (const r of rows) {
      out.push({ storyId: r.story_id, state: r.state, createdAt: r.created_at, updatedAt: r.updated_at, deliveredAt: r.delivered_at, attempts: r.attempts, lastError: r.last_error, articles: await this.entryArticles(alertId, r.story_id) });
    }
    return out;
  }

  async listAttempts(alertId: string | null, limit: number): Promise<AttemptLog[]> {
    const r = await this.pool.query<{ alert_id: string; story_id: string | null; at: string; ok: boolean; status: number | null; error: string | null; ms: number; test: boolean }>(
      alertId ? 'SELECT * FROM alert_attempts WHERE alert_id = $1 ORDER BY id DESC LIMIT $2' : 'SELECT * FROM alert_attempts ORDER BY id DESC LIMIT $1',
      alertId ? [alertId, limit] : [limit],
    );
    return r.rows.map((x) => ({ alertId: x.alert_id, storyId: x.story_id, at: x.at, ok: x.ok, status: x.status, error: x.error, ms: x.ms, test: x.test }));
  }
}
