/**
 * `marsad parse <file|url…> [--format F] [--json]`: prints the Articles (or Sources, for
 * OPML) found, as one JSON array. Issues go to stderr, one line each; the exit code is
 * non-zero only when nothing parsed.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { FORMATS, formatIssue, parseDocument, type Format } from '../../ingest/index.ts';
import { readInputs } from '../../ingest/inputs.ts';
import type { Article } from '../../model/article.ts';
import type { Source } from '../../ingest/types.ts';
import { loadConfig } from '../../config.ts';
import { AddressGuard } from '../../ingest/fetch/guard.ts';

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('parse files or URLs (pages, JSON/JSONL, feeds, HTML, text dumps, OPML, zip/gzip) and print what they hold')
    .argument('<inputs...>', 'files, directories or http(s) URLs')
    .addOption(new Option('-f, --format <format>', 'skip detection').choices([...FORMATS]))
    .option('--json', 'print one JSON array (the default output)')
    .option('--now <iso>', 'reference time for relative dates such as أمس')
    .option('--allow-private', 'let URLs reach private and loopback addresses (else: $MARSAD_ALLOW_PRIVATE_HOSTS, $MARSAD_ALLOW_HOSTS)')
    .action(async (inputs: string[], o: { format?: Format; now?: string; allowPrivate?: boolean }) => {
      const { fetchGuard } = loadConfig();
      const guard = new AddressGuard({ ...fetchGuard, allowPrivate: fetchGuard.allowPrivate || o.allowPrivate === true });
      const now = o.now ? new Date(o.now) : undefined;
      if (now && Number.isNaN(now.getTime())) throw new Error(`--now: not a date: ${o.now}`);
      const articles: Article[] = [];
      const sources: Source[] = [];
      let errors = 0;
      for await (const item of readInputs(inputs, { guard })) {
        if ('error' in item) {
          errors++;
          process.stderr.write(formatIssue(item.error) + '\n');
          continue;
        }
        const r = await parseDocument(item.doc, { format: o.format, now });
        articles.push(...r.articles);
        sources.push(...r.sources);
        for (const e of r.errors) process.stderr.write(formatIssue(e) + '\n');
        errors += r.errors.length;
      }
      const out = articles.length > 0 || sources.length === 0 ? articles : sources;
      process.stdout.write(JSON.stringify(out.length ? out : [], null, 2) + '\n');
      if (articles.length === 0 && sources.length === 0) process.exitCode = 1;
      else if (errors > 0) process.stderr.write(`parse: ${errors} issue(s); ${articles.length + sources.length} item(s) parsed\n`);
    });
}
