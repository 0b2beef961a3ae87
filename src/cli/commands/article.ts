/**
 * `marsad article <id|url> [--db PATH] [--json]`: one stored article with what the later
 * stages computed: `entities` ([{id, name, type, mentions}]), `keywords`, `storyId`,
 * `duplicateOf`. JSON is the Article as the API returns it; without --json a short
 * human summary. Unknown id: a message on stderr and exit code 1.
 */
import { loadConfig } from '../../config.ts';
import { openStore } from '../../store/index.ts';

export async function runArticle(id: string, o: { db?: string; json?: boolean }): Promise<void> {
  const store = await openStore(loadConfig({ db: o.db }).db, { mustExist: true });
  try {
    const a = /^https?:\/\//i.test(id) ? await store.getArticleByUrl(id) : await store.getArticle(id.trim());
    if (!a) {
      process.stderr.write(`article: no article ${id}\n`);
      process.exitCode = 1;
      return;
    }
    if (o.json) {
      process.stdout.write(JSON.stringify(a, null, 2) + '\n');
      return;
    }
    const lines = [
      a.title,
      [a.outlet, a.publishedAt, a.url].filter(Boolean).join(' · '),
      `story: ${a.storyId ?? '—'}${a.duplicateOf ? ` · copy of ${a.duplicateOf}` : ''}`,
      `entities: ${(a.entities ?? []).map((e) => `${e.name} (${e.type}, ${e.mentions})`).join('، ') || '—'}`,
      `keywords: ${(a.keywords ?? []).join('، ') || '—'}`,
      '',
      a.text,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await store.close();
  }
}
