/**
 * Items as Google Reader clients read them (the shape FreshRSS and Miniflux write): id in
 * the long form, `crawlTimeMsec`/`timestampUsec`/`published`, `title`, `canonical` and
 * `alternate` links, `categories` (reading-list, read, starred, the label of the stream
 * it was read from), `origin` (the copy's outlet as a feed), `summary.content` as HTML and
 * its direction from the article's language. A copy of a story other outlets carried too
 * says so at the end of its content («and N more outlets», catalog key story.moreOutlets, in the request's UI language), linked to the story page.
 */
import type { User } from '../../model/accounts.ts';
import type { Article } from '../../model/article.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Ui } from '../i18n/index.ts';
import { linkable, path } from '../components.ts';
import { feedId, longItemId, READ, READING_LIST, STARRED } from './ids.ts';
import type { Entry, Subscription } from './streams.ts';

const RTL = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'ku', 'ckb', 'yi', 'dv']);
export const direction = (lang: string): 'rtl' | 'ltr' => (RTL.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr');

function content(e: Entry<Article>, origin: string, u: Ui): SafeHtml {
  const paras = e.article.text.split(/\n\s*\n/).filter((p) => p.trim());
  const others = e.story ? e.story.outlets.filter((o) => o !== e.article.outlet).length : 0;
  const more = others > 0 && e.story ? html`<p><a href="${origin}${path.story(e.story.id)}">${u.t('story.moreOutlets', { n: others })}</a></p>` : '';
  return html`${paras.map((p) => html`<p>${p}</p>`)}${more}`;
}

export interface ItemContext {
  origin: string;
  user: User;
  subs: Subscription[];
  /** The request's UI language: «and N more outlets» is written in it. */
  ui: Ui;
  /** The label of the stream the items are read from, if it is a label. */
  label?: string | null;
}

export function itemJson(e: Entry<Article>, c: ItemContext): Record<string, unknown> {
  const a = e.article;
  const t = e.time || Date.parse(a.publishedAt ?? '') || 0;
  const published = Math.floor((Date.parse(a.publishedAt ?? '') || t) / 1000);
  const outlet = a.outlet ?? a.via ?? '';
  const sub = c.subs.find((s) => s.match === outlet);
  const link = linkable(a.url) ? a.url : `${c.origin}${path.article(a.id)}`;
  const categories = [READING_LIST];
  if (e.state?.readAt) categories.push(READ);
  if (e.starred) categories.push(STARRED);
  if (c.label) categories.push(`user/-/label/${c.label}`);
  const body = { direction: direction(a.lang), content: content(e, c.origin, c.ui).value };
  return {
    id: longItemId(a.id),
    crawlTimeMsec: String(t),
    timestampUsec: String(t * 1000),
    published,
    updated: published,
    title: a.title,
    canonical: [{ href: link }],
    alternate: [{ href: link, type: 'text/html' }],
    categories,
    origin: { streamId: sub?.id ?? feedId('outlet', outlet), title: sub?.label ?? outlet, htmlUrl: `${c.origin}${path.outlet(outlet)}` },
    summary: body,
    content: body,
    author: a.author ?? '',
  };
}
