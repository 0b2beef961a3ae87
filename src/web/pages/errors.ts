/** Error pages: a 404 in the site's shell; 400s name the bad parameter. */
import type { FastifyReply } from 'fastify';
import { html } from '../html.ts';
import { layout } from '../layout.ts';

export function notFound(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(404).type('text/html; charset=utf-8').send(layout({ title: 'غير موجود', body: html`<h1>404</h1><p class="notice">${message}</p>` }));
}

export function errorPage(status: number, message: string): string {
  return layout({ title: 'خطأ', body: html`<h1>${status}</h1><p class="notice error" dir="auto">${message}</p>` });
}
