/**
 * Admin (MARSAD_ADMIN_TOKEN): sources with last fetch, status, error count and next poll;
 * add, remove, import OPML (pasted, or the bundled starter list in one click). The login
 * form sets an HttpOnly, SameSite=Strict cookie; forms post only to this origin (CSP), and
 * every form carries the session's CSRF token (csrf.ts checks it and the Origin). A feed
 * at an address the poller may not reach (the address guard) is refused when added.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readFile } from 'node:fs/promises';
import { html } from '../html.ts';
import { layout } from '../layout.ts';
import { gmt } from '../format.ts';
import { isAdmin, tokenMatches } from '../auth.ts';
import type { ReaderStore, SourceAdmin } from '../types.ts';
import { parseDocument } from '../../ingest/index.ts';
import { screenUrls, type AddressGuard } from '../../ingest/fetch/guard.ts';
import { linkable } from '../components.ts';

export interface AdminDeps {
  store: ReaderStore & Partial<SourceAdmin>;
  adminToken: string | null;
  starterOpml: string | null;
  guard: AddressGuard;
  /** Writes per minute per client (the same limit as the API's writes). */
  writeLimit: number;
}

const page = (reply: FastifyReply, title: string, body: ReturnType<typeof html>, status = 200) =>
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(layout({ title, body }));

function form(req: FastifyRequest): URLSearchParams {
  return new URLSearchParams(typeof req.body === 'string' ? req.body : '');
}

export function registerAdminPages(app: FastifyInstance, deps: AdminDeps): void {
  const { store } = deps;
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const write = { config: { rateLimit: { max: deps.writeLimit, timeWindow: '1 minute' } } };

  const loginForm = (message?: string) =>
    html`<h1>الإدارة</h1>${message ? html`<p class="notice error">${message}</p>` : ''}
${deps.adminToken ? html`<form method="post" action="/admin/login"><label>رمز الإدارة <input type="password" name="token" autocomplete="current-password" required></label> <button type="submit">دخول</button></form>` : html`<p class="notice">الإدارة معطلة: اضبط المتغير MARSAD_ADMIN_TOKEN ثم أعد التشغيل.</p>`}`;

  app.get('/admin', async (req, reply) => {
    if (!isAdmin(req, deps.adminToken)) return page(reply, 'الإدارة', loginForm(), deps.adminToken ? 401 : 403);
    const sources = await store.listSources();
    const notice = (req.query as { done?: string }).done;
    const token = html`<input type="hidden" name="_csrf" value="${req.csrfToken() ?? ''}">`;
    const body = html`<h1>المصادر المشترك فيها</h1>${notice ? html`<p class="notice">${notice}</p>` : ''}
<p><a href="/admin/alerts">التنبيهات</a></p>
<table><thead><tr><th>المصدر</th><th>آخر جلب</th><th>الحالة</th><th>الأخطاء</th><th>الجلب التالي</th><th></th></tr></thead><tbody>
${sources.map((s) => html`<tr><td>${linkable(s.url) ? html`<a href="${s.url}" dir="auto">${s.title ?? s.url}</a>` : html`<bdi>${s.title ?? s.url}</bdi>`}</td><td dir="ltr">${gmt(s.lastFetch) || '—'}</td><td>${s.status ?? '—'}${s.lastError ? html`<div class="error" dir="auto">${s.lastError}</div>` : ''}</td><td>${s.errorCount}</td><td dir="ltr">${gmt(s.nextPoll) || '—'}</td>
<td><form method="post" action="/admin/sources/${encodeURIComponent(s.id)}/delete">${token}<button type="submit">حذف</button></form></td></tr>`)}
</tbody></table>
${sources.length === 0 ? html`<p class="notice">لا مصادر بعد.</p>` : ''}
<h2>إضافة مصدر</h2>
<form method="post" action="/admin/sources">${token}<input type="url" name="url" placeholder="https://example.com/rss.xml" required dir="ltr"> <input type="text" name="title" placeholder="الاسم (اختياري)"> <button type="submit">إضافة</button></form>
<h2>استيراد OPML</h2>
${deps.starterOpml ? html`<form method="post" action="/admin/sources/starter">${token}<button type="submit">اشترك في القائمة المبدئية لمصادر عربية معروفة</button></form>` : ''}
<form method="post" action="/admin/sources/import">${token}<textarea name="opml" rows="6" cols="60" dir="ltr" placeholder="&lt;opml …&gt;"></textarea><br><button type="submit">استيراد</button></form>`;
    return page(reply, 'الإدارة', body);
  });

  // No session yet, so no token: the Origin is checked all the same (csrf.ts).
  app.post('/admin/login', { config: { ...write.config, csrf: 'origin' } }, async (req, reply) => {
    const token = form(req).get('token');
    if (!tokenMatches(token, deps.adminToken)) return page(reply, 'الإدارة', loginForm('رمز غير صحيح'), 401);
    void reply.header('set-cookie', `marsad_admin=${encodeURIComponent(token!)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=86400`);
    return reply.redirect('/admin', 303);
  });

  const guarded = (handler: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) => async (req: FastifyRequest, reply: FastifyReply) => {
    if (!isAdmin(req, deps.adminToken)) return page(reply, 'الإدارة', loginForm('سجّل الدخول أولاً'), deps.adminToken ? 401 : 403);
    if (!store.addSource || !store.removeSource || !store.importSources) return page(reply, 'الإدارة', html`<p class="notice error">هذا المخزن لا يدير المصادر.</p>`, 501);
    return handler(req, reply);
  };
  const done = (reply: FastifyReply, msg: string) => reply.redirect(`/admin?done=${encodeURIComponent(msg)}`, 303);

  app.post('/admin/sources', write, guarded(async (req, reply) => {
    const f = form(req);
    const url = f.get('url')?.trim() ?? '';
    const v = deps.guard.checkUrl(url);
    if (!v.ok) return page(reply, 'الإدارة', html`<p class="notice error">رابط غير مقبول: <bdi>${url}</bdi></p><p class="notice error" dir="ltr">${v.code}: ${v.message}</p>`, 400);
    await store.addSource!({ url, title: f.get('title')?.trim() || null });
    return done(reply, `أضيف ${url}`);
  }));

  app.post('/admin/sources/:id/delete', write, guarded(async (req, reply) => {
    const ok = await store.removeSource!((req.params as { id: string }).id);
    return done(reply, ok ? 'حُذف المصدر' : 'المصدر غير موجود');
  }));

  const importOpml = async (reply: FastifyReply, name: string, bytes: Buffer) => {
    const r = await parseDocument({ name, bytes }, { format: 'opml' });
    if (r.sources.length === 0) return page(reply, 'الإدارة', html`<p class="notice error">لا مصادر في المستند: ${r.errors[0]?.message ?? ''}</p>`, 400);
    const { ok, refused } = screenUrls(r.sources, deps.guard);
    const c = ok.length ? await store.importSources!(ok.map((s) => ({ url: s.url, title: s.title }))) : { added: 0, existing: 0 };
    return done(reply, `استُورد ${c.added} مصدراً جديداً (${c.existing} موجودة${refused.length ? `، ورُفض ${refused.length} لعناوين غير مسموح بها` : ''})`);
  };
  app.post('/admin/sources/import', write, guarded(async (req, reply) => importOpml(reply, 'pasted OPML', Buffer.from(form(req).get('opml') ?? ''))));
  app.post('/admin/sources/starter', write, guarded(async (_req, reply) => importOpml(reply, deps.starterOpml!, await readFile(deps.starterOpml!))));
}
