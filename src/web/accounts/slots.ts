/**
 * Personal parts of shared pages. The reader's pages are rendered once per URL and kept in
 * the read cache (src/web/cache.ts), the same HTML for everyone; the parts that depend on
 * the person are marked in it with HTML comments, which an anonymous reader gets as they
 * are (invisible, a few bytes) and which this onSend hook fills for a logged-in person:
 * - `<!--marsad:account-->…<!--/marsad:account-->` (the header's login link) → the
 *   person's links and the logout form;
 * - `<!--marsad:s STORY-->` / `<!--marsad:a ARTICLE-->` (in list items) → «read» or
 *   «new coverage» badges from the per-story read state (two queries per page);
 * - `<!--marsad:list KIND TARGET-->` (outlet, entity, keyword, search pages) → follow /
 *   unfollow and «mark all as read» forms; `<!--marsad:star ARTICLE-->` → star / unstar.
 * Personal pages are sent `cache-control: private, no-store`. Every word is in the request's
 * UI language (src/web/i18n); the star form is `data-action="star"` for the `s` shortcut,
 * and `<!--marsad:read ARTICLE-->` (the article page) → the read / unread toggle of its
 * story, `data-action="read"` for the `m` shortcut.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isNewCoverage, type FollowKind, type StoryReadState, type User } from '../../model/accounts.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import { csrfField, roleName, type AccountsCtx } from './deps.ts';
import { uiOf } from '../i18n/negotiate.ts';
import type { Ui } from '../i18n/index.ts';

export const ACCOUNT_SLOT = /<!--marsad:account-->[\s\S]*?<!--\/marsad:account-->/;
const STORY = /<!--marsad:s ([A-Za-z0-9_-]{1,80})-->/g;
const ARTICLE = /<!--marsad:a ([0-9a-f]{16})-->/g;
const LIST = /<!--marsad:list (outlet|entity|keyword|alert|search)(?: ([^\s>]{1,600}))?-->/g;
const STAR = /<!--marsad:star ([0-9a-f]{16})-->/g;
const READ = /<!--marsad:read ([0-9a-f]{16})-->/g;

/** The markers, for the page templates. */
export const slot = {
  story: (id: string) => raw(`<!--marsad:s ${id.replace(/[^A-Za-z0-9_-]/g, '')}-->`),
  article: (id: string) => raw(`<!--marsad:a ${id.replace(/[^0-9a-f]/g, '')}-->`),
  list: (kind: FollowKind | 'search', target = '') => raw(`<!--marsad:list ${kind}${target ? ` ${encodeURIComponent(target)}` : ''}-->`),
  star: (id: string) => raw(`<!--marsad:star ${id.replace(/[^0-9a-f]/g, '')}-->`),
  /** The article page's read / unread toggle of the article's story. */
  readToggle: (id: string) => raw(`<!--marsad:read ${id.replace(/[^0-9a-f]/g, '')}-->`),
};

/** The query an article page is sent back to after «mark as unread»: opening it then leaves the story unread. */
export const KEPT_UNREAD = 'kept=unread';

/**
 * The `m` shortcut's control on an article page: marks the article's story read or unread
 * (`POST /me/read`, scope story). The button's words say what it does (no aria-pressed:
 * the label changes instead). After «unread» the page comes back with `?kept=unread`, which
 * the article page's mark-on-open skips (reading.ts).
 */
export function readToggle(u: Ui, token: SafeHtml, articleId: string, s: StoryReadState): SafeHtml {
  const read = s.readAt !== null;
  const path = `/article/${articleId}`;
  return html`<form method="post" action="/me/read" class="inline read-toggle" data-action="read">${token}<input type="hidden" name="back" value="${read ? `${path}?${KEPT_UNREAD}` : path}"><input type="hidden" name="scope" value="story"><input type="hidden" name="target" value="${s.storyId}"><input type="hidden" name="action" value="${read ? 'unread' : 'read'}"><button type="submit">${read ? u.t('read.markUnread') : u.t('read.markRead')}</button></form>`;
}

export function accountLinks(req: FastifyRequest, user: User): SafeHtml {
  const u = uiOf(req);
  return html`<a href="/me">${u.t('me.title')}</a><a href="/me/starred">${u.t('starred.title')}</a>${user.role === 'admin' ? html`<a href="/admin">${u.t('admin.title')}</a>` : ''}<a href="/settings" title="${roleName(u, user.role)}"><bdi>${user.name}</bdi></a><form method="post" action="/logout" class="inline">${csrfField(req)}<button type="submit">${u.t('account.logout')}</button></form>`;
}

