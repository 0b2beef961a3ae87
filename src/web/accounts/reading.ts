/**
 * Following and reading: the forms' routes (POST /me/follow, /me/read, /me/star, each
 * with the CSRF token), «My news» (/me: the stories of what the person follows — or of
 * everything, until they choose — newest or most covered first, unread only on request,
 * with unread counts per followed item), the starred list (/me/starred) and its private
 * Atom feed (/u/<feed token>/starred.atom: the token is the capability, as an alert's id).
 * Opening an article page while logged in marks its story read (a preHandler, before the
 * page is rendered, so the page already shows it).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FOLLOW_KINDS, isNewCoverage, type Follow, type FollowKind, type ReadScope, type StoryReadState, type User } from '../../model/accounts.ts';
import { nowIso } from '../../accounts/service.ts';
import { FEED_TOKEN } from '../../accounts/tokens.ts';
import { outletName } from '../../enrich/outlets.ts';
import { html, qs } from '../html.ts';
import { PAGE_SIZE, articleItem, pager, path, storyItem } from '../components.ts';
import { bool, endOfDay, int, str, type Query } from '../params.ts';
import { atomFor } from '../feeds/atom.ts';
import { layout } from '../layout.ts';
import { back, csrfField, form, kindName, page, userOf, type AccountsCtx } from './deps.ts';
import { uiOf } from '../i18n/negotiate.ts';

/** Resolves what a person asked to follow into a Follow (label and match), or null when it does not exist. */
export async function resolveFollow(ctx: AccountsCtx, kind: FollowKind, target: string): Promise<Follow | null> {
  const createdAt = nowIso();
  switch (kind) {
    case 'outlet': {
      const known = (await ctx.reader.listOutlets()).some((o) => o.outlet === target);
      return known ? { kind, target, label: target, match: target, createdAt } : null;
    }
    case 'entity': {
      const e = await ctx.reader.getEntity(target);
      return e ? { kind, target: e.id, label: e.name, match: e.id, createdAt } : null;
    }
    case 'keyword':
      return target.trim() ? { kind, target: target.trim(), label: target.trim(), match: target.trim(), createdAt } : null;
    case 'source': {
      const s = (await ctx.reader.listSources()).find((x) => x.id === target);
      // A source's articles carry the outlet name its host publishes as (src/enrich/outlets.ts).
      return s ? { kind, target, label: s.title ?? s.url, match: outletName(null, s.url) ?? s.title ?? s.url, createdAt } : null;
    }
    case 'alert': {
      const a = ctx.alerts ? await ctx.alerts.getAlert(target) : null;
      return a ? { kind, target, label: a.name, match: a.id, createdAt } : null;
    }
  }
}

/** The stories of a search (its first 1,000 hits), for «mark all as read» on a search page. */
async function searchStories(ctx: AccountsCtx, user: User, f: URLSearchParams): Promise<string[]> {
  const q = f.get('q')?.slice(0, 1000) ?? '';
  if (!q.trim()) return [];
  const ids: string[] = [];
  for (let offset = 0; offset < 1000; offset += 100) {
    const r = await ctx.reader.search({ q, outlet: f.get('outlet') || null, from: f.get('from') || null, to: endOfDay(f.get('to') || null), limit: 100, offset, snippets: false });
    ids.push(...r.hits.map((h) => h.id));
    if (r.hits.length < 100) break;
  }
  return [...new Set((await ctx.store.articleReadStates(user.id, ids)).map((s) => s.storyId))];
}

