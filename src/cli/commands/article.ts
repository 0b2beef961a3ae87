/**
 * `marsad article <id|url> [--db PATH] [--json]`: one stored article with what the later
 * stages computed: `entities` ([{id, name, type, mentions}]), `keywords`, `storyId`,
 * `duplicateOf`. JSON is the Article as the API returns it; without --json a short
 * human summary. Unknown id: a message on stderr and exit code 1.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openStore } from '../../store/index.ts';

export function registerArticle(program: Command): void {
  program
    .command('article')
    .description('show one stored article with its entities, keywords, story and duplicate')
    .argument('<id>', 'article id (16 hex digits) or its URL')
    .option('--db <path>', 'database (default: $MARSAD_DB, else ./data/marsad.db)')
    .option('--json', 'print the article as JSON')
    .action(async (id: string, o: { db?: string; json?: boolean }) => {
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
    });
}
