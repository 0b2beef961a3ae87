/**
 * /admin/users (an admin: the admin token's cookie or a person with the admin role): the
 * users with their roles, forms to add one (name, password, role), remove one, change a
 * role, set a new password; and the instance's privacy (public: anonymous reading as
 * today; private: every page but login needs an account). The admin token is how the
 * first admin account is made (log in at /admin with MARSAD_ADMIN_TOKEN, add an admin
 * here), besides `marsad users add NAME --admin`. The last admin cannot be removed or
 * demoted by the page.
 *
 * API: GET/POST /api/v1/users, DELETE /api/v1/users/{name} (admin), GET /api/v1/me,
 * GET /api/v1/me/stories (a person, by API key or session).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccountInputError, changePassword, createUser } from '../../accounts/service.ts';
import { PasswordError } from '../../accounts/passwords.ts';
import { ROLES, type Role } from '../../model/accounts.ts';
import { isAdmin } from '../auth.ts';
import { gmt } from '../format.ts';
import { html } from '../html.ts';
import { BadRequest, bool, int, str, type Query } from '../params.ts';
import { csrfField, form, page, roleName, type AccountsCtx } from './deps.ts';
import { uiOf } from '../i18n/negotiate.ts';
import type { MessageKey, Values } from '../i18n/index.ts';

export function registerUsersAdmin(app: FastifyInstance, ctx: AccountsCtx): void {
  const write = { config: { rateLimit: { max: ctx.writeLimit, timeWindow: '1 minute' } } };
  const denied = (req: FastifyRequest, reply: FastifyReply) => {
    const u = uiOf(req);
    return page(req, reply, 'users.title', html`<h1>${u.t('users.title')}</h1><p class="notice error">${u.h('alerts.loginFirst', { link: html`<a href="/admin">${u.t('alerts.adminPage')}</a>` })}</p>`, 401);
  };
  const guarded = (handler: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) => async (req: FastifyRequest, reply: FastifyReply) =>
    isAdmin(req, ctx.adminToken) ? handler(req, reply) : denied(req, reply);
  /** Back to the users page with a message in the request's language. */
  const done = (req: FastifyRequest, reply: FastifyReply, key: MessageKey, values?: Values) => reply.redirect(`/admin/users?done=${encodeURIComponent(uiOf(req).t(key, values))}`, 303);
  /** `msg`: what the code says (English, technical), under a heading in the UI language. */
  const fail = (req: FastifyRequest, reply: FastifyReply, msg: string, status = 400) =>
    page(req, reply, 'users.title', html`<h1>${uiOf(req).t('users.title')}</h1><p class="notice error" dir="auto">${msg}</p><p><a href="/admin/users">${uiOf(req).t('alerts.back')}</a></p>`, status);

  app.get('/admin/users', guarded(async (req, reply) => {
    const [users, priv] = await Promise.all([ctx.store.listUsers(), ctx.sessions.isPrivate()]);
    const notice = (req.query as { done?: string }).done;
    const t = csrfField(req);
    const m = uiOf(req);
    const act = (name: string, what: string, label: string, extra = html``) =>
      html`<form method="post" action="/admin/users/${encodeURIComponent(name)}/${what}" class="inline">${t}${extra}<button type="submit" aria-label="${m.t('alerts.actionOn', { action: label, name })}">${label}</button></form>`;
    const body = html`<h1>${m.t('users.title')}</h1>${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<p><a href="/admin">${m.t('admin.sources')}</a> · <a href="/admin/alerts">${m.t('alerts.title')}</a></p>
<h2>${m.t('users.access')}</h2>
<p>${m.h('users.now', { state: html`<strong>${priv ? m.t('users.private') : m.t('users.public')}</strong>` })}</p>
<form method="post" action="/admin/users/privacy">${t}<input type="hidden" name="private" value="${priv ? '0' : '1'}"><button type="submit">${priv ? m.t('users.makePublic') : m.t('users.makePrivate')}</button></form>
<table><thead><tr><th>${m.t('alerts.name')}</th><th>${m.t('users.role')}</th><th>${m.t('settings.created')}</th><th><span class="visually-hidden">${m.t('admin.actions')}</span></th></tr></thead><tbody>
${users.map((u) => html`<tr><td><bdi>${u.name}</bdi></td><td>${roleName(m, u.role)}</td><td dir="ltr">${gmt(u.createdAt)}</td>
<td>${act(u.name, 'role', u.role === 'admin' ? m.t('users.makeReader') : m.t('users.makeAdmin'), html`<input type="hidden" name="role" value="${u.role === 'admin' ? 'reader' : 'admin'}">`)}
${act(u.name, 'password', m.t('users.setPassword'), html`<input type="password" name="password" minlength="8" required aria-label="${m.t('users.newPassword')}" autocomplete="new-password"> `)}
${act(u.name, 'delete', m.t('admin.delete'))}</td></tr>`)}
</tbody></table>
${users.length === 0 ? html`<p class="notice">${m.t('users.none')}</p>` : ''}
<h2>${m.t('users.add')}</h2>
<form method="post" action="/admin/users">${t}<label>${m.t('alerts.name')} <input type="text" name="name" required maxlength="64" autocomplete="off"></label>
<label>${m.t('login.password')} <input type="password" name="password" required minlength="8" autocomplete="new-password"></label>
<label>${m.t('users.role')} <select name="role">${ROLES.map((r) => html`<option value="${r}"${r === (users.length ? 'reader' : 'admin') ? html` selected` : ''}>${roleName(m, r)}</option>`)}</select></label>
<button type="submit">${m.t('admin.addButton')}</button></form>`;
    return page(req, reply, 'users.title', body);
  }));

  app.post('/admin/users', write, guarded(async (req, reply) => {
    const f = form(req);
    const role = (f.get('role') ?? 'reader') as Role;
    if (!ROLES.includes(role)) return fail(req, reply, 'role: admin | reader');
    try {
      const u = await createUser(ctx.store, { name: f.get('name') ?? '', password: f.get('password') ?? '', role });
      return done(req, reply, 'users.added', { name: u.name });
    } catch (e) {
      if (e instanceof AccountInputError || e instanceof PasswordError) return fail(req, reply, e.message);
      throw e;
    }
  }));

  const named = async (req: FastifyRequest) => ctx.store.findUserByName((req.params as { name: string }).name);
  const lastAdmin = async (role: Role) => role === 'admin' && (await ctx.store.countAdmins()) <= 1;

  app.post('/admin/users/:name/delete', write, guarded(async (req, reply) => {
    const u = await named(req);
    if (!u) return fail(req, reply, 'unknown user', 404);
    if (await lastAdmin(u.role)) return fail(req, reply, 'the last admin cannot be removed', 409);
    await ctx.store.removeUser(u.id);
    return done(req, reply, 'users.removed', { name: u.name });
  }));

  app.post('/admin/users/:name/role', write, guarded(async (req, reply) => {
    const u = await named(req);
    const role = form(req).get('role') as Role;
    if (!u) return fail(req, reply, 'unknown user', 404);
    if (!ROLES.includes(role)) return fail(req, reply, 'role: admin | reader');
    if (role !== 'admin' && (await lastAdmin(u.role))) return fail(req, reply, 'the last admin cannot be demoted', 409);
    await ctx.store.setRole(u.id, role);
    return done(req, reply, 'users.roleSet', { name: u.name, role: roleName(uiOf(req), role) });
  }));

  app.post('/admin/users/:name/password', write, guarded(async (req, reply) => {
    const u = await named(req);
    if (!u) return fail(req, reply, 'unknown user', 404);
    try {
      await changePassword(ctx.store, u.id, form(req).get('password') ?? '');
    } catch (e) {
      if (e instanceof PasswordError) return fail(req, reply, e.message);
      throw e;
    }
    return done(req, reply, 'users.passwordSet', { name: u.name });
  }));

  app.post('/admin/users/privacy', write, guarded(async (req, reply) => {
    const priv = form(req).get('private') === '1';
    await ctx.sessions.setPrivate(priv);
    return done(req, reply, priv ? 'users.nowPrivate' : 'users.nowPublic');
  }));

  // ── API ──
  const apiAdmin = (req: FastifyRequest, reply: FastifyReply): boolean => {
    if (isAdmin(req, ctx.adminToken)) return true;
    void reply.code(401).send({ error: 'unauthorized', message: 'an admin token or an admin API key is required' });
    return false;
  };
  app.get('/api/v1/users', async (req, reply) => {
    if (!apiAdmin(req, reply)) return reply;
    return reply.header('cache-control', 'no-store').send({ results: (await ctx.store.listUsers()).map(({ feedToken: _t, ...u }) => u) });
  });
  app.post('/api/v1/users', write, async (req, reply) => {
    if (!apiAdmin(req, reply)) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    const role = (b.role ?? 'reader') as Role;
    if (!ROLES.includes(role)) throw new BadRequest('role', 'admin | reader');
    try {
      const { feedToken: _t, ...u } = await createUser(ctx.store, { name: String(b.name ?? ''), password: String(b.password ?? ''), role });
      return reply.code(201).send(u);
    } catch (e) {
      if (e instanceof AccountInputError || e instanceof PasswordError) throw new BadRequest(e.message.split(':')[0]!, e.message);
      throw e;
    }
  });
  app.delete('/api/v1/users/:name', write, async (req, reply) => {
    if (!apiAdmin(req, reply)) return reply;
    const u = await named(req);
    if (!u) return reply.code(404).send({ error: 'not_found', message: 'unknown user' });
    if (await lastAdmin(u.role)) return reply.code(409).send({ error: 'conflict', message: 'the last admin cannot be removed' });
    await ctx.store.removeUser(u.id);
    return reply.code(204).send();
  });

  const me = (req: FastifyRequest, reply: FastifyReply) => {
    const u = req.account?.user ?? null;
    if (!u) void reply.code(401).send({ error: 'unauthorized', message: 'an API key (Authorization: Bearer mk_…) or a session is required' });
    return u;
  };
  app.get('/api/v1/me', async (req, reply) => {
    const u = me(req, reply);
    if (!u) return reply;
    const [follows, unread] = await Promise.all([ctx.store.listFollows(u.id), ctx.store.unreadCounts(u.id)]);
    const { feedToken: _t, ...user } = u;
    return reply.header('cache-control', 'private, no-store').send({ user, follows, unread });
  });
  app.get('/api/v1/me/stories', async (req, reply) => {
    const u = me(req, reply);
    if (!u) return reply;
    const q = req.query as Query;
    const limit = int(q, 'limit', 20, 1, 100);
    const offset = int(q, 'offset', 0, 0, 100_000);
    const order = str(q, 'order', 10) === 'covered' ? 'covered' : 'newest';
    const states = await ctx.store.followedStories(u.id, { order, unreadOnly: bool(q, 'unread'), limit, offset });
    const stories = await Promise.all(states.map(async (s) => ({ ...(await ctx.reader.getStory(s.storyId)), read: s.readAt !== null, readAt: s.readAt, newCoverage: s.readAt !== null && s.articleCount > s.seen })));
    return reply.header('cache-control', 'private, no-store').send({ results: stories });
  });
}
