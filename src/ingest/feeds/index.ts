/**
 * `parseFeed`: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.0/1.1 to Articles,
 * through feedsmith (a maintained parser that keeps each format's own structure).
 *
 * Why this shape: the bytes are decoded first with the charset the HTTP header, BOM or
 * XML prolog declares (Arabic feeds still ship windows-1256), feedsmith parses, one
 * adapter per format picks fields, and item.ts builds the Articles the same way for all.
 * Forms feedsmith's structs do not keep (Atom 0.3 base64, dc:author, an XHTML body in an
 * RSS item) are read by extras.ts. Contract: never throws for bad input. Malformed XML or
 * JSON gives `feed.malformed`
 * with the line; a feed cut off mid-way still yields the items that were complete; a
 * document that is no feed gives `feed.unrecognized`; bad items give per-item issues.
 */
import { DetectError, parseFeed as feedsmithParse, type AnyFeed } from 'feedsmith';
import { decode } from '../encoding.ts';
import { emptyResult, type InputDoc, type ParseIssue, type ParseOptions, type ParseResult, type Parser } from '../types.ts';
import { buildArticles, type FeedInfo } from './item.ts';
import { fromRss } from './rss.ts';
import { fromRdf } from './rdf.ts';
import { fromAtom } from './atom.ts';
import { fromJsonFeed } from './jsonfeed.ts';
import { jsonIssue, salvageTruncated, xmlIssue, xmlProblem } from './issues.ts';
import { fromExtras, needsExtras, readExtras, type ItemExtras } from './extras.ts';

export { htmlToText, inlineText, plainToText } from './html-text.ts';

function adapt(parsed: AnyFeed, extras: ItemExtras[] | null): FeedInfo {
  switch (parsed.format) {
    case 'rss':
      return fromRss(parsed.feed, extras);
    case 'rdf':
      return fromRdf(parsed.feed, extras);
    case 'atom':
      return fromAtom(parsed.feed, extras);
    case 'json':
      return fromJsonFeed(parsed.feed);
  }
}

type Attempt = { parsed: AnyFeed } | { issue: ParseIssue };

function tryParse(doc: InputDoc, text: string): Attempt {
  const isJson = text.trimStart().startsWith('{');
  let value: unknown = text;
  if (isJson) {
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { issue: jsonIssue(doc.name, text, e as Error) };
    }
  }
  try {
    return { parsed: feedsmithParse(value) };
  } catch (e) {
    if (e instanceof DetectError) {
      return { issue: { code: 'feed.unrecognized', source: doc.name, message: 'not an RSS, RDF, Atom or JSON Feed document' } };
    }
    if (isJson) return { issue: { code: 'feed.malformed', source: doc.name, message: `not a valid JSON Feed: ${(e as Error).message}` } };
    return { issue: xmlIssue(doc.name, text) };
  }
}

/** Parses one feed document into Articles (see the module comment for the contract). */
export const parseFeed: Parser = (doc: InputDoc, opts: ParseOptions): ParseResult => {
  const out = emptyResult();
  const text = decode(doc.bytes, doc.contentType).text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    out.errors.push({ code: 'input.empty', source: doc.name, message: 'empty feed' });
    return out;
  }
  let attempt = tryParse(doc, text);
  const extras = !text.trimStart().startsWith('{') && needsExtras(text) ? readExtras(text) : null;
  // Well-formed, but nothing feedsmith reads in its items (each holds only an XHTML body):
  // the items are read from the extras, and the file is not called malformed.
  if ('issue' in attempt && extras && extras.length > 0 && xmlProblem(doc.name, text) === null) {
    const built = buildArticles({ title: null, link: null, lang: null, items: extras.map(fromExtras) }, doc.name, doc.url, opts);
    out.articles.push(...built.articles);
    out.errors.push(...built.errors);
    return out;
  }
  if ('issue' in attempt) {
    out.errors.push(attempt.issue);
    // A feed cut off mid-way (a partial download, a full disk) still holds whole items.
    const salvaged = attempt.issue.code === 'feed.malformed' ? salvageTruncated(text) : null;
    if (!salvaged) return out;
    attempt = tryParse(doc, salvaged);
    if ('issue' in attempt) return out;
  }
  let info: FeedInfo;
  try {
    info = adapt(attempt.parsed, extras);
  } catch (e) {
    out.errors.push({ code: 'feed.malformed', source: doc.name, message: `unexpected feed structure: ${(e as Error).message}` });
    return out;
  }
  const built = buildArticles(info, doc.name, doc.url, opts);
  out.articles.push(...built.articles);
  out.errors.push(...built.errors);
  if (info.items.length === 0) out.errors.push({ code: 'feed.no_items', source: doc.name, message: 'the feed has no items' });
  return out;
};
