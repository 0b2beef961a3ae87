/**
 * Which language a request's pages are in: `uiLanguage(req)` — the person's setting, else
 * the `lang` cookie the language switch sets, else `Accept-Language` negotiated with
 * q-values (the `negotiator` package: `en-US;q=0.9` picks English, `fr` alone picks
 * nothing), else Arabic.
 *
 * For the accounts work: a signed-in person's own setting goes first. Register it with
 * `setUserLanguage(fn)` (fn returns the person's language or null); everything that
 * renders asks `uiLanguage(req)` only, and the read cache keys pages by its answer.
 *
 * The switch is `GET /lang/<ar|en>?next=<path>`: it sets the cookie (a year, `SameSite=Lax`,
 * not HttpOnly-relevant: it is a preference, not a credential) and sends the person back
 * to `next`, a path on this site only (never another origin: no open redirect).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { DEFAULT_LANG, isLang, LANGS, ui, type Lang, type Ui } from './index.ts';

export const LANG_COOKIE = 'lang';

let userLanguage: ((req: FastifyRequest) => Lang | null) | null = null;

/** Registers where a signed-in person's language setting is read (accounts). */
export function setUserLanguage(fn: ((req: FastifyRequest) => Lang | null) | null): void {
  userLanguage = fn;
}

/** The value of the `lang` cookie when it names a UI language. */
export function cookieLanguage(cookieHeader: string | undefined): Lang | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const i = part.indexOf('=');
    if (i < 0 || part.slice(0, i).trim() !== LANG_COOKIE) continue;
    const v = part.slice(i + 1).trim();
    if (isLang(v)) return v;
  }
  return null;
}

/** The UI language `Accept-Language` prefers (q-values honoured), or null when it names neither. */
export function acceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([...LANGS]);
  return isLang(best) ? best : null;
}

const memo = new WeakMap<FastifyRequest, Lang>();

/** What the browser asks for, the person's setting aside: the `lang` cookie, else `Accept-Language`, else Arabic. */
export function browserLanguage(req: FastifyRequest): Lang {
  const h = req.headers['accept-language'];
  return cookieLanguage(req.headers.cookie) ?? acceptLanguage(Array.isArray(h) ? h.join(',') : h) ?? DEFAULT_LANG;
}

/**
 * The request's UI language, decided once per request (memoized). The person's setting is
 * read from what the accounts' onRequest hook resolved, so ask only from a route or a later
 * hook (the read cache's keys, `page:<lang>:<url>`, are made in the routes).
 */
export function uiLanguage(req: FastifyRequest): Lang {
  let lang = memo.get(req);
  if (!lang) {
    lang = userLanguage?.(req) ?? browserLanguage(req);
    memo.set(req, lang);
  }
  return lang;
}

/** `next` if it is a path on this site (`/…`, not `//host` or `/\\host`), percent-encoded; else `/`. */
export function localPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\r\n]/.test(next)) return '/';
  // Re-encoded by URL (a Location header carries no raw Arabic); still this site's.
  const u = new URL(next, 'http://local.invalid');
  return u.origin === 'http://local.invalid' ? `${u.pathname}${u.search}${u.hash}` : '/';
}

/** The language switch: `GET /lang/:lang?next=/path`. */
export function registerLanguageSwitch(app: FastifyInstance): void {
  app.get('/lang/:lang', async (req, reply) => {
    const { lang } = req.params as { lang: string };
    const next = localPath((req.query as { next?: unknown }).next);
    if (!isLang(lang)) return reply.redirect(next, 303);
    const secure = req.protocol === 'https' ? '; Secure' : '';
    return reply.header('set-cookie', `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`).header('cache-control', 'no-store').redirect(next, 303);
  });
}

/** The request's UI: `ui(uiLanguage(req))`. */
export function uiOf(req: FastifyRequest): Ui {
  return ui(uiLanguage(req));
}
