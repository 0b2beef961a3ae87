/**
 * Store scaling: the cost of ingesting 1,000 new articles through the whole pipeline
 * (enrich → upsert → stories + entity index) into an EMPTY SQLite store versus into a
 * store already holding the rest of the saudinewsnet corpus (~23,800 articles).
 *
 * Why: issue 4 asks that importing 1,000 new articles into a large store cost about the
 * same as into an empty one, i.e. every per-article lookup is indexed and bounded. The
 * 1,000 "new" articles are the corpus' latest ones (so in the large store their time
 * windows are full of candidates, the realistic case); the rest is the large store. A
 * third store holds only the 7 days before them (the grouping's windows): it has the same
 * candidates as the large one, so large vs 7-day isolates the cost of store size, while
 * empty vs large also counts the extra matching work that a full window brings.
 *
 * Usage: node --import tsx bench/stories/store-scaling.ts [--base PATH] [--rebuild]
 * The large store is built once at --base (default marsad-scale-base.db in the OS temp folder) and
 * copied for each measurement, so a rerun measures without rebuilding. Prints wall and
 * CPU milliseconds for the three runs and the ratios large/empty and large/7-day.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from '../../src/model/article.ts';
import { ingest, type GroupCounts } from '../../src/pipeline/index.ts';
import { openStore } from '../../src/store/index.ts';
import { loadCorpus } from './corpus.ts';

const { values } = parseArgs({ options: { base: { type: 'string', default: join(tmpdir(), 'marsad-scale-base.db') }, rebuild: { type: 'boolean', default: false } } });
const BASE = values.base!;
const NEW = 1000;
const BATCH = 500;

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rmDb = (p: string): void => ['', '-wal', '-shm'].forEach((s) => rmSync(p + s, { force: true }));

interface Run {
  wallMs: number;
  cpuMs: number;
  grouped: GroupCounts;
  storeSize: number;
}

async function ingestAll(path: string, articles: Article[]): Promise<Run> {
  const store = await openStore(path);
  const storeSize = await store.countArticles();
  const total: GroupCounts = { grouped: 0, related: 0, relatedOffers: 0, duplicates: 0, joined: 0, newStories: 0, failed: 0, alertMatches: 0 };
  const add = (c: GroupCounts) => (Object.keys(total) as Array<keyof GroupCounts>).forEach((k) => (total[k] += c[k]));
  const w0 = performance.now();
  const c0 = cpuMs();
  for (let i = 0; i < articles.length; i += BATCH) await ingest(store, articles.slice(i, i + BATCH), { onGrouped: add });
  const run = { wallMs: performance.now() - w0, cpuMs: cpuMs() - c0, grouped: total, storeSize };
  await store.close();
  return run;
}

const corpus = loadCorpus();
const fresh = corpus.slice(-NEW);
const rest = corpus.slice(0, -NEW);
process.stdout.write(`corpus: ${corpus.length} articles; new: ${fresh.length} (from ${fresh[0]!.publishedAt}); large store: ${rest.length}\n`);

if (values.rebuild || !existsSync(BASE)) {
  rmDb(BASE);
  const r = await ingestAll(BASE, rest);
  process.stdout.write(
    `built the large store: ${rest.length} articles in ${(r.wallMs / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU ` +
      `(${(rest.length / (r.cpuMs / 1000)).toFixed(0)} articles per CPU-second) ${JSON.stringify(r.grouped)}\n`,
  );
}

const emptyPath = `${BASE}.empty.db`;
const largePath = `${BASE}.large.db`;
rmDb(emptyPath);
rmDb(largePath);
copyFileSync(BASE, largePath);

// The window store: only what lies within the grouping's windows (7 days) before the new
// articles, so its candidates are the large store's; the difference is store size alone.
const windowPath = `${BASE}.window.db`;
rmDb(windowPath);
const since = new Date(Date.parse(fresh[0]!.publishedAt!) - 7 * 86_400_000).toISOString();
await ingestAll(windowPath, rest.filter((a) => (a.publishedAt ?? '') >= since));

const empty = await ingestAll(emptyPath, fresh);
const windowed = await ingestAll(windowPath, fresh);
const large = await ingestAll(largePath, fresh);
for (const [name, r] of [['empty', empty], ['7-day', windowed], ['large', large]] as const) {
  process.stdout.write(
    `${name.padEnd(5)} store (${String(r.storeSize).padStart(5)} articles before): ${NEW} new articles in ${r.wallMs.toFixed(0)} ms wall, ` +
      `${r.cpuMs.toFixed(0)} ms CPU (${(r.cpuMs / NEW).toFixed(2)} ms/article) ${JSON.stringify(r.grouped)}\n`,
  );
}
process.stdout.write(`ratio large/empty: wall ${(large.wallMs / empty.wallMs).toFixed(2)}, CPU ${(large.cpuMs / empty.cpuMs).toFixed(2)}\n`);
process.stdout.write(`ratio large/7-day: wall ${(large.wallMs / windowed.wallMs).toFixed(2)}, CPU ${(large.cpuMs / windowed.cpuMs).toFixed(2)}\n`);
rmDb(windowPath);
rmDb(emptyPath);
rmDb(largePath);
