/**
 * Archive expansion, streamed: a ZIP, gzip or tar input becomes one document per member,
 * named `archive.zip!member.json` (corpora are shipped this way: saudinewsnet is one ZIP
 * per day). Archives are recognized by their magic bytes, never by the file name.
 *
 * Every reader is a push sink (sink.ts): compressed bytes in, member bytes out to the sink
 * of each member as they are inflated (fflate's streaming Unzip and Gunzip; tar is read
 * header by header), so a member is never held whole unless its consumer wants it whole.
 *
 * Contract: never throws. Nested archives are expanded one level deep (`a.zip!b.gz!b`);
 * deeper ones are skipped with `archive.nested`. The total expanded size of one input is
 * capped (`maxBytes`): a member that would pass the cap is skipped or cut off with
 * `archive.too_large` (a gzip bomb stops at the cap, it is never inflated in full). A
 * truncated or corrupted archive gives `archive.corrupt`; bzip2, xz, 7z, zstd and RAR give
 * `archive.unsupported`; an archive without files `archive.empty`; an empty document
 * `input.empty`. A document that is not an archive goes to the leaf sink as is.
 */
import { isUtf8 } from 'node:buffer';
import { Gunzip, Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import type { InputDoc, ParseIssue } from './types.ts';
import { concat, NULL_SINK, type Emit, type Sink } from './sink.ts';
import { TarSink } from './tar.ts';

export interface ArchiveOptions {
  /** Cap on the bytes expanded from one input, all members and levels together. */
  maxBytes?: number;
}

/** The in-memory default (`expandArchive` holds every member). */
export const DEFAULT_MAX_EXPANDED = 256 * 1024 * 1024;
/** The streamed default: members are never held whole, so the cap only bounds the work. */
export const STREAM_MAX_EXPANDED = 16 * 1024 * 1024 * 1024;

type Kind = 'zip' | 'gzip' | 'tar' | 'other' | null;

/** Bytes needed to tell every kind apart (tar's magic sits at 257). */
const MAGIC_BYTES = 512;

/** The archive kind from magic bytes; `other` is a compressed format we do not read. */
export function archiveKind(b: Uint8Array): Kind {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7)) return 'zip';
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (b.length >= 262 && String.fromCharCode(...b.subarray(257, 262)) === 'ustar') return 'tar';
  const head = String.fromCharCode(...b.subarray(0, 6));
  if (/^(?:BZh|\xFD7zXZ|7z\xBC\xAF|Rar!)/.test(head) || (b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd)) return 'other';
  return null;
}

export interface Budget {
  left: number;
  max: number;
}

/** What a document sink needs: the shared budget, where issues go, and the sink for a non-archive document. */
export interface DocContext {
  budget: Budget;
  emit: Emit;
  /** The sink for a document that is not an archive (`top`: the input itself, not a member). */
  leaf: (name: string, top: boolean) => Sink;
}

/** Members worth parsing: not directories, not macOS metadata, not hidden files. */
export function wanted(name: string): boolean {
  const base = name.split('/').pop() ?? '';
  return base !== '' && !base.startsWith('.') && !name.startsWith('__MACOSX/');
}

export const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

const issueOf = (code: string, source: string, message: string): ParseIssue => ({ code, source, message });

/**
 * A ZIP archive through fflate's streaming reader: each member is inflated chunk by chunk
 * into its own sink and counted against the budget, so a member whose header understates
 * its size (a zip bomb) is cut off at the cap instead of being inflated in full.
 */
class ZipSink implements Sink {
  private readonly unzip: Unzip;
  private current: { file: UnzipFile; sink: Sink; name: string } | null = null;
  private members = 0;
  private problems = 0;
  /** A member's data was corrupt (reported): the archive failing after it is the same fault. */
  private memberFailed = false;
  done = false;

  constructor(
    private readonly name: string,
    private readonly ctx: DocContext,
    private readonly level: number,
  ) {
    this.unzip = new Unzip((file) => this.onFile(file));
    this.unzip.register(UnzipInflate);
  }

  private problem(code: string, source: string, message: string): void {
    this.problems++;
    this.ctx.emit({ kind: 'issue', issue: issueOf(code, source, message) });
  }

