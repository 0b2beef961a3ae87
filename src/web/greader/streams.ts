/**
 * What a Google Reader stream holds, over the AccountStore's per-story reading model.
 *
 * Subscriptions are the outlets and sources the person follows (`feed/outlet:<name>`,
 * `feed/source:<id>`; everything's outlets while they follow everything); followed
 * entities, keywords and alerts are labels (`user/-/label/<label>`). A stream lists
 * **stories, one item each** (the one row per story): the item is one copy of the
 * story — in a feed's stream the copy from that feed's outlet, elsewhere the earliest copy
 * from a subscribed outlet, else the earliest copy — and its read state is the story's.
 * Starred is per article (the copies the person starred).
 *
 * Paging: `c` (continuation) is the offset into the store's newest-first story list where
 * the next page starts; filters (`xt=read`, `ot`, `nt`, the read stream) are applied while
 * scanning, so a page may hold fewer than `n` items and still continue. `r=o` (oldest
 * first) reads the matching stories (at most SCAN_CAP) and pages over them reversed.
 */
import type { FollowKind, StoryReadState, User } from '../../model/accounts.ts';
import type { Article } from '../../model/article.ts';
import type { ArticleCard } from '../cache.ts';
import type { StorySummary } from '../../model/reader.ts';
import type { AccountsCtx } from '../accounts/deps.ts';
import { resolveFollow } from '../accounts/reading.ts';
import { feedId, labelId, type StreamId } from './ids.ts';

/** Items per page at most, whatever `n` asks. */
export const MAX_N = 1000;
/** Stories scanned per request at most (a filter that matches few stories returns a continuation instead). */
export const SCAN_CAP = 10_000;
/** Stories read per store call (the store's own cap): one query covers a page of up to 1000. */
const BATCH = 1000;

export interface Subscription {
  id: string;
  kind: FollowKind;
  target: string;
  label: string;
  match: string;
  /** Where the feed's own page is on this site. */
  html: string;
}

export interface Label {
  id: string;
  kind: FollowKind;
  target: string;
  label: string;
  match: string;
}

/** The person's subscriptions (feeds) and labels. */
export async function followables(ctx: AccountsCtx, user: User): Promise<{ subs: Subscription[]; labels: Label[] }> {
  const outletPage = (o: string) => `/outlet/${encodeURIComponent(o)}`;
  if (user.followsAll) {
    const outlets = await ctx.reader.listOutlets();
    return { subs: outlets.map((o) => ({ id: feedId('outlet', o.outlet), kind: 'outlet', target: o.outlet, label: o.outlet, match: o.outlet, html: outletPage(o.outlet) })), labels: [] };
  }
  const subs: Subscription[] = [];
  const labels: Label[] = [];
  const seen = new Set<string>();
  for (const f of await ctx.store.listFollows(user.id)) {
    if (f.kind === 'outlet' || f.kind === 'source') subs.push({ id: feedId(f.kind, f.target), kind: f.kind, target: f.target, label: f.label, match: f.match, html: outletPage(f.match) });
    else if (!seen.has(f.label)) {
      // Two follows with the same label (an entity and a keyword of one name): the first gives the label.
      seen.add(f.label);
      labels.push({ id: labelId(f.label), kind: f.kind, target: f.target, label: f.label, match: f.match });
    }
  }
  return { subs, labels };
}

/** What a stream covers: the person's followed stories, one follow's, or their starred articles. */
export type Scope = { type: 'followed'; readOnly: boolean } | { type: 'one'; kind: FollowKind; match: string; outlet: string | null; label: string } | { type: 'starred' };

/** The scope of a stream id, or null when there is no such feed or label. */
export async function scopeOf(ctx: AccountsCtx, user: User, s: StreamId): Promise<Scope | null> {
  switch (s.type) {
    case 'reading-list':
      return { type: 'followed', readOnly: false };
    case 'read':
      return { type: 'followed', readOnly: true };
    case 'starred':
      return { type: 'starred' };
    case 'feed': {
      // A feed the person does not follow but the site carries is readable (as Google Reader's feed streams were).
      const f = (await ctx.store.listFollows(user.id)).find((x) => x.kind === s.kind && x.target === s.target) ?? (await resolveFollow(ctx, s.kind, s.target));
      return f ? { type: 'one', kind: f.kind, match: f.match, outlet: f.match, label: f.label } : null;
    }
    case 'label': {
      const l = (await followables(ctx, user)).labels.find((x) => x.label === s.name);
      return l ? { type: 'one', kind: l.kind, match: l.match, outlet: null, label: l.label } : null;
    }
  }
}

export interface Filters {
  n: number;
  /** Offset where this page starts (from `c`). */
  offset: number;
  excludeRead: boolean;
  oldestFirst: boolean;
  /** Only items at or after this time (ms), from `ot`. */
  since: number | null;
  /** Only items before this time (ms), from `nt`. */
  before: number | null;
}

/** One item of a stream: the chosen copy (its card while scanning; the article once a page is kept), its story and the story's read state. */
export interface Entry<A extends ArticleCard = ArticleCard> {
  article: A;
  story: StorySummary | null;
  state: StoryReadState | null;
  /** Sort time (ms): the story's first sighting, or the starred article's publication. */
  time: number;
  starred: boolean;
}

export interface StreamPage<A extends ArticleCard = ArticleCard> {
  entries: Entry<A>[];
  continuation: string | null;
}

const ms = (iso: string | null | undefined): number => (iso ? Date.parse(iso) || 0 : 0);

