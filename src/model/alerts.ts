/**
 * Alerts: saved searches that notify. The types every part shares (the model, the
 * percolating matcher, the store backends, delivery, the web and the CLI), owned here.
 *
 * An alert is a query in Marsad's search syntax plus optional filters; each stored article
 * it matches is recorded once per (alert, story) in a durable outbox (`AlertMatch`), so
 * six wire copies of one story make one notification, and a later copy is added to that
 * story's entry instead of firing again.
 */

export interface AlertFilters {
  /** Exact outlet display name (as stored, e.g. «الشرق الأوسط»). */
  outlet?: string | null;
  /** An entity id (`country:IR`) or name the article must mention. */
  entity?: string | null;
  /** A keyword (كلمة دلالية) the article must carry. */
  keyword?: string | null;
}

export interface Alert extends AlertFilters {
  /** 16 random hex digits: also the capability in the feed URL `/alerts/<id>/feed.atom`. */
  id: string;
  name: string;
  query: string;
  outlet: string | null;
  entity: string | null;
  keyword: string | null;
  webhookUrl: string | null;
  /** `whsec_<base64>` (Standard Webhooks); null without a webhook. Only shown on creation and to the admin. */
  secret: string | null;
  createdAt: string;
  /** Failed webhook attempts in a row (reset by a success). */
  consecutiveFailures: number;
  /** When the webhook was paused (after MAX_CONSECUTIVE_FAILURES), and why. */
  pausedAt: string | null;
  pausedReason: string | null;
}

export interface NewAlert extends AlertFilters {
  name: string;
  query: string;
  webhookUrl?: string | null;
  secret?: string | null;
}

/** One article matched by one alert: written in the grouping transaction. */
export interface MatchRow {
  alertId: string;
  storyId: string;
  articleId: string;
}

/** A story's entry in an alert's outbox. */
export type DeliveryState = 'pending' | 'delivered' | 'feed';

export interface MatchedArticle {
  id: string;
  url: string | null;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  storyId: string;
  snippet: string;
}

/** A pending webhook delivery, claimed by one deliverer for a lease. */
export interface DueDelivery {
  alert: Alert;
  storyId: string;
  /** Failed attempts of this delivery so far. */
  attempts: number;
  articles: MatchedArticle[];
}

/** One story entry of an alert (its feed, the admin page). */
export interface AlertEntry {
  storyId: string;
  state: DeliveryState;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
  attempts: number;
  lastError: string | null;
  articles: MatchedArticle[];
}

/** One webhook attempt, for the admin's delivery log. */
export interface AttemptLog {
  alertId: string;
  storyId: string | null;
  at: string;
  ok: boolean;
  /** HTTP status, when there was an answer. */
  status: number | null;
  error: string | null;
  ms: number;
  test: boolean;
}

export interface AttemptOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  ms: number;
}

/**
 * What the alerts need from storage; every backend (store/sqlite/alerts.ts,
 * store/postgres/alerts.ts) implements it on the same database as the articles.
 */
export interface AlertStore {
  createAlert(a: Alert): Promise<Alert>;
  listAlerts(): Promise<Alert[]>;
  getAlert(id: string): Promise<Alert | null>;
  /** Removes the alert with its outbox and log. */
  removeAlert(id: string): Promise<boolean>;
  /** Clears the pause and the failure count. */
  resumeAlert(id: string): Promise<boolean>;
  /** Changes whenever an alert is created, removed or resumed (the matcher cache key). */
  alertsVersion(): Promise<string>;
  /**
   * Records matches (inside the caller's write transaction): one outbox entry per
   * (alert, story), pending when the alert has a webhook; each article once per alert.
   */
  recordMatches(rows: MatchRow[], now: string): Promise<void>;
  /** Claims up to `limit` due deliveries of unpaused alerts for `leaseMs` (others skip them meanwhile). */
  claimDue(now: string, limit: number, leaseMs: number): Promise<DueDelivery[]>;
  /** Records a delivery attempt: delivered, or failed and rescheduled; pauses the alert after `maxFailures` in a row. */
  recordAttempt(alertId: string, storyId: string | null, outcome: AttemptOutcome, o: { now: string; nextAttempt: string | null; maxFailures: number; test?: boolean }): Promise<void>;
  /** Pending deliveries (of unpaused alerts), and how many are due at `now`. */
  pendingCount(now: string): Promise<{ pending: number; due: number }>;
  /** Entries newest first (by last update). */
  listEntries(alertId: string, limit: number): Promise<AlertEntry[]>;
  /** The delivery log, newest first (all alerts when `alertId` is null). */
  listAttempts(alertId: string | null, limit: number): Promise<AttemptLog[]>;
}
