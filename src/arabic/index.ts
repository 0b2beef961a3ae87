/**
 * The one Arabic analyzer, used by indexing, queries, tagging and duplicate detection.
 * Public surface of src/arabic/: import from here, not from the files behind it.
 */
export { normalize, NORMALIZATION_TABLE, isIgnorable } from './normalize.ts';
export { tokenize, foldSpan, isSeparatorAt, type Token } from './tokenize.ts';
export { isStopword, STOPWORDS } from './stopwords.ts';
export { stem, stemmers, type Stemmer, type StemmerName } from './stem.ts';
export { parseArabicDate } from './dates.ts';
export { analyze, analyzeTokens, attachAnalysis, attachedAnalysis, type Term, type AnalyzeOptions, type TextAnalysis } from './analyze.ts';
