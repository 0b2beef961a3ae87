/**
 * The Google Reader routes under /api/greader (see README.md beside for the request shapes
 * followed). Reads: token, user-info, subscription/list, tag/list, unread-count,
 * stream/contents/<stream>, stream/items/ids; writes (POST): subscription/edit and
 * quickadd, stream/items/contents (a read with a long id list), edit-tag,
 * mark-all-as-read. Answers are JSON whatever `output` says (`output=json` is what the
 * apps send); writes answer `OK` as text.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nowIso } from '../../accounts/service.ts';
import type { FollowKind, User } from '../../model/accounts.ts';
import type { AccountsCtx } from '../accounts/deps.ts';
import { resolveFollow } from '../accounts/reading.ts';
import { authenticate, checkWriteToken, clientLogin, params, unauthorized, writeToken } from './auth.ts';
import { feedId, parseItemId, parseStreamId, READING_LIST, shortItemId, STARRED, stateOf, type StreamId } from './ids.ts';
import { itemJson, type ItemContext } from './items.ts';
import { uiOf } from '../i18n/negotiate.ts';
import { followables, MAX_N, scopeOf, SCAN_CAP, streamPage, withArticles, type Entry, type Filters, type Scope } from './streams.ts';
import type { Article } from '../../model/article.ts';

export const BASE = '/api/greader';
const API = `${BASE}/reader/api/0`;

class BadRequest extends Error {
  readonly statusCode = 400;
}

const int = (p: URLSearchParams, k: string): number | null => {
  const v = p.get(k);
  if (v === null || v === '') return null;
  if (!/^-?\d{1,20}$/.test(v)) throw new BadRequest(`${k}: a whole number`);
  return Number(v);
};

/** `n`, `c`, `xt`, `r`, `ot`, `nt` of a stream request. */
function filters(p: URLSearchParams): Filters {
  const n = Math.max(1, Math.min(MAX_N, int(p, 'n') ?? 20));
  const c = p.get('c');
  if (c && !/^\d{1,9}$/.test(c)) throw new BadRequest('c: not a continuation of this server');
  const ot = int(p, 'ot');
  const nt = int(p, 'nt');
  return { n, offset: c ? Number(c) : 0, excludeRead: p.getAll('xt').some((t) => stateOf(t) === 'read'), oldestFirst: p.get('r') === 'o', since: ot === null ? null : ot * 1000, before: nt === null ? null : nt * 1000 };
}

const sendText = (reply: FastifyReply, s: string): FastifyReply => reply.header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(s);
const notFound = (reply: FastifyReply, what: string): FastifyReply => reply.code(404).header('cache-control', 'no-store').send({ error: 'not_found', message: what });

