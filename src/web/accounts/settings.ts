/**
 * /settings: the person's own account — password (changing it ends every session, this
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
import { csrfField, form, page, ROLE_AR, userOf, type AccountsCtx } from './deps.ts';
import { resolveFollow } from './reading.ts';
import { setSessionCookie } from './session.ts';

const KIND_AR: Record<string, string> = { outlet: 'مصدر', source: 'خلاصة', entity: 'كيان', keyword: 'كلمة', alert: 'تنبيه' };

export function registerSettings(app: FastifyInstance, ctx: AccountsCtx): void {
  const write = { config: { rateLimit: { max: ctx.writeLimit, timeWindow: '1 minute' } } };
  const guarded = (handler: (req: FastifyRequest, reply: FastifyReply, user: User) => Promise<FastifyReply>) => async (req: FastifyRequest, reply: FastifyReply) => {
    const user = userOf(req);
    if (!user) return reply.redirect('/login?next=%2Fsettings', 303);
    return handler(req, reply, user);
  };
  const done = (reply: FastifyReply, msg: string) => reply.redirect(`/settings?done=${encodeURIComponent(msg)}`, 303);

  app.get('/settings', guarded(async (req, reply, user) => {
    const now = nowIso();
    const [sessions, keys, follows] = await Promise.all([ctx.store.listSessions(user.id, now), ctx.store.listApiKeys(user.id), ctx.store.listFollows(user.id)]);
    const notice = (req.query as { done?: string }).done;
    const t = csrfField(req);
    const post = (action: string, label: string, fields = html``) => html`<form method="post" action="${action}" class="inline">${t}${fields}<button type="submit">${label}</button></form>`;
    const body = html`<h1>الإعدادات</h1>${notice ? html`<p class="notice" role="status" dir="auto">${notice}</p>` : ''}
<p class="meta"><bdi>${user.name}</bdi> · ${ROLE_AR[user.role] ?? user.role} · الخلاصة الخاصة: <a href="/me/starred">المحفوظة</a></p>
<h2 id="follows">المتابعة</h2>
${user.followsAll ? html`<p>تتابع كل شيء حتى تختار.</p>` : html`<table><thead><tr><th>النوع</th><th>الاسم</th><th></th></tr></thead><tbody>
${follows.map((f) => html`<tr><td>${KIND_AR[f.kind]}</td><td><bdi>${f.label}</bdi></td><td>${post('/me/follow', 'إلغاء المتابعة', html`<input type="hidden" name="back" value="/settings#follows"><input type="hidden" name="kind" value="${f.kind}"><input type="hidden" name="target" value="${f.target}"><input type="hidden" name="action" value="unfollow">`)}</td></tr>`)}
</tbody></table>${post('/settings/follow-all', 'تابع كل شيء من جديد')}`}
<p><a href="/me/follows.opml">تصدير OPML</a></p>
<form method="post" action="/settings/opml">${t}<label>استيراد OPML <textarea name="opml" rows="4" cols="60" dir="ltr" placeholder="&lt;opml …&gt;"></textarea></label><br><button type="submit">استيراد</button></form>
<h2>كلمة المرور</h2>
<form method="post" action="/settings/password">${t}<label>الحالية <input type="password" name="current" autocomplete="current-password" required></label> <label>الجديدة <input type="password" name="password" autocomplete="new-password" minlength="8" required></label> <button type="submit">تغيير</button></form>
<h2>الجلسات</h2>
<table><thead><tr><th>بدأت</th><th>تنتهي</th><th>المتصفح</th><th></th></tr></thead><tbody>
${sessions.map((s) => html`<tr><td dir="ltr">${gmt(s.createdAt)}</td><td dir="ltr">${gmt(s.expiresAt)}</td><td dir="ltr">${s.userAgent ?? '—'}</td><td>${s.id === req.account?.sessionId ? 'هذه الجلسة' : post(`/settings/sessions/${s.id}/revoke`, 'إنهاء')}</td></tr>`)}
</tbody></table>
<h2>مفاتيح API</h2>
<p class="meta">للاستخدام مع <code dir="ltr">Authorization: Bearer mk_…</code> على <code dir="ltr">/api/v1</code>.</p>
<table><thead><tr><th>الاسم</th><th>المعرف</th><th>أنشئ</th><th></th></tr></thead><tbody>
${keys.map((k) => html`<tr><td><bdi>${k.name}</bdi></td><td dir="ltr">${k.id}</td><td dir="ltr">${gmt(k.createdAt)}</td><td>${post(`/settings/keys/${k.id}/revoke`, 'إلغاء')}</td></tr>`)}
</tbody></table>
<form method="post" action="/settings/keys">${t}<label>اسم المفتاح <input type="text" name="name" maxlength="100" required></label> <button type="submit">إنشاء مفتاح</button></form>
<h2>رابط الخلاصة الخاصة</h2>
${post('/settings/feed-token', 'تغيير الرابط (يبطل القديم)')}`;
    return page(reply, 'الإعدادات', body);
  }));

  app.post('/settings/password', write, guarded(async (req, reply, user) => {
    const f = form(req);
    const record = await ctx.store.findUserByName(user.name);
    if (!record || !(await verifyPassword(record.passwordHash, f.get('current') ?? ''))) return page(reply, 'الإعدادات', html`<p class="notice error">كلمة المرور الحالية غير صحيحة.</p><p><a href="/settings">رجوع</a></p>`, 403);
    try {
      await changePassword(ctx.store, user.id, f.get('password') ?? '');
    } catch (e) {
      if (e instanceof PasswordError) return page(reply, 'الإعدادات', html`<p class="notice error" dir="ltr">${e.message}</p><p><a href="/settings">رجوع</a></p>`, 400);
      throw e;
    }
    // Every session ended with the change: this browser gets a new one.
    const s = await startSession(ctx.store, user.id, req.headers['user-agent'] ?? null);
    setSessionCookie(req, reply, s.token);
    return done(reply, 'تغيّرت كلمة المرور وانتهت الجلسات الأخرى');
  }));

  app.post('/settings/sessions/:id/revoke', write, guarded(async (req, reply, user) =>
    done(reply, (await ctx.store.revokeSession(user.id, (req.params as { id: string }).id)) ? 'انتهت الجلسة' : 'الجلسة غير موجودة')));

  app.post('/settings/keys', write, guarded(async (req, reply, user) => {
    const { key } = await createApiKey(ctx.store, user.id, form(req).get('name') ?? '');
    // Shown once, on this page (not in a redirect URL, which would land in logs and history).
    return page(reply, 'مفتاح API', html`<h1>مفتاح API جديد</h1><p class="notice">انسخه الآن: لن يظهر مرة أخرى.</p><p><code dir="ltr" class="secret">${key}</code></p><p><a href="/settings">رجوع إلى الإعدادات</a></p>`);
  }));

  app.post('/settings/keys/:id/revoke', write, guarded(async (req, reply, user) =>
    done(reply, (await ctx.store.revokeApiKey(user.id, (req.params as { id: string }).id)) ? 'أُلغي المفتاح' : 'المفتاح غير موجود')));

  app.post('/settings/feed-token', write, guarded(async (_req, reply, user) => {
    await ctx.store.setFeedToken(user.id, newFeedToken());
    return done(reply, 'تغيّر رابط الخلاصة الخاصة');
  }));

  app.post('/settings/follow-all', write, guarded(async (_req, reply, user) => {
    await ctx.store.setFollowsAll(user.id, true);
    return done(reply, 'تتابع كل شيء الآن');
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
    if (added === 0 && plan.follows.length === 0 && plan.errors.length) return page(reply, 'الإعدادات', html`<p class="notice error" dir="ltr">${plan.errors[0]}</p><p><a href="/settings">رجوع</a></p>`, 400);
    return done(reply, `تابعت ${added} عنصراً${missing.length ? `، ولم يُعرف ${missing.length}: ${missing.slice(0, 5).join('، ')}` : ''}`);
  }));
}
