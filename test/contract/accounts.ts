/**
 * The AccountStore part of the MarsadStore contract (src/model/accounts.ts): users,
 * sessions, API keys, settings, the login limiter's counters, follows, per-story read
 * state and stars, on the store fed by the real pipeline with real articles
 * (src/store/testdata/articles.json) plus wire copies of one of them under other outlets.
 * test/marsad-contract.test.ts runs it on SQLite and, with MARSAD_TEST_PG, on PostgreSQL.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle, type Article } from '../../src/model/article.ts';
import { isNewCoverage, type UserRecord } from '../../src/model/accounts.ts';
import { ingest } from '../../src/pipeline/index.ts';
import { loadContractArticles } from '../../src/store/contract.ts';
import type { MarsadStore } from '../../src/store/index.ts';
import type { OpenMarsad } from './marsad.ts';

/** A copy of `a` under another URL and outlet, published `hours` later (same title and text): a wire copy. */
function laterCopy(a: Article, outlet: string, hours: number): Article {
  const { id: _id, ...rest } = a;
  const t = new Date(Date.parse(a.publishedAt!) + hours * 3_600_000).toISOString();
  return makeArticle({ ...rest, entities: undefined, keywords: undefined, storyId: undefined, duplicateOf: undefined, url: `https://copy.example/${outlet}/${a.id}.html`, outlet, publishedAt: t });
}

