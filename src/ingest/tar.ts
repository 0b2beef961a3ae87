/**
 * A ustar archive read as a stream: 512-byte headers, sizes in octal, regular files only;
 * each member's bytes go to its own sink as they arrive, so a member is never held whole.
 *
 * Why by hand: the format is a fixed header and a byte count (the reader is a small state
 * machine), and the npm readers (tar-stream, tar) are Node-stream based, while every
 * other reader of this path is a synchronous push sink. Contract: never throws; a member
 * cut off by the end of the input is `archive.corrupt`; an archive without files
 * `archive.empty`.
 */
import type { DocContext } from './archive.ts';
import { wanted } from './archive.ts';
import type { Sink } from './sink.ts';

const BLOCK = 512;

export class TarSink implements Sink {
  private header = new Uint8Array(BLOCK);
  private headerLen = 0;
  /** Bytes left in the current member's data, then in its padding. */
  private left = 0;
  private pad = 0;
  private member: { name: string; sink: Sink | null } | null = null;
  private members = 0;
  private ended = false;
  done = false;

  constructor(
    private readonly name: string,
    private readonly ctx: DocContext,
    private readonly open: (member: string) => Sink,
  ) {}

  private text(from: number, len: number): string {
    return Buffer.from(this.header.subarray(from, from + len)).toString('utf8').replace(/\0.*$/s, '');
  }

  private fail(message: string): void {
    this.done = true;
    this.member?.sink?.abort();
    this.member = null;
    this.ctx.emit({ kind: 'issue', issue: { code: 'archive.corrupt', source: this.name, message: `tar archive is truncated or corrupted (${message})` } });
  }

  /** A full header block is in `header`: start its member (or note the end of the archive). */
  private onHeader(): void {
    this.headerLen = 0;
    if (this.header.every((x) => x === 0)) {
      this.ended = true;
      return;
    }
    const size = parseInt(this.text(124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) return this.fail('bad member size');
    const type = String.fromCharCode(this.header[156] ?? 0);
    const prefix = this.text(345, 155);
    const name = (prefix ? `${prefix}/` : '') + this.text(0, 100);
    const regular = (type === '0' || type === '\0') && wanted(name);
    if (regular) this.members++;
    this.member = { name, sink: regular ? this.open(`${this.name}!${name}`) : null };
    this.left = size;
    this.pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (size === 0) this.closeMember();
  }

  private closeMember(): void {
    this.member?.sink?.end();
    this.member = null;
  }

  write(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.byteLength && !this.done && !this.ended) {
      if (this.member && this.left > 0) {
        const n = Math.min(this.left, chunk.byteLength - at);
        const sink = this.member.sink;
        if (sink && !sink.done) sink.write(chunk.subarray(at, at + n));
        this.left -= n;
        at += n;
        if (this.left === 0) this.closeMember();
      } else if (this.pad > 0) {
        const n = Math.min(this.pad, chunk.byteLength - at);
        this.pad -= n;
        at += n;
      } else {
        const n = Math.min(BLOCK - this.headerLen, chunk.byteLength - at);
        this.header.set(chunk.subarray(at, at + n), this.headerLen);
        this.headerLen += n;
        at += n;
        if (this.headerLen === BLOCK) this.onHeader();
      }
    }
  }

  end(): void {
    if (this.done) return;
    if (this.member && this.left > 0) return this.fail(`member ${this.member.name} is cut off`);
    this.done = true;
    if (this.members === 0) this.ctx.emit({ kind: 'issue', issue: { code: 'archive.empty', source: this.name, message: 'tar archive holds no files' } });
  }

  abort(): void {
    this.done = true;
    this.member?.sink?.abort();
  }
}
