/**
 * Reading state on SQLite (migration 021): follows, per-story read marks and stars, over
 * the account base (accounts.ts); together the AccountStore (src/model/accounts.ts). The
 * story-id queries are shared with PostgreSQL (../account-rows.ts).
 */
import type { AccountStore, ArticleReadState, Follow, FollowKind, FollowedQuery, ReadScope, StoryReadState, UnreadCount } from '../../model/accounts.ts';
import { clampLimit, followMatch, followedStoriesSql, followedStoryIds, rowToReadState, scopeStoryIds, unreadPerFollowSql, unreadPerOutletSql, type ReadRow } from '../account-rows.ts';
import { SqliteAccountsBase } from './accounts.ts';

interface FollowRow {
  kind: string;
  target: string;
  label: string;
  match: string;
  created_at: string;
}

const MARK = `INSERT INTO story_reads (user_id, story_id, read_at, seen)
  SELECT @u, s.id, @now, s.article_count FROM stories s WHERE s.id IN (%IDS%)
  ON CONFLICT (user_id, story_id) DO UPDATE SET read_at = excluded.read_at, seen = excluded.seen`;

export class SqliteAccounts extends SqliteAccountsBase implements AccountStore {
  private followsAll(userId: string): boolean {
    return this.db.prepare('SELECT follows_all FROM users WHERE id = ?').pluck().get(userId) === 1;
  }

  async follow(userId: string, f: Follow): Promise<void> {
    await this.write(() => {
      this.db
        .prepare('INSERT INTO follows (user_id, kind, target, label, match, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, kind, target) DO UPDATE SET label = excluded.label, match = excluded.match')
        .run(userId, f.kind, f.target, f.label, followMatch(f.kind, f.match), f.createdAt);
      this.db.prepare('UPDATE users SET follows_all = 0 WHERE id = ?').run(userId);
    });
  }

  async unfollow(userId: string, kind: FollowKind, target: string): Promise<boolean> {
    return this.write(() => {
      this.db.prepare('UPDATE users SET follows_all = 0 WHERE id = ?').run(userId);
      return this.db.prepare('DELETE FROM follows WHERE user_id = ? AND kind = ? AND target = ?').run(userId, kind, target).changes > 0;
    });
  }

  listFollows(userId: string): Promise<Follow[]> {
    const rows = this.db.prepare('SELECT kind, target, label, match, created_at FROM follows WHERE user_id = ? ORDER BY kind, label, target').all(userId) as FollowRow[];
    return Promise.resolve(rows.map((r) => ({ kind: r.kind as FollowKind, target: r.target, label: r.label, match: r.match, createdAt: r.created_at })));
  }

  async setFollowsAll(userId: string, all: boolean): Promise<void> {
    await this.write(() => {
      if (all) this.db.prepare('DELETE FROM follows WHERE user_id = ?').run(userId);
      this.db.prepare('UPDATE users SET follows_all = ? WHERE id = ?').run(all ? 1 : 0, userId);
    });
  }

  // ── read state ──

  async markArticleRead(userId: string, articleId: string, now: string): Promise<string | null> {
    const story = this.db.prepare('SELECT story_id FROM articles WHERE id = ?').pluck().get(articleId) as string | null | undefined;
    if (!story) return null;
    await this.markStoriesRead(userId, [story], now);
    return story;
  }

  async markStoriesRead(userId: string, storyIds: string[], now: string): Promise<number> {
    if (storyIds.length === 0) return 0;
    return this.write(() => this.db.prepare(MARK.replace('%IDS%', 'SELECT value FROM json_each(@ids)')).run({ u: userId, now, ids: JSON.stringify(storyIds) }).changes);
  }

  async markScopeRead(userId: string, scope: ReadScope, now: string): Promise<number> {
    if (scope.kind === 'stories') return this.markStoriesRead(userId, scope.ids, now);
    let ids: string;
    if (scope.kind === 'followed') ids = this.followsAll(userId) ? 'SELECT id FROM stories' : `SELECT story_id FROM (${followedStoryIds('@u')}) fs`;
    else ids = scopeStoryIds(scope.kind, '@m');
    const params: Record<string, string> = { u: userId, now };
    if (scope.kind !== 'followed') params.m = followMatch(scope.kind, scope.match);
    return this.write(() => this.db.prepare(MARK.replace('%IDS%', ids)).run(params).changes);
  }

  async markStoriesUnread(userId: string, storyIds: string[]): Promise<number> {
    if (storyIds.length === 0) return 0;
    return this.write(() => this.db.prepare('DELETE FROM story_reads WHERE user_id = ? AND story_id IN (SELECT value FROM json_each(?))').run(userId, JSON.stringify(storyIds)).changes);
  }

