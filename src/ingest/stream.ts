/**
 * The streaming ingest path: an input (a file read in chunks, or bytes in memory) in,
 * events out — one Article, Source or issue at a time — in memory bounded whatever the
 * input's size. `parseDocument` (index.ts) is this path collected into one result.
 *
 * How: the driver writes the input in 16 KiB pieces into a DocSink (archive.ts: archives
 * expanded as streams), whose documents go to a router that reads their first 16 KiB to
 * detect the format. JSON and JSONL go to the streaming JSON sinks (json/stream.ts); every
 * other format (feeds, HTML, pages, text dumps, OPML) is read whole by its adapter, so it is
 * buffered up to a cap per format and refused past it (`<format>.too_large`). After each
 * piece the driver drains what the sinks emitted: whole documents are parsed (awaiting the
 * adapter), and every Article is cleaned (normalize.ts) before it is yielded.
 */
import type { Article } from '../model/article.ts';
import { DEFAULT_MAX_EXPANDED, DocSink, STREAM_MAX_EXPANDED, mib, type DocContext } from './archive.ts';
import { decode } from './encoding.ts';
import { detectFormat } from './detect.ts';
import { JsonlStreamSink, JsonStreamSink, WHOLE_MAX } from './json/stream.ts';
import { describe, normalizeArticle, normalizeArticles, type ArticleNote } from './normalize.ts';
import { PARSERS } from './parsers.ts';
import { concat, type Emit, type Emitted, type Sink } from './sink.ts';
import type { Format, InputDoc, ParseIssue, ParseOptions, Source } from './types.ts';

export { DEFAULT_MAX_EXPANDED };

/** An input to stream: its name (used in every issue) and its bytes, in chunks. */
export interface StreamInput {
  name: string;
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** The HTTP Content-Type when fetched. */
  contentType?: string | null;
  /** The final URL when fetched: base for relative links. */
  url?: string | null;
}

export interface StreamOptions extends ParseOptions {
  /** Skip detection and use this format. */
  format?: Format;
  /** Cap on the bytes expanded from archives in one input (default 16 GiB when streamed). */
  maxExpanded?: number;
  /** JSON/JSONL documents larger than this are streamed, smaller ones parsed whole (default 16 MiB). */
  wholeMax?: number;
}

export type ParseEvent = { article: Article } | { source: Source } | { issue: ParseIssue };

/** Bytes the format is detected on. */
const SNIFF = 16 * 1024;
/** Bytes written into the sinks at once: bounds what one write can inflate and emit. */
const PIECE = 16 * 1024;

/** The most a document read whole may hold, per format (JSON and JSONL are streamed instead). */
export const MAX_WHOLE: Readonly<Record<Format, number>> = Object.freeze({
  feed: 32 * 1024 * 1024,
  opml: 32 * 1024 * 1024,
  html: 16 * 1024 * 1024,
  page: 8 * 1024 * 1024,
  text: 8 * 1024 * 1024,
  json: WHOLE_MAX,
  jsonl: WHOLE_MAX,
});

/** Holds a document whole for its adapter, up to its format's cap. */
class WholeSink implements Sink {
  private chunks: Uint8Array[] = [];
  private size = 0;
  done = false;
  constructor(
    private readonly meta: Omit<InputDoc, 'bytes'>,
    private readonly format: Format,
    private readonly emit: Emit,
  ) {}
  write(c: Uint8Array): void {
    if (this.done) return;
    this.size += c.byteLength;
    if (this.size <= MAX_WHOLE[this.format]) return void this.chunks.push(c);
    this.abort();
    const message = `over ${mib(MAX_WHOLE[this.format])}: a ${this.format} document is read whole, and one this large is refused`;
    this.emit({ kind: 'issue', issue: { code: `${this.format}.too_large`, source: this.meta.name, message } });
  }
  end(): void {
    if (this.done) return;
    this.done = true;
    this.emit({ kind: 'doc', doc: { ...this.meta, bytes: concat(this.chunks, this.size) }, format: this.format });
    this.chunks = [];
  }
  abort(): void {
    this.done = true;
    this.chunks = [];
  }
}

