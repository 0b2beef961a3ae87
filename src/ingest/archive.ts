/**
 * Archive expansion: a ZIP, gzip or tar document becomes one InputDoc per member, named
 * `archive.zip!member.json` (corpora are shipped this way: saudinewsnet is one ZIP per
 * day). Archives are recognized by their magic bytes, never by the file name.
 *
 * Contract: never throws. Nested archives are expanded one level deep (`a.zip!b.gz!b`);
 * deeper ones are skipped with `archive.nested`. The total expanded size of one input is
 * capped (default 256 MiB): a member that would pass the cap is skipped with
 * `archive.too_large` (a gzip bomb stops at the cap, it is never inflated in full).
 * A truncated or corrupted archive gives `archive.corrupt`; bzip2, xz, 7z, zstd and RAR
 * give `archive.unsupported`. A document that is not an archive is returned as is.
 */
import { isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { Unzip, UnzipInflate } from 'fflate';
import type { InputDoc, ParseIssue } from './types.ts';

export interface ArchiveOptions {
  /** Cap on the bytes expanded from one input, all members and levels together. */
  maxBytes?: number;
}

export const DEFAULT_MAX_EXPANDED = 256 * 1024 * 1024;

type Kind = 'zip' | 'gzip' | 'tar' | 'other' | null;

/** The archive kind from magic bytes; `other` is a compressed format we do not read. */
export function archiveKind(b: Uint8Array): Kind {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7)) return 'zip';
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (b.length >= 262 && String.fromCharCode(...b.subarray(257, 262)) === 'ustar') return 'tar';
  const head = String.fromCharCode(...b.subarray(0, 6));
  if (/^(?:BZh|\xFD7zXZ|7z\xBC\xAF|Rar!)/.test(head) || (b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd)) return 'other';
  return null;
}

interface Budget {
  left: number;
  max: number;
}

type Members = { members: Array<{ name: string; bytes: Uint8Array }>; errors: ParseIssue[] };

