/**
 * Accounts and reading: the types every part shares (src/accounts/, the store backends,
 * the web and the CLI), owned here so the store implements them without importing those
 * layers.
 *
 * - Users have a role (`admin` | `reader`) and an argon2id password hash (PHC string).
 * - Sessions and API keys are random tokens handed to the person once; the store keeps
 *   only their SHA-256 (hex), so a copy of the database opens no session.
 * - Following: a person follows outlets, sources, entities, keywords and alerts. Each
 *   follow has a `target` (what the person chose: an outlet name, a source id, an entity
 *   id, a keyword, an alert id) and a `match` (what articles are matched on: the outlet
 *   name — for a source, the outlet its feed's host publishes as —, the entity id, the
 *   normalized keyword, the alert id). A new account has `followsAll: true` and no follow
 *   rows: it follows everything until it chooses; its first follow (or unfollow, or OPML
 *   import) sets it false, and "follow everything again" sets it back.
 * - Read state is per story: `story_reads(user, story, read_at, seen)` where `seen` is the
 *   number of articles the story had when it was last read. Reading any copy marks its
 *   story read; a story with more articles now than `seen` is read but has "new coverage"
 *   (it never turns unread again by itself; `markUnread` does that).
 * - Starred articles are per article (a person saves the copy they chose).
 */

export type Role = 'admin' | 'reader';
export const ROLES: readonly Role[] = ['admin', 'reader'];

export interface User {
  /** 16 random hex digits. */
  id: string;
  /** Login name as typed; unique regardless of letter case. */
  name: string;
  role: Role;
  createdAt: string;
  /** True until the person chooses what to follow (see the module comment). */
  followsAll: boolean;
  /** Capability of the person's private feeds (`/u/<token>/starred.atom`); rotatable. */
  feedToken: string;
  /** The person's UI language (`ar` | `en`, chosen in the settings); null: follow the browser. */
  lang: string | null;
}

export interface UserRecord extends User {
  passwordHash: string;
}

export interface SessionRecord {
  /** SHA-256 (hex) of the cookie's token. */
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  userAgent: string | null;
}

export interface ApiKeyRecord {
  /** 8 random hex digits, shown in lists (the key itself is shown once). */
  id: string;
  userId: string;
  name: string;
  createdAt: string;
}

export type FollowKind = 'outlet' | 'source' | 'entity' | 'keyword' | 'alert';
export const FOLLOW_KINDS: readonly FollowKind[] = ['outlet', 'source', 'entity', 'keyword', 'alert'];

export interface Follow {
  kind: FollowKind;
  target: string;
  /** What to call it (outlet name, source title, entity name, keyword, alert name). */
  label: string;
  /** What articles are matched on (see the module comment). */
  match: string;
  createdAt: string;
}

/** A story's read state for one person. */
export interface StoryReadState {
  storyId: string;
  /** When the person last read it; null: unread. */
  readAt: string | null;
  /** Articles the story had when read (0 when unread). */
  seen: number;
  /** Articles the story has now. */
  articleCount: number;
}

/** Read: readAt set. New coverage: read, and more copies arrived since. */
export const isNewCoverage = (s: StoryReadState): boolean => s.readAt !== null && s.articleCount > s.seen;

/** An article's read state: that of its story. */
export interface ArticleReadState extends StoryReadState {
  articleId: string;
}

/** Unread stories per followed item (for a person who follows everything: per outlet). */
export interface UnreadCount {
  kind: FollowKind;
  target: string;
  label: string;
  unread: number;
}

/** What "mark all as read" covers: one followable item's stories, the person's followed stories, or a list of stories (a search page). */
export type ReadScope =
  | { kind: 'outlet' | 'source' | 'entity' | 'keyword' | 'alert'; match: string }
  | { kind: 'followed' }
  | { kind: 'stories'; ids: string[] };

export interface FollowedQuery {
  /** `newest` (first seen, newest first) or `covered` (most outlets first among the newest 300). */
  order?: 'newest' | 'covered';
  limit?: number;
  offset?: number;
  /** Only unread stories. */
  unreadOnly?: boolean;
  /** Only this one follow's stories. */
  follow?: { kind: FollowKind; match: string } | null;
}

