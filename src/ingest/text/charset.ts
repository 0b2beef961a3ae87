/**
 * Decoding for plain-text dumps: `decode` (encoding.ts) for every case it decides on
 * evidence (BOM, HTTP header, a declaration, valid UTF-8); for legacy single-byte bytes,
 * an Arabic-aware choice between windows-1256 and ISO-8859-6 before chardet.
 *
 * Why: on the 2,375 cp1256 dumps of corpus/textdumps, chardet calls 22 files windows-1252
 * or ISO-8859-1 (mojibake) and costs ~8 ms a file. Decoding with both Arabic code pages
 * takes ~0.1 ms and the right one is plain to see: mostly Arabic letters, no controls, no
 * undefined bytes. Only when neither reads as Arabic does chardet (via `decode`) decide.
 */
import iconv from 'iconv-lite';
import type { Decoded } from '../encoding.ts';
import { charsetFromContentType, declaredCharset, decode } from '../encoding.ts';
import { textStats } from './junk.ts';

const ARABIC_CODEPAGES = ['windows-1256', 'iso-8859-6'] as const;

function hasBom(b: Uint8Array): boolean {
  return (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Decodes a text dump; `how` is `arabic` when the Arabic code-page check decided. */
export function decodeText(bytes: Uint8Array, contentType?: string | null): Decoded {
  if (hasBom(bytes) || charsetFromContentType(contentType) || declaredCharset(bytes) || isUtf8(bytes)) return decode(bytes, contentType);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let best: { text: string; charset: string; score: number } | null = null;
  for (const charset of ARABIC_CODEPAGES) {
    const text = iconv.decode(buf, charset);
    const s = textStats(text);
    if (s.letters === 0 || s.arabic / s.letters < 0.5 || (s.controls + s.replacement) / s.total > 0.01) continue;
    const score = s.arabic - 10 * (s.controls + s.replacement);
    if (!best || score > best.score) best = { text, charset, score };
  }
  return best ? { text: best.text, charset: best.charset, how: 'arabic' } : decode(bytes, contentType);
}
