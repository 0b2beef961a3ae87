/**
 * /login (GET: the form; POST: check through the limiter, start a session, set the cookie)
 * and /logout (POST: end the session). Unknown name and wrong password get the same page
 * and status (401), and a limited account or address a 429 whatever the password. The
 * login form carries the CSRF token when the browser already has a session cookie; the
 * Origin is checked in any case (`csrf: 'origin'`).
 */
import type { FastifyInstance } from 'fastify';
import { login } from '../../accounts/service.ts';
import { html } from '../html.ts';
import { str, type Query } from '../params.ts';
import { csrfField, form, page, type AccountsCtx } from './deps.ts';
import { uiOf } from '../i18n/negotiate.ts';
import type { MessageKey } from '../i18n/index.ts';
import { clearSessionCookie, safeNext, setSessionCookie } from './session.ts';

export function registerLogin(app: FastifyInstance, ctx: AccountsCtx): void {
  const loginForm = (req: Parameters<typeof csrfField>[0], next: string, message?: MessageKey) => {
    const u = uiOf(req);
    return html`<h1>${u.t('login.title')}</h1>${message ? html`<p class="notice error" role="alert">${u.t(message)}</p>` : ''}
<form method="post" action="/login" class="login">${csrfField(req)}<input type="hidden" name="next" value="${next}">
<label>${u.t('login.name')} <input type="text" name="name" autocomplete="username" required maxlength="64"></label>
<label>${u.t('login.password')} <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">${u.t('account.login')}</button></form>`;
  };

  app.get('/login', async (req, reply) => {
    const next = safeNext(str(req.query as Query, 'next', 1000));
    if (req.account?.via === 'session') return reply.redirect(next, 303);
    return page(req, reply, 'login.title', loginForm(req, next));
  });

  app.post('/login', { config: { csrf: 'origin', rateLimit: { max: ctx.writeLimit, timeWindow: '1 minute' } } }, async (req, reply) => {
    const f = form(req);
    const next = safeNext(f.get('next'));
    const r = await login(ctx.store, { name: f.get('name') ?? '', password: f.get('password') ?? '', address: req.ip, userAgent: req.headers['user-agent'] ?? null }, ctx.limits);
    if (!r.ok) {
      if (r.reason === 'limited') {
        void reply.header('retry-after', String(r.retryAfterSec ?? 900));
        return page(req, reply, 'login.title', loginForm(req, next, 'login.limited'), 429);
      }
      return page(req, reply, 'login.title', loginForm(req, next, 'login.wrong'), 401);
    }
    // A session cookie the browser had before (another account's) is replaced; it ends below.
    if (req.account?.via === 'session' && req.account.sessionId) await ctx.store.revokeSession(req.account.user.id, req.account.sessionId);
    setSessionCookie(req, reply, r.token);
    return reply.redirect(next, 303);
  });

  app.post('/logout', async (req, reply) => {
    if (req.account?.via === 'session' && req.account.sessionId) await ctx.store.revokeSession(req.account.user.id, req.account.sessionId);
    clearSessionCookie(req, reply);
    return reply.redirect('/', 303);
  });
}
