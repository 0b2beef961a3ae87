/**
 * The ingest stage's one entry point: bytes in (a file, an archive member, a fetched URL),
 * Articles or Sources out. Archives are expanded, the charset decided, the format detected
 * (unless given), and the adapter for that format run. Bad input is reported as issues.
 */
import type { Format, InputDoc, ParseOptions, ParseResult, Parser } from './types.ts';
import { emptyResult } from './types.ts';
import { expandArchive } from './archive.ts';
import { decode } from './encoding.ts';
import { detectFormat } from './detect.ts';
import { parsePage } from './pages/index.ts';
import { parseJson, parseJsonl } from './json/index.ts';
import { parseFeed } from './feeds/index.ts';
import { parseHtml } from './html/index.ts';
import { parseText } from './text/index.ts';
import { parseOpml } from './opml/index.ts';

export * from './types.ts';

const PARSERS: Record<Format, Parser> = {
  page: parsePage,
  json: parseJson,
  jsonl: parseJsonl,
  feed: parseFeed,
  html: parseHtml,
  text: parseText,
  opml: parseOpml,
};

export interface ParseDocOptions extends ParseOptions {
  /** Skip detection and use this format. */
  format?: Format;
}

/** Sniffs one document's format (after archive expansion). */
export function sniffFormat(doc: InputDoc): Format {
  const probe = decode(doc.bytes.subarray(0, 16 * 1024), doc.contentType);
  return detectFormat(probe.text);
}

/** Parses one document (expanding archives) into Articles and Sources, with issues as values. */
export async function parseDocument(doc: InputDoc, opts: ParseDocOptions = {}): Promise<ParseResult> {
  const out = emptyResult();
  const expanded = expandArchive(doc);
  out.errors.push(...expanded.errors);
  for (const d of expanded.docs) {
    if (d.bytes.byteLength === 0) {
      out.errors.push({ code: 'input.empty', source: d.name, message: 'empty file' });
      continue;
    }
    const format = opts.format ?? sniffFormat(d);
    try {
      const r = await PARSERS[format](d, opts);
      out.articles.push(...r.articles);
      out.sources.push(...r.sources);
      out.errors.push(...r.errors);
    } catch (e) {
      // An adapter must report bad input as issues; an exception here is a bug, but it
      // must not take the rest of the batch down with it.
      out.errors.push({ code: `${format}.failed`, source: d.name, message: (e as Error).message });
    }
  }
  return out;
}
