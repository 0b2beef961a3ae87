/**
 * `marsad`: one entry point for every role (parse, import, search, serve, worker …).
 * The commands are declared in ./registry.ts; each loads its module from ./commands/
 * only when it runs, so help and light commands start fast.
 */
import { Command } from 'commander';
import { registerCommands } from './registry.ts';

const program = new Command()
  .name('marsad')
  .description('Marsad (مرصد): an Arabic-first news aggregator and media monitor')
  .showHelpAfterError()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

registerCommands(program);

// `marsad … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.stderr.write(`marsad: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