/**
 * What accounts and reading need from storage; every backend implements it on the same
 * database as the articles (store/sqlite/accounts.ts + reading.ts, store/postgres/ likewise).
 */
export interface AccountStore {
  // ── users ──
  createUser(u: UserRecord): Promise<User>;
  getUser(id: string): Promise<User | null>;
  /** By name, case-insensitively, with the password hash (for login). */
  findUserByName(name: string): Promise<UserRecord | null>;
  findUserByFeedToken(token: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  /** Removes the user with every session, key, follow, read mark and star. */
  removeUser(id: string): Promise<boolean>;
  /** Sets the hash and ends every session of the user. */
  setPassword(id: string, passwordHash: string): Promise<boolean>;
  setRole(id: string, role: Role): Promise<boolean>;
  setFeedToken(id: string, token: string): Promise<boolean>;
  /** Sets (or, with null, clears) the person's UI language; false when there is no such user. */
  setLanguage(id: string, lang: string | null): Promise<boolean>;
  countAdmins(): Promise<number>;

  // ── sessions ──
  createSession(s: SessionRecord): Promise<void>;
  /** The unexpired session with this hash and its user, else null. */
  getSession(id: string, now: string): Promise<{ session: SessionRecord; user: User } | null>;
  listSessions(userId: string, now: string): Promise<SessionRecord[]>;
  /** Ends one of the user's sessions. */
  revokeSession(userId: string, id: string): Promise<boolean>;
  /** Deletes expired sessions; returns how many. */
  pruneSessions(now: string): Promise<number>;

  // ── API keys ──
  createApiKey(k: ApiKeyRecord, keyHash: string): Promise<void>;
  /** The key with this hash and its user, else null. */
  findApiKey(keyHash: string): Promise<{ key: ApiKeyRecord; user: User } | null>;
  listApiKeys(userId: string): Promise<ApiKeyRecord[]>;
  revokeApiKey(userId: string, id: string): Promise<boolean>;

  // ── instance settings and the login limiter ──
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
  /** Failed logins per key (`u:<name>`, `a:<address>`) counted since `windowStart` (a fixed window per key). */
  loginFailures(keys: string[], windowStart: string): Promise<Map<string, number>>;
  /** Counts one failure for each key (a key whose window began before `windowStart` restarts at 1). */
  recordLoginFailure(keys: string[], now: string, windowStart: string): Promise<void>;
  clearLoginFailures(keys: string[]): Promise<void>;

  // ── following ──
  /** Adds (or relabels) a follow; the person now chooses (followsAll false). */
  follow(userId: string, f: Follow): Promise<void>;
  unfollow(userId: string, kind: FollowKind, target: string): Promise<boolean>;
  listFollows(userId: string): Promise<Follow[]>;
  /** Back to following everything (drops the follow rows), or to choosing (followsAll false). */
  setFollowsAll(userId: string, all: boolean): Promise<void>;

  // ── read state ──
  /** Marks the article's story read (seen = its article count now); returns the story id, null when unknown/ungrouped. */
  markArticleRead(userId: string, articleId: string, now: string): Promise<string | null>;
  /** Marks the stories read (seen = their article counts now); returns how many exist. */
  markStoriesRead(userId: string, storyIds: string[], now: string): Promise<number>;
  /** Marks every story of the scope read; returns how many stories were marked. */
  markScopeRead(userId: string, scope: ReadScope, now: string): Promise<number>;
  markStoriesUnread(userId: string, storyIds: string[]): Promise<number>;
  storyReadStates(userId: string, storyIds: string[]): Promise<StoryReadState[]>;
  articleReadStates(userId: string, articleIds: string[]): Promise<ArticleReadState[]>;
  /** The person's stories (what they follow, or everything), with read state. */
  followedStories(userId: string, q?: FollowedQuery): Promise<StoryReadState[]>;
  /** Unread stories per follow (per outlet when following everything), largest first. */
  unreadCounts(userId: string): Promise<UnreadCount[]>;

  // ── starred ──
  star(userId: string, articleId: string, now: string): Promise<boolean>;
  unstar(userId: string, articleId: string): Promise<boolean>;
  /** Newest first. */
  listStarred(userId: string, limit: number, offset: number): Promise<Array<{ articleId: string; starredAt: string }>>;
  starredAmong(userId: string, articleIds: string[]): Promise<Set<string>>;
}