/** Members worth parsing: not directories, not macOS metadata, not hidden files. */
function wanted(name: string): boolean {
  const base = name.split('/').pop() ?? '';
  return base !== '' && !base.startsWith('.') && !name.startsWith('__MACOSX/');
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

/**
 * A ZIP archive through fflate's streaming reader: each member is inflated chunk by chunk
 * and counted against the remaining budget, so a member whose header understates its size
 * (a zip bomb) is cut off at the cap instead of being inflated in full.
 */
function readZip(doc: InputDoc, budget: Budget): Members {
  const members: Members['members'] = [];
  const errors: ParseIssue[] = [];
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    const src = `${doc.name}!${file.name}`;
    if (!wanted(file.name)) return;
    if (file.compression !== 0 && file.compression !== 8) {
      errors.push({ code: 'archive.unsupported', source: src, message: `zip member uses compression method ${file.compression} (only stored and deflate are read)` });
      return;
    }
    if ((file.originalSize ?? 0) > budget.left) {
      errors.push({ code: 'archive.too_large', source: src, message: `member expands to ${file.originalSize} bytes, over the ${mib(budget.max)} cap` });
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    let stopped = false;
    file.ondata = (err, chunk, final) => {
      if (stopped) return;
      if (err) {
        stopped = true;
        errors.push({ code: 'archive.corrupt', source: src, message: `zip member is truncated or corrupted (${err.message})` });
        return;
      }
      size += chunk.byteLength;
      if (size > budget.left) {
        stopped = true;
        file.terminate();
        errors.push({ code: 'archive.too_large', source: src, message: `member expands past the ${mib(budget.max)} cap` });
        return;
      }
      chunks.push(chunk);
      if (final) {
        budget.left -= size;
        members.push({ name: file.name, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(doc.bytes, true);
  } catch (e) {
    failure = e as Error;
  }
  if (failure && members.length === 0) throw failure;
  if (failure) errors.push({ code: 'archive.corrupt', source: doc.name, message: `zip archive is truncated or corrupted (${failure.message})` });
  return { members, errors };
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

function readGzip(doc: InputDoc, budget: Budget): Members {
  const base = doc.name.split(/[\\/!]/).pop() ?? '';
  const name = gzipName(doc.bytes) ?? (base.replace(/\.(?:gz|gzip)$/i, '').replace(/\.tgz$/i, '.tar') || 'member');
  try {
    const out = gunzipSync(doc.bytes, { maxOutputLength: Math.max(1, budget.left) });
    budget.left -= out.byteLength;
    return { members: [{ name, bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength) }], errors: [] };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE') {
      return { members: [], errors: [{ code: 'archive.too_large', source: `${doc.name}!${name}`, message: `gzip expands past the ${mib(budget.max)} cap` }] };
    }
    throw e;
  }
}

/** A ustar archive: 512-byte headers, sizes in octal, regular files only. */
function readTar(doc: InputDoc): Members {
  const b = doc.bytes;
  const members: Members['members'] = [];
  const text = (from: number, len: number) => Buffer.from(b.subarray(from, from + len)).toString('utf8').replace(/\0.*$/s, '');
  for (let off = 0; off + 512 <= b.length; ) {
    if (b.subarray(off, off + 512).every((x) => x === 0)) break;
    const size = parseInt(text(off + 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0 || off + 512 + size > b.length) throw new Error('truncated tar member');
    const type = String.fromCharCode(b[off + 156] ?? 0);
    const prefix = text(off + 345, 155);
    const name = (prefix ? `${prefix}/` : '') + text(off, 100);
    if ((type === '0' || type === '\0') && wanted(name)) members.push({ name, bytes: b.subarray(off + 512, off + 512 + size) });
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return { members, errors: [] };
}

function expand(doc: InputDoc, kind: Exclude<Kind, 'other' | null>, depth: number, budget: Budget, out: { docs: InputDoc[]; errors: ParseIssue[] }): void {
  let got: Members;
  try {
    got = kind === 'zip' ? readZip(doc, budget) : kind === 'gzip' ? readGzip(doc, budget) : readTar(doc);
  } catch (e) {
    const reason = (e as Error).message || String(e);
    out.errors.push({ code: 'archive.corrupt', source: doc.name, message: `${kind} archive is truncated or corrupted (${reason})` });
    return;
  }
  out.errors.push(...got.errors);
  for (const m of got.members) {
    const member: InputDoc = { name: `${doc.name}!${m.name}`, bytes: m.bytes };
    const inner = archiveKind(m.bytes);
    if (inner === null) out.docs.push(member);
    else if (inner === 'other') unsupported(member, out.errors);
    else if (depth >= 1) out.errors.push({ code: 'archive.nested', source: member.name, message: 'archive nested more than one level deep: skipped' });
    else expand(member, inner, depth + 1, budget, out);
  }
  if (got.members.length === 0 && got.errors.length === 0) {
    out.errors.push({ code: 'archive.empty', source: doc.name, message: `${kind} archive holds no files` });
  }
}

function unsupported(doc: InputDoc, errors: ParseIssue[]): void {
  errors.push({ code: 'archive.unsupported', source: doc.name, message: 'compressed with a format Marsad does not read (bzip2, xz, 7z, zstd or RAR): use zip or gzip' });
}

/** Expands a ZIP, gzip or tar document into its members; any other document is returned as is. */
export function expandArchive(doc: InputDoc, opts: ArchiveOptions = {}): { docs: InputDoc[]; errors: ParseIssue[] } {
  const out = { docs: [] as InputDoc[], errors: [] as ParseIssue[] };
  const kind = archiveKind(doc.bytes);
  if (kind === null) return { docs: [doc], errors: [] };
  if (kind === 'other') {
    unsupported(doc, out.errors);
    return out;
  }
  const max = opts.maxBytes ?? DEFAULT_MAX_EXPANDED;
  expand(doc, kind, 0, { left: max, max }, out);
  return out;
}