export function registerGreaderRoutes(app: FastifyInstance, ctx: AccountsCtx): void {
  // Declared up front (fastify keeps request objects one shape); set by `authenticate`.
  app.decorateRequest('greader', null);
  const auth = { onRequest: authenticate(ctx) };
  const me = (req: FastifyRequest): User => req.greader!.user;
  const itemCtx = async (req: FastifyRequest, label: string | null = null): Promise<ItemContext> => ({ origin: ctx.origin(), user: me(req), subs: (await followables(ctx, me(req))).subs, ui: uiOf(req), label });
  /** The stream a request names (path or `s`), its scope, or null. */
  const stream = async (req: FastifyRequest, id: string): Promise<{ id: string; parsed: StreamId; scope: Scope } | null> => {
    const parsed = parseStreamId(id);
    const scope = parsed ? await scopeOf(ctx, me(req), parsed) : null;
    return parsed && scope ? { id, parsed, scope } : null;
  };
  /** Writes: a wrong `T` is a 401 with the bad-token header. */
  const writeParams = (req: FastifyRequest, reply: FastifyReply): URLSearchParams | null => {
    const p = params(req);
    if (!checkWriteToken(req, p)) {
      void unauthorized(reply, true);
      return null;
    }
    return p;
  };

  // The login limiter counts failures; this caps every attempt per address, as on /login.
  app.post(`${BASE}/accounts/ClientLogin`, { config: { rateLimit: { max: ctx.writeLimit, timeWindow: '1 minute' } } }, async (req, reply) => clientLogin(ctx, req, reply));

  app.get(`${API}/token`, auth, async (req, reply) => sendText(reply, writeToken(req.greader!.token)));

  app.get(`${API}/user-info`, auth, async (req, reply) => {
    const u = me(req);
    return reply.header('cache-control', 'no-store').send({ userId: u.id, userName: u.name, userProfileId: u.id, userEmail: u.name, isBloggerUser: false, signupTimeSec: Math.floor(Date.parse(u.createdAt) / 1000), isMultiLoginEnabled: false });
  });

  app.get(`${API}/subscription/list`, auth, async (req, reply) => {
    const { subs } = await followables(ctx, me(req));
    const sources = subs.some((s) => s.kind === 'source') ? await ctx.reader.listSources() : [];
    const origin = ctx.origin();
    const subscriptions = subs.map((s) => ({
      id: s.id,
      title: s.label,
      categories: [],
      url: s.kind === 'source' ? (sources.find((x) => x.id === s.target)?.url ?? '') : `${origin}/outlet/${encodeURIComponent(s.match)}/feed.atom`,
      htmlUrl: origin + s.html,
      iconUrl: '',
      sortid: s.id,
      firstitemmsec: '0',
    }));
    return reply.header('cache-control', 'no-store').send({ subscriptions });
  });

  app.get(`${API}/tag/list`, auth, async (req, reply) => {
    const { labels } = await followables(ctx, me(req));
    return reply.header('cache-control', 'no-store').send({ tags: [{ id: STARRED }, ...labels.map((l) => ({ id: l.id, type: 'tag' }))] });
  });

  app.get(`${API}/unread-count`, auth, async (req, reply) => {
    const user = me(req);
    const [{ subs, labels }, counts, unread] = await Promise.all([
      followables(ctx, user),
      ctx.store.unreadCounts(user.id),
      ctx.store.followedStories(user.id, { unreadOnly: true, limit: MAX_N }),
    ]);
    const usec = (iso: string | null | undefined) => String((Date.parse(iso ?? '') || 0) * 1000);
    // The newest unread story per outlet, from the reading list's newest unread stories (one
    // pass, through the read cache); a follow not met there (a label, a rare outlet) asks the store.
    const unreadStories = await Promise.all(unread.map((s) => ctx.reader.getStory(s.storyId)));
    const newestByOutlet = new Map<string, string | null>();
    for (const st of unreadStories) for (const o of st?.outlets ?? []) if (!newestByOutlet.has(o)) newestByOutlet.set(o, st!.firstSeen);
    const find = (kind: FollowKind, target: string) => (kind === 'outlet' || kind === 'source' ? subs.find((s) => s.kind === kind && s.target === target) : labels.find((l) => l.kind === kind && l.target === target));
    const newestOf = async (kind: FollowKind, match: string): Promise<string> => {
      if ((kind === 'outlet' || kind === 'source') && newestByOutlet.has(match)) return usec(newestByOutlet.get(match));
      const [s] = await ctx.store.followedStories(user.id, { unreadOnly: true, limit: 1, follow: { kind, match } });
      return usec(s ? (await ctx.reader.getStory(s.storyId))?.firstSeen : null);
    };
    const rows = counts.flatMap((c) => {
      const f = find(c.kind, c.target);
      const id = f?.id ?? (c.kind === 'outlet' ? feedId('outlet', c.target) : null);
      return id && c.unread > 0 ? [{ id, c, match: f?.match ?? c.target }] : [];
    });
    const unreadcounts = [
      { id: READING_LIST, count: unread.length, newestItemTimestampUsec: usec(unreadStories[0]?.firstSeen) },
      ...(await Promise.all(rows.map(async ({ id, c, match }) => ({ id, count: c.unread, newestItemTimestampUsec: await newestOf(c.kind, match) })))),
    ];
    return reply.header('cache-control', 'no-store').send({ max: MAX_N, unreadcounts });
  });

  const contents = async (req: FastifyRequest, reply: FastifyReply, id: string) => {
    const p = params(req);
    const s = await stream(req, id);
    if (!s) return notFound(reply, `no stream ${id}`);
    const page = await streamPage(ctx, me(req), s.scope, filters(p));
    const entries = await withArticles(ctx, page.entries);
    const c = await itemCtx(req, s.parsed.type === 'label' ? s.parsed.name : null);
    return reply.header('cache-control', 'no-store').send({
      id: s.id,
      title: s.scope.type === 'one' ? s.scope.label : s.id,
      direction: 'rtl',
      updated: Math.floor(Date.now() / 1000),
      items: entries.map((e) => itemJson(e, c)),
      ...(page.continuation ? { continuation: page.continuation } : {}),
    });
  };
  app.get(`${API}/stream/contents/*`, auth, async (req, reply) => contents(req, reply, (req.params as { '*': string })['*'] || READING_LIST));
  app.get(`${API}/stream/contents`, auth, async (req, reply) => contents(req, reply, params(req).get('s') ?? READING_LIST));

  app.get(`${API}/stream/items/ids`, auth, async (req, reply) => {
    const p = params(req);
    const id = p.get('s') ?? READING_LIST;
    const s = await stream(req, id);
    if (!s) return notFound(reply, `no stream ${id}`);
    const page = await streamPage(ctx, me(req), s.scope, filters(p));
    const itemRefs = page.entries.map((e) => ({ id: shortItemId(e.article.id), directStreamIds: [], timestampUsec: String(e.time * 1000) }));
    return reply.header('cache-control', 'no-store').send({ itemRefs, ...(page.continuation ? { continuation: page.continuation } : {}) });
  });

  /** Entries for article ids (any form; unknown ones dropped), in the order asked. */
  const entriesOf = async (user: User, ids: string[]): Promise<Entry<Article>[]> => {
    const articleIds = [...new Set(ids.map(parseItemId).filter((x): x is string => x !== null))].slice(0, MAX_N);
    const [articles, states, starred] = await Promise.all([ctx.reader.getArticles(articleIds), ctx.store.articleReadStates(user.id, articleIds), ctx.store.starredAmong(user.id, articleIds)]);
    const byId = new Map(articles.map((a) => [a.id, a]));
    const stateOf_ = new Map(states.map((s) => [s.articleId, s]));
    const out: Entry<Article>[] = [];
    for (const id of articleIds) {
      const a = byId.get(id);
      if (!a) continue;
      const story = a.storyId ? await ctx.reader.getStory(a.storyId) : null;
      out.push({ article: a, story, state: stateOf_.get(id) ?? null, time: Date.parse(story?.firstSeen ?? a.publishedAt ?? '') || 0, starred: starred.has(id) });
    }
    return out;
  };

  app.post(`${API}/stream/items/contents`, auth, async (req, reply) => {
    const p = writeParams(req, reply);
    if (!p) return reply;
    const entries = await entriesOf(me(req), p.getAll('i'));
    const c = await itemCtx(req);
    return reply.header('cache-control', 'no-store').send({ id: READING_LIST, updated: Math.floor(Date.now() / 1000), items: entries.map((e) => itemJson(e, c)) });
  });

  app.post(`${API}/edit-tag`, auth, async (req, reply) => {
    const p = writeParams(req, reply);
    if (!p) return reply;
    const user = me(req);
    const ids = [...new Set(p.getAll('i').map(parseItemId).filter((x): x is string => x !== null))].slice(0, 10 * MAX_N);
    const add = new Set(p.getAll('a').map(stateOf));
    const remove = new Set(p.getAll('r').map(stateOf));
    const stories = [...new Set((await ctx.store.articleReadStates(user.id, ids)).map((s) => s.storyId))];
    const now = nowIso();
    // Read is the story's: reading one copy marks every copy; kept-unread and removing read unmark it.
    if (add.has('read')) await ctx.store.markStoriesRead(user.id, stories, now);
    if (remove.has('read') || add.has('kept-unread')) await ctx.store.markStoriesUnread(user.id, stories);
    if (add.has('starred')) for (const id of ids) await ctx.store.star(user.id, id, now);
    if (remove.has('starred')) for (const id of ids) await ctx.store.unstar(user.id, id);
    return sendText(reply, 'OK');
  });

  app.post(`${API}/mark-all-as-read`, auth, async (req, reply) => {
    const p = writeParams(req, reply);
    if (!p) return reply;
    const user = me(req);
    const id = p.get('s') ?? '';
    const s = await stream(req, id);
    if (!s) return notFound(reply, `no stream ${id}`);
    const ts = int(p, 'ts');
    const now = nowIso();
    if (ts === null && s.scope.type !== 'starred') {
      if (!(s.scope.type === 'followed' && s.scope.readOnly)) await ctx.store.markScopeRead(user.id, s.scope.type === 'one' ? { kind: s.scope.kind, match: s.scope.match } : { kind: 'followed' }, now);
      return sendText(reply, 'OK');
    }
    // Up to `ts` (microseconds): the unread items first seen before it.
    const before = ts === null ? null : Math.floor(ts / 1000) + 1;
    const page = await streamPage(ctx, user, s.scope, { n: SCAN_CAP, offset: 0, excludeRead: true, oldestFirst: false, since: null, before });
    await ctx.store.markStoriesRead(user.id, [...new Set(page.entries.flatMap((e) => (e.state ? [e.state.storyId] : e.story ? [e.story.id] : [])))], now);
    return sendText(reply, 'OK');
  });

  /** subscribe / unsubscribe / edit (title) of `feed/…` streams; folders (`a`, `r`) are not kept. */
  app.post(`${API}/subscription/edit`, auth, async (req, reply) => {
    const p = writeParams(req, reply);
    if (!p) return reply;
    const user = me(req);
    const ac = p.get('ac') ?? '';
    if (!['subscribe', 'unsubscribe', 'edit'].includes(ac)) return reply.code(400).send({ error: 'bad_request', message: 'ac: subscribe, unsubscribe or edit' });
    const follows = [];
    for (const sid of p.getAll('s')) {
      const f = await feedFollow(ctx, sid);
      if (!f) return notFound(reply, `no feed ${sid}`);
      follows.push(f);
    }
    // Someone following everything sees every outlet as a subscription: an edit applies to that list.
    if (user.followsAll) await followEveryOutlet(ctx, user);
    for (const f of follows) {
      if (ac === 'unsubscribe') await ctx.store.unfollow(user.id, f.kind, f.target);
      else await ctx.store.follow(user.id, { ...f, label: (p.get('t') ?? '').trim().slice(0, 300) || f.label });
    }
    return sendText(reply, 'OK');
  });

  app.post(`${API}/subscription/quickadd`, auth, async (req, reply) => {
    const p = writeParams(req, reply);
    if (!p) return reply;
    const q = (p.get('quickadd') ?? '').trim();
    const f = await feedFollow(ctx, q.startsWith('feed/') ? q : `feed/${q}`);
    if (!f) return reply.header('cache-control', 'no-store').send({ query: q, numResults: 0, error: 'this site carries no such feed (an admin adds sources)' });
    if (me(req).followsAll) await followEveryOutlet(ctx, me(req));
    await ctx.store.follow(me(req).id, f);
    return reply.header('cache-control', 'no-store').send({ query: q, numResults: 1, streamId: feedId(f.kind as 'outlet' | 'source', f.target), streamName: f.label });
  });
}

/** Turns "follows everything" into a follow of every outlet (what the apps were shown), before an edit. */
async function followEveryOutlet(ctx: AccountsCtx, user: User): Promise<void> {
  const createdAt = nowIso();
  for (const o of await ctx.reader.listOutlets()) await ctx.store.follow(user.id, { kind: 'outlet', target: o.outlet, label: o.outlet, match: o.outlet, createdAt });
}

/**
 * A `feed/…` id as a follow: `feed/outlet:<name>`, `feed/source:<id>`, or `feed/<url>` of a
 * source the site polls (a URL an app's user typed), or `feed/<outlet name>`.
 */
async function feedFollow(ctx: AccountsCtx, sid: string) {
  const parsed = parseStreamId(sid);
  if (parsed?.type === 'feed') return resolveFollow(ctx, parsed.kind, parsed.target);
  if (!sid.startsWith('feed/')) return null;
  const q = sid.slice(5).trim();
  const norm = (u: string) => u.replace(/\/+$/, '').toLowerCase();
  const source = (await ctx.reader.listSources()).find((s) => norm(s.url) === norm(q));
  if (source) return resolveFollow(ctx, 'source', source.id);
  return resolveFollow(ctx, 'outlet', q);
}
