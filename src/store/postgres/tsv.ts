/**
 * Pre-analyzed terms as PostgreSQL text-search values: a document's `tsvector` literal
 * (headline weighted A, body B, positions so phrases work) and a parsed query's `tsquery`.
 * No PostgreSQL parser or dictionary ever sees the raw text: the `simple` configuration's
 * job is done by Marsad's analyzer, and the literals are built here, every lexeme quoted.
 *
 * Terms are split the way SQLite's FTS5 `ascii` tokenizer splits them (ASCII punctuation
 * separates, everything non-ASCII is a word character), so both backends see the same
 * tokens, the same document lengths and the same phrases (`3.5` is the phrase `3 5`).
 */
import type { Analyzer } from '../../search/analyzer.ts';
import type { Item, ParsedQuery } from '../../search/query.ts';

/** PostgreSQL's limits: positions 1..16383, at most 256 positions per lexeme, 2 KB lexemes. */
export const MAX_POS = 16_383;
const MAX_POSITIONS = 256;
const MAX_LEXEME_BYTES = 2046;

const SPLIT = /[^0-9a-z\u0080-\u{10FFFF}]+/u;

/** The FTS5-`ascii` tokens of one analyzed term. */
export function ftsTokens(term: string): string[] {
  return term
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .split(SPLIT)
    .filter((t) => t.length > 0 && Buffer.byteLength(t) <= MAX_LEXEME_BYTES);
}

/** The tokens of an analyzed text, in order. */
export function textTokens(analyzer: Analyzer, text: string): string[] {
  const out: string[] = [];
  for (const t of analyzer.terms(text)) for (const x of ftsTokens(t.term)) out.push(x);
  return out;
}

/** A lexeme quoted for tsvector/tsquery input. */
export function quoteLexeme(l: string): string {
  return `'${l.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

export interface IndexedDoc {
  /** The `tsvector` literal. */
  tsv: string;
  titleLen: number;
  /** Every token of title and body (BM25's document length). */
  docLen: number;
}

/** The index entry of a headline and a body (token lists from `textTokens`). */
export function indexDoc(title: string[], body: string[]): IndexedDoc {
  const pos = new Map<string, string[]>();
  const add = (tok: string, p: number, w: 'A' | 'B') => {
    if (p > MAX_POS) return;
    let l = pos.get(tok);
    if (!l) pos.set(tok, (l = []));
    if (l.length < MAX_POSITIONS) l.push(`${p}${w}`);
  };
  title.forEach((t, i) => add(t, i + 1, 'A'));
  const off = title.length + 2;
  body.forEach((t, i) => add(t, off + i, 'B'));
  const parts: string[] = [];
  for (const [lex, ps] of pos) parts.push(`${quoteLexeme(lex)}:${ps.join(',')}`);
  return { tsv: parts.join(' '), titleLen: title.length, docLen: title.length + body.length };
}

/** An item's tokens: one term, or a phrase. */
export function itemTokens(it: Item): string[] {
  return it.terms.flatMap(ftsTokens);
}

const phrase = (toks: string[]): string => (toks.length === 1 ? quoteLexeme(toks[0]!) : `(${toks.map(quoteLexeme).join(' <-> ')})`);

/** The tsquery of a parsed query (null when no item has a token left). */
export function tsQuery(p: ParsedQuery): string | null {
  const groups: string[] = [];
  for (const g of p.groups) {
    const alts = g.map(itemTokens).filter((t) => t.length > 0).map(phrase);
    if (alts.length === 0) return null;
    groups.push(alts.length === 1 ? alts[0]! : `(${alts.join(' | ')})`);
  }
  if (groups.length === 0) return null;
  let q = groups.join(' & ');
  const nots = p.not.map(itemTokens).filter((t) => t.length > 0).map(phrase);
  if (nots.length) q = `(${q}) & !(${nots.join(' | ')})`;
  return q;
}

/** The tsquery of one phrase (for its document frequency). */
export function phraseQuery(toks: string[]): string {
  return phrase(toks);
}
