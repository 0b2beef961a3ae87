/**
 * Reading state on PostgreSQL (migration 021): the port of store/sqlite/reading.ts —
 * follows, per-story read marks and stars — over the account base (accounts.ts); the
 * story-id queries are shared with SQLite (../account-rows.ts).
 */
import type { AccountStore, ArticleReadState, Follow, FollowKind, FollowedQuery, ReadScope, StoryReadState, UnreadCount } from '../../model/accounts.ts';
import { clampLimit, followMatch, followedStoriesSql, followedStoryIds, rowToReadState, scopeStoryIds, unreadPerFollowSql, unreadPerOutletSql, type ReadRow } from '../account-rows.ts';
import { PgAccountsBase } from './accounts.ts';

interface FollowRow {
  kind: string;
  target: string;
  label: string;
  match: string;
  created_at: string;
}

/** $1 user, $2 now; the ids query may use $3. */
const MARK = `INSERT INTO story_reads (user_id, story_id, read_at, seen)
  SELECT $1, s.id, $2, s.article_count FROM stories s WHERE s.id IN (%IDS%)
  ON CONFLICT (user_id, story_id) DO UPDATE SET read_at = excluded.read_at, seen = excluded.seen`;

const byUnread = (a: UnreadCount, b: UnreadCount) => b.unread - a.unread || a.label.localeCompare(b.label);

export class PgAccounts extends PgAccountsBase implements AccountStore {
  private async followsAll(userId: string): Promise<boolean> {
    return (await this.one<{ follows_all: boolean }>('SELECT follows_all FROM users WHERE id = $1', [userId]))?.follows_all === true;
  }

  async follow(userId: string, f: Follow): Promise<void> {
    await this.tx(async (c) => {
      await c.query(
        'INSERT INTO follows (user_id, kind, target, label, match, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, kind, target) DO UPDATE SET label = excluded.label, match = excluded.match',
        [userId, f.kind, f.target, f.label, followMatch(f.kind, f.match), f.createdAt],
      );
      await c.query('UPDATE users SET follows_all = false WHERE id = $1', [userId]);
    });
  }

  async unfollow(userId: string, kind: FollowKind, target: string): Promise<boolean> {
    return this.tx(async (c) => {
      await c.query('UPDATE users SET follows_all = false WHERE id = $1', [userId]);
      return ((await c.query('DELETE FROM follows WHERE user_id = $1 AND kind = $2 AND target = $3', [userId, kind, target])).rowCount ?? 0) > 0;
    });
  }

  async listFollows(userId: string): Promise<Follow[]> {
    const rows = (await this.pool.query<FollowRow>('SELECT kind, target, label, match, created_at FROM follows WHERE user_id = $1 ORDER BY kind, label, target', [userId])).rows;
    return rows.map((r) => ({ kind: r.kind as FollowKind, target: r.target, label: r.label, match: r.match, createdAt: r.created_at }));
  }

  async setFollowsAll(userId: string, all: boolean): Promise<void> {
    await this.tx(async (c) => {
      if (all) await c.query('DELETE FROM follows WHERE user_id = $1', [userId]);
      await c.query('UPDATE users SET follows_all = $1 WHERE id = $2', [all, userId]);
    });
  }

  // ── read state ──

  async markArticleRead(userId: string, articleId: string, now: string): Promise<string | null> {
    const story = (await this.one<{ story_id: string | null }>('SELECT story_id FROM articles WHERE id = $1', [articleId]))?.story_id;
    if (!story) return null;
    await this.markStoriesRead(userId, [story], now);
    return story;
  }

  async markStoriesRead(userId: string, storyIds: string[], now: string): Promise<number> {
    if (storyIds.length === 0) return 0;
    return this.count(MARK.replace('%IDS%', 'SELECT unnest($3::text[])'), [userId, now, storyIds]);
  }

  async markScopeRead(userId: string, scope: ReadScope, now: string): Promise<number> {
    if (scope.kind === 'stories') return this.markStoriesRead(userId, scope.ids, now);
    if (scope.kind === 'followed') {
      const ids = (await this.followsAll(userId)) ? 'SELECT id FROM stories' : `SELECT story_id FROM (${followedStoryIds('$1')}) fs`;
      return this.count(MARK.replace('%IDS%', ids), [userId, now]);
    }
    return this.count(MARK.replace('%IDS%', scopeStoryIds(scope.kind, '$3')), [userId, now, followMatch(scope.kind, scope.match)]);
  }

