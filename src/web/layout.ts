/**
 * The page shell in the UI language: `<html lang dir>` from it (an article keeps its own
 * lang/dir on its elements), header with the sections, search and the language switch,
 * the account link (a login link that web/accounts/slots.ts replaces for a logged-in
 * person), footer, the keyboard-shortcut help (a closed <dialog>, opened by `?` through
 * /static/keys.js; every page works without the script).
 */
import { html, type SafeHtml } from './html.ts';
import { ui, type Ui } from './i18n/index.ts';

export interface PageOptions {
  /** The UI language of the page (`uiOf(req)`). */
  ui: Ui;
  /** The request's URL (path and query): where the language switch comes back to. */
  url: string;
  title: string;
  body: SafeHtml;
  /** Search box value. */
  q?: string;
  /** An Atom feed for this page, advertised in <head>. */
  feed?: string | null;
  description?: string;
}

/** The link to the other UI language, named in that language. */
function languageSwitch(o: PageOptions): SafeHtml {
  const other = o.ui.lang === 'ar' ? 'en' : 'ar';
  return html`<a class="lang" href="/lang/${other}?next=${encodeURIComponent(o.url)}" lang="${other}" hreflang="${other}">${ui(other).t('lang.self')}</a>`;
}

const KEYS = [
  ['j', 'keys.next'],
  ['k', 'keys.previous'],
  ['o', 'keys.open'],
  ['m', 'keys.read'],
  ['s', 'keys.star'],
  ['/', 'keys.search'],
  ['?', 'keys.help'],
] as const;

export function layout(o: PageOptions): string {
  const u = o.ui;
  return html`<!doctype html>
<html lang="${u.lang}" dir="${u.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} — ${u.t('site.name')}</title>
${o.description ? html`<meta name="description" content="${o.description}">` : ''}
<link rel="stylesheet" href="/static/style.css">
<script src="/static/keys.js" defer></script>
${o.feed ? html`<link rel="alternate" type="application/atom+xml" title="${o.title}" href="${o.feed}">` : ''}
</head>
<body>
<a class="skip" href="#main">${u.t('site.skip')}</a>
<header class="site"><div class="bar">
<a class="logo" href="/">${u.t('site.name')}</a>
<nav aria-label="${u.t('nav.label')}"><a href="/">${u.t('nav.stories')}</a><a href="/outlets">${u.t('nav.outlets')}</a><a href="/search">${u.t('nav.search')}</a></nav>
<nav class="account" aria-label="${u.t('nav.account')}"><!--marsad:account--><a href="/login">${u.t('account.login')}</a><!--/marsad:account--></nav>
<form action="/search" method="get" role="search" aria-label="${u.t('search.site')}"><input type="search" name="q" value="${o.q ?? ''}" placeholder="${u.t('search.placeholder')}" aria-label="${u.t('search.label')}" data-shortcut="search"><button type="submit">${u.t('search.button')}</button></form>
${languageSwitch(o)}
</div></header>
<main id="main">
${o.body}
</main>
<footer class="site"><p>${u.t('site.footer')}</p><p><button type="button" class="keys-hint" data-shortcut="help" hidden>${u.t('keys.hint')}</button></p></footer>
<dialog id="shortcuts" aria-labelledby="shortcuts-title">
<h2 id="shortcuts-title">${u.t('keys.title')}</h2>
<dl>${KEYS.map(([k, m]) => html`<dt><kbd>${k}</kbd></dt><dd>${u.t(m)}</dd>`)}</dl>
<form method="dialog"><button type="submit">${u.t('keys.close')}</button></form>
</dialog>
</body>
</html>`.value;
}
