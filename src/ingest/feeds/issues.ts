/**
 * Where a feed is broken: the line of the first XML or JSON error, and the salvage of a
 * feed that was cut off mid-way.
 *
 * Why: feedsmith says only that a feed is malformed; a user fixing a feed, or reading
 * why a poll failed, needs the line. fast-xml-parser's validator (the parser feedsmith
 * itself uses) is run only after a failure, so good feeds pay nothing; a JSON Feed's error
 * is located by the JSON adapter's own locator (../json/locate.ts). Contract: pure
 * functions; never throw.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { ParseIssue } from '../types.ts';
import { firstJsonError, lineCol } from '../json/locate.ts';

const lineAt = (text: string, index: number): number => lineCol(text, index).line;

/** A `feed.malformed` issue for XML feedsmith refused, with the line when the validator finds one. */
export function xmlIssue(source: string, text: string): ParseIssue {
  return xmlProblem(source, text) ?? { code: 'feed.malformed', source, message: 'malformed feed XML' };
}

/** The first well-formedness error of an XML text as a `feed.malformed` issue, or null. */
export function xmlProblem(source: string, text: string): ParseIssue | null {
  let v: ReturnType<typeof XMLValidator.validate>;
  try {
    v = XMLValidator.validate(text, { allowBooleanAttributes: true });
  } catch (e) {
    return { code: 'feed.malformed', source, message: `malformed XML: ${(e as Error).message}` };
  }
  if (v === true) return null;
  const { msg, line, col } = v.err;
  // Unclosed elements at the end are reported at 1:1; the end of the text is where it broke.
  const unclosed = /^Invalid '\[(.*)\]' found\.?$/s.exec(msg);
  if (unclosed) {
    const names = unclosed[1]!.replace(/[\s"]/g, '').split(',').filter(Boolean).join(', ');
    return { code: 'feed.malformed', source, line: lineAt(text, text.length), message: `truncated XML: unclosed ${names}` };
  }
  return { code: 'feed.malformed', source, line, message: `malformed XML (column ${col}): ${msg}` };
}

/** A `feed.malformed` issue for a JSON Feed that is not valid JSON, with the line of the error. */
export function jsonIssue(source: string, text: string, e: Error): ParseIssue {
  // V8 gives the position for some errors only; the scanner finds it for the others.
  const pos = /position (\d+)/.exec(e.message);
  const at = pos ? Number(pos[1]) : firstJsonError(text);
  const issue: ParseIssue = { code: 'feed.malformed', source, message: `malformed JSON: ${e.message.split('\n')[0]}` };
  if (at >= 0) issue.line = lineAt(text, at);
  return issue;
}

/**
 * The text of a truncated XML feed cut after its last complete item and closed again, or
 * null when there is no complete item or the feed is not one of the XML formats.
 */
export function salvageTruncated(text: string): string | null {
  const head = text.slice(0, 4096);
  const rdf = /<rdf:RDF[\s>]/i.test(head);
  const rss = !rdf && /<rss[\s>]/i.test(head);
  const atom = !rdf && !rss && /<feed[\s>]/i.test(head);
  if (!rdf && !rss && !atom) return null;
  const close = atom ? '</entry>' : '</item>';
  const end = text.lastIndexOf(close);
  if (end < 0) return null;
  const tail = rdf ? '</rdf:RDF>' : rss ? '</channel></rss>' : '</feed>';
  return text.slice(0, end + close.length) + '\n' + tail;
}
