/**
 * Reading long Arabic text out of SQLite cheaply.
 *
 * Why: better-sqlite3 turns a TEXT value into a JavaScript string with V8's UTF-8 decoder,
 * which on Node 20 costs about 5 ns a byte for non-ASCII text: a search page's 21 bodies
 * (3 KB each on the corpus) took 0.35 ms to decode, a quarter of an in-process search.
 * Read as a BLOB (`CAST(col AS BLOB)`: the same bytes, a memcpy into a Buffer) and
 * transcoded by ICU to UTF-16, which V8 copies as it is, the same string costs a quarter
 * of that (`bench/http/search-cpu.ts`).
 *
 * Contract: `textOf(blob)` is the string better-sqlite3 gives for the same column read as
 * TEXT (bytes that are not valid UTF-8 are decoded by V8, as that read does); null or an
 * empty BLOB is ''. Only for databases whose encoding is UTF-8 (`isUtf8`): a UTF-16
 * database's CAST gives UTF-16 bytes. A Node built without ICU falls back to the decoder.
 */
import { transcode } from 'node:buffer';
import type Database from 'better-sqlite3';

// `transcode` is undefined in a Node built without intl.
const icu = typeof transcode === 'function';

/** The string of a UTF-8 BLOB (see the module's contract). */
export function textOf(blob: Uint8Array | null | undefined): string {
  if (!blob || blob.length === 0) return '';
  if (icu) {
    try {
      return transcode(blob, 'utf8', 'utf16le').toString('utf16le');
    } catch {
      // Not valid UTF-8 (a lone surrogate written by V8, bytes cast to TEXT): ICU refuses
      // it, V8's decoder replaces what it cannot read, as it does for the TEXT read.
    }
  }
  return Buffer.from(blob.buffer, blob.byteOffset, blob.length).toString('utf8');
}

/** Whether the database stores text as UTF-8 (then `CAST(text AS BLOB)` is UTF-8 bytes). */
export function isUtf8(db: Database.Database): boolean {
  return db.pragma('encoding', { simple: true }) === 'UTF-8';
}
