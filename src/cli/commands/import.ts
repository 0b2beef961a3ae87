/**
 * `marsad import <file|dir|url…> [--db PATH] [--batch N]`: parses every input (any format
 * the ingest stage reads, archives included) and stores the articles, one transaction per
 * batch. Shows a progress bar on a terminal only; prints how many articles were added,
 * updated, unchanged and failed. Issues go to stderr (the first 20, then counts by code).
 * Exit code 1 when nothing could be imported and something failed. When alerts matched
 * what was added and have webhooks, their deliveries are made before exiting, waiting at
 * most --webhook-wait seconds (retries that come due meanwhile included); what was sent,
 * failed and is left pending (for `serve` or `worker` to retry) is reported on stderr.
 */
import { stat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../config.ts';
import { formatIssue, type ParseIssue } from '../../ingest/index.ts';
import { openStore, type MarsadStore } from '../../store/index.ts';
import { importInputs } from '../../pipeline/import.ts';
import { defaultThreads, IngestPool } from '../../pipeline/pool.ts';
import { AddressGuard } from '../../ingest/fetch/guard.ts';

const SHOWN_ISSUES = 20;

/** Counts the files the inputs expand to (for the progress bar only; errors count as one). */
async function countFiles(args: string[]): Promise<number> {
  let n = 0;
  const walk = async (p: string): Promise<void> => {
    try {
      const s = await stat(p);
      if (!s.isDirectory()) n++;
      else for (const f of await readdir(p)) if (!f.startsWith('.')) await walk(join(p, f));
    } catch {
      n++;
    }
  };
  for (const a of args) {
    if (/^https?:\/\//i.test(a)) n++;
    else await walk(a);
  }
  return n;
}

/** Delivers the alerts' pending webhooks for at most `waitSec` seconds; reports on stderr. */
async function deliverAlerts(store: MarsadStore, guard: AddressGuard, waitSec: number): Promise<void> {
  const before = await store.alerts.pendingCount(new Date().toISOString());
  if (before.pending === 0) return;
  const { AlertDeliverer } = await import('../../alerts/deliver.ts');
  const d = new AlertDeliverer(store.alerts, { guard });
  const t0 = performance.now();
  try {
    const r = await d.drain(waitSec * 1000);
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    process.stderr.write(`alerts: ${r.sent} webhook deliveries sent, ${r.failed} failed attempt(s) in ${secs} s (wait bound ${waitSec} s)` + (r.pending ? `; ${r.pending} still pending, retried by \`marsad serve\` or \`marsad worker\`` : '') + '\n');
  } finally {
    await d.stop();
  }
}

export interface ImportOpts {
  db?: string;
  batch: string;
  allowPrivate?: boolean;
  webhookWait?: string;
  /** Worker threads for enrichment and analysis: a number (0: none) or `auto`. */
  threads?: string;
}

/** `--threads`: `auto` (available parallelism − 1, at least 1) or a whole number ≥ 0. */
function threadCount(v: string | undefined): number {
  if (v === undefined || v === 'auto') return defaultThreads();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--threads: not a whole number ≥ 0 or "auto": ${v}`);
  return n;
}

export async function runImport(inputs: string[], o: ImportOpts): Promise<void> {
  const config = loadConfig({ db: o.db });
  const guard = new AddressGuard({ ...config.fetchGuard, allowPrivate: config.fetchGuard.allowPrivate || o.allowPrivate === true });
  const batchSize = Number(o.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch: not a positive integer: ${o.batch}`);
  const webhookWait = Number(o.webhookWait ?? '30');
  if (!Number.isFinite(webhookWait) || webhookWait < 0) throw new Error(`--webhook-wait: not a number of seconds ≥ 0: ${o.webhookWait}`);
  const threads = threadCount(o.threads);
  const store = await openStore(config.db);
  const started = performance.now();
  const issues: ParseIssue[] = [];
  const tty = process.stderr.isTTY === true;
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: 'import [{bar}] {value}/{total} files | {articles} articles | {eta_formatted}', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(await countFiles(inputs), 0, { articles: 0 });
  const onIssue = (i: ParseIssue): void => {
    issues.push(i);
    if (!bar && issues.length <= SHOWN_ISSUES) process.stderr.write(formatIssue(i) + '\n');
  };
  // Through the pipeline: enrich, store, then group into stories (src/pipeline); past the
  // first articles, enrichment and analysis run in worker threads while this thread writes.
  const pool = new IngestPool(store, { onIssue, threads });
  try {
    const c = await importInputs(store, inputs, {
      batchSize,
      fetch: { guard },
      ingest: (batch) => pool.ingest(batch),
      inFlight: threads + 2,
      onIssue,
      onProgress: (c, doneFile) => {
        if (!bar) return;
        if (doneFile) bar.increment(1, { articles: c.added + c.updated + c.unchanged });
        else bar.update({ articles: c.added + c.updated + c.unchanged });
      },
    });
    bar?.stop();
    if (bar) for (const i of issues.slice(0, SHOWN_ISSUES)) process.stderr.write(formatIssue(i) + '\n');
    if (issues.length > SHOWN_ISSUES) {
      const byCode = new Map<string, number>();
      for (const i of issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
      const summary = [...byCode].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ×${v}`).join(', ');
      process.stderr.write(`… ${issues.length - SHOWN_ISSUES} more issue(s); all by code: ${summary}\n`);
    }
    const secs = (performance.now() - started) / 1000;
    const stored = c.added + c.updated + c.unchanged;
    process.stdout.write(
      `import: ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed` +
        ` (${c.files} file(s), ${stored} article(s) in ${secs.toFixed(1)} s, ${Math.round(stored / Math.max(secs, 1e-3))}/s) → ${config.db}\n`,
    );
    if (stored === 0 && c.failed > 0) process.exitCode = 1;
    await deliverAlerts(store, guard, webhookWait);
  } finally {
    bar?.stop();
    await pool.close();
    await store.close();
  }
}
