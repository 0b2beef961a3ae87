/**
 * /api/v1/alerts (admin token): list (secrets masked), create (JSON; the answer carries
 * the secret, the only time it is shown), delete, and one alert with its latest story
 * entries and delivery log. Bad fields give 400 naming the field.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AlertInputError, publicAlert } from '../../alerts/model.ts';
import type { AddressGuard } from '../../ingest/fetch/guard.ts';
import { isAdmin } from '../auth.ts';
import { BadRequest, int, type Query } from '../params.ts';
import { createAlert, feedPath, type AlertsWeb } from './deps.ts';

export function registerAlertsApi(app: FastifyInstance, deps: AlertsWeb, o: { adminToken: string | null; guard: AddressGuard; writeLimit: number }): void {
  const write = { config: { rateLimit: { max: o.writeLimit, timeWindow: '1 minute' } } };
  const admin = (req: FastifyRequest, reply: FastifyReply): boolean => {
    if (isAdmin(req, o.adminToken)) return true;
    void reply.code(o.adminToken ? 401 : 403).send({ error: 'unauthorized', message: o.adminToken ? 'a valid admin token is required (Authorization: Bearer …)' : 'alerts are disabled: set MARSAD_ADMIN_TOKEN' });
    return false;
  };
  const shown = (a: Parameters<typeof publicAlert>[0]) => ({ ...publicAlert(a), feed: feedPath(a.id) });

  app.get('/api/v1/alerts', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    return reply.header('cache-control', 'no-store').send({ results: (await deps.store.listAlerts()).map(shown) });
  });

  app.get('/api/v1/alerts/:id', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    const a = await deps.store.getAlert((req.params as { id: string }).id);
    if (!a) return reply.code(404).send({ error: 'not_found', message: 'alert not found' });
    const limit = int(req.query as Query, 'limit', 20, 1, 100);
    const [entries, attempts] = await Promise.all([deps.store.listEntries(a.id, limit), deps.store.listAttempts(a.id, limit)]);
    return reply.header('cache-control', 'no-store').send({ ...shown(a), entries, attempts });
  });

  app.post('/api/v1/alerts', write, async (req, reply) => {
    if (!admin(req, reply)) return reply;
    if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
      return reply.code(415).send({ error: 'unsupported_media_type', message: 'Content-Type must be application/json' });
    }
    const b = (req.body ?? {}) as Record<string, unknown>;
    const s = (k: string) => (b[k] === undefined || b[k] === null ? null : (b[k] as string));
    try {
      const a = await createAlert(deps, { name: s('name') as string, query: s('query') as string, webhookUrl: s('webhook'), secret: s('secret'), outlet: s('outlet'), entity: s('entity'), keyword: s('keyword') }, o.guard);
      return reply.code(201).send({ ...a, feed: feedPath(a.id) });
    } catch (e) {
      if (e instanceof AlertInputError) throw new BadRequest(e.field, e.message.slice(e.field.length + 2));
      throw e;
    }
  });

  app.delete('/api/v1/alerts/:id', write, async (req, reply) => {
    if (!admin(req, reply)) return reply;
    const ok = await deps.store.removeAlert((req.params as { id: string }).id);
    return ok ? reply.code(204).send() : reply.code(404).send({ error: 'not_found', message: 'alert not found' });
  });
}
