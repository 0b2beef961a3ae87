/**
 * What both backends decide for accounts and reading (src/model/accounts.ts), rendered by
 * each into its own SQL: user rows, the name key, and the story-id queries of follows and
 * read scopes. The queries are plain SQL both SQLite and PostgreSQL run; only the
 * placeholders (`@u` / `$1`) and the JSON length function differ, so they are built from
 * the caller's.
 *
 * Matching (what a follow's stories are):
 * - outlet, source: the stories the outlet carried (`story_outlets`);
 * - entity: stories with an article mentioning the entity (`article_entities`);
 * - keyword: stories with an article whose computed keyword or source tag is the
 *   normalized keyword (the keyword page's filter);
 * - alert: the stories the alert matched (its outbox, `alert_matches`).
 */
import type { FollowKind, Role, StoryReadState, User, UserRecord } from '../model/accounts.ts';
import { normalizeTag } from './rows.ts';

export interface UserRow {
  id: string;
  name: string;
  name_key: string;
  role: string;
  password_hash: string;
  follows_all: number | boolean;
  feed_token: string;
  created_at: string;
  /** Migration 023. */
  lang: string | null;
}

/** One account per name whatever its letter case or Unicode form. */
export const nameKey = (name: string): string => name.normalize('NFKC').toLowerCase();

export function rowToUser(r: UserRow): User {
  return { id: r.id, name: r.name, role: r.role as Role, createdAt: r.created_at, followsAll: r.follows_all === true || r.follows_all === 1, feedToken: r.feed_token, lang: r.lang ?? null };
}

export const rowToUserRecord = (r: UserRow): UserRecord => ({ ...rowToUser(r), passwordHash: r.password_hash });

/** What a follow of `kind` matches on, from what was chosen (keywords are normalized as the keyword filter does). */
export function followMatch(kind: FollowKind, match: string): string {
  return kind === 'keyword' ? normalizeTag(match) : match;
}

/** The story ids of one followable item; `m` is the match's placeholder. */
export function scopeStoryIds(kind: FollowKind, m: string): string {
  switch (kind) {
    case 'outlet':
    case 'source':
      return `SELECT story_id FROM story_outlets WHERE outlet = ${m}`;
    case 'entity':
      return `SELECT a.story_id FROM article_entities ae JOIN articles a ON a.seq = ae.seq WHERE ae.ent = (SELECT eid FROM entities WHERE id = ${m}) AND a.story_id IS NOT NULL`;
    case 'keyword':
      return `SELECT a.story_id FROM articles a WHERE a.seq IN (SELECT seq FROM article_keywords WHERE kw = ${m} UNION SELECT seq FROM article_tags WHERE tag = ${m}) AND a.story_id IS NOT NULL`;
    case 'alert':
      return `SELECT story_id FROM alert_matches WHERE alert_id = ${m}`;
  }
}

/** (kind, target, story_id) for every follow of the user `u` (a placeholder); a story appears once per follow that matches it. */
export function followedStoryIds(u: string): string {
  return `SELECT f.kind, f.target, x.story_id FROM follows f JOIN story_outlets x ON x.outlet = f.match WHERE f.user_id = ${u} AND f.kind IN ('outlet', 'source')
UNION SELECT f.kind, f.target, a.story_id FROM follows f JOIN entities e ON e.id = f.match JOIN article_entities ae ON ae.ent = e.eid JOIN articles a ON a.seq = ae.seq
  WHERE f.user_id = ${u} AND f.kind = 'entity' AND a.story_id IS NOT NULL
UNION SELECT f.kind, f.target, a.story_id FROM follows f JOIN article_keywords k ON k.kw = f.match JOIN articles a ON a.seq = k.seq
  WHERE f.user_id = ${u} AND f.kind = 'keyword' AND a.story_id IS NOT NULL
UNION SELECT f.kind, f.target, a.story_id FROM follows f JOIN article_tags t ON t.tag = f.match JOIN articles a ON a.seq = t.seq
  WHERE f.user_id = ${u} AND f.kind = 'keyword' AND a.story_id IS NOT NULL
UNION SELECT f.kind, f.target, m.story_id FROM follows f JOIN alert_matches m ON m.alert_id = f.match WHERE f.user_id = ${u} AND f.kind = 'alert'`;
}

/** How many of the newest stories compete when ordering by coverage (as the home page's «الأكثر تغطية»). */
export const COVERED_WINDOW = 300;

export interface FollowedSqlParts {
  /** Placeholders: the user, the one-follow match (when filtered), limit, offset. */
  u: string;
  m: string;
  limit: string;
  offset: string;
  /** The dialect's number of elements of a JSON array column (the story's outlets). */
  jsonLength: (col: string) => string;
}

/**
 * The person's stories with read state, as one query: `all` (follows everything), or the
 * union of their follows, or one follow (`one`); newest first or by coverage.
 */
export function followedStoriesSql(p: FollowedSqlParts, o: { all: boolean; one: FollowKind | null; order: 'newest' | 'covered'; unreadOnly: boolean }): string {
  const ids = o.one ? scopeStoryIds(o.one, p.m) : o.all ? null : `SELECT story_id FROM (${followedStoryIds(p.u)}) fs`;
  const where = [ids ? `s.id IN (${ids})` : 'true', o.unreadOnly ? 'r.story_id IS NULL' : 'true'].join(' AND ');
  const base = `SELECT s.id, s.article_count, s.first_seen, s.outlets, r.read_at, r.seen FROM stories s LEFT JOIN story_reads r ON r.user_id = ${p.u} AND r.story_id = s.id WHERE ${where}`;
  if (o.order === 'newest') return `${base} ORDER BY s.first_seen DESC, s.id DESC LIMIT ${p.limit} OFFSET ${p.offset}`;
  return `SELECT * FROM (${base} ORDER BY s.first_seen DESC, s.id DESC LIMIT ${COVERED_WINDOW}) w
ORDER BY ${p.jsonLength('w.outlets')} DESC, w.first_seen DESC, w.id DESC LIMIT ${p.limit} OFFSET ${p.offset}`;
}

export interface ReadRow {
  id: string;
  article_count: number;
  read_at: string | null;
  seen: number | null;
}

export const rowToReadState = (r: ReadRow): StoryReadState => ({ storyId: r.id, readAt: r.read_at, seen: r.seen ?? 0, articleCount: Number(r.article_count) });

/** Unread stories per follow, as one query over `followedStoryIds`. */
export const unreadPerFollowSql = (u: string): string =>
  `SELECT fs.kind, fs.target, COUNT(DISTINCT fs.story_id) AS unread FROM (${followedStoryIds(u)}) fs
   LEFT JOIN story_reads r ON r.user_id = ${u} AND r.story_id = fs.story_id WHERE r.story_id IS NULL GROUP BY fs.kind, fs.target`;

/** Unread stories per outlet, for a person who follows everything. */
export const unreadPerOutletSql = (u: string): string =>
  `SELECT so.outlet AS target, COUNT(DISTINCT so.story_id) AS unread FROM story_outlets so
   LEFT JOIN story_reads r ON r.user_id = ${u} AND r.story_id = so.story_id WHERE r.story_id IS NULL GROUP BY so.outlet`;

/** Longest page a caller may ask of `followedStories`. */
export const clampLimit = (n: number | undefined, def = 20, max = 1000): number => Math.max(1, Math.min(max, Math.trunc(n ?? def)));