/** Reads a document's first bytes, detects its format, and hands it to the sink for that format. */
class RouterSink implements Sink {
  private head: Uint8Array[] = [];
  private headLen = 0;
  private inner: Sink | null = null;
  constructor(
    private readonly meta: Omit<InputDoc, 'bytes'>,
    private readonly emit: Emit,
    private readonly opts: StreamOptions,
  ) {}
  get done(): boolean {
    return this.inner?.done ?? false;
  }
  private route(): void {
    const head = concat(this.head, this.headLen);
    const format = this.opts.format ?? detectFormat(decode(head.subarray(0, SNIFF), this.meta.contentType).text);
    const wholeMax = this.opts.wholeMax ?? WHOLE_MAX;
    this.inner =
      format === 'json'
        ? new JsonStreamSink(this.meta, this.emit, this.opts, wholeMax)
        : format === 'jsonl'
          ? new JsonlStreamSink(this.meta, this.emit, this.opts, wholeMax)
          : new WholeSink(this.meta, format, this.emit);
    this.inner.write(head);
    this.head = [];
  }
  write(c: Uint8Array): void {
    if (this.inner) return this.inner.write(c);
    this.head.push(c);
    this.headLen += c.byteLength;
    if (this.headLen >= SNIFF) this.route();
  }
  end(): void {
    if (!this.inner) this.route();
    this.inner!.end();
  }
  abort(): void {
    this.head = [];
    this.inner?.abort();
  }
}

function noteIssue(n: ArticleNote, about: Article, source: string): ParseIssue {
  const issue: ParseIssue = { code: n.code, source, message: `${describe(about)}: ${n.message}` };
  if (n.code !== 'article.empty') issue.severity = 'warning';
  return issue;
}

/** Turns what the sinks emitted into events: whole documents parsed, Articles cleaned. */
async function* drain(queue: Emitted[], opts: StreamOptions): AsyncGenerator<ParseEvent> {
  for (let i = 0; i < queue.length; i++) {
    const e = queue[i]!;
    if (e.kind === 'issue') yield { issue: e.issue };
    else if (e.kind === 'source') yield { source: e.source };
    else if (e.kind === 'article') {
      const r = normalizeArticle(e.article);
      for (const n of r.notes) yield { issue: noteIssue(n, e.article, e.source) };
      if (r.article) yield { article: r.article };
    } else {
      const { doc, format } = e;
      for (const n of decode(doc.bytes, doc.contentType).notes) yield { issue: { ...n, severity: 'warning', source: doc.name } };
      let result;
      try {
        result = await (await PARSERS[format]())(doc, opts);
      } catch (err) {
        // An adapter must report bad input as issues; an exception here is a bug, but it
        // must not take the rest of the batch down with it.
        yield { issue: { code: `${format}.failed`, source: doc.name, message: (err as Error).message } };
        continue;
      }
      for (const issue of result.errors) yield { issue };
      for (const source of result.sources) yield { source };
      const notes: ParseIssue[] = [];
      const articles = normalizeArticles(result.articles, (n, a) => notes.push(noteIssue(n, a, doc.name)));
      for (const issue of notes) yield { issue };
      for (const article of articles) yield { article };
    }
  }
  queue.length = 0;
}

/** Streams one input: every Article, Source and issue it holds, one at a time. */
export async function* parseStream(input: StreamInput, opts: StreamOptions = {}): AsyncGenerator<ParseEvent> {
  const queue: Emitted[] = [];
  const emit: Emit = (e) => void queue.push(e);
  const max = opts.maxExpanded ?? STREAM_MAX_EXPANDED;
  const top = { name: input.name, contentType: input.contentType ?? null, url: input.url ?? null };
  const ctx: DocContext = {
    budget: { left: max, max },
    emit,
    leaf: (name, isTop) => new RouterSink(isTop ? top : { name }, emit, opts),
  };
  const root = new DocSink(input.name, 0, ctx);
  /** A sink that threw: a bug, reported as one, never taken for a read error. */
  let fault: unknown = null;
  const write = (piece: Uint8Array | null): boolean => {
    try {
      if (piece) root.write(piece);
      else root.end();
      return true;
    } catch (e) {
      fault = e;
      return false;
    }
  };
  try {
    outer: for await (const chunk of input.chunks) {
      for (let off = 0; off < chunk.byteLength; off += PIECE) {
        if (!write(chunk.subarray(off, off + PIECE))) break outer;
        if (queue.length > 0) yield* drain(queue, opts);
        if (root.done) break outer;
      }
    }
    if (!fault) write(null);
  } catch (e) {
    root.abort();
    queue.push({ kind: 'issue', issue: { code: 'input.unreadable', source: input.name, message: (e as Error).message } });
  }
  if (fault) queue.push({ kind: 'issue', issue: { code: 'ingest.failed', source: input.name, message: `reading stopped: ${(fault as Error).message ?? String(fault)}` } });
  yield* drain(queue, opts);
}