export const readBadge = (u: Ui, s: StoryReadState | undefined): SafeHtml =>
  !s || s.readAt === null ? html`` : isNewCoverage(s) ? html` <span class="badge new-coverage">${u.t('read.newCoverage')}</span>` : html` <span class="badge read">${u.t('read.read')}</span>`;

export function registerSlots(app: FastifyInstance, ctx: AccountsCtx): void {
  app.addHook('onSend', async (req, reply, sent) => {
    const user = req.account?.user;
    // (the read cache's pages come as UTF-8 bytes: src/web/cache.ts Rendered)
    if (!user || !(typeof sent === 'string' || Buffer.isBuffer(sent)) || !sent.includes('<!--marsad:')) return sent;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return sent;
    const payload = typeof sent === 'string' ? sent : sent.toString('utf8');
    void reply.header('cache-control', 'private, no-store');
    const storyIds = [...new Set([...payload.matchAll(STORY)].map((m) => m[1]!))];
    const toggleIds = [...payload.matchAll(READ)].map((m) => m[1]!);
    const articleIds = [...new Set([...[...payload.matchAll(ARTICLE)].map((m) => m[1]!), ...toggleIds])];
    const starIds = [...new Set([...payload.matchAll(STAR)].map((m) => m[1]!))];
    const hasList = payload.includes('<!--marsad:list ');
    const [stories, articles, starred, follows] = await Promise.all([
      storyIds.length ? ctx.store.storyReadStates(user.id, storyIds) : [],
      articleIds.length ? ctx.store.articleReadStates(user.id, articleIds) : [],
      starIds.length ? ctx.store.starredAmong(user.id, starIds) : new Set<string>(),
      hasList ? ctx.store.listFollows(user.id) : [],
    ]);
    const byStory = new Map(stories.map((s) => [s.storyId, s]));
    const byArticle = new Map(articles.map((s) => [s.articleId, s]));
    const token = csrfField(req);
    const u = uiOf(req);
    const backTo = html`<input type="hidden" name="back" value="${req.url}">`;
    const list = (kind: string, target: string): SafeHtml => {
      const markAll = (fields: SafeHtml) =>
        html`<form method="post" action="/me/read" class="inline">${token}${backTo}${fields}<button type="submit">${u.t('read.markAll')}</button></form>`;
      if (kind === 'search') {
        const q = req.query as Record<string, string | undefined>;
        return html`<div class="follow-bar">${markAll(html`<input type="hidden" name="scope" value="search">${['q', 'outlet', 'from', 'to'].map((k) => (q[k] ? html`<input type="hidden" name="${k}" value="${q[k]}">` : ''))}`)}</div>`;
      }
      const following = !user.followsAll && follows.some((f) => f.kind === kind && f.target === target);
      return html`<div class="follow-bar"><form method="post" action="/me/follow" class="inline">${token}${backTo}<input type="hidden" name="kind" value="${kind}"><input type="hidden" name="target" value="${target}"><input type="hidden" name="action" value="${following ? 'unfollow' : 'follow'}"><button type="submit" class="${following ? 'following' : 'follow'}" aria-pressed="${following ? 'true' : 'false'}">${following ? u.t('follow.unfollow') : u.t('follow.follow')}</button></form>
${markAll(html`<input type="hidden" name="scope" value="${kind}"><input type="hidden" name="target" value="${target}">`)}</div>`;
    };
    return payload
      .replace(ACCOUNT_SLOT, `<!--marsad:account-->${accountLinks(req, user).value}<!--/marsad:account-->`)
      .replace(STORY, (_m, id: string) => readBadge(u, byStory.get(id)).value)
      .replace(ARTICLE, (_m, id: string) => readBadge(u, byArticle.get(id)).value)
      .replace(READ, (_m, id: string) => {
        const s = byArticle.get(id);
        return s ? readToggle(u, token, id, s).value : '';
      })
      .replace(STAR, (_m, id: string) => {
        const on = starred.has(id);
        return html`<form method="post" action="/me/star" class="inline star" data-action="star">${token}${backTo}<input type="hidden" name="article" value="${id}"><input type="hidden" name="action" value="${on ? 'unstar' : 'star'}"><button type="submit" aria-pressed="${on ? 'true' : 'false'}">${on ? u.t('star.on') : u.t('star.off')}</button></form>`.value;
      })
      .replace(LIST, (_m, kind: string, target?: string) => {
        let t = '';
        try {
          t = target ? decodeURIComponent(target) : '';
        } catch {
          return '';
        }
        return list(kind, t).value;
      });
  });
}
