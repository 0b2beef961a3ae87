/**
 * The adapter for each format, in one table: what a whole document of that format is
 * parsed by (stream.ts routes documents here; JSON and JSONL only when small enough to be
 * read whole).
 */
import type { Format, Parser } from './types.ts';
import { parsePage } from './pages/index.ts';
import { parseJson, parseJsonl } from './json/index.ts';
import { parseFeed } from './feeds/index.ts';
import { parseHtml } from './html/index.ts';
import { parseText } from './text/index.ts';
import { parseOpml } from './opml/index.ts';

export const PARSERS: Readonly<Record<Format, Parser>> = Object.freeze({
  page: parsePage,
  json: parseJson,
  jsonl: parseJsonl,
  feed: parseFeed,
  html: parseHtml,
  text: parseText,
  opml: parseOpml,
});
