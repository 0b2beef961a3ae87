/**
 * Caps on Article fields, in characters (UTF-16 units): ingest cuts to them with an issue
 * (src/ingest/normalize.ts), the schema checks them (schema.ts), and the content id is
 * computed over at most `text` characters, so an oversized body costs no more than a
 * capped one.
 */
export const LIMITS = Object.freeze({
  /** A headline; the longest in the corpora is under 200. */
  title: 1000,
  /** The body: ~6× the longest real article seen (31,520 characters in saudinewsnet). */
  text: 200_000,
  /** outlet, via, author, each tag, each read-also title. */
  field: 300,
  url: 4096,
  tags: 100,
  readAlso: 100,
});

