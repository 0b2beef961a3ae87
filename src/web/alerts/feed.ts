/**
 * `/alerts/<id>/feed.atom`: an alert's own Atom feed, one entry per matched story (newest
 * first by its latest copy), written by the site's Atom writer (web/feeds/atom.ts). The
 * entry is the story's first matched article; its summary names the outlets that carried
 * the story since, so a later copy updates the entry rather than adding one. The id is
 * 16 random hex digits: the URL is the capability (feed readers send no token).
 */
import type { FastifyInstance } from 'fastify';
import { atomFor } from '../feeds/atom.ts';
import type { Article } from '../types.ts';
import type { AlertsWeb } from './deps.ts';
import { uiOf } from '../i18n/negotiate.ts';

const MAX = 50;

export function registerAlertFeed(app: FastifyInstance, deps: AlertsWeb, o: { origin: () => string }): void {
  app.get('/alerts/:id/feed.atom', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const alert = /^[0-9a-f]{16}$/.test(id) ? await deps.store.getAlert(id) : null;
    if (!alert) return reply.code(404).type('text/plain; charset=utf-8').send('unknown alert');
    const entries = await deps.store.listEntries(alert.id, MAX);
    const u = uiOf(req);
    const articles: Article[] = entries
      .filter((e) => e.articles.length > 0)
      .map((e) => {
        const lead = e.articles[0]!;
        const outlets = [...new Set(e.articles.map((a) => a.outlet).filter((x): x is string => !!x))];
        const latest = e.articles.reduce((m, a) => (a.publishedAt && (!m || a.publishedAt > m) ? a.publishedAt : m), lead.publishedAt);
        const also = outlets.length > 1 ? `${u.t('feed.alsoCarried', { n: outlets.length, outlets: outlets.join(u.t('common.comma')) })}\n\n` : '';
        return {
          id: lead.id, url: lead.url, title: lead.title, text: also + lead.snippet, publishedAt: latest, outlet: lead.outlet,
          via: null, author: null, lang: 'ar', tags: [], readAlso: [], relatedTo: null, storyId: e.storyId,
        };
      });
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(atomFor(o.origin(), `/alerts/${alert.id}/feed.atom`, u.t('feed.alert', { name: alert.name }), articles, u.lang));
  });
}
