/**
 * The pooled import's writer alone (issue 10): what `marsad import`'s main thread does per
 * batch once the worker threads have prepared it — `enrichedAlready`, then `storeAndGroup`
 * (upsert → entity index → group → related lists) — on one thread, so its CPU time
 * (process.cpuUsage) is the writer's and nothing else's, whatever the other threads of a
 * shared machine do. bench/ingest's pooled row measures the same through the real pool;
 * this one leaves the workers out, so before/after figures of the writer need fewer runs.
 *
 * The corpus is prepared once (parse, outlet names, `prepareArticle` of src/pipeline/prepare.ts
 * as the workers run it) and kept in a v8-serialized file under the temp directory, keyed by
 * the corpus path and the sources `prepareArticle` runs; each measured run (a child process)
 * reads it back, reattaches analyses, fingerprints and hashes (`reattach`), and stores it
 * in batches of 500 into a fresh SQLite file — batches written back to back in one commit
 * group as the pool writes them (src/pipeline/pool.ts `CommitGroup`) where the checkout has
 * group commit. `--base DIR` measures another checkout's
 * writer on the same prepared articles (its own `reattach`, `storeAndGroup`, `openStore`),
 * interleaved, and checks that both databases hold the same grouping (same.ts).
 *
 * Run: `node --import tsx bench/ingest/writer.ts [--corpus DIR] [--limit N] [--runs N] [--base DIR] [--prof DIR] [--slices N]`
 * (`--prof DIR`: a `--cpu-prof` profile of this checkout's runs written there; `--slices N`:
 * each run's CPU per article in every slice of N articles too, rounded to batches — whether
 * the writer's cost grows with the store).
 * Prints per run the CPU ms per article over all articles and past the first 2,000 (the
 * pooled import's serial start before 2026-12-05, kept so figures compare), and the medians.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Article } from '../../src/model/article.ts';
import type * as PrepareMod from '../../src/pipeline/prepare.ts';
import type * as PoolMod from '../../src/pipeline/pool.ts';
import type * as WriteMod from '../../src/pipeline/write.ts';
import type * as StoreMod from '../../src/store/index.ts';
import { compare } from './same.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BATCH = 500;
/** Batches past the first 2,000 articles (the pooled import's serial start before 2026-12-05). */
const SKIP = 4;

interface RunResult {
  articles: number;
  cpuMs: number;
  wallMs: number;
  /** CPU ms when each batch was done. */
  batchCpu: number[];
}

const child = process.argv[2] === '--child';
type WriteStore = Parameters<typeof WriteMod.storeAndGroup>[0];

