/**
 * What the accounts' routes share: their dependencies (the AccountStore, the cached reader,
 * the sources for source follows and OPML), the page helper (no-store: every page here is
 * personal), form parsing and the CSRF field.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountStore, User } from '../../model/accounts.ts';
import type { AlertStore } from '../../model/alerts.ts';
import type { CardReader } from '../cache.ts';
import { html, type SafeHtml } from '../html.ts';
import { layout } from '../layout.ts';
import { uiOf } from '../i18n/negotiate.ts';
import type { MessageKey, Ui } from '../i18n/index.ts';
import type { ReaderStore } from '../types.ts';
import type { LoginLimits } from '../../accounts/service.ts';
import type { SessionHooks } from './session.ts';

export interface AccountsWeb {
  store: AccountStore;
  /** Alerts a person may follow (absent: none). */
  alerts?: Pick<AlertStore, 'getAlert' | 'listAlerts'> | null;
  /** Login limits (default: 5 failures per account, 20 per address, per 15 minutes). */
  limits?: LoginLimits;
}

export interface AccountsCtx extends AccountsWeb {
  reader: ReaderStore & CardReader;
  adminToken: string | null;
  origin: () => string;
  writeLimit: number;
  sessions: SessionHooks;
}

/** A personal page in the request's UI language; `title`: a catalog key. */
export const page = (req: FastifyRequest, reply: FastifyReply, title: MessageKey, body: SafeHtml, status = 200): FastifyReply => {
  const u = uiOf(req);
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(layout({ ui: u, url: req.url, title: u.t(title), body }));
};

export const form = (req: FastifyRequest): URLSearchParams => new URLSearchParams(typeof req.body === 'string' ? req.body : '');

export const csrfField = (req: FastifyRequest): SafeHtml => html`<input type="hidden" name="_csrf" value="${req.csrfToken() ?? ''}">`;

export const userOf = (req: FastifyRequest): User | null => req.account?.user ?? null;

/** The `back` field of a form, if it is a same-site path; else the fallback. */
export function back(f: URLSearchParams, fallback: string): string {
  const b = f.get('back');
  return b && b.startsWith('/') && !b.startsWith('//') && !b.startsWith('/\\') && b.length < 1000 ? b : fallback;
}

/** A role's name in the UI language. */
export const roleName = (u: Ui, role: string): string => (role === 'admin' || role === 'reader' ? u.t(`role.${role}`) : role);

/** A follow kind's name in the UI language. */
export const kindName = (u: Ui, kind: string): string =>
  kind === 'outlet' || kind === 'source' || kind === 'entity' || kind === 'keyword' || kind === 'alert' ? u.t(`follow.kind.${kind}`) : kind;
