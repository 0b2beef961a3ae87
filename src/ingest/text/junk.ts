/**
 * Tells decoded text from binary junk, for the plain-text adapters (dumps and saved pages).
 *
 * Why: a binary file (an image, a zip member, random bytes) decodes without error in any
 * single-byte charset, so "it decoded" proves nothing. Text has few control characters,
 * few U+FFFD replacement characters, and mostly letters, digits, punctuation and spaces.
 * Contract: `junkReason` returns a short English reason when the text is not text, else null.
 */

export interface TextStats {
  /** Characters considered (capped: only the first 64 K UTF-16 units are looked at). */
  total: number;
  /** Arabic letters (U+0621–U+064A, U+066E–U+06D3, U+06FA–U+06FF). */
  arabic: number;
  /** All letters, any script. */
  letters: number;
  /** C0/C1 controls other than tab, CR, LF, FF; NUL included. */
  controls: number;
  /** U+FFFD. */
  replacement: number;
}

const SAMPLE = 64 * 1024;

/** Letters outside Arabic and Latin-1 (Cyrillic, Greek, CJK…), tested only when needed. */
const OTHER_LETTER = /\p{L}/u;

/** Counts the character classes of the first 64 K UTF-16 units (a char-code loop: hot path). */
export function textStats(text: string): TextStats {
  const s: TextStats = { total: 0, arabic: 0, letters: 0, controls: 0, replacement: 0 };
  const n = Math.min(text.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its high half
    s.total++;
    if (c === 0xfffd) s.replacement++;
    else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0)) s.controls++;
    else if ((c >= 0x621 && c <= 0x64a) || (c >= 0x66e && c <= 0x6d3) || (c >= 0x6fa && c <= 0x6ff)) {
      s.arabic++;
      s.letters++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) s.letters++;
    else if (c > 0x24f && OTHER_LETTER.test(String.fromCharCode(c))) s.letters++;
  }
  return s;
}

/** Why this decoded text is not text (binary junk), or null when it reads as text. */
export function junkReason(text: string): string | null {
  const s = textStats(text);
  if (s.total === 0) return null;
  if (s.controls / s.total > 0.01) return `${s.controls} control characters in the first ${s.total}: binary data, not text`;
  if (s.replacement / s.total > 0.01) return `${s.replacement} undecodable characters (U+FFFD) in the first ${s.total}`;
  if (s.letters / s.total < 0.3) return `only ${s.letters} letters in ${s.total} characters: not prose`;
  return null;
}

/**
 * Why this text has lost its Arabic, or null: an Arabic file saved through a charset
 * without Arabic letters has every letter replaced by `?` (`??I ??IC? I?????`), which no
 * decoder can undo. Seen in 22 files of corpus/textdumps (DZP*): pure ASCII bytes.
 */
export function lostArabic(text: string): string | null {
  if (!text.includes('??')) return null;
  const sample = text.slice(0, SAMPLE);
  if (textStats(sample).arabic > 0) return null;
  const visible = sample.replace(/\s+/g, '');
  const q = visible.split('?').length - 1;
  if (visible.length < 20 || q / visible.length < 0.2) return null;
  return `${Math.round((100 * q) / visible.length)}% of the characters are '?' and none is Arabic: the text was re-encoded through a charset without Arabic before it was saved; it cannot be recovered`;
}
