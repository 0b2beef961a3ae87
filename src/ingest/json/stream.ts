/**
 * JSON and JSONL in bounded memory: the sinks the streaming path (../stream.ts) writes a
 * JSON or JSONL document into.
 *
 * A document up to `wholeMax` bytes (16 MiB) is parsed whole by the adapters in index.ts:
 * native JSON.parse speed and an exact line and column for a syntax error. A larger one is
 * streamed: decoded chunk by chunk (StreamDecoder: the charset is decided on the first
 * 16 MiB), tokenized by stream-json (chosen over @streamparser/json because it hands a
 * long string over in chunks: a 200 MB one-article file peaks at ~70 MB instead of
 * ~530 MB; see bench/memory), and assembled record by record with every string, record
 * and nesting level capped (assemble.ts). Each record becomes an Article as soon as it
 * closes. JSONL is read line by line with JSON.parse, as the whole adapter does; a line
 * longer than `maxLine` characters goes through the tokenizer instead, capped the same way.
 *
 * A syntax error in a streamed JSON document ends it with `json.syntax` naming the line
 * (the tokenizer is fed one line at a time, so the line is exact); the records before it
 * are kept. Contract: never throws.
 */
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { getManyValues, isMany, none } from 'stream-chain/defs.js';
import { LIMITS } from '../../model/schema.ts';
import { StreamDecoder } from '../encoding.ts';
import type { Emit, Sink } from '../sink.ts';
import { concat } from '../sink.ts';
import type { InputDoc, ParseIssue, ParseOptions } from '../types.ts';
import { RecordAssembler, type AssembleLimits } from './assemble.ts';
import { addItem, ARRAY_KEYS, ARTICLE_KEYS, finish, jsonlLine, report, type JsonCtx } from './index.ts';

/** Documents up to this size are parsed whole. */
export const WHOLE_MAX = 16 * 1024 * 1024;
/** Characters handed to the tokenizer at once (a long line is cut into pieces this size). */
const PIECE = 64 * 1024;

export const STREAM_LIMITS: AssembleLimits = Object.freeze({
  // A raw string may hold markup that cleaning removes: 4× the body cap.
  maxString: 4 * LIMITS.text,
  maxRecord: 8 * LIMITS.text,
  maxDepth: 32,
});

type Meta = Omit<InputDoc, 'bytes'>;

function ctxFor(meta: Meta, opts: ParseOptions, emit: Emit): JsonCtx {
  const doc: InputDoc = { ...meta, bytes: new Uint8Array(0) };
  return {
    doc,
    opts,
    article: (article) => emit({ kind: 'article', article, source: meta.name }),
    issue: (issue) => emit({ kind: 'issue', issue }),
    issues: 0,
    dropped: 0,
  };
}

function tokensOf(out: unknown): Token[] {
  if (out === none || out == null) return [];
  return isMany(out) ? (getManyValues(out) as Token[]) : [out as Token];
}

const reason = (e: unknown) => String((e as Error).message ?? e).replace(/^Parser (?:cannot parse input: |has )/, '');

/** Tokenizer and assembler for one streamed JSON value (or values one after another). */
class Tokens {
  private readonly parse = jsonParser({ packValues: false, streamValues: true, jsonStreaming: true });
  readonly assembler: RecordAssembler;
  failed: string | null = null;

  constructor(onRecord: (value: unknown, index: number, cut: string[], via: string | null) => void, onNone: (what: string) => void) {
    this.assembler = new RecordAssembler(
      { record: onRecord, noArticles: onNone },
      ARRAY_KEYS,
      ARTICLE_KEYS,
      STREAM_LIMITS,
    );
  }

  /** Feeds text; false once the input is known to be malformed. */
  feed(text: string): boolean {
    if (this.failed) return false;
    try {
      for (const t of tokensOf(this.parse(text))) this.assembler.push(t);
      return true;
    } catch (e) {
      this.failed = reason(e);
      return false;
    }
  }

  /** Ends the input; false when it ended inside a value. */
  flush(): boolean {
    if (this.failed) return false;
    try {
      for (const t of tokensOf(this.parse(none as unknown as string))) this.assembler.push(t);
    } catch (e) {
      this.failed = reason(e);
      return false;
    }
    if (this.assembler.pending) this.failed = 'the input ends inside a value (truncated?)';
    return this.failed === null;
  }
}

/** Buffers up to `wholeMax` bytes (then the whole adapter runs), else streams. */
abstract class BufferedOrStreamed implements Sink {
  private chunks: Uint8Array[] = [];
  private size = 0;
  protected decoder: StreamDecoder | null = null;
  done = false;

  constructor(
    protected readonly meta: Meta,
    protected readonly format: 'json' | 'jsonl',
    protected readonly emit: Emit,
    protected readonly opts: ParseOptions,
    private readonly wholeMax: number,
  ) {}

  protected abstract text(s: string): void;
  protected abstract close(): void;

