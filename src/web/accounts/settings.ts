/**
 * /settings: the person's own account — UI language (language.ts), password (changing it ends every session, this
 * one included, then logs in again), sessions (each can be ended), API keys for /api/v1
 * (created with a name, shown once, stored hashed; revocable), the private feed token
 * (rotatable), what they follow (unfollow, follow everything again), and OPML of it
 * (/me/follows.opml out; pasted OPML in). Every form carries the CSRF token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changePassword, createApiKey, nowIso, startSession } from '../../accounts/service.ts';
import { PasswordError, verifyPassword } from '../../accounts/passwords.ts';
import { newFeedToken } from '../../accounts/tokens.ts';
import { followsToOpml, planOpmlImport } from '../../accounts/opml.ts';
import { canonicalUrl } from '../../model/url.ts';
import type { User } from '../../model/accounts.ts';
import { gmt } from '../format.ts';
import { html } from '../html.ts';
import { csrfField, form, kindName, page, roleName, userOf, type AccountsCtx } from './deps.ts';
import { uiOf } from '../i18n/negotiate.ts';
import type { MessageKey, Values } from '../i18n/index.ts';
import { resolveFollow } from './reading.ts';
import { setSessionCookie } from './session.ts';
import { languageSection } from './language.ts';

export function registerSettings(app: FastifyInstance, ctx: AccountsCtx): void {
  const write = { config: { rateLimit: { max: ctx.writeLimit, timeWindow: '1 minute' } } };
  const guarded = (handler: (req: FastifyRequest, reply: FastifyReply, user: User) => Promise<FastifyReply>) => async (req: FastifyRequest, reply: FastifyReply) => {
    const user = userOf(req);
    if (!user) return reply.redirect('/login?next=%2Fsettings', 303);
    return handler(req, reply, user);
  };
  /** Back to the settings with a message in the request's language. */
  const done = (req: FastifyRequest, reply: FastifyReply, key: MessageKey, values?: Values) => reply.redirect(`/settings?done=${encodeURIComponent(uiOf(req).t(key, values))}`, 303);
  const failed = (req: FastifyRequest, reply: FastifyReply, message: string, status: number) =>
    page(req, reply, 'settings.title', html`<h1>${uiOf(req).t('settings.title')}</h1><p class="notice error" dir="auto">${message}</p><p><a href="/settings">${uiOf(req).t('alerts.back')}</a></p>`, status);

  app.get('/settings', guarded(async (req, reply, user) => {
    const now = nowIso();
    const [sessions, keys, follows] = await Promise.all([ctx.store.listSessions(user.id, now), ctx.store.listApiKeys(user.id), ctx.store.listFollows(user.id)]);
    const notice = (req.query as { done?: string }).done;
    const t = csrfField(req);
    const u = uiOf(req);
    const post = (action: string, label: string, fields = html``, name?: string) =>
      html`<form method="post" action="${action}" class="inline">${t}${fields}<button type="submit"${name ? html` aria-label="${u.t('alerts.actionOn', { action: label, name })}"` : ''}>${label}</button></form>`;
    const actions = html`<th><span class="visually-hidden">${u.t('admin.actions')}</span></th>`;
    const body = html`<h1>${u.t('settings.title')}</h1>${notice ? html`<p class="notice" role="status" dir="auto">${notice}</p>` : ''}
<p class="meta"><bdi>${user.name}</bdi> · ${roleName(u, user.role)} · ${u.t('settings.privateFeed')} <a href="/me/starred">${u.t('starred.title')}</a></p>
${languageSection(req, user)}
<h2 id="follows">${u.t('settings.follows')}</h2>
${user.followsAll ? html`<p>${u.t('settings.followsAll')}</p>` : html`<table><thead><tr><th>${u.t('settings.kind')}</th><th>${u.t('alerts.name')}</th>${actions}</tr></thead><tbody>
${follows.map((f) => html`<tr><td>${kindName(u, f.kind)}</td><td><bdi>${f.label}</bdi></td><td>${post('/me/follow', u.t('follow.unfollow'), html`<input type="hidden" name="back" value="/settings#follows"><input type="hidden" name="kind" value="${f.kind}"><input type="hidden" name="target" value="${f.target}"><input type="hidden" name="action" value="unfollow">`, f.label)}</td></tr>`)}
</tbody></table>${post('/settings/follow-all', u.t('settings.followAllAgain'))}`}
<p><a href="/me/follows.opml">${u.t('settings.exportOpml')}</a></p>
<form method="post" action="/settings/opml">${t}<label>${u.t('admin.import')} <textarea name="opml" rows="4" cols="60" dir="ltr" placeholder="&lt;opml …&gt;"></textarea></label><br><button type="submit">${u.t('admin.importButton')}</button></form>
<h2>${u.t('login.password')}</h2>
<form method="post" action="/settings/password">${t}<label>${u.t('settings.current')} <input type="password" name="current" autocomplete="current-password" required></label> <label>${u.t('settings.new')} <input type="password" name="password" autocomplete="new-password" minlength="8" required></label> <button type="submit">${u.t('settings.change')}</button></form>
<h2>${u.t('settings.sessions')}</h2>
<table><thead><tr><th>${u.t('settings.started')}</th><th>${u.t('settings.expires')}</th><th>${u.t('settings.browser')}</th>${actions}</tr></thead><tbody>
${sessions.map((s) => html`<tr><td dir="ltr">${gmt(s.createdAt)}</td><td dir="ltr">${gmt(s.expiresAt)}</td><td dir="ltr">${s.userAgent ?? '—'}</td><td>${s.id === req.account?.sessionId ? u.t('settings.thisSession') : post(`/settings/sessions/${s.id}/revoke`, u.t('settings.end'), html``, gmt(s.createdAt))}</td></tr>`)}
</tbody></table>
<h2>${u.t('settings.keys')}</h2>
<p class="meta">${u.h('settings.keysHint', { header: html`<code dir="ltr">Authorization: Bearer mk_…</code>`, path: html`<code dir="ltr">/api/v1</code>` })}</p>
<table><thead><tr><th>${u.t('alerts.name')}</th><th>${u.t('settings.keyId')}</th><th>${u.t('settings.created')}</th>${actions}</tr></thead><tbody>
${keys.map((k) => html`<tr><td><bdi>${k.name}</bdi></td><td dir="ltr">${k.id}</td><td dir="ltr">${gmt(k.createdAt)}</td><td>${post(`/settings/keys/${k.id}/revoke`, u.t('settings.revoke'), html``, k.name)}</td></tr>`)}
</tbody></table>
<form method="post" action="/settings/keys">${t}<label>${u.t('settings.keyName')} <input type="text" name="name" maxlength="100" required></label> <button type="submit">${u.t('settings.createKey')}</button></form>
<h2>${u.t('settings.feedLink')}</h2>
${post('/settings/feed-token', u.t('settings.rotateFeed'))}`;
    return page(req, reply, 'settings.title', body);
  }));

  app.post('/settings/password', write, guarded(async (req, reply, user) => {
    const f = form(req);
    const record = await ctx.store.findUserByName(user.name);
    if (!record || !(await verifyPassword(record.passwordHash, f.get('current') ?? ''))) return failed(req, reply, uiOf(req).t('settings.wrongCurrent'), 403);
    try {
      await changePassword(ctx.store, user.id, f.get('password') ?? '');
    } catch (e) {
      if (e instanceof PasswordError) return failed(req, reply, e.message, 400);
      throw e;
    }
    // Every session ended with the change: this browser gets a new one.
    const s = await startSession(ctx.store, user.id, req.headers['user-agent'] ?? null);
    setSessionCookie(req, reply, s.token);
    return done(req, reply, 'settings.passwordChanged');
  }));

  app.post('/settings/sessions/:id/revoke', write, guarded(async (req, reply, user) =>
    done(req, reply, (await ctx.store.revokeSession(user.id, (req.params as { id: string }).id)) ? 'settings.sessionEnded' : 'settings.noSession')));

  app.post('/settings/keys', write, guarded(async (req, reply, user) => {
    const { key } = await createApiKey(ctx.store, user.id, form(req).get('name') ?? '');
    // Shown once, on this page (not in a redirect URL, which would land in logs and history).
    const u = uiOf(req);
    return page(req, reply, 'settings.key', html`<h1>${u.t('settings.newKey')}</h1><p class="notice">${u.t('settings.copyNow')}</p><p><code dir="ltr" class="secret">${key}</code></p><p><a href="/settings">${u.t('settings.backTo')}</a></p>`);
  }));

  app.post('/settings/keys/:id/revoke', write, guarded(async (req, reply, user) =>
    done(req, reply, (await ctx.store.revokeApiKey(user.id, (req.params as { id: string }).id)) ? 'settings.keyRevoked' : 'settings.noKey')));

  app.post('/settings/feed-token', write, guarded(async (req, reply, user) => {
    await ctx.store.setFeedToken(user.id, newFeedToken());
    return done(req, reply, 'settings.feedRotated');
  }));

  app.post('/settings/follow-all', write, guarded(async (req, reply, user) => {
    await ctx.store.setFollowsAll(user.id, true);
    return done(req, reply, 'settings.followingAll');
  }));

  const sourceMaps = async () => {
    const list = await ctx.reader.listSources();
    return { byId: new Map(list.map((s) => [s.id, s.url])), byUrl: new Map(list.map((s) => [canonicalUrl(s.url) ?? s.url, s.id])) };
  };

  app.get('/me/follows.opml', guarded(async (_req, reply, user) => {
    const { byId } = await sourceMaps();
    const xml = followsToOpml(await ctx.store.listFollows(user.id), ctx.origin(), byId, `Marsad — ${user.name}`);
    return reply.type('text/x-opml; charset=utf-8').header('cache-control', 'private, no-store').header('content-disposition', 'attachment; filename="marsad-follows.opml"').send(xml);
  }));

  app.post('/settings/opml', write, guarded(async (req, reply, user) => {
    const { byUrl } = await sourceMaps();
    const plan = await planOpmlImport(Buffer.from(form(req).get('opml') ?? ''), ctx.origin(), byUrl);
    let added = 0;
    const missing: string[] = [...plan.unknown];
    for (const p of plan.follows) {
      const f = await resolveFollow(ctx, p.kind, p.target);
      if (f) {
        await ctx.store.follow(user.id, f);
        added++;
      } else missing.push(p.label);
    }
    if (added === 0 && plan.follows.length === 0 && plan.errors.length) return failed(req, reply, plan.errors[0]!, 400);
    const u = uiOf(req);
    return done(req, reply, 'settings.opmlDone', { added, unknown: missing.length, names: missing.slice(0, 5).join(u.t('common.comma')) });
  }));
}