  private onFile(file: UnzipFile): void {
    const src = `${this.name}!${file.name}`;
    const { budget } = this.ctx;
    const skip = () => {
      // A member not started is buffered by fflate: start it into nothing instead.
      file.ondata = () => {};
      file.start();
    };
    if (!wanted(file.name)) return skip();
    if (file.compression !== 0 && file.compression !== 8) {
      this.problem('archive.unsupported', src, `zip member uses compression method ${file.compression} (only stored and deflate are read)`);
      return;
    }
    if ((file.originalSize ?? 0) > budget.left) {
      this.problem('archive.too_large', src, `member expands to ${file.originalSize} bytes, over the ${mib(budget.max)} cap`);
      return skip();
    }
    this.members++;
    const sink = new DocSink(src, this.level + 1, this.ctx);
    const member = { file, sink, name: src };
    this.current = member;
    let stopped = false;
    file.ondata = (err, chunk, final) => {
      if (stopped) return;
      if (err) {
        stopped = true;
        sink.abort();
        this.current = null;
        this.memberFailed = true;
        this.problem('archive.corrupt', src, `zip member is truncated or corrupted (${err.message})`);
        return;
      }
      budget.left -= chunk.byteLength;
      if (budget.left < 0) {
        stopped = true;
        file.terminate();
        sink.abort();
        this.current = null;
        this.problem('archive.too_large', src, `member expands past the ${mib(budget.max)} cap`);
        return;
      }
      if (chunk.byteLength > 0) sink.write(chunk);
      if (final) {
        stopped = true;
        sink.end();
        if (this.current === member) this.current = null;
      }
    };
    file.start();
  }

  private push(chunk: Uint8Array, final: boolean): void {
    try {
      this.unzip.push(chunk, final);
    } catch (e) {
      this.done = true;
      this.current?.sink.abort();
      this.current = null;
      const message = `zip archive is truncated or corrupted (${(e as Error).message})`;
      if (!this.memberFailed) this.problem('archive.corrupt', this.name, message);
    }
  }

  write(chunk: Uint8Array): void {
    if (!this.done) this.push(chunk, false);
  }

  end(): void {
    if (this.done) return;
    this.push(new Uint8Array(0), true);
    this.done = true;
    if (this.current) {
      this.current.sink.abort();
      this.problem('archive.corrupt', this.current.name, 'zip member is truncated');
    }
    if (this.members === 0 && this.problems === 0) this.problem('archive.empty', this.name, 'zip archive holds no files');
  }

  abort(): void {
    this.done = true;
    this.current?.sink.abort();
  }
}

/** The FNAME field of a gzip header, when the FNAME flag is set. */
function gzipName(b: Uint8Array): string | null {
  const flags = b[3] ?? 0;
  if (!(flags & 0x08)) return null;
  let i = 10;
  if (flags & 0x04) i += 2 + ((b[10] ?? 0) | ((b[11] ?? 0) << 8));
  const end = b.indexOf(0, i);
  if (end <= i || end - i > 1024) return null;
  // The spec says ISO 8859-1; gzip on Linux writes the file name's own bytes (UTF-8).
  const raw = b.subarray(i, end);
  return Buffer.from(raw).toString(isUtf8(raw) ? 'utf8' : 'latin1').split(/[\\/]/).pop() || null;
}

/** A gzip stream (one or several members, read as one) through fflate's streaming Gunzip. */
class GzipSink implements Sink {
  private readonly gunzip: Gunzip;
  private readonly sink: Sink;
  private readonly member: string;
  done = false;

  constructor(
    private readonly name: string,
    head: Uint8Array,
    private readonly ctx: DocContext,
    level: number,
  ) {
    const base = name.split(/[\\/!]/).pop() ?? '';
    this.member = `${name}!${gzipName(head) ?? (base.replace(/\.(?:gz|gzip)$/i, '').replace(/\.tgz$/i, '.tar') || 'member')}`;
    this.sink = new DocSink(this.member, level + 1, ctx);
    this.gunzip = new Gunzip((data, final) => {
      if (this.done) return;
      const { budget } = this.ctx;
      budget.left -= data.byteLength;
      if (budget.left < 0) {
        this.stop('archive.too_large', this.member, `gzip expands past the ${mib(budget.max)} cap`);
        return;
      }
      if (data.byteLength > 0) this.sink.write(data);
      if (final) {
        this.done = true;
        this.sink.end();
      }
    });
  }

  private stop(code: string, source: string, message: string): void {
    this.done = true;
    this.sink.abort();
    this.ctx.emit({ kind: 'issue', issue: issueOf(code, source, message) });
  }

  private push(chunk: Uint8Array, final: boolean): void {
    try {
      this.gunzip.push(chunk, final);
    } catch (e) {
      if (!this.done) this.stop('archive.corrupt', this.name, `gzip archive is truncated or corrupted (${(e as Error).message})`);
    }
    // Nothing downstream wants more (a document over its cap): stop inflating.
    if (!this.done && this.sink.done) this.done = true;
  }