  storyReadStates(userId: string, storyIds: string[]): Promise<StoryReadState[]> {
    const rows = this.db
      .prepare('SELECT s.id, s.article_count, r.read_at, r.seen FROM stories s JOIN json_each(?) j ON j.value = s.id LEFT JOIN story_reads r ON r.user_id = ? AND r.story_id = s.id')
      .all(JSON.stringify(storyIds), userId) as ReadRow[];
    return Promise.resolve(rows.map(rowToReadState));
  }

  articleReadStates(userId: string, articleIds: string[]): Promise<ArticleReadState[]> {
    const rows = this.db
      .prepare(
        `SELECT a.id AS article_id, s.id, s.article_count, r.read_at, r.seen FROM articles a JOIN json_each(?) j ON j.value = a.id
         JOIN stories s ON s.id = a.story_id LEFT JOIN story_reads r ON r.user_id = ? AND r.story_id = s.id`,
      )
      .all(JSON.stringify(articleIds), userId) as Array<ReadRow & { article_id: string }>;
    return Promise.resolve(rows.map((r) => ({ articleId: r.article_id, ...rowToReadState(r) })));
  }

  followedStories(userId: string, q: FollowedQuery = {}): Promise<StoryReadState[]> {
    const sql = followedStoriesSql(
      { u: '@u', m: '@m', limit: '@limit', offset: '@offset', jsonLength: (c) => `json_array_length(${c})` },
      { all: this.followsAll(userId), one: q.follow?.kind ?? null, order: q.order ?? 'newest', unreadOnly: !!q.unreadOnly },
    );
    const params: Record<string, string | number> = { u: userId, limit: clampLimit(q.limit), offset: Math.max(0, Math.trunc(q.offset ?? 0)) };
    if (q.follow) params.m = followMatch(q.follow.kind, q.follow.match);
    return Promise.resolve((this.db.prepare(sql).all(params) as ReadRow[]).map(rowToReadState));
  }

  async unreadCounts(userId: string): Promise<UnreadCount[]> {
    if (this.followsAll(userId)) {
      const rows = this.db.prepare(unreadPerOutletSql('@u')).all({ u: userId }) as Array<{ target: string; unread: number }>;
      return rows.map((r) => ({ kind: 'outlet' as const, target: r.target, label: r.target, unread: Number(r.unread) })).sort((a, b) => b.unread - a.unread || a.label.localeCompare(b.label));
    }
    const counts = new Map((this.db.prepare(unreadPerFollowSql('@u')).all({ u: userId }) as Array<{ kind: string; target: string; unread: number }>).map((r) => [`${r.kind}\0${r.target}`, Number(r.unread)]));
    return (await this.listFollows(userId))
      .map((f) => ({ kind: f.kind, target: f.target, label: f.label, unread: counts.get(`${f.kind}\0${f.target}`) ?? 0 }))
      .sort((a, b) => b.unread - a.unread || a.label.localeCompare(b.label));
  }

  // ── starred ──

  async star(userId: string, articleId: string, now: string): Promise<boolean> {
    return this.write(() => {
      if (!this.db.prepare('SELECT 1 FROM articles WHERE id = ?').get(articleId)) return false;
      this.db.prepare('INSERT INTO starred (user_id, article_id, starred_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(userId, articleId, now);
      return true;
    });
  }

  async unstar(userId: string, articleId: string): Promise<boolean> {
    return this.write(() => this.db.prepare('DELETE FROM starred WHERE user_id = ? AND article_id = ?').run(userId, articleId).changes > 0);
  }

  listStarred(userId: string, limit: number, offset: number): Promise<Array<{ articleId: string; starredAt: string }>> {
    const rows = this.db
      .prepare('SELECT article_id, starred_at FROM starred WHERE user_id = ? ORDER BY starred_at DESC, article_id DESC LIMIT ? OFFSET ?')
      .all(userId, clampLimit(limit), Math.max(0, Math.trunc(offset))) as Array<{ article_id: string; starred_at: string }>;
    return Promise.resolve(rows.map((r) => ({ articleId: r.article_id, starredAt: r.starred_at })));
  }

  starredAmong(userId: string, articleIds: string[]): Promise<Set<string>> {
    const rows = this.db.prepare('SELECT s.article_id FROM starred s JOIN json_each(?) j ON j.value = s.article_id WHERE s.user_id = ?').pluck().all(JSON.stringify(articleIds), userId) as string[];
    return Promise.resolve(new Set(rows));
  }
}
