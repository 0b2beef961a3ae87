/**
 * One ingest worker of the scale benchmark, run as its own process by bench/scale/index.ts:
 * reads its share of a JSON-lines article file (lines `from` to `to`), and stores it in
 * batches into the given database (a SQLite file or a postgres:// URL), either store-only
 * (analyze and index: `upsertArticles`) or through the whole pipeline (enrich, store,
 * group: `ingest`). Prints one JSON line: {articles, ms, busy} (busy: SQLite batches retried
 * because another process held the write lock).
 *
 * Usage: node --import tsx bench/scale/ingest-worker.ts <db> <file.jsonl> <from> <to> <store|pipeline> [batch]
 */
import { readFileSync } from 'node:fs';
import type { Article } from '../../src/model/article.ts';
import { ingest } from '../../src/pipeline/index.ts';
import { openStore } from '../../src/store/index.ts';

const [db, file, fromS, toS, mode, batchS] = process.argv.slice(2);
if (!db || !file || !fromS || !toS || (mode !== 'store' && mode !== 'pipeline')) {
  process.stderr.write('usage: ingest-worker.ts <db> <file.jsonl> <from> <to> <store|pipeline> [batch]\n');
  process.exit(2);
}
const lines = readFileSync(file, 'utf8').split('\n').slice(Number(fromS), Number(toS)).filter(Boolean);
const articles = lines.map((l) => JSON.parse(l) as Article);
const batch = Number(batchS) || 500;
const store = await openStore(db);
const t0 = performance.now();
let busy = 0;
for (let i = 0; i < articles.length; i += batch) {
  const part = articles.slice(i, i + batch);
  for (;;) {
    try {
      if (mode === 'store') await store.upsertArticles(part);
      else await ingest(store, part);
      break;
    } catch (e) {
      // SQLite has one writer: a second process's write transaction can fail with
      // SQLITE_BUSY (a read lock cannot be upgraded); wait and retry the batch.
      if (!String((e as { code?: string }).code).startsWith('SQLITE_BUSY') || ++busy > 10_000) throw e;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
    }
  }
}
const ms = performance.now() - t0;
await store.close();
process.stdout.write(JSON.stringify({ articles: articles.length, ms, busy }) + '\n');
