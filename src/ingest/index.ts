/**
 * The ingest stage's entry points: bytes in (a file, an archive member, a fetched URL),
 * Articles or Sources out. Archives are expanded, the charset decided, the format detected
 * (unless given), the adapter for that format run, and every Article cleaned to the
 * Article contract (normalize.ts). Bad input is reported as issues.
 *
 * `parseStream` (stream.ts) yields one event at a time in bounded memory (imports of large
 * files); `parseDocument` collects the same events for a document already in memory.
 */
import type { InputDoc, ParseResult } from './types.ts';
import { emptyResult } from './types.ts';
import { decode } from './encoding.ts';
import { detectFormat } from './detect.ts';
import { DEFAULT_MAX_EXPANDED, parseStream, type StreamOptions } from './stream.ts';

export * from './types.ts';
export { parseStream, type ParseEvent, type StreamInput, type StreamOptions } from './stream.ts';

export type ParseDocOptions = StreamOptions;

/** Sniffs one document's format (after archive expansion). */
export function sniffFormat(doc: InputDoc): ReturnType<typeof detectFormat> {
  return detectFormat(decode(doc.bytes.subarray(0, 16 * 1024), doc.contentType).text);
}

/** Parses one document held in memory (expanding archives) into Articles and Sources, with issues as values. */
export async function parseDocument(doc: InputDoc, opts: ParseDocOptions = {}): Promise<ParseResult> {
  const out = emptyResult();
  const input = { name: doc.name, chunks: [doc.bytes], contentType: doc.contentType, url: doc.url };
  for await (const e of parseStream(input, { maxExpanded: DEFAULT_MAX_EXPANDED, ...opts })) {
    if ('article' in e) out.articles.push(e.article);
    else if ('source' in e) out.sources.push(e.source);
    else out.errors.push(e.issue);
  }
  return out;
}
