/**
 * The SaudiNewsNet day kept in test/testdata (2015-07-22, its original zip; source and
 * licence in README.md) as the parser reads it: the articles many tests ingest.
 */
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../src/ingest/index.ts';
import { readInputs } from '../src/ingest/inputs.ts';
import type { Article } from '../src/model/article.ts';
import { copyStore } from './store-cache.ts';

export const DAY = fileURLToPath(new URL('./testdata/saudinewsnet/2015-07-22.zip', import.meta.url));

/** The day's articles in file order, each id once (the day repeats some records). */
export async function dayArticles(): Promise<Article[]> {
  const out: Article[] = [];
  for await (const item of readInputs([DAY])) if ('doc' in item) out.push(...(await parseDocument(item.doc)).articles);
  const seen = new Set<string>();
  return out.filter((a) => !seen.has(a.id) && seen.add(a.id));
}

/**
 * A SQLite file at `path` holding the day as the serial pipeline stores it in batches of 200
 * (built once per test run and copied: store-cache.ts).
 */
export async function copyDayStore(path: string): Promise<void> {
  await copyStore('day-200.db', async (p) => {
    // (Imported here: most files that read the day never store it.)
    const { ingest } = await import('../src/pipeline/index.ts');
    const { openStore } = await import('../src/store/index.ts');
    const articles = await dayArticles();
    const store = await openStore(p);
    try {
      for (let i = 0; i < articles.length; i += 200) await ingest(store, articles.slice(i, i + 200));
    } finally {
      await store.close();
    }
  }, path);
}