if (child) {
  // node writer.ts --child <prepared file> <db file> <sources root>
  const [file, db, root] = process.argv.slice(3) as [string, string, string];
  const src = pathToFileURL(root.replace(/\/?$/, '/'));
  const from = <T>(path: string): Promise<T> => import(new URL(path, src).href) as Promise<T>;
  const { reattach } = await from<typeof PrepareMod>('src/pipeline/prepare.ts');
  const { storeAndGroup } = await from<typeof WriteMod>('src/pipeline/write.ts');
  // The pool's group commit where the checkout has one, with the bounds the import uses (the
  // writer never waits here, so a group closes on its articles or its time).
  const pool = await from<Partial<typeof PoolMod>>('src/pipeline/pool.ts');
  const { openStore } = await from<typeof StoreMod>('src/store/index.ts');
  const batches = deserialize(readFileSync(file)) as PrepareMod.PreparedArticle[][];
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  const store = await openStore(db);
  const group = pool.CommitGroup ? new pool.CommitGroup(store as WriteStore, { articles: pool.GROUP_ARTICLES!, ms: pool.GROUP_MS! }) : null;
  const batchCpu: number[] = [];
  let articles = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const batch of batches) {
    // As pool.ts's writer: the skip check of the batch, then the reattached articles stored and grouped.
    const enriched = batch.map((p) => reattach(p));
    await store.enrichedAlready(enriched);
    const write = () => storeAndGroup(store as WriteStore, enriched, {});
    if (group) {
      await group.run(enriched.length, write);
      if (group.full || batch === batches.at(-1)) await group.commit();
    } else await write();
    articles += batch.length;
    const u = process.cpuUsage(c0);
    batchCpu.push((u.user + u.system) / 1000);
  }
  const wallMs = performance.now() - t0;
  await store.close();
  process.stdout.write(JSON.stringify({ articles, cpuMs: batchCpu.at(-1) ?? 0, wallMs, batchCpu } satisfies RunResult) + '\n');
} else {
  const corpus = arg('--corpus') ?? fileURLToPath(new URL('../../../shared/corpus/saudinewsnet/', import.meta.url));
  const limit = Number(arg('--limit')) || Infinity;
  const runs = Math.max(1, Number(arg('--runs')) || 1);
  const base = arg('--base');
  const prof = arg('--prof');
  const slice = Math.max(1, Math.round((Number(arg('--slices')) || 0) / BATCH));
  const sliced = Boolean(arg('--slices'));
  if (!existsSync(corpus)) {
    process.stderr.write(`bench/ingest/writer: no corpus at ${corpus}\n`);
    process.exit(1);
  }
  // The prepared corpus, cached per corpus and prepare sources (enrichment takes minutes).
  const key = createHash('sha256').update(corpus).update(String(limit));
  for (const d of ['src/enrich', 'src/arabic', 'src/search', 'data', 'src/pipeline/prepare.ts', 'src/pipeline/enrich.ts', 'src/stories/fingerprint.ts', 'src/stories/entry.ts'])
    for (const f of statSync(join(ROOT, d)).isFile() ? [''] : (readdirSync(join(ROOT, d), { recursive: true }) as string[])) {
      const p = join(ROOT, d, f);
      if (statSync(p).isFile()) key.update(d + f).update(readFileSync(p));
    }
  const file = join(tmpdir(), `marsad-writer-${key.digest('hex').slice(0, 16)}.v8`);
  if (!existsSync(file)) {
    process.stderr.write(`preparing ${corpus} (once; kept in ${file})…\n`);
    const { parseDocument } = await import('../../src/ingest/index.ts');
    const { readInputs } = await import('../../src/ingest/inputs.ts');
    const { prepareArticle } = await import('../../src/pipeline/prepare.ts');
    const { withOutletNames } = await import('../../src/pipeline/write.ts');
    const articles: Article[] = [];
    for await (const item of readInputs([corpus])) {
      if ('doc' in item) articles.push(...(await parseDocument(item.doc)).articles);
      if (articles.length >= limit) break;
    }
    const batches: PrepareMod.PreparedArticle[][] = [];
    for (let i = 0; i < Math.min(articles.length, limit); i += BATCH) batches.push(withOutletNames(articles.slice(i, Math.min(i + BATCH, limit))).map(prepareArticle));
    writeFileSync(file, serialize(batches));
  }
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-writer-'));
  const runOne = (root: string, db: string): RunResult => {
    const flags = prof && root === ROOT ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [];
    const out = execFileSync(process.execPath, [...flags, '--import', 'tsx', join(ROOT, 'bench/ingest/writer.ts'), '--child', file, db, root], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return JSON.parse(out.trim().split('\n').at(-1)!) as RunResult;
  };
  const past = (r: RunResult): number => (r.batchCpu.length > SKIP ? (r.cpuMs - r.batchCpu[SKIP - 1]!) / (r.articles - SKIP * BATCH) : NaN);
  const fmt = (r: RunResult): string =>
    `${r.articles} articles, ${(r.cpuMs / 1000).toFixed(1)} s CPU, ${(r.wallMs / 1000).toFixed(1)} s wall; ${((r.cpuMs / r.articles) * 1000).toFixed(0)} µs CPU/article, past the first ${SKIP * BATCH}: ${(past(r) * 1000).toFixed(0)}`;
  const mine: RunResult[] = [];
  const theirs: RunResult[] = [];
  process.stderr.write(`bench/ingest/writer: ${corpus}${Number.isFinite(limit) ? ` (first ${limit})` : ''}, ${runs} run(s), load ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  for (let r = 0; r < runs; r++) {
    const order = base ? (r % 2 ? [false, true] : [true, false]) : [false];
    for (const b of order) {
      const res = runOne(b ? base! : ROOT, join(dir, b ? 'base.db' : 'this.db'));
      (b ? theirs : mine).push(res);
      process.stderr.write(`  run ${r + 1}${b ? ' (base)' : ''}: ${fmt(res)}\n`);
      if (sliced) {
        const parts: string[] = [];
        for (let i = 0; i < res.batchCpu.length; i += slice) {
          const j = Math.min(res.batchCpu.length, i + slice) - 1;
          const n = Math.min(res.articles, (j + 1) * BATCH) - i * BATCH;
          parts.push(`${(i * BATCH) / 1000}k–${Math.min(res.articles, (j + 1) * BATCH) / 1000}k ${(((res.batchCpu[j]! - (i ? res.batchCpu[i - 1]! : 0)) / n) * 1000).toFixed(0)}`);
        }
        process.stderr.write(`    µs CPU/article by slice: ${parts.join(' · ')}\n`);
      }
    }
  }
  const median = (rs: RunResult[], f: (r: RunResult) => number): number => {
    const xs = rs.map(f).sort((a, b) => a - b);
    return xs[Math.floor((xs.length - 1) / 2)]!;
  };
  const all = (r: RunResult): number => r.cpuMs / r.articles;
  console.log(`this: median µs CPU/article ${(median(mine, all) * 1000).toFixed(0)}, past the first ${SKIP * BATCH}: ${(median(mine, past) * 1000).toFixed(0)}`);
  if (base) {
    console.log(`base: median µs CPU/article ${(median(theirs, all) * 1000).toFixed(0)}, past the first ${SKIP * BATCH}: ${(median(theirs, past) * 1000).toFixed(0)}`);
    console.log(`this / base: ${(median(mine, all) / median(theirs, all)).toFixed(3)}×, past the first ${SKIP * BATCH}: ${(median(mine, past) / median(theirs, past)).toFixed(3)}×`);
    const c = compare(join(dir, 'base.db'), join(dir, 'this.db'));
    console.log(`grouping of the last runs ${c.same ? 'IDENTICAL' : 'DIFFERENT'}:\n  ${c.lines.join('\n  ')}`);
  }
  console.log(`load now ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  rmSync(dir, { recursive: true, force: true });
}
