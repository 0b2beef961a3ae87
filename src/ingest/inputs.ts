/**
 * Turns command-line arguments (files, directories, URLs) into input documents.
 * Directories are walked (sorted, hidden files skipped); URLs are fetched with the
 * bounded fetcher. A path or URL that cannot be read becomes an issue, not an exception.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputDoc, ParseIssue } from './types.ts';
import { fetchUrl, type FetchOptions } from './fetch/index.ts';

export type InputItem = { doc: InputDoc } | { error: ParseIssue };

async function* walk(path: string): AsyncGenerator<string> {
  const s = await stat(path);
  if (!s.isDirectory()) {
    yield path;
    return;
  }
  const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
  for (const n of names) yield* walk(join(path, n));
}

/** Yields one document per file (directories walked) or URL, or an issue for each failure. */
export async function* readInputs(args: string[], fetchOpts: FetchOptions = {}): AsyncGenerator<InputItem> {
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) {
      const r = await fetchUrl(arg, fetchOpts);
      if (r.ok) yield { doc: { name: arg, bytes: r.bytes, contentType: r.contentType, url: r.url } };
      else yield { error: { code: r.code, source: arg, message: r.message } };
      continue;
    }
    try {
      for await (const file of walk(arg)) {
        try {
          yield { doc: { name: file, bytes: await readFile(file) } };
        } catch (e) {
          yield { error: { code: 'input.unreadable', source: file, message: (e as Error).message } };
        }
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const message = err.code === 'ENOENT' ? 'no such file or directory' : err.message;
      yield { error: { code: 'input.unreadable', source: arg, message } };
    }
  }
}
