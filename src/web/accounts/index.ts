/**
 * Accounts on the web (src/accounts for what they do, the AccountStore for storage):
 * sessions and the private-instance gate (session.ts), login and logout (login.ts), the
 * personal parts of shared pages (slots.ts), following, read state, «أخباري», starred and
 * its private feed (reading.ts), the person's UI language (language.ts), settings, API keys and OPML (settings.ts),
 * and the admin's users page, privacy switch and the users/me API (users.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { AccountsCtx } from './deps.ts';
import { registerSessions, type SessionHooks } from './session.ts';
import { registerLogin } from './login.ts';
import { registerSlots } from './slots.ts';
import { registerLanguageSetting } from './language.ts';
import { registerReading } from './reading.ts';
import { registerSettings } from './settings.ts';
import { registerUsersAdmin } from './users.ts';

export type { AccountsWeb } from './deps.ts';
export { sessionCookie } from './session.ts';

/** The hooks first (who the request is, the private gate, the personal slots), then the routes. */
export function registerAccountHooks(app: FastifyInstance, ctx: Omit<AccountsCtx, 'sessions'>): AccountsCtx {
  const sessions: SessionHooks = registerSessions(app, ctx.store, { adminToken: ctx.adminToken });
  const full = { ...ctx, sessions };
  registerSlots(app, full);
  registerLanguageSetting(app, full);
  return full;
}

export function registerAccountRoutes(app: FastifyInstance, ctx: AccountsCtx): void {
  registerLogin(app, ctx);
  registerReading(app, ctx);
  registerSettings(app, ctx);
  registerUsersAdmin(app, ctx);
}
