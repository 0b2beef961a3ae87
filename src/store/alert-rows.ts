/**
 * Backend-neutral row logic of the alerts tables (migration 014): row ↔ Alert, the
 * articles of an outbox entry as the webhook body and the feed show them, and the
 * failure bookkeeping both backends apply the same way.
 */
import type { Alert, MatchedArticle } from '../model/alerts.ts';

export interface AlertRow {
  id: string;
  name: string;
  query: string;
  outlet: string | null;
  entity: string | null;
  keyword: string | null;
  webhook_url: string | null;
  secret: string | null;
  created_at: string;
  consecutive_failures: number;
  paused_at: string | null;
  paused_reason: string | null;
}

export const ALERT_COLUMNS = ['id', 'name', 'query', 'outlet', 'entity', 'keyword', 'webhook_url', 'secret', 'created_at', 'consecutive_failures', 'paused_at', 'paused_reason'] as const;

export function rowToAlert(r: AlertRow): Alert {
  return {
    id: r.id,
    name: r.name,
    query: r.query,
    outlet: r.outlet,
    entity: r.entity,
    keyword: r.keyword,
    webhookUrl: r.webhook_url,
    secret: r.secret,
    createdAt: r.created_at,
    consecutiveFailures: Number(r.consecutive_failures),
    pausedAt: r.paused_at,
    pausedReason: r.paused_reason,
  };
}

export function alertToRow(a: Alert): AlertRow {
  return {
    id: a.id,
    name: a.name,
    query: a.query,
    outlet: a.outlet,
    entity: a.entity,
    keyword: a.keyword,
    webhook_url: a.webhookUrl,
    secret: a.secret,
    created_at: a.createdAt,
    consecutive_failures: a.consecutiveFailures,
    paused_at: a.pausedAt,
    paused_reason: a.pausedReason,
  };
}

/** Characters of an article's text read for its snippet. */
export const SNIPPET_READ = 400;
const SNIPPET_CHARS = 280;

/** The start of the text, cut at a word boundary, whitespace folded. */
export function snippetOf(text: string): string {
  const s = text.slice(0, SNIPPET_READ).replace(/\s+/g, ' ').trim();
  if (s.length <= SNIPPET_CHARS) return s;
  const cut = s.lastIndexOf(' ', SNIPPET_CHARS);
  return `${s.slice(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS)}…`;
}

export interface MatchedArticleRow {
  id: string;
  url: string | null;
  title: string;
  outlet: string | null;
  published_at: string | null;
  story_id: string;
  head: string;
}

export function rowToMatched(r: MatchedArticleRow): MatchedArticle {
  return { id: r.id, url: r.url, title: r.title, outlet: r.outlet, publishedAt: r.published_at, storyId: r.story_id, snippet: snippetOf(r.head) };
}

/** At most this many articles of one story go in a webhook body or a feed entry. */
export const MAX_ENTRY_ARTICLES = 20;

/** The error text kept per attempt (bodies of failing receivers can be long). */
export function clipError(e: string | null): string | null {
  return e === null ? null : e.length > 500 ? `${e.slice(0, 500)}…` : e;
}

/** Why an alert's webhook was paused. */
export function pauseReason(failures: number, lastError: string | null): string {
  return `paused after ${failures} consecutive failed deliveries; last: ${lastError ?? 'unknown error'}`;
}
