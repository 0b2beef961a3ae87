/**
 * `marsad import` through the pipeline on real data (the moscow-tehran page and a
 * saudinewsnet day) into real SQLite files: entities of the page, wire copies across
 * outlets grouped into one story with the earliest outlet as original, duplicateOf set,
 * related articles never from the same story, an idempotent re-import, and an import
 * killed with SIGKILL whose rerun leaves every article grouped exactly once, the same
 * way as an uninterrupted import.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { contentKey } from '../src/model/article.ts';
import { openStore, type MarsadStore } from '../src/store/index.ts';
import { findEntity } from '../src/pipeline/entity.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE = fileURLToPath(new URL('./testdata/pages/moscow-tehran-2023-09-20.txt', import.meta.url));
const DAY = fileURLToPath(new URL('./testdata/saudinewsnet/2015-07-22.zip', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'marsad-pipeline-'));
const CLEAN = join(dir, 'clean.db');
after(() => rmSync(dir, { recursive: true, force: true }));

function runCli(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: string | null; out: string; err: string }> } {
  const child = spawn(process.execPath, ['bin/marsad.js', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; out: string; err: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done };
}

const counts = (out: string): number[] => {
  const m = /(\d+) added, (\d+) updated, (\d+) unchanged/.exec(out);
  assert.ok(m, out);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};

let store: MarsadStore;
before(async () => {
  const r = await runCli(['import', PAGE, DAY, '--db', CLEAN, '--batch', '250']).done;
  assert.equal(r.code, 0, r.out + r.err);
  store = await openStore(CLEAN, { mustExist: true });
});
after(() => store.close());

const rawDb = (path: string) => new Database(path, { readonly: true, fileMustExist: true });

test('the page article carries its entities, keywords and story', async () => {
  const hit = (await store.search({ q: '"وزير الدفاع الروسي"', limit: 5 })).hits.find((h) => h.outlet === 'الأسبوع');
  assert.ok(hit, 'the page article is stored');
  const art = (await store.getArticle(hit.id))!;
  const ids = new Set((art.entities ?? []).map((e) => e.id));
  for (const id of ['country:RU', 'country:IR', 'country:US', 'agency:tass']) assert.ok(ids.has(id), `${id} in ${[...ids].join(' ')}`);
  const people = (art.entities ?? []).filter((e) => e.type === 'person').map((e) => e.name);
  assert.ok(people.some((n) => n.includes('شويجو')), people.join('، '));
  assert.ok(people.some((n) => n.includes('أشتياني') || n.includes('اشتياني')), people.join('، '));
  assert.ok((art.keywords ?? []).length >= 3 && (art.keywords ?? []).length <= 8, String(art.keywords));
  assert.ok(art.storyId, 'grouped');
  assert.equal(art.duplicateOf, null);

  // The entity by any spelling, its articles newest first, its daily counts, the keyword filter.
  for (const name of ['ايران', 'إيران', 'country:IR']) assert.equal((await store.getEntity(name))?.id, 'country:IR', name);
  // A spelling only the gazetteer knows is resolved above the store (the store only stores).
  assert.equal(await store.getEntity('الإيرانية'), null);
  assert.equal((await findEntity(store, 'الإيرانية'))?.id, 'country:IR');
  const iran = (await store.getEntity('country:IR'))!;
  const list = await store.listArticles({ entityId: iran.id, limit: 1000 });
  assert.equal(list.length, iran.articleCount);
  assert.ok(list.some((x) => x.id === art.id));
  const dated = list.map((x) => x.publishedAt).filter((d): d is string => d !== null);
  assert.deepEqual(dated, [...dated].sort().reverse(), 'newest first');
  const daily = await store.entityDaily(iran.id);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const mentions = list.filter((x) => x.publishedAt).map((x) => x.entities!.find((e) => e.id === iran.id)!.mentions);
  assert.equal(sum(daily.map((d) => d.count)), sum(mentions));
  assert.ok(daily.some((d) => d.day === '2023-09-20'));
  assert.ok((await store.listArticles({ keyword: 'ايران', limit: 50 })).some((x) => x.id === art.id), 'the tag ايران');
  assert.equal((await findEntity(store, 'لا يوجد كيان بهذا الاسم')), null);
});

interface Row {
  id: string;
  outlet: string | null;
  published_at: string | null;
  title: string;
  text: string;
  story_id: string | null;
  duplicate_of: string | null;
}

test('wire copies across outlets share one story, the earliest outlet is its original', async () => {
  const db = rawDb(CLEAN);
  const rows = db.prepare('SELECT id, outlet, published_at, title, text, story_id, duplicate_of FROM articles').all() as Row[];
  db.close();
  const byText = new Map<string, Row[]>();
  for (const r of rows) {
    if (r.text.length < 300) continue;
    const k = contentKey('', r.text);
    byText.set(k, [...(byText.get(k) ?? []), r]);
  }
  const groups = [...byText.values()].filter((g) => new Set(g.map((r) => r.outlet)).size >= 2);
  assert.ok(groups.length >= 5, `${groups.length} multi-outlet copy groups`);
  const earliest = (g: Row[]) => [...g].sort((a, b) => (a.published_at ?? '').localeCompare(b.published_at ?? '') || (a.id < b.id ? -1 : 1))[0]!;
  for (const g of groups) {
    const sids = new Set(g.map((r) => r.story_id));
    assert.equal(sids.size, 1, `one story for «${g[0]!.title}»`);
    const story = (await store.getStory(g[0]!.story_id!))!;
    const members = rows.filter((r) => r.story_id === story.id);
    assert.deepEqual([...story.articleIds].sort(), members.map((r) => r.id).sort());
    const first = earliest(members);
    assert.equal(story.originalOutlet, first.outlet, `original of «${story.title}»`);
    assert.equal(story.firstSeen !== null && Date.parse(story.firstSeen), Date.parse(first.published_at!));
    for (const o of new Set(g.map((r) => r.outlet))) assert.ok(story.outlets.includes(o!), `${o} in ${story.outlets.join(',')}`);
    // Every copy but the group's root points at the root; the root is the earliest copy.
    const roots = new Set(g.map((r) => r.duplicate_of ?? r.id));
    assert.equal(roots.size, 1, `one duplicate root for «${g[0]!.title}»`);
    const root = [...roots][0]!;
    const rootRow = rows.find((r) => r.id === root)!;
    assert.ok((rootRow.published_at ?? '') <= (earliest(g).published_at ?? ''), 'the root is not later than the copies');
    assert.equal(g.filter((r) => r.duplicate_of === null).length, g.some((r) => r.id === root) ? 1 : 0);
    // Related articles never come from the story itself.
    for (const r of g.slice(0, 2)) {
      const rel = await store.relatedArticles(r.id, 5);
      for (const x of rel) {
        assert.notEqual(x.storyId, story.id, `related of ${r.id}`);
        assert.ok(!story.articleIds.includes(x.id));
      }
    }
    const api = (await store.getArticle(g.find((r) => r.id !== root)!.id))!;
    assert.equal(api.duplicateOf, root, 'duplicateOf in the Article JSON');
    assert.equal(api.storyId, story.id);
  }
  // The listing: newest first, outlet filter only stories the outlet covered.
  const latest = await store.listStories({ limit: 50 });
  const firsts = latest.map((s) => s.firstSeen!);
  assert.deepEqual(firsts, [...firsts].sort().reverse());
  const aawsat = await store.listStories({ outlet: 'الشرق الأوسط', limit: 100, from: '2015-07-22', to: '2015-07-22' });
  assert.ok(aawsat.length > 0);
  for (const s of aawsat) {
    assert.ok(s.outlets.includes('الشرق الأوسط'));
    assert.ok(s.firstSeen!.startsWith('2015-07-22'));
  }
});

test('a second import changes nothing and creates no story', async () => {
  const db = rawDb(CLEAN);
  const stories = db.prepare('SELECT count(*) FROM stories').pluck().get();
  const entries = db.prepare('SELECT count(*) FROM story_entries').pluck().get();
  db.close();
  const r = await runCli(['import', DAY, PAGE, '--db', CLEAN]).done;
  assert.equal(r.code, 0, r.err);
  const [added, updated] = counts(r.out);
  assert.deepEqual([added, updated], [0, 0]);
  const db2 = rawDb(CLEAN);
  assert.equal(db2.prepare('SELECT count(*) FROM stories').pluck().get(), stories);
  assert.equal(db2.prepare('SELECT count(*) FROM story_entries').pluck().get(), entries);
  db2.close();
});

/** Each article's story and duplicate root, keyed by article id (dateless articles excluded). */
function partition(path: string): Map<string, string> {
  const db = rawDb(path);
  try {
    const rows = db.prepare('SELECT id, story_id, duplicate_of FROM articles WHERE published_at IS NOT NULL').all() as Row[];
    return new Map(rows.map((r) => [r.id, `${r.story_id}|${r.duplicate_of}`]));
  } finally {
    db.close();
  }
}

