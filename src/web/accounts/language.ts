/**
 * A person's UI language (issue 12): stored with the user (`users.lang`, migration 023;
 * null follows the browser), chosen on the settings page (`POST /settings/language`, with
 * the CSRF token), and registered with the i18n negotiation (`setUserLanguage`) so that for
 * a logged-in person it wins over the `lang` cookie and `Accept-Language`. Every renderer
 * asks `uiLanguage(req)`, so the read cache keys a page by the resolved language.
 *
 * The header's language switch (`GET /lang/<ar|en>`) only sets a cookie, which a person's
 * setting outranks: for someone who has one, the switch leads to this setting instead (a
 * GET changes no stored state; the setting changes only through the form).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { User } from '../../model/accounts.ts';
import { html, type SafeHtml } from '../html.ts';
import { isLang, LANGS, ui, type Lang } from '../i18n/index.ts';
import { browserLanguage, setUserLanguage, uiOf } from '../i18n/negotiate.ts';
import { csrfField, form, page, userOf, type AccountsCtx } from './deps.ts';

/** The signed-in person's language setting, if any (what `setUserLanguage` is given). */
export const personLanguage = (req: FastifyRequest): Lang | null => {
  const l = req.account?.user.lang;
  return isLang(l) ? l : null;
};

/** The settings page's section: follow the browser, or one of the UI languages (each named in itself). */
export function languageSection(req: FastifyRequest, user: User): SafeHtml {
  const u = uiOf(req);
  const current = isLang(user.lang) ? user.lang : '';
  const choice = (value: string, label: SafeHtml) =>
    html`<label><input type="radio" name="lang" value="${value}"${value === current ? html` checked` : ''}> ${label}</label> `;
  return html`<h2 id="language">${u.t('settings.language')}</h2>
<form method="post" action="/settings/language">${csrfField(req)}<fieldset><legend>${u.t('settings.languageLegend')}</legend>
${choice('', html`${u.t('settings.languageBrowser')}`)}${LANGS.map((l) => choice(l, html`<span lang="${l}" dir="${ui(l).dir}">${ui(l).t('lang.self')}</span>`))}
</fieldset><button type="submit">${u.t('settings.languageSave')}</button></form>`;
}

export function registerLanguageSetting(app: FastifyInstance, ctx: AccountsCtx): void {
  setUserLanguage(personLanguage);
  const write = { config: { rateLimit: { max: ctx.writeLimit, timeWindow: '1 minute' } } };

  app.addHook('preHandler', async (req, reply) => {
    if (req.method === 'GET' && req.routeOptions.url === '/lang/:lang' && personLanguage(req)) {
      return reply.header('cache-control', 'no-store').redirect('/settings#language', 303);
    }
  });

  app.post('/settings/language', write, async (req, reply) => {
    const user = userOf(req);
    if (!user) return reply.redirect('/login?next=%2Fsettings', 303);
    const v = form(req).get('lang') ?? '';
    if (v !== '' && !isLang(v)) {
      const u = uiOf(req);
      return page(req, reply, 'settings.title', html`<h1>${u.t('settings.title')}</h1><p class="notice error">${u.t('settings.languageBad')}</p><p><a href="/settings#language">${u.t('settings.backTo')}</a></p>`, 400);
    }
    const lang = v === '' ? null : v;
    await ctx.store.setLanguage(user.id, lang);
    // This request was decided in the old language: the message is in the new one.
    const message = ui(lang ?? browserLanguage(req)).t('settings.languageSaved');
    return reply.redirect(`/settings?done=${encodeURIComponent(message)}#language`, 303);
  });
}
