/**
 * Timeline and co-mention query latency on the whole shared corpus (SQLite), next to a
 * baseline measured in the same run: a plain count of an entity's articles
 * (`SELECT count(*) FROM article_entities WHERE ent = ?`, the same index the timeline
 * reads). Cases, interleaved per repetition so load drifts hit all alike, each over the
 * same entities (the two most mentioned, and إيران + روسيا):
 *   baseline              count(*) of one entity's articles
 *   timeline day/story    one entity, day buckets, stories
 *   timeline day/article  one entity, day buckets, articles
 *   timeline week ×2      two entities and the together series
 *   comention             top 20 co-mentioned entities with lift
 *   together ×2           the 20 newest stories mentioning both
 * Prints median and p95 in ms and the median's ratio to the baseline's.
 *
 * Run: `npm run bench:timeline [-- --corpus DIR] [-- --db FILE] [-- --runs N]`. Without
 * --db the corpus (saudinewsnet/, textdumps/, pages/ of DIR, default ../shared/corpus) is
 * imported once with `marsad import` into a cached temp database (bench/startup/db.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDb, importInputs } from '../startup/db.ts';
import { openMarsadSqliteStore } from '../../src/store/sqlite/marsad.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Math.max(5, Number(arg('--runs')) || 30);
const CORPUS = resolve(arg('--corpus') ?? join(ROOT, '../shared/corpus'));
const log = (s: string): void => void process.stderr.write(`bench:timeline: ${s}\n`);

let db = arg('--db') ? resolve(arg('--db')!) : null;
if (!db) {
  if (!existsSync(CORPUS)) {
    log(`no corpus at ${CORPUS}: pass --corpus DIR or --db FILE`);
    process.exit(2);
  }
  const c = corpusDb(ROOT, importInputs(CORPUS), log);
  if (c.summary) log(c.summary);
  db = c.path;
}
if (!existsSync(db)) {
  log(`no database at ${db}`);
  process.exit(2);
}

const store = openMarsadSqliteStore(db);
const articles = await store.countArticles();
const top = store.db.prepare('SELECT id, eid FROM entities ORDER BY article_count DESC LIMIT 2').all() as Array<{ id: string; eid: number }>;
const pair = ['country:IR', 'country:RU'].filter((id) => store.entityIndex.eidOf(id) !== null);
const pairs = [top.map((t) => t.id), ...(pair.length === 2 ? [pair] : [])];
const countStmt = store.db.prepare('SELECT count(*) FROM article_entities WHERE ent = ?').pluck();
const eids = top.map((t) => t.eid);

type Case = { label: string; run: (i: number) => Promise<unknown> | unknown };
const cases: Case[] = [
  { label: 'baseline: count(*) of an entity', run: (i) => countStmt.get(eids[i % eids.length]) },
  { label: 'timeline day/story (1 entity)', run: (i) => store.timeline({ entities: [top[i % top.length]!.id], by: 'day' }) },
  { label: 'timeline day/article (1 entity)', run: (i) => store.timeline({ entities: [top[i % top.length]!.id], by: 'day', unit: 'article' }) },
  { label: 'timeline week/story (2 + together)', run: (i) => store.timeline({ entities: pairs[i % pairs.length]!, by: 'week' }) },
  { label: 'comention top 20 (lift)', run: (i) => store.comentions(top[i % top.length]!.id, 20) },
  { label: 'stories together (2, newest 20)', run: (i) => store.storiesTogether(pairs[i % pairs.length]!, 20) },
];

const samples = new Map<string, number[]>(cases.map((c) => [c.label, []]));
// One warm-up round (prepared statements, page cache).
for (const c of cases) await c.run(0);
for (let r = 0; r < RUNS; r++) {
  const order = cases.map((_, k) => cases[(k + r) % cases.length]!);
  for (const c of order) {
    const t0 = process.hrtime.bigint();
    await c.run(r);
    samples.get(c.label)!.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
await store.close();

const q = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
};
const base = q(samples.get(cases[0]!.label)!, 0.5);
const e = (id: string) => id;
console.log(`timeline bench: ${db} (${articles} articles), entities ${top.map((t) => e(t.id)).join(', ')}${pair.length === 2 ? ` and ${pair.join(' + ')}` : ''}, ${RUNS} runs each`);
console.log(`${'case'.padEnd(38)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(10)} ${'× baseline'.padStart(11)}`);
for (const c of cases) {
  const xs = samples.get(c.label)!;
  const med = q(xs, 0.5);
  console.log(`${c.label.padEnd(38)} ${med.toFixed(2).padStart(10)} ${q(xs, 0.95).toFixed(2).padStart(10)} ${(med / base).toFixed(1).padStart(11)}`);
}
