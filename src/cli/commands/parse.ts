/**
 * `marsad parse <file|url…> [--format F] [--json]`: prints the Articles (or Sources, for
 * OPML) found, as one JSON array. Articles are written as they are parsed (streamed: a
 * corpus larger than memory prints in bounded memory). Issues go to stderr, one line each;
 * the exit code is non-zero only when nothing parsed. URLs go through the address guard.
 */
import { formatIssue, parseStream, type Format } from '../../ingest/index.ts';
import { streamInputs } from '../../ingest/inputs.ts';
import type { Source } from '../../ingest/types.ts';
import { loadConfig } from '../../config.ts';
import { AddressGuard } from '../../ingest/fetch/guard.ts';

export interface ParseOpts {
  format?: Format;
  now?: string;
  allowPrivate?: boolean;
}

/** One array element as `JSON.stringify(array, null, 2)` would print it. */
const element = (v: unknown) => '  ' + JSON.stringify(v, null, 2).replace(/\n/g, '\n  ');

/** Writes `s`, waiting for the pipe to drain when it is full (bounded memory on a slow reader). */
async function out(s: string): Promise<void> {
  if (!process.stdout.write(s)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

export async function runParse(inputs: string[], o: ParseOpts): Promise<void> {
  const { fetchGuard } = loadConfig();
  const guard = new AddressGuard({ ...fetchGuard, allowPrivate: fetchGuard.allowPrivate || o.allowPrivate === true });
  const now = o.now ? new Date(o.now) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error(`--now: not a date: ${o.now}`);
  let articles = 0;
  const sources: Source[] = [];
  let errors = 0;
  for await (const item of streamInputs(inputs, { guard })) {
    if ('error' in item) {
      errors++;
      process.stderr.write(formatIssue(item.error) + '\n');
      continue;
    }
    for await (const e of parseStream(item.input, { format: o.format, now })) {
      if ('article' in e) await out((articles++ === 0 ? '[\n' : ',\n') + element(e.article));
      else if ('source' in e) sources.push(e.source);
      else {
        process.stderr.write(formatIssue(e.issue) + '\n');
        errors++;
      }
    }
  }
  if (articles > 0) await out('\n]\n');
  else await out(JSON.stringify(sources, null, 2) + '\n');
  if (articles === 0 && sources.length === 0) process.exitCode = 1;
  else if (errors > 0) process.stderr.write(`parse: ${errors} issue(s); ${articles + sources.length} item(s) parsed\n`);
}
