/**
 * Decoding bytes to text: the charset is decided on evidence over the whole input, never
 * assumed and never from the first bytes alone. The one charset module of the ingest
 * stage (feeds, pages, JSON, HTML, text dumps and OPML all decode through it).
 *
 * Order of evidence:
 * 1. A byte-order mark (UTF-8, UTF-16 LE/BE) decides.
 * 2. The bytes are scanned as UTF-8 over their whole length. Valid UTF-8 with multibyte
 *    sequences is UTF-8 whatever a label says (a `windows-1256` label on UTF-8 bytes is a
 *    mislabel: warning `charset.mislabelled`). Mostly UTF-8 — at least 20 valid multibyte
 *    sequences per invalid one — stays UTF-8: the invalid bytes become U+FFFD and a
 *    warning `charset.invalid_bytes` says how many (legacy Arabic text is the opposite:
 *    its letters are lead bytes in a row, so almost every sequence is invalid).
 * 3. Otherwise a label decides: the HTTP header, else an XML prolog or HTML <meta>
 *    declaration — unless it names UTF-8 (the bytes say otherwise) or a Latin code page
 *    while the bytes read as Arabic in an Arabic code page (a common mislabel): then the
 *    bytes decide, with `charset.mislabelled`.
 * 4. No usable label: an Arabic check decodes with windows-1256 and ISO-8859-6 and keeps
 *    the one that reads as Arabic (mostly Arabic letters, no controls, no undefined
 *    bytes); then chardet's guess over the input; then windows-1256.
 *
 * `StreamDecoder` applies the same decision to a large input read in chunks: it decides
 * on the first window (up to 1 MiB) and then counts invalid UTF-8 as it goes.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import chardet from 'chardet';
import { textStats } from './text/junk.ts';

/** A problem with the charset, reported as a warning (the text is still read). */
export interface CharsetNote {
  code: 'charset.invalid_bytes' | 'charset.mislabelled';
  message: string;
}

export interface Decoded {
  text: string;
  /** The charset used, lower-case (e.g. `utf-8`, `windows-1256`). */
  charset: string;
  /** How it was decided: `bom`, `header`, `declared`, `utf8`, `arabic`, `detected`, `fallback`. */
  how: string;
  /** Warnings: invalid bytes replaced, a label the bytes contradict. */
  notes: CharsetNote[];
}

const ALIASES: Record<string, string> = {
  'cp1256': 'windows-1256',
  'x-cp1256': 'windows-1256',
  'arabic': 'iso-8859-6',
  'iso_8859-6': 'iso-8859-6',
  'iso-8859-6-i': 'iso-8859-6',
  'iso-8859-6-e': 'iso-8859-6',
  'asmo-708': 'iso-8859-6',
  'utf8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

/** Labels browsers read as windows-1252 (WHATWG Encoding): Latin, never Arabic. */
const LATIN = new Set(['iso-8859-1', 'latin1', 'windows-1252', 'us-ascii', 'ascii', 'cp1252', 'iso8859-1', 'l1']);
const ARABIC_PAGES = new Set(['windows-1256', 'iso-8859-6']);
/** chardet reads at most this much (it is linear but slow: ~8 ms per 100 KB). */
const CHARDET_SAMPLE = 8 * 1024 * 1024;

function clean(charset: string | null | undefined): string | null {
  if (!charset) return null;
  const c = charset.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const name = ALIASES[c] ?? c;
  return iconv.encodingExists(name) ? name : null;
}

/** The charset named in a Content-Type header value, if usable. */
export function charsetFromContentType(ct: string | null | undefined): string | null {
  const m = ct ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct) : null;
  return clean(m?.[1]);
}

/** The charset declared inside the first 4 KB: `<?xml … encoding="…"?>` or `<meta charset>`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const xml = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return clean(xml[1]);
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return clean(meta?.[1]);
}

function bomOf(b: Uint8Array): { charset: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

/** How UTF-8-like a decoded text is: sequences that failed (U+FFFD not in the input) and valid multibyte ones. */
interface Utf8Scan {
  text: string;
  invalid: number;
  multibyte: number;
}

/** Counts U+FFFD in `text` and the literal EF BF BD sequences in `bytes` (real U+FFFD in the input). */
function countReplacements(text: string, bytes: Uint8Array): number {
  let out = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) out++;
  if (out === 0) return 0;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let real = 0;
  for (let i = buf.indexOf('\uFFFD'); i !== -1; i = buf.indexOf('\uFFFD', i + 3)) real++;
  return Math.max(0, out - real);
}

function countNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && c !== 0xfffd && (c < 0xdc00 || c > 0xdfff)) n++;
  }
  return n;
}

function scanUtf8(bytes: Uint8Array, final = true): Utf8Scan {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes, { stream: !final });
  const valid = isUtf8(bytes);
  const invalid = valid ? 0 : countReplacements(text, bytes);
  return { text, invalid, multibyte: countNonAscii(text) };
}

/** Mostly UTF-8: a few stray bytes in a file whose multibyte sequences are otherwise valid. */
const mostlyUtf8 = (s: Utf8Scan) => s.invalid > 0 && s.multibyte >= 20 * s.invalid;

/** The Arabic code pages the bytes read as Arabic in (mostly Arabic letters, no controls), best first. */
function arabicCodepages(buf: Buffer): Array<{ text: string; charset: string }> {
  const found: Array<{ text: string; charset: string; score: number }> = [];
  for (const charset of ['windows-1256', 'iso-8859-6']) {
    const text = iconv.decode(buf, charset);
    const s = textStats(text);
    if (s.letters === 0 || s.arabic / s.letters < 0.5 || (s.controls + s.replacement) / s.total > 0.01) continue;
    found.push({ text, charset, score: s.arabic - 10 * (s.controls + s.replacement) });
  }
  return found.sort((a, b) => b.score - a.score);
}

const invalidNote = (n: number): CharsetNote => ({
  code: 'charset.invalid_bytes',
  message: `${n} byte sequence(s) are not valid UTF-8 in an otherwise UTF-8 text: replaced with U+FFFD`,
});
const mislabelNote = (label: string, actual: string): CharsetNote => ({
  code: 'charset.mislabelled',
  message: `declared ${label} but the bytes are ${actual}: read as ${actual}`,
});

/** The charset decision for bytes that are neither (mostly) UTF-8 nor BOM-marked. */
function legacy(buf: Buffer, label: string | null, labelHow: string): Decoded {
  const notes: CharsetNote[] = [];
  const usable = label && label !== 'utf-8' && !label.startsWith('utf-16') ? label : null;
  if (usable && !LATIN.has(usable) && !ARABIC_PAGES.has(usable)) return { text: iconv.decode(buf, usable), charset: usable, how: labelHow, notes };
  const arabic = arabicCodepages(buf);
  // An Arabic label is honoured when its decoding reads as Arabic; a Latin one when no
  // Arabic code page does (Arabic bytes labelled ISO-8859-1 are a common server default).
  if (usable && (arabic.length === 0 ? !ARABIC_PAGES.has(usable) : arabic.some((a) => a.charset === usable))) {
    return { text: arabic.find((a) => a.charset === usable)?.text ?? iconv.decode(buf, usable), charset: usable, how: labelHow, notes };
  }
  const best = arabic[0];
  if (best) {
    if (label) notes.push(mislabelNote(label, best.charset));
    return { text: best.text, charset: best.charset, how: 'arabic', notes };
  }
  const guess = clean(chardet.detect(buf.subarray(0, CHARDET_SAMPLE)));
  if (guess && guess !== 'utf-8') {
    if (label) notes.push(mislabelNote(label, guess));
    return { text: iconv.decode(buf, guess), charset: guess, how: 'detected', notes };
  }
  if (label) notes.push(mislabelNote(label, 'windows-1256'));
  return { text: iconv.decode(buf, 'windows-1256'), charset: 'windows-1256', how: 'fallback', notes };
}

/** Decides and decodes a whole input (see the module comment for the order of evidence). */
function decideWhole(bytes: Uint8Array, contentType?: string | null): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomOf(buf);
  if (bom) return { text: iconv.decode(buf.subarray(bom.skip), bom.charset), charset: bom.charset, how: 'bom', notes: [] };
  const header = charsetFromContentType(contentType);
  const label = header ?? declaredCharset(buf);
  const labelHow = header ? 'header' : 'declared';
  const labelIsUtf8 = label === 'utf-8' || label?.startsWith('utf-16') === true;
  const scan = scanUtf8(buf);
  if (scan.invalid === 0) {
    // Pure ASCII reads the same in any ASCII-compatible label; multibyte UTF-8 is UTF-8.
    if (scan.multibyte === 0 && label && !labelIsUtf8) return { text: iconv.decode(buf, label), charset: label, how: labelHow, notes: [] };
    const notes = label && !labelIsUtf8 ? [mislabelNote(label, 'utf-8')] : [];
    return { text: scan.text, charset: 'utf-8', how: label === 'utf-8' ? labelHow : 'utf8', notes };
  }
  if (mostlyUtf8(scan)) {
    const notes = [invalidNote(scan.invalid)];
    if (label && !labelIsUtf8) notes.unshift(mislabelNote(label, 'utf-8'));
    return { text: scan.text, charset: 'utf-8', how: label === 'utf-8' ? labelHow : 'utf8', notes };
  }
  return legacy(buf, label, labelHow);
}

