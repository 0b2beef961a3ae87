/**
 * `marsad related <id> [--limit N] [--db PATH] [--json]`: the article's related articles
 * (the page's «اقرأ أيضاً»): up to N (default 5) sharing its entities and vocabulary,
 * never copies or coverage of its own story, recent ones first among equals. --json
 * prints `[{id, url, title, outlet, publishedAt, storyId}]`. Unknown id: exit code 1.
 */
import { loadConfig } from '../../config.ts';
import { openStore } from '../../store/index.ts';

export async function runRelated(id: string, o: { db?: string; limit: string; json?: boolean }): Promise<void> {
  const limit = Number(o.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 20) throw new Error(`--limit: not an integer from 1 to 20: ${o.limit}`);
  const store = await openStore(loadConfig({ db: o.db }).db, { mustExist: true });
  try {
    if (!(await store.getArticle(id))) {
      process.stderr.write(`related: no article ${id}\n`);
      process.exitCode = 1;
      return;
    }
    const rel = await store.relatedArticles(id, limit);
    const rows = rel.map((a) => ({ id: a.id, url: a.url, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt, storyId: a.storyId ?? null }));
    if (o.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else for (const r of rows) process.stdout.write(`${r.id}  ${r.title}\n   ${[r.outlet, r.publishedAt].filter(Boolean).join(' · ')}\n`);
  } finally {
    await store.close();
  }
}