  write(chunk: Uint8Array): void {
    if (this.done) return;
    if (this.decoder) return this.text(this.decoder.write(chunk));
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
    if (this.size <= this.wholeMax) return;
    const head = concat(this.chunks, this.size);
    this.chunks = [];
    this.decoder = new StreamDecoder(head, this.meta.contentType);
    this.text(this.decoder.write(head));
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    if (!this.decoder) {
      const bytes = concat(this.chunks, this.size);
      this.chunks = [];
      this.emit({ kind: 'doc', doc: { ...this.meta, bytes }, format: this.format });
      return;
    }
    this.text(this.decoder.end());
    this.close();
    for (const n of this.decoder.notes()) this.emit({ kind: 'issue', issue: { ...n, severity: 'warning', source: this.meta.name } });
  }

  abort(): void {
    this.done = true;
    this.chunks = [];
  }
}

/** A JSON document too large to parse whole. */
export class JsonStreamSink extends BufferedOrStreamed {
  private readonly ctx: JsonCtx;
  private readonly tokens: Tokens;
  private line = 1;
  private bom = true;

  constructor(meta: Meta, emit: Emit, opts: ParseOptions, wholeMax = WHOLE_MAX) {
    super(meta, 'json', emit, opts, wholeMax);
    this.ctx = ctxFor(meta, opts, emit);
    this.tokens = new Tokens(
      (v, item, cut, via) => addItem(this.ctx, v, via, { item }, cut),
      (what) => report(this.ctx, { code: 'json.no_articles', source: meta.name, message: `expected an array of articles, got ${what}` }),
    );
  }

  protected text(s: string): void {
    if (this.bom) {
      this.bom = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    for (let at = 0; at < s.length && !this.tokens.failed; ) {
      const nl = s.indexOf('\n', at);
      const stop = Math.min(nl < 0 ? s.length : nl + 1, at + PIECE);
      if (!this.tokens.feed(s.slice(at, stop))) return this.fail();
      if (stop === nl + 1) this.line++;
      at = stop;
    }
  }

  private fail(): void {
    const message = `invalid JSON at line ${this.line}: ${this.tokens.failed}; the articles before it were read`;
    report(this.ctx, { code: 'json.syntax', source: this.meta.name, line: this.line, message });
  }

  protected close(): void {
    if (!this.tokens.failed && !this.tokens.flush()) this.fail();
    finish(this.ctx, 'json');
  }
}

/** A JSONL document too large to parse whole: line by line, long lines through the tokenizer. */
export class JsonlStreamSink extends BufferedOrStreamed {
  private readonly ctx: JsonCtx;
  private partial: string[] = [];
  private partialLen = 0;
  private lineNo = 0;
  /** The tokenizer of a line longer than `maxLine`, while it is being read. */
  private long: Tokens | null = null;
  private longRecord: { value: unknown; cut: string[] } | null = null;
  private articles = 0;

  constructor(
    meta: Meta,
    emit: Emit,
    opts: ParseOptions,
    wholeMax = WHOLE_MAX,
    private readonly maxLine = 4 * 1024 * 1024,
  ) {
    super(meta, 'jsonl', emit, opts, wholeMax);
    const ctx = ctxFor(meta, opts, emit);
    const article = ctx.article;
    ctx.article = (a) => {
      this.articles++;
      article(a);
    };
    this.ctx = ctx;
  }

  protected text(s: string): void {
    for (let at = 0; at < s.length; ) {
      const nl = s.indexOf('\n', at);
      const piece = s.slice(at, nl < 0 ? s.length : nl);
      this.addPart(piece);
      if (nl < 0) return;
      this.endLine();
      at = nl + 1;
    }
  }

  private addPart(piece: string): void {
    if (piece === '') return;
    if (this.long) {
      for (let i = 0; i < piece.length; i += PIECE) this.long.feed(piece.slice(i, i + PIECE));
      return;
    }
    this.partial.push(piece);
    this.partialLen += piece.length;
    if (this.partialLen <= this.maxLine) return;
    // Too long to hold as one string: tokenize it as it comes, capped.
    this.long = new Tokens(
      (value, _i, cut) => {
        this.longRecord ??= { value, cut };
      },
      () => {},
    );
    for (const p of this.partial) for (let i = 0; i < p.length; i += PIECE) this.long.feed(p.slice(i, i + PIECE));
    this.partial = [];
    this.partialLen = 0;
  }

  private endLine(): void {
    this.lineNo++;
    if (this.long) {
      const ok = this.long.flush();
      const rec = this.longRecord;
      const failed = this.long.failed;
      this.long = null;
      this.longRecord = null;
      if (!ok || !rec) {
        const issue: ParseIssue = { code: 'jsonl.syntax', source: this.meta.name, line: this.lineNo, message: `invalid JSON at line ${this.lineNo}: ${failed ?? 'no value'}` };
        return report(this.ctx, issue);
      }
      return addItem(this.ctx, rec.value, null, { line: this.lineNo }, rec.cut);
    }
    const line = this.partial.length === 1 ? this.partial[0]! : this.partial.join('');
    this.partial = [];
    this.partialLen = 0;
    jsonlLine(this.ctx, line, this.lineNo);
  }

  protected close(): void {
    if (this.partialLen > 0 || this.long) this.endLine();
    if (this.articles === 0 && this.ctx.issues === 0) this.emit({ kind: 'issue', issue: { code: 'jsonl.empty', source: this.meta.name, message: 'no JSON lines' } });
    finish(this.ctx, 'jsonl');
  }
}