/** The copy that stands for a story: from `outlet` if given, else from a subscribed outlet, else the earliest. */
function chooseCopy(copies: ArticleCard[], outlet: string | null, subscribed: Set<string>): ArticleCard | undefined {
  if (outlet) return copies.find((a) => a.outlet === outlet) ?? copies[0];
  return copies.find((a) => a.outlet !== null && subscribed.has(a.outlet)) ?? copies[0];
}

/**
 * Loads the stories and their chosen copies (as cards: the read cache keeps them, and a
 * story's copies are told apart by outlet alone) for a list of read states, order kept,
 * missing stories dropped.
 */
export async function entriesFor(ctx: AccountsCtx, user: User, states: StoryReadState[], outlet: string | null, subscribed: Set<string>): Promise<Entry[]> {
  const stories = await Promise.all(states.map((s) => ctx.reader.getStory(s.storyId)));
  const ids = stories.flatMap((s) => (s ? s.articleIds.slice(0, 50) : []));
  const byId = new Map((await ctx.reader.articleCards(ids)).map((a) => [a.id, a]));
  const out: Entry[] = [];
  states.forEach((state, i) => {
    const story = stories[i];
    if (!story) return;
    const copies = story.articleIds.slice(0, 50).flatMap((id) => byId.get(id) ?? []);
    const article = chooseCopy(copies, outlet, subscribed);
    if (article) out.push({ article, story, state, time: ms(story.firstSeen ?? article.publishedAt), starred: false });
  });
  const starred = await ctx.store.starredAmong(user.id, out.map((e) => e.article.id));
  for (const e of out) e.starred = starred.has(e.article.id);
  return out;
}

/** A page's entries with their full articles (for contents; ids need only the cards). */
export async function withArticles(ctx: AccountsCtx, entries: Entry[]): Promise<Entry<Article>[]> {
  const byId = new Map((await ctx.reader.getArticles(entries.map((e) => e.article.id))).map((a) => [a.id, a]));
  return entries.flatMap((e) => {
    const article = byId.get(e.article.id);
    return article ? [{ ...e, article }] : [];
  });
}

const keep = (e: Entry, f: Filters, readOnly: boolean): boolean =>
  (f.before === null || e.time < f.before) && (!readOnly || e.state?.readAt != null) && (!f.excludeRead || e.state?.readAt == null);

/** A page of a story scope (followed or one follow). */
async function storyPage(ctx: AccountsCtx, user: User, scope: Exclude<Scope, { type: 'starred' }>, f: Filters, subscribed: Set<string>): Promise<StreamPage> {
  const follow = scope.type === 'one' ? { kind: scope.kind, match: scope.match } : null;
  const readOnly = scope.type === 'followed' && scope.readOnly;
  const outlet = scope.type === 'one' ? scope.outlet : null;
  const found: Entry[] = [];
  let pos = f.oldestFirst ? 0 : f.offset;
  let scanned = 0;
  let end = false;
  // Scan from the offset until n items (all of them for r=o), the `ot` boundary, the end or the cap.
  while (!end && scanned < SCAN_CAP && (f.oldestFirst || found.length < f.n)) {
    // A page of n needs n stories when nothing is filtered out: read no more than that first, then in batches.
    const size = f.oldestFirst ? BATCH : Math.min(BATCH, Math.max(f.n - found.length, 20));
    const states = await ctx.store.followedStories(user.id, { order: 'newest', unreadOnly: f.excludeRead, follow, limit: size, offset: pos });
    const entries = await entriesFor(ctx, user, states, outlet, subscribed);
    const byStory = new Map(entries.map((e) => [e.story!.id, e]));
    let used = 0;
    for (const s of states) {
      const e = byStory.get(s.storyId);
      if (e && f.since !== null && e.time < f.since) {
        end = true;
        break;
      }
      used++;
      if (e && keep(e, f, readOnly)) found.push(e);
      if (!f.oldestFirst && found.length === f.n) break;
    }
    pos += used;
    scanned += used;
    if (states.length < size && used === states.length) end = true;
  }
  if (f.oldestFirst) {
    found.reverse();
    const page = found.slice(f.offset, f.offset + f.n);
    return { entries: page, continuation: f.offset + f.n < found.length ? String(f.offset + f.n) : null };
  }
  return { entries: found, continuation: end ? null : String(pos) };
}

/** The starred articles, newest starred first (oldest first with `r=o`). */
async function starredPage(ctx: AccountsCtx, user: User, f: Filters): Promise<StreamPage> {
  const list: Array<{ articleId: string }> = [];
  for (let off = 0; off < SCAN_CAP; off += MAX_N) {
    const batch = await ctx.store.listStarred(user.id, MAX_N, off);
    list.push(...batch);
    if (batch.length < MAX_N) break;
  }
  const articles = await ctx.reader.articleCards(list.map((s) => s.articleId));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const states = new Map((await ctx.store.articleReadStates(user.id, articles.map((a) => a.id))).map((s) => [s.articleId, s]));
  let all: Entry[] = list.flatMap((s) => {
    const a = byId.get(s.articleId);
    return a ? [{ article: a, story: null, state: states.get(a.id) ?? null, time: ms(a.publishedAt), starred: true }] : [];
  });
  all = all.filter((e) => keep(e, f, false) && (f.since === null || e.time >= f.since));
  if (f.oldestFirst) all.reverse();
  const page = all.slice(f.offset, f.offset + f.n);
  return { entries: page, continuation: f.offset + f.n < all.length ? String(f.offset + f.n) : null };
}

export async function streamPage(ctx: AccountsCtx, user: User, scope: Scope, f: Filters): Promise<StreamPage> {
  if (scope.type === 'starred') return starredPage(ctx, user, f);
  const { subs } = await followables(ctx, user);
  return storyPage(ctx, user, scope, f, new Set(subs.map((s) => s.match)));
}
