/**
 * Turns command-line arguments (files, directories, URLs) into inputs for the streaming
 * parser (stream.ts). Directories are walked (sorted, hidden files skipped); a file is read
 * from disk in 64 KiB chunks as it is parsed, never whole; URLs are fetched with the
 * bounded fetcher (capped bodies). A path or URL that cannot be read becomes an issue, not
 * an exception; so does a read error in the middle of a file (stream.ts).
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputDoc, ParseIssue } from './types.ts';
import type { StreamInput } from './stream.ts';
import type { FetchOptions } from './fetch/index.ts';

export type StreamItem = { input: StreamInput } | { error: ParseIssue };
/** A whole document in memory (for small inputs: tests, benches, one-off parses). */
export type InputItem = { doc: InputDoc } | { error: ParseIssue };

const CHUNK = 64 * 1024;

async function* walk(path: string): AsyncGenerator<string> {
  const s = await stat(path);
  if (!s.isDirectory()) {
    yield path;
    return;
  }
  const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
  for (const n of names) yield* walk(join(path, n));
}

/** A file as a stream of chunks (opened when first read). */
export function fileInput(path: string): StreamInput {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield* createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Uint8Array>;
  }
  return { name: path, chunks: chunks() };
}

/** Yields one streamed input per file (directories walked) or URL, or an issue for each failure. */
export async function* streamInputs(args: string[], fetchOpts: FetchOptions = {}): AsyncGenerator<StreamItem> {
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) {
      // The fetcher (undici) is loaded only when a URL is given.
      const { fetchUrl } = await import('./fetch/index.ts');
      const r = await fetchUrl(arg, fetchOpts);
      if (r.ok) yield { input: { name: arg, chunks: [r.bytes], contentType: r.contentType, url: r.url } };
      else yield { error: { code: r.code, source: arg, message: r.message } };
      continue;
    }
    try {
      for await (const file of walk(arg)) yield { input: fileInput(file) };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const message = err.code === 'ENOENT' ? 'no such file or directory' : err.message;
      yield { error: { code: 'input.unreadable', source: arg, message } };
    }
  }
}

/** Like `streamInputs`, but each file read whole into memory (small inputs only). */
export async function* readInputs(args: string[], fetchOpts: FetchOptions = {}): AsyncGenerator<InputItem> {
  for await (const item of streamInputs(args, fetchOpts)) {
    if ('error' in item) {
      yield item;
      continue;
    }
    const { input } = item;
    try {
      const bytes = Array.isArray(input.chunks) ? (input.chunks[0] as Uint8Array) : await readFile(input.name);
      yield { doc: { name: input.name, bytes, contentType: input.contentType, url: input.url } };
    } catch (e) {
      yield { error: { code: 'input.unreadable', source: input.name, message: (e as Error).message } };
    }
  }
}
