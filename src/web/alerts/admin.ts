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
import { uiOf } from '../i18n/negotiate.ts';
import type { MessageKey, Values } from '../i18n/index.ts';

const page = (req: FastifyRequest, reply: FastifyReply, body: SafeHtml, status = 200) => {
  const u = uiOf(req);
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(layout({ ui: u, url: req.url, title: u.t('alerts.title'), body }));
};

const form = (req: FastifyRequest) => new URLSearchParams(typeof req.body === 'string' ? req.body : '');

export function registerAlertsAdmin(app: FastifyInstance, deps: AlertsWeb, o: { adminToken: string | null; guard: AddressGuard; writeLimit: number }): void {
  const write = { config: { rateLimit: { max: o.writeLimit, timeWindow: '1 minute' } } };
  const denied = (req: FastifyRequest, reply: FastifyReply) => {
    const u = uiOf(req);
    return page(req, reply, html`<h1>${u.t('alerts.title')}</h1><p class="notice error">${u.h('alerts.loginFirst', { link: html`<a href="/admin">${u.t('alerts.adminPage')}</a>` })}</p>`, o.adminToken ? 401 : 403);
  };
  /** Back to the alerts page with a message in the request's language. */
  const done = (req: FastifyRequest, reply: FastifyReply, key: MessageKey, values?: Values) => reply.redirect(`/admin/alerts?done=${encodeURIComponent(uiOf(req).t(key, values))}`, 303);

  app.get('/admin/alerts', async (req, reply) => {
    if (!isAdmin(req, o.adminToken)) return denied(req, reply);
    const u = uiOf(req);
    const alerts = await deps.store.listAlerts();
    const log = await deps.store.listAttempts(null, 50);
    const names = new Map(alerts.map((a) => [a.id, a.name]));
    const notice = (req.query as { done?: string }).done;
    const token = html`<input type="hidden" name="_csrf" value="${req.csrfToken() ?? ''}">`;
    const action = (a: { id: string; name: string }, what: string, label: MessageKey) =>
      html`<form method="post" action="/admin/alerts/${encodeURIComponent(a.id)}/${what}" class="inline">${token}<button type="submit" aria-label="${u.t('alerts.actionOn', { action: u.t(label), name: a.name })}">${u.t(label)}</button></form>`;
    const body = html`<h1>${u.t('alerts.title')}</h1>${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<p><a href="/admin">${u.t('admin.sources')}</a></p>
<table><thead><tr><th>${u.t('alerts.name')}</th><th>${u.t('alerts.query')}</th><th>${u.t('alerts.delivery')}</th><th>${u.t('alerts.status')}</th><th><span class="visually-hidden">${u.t('admin.actions')}</span></th></tr></thead><tbody>
${alerts.map((a) => html`<tr id="alert-${a.id}"><td><bdi>${a.name}</bdi><div><a href="${feedPath(a.id)}">Atom</a></div></td><td dir="auto"><code>${a.query}</code>${[a.outlet, a.entity, a.keyword].some(Boolean) ? html`<div>${a.outlet ? html`${u.h('alerts.onOutlet', { v: html`<bdi>${a.outlet}</bdi>` })} ` : ''}${a.entity ? html`${u.h('alerts.onEntity', { v: html`<bdi>${a.entity}</bdi>` })} ` : ''}${a.keyword ? u.h('alerts.onKeyword', { v: html`<bdi>${a.keyword}</bdi>` }) : ''}</div>` : ''}</td>
<td dir="ltr">${a.webhookUrl ?? '—'}</td>
<td>${a.pausedAt ? html`<div class="notice error paused">${u.h('alerts.paused', { since: html`<span dir="ltr">${gmt(a.pausedAt)}</span>`, reason: html`<span dir="ltr">${a.pausedReason ?? ''}</span>` })}</div>` : a.webhookUrl ? html`${u.t('alerts.running')}${a.consecutiveFailures ? html` ${u.t('alerts.failures', { n: a.consecutiveFailures })}` : ''}` : u.t('alerts.feedOnly')}</td>
<td>${a.pausedAt ? action(a, 'resume', 'alerts.resume') : ''}${a.webhookUrl && deps.deliverer ? action(a, 'test', 'alerts.test') : ''}${action(a, 'delete', 'admin.delete')}</td></tr>`)}
</tbody></table>
${alerts.length === 0 ? html`<p class="notice">${u.t('alerts.none')}</p>` : ''}
<h2>${u.t('alerts.add')}</h2>
<form method="post" action="/admin/alerts">${token}
<label>${u.t('alerts.name')} <input type="text" name="name" required></label>
<label>${u.t('alerts.query')} <input type="text" name="query" required placeholder="${u.t('alerts.queryExample')}"></label>
<label>${u.t('alerts.webhook')} <input type="url" name="webhook" dir="ltr" placeholder="https://example.com/hook"></label>
<label>${u.t('alerts.outlet')} <input type="text" name="outlet"></label> <label>${u.t('alerts.entity')} <input type="text" name="entity"></label> <label>${u.t('alerts.keyword')} <input type="text" name="keyword"></label>
<button type="submit">${u.t('admin.addButton')}</button></form>
<h2>${u.t('alerts.log')}</h2>
<table class="log"><thead><tr><th>${u.t('alerts.time')}</th><th>${u.t('alerts.alert')}</th><th>${u.t('alerts.story')}</th><th>${u.t('alerts.result')}</th><th>${u.t('alerts.ms')}</th></tr></thead><tbody>
${log.map((x) => html`<tr><td dir="ltr">${gmt(x.at)}</td><td><bdi>${names.get(x.alertId) ?? x.alertId}</bdi>${x.test ? ` ${u.t('alerts.testMark')}` : ''}</td><td dir="ltr">${x.storyId ?? '—'}</td><td dir="ltr">${x.ok ? `OK ${x.status ?? ''}` : (x.error ?? `HTTP ${x.status ?? '?'}`)}</td><td dir="ltr">${x.ms}</td></tr>`)}
</tbody></table>`;
    return page(req, reply, body);
  });

  const guarded = (handler: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) => async (req: FastifyRequest, reply: FastifyReply) =>
    isAdmin(req, o.adminToken) ? handler(req, reply) : denied(req, reply);
  const id = (req: FastifyRequest) => (req.params as { id: string }).id;

  app.post('/admin/alerts', write, guarded(async (req, reply) => {
    const f = form(req);
    try {
      const a = await createAlert(deps, { name: f.get('name') ?? '', query: f.get('query') ?? '', webhookUrl: f.get('webhook'), outlet: f.get('outlet'), entity: f.get('entity'), keyword: f.get('keyword') }, o.guard);
      return done(req, reply, a.secret ? 'alerts.addedSecret' : 'alerts.added', { name: a.name, secret: a.secret ?? '' });
    } catch (e) {
      if (!(e instanceof AlertInputError)) throw e;
      const u = uiOf(req);
      return page(req, reply, html`<h1>${u.t('alerts.title')}</h1><p class="notice error" dir="ltr">${e.message}</p><p><a href="/admin/alerts">${u.t('alerts.back')}</a></p>`, 400);
    }
  }));
  app.post('/admin/alerts/:id/delete', write, guarded(async (req, reply) => done(req, reply, (await deps.store.removeAlert(id(req))) ? 'alerts.deleted' : 'alerts.missing')));
  app.post('/admin/alerts/:id/resume', write, guarded(async (req, reply) => done(req, reply, (await deps.store.resumeAlert(id(req))) ? 'alerts.resumed' : 'alerts.missing')));
  app.post('/admin/alerts/:id/test', write, guarded(async (req, reply) => {
    const a = await deps.store.getAlert(id(req));
    if (!a || !deps.deliverer) return done(req, reply, 'alerts.missing');
    const r = await deps.deliverer.sendTest(a, await sampleArticles(deps.store, deps.reader, a));
    return r.ok ? done(req, reply, 'alerts.testOk', { status: String(r.status ?? '') }) : done(req, reply, 'alerts.testFailed', { error: r.error ?? '' });
  }));
}