test('an import killed with SIGKILL, then rerun, groups every article exactly once', async () => {
  const path = join(dir, 'killed.db');
  const { child, done } = runCli(['import', PAGE, DAY, '--db', path, '--batch', '100']);
  let seen = 0;
  const deadline = Date.now() + 300_000;
  while (seen < 500 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    try {
      const db = rawDb(path);
      seen = db.prepare('SELECT count(*) FROM story_entries').pluck().get() as number;
      db.close();
    } catch {
      seen = 0;
    }
  }
  child.kill('SIGKILL');
  const killed = await done;
  assert.equal(killed.signal, 'SIGKILL', 'the import finished before it could be killed');

  const rerun = await runCli(['import', PAGE, DAY, '--db', path]).done;
  assert.equal(rerun.code, 0, rerun.err);
  const db = rawDb(path);
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const n = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    assert.equal(db.prepare('SELECT count(*) FROM articles WHERE story_id IS NULL').pluck().get(), 0, 'every article grouped');
    assert.equal(db.prepare('SELECT count(*) FROM story_entries').pluck().get(), n, 'one entry per article');
    assert.equal(db.prepare('SELECT count(*) FROM articles a JOIN story_entries e ON e.id = a.id AND e.story_id = a.story_id').pluck().get(), n);
    assert.equal(db.prepare("SELECT value FROM story_counters WHERE name = 'entries'").pluck().get(), n);
    assert.equal(db.prepare('SELECT count(*) FROM stories').pluck().get(), db.prepare('SELECT count(DISTINCT story_id) FROM articles').pluck().get());
    assert.equal(db.prepare('SELECT count(*) FROM stories s WHERE article_count != (SELECT count(*) FROM story_entries e WHERE e.story_id = s.id)').pluck().get(), 0);
    assert.equal(db.prepare('SELECT count(*) FROM articles a WHERE entities IS NOT NULL AND NOT EXISTS (SELECT 1 FROM article_entities ae WHERE ae.seq = a.seq) AND entities != \'[]\'').pluck().get(), 0, 'entity index complete');
  } finally {
    db.close();
  }
  assert.deepEqual(partition(path), partition(CLEAN), 'the same grouping as an uninterrupted import');
});
