/**
 * The page shell: `<html lang="ar" dir="rtl">`, header with search and the account link
 * (a login link that web/accounts/slots.ts replaces for a logged-in person), footer.
 */
import { html, type SafeHtml } from './html.ts';

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Search box value. */
  q?: string;
  /** An Atom feed for this page, advertised in <head>. */
  feed?: string | null;
  description?: string;
}

export function layout(o: PageOptions): string {
  return html`<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} — مرصد</title>
${o.description ? html`<meta name="description" content="${o.description}">` : ''}
<link rel="stylesheet" href="/static/style.css">
${o.feed ? html`<link rel="alternate" type="application/atom+xml" title="${o.title}" href="${o.feed}">` : ''}
</head>
<body>
<header class="site"><div class="bar">
<a class="logo" href="/">مرصد</a>
<nav><a href="/">القصص</a><a href="/outlets">المصادر</a><a href="/search">البحث</a></nav>
<nav class="account" aria-label="الحساب"><!--marsad:account--><a href="/login">دخول</a><!--/marsad:account--></nav>
<form action="/search" method="get" role="search"><input type="search" name="q" value="${o.q ?? ''}" placeholder="ابحث: ايران، وزير الدفاع …" aria-label="بحث"><button type="submit">بحث</button></form>
</div></header>
<main>
${o.body}
</main>
<footer class="site">مرصد — مجمّع أخبار عربي. المقالات ملك ناشريها؛ عيّنة العرض من مجموعة SaudiNewsNet (CC BY-NC-SA 4.0).</footer>
</body>
</html>`.value;
}
