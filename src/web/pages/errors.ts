/** Error pages in the UI language: a 404 in the site's shell; 400s name the bad parameter. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from '../html.ts';
import { layout } from '../layout.ts';
import { uiOf } from '../i18n/negotiate.ts';
import type { MessageKey, Ui } from '../i18n/index.ts';

/** A 404 page saying what is missing (`what`: a catalog key; null: the page itself). */
export function notFound(req: FastifyRequest, reply: FastifyReply, what: MessageKey | null): FastifyReply {
  const u = uiOf(req);
  return reply.code(404).type('text/html; charset=utf-8').send(layout({ ui: u, url: req.url, title: u.t('error.notFoundTitle'), body: html`<h1>404</h1><p class="notice">${u.t(what ?? 'error.pageMissing')}</p>` }));
}

/**
 * An error page: the status, what it means in the UI language and, for a 4xx, the
 * technical detail (e.g. `page: must be between 1 and 1000`), which stays as the code wrote it.
 */
export function errorPage(u: Ui, url: string, status: number, detail: string | null): string {
  const what = status === 404 ? u.t('error.pageMissing') : status === 403 ? u.t('error.forbidden') : status === 429 ? u.t('error.rateLimited') : status >= 500 ? u.t('error.server') : u.t('error.badRequest');
  return layout({ ui: u, url, title: u.t('error.title'), body: html`<h1>${status}</h1><p class="notice error">${what}</p>${detail ? html`<p class="notice error" dir="auto">${detail}</p>` : ''}` });
}