  async markStoriesUnread(userId: string, storyIds: string[]): Promise<number> {
    if (storyIds.length === 0) return 0;
    return this.count('DELETE FROM story_reads WHERE user_id = $1 AND story_id = ANY($2::text[])', [userId, storyIds]);
  }

  async storyReadStates(userId: string, storyIds: string[]): Promise<StoryReadState[]> {
    const rows = (
      await this.pool.query<ReadRow>('SELECT s.id, s.article_count, r.read_at, r.seen FROM stories s LEFT JOIN story_reads r ON r.user_id = $1 AND r.story_id = s.id WHERE s.id = ANY($2::text[])', [
        userId,
        storyIds,
      ])
    ).rows;
    return rows.map(rowToReadState);
  }

  async articleReadStates(userId: string, articleIds: string[]): Promise<ArticleReadState[]> {
    const rows = (
      await this.pool.query<ReadRow & { article_id: string }>(
        `SELECT a.id AS article_id, s.id, s.article_count, r.read_at, r.seen FROM articles a JOIN stories s ON s.id = a.story_id
         LEFT JOIN story_reads r ON r.user_id = $1 AND r.story_id = s.id WHERE a.id = ANY($2::text[])`,
        [userId, articleIds],
      )
    ).rows;
    return rows.map((r) => ({ articleId: r.article_id, ...rowToReadState(r) }));
  }

  async followedStories(userId: string, q: FollowedQuery = {}): Promise<StoryReadState[]> {
    const one = q.follow?.kind ?? null;
    const sql = followedStoriesSql(
      { u: '$1', limit: '$2', offset: '$3', m: '$4', jsonLength: (c) => `json_array_length(${c}::json)` },
      { all: await this.followsAll(userId), one, order: q.order ?? 'newest', unreadOnly: !!q.unreadOnly },
    );
    const params: unknown[] = [userId, clampLimit(q.limit), Math.max(0, Math.trunc(q.offset ?? 0))];
    if (q.follow) params.push(followMatch(q.follow.kind, q.follow.match));
    return (await this.pool.query<ReadRow>(sql, params)).rows.map(rowToReadState);
  }

  async unreadCounts(userId: string): Promise<UnreadCount[]> {
    if (await this.followsAll(userId)) {
      const rows = (await this.pool.query<{ target: string; unread: number }>(unreadPerOutletSql('$1'), [userId])).rows;
      return rows.map((r) => ({ kind: 'outlet' as const, target: r.target, label: r.target, unread: Number(r.unread) })).sort(byUnread);
    }
    const rows = (await this.pool.query<{ kind: string; target: string; unread: number }>(unreadPerFollowSql('$1'), [userId])).rows;
    const counts = new Map(rows.map((r) => [`${r.kind}\0${r.target}`, Number(r.unread)]));
    return (await this.listFollows(userId)).map((f) => ({ kind: f.kind, target: f.target, label: f.label, unread: counts.get(`${f.kind}\0${f.target}`) ?? 0 })).sort(byUnread);
  }

  // ── starred ──

  async star(userId: string, articleId: string, now: string): Promise<boolean> {
    const r = await this.pool.query(
      'INSERT INTO starred (user_id, article_id, starred_at) SELECT $1, id, $3 FROM articles WHERE id = $2 ON CONFLICT DO NOTHING RETURNING 1',
      [userId, articleId, now],
    );
    if ((r.rowCount ?? 0) > 0) return true;
    return (await this.one('SELECT 1 FROM articles WHERE id = $1', [articleId])) !== undefined;
  }

  async unstar(userId: string, articleId: string): Promise<boolean> {
    return (await this.count('DELETE FROM starred WHERE user_id = $1 AND article_id = $2', [userId, articleId])) > 0;
  }

  async listStarred(userId: string, limit: number, offset: number): Promise<Array<{ articleId: string; starredAt: string }>> {
    const rows = (
      await this.pool.query<{ article_id: string; starred_at: string }>('SELECT article_id, starred_at FROM starred WHERE user_id = $1 ORDER BY starred_at DESC, article_id DESC LIMIT $2 OFFSET $3', [
        userId,
        clampLimit(limit),
        Math.max(0, Math.trunc(offset)),
      ])
    ).rows;
    return rows.map((r) => ({ articleId: r.article_id, starredAt: r.starred_at }));
  }

  async starredAmong(userId: string, articleIds: string[]): Promise<Set<string>> {
    const rows = (await this.pool.query<{ article_id: string }>('SELECT article_id FROM starred WHERE user_id = $1 AND article_id = ANY($2::text[])', [userId, articleIds])).rows;
    return new Set(rows.map((r) => r.article_id));
  }
}