  write(chunk: Uint8Array): void {
    if (!this.done) this.push(chunk, false);
  }

  end(): void {
    if (this.done) return;
    this.push(new Uint8Array(0), true);
    if (!this.done) this.stop('archive.corrupt', this.name, 'gzip archive is truncated or corrupted (unexpected end)');
  }

  abort(): void {
    this.done = true;
    this.sink.abort();
  }
}

/**
 * One document of the input (the input itself, or an archive member): the first bytes
 * decide whether it is an archive to expand (one level of nesting) or a document for the
 * leaf sink; an empty one is `input.empty`.
 */
export class DocSink implements Sink {
  private head: Uint8Array[] = [];
  private headLen = 0;
  private inner: Sink | null = null;
  private seen = 0;

  /** `level`: how many archives this document sits in (0 for the input itself). */
  constructor(
    private readonly name: string,
    private readonly level: number,
    private readonly ctx: DocContext,
  ) {}

  get done(): boolean {
    return this.inner?.done ?? false;
  }

  private decide(): Sink {
    const head = concat(this.head, this.headLen);
    const kind = archiveKind(head);
    const issue = (code: string, message: string): Sink => {
      this.ctx.emit({ kind: 'issue', issue: issueOf(code, this.name, message) });
      return NULL_SINK;
    };
    if (kind === null) return this.ctx.leaf(this.name, this.level === 0);
    if (kind === 'other') return issue('archive.unsupported', 'compressed with a format Marsad does not read (bzip2, xz, 7z, zstd or RAR): use zip or gzip');
    if (this.level >= 2) return issue('archive.nested', 'archive nested more than one level deep: skipped');
    if (kind === 'zip') return new ZipSink(this.name, this.ctx, this.level);
    if (kind === 'gzip') return new GzipSink(this.name, head, this.ctx, this.level);
    return new TarSink(this.name, this.ctx, (member) => new DocSink(member, this.level + 1, this.ctx));
  }

  private flushHead(): void {
    this.inner = this.decide();
    for (const c of this.head) if (!this.inner.done) this.inner.write(c);
    this.head = [];
  }

  write(chunk: Uint8Array): void {
    this.seen += chunk.byteLength;
    if (this.inner) {
      if (!this.inner.done) this.inner.write(chunk);
      return;
    }
    this.head.push(chunk);
    this.headLen += chunk.byteLength;
    if (this.headLen >= MAGIC_BYTES) this.flushHead();
  }

  end(): void {
    if (this.seen === 0) {
      this.ctx.emit({ kind: 'issue', issue: issueOf('input.empty', this.name, 'empty file') });
      return;
    }
    if (!this.inner) this.flushHead();
    this.inner!.end();
  }

  abort(): void {
    this.head = [];
    this.inner?.abort();
  }
}

/** Collects a member whole (for `expandArchive`). */
class CollectSink implements Sink {
  private chunks: Uint8Array[] = [];
  done = false;
  constructor(
    private readonly name: string,
    private readonly docs: InputDoc[],
  ) {}
  write(c: Uint8Array): void {
    this.chunks.push(c);
  }
  end(): void {
    this.docs.push({ name: this.name, bytes: concat(this.chunks) });
    this.chunks = [];
  }
  abort(): void {
    this.chunks = [];
    this.done = true;
  }
}

/**
 * Expands a ZIP, gzip or tar document held in memory into its members (each held whole);
 * any other document is returned as is.
 */
export function expandArchive(doc: InputDoc, opts: ArchiveOptions = {}): { docs: InputDoc[]; errors: ParseIssue[] } {
  if (archiveKind(doc.bytes) === null) return { docs: [doc], errors: [] };
  const docs: InputDoc[] = [];
  const errors: ParseIssue[] = [];
  const max = opts.maxBytes ?? DEFAULT_MAX_EXPANDED;
  const ctx: DocContext = {
    budget: { left: max, max },
    emit: (e) => {
      if (e.kind === 'issue') errors.push(e.issue);
    },
    leaf: (name) => new CollectSink(name, docs),
  };
  const sink = new DocSink(doc.name, 0, ctx);
  for (let off = 0; off < doc.bytes.byteLength && !sink.done; off += 64 * 1024) sink.write(doc.bytes.subarray(off, off + 64 * 1024));
  sink.end();
  return { docs, errors };
}
