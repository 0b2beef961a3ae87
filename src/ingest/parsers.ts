/**
 * The adapter for each format, in one table: what a whole document of that format is
 * parsed by (stream.ts routes documents here; JSON and JSONL only when small enough to be
 * read whole). Each adapter is imported when a document of its format first comes: a saved
 * page or a JSON dump never loads the feed parser, linkedom or Readability.
 */
import type { Format, Parser } from './types.ts';

export const PARSERS: Readonly<Record<Format, () => Promise<Parser>>> = Object.freeze({
  page: async () => (await import('./pages/index.ts')).parsePage,
  json: async () => (await import('./json/index.ts')).parseJson,
  jsonl: async () => (await import('./json/index.ts')).parseJsonl,
  feed: async () => (await import('./feeds/index.ts')).parseFeed,
  html: async () => (await import('./html/index.ts')).parseHtml,
  text: async () => (await import('./text/index.ts')).parseText,
  opml: async () => (await import('./opml/index.ts')).parseOpml,
});
