/**
 * Security headers (Content-Security-Policy and helmet's others), computed once at start
 * and set on every reply by one hook.
 *
 * Why: @fastify/helmet builds helmet's middleware again for every request, parsing the CSP
 * directives each time (a few per cent of a page's CPU under load). The headers are the
 * same for every reply here (no nonces), so they are taken once from helmet itself, on a
 * throwaway instance, and copied: the policy stays helmet's, only the per-request work goes.
 *
 * Contract: `securityHeaders(options)` resolves to exactly the headers @fastify/helmet with
 * these options adds to a plain reply; `addSecurityHeaders(app, options)` sets them on
 * every reply of `app` (404s and errors included), before any handler runs.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

export async function securityHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const plain = Fastify();
  const probe = Fastify();
  await probe.register(helmet, options);
  for (const app of [plain, probe]) app.get('/', async () => 'x');
  const [without, withHelmet] = await Promise.all([plain.inject('/'), probe.inject('/')]);
  await Promise.all([plain.close(), probe.close()]);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(withHelmet.headers)) {
    if (k in without.headers || v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}

export async function addSecurityHeaders(app: FastifyInstance, options: FastifyHelmetOptions): Promise<void> {
  const headers = await securityHeaders(options);
  const names = Object.keys(headers);
  if (!names.includes('content-security-policy')) throw new Error('helmet set no Content-Security-Policy');
  app.addHook('onRequest', (_req, reply, done) => {
    for (const k of names) reply.header(k, headers[k]);
    done();
  });
}