const NOW = '2030-01-01T00:00:00.000Z';
let seq = 0;
const user = (name: string, role: 'admin' | 'reader' = 'reader'): UserRecord => ({
  id: `u${String(++seq).padStart(15, '0')}`,
  name,
  role,
  passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$fake${seq}`,
  followsAll: true,
  feedToken: `feedtoken${String(seq).padStart(23, '0')}`,
  createdAt: NOW,
  lang: null,
});

export function runAccountsContract(name: string, open: OpenMarsad): void {
  const all = loadContractArticles();
  const opened: MarsadStore[] = [];
  let n = 0;
  const loaded = async (): Promise<MarsadStore> => {
    const s = await open(`${name}-acc-${process.pid}-${++n}`);
    opened.push(s);
    await ingest(s, all);
    return s;
  };
  after(async () => {
    for (const s of opened) await s.close();
  });

  describe(`AccountStore contract: ${name}`, () => {
    test('users: one per name whatever its case; roles, passwords, feed tokens; removal takes everything of theirs', async () => {
      const s = await loaded();
      const a = s.accounts;
      const u = await a.createUser(user('Huda', 'admin'));
      assert.equal(u.followsAll, true);
      assert.equal((await a.findUserByName('huda'))?.id, u.id);
      assert.equal((await a.findUserByName('HUDA'))?.passwordHash.startsWith('$argon2id$'), true);
      await assert.rejects(a.createUser({ ...user('hUDA'), id: 'other' }));
      assert.equal(await a.countAdmins(), 1);
      assert.ok(await a.setRole(u.id, 'reader'));
      assert.equal(await a.countAdmins(), 0);
      assert.equal((await a.findUserByFeedToken(u.feedToken))?.id, u.id);
      assert.ok(await a.setFeedToken(u.id, 'rotated-token-000000000000000000'));
      assert.equal(await a.findUserByFeedToken(u.feedToken), null);
      const article = all[0]!;
      await a.createSession({ id: 'h1', userId: u.id, createdAt: NOW, expiresAt: '2030-02-01T00:00:00.000Z', userAgent: null });
      await a.createApiKey({ id: 'k1', userId: u.id, name: 'cli', createdAt: NOW }, 'keyhash1');
      await a.markArticleRead(u.id, article.id, NOW);
      assert.ok(await a.star(u.id, article.id, NOW));
      assert.ok(await a.removeUser(u.id));
      assert.equal(await a.getUser(u.id), null);
      assert.equal(await a.getSession('h1', NOW), null);
      assert.equal(await a.findApiKey('keyhash1'), null);
      assert.deepEqual(await a.listStarred(u.id, 10, 0), []);
      assert.equal(await a.removeUser(u.id), false);
    });

    test('a person\'s UI language: none at first, set, changed, cleared; it travels with the session; unknown users refused', async () => {
      const s = await loaded();
      const a = s.accounts;
      const u = await a.createUser(user('Lina'));
      const other = await a.createUser(user('Omar'));
      assert.equal(u.lang, null);
      assert.ok(await a.setLanguage(u.id, 'en'));
      assert.equal((await a.getUser(u.id))?.lang, 'en');
      assert.equal((await a.findUserByName('lina'))?.lang, 'en');
      assert.equal((await a.getUser(other.id))?.lang, null, 'one person\'s setting is theirs alone');
      await a.createSession({ id: 'lang1', userId: u.id, createdAt: NOW, expiresAt: '2030-02-01T00:00:00.000Z', userAgent: null });
      assert.equal((await a.getSession('lang1', NOW))?.user.lang, 'en');
      assert.ok(await a.setLanguage(u.id, 'ar'));
      assert.equal((await a.getSession('lang1', NOW))?.user.lang, 'ar');
      assert.deepEqual((await a.listUsers()).map((x) => [x.name, x.lang]), [['Lina', 'ar'], ['Omar', null]]);
      assert.ok(await a.setLanguage(u.id, null));
      assert.equal((await a.getUser(u.id))?.lang, null);
      assert.equal(await a.setLanguage('u-nobody', 'en'), false);
    });

    test('sessions expire and are revoked; a password change ends them; API keys resolve by hash and are revoked', async () => {
      const s = await loaded();
      const a = s.accounts;
      const u = await a.createUser(user('omar'));
      await a.createSession({ id: 'live', userId: u.id, createdAt: NOW, expiresAt: '2030-01-31T00:00:00.000Z', userAgent: 'UA' });
      await a.createSession({ id: 'old', userId: u.id, createdAt: '2029-01-01T00:00:00.000Z', expiresAt: '2029-02-01T00:00:00.000Z', userAgent: null });
      assert.equal((await a.getSession('live', NOW))?.user.name, 'omar');
      assert.equal(await a.getSession('old', NOW), null, 'expired');
      assert.deepEqual((await a.listSessions(u.id, NOW)).map((x) => x.id), ['live']);
      assert.equal(await a.pruneSessions(NOW), 1);
      assert.equal(await a.revokeSession('someone-else', 'live'), false, 'only its owner ends a session');
      assert.ok(await a.revokeSession(u.id, 'live'));
      assert.equal(await a.getSession('live', NOW), null);
      await a.createSession({ id: 's2', userId: u.id, createdAt: NOW, expiresAt: '2030-01-31T00:00:00.000Z', userAgent: null });
      assert.ok(await a.setPassword(u.id, '$argon2id$new'));
      assert.equal(await a.getSession('s2', NOW), null, 'a new password ends every session');
      assert.equal((await a.findUserByName('omar'))?.passwordHash, '$argon2id$new');
      await a.createApiKey({ id: 'k2', userId: u.id, name: 'reeder', createdAt: NOW }, 'hash-k2');
      assert.equal((await a.findApiKey('hash-k2'))?.user.id, u.id);
      assert.deepEqual((await a.listApiKeys(u.id)).map((k) => k.name), ['reeder']);
      assert.ok(await a.revokeApiKey(u.id, 'k2'));
      assert.equal(await a.findApiKey('hash-k2'), null);
    });

    test('settings and the login limiter: fixed windows per key, restarted after the window, cleared per key', async () => {
      const s = await loaded();
      const a = s.accounts;
      assert.equal(await a.getSetting('instance.private'), null);
      await a.setSetting('instance.private', '1');
      await a.setSetting('instance.private', '0');
      assert.equal(await a.getSetting('instance.private'), '0');
      const keys = ['u:omar', 'a:10.0.0.1'];
      for (let i = 0; i < 3; i++) await a.recordLoginFailure(keys, `2030-01-01T00:0${i}:00.000Z`, '2029-12-31T23:45:00.000Z');
      await a.recordLoginFailure(['a:10.0.0.1'], '2030-01-01T00:05:00.000Z', '2029-12-31T23:50:00.000Z');
      assert.deepEqual(Object.fromEntries(await a.loginFailures([...keys, 'u:nobody'], '2029-12-31T23:50:00.000Z')), { 'u:omar': 3, 'a:10.0.0.1': 4, 'u:nobody': 0 });
      // After the window, a failure starts a new count.
      await a.recordLoginFailure(keys, '2030-01-01T01:00:00.000Z', '2030-01-01T00:45:00.000Z');
      assert.deepEqual(Object.fromEntries(await a.loginFailures(keys, '2030-01-01T00:45:00.000Z')), { 'u:omar': 1, 'a:10.0.0.1': 1 });
      await a.clearLoginFailures(['u:omar']);
      assert.deepEqual(Object.fromEntries(await a.loginFailures(keys, '2030-01-01T00:45:00.000Z')), { 'u:omar': 0, 'a:10.0.0.1': 1 });
    });

    test('following: everything until one chooses; then exactly the stories of what one follows, with unread counts per item', async () => {
      const s = await loaded();
      const a = s.accounts;
      const u = await a.createUser(user('lina'));
      const stories = await s.listStories({ limit: 1000 });
      const everything = await a.followedStories(u.id, { limit: 1000 });
      assert.deepEqual(everything.map((x) => x.storyId), stories.map((x) => x.id), 'a new account follows everything, newest first');
      const perOutlet = await a.unreadCounts(u.id);
      const outlets = await s.listOutlets();
      assert.deepEqual(new Set(perOutlet.map((c) => c.target)), new Set(outlets.map((o) => o.outlet)));
      const withEntity = (await s.getArticles(all.map((x) => x.id))).find((x) => (x.entities ?? []).length > 0)!;
      const entity = withEntity.entities![0]!;
      await a.follow(u.id, { kind: 'entity', target: entity.id, label: entity.name, match: entity.id, createdAt: NOW });
      assert.equal((await a.getUser(u.id))!.followsAll, false, 'the first follow is a choice');
      const expected = new Set((await s.listArticles({ entityId: entity.id, limit: 1000 })).map((x) => x.storyId));
      const got = await a.followedStories(u.id, { limit: 1000 });
      assert.deepEqual(new Set(got.map((x) => x.storyId)), expected);
      assert.ok(got.every((x, i) => i === 0 || stories.findIndex((y) => y.id === got[i - 1]!.storyId) < stories.findIndex((y) => y.id === x.storyId)), 'newest first');
      assert.deepEqual(await a.unreadCounts(u.id), [{ kind: 'entity', target: entity.id, label: entity.name, unread: expected.size }]);
      const outlet = outlets.find((o) => !stories.filter((st) => expected.has(st.id)).some((st) => st.outlets.includes(o.outlet)))!;
      await a.follow(u.id, { kind: 'outlet', target: outlet.outlet, label: outlet.outlet, match: outlet.outlet, createdAt: NOW });
      const ofOutlet = stories.filter((st) => st.outlets.includes(outlet.outlet)).map((st) => st.id);
      assert.deepEqual(new Set((await a.followedStories(u.id, { limit: 1000 })).map((x) => x.storyId)), new Set([...expected, ...ofOutlet]));
      assert.deepEqual((await a.followedStories(u.id, { limit: 1000, follow: { kind: 'outlet', match: outlet.outlet } })).map((x) => x.storyId), stories.filter((st) => ofOutlet.includes(st.id)).map((st) => st.id));
      const covered = await a.followedStories(u.id, { order: 'covered', limit: 1000 });
      const width = (id: string) => stories.find((st) => st.id === id)!.outlets.length;
      assert.ok(covered.every((x, i) => i === 0 || width(covered[i - 1]!.storyId) >= width(x.storyId)), 'most covered first');
      assert.ok(await a.unfollow(u.id, 'outlet', outlet.outlet));
      assert.deepEqual((await a.listFollows(u.id)).map((f) => f.kind), ['entity']);
      await a.setFollowsAll(u.id, true);
      assert.deepEqual(await a.listFollows(u.id), []);
      assert.equal((await a.followedStories(u.id, { limit: 1000 })).length, stories.length);
    });

    test('read state is per story: one copy read marks its story; a later copy is "new coverage", never unread again', async () => {
      const s = await loaded();
      const a = s.accounts;
      const u = await a.createUser(user('sara'));
      const base = (await s.getArticles(all.map((x) => x.id))).find((x) => x.publishedAt && (x.entities ?? []).length > 0)!;
      const [copy] = await ingest(s, [laterCopy(base, 'نسخة-أ', 2)]);
      const copyArticle = (await s.getArticle(copy!.id))!;
      assert.equal(copyArticle.storyId, base.storyId, 'the wire copy is in the same story');
      const storyId = base.storyId!;
      await a.follow(u.id, { kind: 'outlet', target: 'نسخة-أ', label: 'نسخة-أ', match: 'نسخة-أ', createdAt: NOW });
      const unreadBefore = (await a.unreadCounts(u.id))[0]!.unread;
      assert.equal(unreadBefore, 1);
      assert.equal(await a.markArticleRead(u.id, base.id, NOW), storyId, 'reading the original');
      const [viaCopy] = await a.articleReadStates(u.id, [copyArticle.id]);
      assert.equal(viaCopy!.storyId, storyId);
      assert.equal(viaCopy!.readAt, NOW, 'the other copy reads as read');
      assert.equal(isNewCoverage(viaCopy!), false);
      assert.equal((await a.unreadCounts(u.id))[0]!.unread, 0);
      assert.deepEqual(await a.followedStories(u.id, { unreadOnly: true }), []);
      // A third outlet carries it later: still read, with new coverage.
      await ingest(s, [laterCopy(base, 'نسخة-ب', 5)]);
      const [st] = await a.storyReadStates(u.id, [storyId]);
      assert.equal(st!.readAt, NOW);
      assert.equal(isNewCoverage(st!), true);
      assert.equal(st!.articleCount, st!.seen + 1);
      assert.equal((await a.unreadCounts(u.id))[0]!.unread, 0, 'it does not come back as unread');
      await a.markArticleRead(u.id, copyArticle.id, '2030-01-02T00:00:00.000Z');
      assert.equal(isNewCoverage((await a.storyReadStates(u.id, [storyId]))[0]!), false, 'reading it again takes the new coverage in');
      assert.equal(await a.markStoriesUnread(u.id, [storyId]), 1);
      assert.equal((await a.storyReadStates(u.id, [storyId]))[0]!.readAt, null);
      assert.equal(await a.markArticleRead(u.id, '0000000000000000', NOW), null, 'an unknown article marks nothing');
    });

    test('a read story stays read when it is renamed (an earlier copy arrives and names it)', async () => {
      const s = await loaded();
      const a = s.accounts;
      const u = await a.createUser(user('huda'));
      const base = (await s.getArticles(all.map((x) => x.id))).find((x) => x.publishedAt && x.text.length > 600 && x.duplicateOf === null)!;
      const old = base.storyId!;
      assert.equal(await a.markArticleRead(u.id, base.id, NOW), old);
      const [early] = await ingest(s, [laterCopy(base, 'نسخة-مبكرة', -3)]);
      const renamed = (await s.getArticle(base.id))!.storyId!;
      assert.equal(renamed, `s-${early!.id}`, 'the story is named after its new earliest article');
      const [st] = await a.storyReadStates(u.id, [renamed]);
      assert.equal(st!.readAt, NOW, 'the read mark moved with the story');
      assert.equal(isNewCoverage(st!), true, 'the early copy is new coverage');
    });

    test('mark all as read: per outlet, entity, keyword, followed, and a list of stories', async () => {
      const s = await loaded();
      const a = s.accounts;
      const u = await a.createUser(user('nour'));
      const stories = await s.listStories({ limit: 1000 });
      const outlet = (await s.listOutlets())[0]!.outlet;
      const ofOutlet = stories.filter((st) => st.outlets.includes(outlet)).map((st) => st.id);
      assert.equal(await a.markScopeRead(u.id, { kind: 'outlet', match: outlet }, NOW), ofOutlet.length);
      const unread = new Set((await a.followedStories(u.id, { unreadOnly: true, limit: 1000 })).map((x) => x.storyId));
      assert.deepEqual(new Set(stories.map((st) => st.id).filter((id) => !unread.has(id))), new Set(ofOutlet));
      const art = (await s.getArticles(all.map((x) => x.id))).find((x) => (x.keywords ?? []).length > 0 && (x.entities ?? []).length > 0)!;
      const kwStories = new Set((await s.listArticles({ keyword: art.keywords![0]!, limit: 1000 })).map((x) => x.storyId!));
      assert.equal(await a.markScopeRead(u.id, { kind: 'keyword', match: art.keywords![0]! }, NOW), kwStories.size);
      const entStories = new Set((await s.listArticles({ entityId: art.entities![0]!.id, limit: 1000 })).map((x) => x.storyId!));
      assert.equal(await a.markScopeRead(u.id, { kind: 'entity', match: art.entities![0]!.id }, NOW), entStories.size);
      assert.equal(await a.markScopeRead(u.id, { kind: 'stories', ids: [stories[0]!.id, 'no-such-story'] }, NOW), 1);
      assert.equal(await a.markScopeRead(u.id, { kind: 'followed' }, NOW), stories.length, 'following everything: every story');
      assert.deepEqual(await a.followedStories(u.id, { unreadOnly: true }), []);
      assert.ok((await a.unreadCounts(u.id)).every((c) => c.unread === 0));
    });

    test('starred: per article, newest first, only known articles', async () => {
      const s = await loaded();
      const a = s.accounts;
      const u = await a.createUser(user('rami'));
      const [x, y] = all;
      assert.ok(await a.star(u.id, x!.id, '2030-01-01T00:00:00.000Z'));
      assert.ok(await a.star(u.id, y!.id, '2030-01-02T00:00:00.000Z'));
      assert.ok(await a.star(u.id, y!.id, '2030-01-03T00:00:00.000Z'), 'starring twice is fine');
      assert.equal(await a.star(u.id, '0000000000000000', NOW), false);
      assert.deepEqual((await a.listStarred(u.id, 10, 0)).map((r) => r.articleId), [y!.id, x!.id]);
      assert.deepEqual([...(await a.starredAmong(u.id, [x!.id, '0000000000000000']))], [x!.id]);
      assert.ok(await a.unstar(u.id, x!.id));
      assert.deepEqual((await a.listStarred(u.id, 10, 0)).map((r) => r.articleId), [y!.id]);
    });
  });
}
