/**
 * Every CLI command's name, arguments, options and help, in help order, without its code.
 *
 * Why: people run `marsad search …` in loops, so a command must load only what it uses.
 * This file imports commander and nothing heavy (types only, plus the list of input
 * formats); each action imports its module from ./commands/ when it runs, so
 * `marsad --help` loads no store, web server or HTML parser, and `marsad search` no
 * fastify, pg or linkedom. What each command does and prints is documented at the top
 * of its module in ./commands/. test/cli-lazy.test.ts checks what a command loads.
 */
import { Option, type Command } from 'commander';
import { FORMATS } from '../ingest/types.ts';
import type { ImportOpts } from './commands/import.ts';
import type { ParseOpts } from './commands/parse.ts';
import type { SearchOpts } from './commands/search.ts';
import type { ServeOpts } from './commands/serve.ts';
import type { StoriesOpts } from './commands/stories.ts';
import type { WorkerOpts } from './commands/worker.ts';
import type { ComentionOpts, TimelineOpts } from './commands/timeline.ts';
import type { AddOpts } from './commands/alerts.ts';

const DB = ['--db <path>', 'database (default: $MARSAD_DB, else ./data/marsad.db)'] as const;
const DB_URL = ['--db <url>', 'database (default: $MARSAD_DB, else ./data/marsad.db)'] as const;

function registerSources(program: Command): void {
  const cmd = program.command('sources').description('manage subscribed sources (feeds)');
  const sources = () => import('./commands/sources.ts');
  cmd.command('add').argument('<url>', 'feed URL').option('--title <title>').option(...DB).description('subscribe to a feed')
    .action(async (url: string, o: { title?: string; db?: string }) => (await sources()).addSource(url, o));
  cmd.command('import').argument('<file>', 'an OPML file').option(...DB).description('subscribe to every feed of an OPML file')
    .action(async (file: string, o: { db?: string }) => (await sources()).importSources(file, o));
  cmd.command('export').option(...DB).description('print the subscriptions as OPML')
    .action(async (o: { db?: string }) => (await sources()).exportSources(o));
  cmd.command('list').option(...DB).option('--json').description('list subscriptions with their polling state')
    .action(async (o: { db?: string; json?: boolean }) => (await sources()).listSources(o));
  cmd.command('remove').argument('<id>').option(...DB).description('unsubscribe')
    .action(async (id: string, o: { db?: string }) => (await sources()).removeSource(id, o));
}

function registerAlerts(program: Command): void {
  const cmd = program.command('alerts').description('saved searches that notify: a webhook (Standard Webhooks) and an Atom feed per alert');
  const alerts = () => import('./commands/alerts.ts');
  cmd.command('add').requiredOption('--name <name>', 'what to call it').requiredOption('--query <q>', 'a search query (phrases "…", -exclusion, OR)')
    .option('--webhook <url>', 'POST each matched story here, signed').option('--secret <whsec>', 'signing secret whsec_<base64> (default: generated)')
    .option('--outlet <name>', 'only this outlet').option('--entity <entity>', 'only articles mentioning this entity (id or name)').option('--keyword <kw>', 'only articles with this keyword')
    .option(...DB).description('save an alert; prints it as JSON (with its secret)')
    .action(async (o: AddOpts) => (await alerts()).addAlert(o));
  cmd.command('list').option(...DB).option('--json').description('list alerts (secrets masked), with paused webhooks and why')
    .action(async (o: { db?: string; json?: boolean }) => (await alerts()).listAlerts(o));
  cmd.command('remove').argument('<id>').option(...DB).description('remove an alert with its outbox and delivery log')
    .action(async (id: string, o: { db?: string }) => (await alerts()).removeAlert(id, o));
  cmd.command('test').argument('<id>').option(...DB).description("send a sample delivery to the alert's webhook")
    .action(async (id: string, o: { db?: string }) => (await alerts()).testAlert(id, o));
}