export function registerReading(app: FastifyInstance, ctx: AccountsCtx): void {
  const write = { config: { rateLimit: { max: ctx.writeLimit, timeWindow: '1 minute' } } };
  /** The person, or a redirect to the login page. */
  const person = (req: FastifyRequest, reply: FastifyReply): User | null => {
    const u = userOf(req);
    if (!u) void reply.redirect(`/login?next=${encodeURIComponent(req.method === 'GET' ? req.url : '/me')}`, 303);
    return u;
  };

  app.addHook('preHandler', async (req) => {
    // Opening an article marks its story read, unless the person just marked it unread from there.
    if (req.method === 'GET' && req.routeOptions.url === '/article/:id' && req.account && (req.query as { kept?: string }).kept !== 'unread') {
      await ctx.store.markArticleRead(req.account.user.id, (req.params as { id: string }).id, nowIso());
    }
  });

  app.post('/me/follow', write, async (req, reply) => {
    const user = person(req, reply);
    if (!user) return reply;
    const f = form(req);
    const kind = f.get('kind') as FollowKind;
    const target = (f.get('target') ?? '').slice(0, 300);
    if (!FOLLOW_KINDS.includes(kind) || !target) return page(req, reply, 'follow.follow', html`<h1>${uiOf(req).t('follow.follow')}</h1><p class="notice error">${uiOf(req).t('follow.bad')}</p>`, 400);
    if (f.get('action') === 'unfollow') await ctx.store.unfollow(user.id, kind, target);
    else {
      const follow = await resolveFollow(ctx, kind, target);
      if (!follow) return page(req, reply, 'follow.follow', html`<h1>${uiOf(req).t('follow.follow')}</h1><p class="notice error">${uiOf(req).h('follow.missing', { target: html`<bdi>${target}</bdi>` })}</p>`, 404);
      await ctx.store.follow(user.id, follow);
    }
    return reply.redirect(back(f, '/me'), 303);
  });

  app.post('/me/read', write, async (req, reply) => {
    const user = person(req, reply);
    if (!user) return reply;
    const f = form(req);
    const scope = f.get('scope') ?? '';
    const target = f.get('target') ?? '';
    let s: ReadScope | null = null;
    if (scope === 'followed') s = { kind: 'followed' };
    else if (scope === 'search') s = { kind: 'stories', ids: await searchStories(ctx, user, f) };
    else if (scope === 'story' && target) s = { kind: 'stories', ids: [target] };
    else if ((FOLLOW_KINDS as readonly string[]).includes(scope) && target) {
      const follow = await resolveFollow(ctx, scope as FollowKind, target);
      s = follow ? { kind: follow.kind, match: follow.match } : { kind: 'stories', ids: [] };
    }
    if (!s) return page(req, reply, 'read.title', html`<h1>${uiOf(req).t('read.title')}</h1><p class="notice error">${uiOf(req).t('read.badScope')}</p>`, 400);
    if (f.get('action') === 'unread' && s.kind === 'stories') await ctx.store.markStoriesUnread(user.id, s.ids);
    else await ctx.store.markScopeRead(user.id, s, nowIso());
    return reply.redirect(back(f, '/me'), 303);
  });

  app.post('/me/star', write, async (req, reply) => {
    const user = person(req, reply);
    if (!user) return reply;
    const f = form(req);
    const id = f.get('article') ?? '';
    if (!/^[0-9a-f]{16}$/.test(id)) return page(req, reply, 'star.title', html`<h1>${uiOf(req).t('star.title')}</h1><p class="notice error">${uiOf(req).t('star.bad')}</p>`, 400);
    if (f.get('action') === 'unstar') await ctx.store.unstar(user.id, id);
    else if (!(await ctx.store.star(user.id, id, nowIso()))) return page(req, reply, 'star.title', html`<h1>${uiOf(req).t('star.title')}</h1><p class="notice error">${uiOf(req).t('article.missing')}</p>`, 404);
    return reply.redirect(back(f, '/me/starred'), 303);
  });

  app.get('/me', async (req, reply) => {
    const user = person(req, reply);
    if (!user) return reply;
    const q = req.query as Query;
    const tr = uiOf(req);
    const order = str(q, 'order', 10) === 'covered' ? 'covered' : 'newest';
    const unreadOnly = bool(q, 'unread');
    const pageNo = int(q, 'page', 1, 1, 1000);
    const only = str(q, 'follow', 310);
    const [fk, ...rest] = only ? only.split(':') : [];
    const follows = await ctx.store.listFollows(user.id);
    const chosen = only ? follows.find((f) => f.kind === fk && f.target === rest.join(':')) ?? null : null;
    const [states, counts] = await Promise.all([
      ctx.store.followedStories(user.id, { order, unreadOnly, limit: PAGE_SIZE + 1, offset: (pageNo - 1) * PAGE_SIZE, follow: chosen ? { kind: chosen.kind, match: chosen.match } : null }),
      ctx.store.unreadCounts(user.id),
    ]);
    const stories = (await Promise.all(states.slice(0, PAGE_SIZE).map(async (s) => ({ s, story: await ctx.reader.getStory(s.storyId) })))).filter((x) => x.story);
    const params = { order: order === 'covered' ? 'covered' : null, unread: unreadOnly ? '1' : null, follow: only };
    const link = (p: Record<string, string | null>) => `/me${qs({ ...params, page: null, ...p })}`;
    const countLink = (c: (typeof counts)[number]) => (user.followsAll ? path.outlet(c.target) : link({ follow: `${c.kind}:${c.target}` }));
    // The item's read badge is its story slot's (slots.ts), as on every list.
    const item = (x: { s: StoryReadState; story: NonNullable<Awaited<ReturnType<AccountsCtx['reader']['getStory']>>> | null }) => {
      const st = x.story!;
      const to = st.articleIds.length === 1 ? path.article(st.articleIds[0]!) : path.story(st.id);
      return html`<div class="my-item${x.s.readAt && !isNewCoverage(x.s) ? ' is-read' : ''}" data-story="${st.id}">${storyItem(tr, st, to, 3)}</div>`;
    };
    const body = html`<h1>${tr.t('me.title')}</h1>
<p class="meta">${user.followsAll ? tr.t('me.followsAll') : html`${tr.t('me.following', { n: follows.length })} <a href="/settings#follows">${tr.t('me.manage')}</a>`}${chosen ? html` · ${tr.h('me.shown', { label: html`<bdi>${chosen.label}</bdi>` })} <a href="${link({ follow: null })}">${tr.t('filters.all')}</a>` : ''}</p>
<nav class="my-order" aria-label="${tr.t('me.order')}"><a href="${link({ order: null })}"${order === 'newest' ? html` aria-current="page"` : ''}>${tr.t('me.newest')}</a> <a href="${link({ order: 'covered' })}"${order === 'covered' ? html` aria-current="page"` : ''}>${tr.t('home.top')}</a> <a href="${link({ unread: unreadOnly ? null : '1' })}">${unreadOnly ? tr.t('filters.all') : tr.t('me.unreadOnly')}</a></nav>
<form method="post" action="/me/read" class="inline">${csrfField(req)}<input type="hidden" name="back" value="${req.url}">${chosen ? html`<input type="hidden" name="scope" value="${chosen.kind}"><input type="hidden" name="target" value="${chosen.target}">` : html`<input type="hidden" name="scope" value="followed">`}<button type="submit">${tr.t('read.markAll')}</button></form>
<h2>${tr.t('me.unread')}</h2>
<ul class="unread-counts">${counts.slice(0, 50).map((c) => html`<li><a href="${countLink(c)}"><bdi>${c.label}</bdi></a> <span class="meta">${kindName(tr, c.kind)}</span> <span class="badge count">${tr.num(c.unread)}</span></li>`)}</ul>
<h2>${tr.t('me.stories')}</h2>
${stories.length === 0 ? html`<p class="notice">${unreadOnly ? tr.t('me.noUnread') : tr.t('me.empty')}</p>` : ''}
${stories.map(item)}
${pager(tr, '/me', params, pageNo, states.length > PAGE_SIZE)}`;
    return page(req, reply, 'me.title', body);
  });

  app.get('/me/starred', async (req, reply) => {
    const user = person(req, reply);
    if (!user) return reply;
    const pageNo = int(req.query as Query, 'page', 1, 1, 1000);
    const list = await ctx.store.listStarred(user.id, PAGE_SIZE + 1, (pageNo - 1) * PAGE_SIZE);
    const cards = await ctx.reader.articleCards(list.slice(0, PAGE_SIZE).map((s) => s.articleId));
    const feed = `/u/${user.feedToken}/starred.atom`;
    const tr = uiOf(req);
    const unstar = (id: string) =>
      html` <form method="post" action="/me/star" class="inline" data-action="star">${csrfField(req)}<input type="hidden" name="back" value="${req.url}"><input type="hidden" name="article" value="${id}"><input type="hidden" name="action" value="unstar"><button type="submit">${tr.t('starred.remove')}</button></form>`;
    const body = html`<h1>${tr.t('starred.title')}</h1>
<p class="meta">${tr.t('starred.feed')} <a href="${feed}" dir="ltr">${ctx.origin()}${feed}</a></p>
${cards.length === 0 ? html`<p class="notice">${tr.t('starred.empty')}</p>` : ''}
${cards.map((c) => articleItem(tr, c, 2, unstar(c.id)))}
${pager(tr, '/me/starred', {}, pageNo, list.length > PAGE_SIZE)}`;
    return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(layout({ ui: tr, url: req.url, title: tr.t('starred.title'), body, feed }));
  });

  app.get('/u/:token/starred.atom', async (req, reply) => {
    const { token } = req.params as { token: string };
    const user = FEED_TOKEN.test(token) ? await ctx.store.findUserByFeedToken(token) : null;
    if (!user) return reply.code(404).type('text/plain; charset=utf-8').send('unknown feed');
    const list = await ctx.store.listStarred(user.id, 50, 0);
    const articles = await ctx.reader.getArticles(list.map((s) => s.articleId));
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(atomFor(ctx.origin(), req.url, uiOf(req).t('feed.starred', { name: user.name }), articles, uiOf(req).lang));
  });
}
