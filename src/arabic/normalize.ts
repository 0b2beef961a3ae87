/**
 * Normalization for matching. The stored text keeps its original spelling for display;
 * this form is what search, tagging, dedup and clustering compare. Each mapping is one
 * row of NORMALIZATION_TABLE (tested row by row in normalize.test.ts).
 */

export interface NormalizationRow {
  /** What the row folds. */
  name: string;
  /** Characters that are mapped (or removed when `to` is ''). */
  from: string;
  to: string;
}

const range = (a: number, b: number): string => {
  let s = '';
  for (let c = a; c <= b; c++) s += String.fromCharCode(c);
  return s;
};

export const NORMALIZATION_TABLE: readonly NormalizationRow[] = [
  { name: 'hamza on alef and wasla to bare alef', from: 'أإآٱ', to: 'ا' },
  { name: 'alef maqsura to ya', from: 'ى', to: 'ي' },
  { name: 'ta marbuta to ha', from: 'ة', to: 'ه' },
  { name: 'harakat and Quranic marks U+064B–U+065F', from: range(0x064b, 0x065f), to: '' },
  { name: 'superscript alef U+0670', from: '\u0670', to: '' },
  { name: 'tatweel U+0640', from: '\u0640', to: '' },
  { name: 'Persian ye ی to ya', from: 'ی', to: 'ي' },
  { name: 'Persian keheh ک to kaf', from: 'ک', to: 'ك' },
  { name: 'heh with yeh above ۀ to ha', from: 'ۀ', to: 'ه' },
  { name: 'Urdu heh goal ہ to ha', from: 'ہ', to: 'ه' },
  { name: 'Arabic-Indic digits to ASCII', from: '٠١٢٣٤٥٦٧٨٩', to: '0123456789' },
  { name: 'Persian digits to ASCII', from: '۰۱۲۳۴۵۶۷۸۹', to: '0123456789' },
  { name: 'zero-width and directional marks removed', from: '\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c', to: '' },
];

/** One code point → replacement, built from the table (to '' means removal). */
const MAP: Map<number, string> = (() => {
  const m = new Map<number, string>();
  for (const row of NORMALIZATION_TABLE) {
    const from = [...row.from];
    const to = [...row.to];
    from.forEach((ch, i) => m.set(ch.codePointAt(0)!, to.length === from.length ? to[i]! : row.to));
  }
  return m;
})();

/** Presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are folded by NFKC before the table. */
const PRESENTATION = /[\uFB50-\uFDFF\uFE70-\uFEFF]/;

/**
 * MAP as one entry per UTF-16 code unit: KEEP, 0 for a removal, else the replacement's code
 * (every row maps a BMP character to at most one BMP character). Surrogates stay KEEP: the
 * table has no astral code point, so a pair passes through as the code-point loop left it.
 */
export const KEEP = 0xffff;
export const TABLE: Uint16Array = (() => {
  const t = new Uint16Array(0x10000).fill(KEEP);
  for (const [cp, r] of MAP) {
    if (cp > 0xffff || r.length > 1 || (r.length === 1 && (r.charCodeAt(0) === KEEP || r.charCodeAt(0) === 0))) throw new Error(`normalize: row for U+${cp.toString(16)} is not one BMP character`);
    t[cp] = r === '' ? 0 : r.charCodeAt(0);
  }
  return t;
})();

let buf = new Uint16Array(4096);

/** `s` with every code unit mapped through TABLE (a string of the same letters when none maps). */
function mapUnits(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && TABLE[s.charCodeAt(i)] === KEEP) i++;
  if (i === n) return s;
  if (buf.length < n) buf = new Uint16Array(n);
  const b = buf;
  for (let j = 0; j < i; j++) b[j] = s.charCodeAt(j);
  let w = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const m = TABLE[c]!;
    if (m === KEEP) b[w++] = c;
    else if (m !== 0) b[w++] = m;
  }
  return fromUnits(b, w);
}

/** The string of the first `n` code units of `b` (in slices, under the argument limit). */
export function fromUnits(b: Uint16Array, n: number): string {
  let out = '';
  for (let j = 0; j < n; j += 8192) out += String.fromCharCode.apply(null, b.subarray(j, Math.min(n, j + 8192)) as unknown as number[]);
  return out;
}

/**
 * Folds text for matching: presentation forms (NFKC on those characters only), hamza on
 * alef, ى, ة, harakat, tatweel, Persian/Urdu letters, Eastern digits, zero-width marks,
 * and Latin case. Length may change; use `tokenize` when offsets into the original matter.
 * (The table is applied per code unit over a buffer: the same as per code point, since it
 * maps no surrogate, without a string made per character.)
 */
export function normalize(text: string): string {
  // NFC first: a decomposed ئ (ي + U+0654) must meet the composed one.
  let s = text.normalize('NFC');
  if (PRESENTATION.test(s)) s = s.replace(/[\uFB50-\uFDFF\uFE70-\uFEFF]+/g, (m) => m.normalize('NFKC'));
  return mapUnits(s).toLowerCase();
}

/** True for a code point the normalizer deletes (harakat, tatweel, zero-width marks). */
export function isIgnorable(ch: string): boolean {
  return MAP.get(ch.codePointAt(0)!) === '';
}
