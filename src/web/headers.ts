/**
 * Security headers (Content-Security-Policy and helmet's others), computed once at start
 * and set on every reply by one hook.
 *
 * Why: @fastify/helmet builds helmet's middleware again for every request, parsing the CSP
 * directives each time (a few per cent of a page's CPU under load). The headers are the
 * same for every reply here (no nonces), so they are taken once from helmet itself, on a
 * throwaway instance, and copied: the policy stays helmet's, only the per-request work goes.
 *
 * Two sets, chosen by the request's protocol (`req.protocol`: X-Forwarded-Proto counts
 * only from a trusted proxy): over HTTPS helmet's as configured, with
 * `upgrade-insecure-requests` and HSTS; over plain HTTP the same without those two, since
 * upgrading a site that has no HTTPS sends its stylesheet to a dead port and makes its
 * forms break `form-action 'self'` (loopback is exempt, so only a real host name shows it).
 *
 * Contract: `securityHeaders(options)` resolves to exactly the headers @fastify/helmet with
 * these options adds to a plain reply; `addSecurityHeaders(app, options)` sets the set for
 * the request's protocol on every reply of `app` (404s and errors included), before any
 * handler runs, and returns the function that does it, for replies no hook sees (a URL
 * the router cannot decode).
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
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

/** The options for plain HTTP: no upgrade of subresources, no HSTS. */
export function plainHttpOptions(options: FastifyHelmetOptions): FastifyHelmetOptions {
  const csp = typeof options.contentSecurityPolicy === 'object' ? options.contentSecurityPolicy : {};
  // helmet's option types forbid naming HSTS twice (hsts / strictTransportSecurity); one is named here.
  return { ...options, strictTransportSecurity: false, contentSecurityPolicy: { ...csp, directives: { ...csp.directives, upgradeInsecureRequests: null } } } as FastifyHelmetOptions;
}

export type ApplyHeaders = (req: FastifyRequest, reply: FastifyReply) => void;

export async function addSecurityHeaders(app: FastifyInstance, options: FastifyHelmetOptions): Promise<ApplyHeaders> {
  const [secure, plain] = await Promise.all([securityHeaders(options), securityHeaders(plainHttpOptions(options))]);
  if (!('content-security-policy' in secure) || !('content-security-policy' in plain)) throw new Error('helmet set no Content-Security-Policy');
  const entries = { secure: Object.entries(secure), plain: Object.entries(plain) };
  const apply: ApplyHeaders = (req, reply) => {
    for (const [k, v] of req.protocol === 'https' ? entries.secure : entries.plain) reply.header(k, v);
  };
  app.addHook('onRequest', (req, reply, done) => {
    apply(req, reply);
    done();
  });
  return apply;
}