/** Remembers the last decodes by input: the format sniffer and the adapter decode the same bytes. */
const memo = new WeakMap<Uint8Array, { contentType: string | null; decoded: Decoded }>();

/** Decodes bytes with the best-evidenced charset (see the module comment). */
export function decode(bytes: Uint8Array, contentType?: string | null): Decoded {
  const hit = memo.get(bytes);
  if (hit && hit.contentType === (contentType ?? null)) return hit.decoded;
  const decoded = decideWhole(bytes, contentType);
  memo.set(bytes, { contentType: contentType ?? null, decoded });
  return decoded;
}

/** The window a stream is judged on before its first text comes out. */
export const STREAM_WINDOW = 1024 * 1024;

/**
 * Decodes a large input chunk by chunk with the charset decided on its first window
 * (`STREAM_WINDOW` bytes, or all of a smaller input), as `decode` would decide it. When the
 * charset is UTF-8, invalid sequences later in the input become U+FFFD and are counted:
 * `notes()` reports them once the input is done.
 */
export class StreamDecoder {
  readonly charset: string;
  readonly how: string;
  private readonly utf8: TextDecoder | null;
  private readonly legacy: ReturnType<typeof iconv.getDecoder> | null;
  private invalid = 0;
  private readonly early: CharsetNote[];
  private skip: number;

  /** `head`: the first bytes of the input (at most the window; the whole input when smaller). */
  constructor(head: Uint8Array, contentType?: string | null, final = false) {
    const buf = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
    const bom = bomOf(buf);
    let charset: string;
    let how: string;
    let notes: CharsetNote[] = [];
    this.skip = bom?.skip ?? 0;
    if (bom) ({ charset, how } = { charset: bom.charset, how: 'bom' });
    else {
      const header = charsetFromContentType(contentType);
      const label = header ?? declaredCharset(buf);
      const scan = scanUtf8(buf, final);
      if (scan.invalid === 0 && scan.multibyte === 0 && label && label !== 'utf-8' && !label.startsWith('utf-16')) {
        ({ charset, how } = { charset: label, how: header ? 'header' : 'declared' });
      } else if (scan.invalid === 0 || mostlyUtf8(scan)) {
        ({ charset, how } = { charset: 'utf-8', how: label === 'utf-8' ? (header ? 'header' : 'declared') : 'utf8' });
        if (label && label !== 'utf-8' && scan.multibyte > 0 && !label.startsWith('utf-16')) notes = [mislabelNote(label, 'utf-8')];
      } else {
        const d = legacy(buf, label, header ? 'header' : 'declared');
        ({ charset, how, notes } = d);
      }
    }
    this.charset = charset;
    this.how = how;
    this.early = notes;
    this.utf8 = charset === 'utf-8' ? new TextDecoder('utf-8', { ignoreBOM: true }) : null;
    this.legacy = charset === 'utf-8' ? null : iconv.getDecoder(charset);
  }

  /** Text of the next chunk (a multibyte character cut at the chunk's end is carried over). */
  write(chunk: Uint8Array): string {
    if (this.skip > 0) {
      const n = Math.min(this.skip, chunk.byteLength);
      chunk = chunk.subarray(n);
      this.skip -= n;
    }
    if (this.utf8) {
      const text = this.utf8.decode(chunk, { stream: true });
      if (!isUtf8(chunk)) this.invalid += countReplacements(text, chunk);
      return text;
    }
    return this.legacy!.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }

  /** The text still held (an incomplete sequence at the very end). */
  end(): string {
    if (this.utf8) {
      const rest = this.utf8.decode();
      if (rest.includes('\uFFFD')) this.invalid++;
      return rest;
    }
    return this.legacy!.end() ?? '';
  }

  /** Warnings about the charset, complete once `end` has been called. */
  notes(): CharsetNote[] {
    return this.invalid > 0 ? [...this.early, invalidNote(this.invalid)] : [...this.early];
  }
}
