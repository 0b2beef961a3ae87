/**
 * The import path: inputs (files, directories, URLs) → parseStream → the Store (or the
 * pipeline's `ingest`), in batches of `batchSize` articles, each batch one transaction.
 * It lives in pipeline/ because it parses: the store only stores. Counts what was added, updated,
 * unchanged and failed. Idempotent: a rerun after a crash (even SIGKILL) writes only what
 * the lost batches held, since every batch commits whole or not at all and upserts match
 * stored articles by identity.
 */
import { parseStream, type ParseIssue } from '../ingest/index.ts';
import { streamInputs } from '../ingest/inputs.ts';
import type { FetchOptions } from '../ingest/fetch/index.ts';
import type { Article } from '../model/article.ts';
import type { Store, UpsertResult } from '../store/types.ts';

export interface ImportCounts {
  files: number;
  parsed: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Items and inputs that could not be read or parsed (each reported as an issue). */
  failed: number;
}

export interface ImportOptions {
  batchSize?: number;
  /** Stores one batch (default: `store.upsertArticles`; the CLI passes the pipeline's `ingest`). */
  ingest?: (batch: Article[]) => Promise<UpsertResult[]>;
  /**
   * At most this many batches are handed to `ingest` and not yet stored; the import waits for
   * the oldest when there are as many (default 1: each batch is stored before parsing goes
   * on). More let parsing and a pooled ingest's worker threads run ahead of the writer
   * (src/pipeline/pool.ts); `ingest` must then store batches in the order it was given them,
   * as the pipeline's does. When one fails, the import waits for the others, then throws.
   */
  inFlight?: number;
  onIssue?: (issue: ParseIssue) => void;
  /** Called after every batch and every finished input document. */
  onProgress?: (counts: Readonly<ImportCounts>, doneFile: boolean) => void;
  /** How URL inputs are fetched (the address guard of the configuration). */
  fetch?: FetchOptions;
}

export async function importInputs(store: Store, inputs: string[], opts: ImportOptions = {}): Promise<ImportCounts> {
  const batchSize = opts.batchSize ?? 500;
  const inFlight = Math.max(1, Math.floor(opts.inFlight ?? 1));
  const c: ImportCounts = { files: 0, parsed: 0, added: 0, updated: 0, unchanged: 0, failed: 0 };
  let pending: Article[] = [];
  /** Batches handed over and not yet counted, oldest first. */
  const running: Array<Promise<UpsertResult[]>> = [];
  const settleOldest = async (): Promise<void> => {
    for (const r of await running.shift()!) c[r.status]++;
    opts.onProgress?.(c, false);
  };
  const flush = async (all: boolean): Promise<void> => {
    while (pending.length >= batchSize || (all && pending.length > 0)) {
      const batch = pending.slice(0, batchSize);
      pending = pending.slice(batchSize);
      const p = opts.ingest ? opts.ingest(batch) : store.upsertArticles(batch);
      // A failure is rethrown when its turn to be counted comes; never reported unhandled before.
      p.catch(() => undefined);
      running.push(p);
      while (running.length >= inFlight) await settleOldest();
    }
    if (all) while (running.length) await settleOldest();
  };
  const issue = (i: ParseIssue): void => {
    if (i.severity !== 'warning') c.failed++;
    opts.onIssue?.(i);
  };
  try {
    await parseAll(inputs, opts, issue, (a) => {
      c.parsed++;
      pending.push(a);
      return pending.length >= batchSize ? flush(false) : undefined;
    }, async () => {
      await flush(false);
      c.files++;
      opts.onProgress?.(c, true);
    });
    await flush(true);
  } catch (e) {
    await Promise.allSettled(running);
    throw e;
  }
  return c;
}

/** Streams every input's events: `onArticle` per article (awaited when it returns a promise), `onFile` after each input. */
async function parseAll(
  inputs: string[],
  opts: ImportOptions,
  issue: (i: ParseIssue) => void,
  onArticle: (a: Article) => Promise<void> | undefined,
  onFile: () => Promise<void>,
): Promise<void> {
  for await (const item of streamInputs(inputs, opts.fetch)) {
    if ('error' in item) {
      issue(item.error);
      await onFile();
      continue;
    }
    // Streamed: one Article at a time into the batch, so memory does not grow with the file.
    for await (const e of parseStream(item.input)) {
      if ('issue' in e) issue(e.issue);
      else if ('article' in e) {
        const p = onArticle(e.article);
        if (p) await p;
      }
    }
    await onFile();
  }
}
