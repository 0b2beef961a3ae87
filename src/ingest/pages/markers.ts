/**
 * The line markers of a saved aggregator page (`تاريخ النشر`, `المصدر`, `كلمات دلالية`,
 * `اقرأ أيضاً`), matched in any spelling: with or without hamza, tanween, harakat or tatweel,
 * with or without a colon, and with the text glued on after it (`اقرأ أيضاًالدفاع …`).
 *
 * Why regexes on the original line and not on `normalize(line)`: normalizing changes
 * lengths, and the text glued after a marker must be cut at the right offset.
 * Contract: `matchMarker(line)` gives the marker kind and the rest of the line (trimmed),
 * or null when the line does not start with a marker.
 */

export type MarkerKind = 'date' | 'source' | 'tags' | 'readAlso';

export interface MarkerMatch {
  kind: MarkerKind;
  /** The text after the marker and its colon, trimmed ('' when the marker stands alone). */
  rest: string;
}

/** Marks that may sit inside a word: harakat, superscript alef, tatweel, zero-width. */
const MARKS = '[\\u064B-\\u065F\\u0670\\u0640\\u200C\\u200D]*';
const LETTER: Readonly<Record<string, string>> = {
  ا: '[اأإآٱ]',
  أ: '[اأإآٱ]',
  ي: '[يى]',
  ى: '[يى]',
  ة: '[ةه]',
};

/** A regex source for `word` that tolerates hamza/ya/ta-marbuta variants and marks. */
function loose(phrase: string): string {
  return phrase
    .split(' ')
    .map((word) => [...word].map((ch) => (LETTER[ch] ?? ch) + MARKS).join(''))
    .join('\\s*');
}

const COLON = '\\s*[:：\\-–]?\\s*';

/** Markers whose value is on the same line; the word must end there (no glued letters). */
const LINE_MARKERS: ReadonlyArray<[MarkerKind, RegExp]> = [
  ['date', new RegExp(`^${loose('تاريخ النشر')}(?![\\p{L}])${COLON}`, 'u')],
  ['source', new RegExp(`^${loose('المصدر')}(?![\\p{L}])${COLON}`, 'u')],
  [
    'tags',
    new RegExp(`^(?:${loose('كلمات دلالية')}|${loose('الكلمات الدلالية')}|${loose('كلمات مفتاحية')}|${loose('الوسوم')})(?![\\p{L}])${COLON}`, 'u'),
  ],
];

/** «اقرأ أيضاً» and kin; the next headline may be glued straight onto it. */
const READ_ALSO = new RegExp(`^${loose('اقرأ ايضا')}${COLON}`, 'u');

/** Matches a marker at the start of a (trimmed) line. */
export function matchMarker(line: string): MarkerMatch | null {
  const ra = READ_ALSO.exec(line);
  if (ra) return { kind: 'readAlso', rest: line.slice(ra[0].length).trim() };
  for (const [kind, re] of LINE_MARKERS) {
    const m = re.exec(line);
    if (m) return { kind, rest: line.slice(m[0].length).trim() };
  }
  return null;
}

/**
 * True when text looks like a saved aggregator page: at least two different markers
 * start lines (any spelling). One `تاريخ النشر` line alone is common in plain dumps
 * (42 of corpus/textdumps), so it does not make a page. For detect.ts.
 */
export function looksLikePage(text: string): boolean {
  const kinds = new Set<MarkerKind>();
  for (const line of text.slice(0, 64 * 1024).split(/\r\n|\r|\n/)) {
    const m = matchMarker(line.trim());
    if (m) kinds.add(m.kind);
    if (kinds.size >= 2) return true;
  }
  return false;
}
