/**
 * Alerts on SQLite (migration 015): the AlertStore (src/alerts/types.ts) over the same
 * connection as the articles, so an article's matches are written in the transaction that
 * groups it (a crash loses both or neither).
 *
 * The pipeline's write transaction spans awaits on this one connection; a deliverer or an
 * admin write running meanwhile in the same process would land inside it. So every write
 * here but `recordMatches` (which is meant to be inside it) first waits for the
 * connection to be out of a transaction. Across processes (serve and an import) claims
 * are leases taken under BEGIN IMMEDIATE, so two deliverers never send one entry at once.
 */
import type Database from 'better-sqlite3';
import type { Alert, AlertEntry, AlertStore, AttemptLog, AttemptOutcome, DueDelivery, MatchRow } from '../../model/alerts.ts';
import { ALERT_COLUMNS, MAX_ENTRY_ARTICLES, SNIPPET_READ, alertToRow, clipError, pauseReason, rowToAlert, rowToMatched, type AlertRow, type MatchedArticleRow } from '../alert-rows.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface EntryRow {
  alert_id: string;
  story_id: string;
  state: 'pending' | 'delivered' | 'feed';
  created_at: string;
  updated_at: string;
  attempts: number;
  delivered_at: string | null;
  last_error: string | null;
}

export class SqliteAlerts implements AlertStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      // One statement per table for all of an article's matches (a JSON array of alert ids), prepared once.
      insertMatches: db.prepare(
        `INSERT INTO alert_matches (alert_id, story_id, state, created_at, updated_at, next_attempt)
         SELECT a.id, @story_id, CASE WHEN a.webhook_url IS NULL THEN 'feed' ELSE 'pending' END, @now, @now, @now
         FROM json_each(@ids) j JOIN alerts a ON a.id = j.value WHERE true
         ON CONFLICT (alert_id, story_id) DO UPDATE SET updated_at = excluded.updated_at`,
      ),
      // Only under an existing entry (the alert may have been removed since the matcher was built).
      insertArticles: db.prepare(
        `INSERT INTO alert_match_articles (alert_id, article_id, story_id, added_at)
         SELECT m.alert_id, @article_id, @story_id, @now FROM json_each(@ids) j JOIN alert_matches m ON m.alert_id = j.value AND m.story_id = @story_id WHERE true
         ON CONFLICT DO NOTHING`,
      ),
      articles: db.prepare<[string, string, number], MatchedArticleRow>(
        `SELECT a.id, a.url, a.title, a.outlet, a.published_at, m.story_id, substr(a.text, 1, ${SNIPPET_READ}) AS head
         FROM alert_match_articles m JOIN articles a ON a.id = m.article_id
         WHERE m.alert_id = ? AND m.story_id = ? ORDER BY a.published_at, a.id LIMIT ?`,
      ),
      // The entry each alert files an article under: an entry of the alert holding another article of the
      // article's current story (the story may have been renamed or merged since that entry was made), else
      // the story itself. The oldest such entry wins, so a story is one entry per alert whatever its renames.
      targets: db.prepare<{ ids: string; story_id: string; article_id: string }, { alert_id: string; story_id: string }>(
        `SELECT j.value AS alert_id, coalesce((
           SELECT m.story_id FROM story_entries e JOIN alert_match_articles m ON m.alert_id = j.value AND m.article_id = e.id
           WHERE e.story_id = @story_id AND e.id <> @article_id ORDER BY m.added_at, m.story_id LIMIT 1), @story_id) AS story_id
         FROM json_each(@ids) j`,
      ),
      alone: db.prepare<[string, string], number>('SELECT 1 FROM story_entries WHERE story_id = ? AND id <> ? LIMIT 1').pluck(),
      version: db.prepare("SELECT value FROM meta WHERE key = 'alerts_version'").pluck(),
      bump: db.prepare("INSERT INTO meta (key, value) VALUES ('alerts_version', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"),
    };
  }

  /** Waits until no transaction is open on the connection (see the module comment). */
  private async idle(): Promise<void> {
    while (this.db.inTransaction) await sleep(2);
  }

  async createAlert(a: Alert): Promise<Alert> {
    await this.idle();
    const row = alertToRow(a);
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO alerts (${ALERT_COLUMNS.join(', ')}) VALUES (${ALERT_COLUMNS.map((c) => '@' + c).join(', ')})`).run(row);
      this.s.bump.run();
    }).immediate();
    return a;
  }

  listAlerts(): Promise<Alert[]> {
    return Promise.resolve((this.db.prepare('SELECT * FROM alerts ORDER BY created_at, id').all() as AlertRow[]).map(rowToAlert));
  }

  getAlert(id: string): Promise<Alert | null> {
    const r = this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as AlertRow | undefined;
    return Promise.resolve(r ? rowToAlert(r) : null);
  }

  async removeAlert(id: string): Promise<boolean> {
    await this.idle();
    return this.db.transaction(() => {
      const n = this.db.prepare('DELETE FROM alerts WHERE id = ?').run(id).changes;
      if (n) this.s.bump.run();
      return n > 0;
    }).immediate();
  }

  async resumeAlert(id: string): Promise<boolean> {
    await this.idle();
    return this.db.prepare('UPDATE alerts SET paused_at = NULL, paused_reason = NULL, consecutive_failures = 0 WHERE id = ?').run(id).changes > 0;
  }

  alertsVersion(): Promise<string> {
    return Promise.resolve(String((this.s.version.get() as string | undefined) ?? '0'));
  }

  recordMatches(rows: MatchRow[], now: string): Promise<void> {
    // Rows come per article (one story, one article, many alerts): one INSERT per table and group.
    const groups = new Map<string, { story_id: string; article_id: string; ids: string[] }>();
    for (const r of rows) {
      const k = `${r.storyId}\u0000${r.articleId}`;
      const g = groups.get(k);
      if (g) g.ids.push(r.alertId);
      else groups.set(k, { story_id: r.storyId, article_id: r.articleId, ids: [r.alertId] });
    }
    for (const g of groups.values()) {
      const byEntry = new Map<string, string[]>();
      // Most matched articles start a story of their own: then there is no other entry to look for.
      const alone = this.s.alone.get(g.story_id, g.article_id) === undefined;
      const targets = alone ? g.ids.map((alert_id) => ({ alert_id, story_id: g.story_id })) : this.s.targets.all({ ids: JSON.stringify(g.ids), story_id: g.story_id, article_id: g.article_id });
      for (const t of targets) {
        const l = byEntry.get(t.story_id);
        if (l) l.push(t.alert_id);
        else byEntry.set(t.story_id, [t.alert_id]);
      }
      for (const [story, ids] of byEntry) {
        const p = { story_id: story, article_id: g.article_id, ids: JSON.stringify(ids), now };
        // An article is matched once (when first grouped), so the entry's updated_at moves with each new article.
        this.s.insertMatches.run(p);
        this.s.insertArticles.run(p);
      }
    }
    return Promise.resolve();
  }

  private entryArticles(alertId: string, storyId: string) {
    return this.s.articles.all(alertId, storyId, MAX_ENTRY_ARTICLES).map(rowToMatched);
  }

  async claimDue(now: string, limit: number, leaseMs: number): Promise<DueDelivery[]> {
    await this.idle();
    const lease = new Date(Date.parse(now) + leaseMs).toISOString();
    const claimed = this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT m.alert_id, m.story_id, m.attempts FROM alert_matches m JOIN alerts a ON a.id = m.alert_id
           WHERE m.state = 'pending' AND m.next_attempt <= @now AND (m.lease_until IS NULL OR m.lease_until <= @now)
             AND a.paused_at IS NULL AND a.webhook_url IS NOT NULL
           ORDER BY m.next_attempt LIMIT @limit`,
        )
        .all({ now, limit }) as Array<{ alert_id: string; story_id: string; attempts: number }>;
      const take = this.db.prepare('UPDATE alert_matches SET lease_until = ? WHERE alert_id = ? AND story_id = ?');
      for (const r of rows) take.run(lease, r.alert_id, r.story_id);
      return rows;
    }).immediate();
    const alerts = new Map<string, Alert>();
    const out: DueDelivery[] = [];
    for (const r of claimed) {
      let alert = alerts.get(r.alert_id);
      if (!alert) alerts.set(r.alert_id, (alert = (await this.getAlert(r.alert_id))!));
      out.push({ alert, storyId: r.story_id, attempts: r.attempts, articles: this.entryArticles(r.alert_id, r.story_id) });
    }
    return out;
  }

  async recordAttempt(alertId: string, storyId: string | null, o: AttemptOutcome, x: { now: string; nextAttempt: string | null; maxFailures: number; test?: boolean }): Promise<void> {
    await this.idle();
    const error = clipError(o.error);
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO alert_attempts (alert_id, story_id, at, ok, status, error, ms, test) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(alertId, storyId, x.now, o.ok ? 1 : 0, o.status, error, Math.round(o.ms), x.test ? 1 : 0);
      if (x.test || storyId === null) return;
      if (o.ok) {
        this.db.prepare("UPDATE alert_matches SET state = 'delivered', delivered_at = ?, lease_until = NULL, last_error = NULL WHERE alert_id = ? AND story_id = ?").run(x.now, alertId, storyId);
        this.db.prepare('UPDATE alerts SET consecutive_failures = 0 WHERE id = ?').run(alertId);
        return;
      }
      this.db.prepare('UPDATE alert_matches SET attempts = attempts + 1, next_attempt = ?, lease_until = NULL, last_error = ? WHERE alert_id = ? AND story_id = ?').run(x.nextAttempt ?? x.now, error, alertId, storyId);
      this.db.prepare('UPDATE alerts SET consecutive_failures = consecutive_failures + 1 WHERE id = ?').run(alertId);
      this.db
        .prepare('UPDATE alerts SET paused_at = ?, paused_reason = ? WHERE id = ? AND paused_at IS NULL AND consecutive_failures >= ?')
        .run(x.now, pauseReason(x.maxFailures, error), alertId, x.maxFailures);
    }).immediate();
  }

  pendingCount(now: string): Promise<{ pending: number; due: number }> {
    const r = this.db
      .prepare(
        `SELECT count(*) AS pending, coalesce(sum(m.next_attempt <= @now), 0) AS due FROM alert_matches m JOIN alerts a ON a.id = m.alert_id
         WHERE m.state = 'pending' AND a.paused_at IS NULL AND a.webhook_url IS NOT NULL`,
      )
      .get({ now }) as { pending: number; due: number };
    return Promise.resolve({ pending: r.pending, due: r.due });
  }

  listEntries(alertId: string, limit: number): Promise<AlertEntry[]> {
    const rows = this.db.prepare('SELECT * FROM alert_matches WHERE alert_id = ? ORDER BY updated_at DESC, story_id LIMIT ?').all(alertId, limit) as EntryRow[];
    return Promise.resolve(
      rows.map((r) => ({
        storyId: r.story_id,
        state: r.state,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        deliveredAt: r.delivered_at,
        attempts: r.attempts,
        lastError: r.last_error,
        articles: this.entryArticles(alertId, r.story_id),
      })),
    );
  }

  listAttempts(alertId: string | null, limit: number): Promise<AttemptLog[]> {
    const rows = (
      alertId
        ? this.db.prepare('SELECT * FROM alert_attempts WHERE alert_id = ? ORDER BY id DESC LIMIT ?').all(alertId, limit)
        : this.db.prepare('SELECT * FROM alert_attempts ORDER BY id DESC LIMIT ?').all(limit)
    ) as Array<{ alert_id: string; story_id: string | null; at: string; ok: number; status: number | null; error: string | null; ms: number; test: number }>;
    return Promise.resolve(rows.map((r) => ({ alertId: r.alert_id, storyId: r.story_id, at: r.at, ok: r.ok === 1, status: r.status, error: r.error, ms: r.ms, test: r.test === 1 })));
  }
}
