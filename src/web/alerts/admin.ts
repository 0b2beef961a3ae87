/**
 * /admin/alerts: the alerts with their feeds, webhooks, failure counts and — for a paused
 * webhook — why it was paused, with forms to add, remove, resume and test, and the
 * delivery log (every attempt, newest first). Cookie sessions as /admin; every form
 * carries the session's CSRF token and the shared hook (web/csrf.ts) checks it and the
 * Origin before any handler runs.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AlertInputError } from '../../alerts/model.ts';
import { sampleArticles } from '../../alerts/deliver.ts';
import type { AddressGuard } from '../../ingest/fetch/guard.ts';
import { isAdmin } from '../auth.ts';
import { gmt } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { layout } from '../layout.ts';
import { createAlert, feedPath, type AlertsWeb } from './deps.ts';

const page = (reply: FastifyReply, title: string, body: SafeHtml, status = 200) =>
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(layout({ title, body }));

const form = (req: FastifyRequest) => new URLSearchParams(typeof req.body === 'string' ? req.body : '');

export function registerAlertsAdmin(app: FastifyInstance, deps: AlertsWeb, o: { adminToken: string | null; guard: AddressGuard; writeLimit: number }): void {
  const write = { config: { rateLimit: { max: o.writeLimit, timeWindow: '1 minute' } } };
  const denied = (reply: FastifyReply) =>
    page(reply, 'التنبيهات', html`<h1>التنبيهات</h1><p class="notice error">سجّل الدخول من <a href="/admin">صفحة الإدارة</a> أولاً.</p>`, o.adminToken ? 401 : 403);
  const done = (reply: FastifyReply, msg: string) => reply.redirect(`/admin/alerts?done=${encodeURIComponent(msg)}`, 303);

  app.get('/admin/alerts', async (req, reply) => {
    if (!isAdmin(req, o.adminToken)) return denied(reply);
    const alerts = await deps.store.listAlerts();
    const log = await deps.store.listAttempts(null, 50);
    const names = new Map(alerts.map((a) => [a.id, a.name]));
    const notice = (req.query as { done?: string }).done;
    const token = html`<input type="hidden" name="_csrf" value="${req.csrfToken() ?? ''}">`;
    const action = (a: { id: string }, what: string, label: string) =>
      html`<form method="post" action="/admin/alerts/${encodeURIComponent(a.id)}/${what}" class="inline">${token}<button type="submit">${label}</button></form>`;
    const body = html`<h1>التنبيهات</h1>${notice ? html`<p class="notice">${notice}</p>` : ''}
<p><a href="/admin">المصادر</a></p>
<table><thead><tr><th>الاسم</th><th>الاستعلام</th><th>التسليم</th><th>الحالة</th><th></th></tr></thead><tbody>
${alerts.map((a) => html`<tr id="alert-${a.id}"><td><bdi>${a.name}</bdi><div><a href="${feedPath(a.id)}">Atom</a></div></td><td dir="auto"><code>${a.query}</code>${[a.outlet, a.entity, a.keyword].some(Boolean) ? html`<div>${a.outlet ? html`المصدر: <bdi>${a.outlet}</bdi> ` : ''}${a.entity ? html`الكيان: <bdi>${a.entity}</bdi> ` : ''}${a.keyword ? html`الكلمة: <bdi>${a.keyword}</bdi>` : ''}</div>` : ''}</td>
<td dir="ltr">${a.webhookUrl ?? '—'}</td>
<td>${a.pausedAt ? html`<div class="notice error paused">متوقف منذ <span dir="ltr">${gmt(a.pausedAt)}</span>: <span dir="ltr">${a.pausedReason ?? ''}</span></div>` : a.webhookUrl ? html`يعمل${a.consecutiveFailures ? html` (${a.consecutiveFailures} إخفاقات متتالية)` : ''}` : 'خلاصة فقط'}</td>
<td>${a.pausedAt ? action(a, 'resume', 'استئناف') : ''}${a.webhookUrl && deps.deliverer ? action(a, 'test', 'إرسال تجريبي') : ''}${action(a, 'delete', 'حذف')}</td></tr>`)}
</tbody></table>
${alerts.length === 0 ? html`<p class="notice">لا تنبيهات بعد.</p>` : ''}
<h2>إضافة تنبيه</h2>
<form method="post" action="/admin/alerts">${token}
<label>الاسم <input type="text" name="name" required></label>
<label>الاستعلام <input type="text" name="query" required placeholder='"وزير الدفاع" ايران -كورونا'></label>
<label>رابط الويب هوك (اختياري) <input type="url" name="webhook" dir="ltr" placeholder="https://example.com/hook"></label>
<label>المصدر <input type="text" name="outlet"></label> <label>الكيان <input type="text" name="entity"></label> <label>الكلمة الدلالية <input type="text" name="keyword"></label>
<button type="submit">إضافة</button></form>
<h2>سجل التسليم</h2>
<table class="log"><thead><tr><th>الوقت</th><th>التنبيه</th><th>القصة</th><th>النتيجة</th><th>ملّي ثانية</th></tr></thead><tbody>
${log.map((x) => html`<tr><td dir="ltr">${gmt(x.at)}</td><td><bdi>${names.get(x.alertId) ?? x.alertId}</bdi>${x.test ? ' (تجريبي)' : ''}</td><td dir="ltr">${x.storyId ?? '—'}</td><td dir="ltr">${x.ok ? `OK ${x.status ?? ''}` : (x.error ?? `HTTP ${x.status ?? '?'}`)}</td><td dir="ltr">${x.ms}</td></tr>`)}
</tbody></table>`;
    return page(reply, 'التنبيهات', body);
  });

  const guarded = (handler: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) => async (req: FastifyRequest, reply: FastifyReply) =>
    isAdmin(req, o.adminToken) ? handler(req, reply) : denied(reply);
  const id = (req: FastifyRequest) => (req.params as { id: string }).id;

  app.post('/admin/alerts', write, guarded(async (req, reply) => {
    const f = form(req);
    try {
      const a = await createAlert(deps, { name: f.get('name') ?? '', query: f.get('query') ?? '', webhookUrl: f.get('webhook'), outlet: f.get('outlet'), entity: f.get('entity'), keyword: f.get('keyword') }, o.guard);
      return done(reply, `أضيف التنبيه ${a.name}${a.secret ? ` — سر التوقيع (يظهر مرة واحدة): ${a.secret}` : ''}`);
    } catch (e) {
      if (!(e instanceof AlertInputError)) throw e;
      return page(reply, 'التنبيهات', html`<h1>التنبيهات</h1><p class="notice error" dir="ltr">${e.message}</p><p><a href="/admin/alerts">رجوع</a></p>`, 400);
    }
  }));
  app.post('/admin/alerts/:id/delete', write, guarded(async (req, reply) => done(reply, (await deps.store.removeAlert(id(req))) ? 'حُذف التنبيه' : 'التنبيه غير موجود')));
  app.post('/admin/alerts/:id/resume', write, guarded(async (req, reply) => done(reply, (await deps.store.resumeAlert(id(req))) ? 'استؤنف التسليم' : 'التنبيه غير موجود')));
  app.post('/admin/alerts/:id/test', write, guarded(async (req, reply) => {
    const a = await deps.store.getAlert(id(req));
    if (!a || !deps.deliverer) return done(reply, 'التنبيه غير موجود');
    const r = await deps.deliverer.sendTest(a, await sampleArticles(deps.store, deps.reader, a));
    return done(reply, r.ok ? `نجح الإرسال التجريبي (HTTP ${r.status})` : `فشل الإرسال التجريبي: ${r.error ?? ''}`);
  }));
}
