/**
 * Making an alert from user input (CLI, API, admin form): every field checked, with an
 * error naming the field; the query must be one Marsad's search syntax can look for; the
 * webhook URL must pass the address guard; a secret is generated when none is given, in
 * the Standard Webhooks form `whsec_<base64 of 24 random bytes>`.
 */
import { randomBytes } from 'node:crypto';
import { parseQuery, MAX_QUERY_CHARS } from '../search/query.ts';
import { defaultAnalyzer } from '../search/analyzer.ts';
import type { Alert, NewAlert } from './types.ts';

/** After this many failed webhook attempts in a row, the alert's webhook is paused. */
export const MAX_CONSECUTIVE_FAILURES = 10;

const MAX_NAME = 200;
const MAX_FILTER = 200;
const MAX_URL = 2000;

/** A bad field of a new alert: `field` names it (for a 400 or a CLI error). */
export class AlertInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** A new random alert id (16 hex digits). */
export function newAlertId(): string {
  return randomBytes(8).toString('hex');
}

/** A new webhook secret: `whsec_` + base64 of 24 random bytes. */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** Checks a given secret: `whsec_` + base64 of 24 to 64 bytes. */
export function checkSecret(s: string): string {
  const m = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(s.trim());
  if (!m) throw new AlertInputError('secret', 'must be whsec_ followed by base64 (e.g. as printed by `marsad alerts add` without --secret)');
  const bytes = Buffer.from(m[1]!, 'base64');
  if (bytes.length < 24 || bytes.length > 64) throw new AlertInputError('secret', `the key must be 24 to 64 bytes once base64-decoded (got ${bytes.length})`);
  return s.trim();
}

/** What a URL check needs (the AddressGuard's checkUrl). */
export interface UrlChecker {
  checkUrl(raw: string): { ok: true } | { ok: false; code: string; message: string };
}

function text(v: unknown, field: string, max: number, required: boolean): string | null {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '' && !required)) {
    if (required) throw new AlertInputError(field, 'is required');
    return null;
  }
  if (typeof v !== 'string') throw new AlertInputError(field, 'must be a string');
  const s = v.trim();
  if (required && s === '') throw new AlertInputError(field, 'is required');
  if (s.length > max) throw new AlertInputError(field, `is too long (${s.length} characters; at most ${max})`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s)) throw new AlertInputError(field, 'contains control characters');
  return s;
}

/** Validates `input` and builds the alert to store (id, secret, timestamps filled). */
export function makeAlert(input: NewAlert, guard: UrlChecker, now = new Date()): Alert {
  const name = text(input.name, 'name', MAX_NAME, true)!;
  const query = text(input.query, 'query', MAX_QUERY_CHARS, true)!;
  const parsed = parseQuery(query, defaultAnalyzer);
  if (parsed.empty) throw new AlertInputError('query', parsed.notice ?? 'nothing to look for');
  const webhookUrl = text(input.webhookUrl, 'webhook', MAX_URL, false);
  if (webhookUrl) {
    const v = guard.checkUrl(webhookUrl);
    if (!v.ok) throw new AlertInputError('webhook', `${v.code}: ${v.message}`);
  }
  const given = text(input.secret, 'secret', 200, false);
  if (given && !webhookUrl) throw new AlertInputError('secret', 'is only used with a webhook URL');
  return {
    id: newAlertId(),
    name,
    query,
    outlet: text(input.outlet, 'outlet', MAX_FILTER, false),
    entity: text(input.entity, 'entity', MAX_FILTER, false),
    keyword: text(input.keyword, 'keyword', MAX_FILTER, false),
    webhookUrl,
    secret: webhookUrl ? (given ? checkSecret(given) : newSecret()) : null,
    createdAt: now.toISOString(),
    consecutiveFailures: 0,
    pausedAt: null,
    pausedReason: null,
  };
}

/** The alert as shown in lists: the secret masked. */
export function publicAlert(a: Alert): Omit<Alert, 'secret'> & { secret: string | null } {
  return { ...a, secret: a.secret ? `whsec_…${a.secret.slice(-4)}` : null };
}
