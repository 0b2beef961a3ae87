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
import { uiOf } from '../i18n/negotiate.ts';
import type { MessageKey, Ui, Values } from '../i18n/index.ts';

export interface AdminDeps {
  store: ReaderStore & Partial<SourceAdmin>;
  adminToken: string | null;
  starterOpml: string | null;
  guard: AddressGuard;
  /** Writes per minute per client (the same limit as the API's writes). */
  writeLimit: number;
}

const page = (req: FastifyRequest, reply: FastifyReply, body: ReturnType<typeof html>, status = 200) => {
  const u = uiOf(req);
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(layout({ ui: u, url: req.url, title: u.t('admin.title'), body }));
};

function form(req: FastifyRequest): URLSearchParams {
  return new URLSearchParams(typeof req.body === 'string' ? req.body : '');
}

export function registerAdminPages(app: FastifyInstance, deps: AdminDeps): void {
  const { store } = deps;
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const write = { config: { rateLimit: { max: deps.writeLimit, timeWindow: '1 minute' } } };

  const loginForm = (u: Ui, message?: MessageKey) =>
    html`<h1>${u.t('admin.title')}</h1>${message ? html`<p class="notice error">${u.t(message)}</p>` : ''}
${deps.adminToken ? html`<form method="post" action="/admin/login"><label>${u.t('admin.token')} <input type="password" name="token" autocomplete="current-password" required></label> <button type="submit">${u.t('admin.login')}</button></form>` : html`<p class="notice">${u.t('admin.disabled')}</p>`}`;

  app.get('/admin', async (req, reply) => {
    const u = uiOf(req);
    if (!isAdmin(req, deps.adminToken)) return page(req, reply, loginForm(u), deps.adminToken ? 401 : 403);
    const sources = await store.listSources();
    const notice = (req.query as { done?: string }).done;
    const token = html`<input type="hidden" name="_csrf" value="${req.csrfToken() ?? ''}">`;
    const body = html`<h1>${u.t('admin.sources')}</h1>${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<p><a href="/admin/alerts">${u.t('alerts.title')}</a></p>
<table><thead><tr><th>${u.t('admin.source')}</th><th>${u.t('admin.lastFetch')}</th><th>${u.t('admin.status')}</th><th>${u.t('admin.errors')}</th><th>${u.t('admin.nextPoll')}</th><th><span class="visually-hidden">${u.t('admin.actions')}</span></th></tr></thead><tbody>
${sources.map((s) => html`<tr><td>${linkable(s.url) ? html`<a href="${s.url}" dir="auto">${s.title ?? s.url}</a>` : html`<bdi>${s.title ?? s.url}</bdi>`}</td><td dir="ltr">${gmt(s.lastFetch) || '—'}</td><td>${s.status ?? '—'}${s.lastError ? html`<div class="error" dir="auto">${s.lastError}</div>` : ''}</td><td>${u.num(s.errorCount)}</td><td dir="ltr">${gmt(s.nextPoll) || '—'}</td>
<td><form method="post" action="/admin/sources/${encodeURIComponent(s.id)}/delete">${token}<button type="submit" aria-label="${u.t('admin.deleteSource', { name: s.title ?? s.url })}">${u.t('admin.delete')}</button></form></td></tr>`)}
</tbody></table>
${sources.length === 0 ? html`<p class="notice">${u.t('admin.noSources')}</p>` : ''}
<h2>${u.t('admin.add')}</h2>
<form method="post" action="/admin/sources">${token}<input type="url" name="url" placeholder="https://example.com/rss.xml" required dir="ltr" aria-label="${u.t('admin.feedUrl')}"> <input type="text" name="title" placeholder="${u.t('admin.name')}" aria-label="${u.t('admin.name')}"> <button type="submit">${u.t('admin.addButton')}</button></form>
<h2>${u.t('admin.import')}</h2>
${deps.starterOpml ? html`<form method="post" action="/admin/sources/starter">${token}<button type="submit">${u.t('admin.starter')}</button></form>` : ''}
<form method="post" action="/admin/sources/import">${token}<textarea name="opml" rows="6" cols="60" dir="ltr" placeholder="&lt;opml …&gt;" aria-label="${u.t('admin.opml')}"></textarea><br><button type="submit">${u.t('admin.importButton')}</button></form>`;
    return page(req, reply, body);
  });

  // No session yet, so no token: the Origin is checked all the same (csrf.ts).
  app.post('/admin/login', { config: { ...write.config, csrf: 'origin' } }, async (req, reply) => {
    const token = form(req).get('token');
    if (!tokenMatches(token, deps.adminToken)) return page(req, reply, loginForm(uiOf(req), 'admin.wrongToken'), 401);
    void reply.header('set-cookie', `marsad_admin=${encodeURIComponent(token!)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=86400`);
    return reply.redirect('/admin', 303);
  });

  const guarded = (handler: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) => async (req: FastifyRequest, reply: FastifyReply) => {
    if (!isAdmin(req, deps.adminToken)) return page(req, reply, loginForm(uiOf(req), 'admin.loginFirst'), deps.adminToken ? 401 : 403);
    if (!store.addSource || !store.removeSource || !store.importSources) return page(req, reply, html`<h1>${uiOf(req).t('admin.title')}</h1><p class="notice error">${uiOf(req).t('admin.noSourceAdmin')}</p>`, 501);
    return handler(req, reply);
  };
  /** Back to the admin page with a message in the request's language. */
  const done = (req: FastifyRequest, reply: FastifyReply, key: MessageKey, values?: Values) => reply.redirect(`/admin?done=${encodeURIComponent(uiOf(req).t(key, values))}`, 303);

  app.post('/admin/sources', write, guarded(async (req, reply) => {
    const f = form(req);
    const url = f.get('url')?.trim() ?? '';
    const v = deps.guard.checkUrl(url);
    const u = uiOf(req);
    if (!v.ok) return page(req, reply, html`<h1>${u.t('admin.title')}</h1><p class="notice error">${u.h('admin.badUrl', { url: html`<bdi>${url}</bdi>` })}</p><p class="notice error" dir="ltr">${v.code}: ${v.message}</p>`, 400);
    await store.addSource!({ url, title: f.get('title')?.trim() || null });
    return done(req, reply, 'admin.added', { url });
  }));

  app.post('/admin/sources/:id/delete', write, guarded(async (req, reply) => {
    const ok = await store.removeSource!((req.params as { id: string }).id);
    return done(req, reply, ok ? 'admin.deleted' : 'admin.missing');
  }));

  const importOpml = async (req: FastifyRequest, reply: FastifyReply, name: string, bytes: Buffer) => {
    const r = await parseDocument({ name, bytes }, { format: 'opml' });
    const u = uiOf(req);
    if (r.sources.length === 0) return page(req, reply, html`<h1>${u.t('admin.title')}</h1><p class="notice error">${u.t('admin.emptyOpml')}</p>${r.errors[0] ? html`<p class="notice error" dir="ltr">${r.errors[0].message}</p>` : ''}`, 400);
    const { ok, refused } = screenUrls(r.sources, deps.guard);
    const c = ok.length ? await store.importSources!(ok.map((s) => ({ url: s.url, title: s.title }))) : { added: 0, existing: 0 };
    return done(req, reply, 'admin.imported', { added: c.added, existing: c.existing, refused: refused.length });
  };
  app.post('/admin/sources/import', write, guarded(async (req, reply) => importOpml(req, reply, 'pasted OPML', Buffer.from(form(req).get('opml') ?? ''))));
  app.post('/admin/sources/starter', write, guarded(async (req, reply) => importOpml(req, reply, deps.starterOpml!, await readFile(deps.starterOpml!))));
}
