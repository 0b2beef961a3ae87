/**
 * recordMatches on both backends: all of an article's matches written at once (one
 * statement per table), each entry created once per (alert, story) with the state its
 * webhook calls for, a later copy of the story added to the entry (updated_at moves), an
 * alert removed since the matcher was built leaving no row, a repeat writing nothing new.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMarsadSqliteStore } from '../src/store/sqlite/marsad.ts';
import { openMarsadPgStore } from '../src/store/postgres/marsad.ts';
import { makeAlert } from '../src/alerts/model.ts';
import type { AlertStore } from '../src/alerts/types.ts';
import { dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';

const guard = { checkUrl: () => ({ ok: true as const }) };
type Rows = Array<{ alert_id: string; story_id: string; state?: string; updated_at?: string; article_id?: string }>;

async function check(alerts: AlertStore, all: (sql: string) => Promise<Rows>): Promise<void> {
  const feed = await alerts.createAlert(makeAlert({ name: 'f', query: 'طهران' }, guard));
  const hook = await alerts.createAlert(makeAlert({ name: 'w', query: 'موسكو', webhookUrl: 'https://example.org/hook' }, guard));
  const gone = await alerts.createAlert(makeAlert({ name: 'g', query: 'مسقط' }, guard));
  await alerts.removeAlert(gone.id);
  const ids = [feed.id, hook.id, gone.id];
  await alerts.recordMatches(ids.map((alertId) => ({ alertId, storyId: 's1', articleId: 'a1' })), '2026-01-01T00:00:00.000Z');
  // A later copy in the same story, matched by one alert, and an article of another story.
  await alerts.recordMatches([{ alertId: feed.id, storyId: 's1', articleId: 'a2' }, { alertId: hook.id, storyId: 's2', articleId: 'a3' }], '2026-01-02T00:00:00.000Z');
  // A repeat (a retried transaction) adds nothing.
  await alerts.recordMatches([{ alertId: feed.id, storyId: 's1', articleId: 'a2' }], '2026-01-02T00:00:00.000Z');
  const entries = await all('SELECT alert_id, story_id, state, updated_at FROM alert_matches ORDER BY alert_id, story_id');
  const byKey = new Map(entries.map((e) => [`${e.alert_id}/${e.story_id}`, e]));
  assert.equal(entries.length, 3, JSON.stringify(entries));
  assert.equal(byKey.get(`${feed.id}/s1`)?.state, 'feed');
  assert.equal(byKey.get(`${hook.id}/s1`)?.state, 'pending');
  assert.equal(byKey.get(`${hook.id}/s2`)?.state, 'pending');
  assert.match(String(byKey.get(`${feed.id}/s1`)?.updated_at), /^2026-01-02/, 'a later copy moves the entry');
  assert.match(String(byKey.get(`${hook.id}/s1`)?.updated_at), /^2026-01-01/);
  assert.equal(entries.some((e) => e.alert_id === gone.id), false, 'a removed alert records nothing');
  const arts = await all('SELECT alert_id, article_id, story_id FROM alert_match_articles ORDER BY alert_id, article_id');
  assert.deepEqual(
    arts.map((r) => `${r.alert_id === feed.id ? 'feed' : 'hook'} ${r.article_id} ${r.story_id}`).sort(),
    ['feed a1 s1', 'feed a2 s1', 'hook a1 s1', 'hook a3 s2'],
  );
  await alerts.recordMatches([], '2026-01-03T00:00:00.000Z');
}

const dir = mkdtempSync(join(tmpdir(), 'marsad-alerts-record-'));
const schema = scratchName();
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (!skipPg) await dropSchemas([schema]);
});

test('SQLite: one statement per table for an article, entries once per story', async () => {
  const store = openMarsadSqliteStore(join(dir, 'x.db'));
  try {
    await check(store.alerts, (sql) => Promise.resolve(store.db.prepare(sql).all() as Rows));
  } finally {
    await store.close();
  }
});

test('PostgreSQL: the same', { skip: skipPg }, async () => {
  const store = await openMarsadPgStore(urlFor(schema));
  try {
    await check(store.alerts, async (sql) => (await store.pool.query(sql)).rows as Rows);
  } finally {
    await store.close();
  }
});
