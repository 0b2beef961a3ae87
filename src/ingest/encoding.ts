/**
 * Decoding bytes to text: the charset is detected, never assumed. Order: BOM, the HTTP
 * header, an XML prolog or HTML <meta> declaration, strict UTF-8, then chardet's guess
 * (which tells windows-1256 from ISO-8859-6 for Arabic dumps).
 */
import iconv from 'iconv-lite';
import chardet from 'chardet';

export interface Decoded {
  text: string;
  /** The charset used, lower-case (e.g. `utf-8`, `windows-1256`). */
  charset: string;
  /** How it was decided: `bom`, `header`, `declared`, `utf8`, `detected`, `fallback`. */
  how: string;
}

const ALIASES: Record<string, string> = {
  'cp1256': 'windows-1256',
  'x-cp1256': 'windows-1256',
  'arabic': 'iso-8859-6',
  'iso_8859-6': 'iso-8859-6',
  'utf8': 'utf-8',
};

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

/** The charset declared inside the first 2 KB: `<?xml … encoding="…"?>` or `<meta charset>`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const xml = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return clean(xml[1]);
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return clean(meta?.[1]);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decodes bytes with the best-evidenced charset. */
export function decode(bytes: Uint8Array, contentType?: string | null): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), charset: 'utf-8', how: 'bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), charset: 'utf-16le', how: 'bom' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), charset: 'utf-16be', how: 'bom' };
  const header = charsetFromContentType(contentType);
  if (header) return { text: iconv.decode(buf, header), charset: header, how: 'header' };
  const declared = declaredCharset(buf);
  // A page that declares UTF-8 but is not valid UTF-8 is common; trust the bytes then.
  if (declared && !(declared === 'utf-8' && !isUtf8(buf))) return { text: iconv.decode(buf, declared), charset: declared, how: 'declared' };
  if (isUtf8(buf)) return { text: buf.toString('utf8'), charset: 'utf-8', how: 'utf8' };
  const guess = clean(chardet.detect(buf.subarray(0, 64 * 1024)));
  if (guess) return { text: iconv.decode(buf, guess), charset: guess, how: 'detected' };
  return { text: iconv.decode(buf, 'windows-1256'), charset: 'windows-1256', how: 'fallback' };
}
