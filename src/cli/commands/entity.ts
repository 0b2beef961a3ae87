/**
 * `marsad entity <id|name> [--limit N] [--db PATH] [--json]`: an entity (by id such as
 * `country:IR`, or by name in any spelling the analyzer folds: `ايران`, `الإيرانية`) with
 * its mentions per day and its articles, newest first. --json prints
 * `{id, name, type, articleCount, daily: [{day, count}], articles: [{id, url, title,
 * outlet, publishedAt, mentions}]}`. Unknown entity: exit code 1.
 */
import { loadConfig } from '../../config.ts';
import { openStore } from '../../store/index.ts';
import { findEntity } from '../../pipeline/entity.ts';

export async function runEntity(name: string, o: { db?: string; limit: string; json?: boolean }): Promise<void> {
  const limit = Number(o.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error(`--limit: not an integer from 1 to 1000: ${o.limit}`);
  const store = await openStore(loadConfig({ db: o.db }).db, { mustExist: true });
  try {
    const e = await findEntity(store, name);
    if (!e) {
      process.stderr.write(`entity: no entity ${name}\n`);
      process.exitCode = 1;
      return;
    }
    const [daily, articles] = await Promise.all([store.entityDaily(e.id), store.listArticles({ entityId: e.id, limit })]);
    const rows = articles.map((a) => ({
      id: a.id,
      url: a.url,
      title: a.title,
      outlet: a.outlet,
      publishedAt: a.publishedAt,
      mentions: a.entities?.find((x) => x.id === e.id)?.mentions ?? null,
    }));
    if (o.json) {
      process.stdout.write(JSON.stringify({ ...e, daily, articles: rows }, null, 2) + '\n');
      return;
    }
    process.stdout.write(`${e.name} (${e.type}, ${e.id}): ${e.articleCount} article(s)\n`);
    for (const d of daily) process.stdout.write(`   ${d.day}  ${d.count}\n`);
    for (const r of rows) process.stdout.write(`${(r.publishedAt ?? '').slice(0, 16).replace('T', ' ')}  ${r.title} · ${r.outlet ?? '—'}\n`);
  } finally {
    await store.close();
  }
}
