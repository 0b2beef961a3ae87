/**
 * What every input adapter takes and gives. An adapter turns one document (bytes with a
 * name) into Articles, or Sources for OPML, and reports bad items as values, never throws
 * for bad input: the rest of a batch still goes in.
 */
import type { Article } from '../model/article.ts';

export type Format =
  | 'page' // saved aggregator page, plain text (corpus/pages)
  | 'json' // JSON array / object of articles
  | 'jsonl' // one JSON object per line
  | 'feed' // RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0, JSON Feed
  | 'html' // an article web page
  | 'text' // plain-text dump: headline on the first line
  | 'opml'; // a list of sources

export const FORMATS: readonly Format[] = ['page', 'json', 'jsonl', 'feed', 'html', 'text', 'opml'];

/** One input document. Archives (zip, gzip) are expanded into several before parsing. */
export interface InputDoc {
  /** File path or URL; archive members are `archive.zip!member.json`. Used in every error. */
  name: string;
  bytes: Uint8Array;
  /** The HTTP Content-Type when fetched. */
  contentType?: string | null;
  /** The final URL when fetched (after redirects): base for relative links. */
  url?: string | null;
}

/** A subscribable source (feed), as listed in OPML or the sources table. */
export interface Source {
  url: string;
  title: string | null;
  siteUrl: string | null;
  category: string | null;
}

/** A problem with one input or one item in it, reported with where it happened. */
export interface ParseIssue {
  /** Stable code, e.g. `json.syntax`, `feed.item.no_title`, `fetch.too_large`. */
  code: string;
  /** The document name (file path, URL, or archive member). */
  source: string;
  /** 1-based line, when known. */
  line?: number;
  /** 0-based item index within the document, when known. */
  item?: number;
  message: string;
  /**
   * `warning`: the input was still read (a field cut, a url dropped, invalid bytes
   * replaced); absent means an error: the item or document did not come out.
   */
  severity?: 'warning';
}

export interface ParseResult {
  articles: Article[];
  sources: Source[];
  errors: ParseIssue[];
}

export interface ParseOptions {
  /** Reference time for relative dates (`أمس`, `منذ ساعتين`); defaults to now. */
  now?: Date;
}

/** An adapter for one format. */
export type Parser = (doc: InputDoc, opts: ParseOptions) => ParseResult | Promise<ParseResult>;

export function emptyResult(): ParseResult {
  return { articles: [], sources: [], errors: [] };
}

/** Formats an issue as one line for stderr: `file:line: [code] message`. */
export function formatIssue(i: ParseIssue): string {
  const where = i.line != null ? `${i.source}:${i.line}` : i.item != null ? `${i.source} item ${i.item}` : i.source;
  return `${where}: [${i.code}] ${i.message}`;
}
