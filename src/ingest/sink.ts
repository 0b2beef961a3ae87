/**
 * The push interface of the streaming ingest path: bytes are written into a chain of
 * sinks (archive readers → format router → JSON streamer or document buffer), each
 * synchronous, and what comes out is emitted as events into a queue that the async driver
 * (stream.ts) drains between writes. Synchronous on purpose: fflate's readers and
 * stream-json's tokenizer are push-based, and a chain without awaits inside cannot
 * interleave two documents. Memory stays bounded because the driver writes small pieces
 * and drains the queue after each.
 */
import type { Article } from '../model/article.ts';
import type { Format, InputDoc, ParseIssue, Source } from './types.ts';

export interface Sink {
  write(chunk: Uint8Array): void;
  /** The input is complete. */
  end(): void;
  /** The input is abandoned (a corrupt archive, a cap): no more output for it. */
  abort(): void;
  /** True once the sink wants no more bytes (over a cap, a fatal error): writers may stop. */
  readonly done: boolean;
}

/** What sinks emit: a finished Article (streamed formats), an issue, or a whole document to parse. */
export type Emitted =
  | { kind: 'article'; article: Article; source: string }
  | { kind: 'source'; source: Source }
  | { kind: 'issue'; issue: ParseIssue }
  | { kind: 'doc'; doc: InputDoc; format: Format };

export type Emit = (e: Emitted) => void;

/** Concatenates chunks into one array (no copy for one chunk). */
export function concat(chunks: Uint8Array[], total?: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const n = total ?? chunks.reduce((s, c) => s + c.byteLength, 0);
  const out = new Uint8Array(n);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}

/** A sink that ignores everything (a skipped member). */
export const NULL_SINK: Sink = { write() {}, end() {}, abort() {}, done: true };
