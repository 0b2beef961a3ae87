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
import { clearSessionCookie, safeNext, setSessionCookie } from './session.ts';

export function registerLogin(app: FastifyInstance, ctx: AccountsCtx): void {
  const loginForm = (req: Parameters<typeof csrfField>[0], next: string, message?: string) =>
    html`<h1>تسجيل الدخول</h1>${message ? html`<p class="notice error" role="alert">${message}</p>` : ''}
<form method="post" action="/login" class="login">${csrfField(req)}<input type="hidden" name="next" value="${next}">
<label>الاسم <input type="text" name="name" autocomplete="username" required maxlength="64"></label>
<label>كلمة المرور <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">دخول</button></form>`;

  app.get('/login', async (req, reply) => {
    const next = safeNext(str(req.query as Query, 'next', 1000));
    if (req.account?.via === 'session') return reply.redirect(next, 303);
    return page(reply, 'تسجيل الدخول', loginForm(req, next));
  });

  app.post('/login', { config: { csrf: 'origin', rateLimit: { max: ctx.writeLimit, timeWindow: '1 minute' } } }, async (req, reply) => {
    const f = form(req);
    const next = safeNext(f.get('next'));
    const r = await login(ctx.store, { name: f.get('name') ?? '', password: f.get('password') ?? '', address: req.ip, userAgent: req.headers['user-agent'] ?? null }, ctx.limits);
    if (!r.ok) {
      if (r.reason === 'limited') {
        void reply.header('retry-after', String(r.retryAfterSec ?? 900));
        return page(reply, 'تسجيل الدخول', loginForm(req, next, 'محاولات كثيرة خاطئة. حاول لاحقاً.'), 429);
      }
      return page(reply, 'تسجيل الدخول', loginForm(req, next, 'الاسم أو كلمة المرور غير صحيحة.'), 401);
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