function registerUsers(program: Command): void {
  const cmd = program.command('users').description('accounts: readers and admins of the web site (passwords hashed with argon2id)');
  const users = () => import('./commands/users.ts');
  cmd.command('add').argument('<name>').option('--admin', 'with the admin role (else a reader)').option('--password-stdin', 'read the password from standard input').option(...DB)
    .description('create a user; prints it as JSON').action(async (name: string, o: { db?: string; admin?: boolean; passwordStdin?: boolean }) => (await users()).addUser(name, o));
  cmd.command('list').option(...DB).option('--json').description('list users with their roles')
    .action(async (o: { db?: string; json?: boolean }) => (await users()).listUsers(o));
  cmd.command('remove').argument('<name>').option(...DB).description('remove a user with their sessions, keys, follows, read marks and stars')
    .action(async (name: string, o: { db?: string }) => (await users()).removeUser(name, o));
  cmd.command('passwd').argument('<name>').option('--password-stdin', 'read the password from standard input').option(...DB).description("set a user's password (ends their sessions)")
    .action(async (name: string, o: { db?: string; passwordStdin?: boolean }) => (await users()).setPassword(name, o));
}

/** Declares every command on the program. */
export function registerCommands(program: Command): void {
  program
    .command('parse')
    .description('parse files or URLs (pages, JSON/JSONL, feeds, HTML, text dumps, OPML, zip/gzip) and print what they hold')
    .argument('<inputs...>', 'files, directories or http(s) URLs')
    .addOption(new Option('-f, --format <format>', 'skip detection').choices([...FORMATS]))
    .option('--json', 'print one JSON array (the default output)')
    .option('--now <iso>', 'reference time for relative dates such as أمس')
    .option('--allow-private', 'let URLs reach private and loopback addresses (else: $MARSAD_ALLOW_PRIVATE_HOSTS, $MARSAD_ALLOW_HOSTS)')
    .action(async (inputs: string[], o: ParseOpts) => (await import('./commands/parse.ts')).runParse(inputs, o));

  program
    .command('import')
    .description('import files, directories or URLs into the database (idempotent: a rerun adds nothing)')
    .argument('<inputs...>', 'files, directories or http(s) URLs')
    .option(...DB)
    .option('--batch <n>', 'articles per transaction', '500')
    .option('--allow-private', 'let URLs reach private and loopback addresses (else: $MARSAD_ALLOW_PRIVATE_HOSTS, $MARSAD_ALLOW_HOSTS)')
    .option('--webhook-wait <seconds>', 'how long to wait for the alerts\' webhook deliveries before exiting', '30')
    .option('--threads <n>', 'worker threads for entities, keywords and analysis (0: none; used past the first 2,000 articles)', 'auto')
    .action(async (inputs: string[], o: ImportOpts) => (await import('./commands/import.ts')).runImport(inputs, o));

  program
    .command('search')
    .description('search the database (phrases "…", -exclusion, OR)')
    .argument('[query]', 'the query; omit with --stdin')
    .option(...DB)
    .option('--limit <n>', 'results per query (1–100)', '10')
    .option('--offset <n>', 'skip this many results', '0')
    .option('--json', 'one JSON line per query')
    .option('--csv', 'print CSV (UTF-8 with BOM; with --stdin one table, a query column first)')
    .option('--stdin', 'read one query per line from standard input')
    .option('--outlet <name>', 'only this outlet')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option('--tag <tag>', 'only articles with this tag')
    .option('--recent', 'favour recent articles')
    .action(async (query: string | undefined, o: SearchOpts) => (await import('./commands/search.ts')).runSearch(query, o));

  program
    .command('serve')
    .description('serve the reader, the Atom feeds and the JSON API; poll subscribed sources')
    .option(...DB)
    .option('--port <n>', 'port (default: $PORT, else 8080)')
    .option('--host <h>', 'interface to listen on (default 127.0.0.1)')
    .option('--no-sample', 'do not import the bundled sample into an empty database')
    .option('--no-poll', 'do not poll subscribed sources')
    .option('--poll-interval <seconds>', 'scheduler tick', '30')
    .action(async (o: ServeOpts) => (await import('./commands/serve.ts')).runServe(o));

  registerSources(program);
  registerAlerts(program);
  registerUsers(program);

  program
    .command('article')
    .description('show one stored article with its entities, keywords, story and duplicate')
    .argument('<id>', 'article id (16 hex digits) or its URL')
    .option(...DB)
    .option('--json', 'print the article as JSON')
    .action(async (id: string, o: { db?: string; json?: boolean }) => (await import('./commands/article.ts')).runArticle(id, o));

  program
    .command('stories')
    .description('list stories (articles about one event across outlets), newest first')
    .option(...DB)
    .option('--since <date>', 'first seen on or after (YYYY-MM-DD or ISO time)')
    .option('--until <date>', 'first seen on or before')
    .option('--outlet <name>', 'only stories this outlet covered')
    .option('--limit <n>', 'at most this many stories')
    .option('--json', 'print one JSON array')
    .action(async (o: StoriesOpts) => (await import('./commands/stories.ts')).runStories(o));

  program
    .command('related')
    .description('related articles of a stored article (اقرأ أيضاً)')
    .argument('<id>', 'article id')
    .option(...DB)
    .option('--limit <n>', 'at most this many (1–20)', '5')
    .option('--json', 'print one JSON array')
    .action(async (id: string, o: { db?: string; limit: string; json?: boolean }) => (await import('./commands/related.ts')).runRelated(id, o));

  program
    .command('entity')
    .description('an entity (country, city, organization, agency, person) and its articles, newest first')
    .argument('<entity>', 'entity id (country:IR) or name')
    .option(...DB)
    .option('--limit <n>', 'articles to list (1–1000)', '50')
    .option('--json', 'print one JSON object')
    .action(async (name: string, o: { db?: string; limit: string; json?: boolean }) => (await import('./commands/entity.ts')).runEntity(name, o));

  program
    .command('timeline')
    .description('mentions of one or more entities over time (stories by default: wire copies count once), with the stories mentioning all of them')
    .argument('<entities...>', 'entity ids (country:IR) or names')
    .option(...DB)
    .addOption(new Option('--by <bucket>', 'bucket: UTC day, ISO week (from Monday) or month').choices(['day', 'week', 'month']).default('day'))
    .addOption(new Option('--unit <unit>', 'count stories or articles').choices(['story', 'article']).default('story'))
    .option('--since <date>', 'from this day (YYYY-MM-DD, inclusive)')
    .option('--until <date>', 'to this day (YYYY-MM-DD, inclusive)')
    .option('--json', 'print one JSON object')
    .option('--csv', 'print CSV (UTF-8 with BOM)')
    .action(async (names: string[], o: TimelineOpts) => (await import('./commands/timeline.ts')).runTimeline(names, o));

  program
    .command('comention')
    .description('one entity: the entities most often in the same stories (with lift); two entities: the stories mentioning both, newest first')
    .argument('<entities...>', 'one or two entity ids or names')
    .option(...DB)
    .option('--limit <n>', 'at most this many rows (1–1000)', '20')
    .option('--json', 'print one JSON object')
    .option('--csv', 'print CSV (UTF-8 with BOM)')
    .action(async (names: string[], o: ComentionOpts) => (await import('./commands/timeline.ts')).runComention(names, o));

  program
    .command('worker')
    .description('run queued jobs (poll sources, fetch pages, process articles) from PostgreSQL')
    .option('--db <url>', 'postgres:// database (default: $MARSAD_DB)')
    .option('--concurrency <n>', 'jobs of each kind at a time', '4')
    .option('--grace-ms <ms>', 'on SIGTERM, how long in-flight jobs may finish', '30000')
    .option('--no-scheduler', 'do not enqueue due sources (another process does)')
    .option('--tick-sec <s>', 'scheduler tick', '30')
    .option('--poll-sec <s>', 'how often an idle worker asks for jobs', '1')
    .option('--maintenance-sec <s>', 'how often expired jobs are released for retry', '30')
    .option('--min-delay-ms <ms>', 'pause between two requests to one host, across workers', '1000')
    .option('--job-timeout-sec <s>', "cap every job timeout (a killed worker's jobs are retried after it)")
    .action(async (o: WorkerOpts) => (await import('./commands/worker.ts')).runWorker(o));

  program
    .command('migrate')
    .description('apply database migrations (PostgreSQL schema and pg-boss, or a SQLite file)')
    .option(...DB_URL)
    .action(async (o: { db?: string }) => (await import('./commands/migrate.ts')).runMigrate(o));
}
