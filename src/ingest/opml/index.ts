/**
 * OPML in and out: `parseOpml` reads a subscription list into Sources, `toOpml` writes
 * Sources back as OPML 2.0 (for `marsad sources export`).
 *
 * Why: OPML is how feed readers exchange their lists; Marsad's default source list and a
 * user's own both come this way. Contract of `parseOpml`: every outline with an xmlUrl
 * is a Source; the titles of the outlines it is nested in, joined by ` / `, are its
 * category (else its own `category` attribute); URLs are normalized (percent-encoding as
 * a browser does), so `%D8%A7` and `ا` spellings of one feed are one Source; duplicates
 * are dropped with an `opml.duplicate` issue naming the first; bad URLs and malformed
 * XML are issues, never exceptions. `toOpml(parseOpml(x))` gives back the same Sources.
 */
import { parseOpml as feedsmithOpml, type Opml } from 'feedsmith';
import { decode } from '../encoding.ts';
import { canonicalUrl, resolveUrl } from '../../model/url.ts';
import { xmlProblem } from '../feeds/issues.ts';
import { emptyResult, type InputDoc, type ParseResult, type Parser, type Source } from '../types.ts';

export { toOpml } from './write.ts';

type Outline = Opml.Outline<string>;

const clean = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() || null;

/** OPML 2.0's `category="/Boston/Weather,/Other"`: the first path, as `Boston / Weather`. */
function categoryAttr(c: string | undefined): string | null {
  const first = c?.split(',')[0] ?? '';
  return clean(first.split('/').map((x) => x.trim()).filter(Boolean).join(' / '));
}

/** Parses an OPML document into Sources (see the module comment for the contract). */
export const parseOpml: Parser = (doc: InputDoc): ParseResult => {
  const out = emptyResult();
  const text = decode(doc.bytes, doc.contentType).text.replace(/^\uFEFF/, '');
  // feedsmith reads some broken OPML leniently; say so, and keep what it could read.
  const problem = xmlProblem(doc.name, text);
  if (problem) out.errors.push({ ...problem, code: 'opml.malformed' });
  let parsed: Opml.Document<string>;
  try {
    parsed = feedsmithOpml(text);
  } catch {
    if (!problem) out.errors.push({ code: 'opml.unrecognized', source: doc.name, message: 'not an OPML document' });
    return out;
  }
  const seen = new Map<string, number>();
  let index = 0;
  const walk = (outlines: Outline[] | undefined, path: string[]) => {
    for (const o of outlines ?? []) {
      let title = clean(o.title) ?? clean(o.text);
      if (title != null && title === o.xmlUrl?.trim()) title = null; // toOpml's stand-in for no title
      if (o.xmlUrl?.trim()) {
        const item = index++;
        const url = resolveUrl(o.xmlUrl, doc.url);
        if (!url || !/^https?:/i.test(url)) {
          out.errors.push({ code: 'opml.bad_url', source: doc.name, item, message: `not an http(s) feed URL: ${o.xmlUrl}` });
        } else {
          const key = canonicalUrl(url) ?? url;
          const first = seen.get(key);
          if (first != null) {
            out.errors.push({ code: 'opml.duplicate', source: doc.name, item, message: `same feed as outline ${first}: ${url}` });
          } else {
            seen.set(key, item);
            out.sources.push({
              url,
              title,
              siteUrl: resolveUrl(o.htmlUrl, doc.url),
              category: path.length ? path.join(' / ') : categoryAttr(o.category),
            });
          }
        }
      }
      if (o.outlines?.length) walk(o.outlines, title ? [...path, title] : path);
    }
  };
  walk(parsed.body?.outlines, []);
  if (index === 0) out.errors.push({ code: 'opml.no_feeds', source: doc.name, message: 'no outline has an xmlUrl' });
  return out;
};

export type { Source };
