/**
 * Parses Marsad's query syntax into analyzed clauses, backend-neutral: each backend
 * compiles the result to its own engine (FTS5 MATCH, tsquery). Never throws.
 *
 * Syntax: words are ANDed; `"…"` (or «…», “…”) is a phrase; `-word` or `-"…"` excludes;
 * `OR` (or `|`) between two items makes them alternatives. Everything else — FTS or SQL
 * syntax such as `* ^ : ( ) NEAR ;` — is plain text: it goes through the analyzer like
 * any word, so it can never reach an engine as an operator. Words are analyzed with the
 * index's analyzer (normalized, stopwords dropped, stemmed); a query left with nothing to
 * look for, or longer than MAX_QUERY_CHARS, yields `empty: true` and a `notice`.
 */
import type { Analyzer } from './analyzer.ts';

export const MAX_QUERY_CHARS = 1000;
export const MAX_ITEMS = 32;

/** One thing to match: a single term, or a phrase (terms adjacent and in order). */
export interface Item {
  terms: string[];
  /** The text as typed, for messages. */
  raw: string;
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its alternatives does. */
  groups: Item[][];
  /** No article matching any of these is returned. */
  not: Item[];
  /** Nothing to search for (the caller returns an empty result with `notice`). */
  empty: boolean;
  notice?: string;
  /** Positive terms in the order typed: for proximity ranking and highlighting. */
  terms: string[];
  /** Positive words normalized but unstemmed, in the order typed: for exact-word ranking. */
  norms: string[];
}

const OPEN_QUOTES: Record<string, string> = { '"': '"', '«': '»', '“': '”', '„': '”' };

type Lexeme = { kind: 'word' | 'phrase'; text: string; neg: boolean } | { kind: 'or' };

function lex(q: string): { lexemes: Lexeme[]; unbalanced: boolean } {
  const lexemes: Lexeme[] = [];
  let unbalanced = false;
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    let neg = false;
    let j = i;
    if ((c === '-' || c === '−') && j + 1 < q.length && !/\s/u.test(q[j + 1]!)) {
      neg = true;
      j++;
    }
    const open = q[j]!;
    const close = OPEN_QUOTES[open];
    if (close !== undefined) {
      let end = q.indexOf(close, j + 1);
      // A straight quote also closes a curly/guillemet one typed on another keyboard.
      if (end < 0 && close !== '"') end = q.indexOf('"', j + 1);
      if (end < 0) {
        unbalanced = true;
        end = q.length;
      }
      lexemes.push({ kind: 'phrase', text: q.slice(j + 1, end), neg });
      i = end + 1;
      continue;
    }
    let end = j;
    while (end < q.length && !/\s/u.test(q[end]!) && OPEN_QUOTES[q[end]!] === undefined) end++;
    const text = q.slice(j, end);
    if (!neg && (text === 'OR' || text === '|')) lexemes.push({ kind: 'or' });
    else lexemes.push({ kind: 'word', text, neg });
    i = end;
  }
  return { lexemes, unbalanced };
}

function emptyQuery(notice: string): ParsedQuery {
  return { groups: [], not: [], empty: true, notice, terms: [], norms: [] };
}

/** Parses and analyzes a query. Never throws; see the module comment for the syntax. */
export function parseQuery(q: string, analyzer: Analyzer): ParsedQuery {
  if (typeof q !== 'string' || q.trim() === '') return emptyQuery('Type a word to search for.');
  if (q.length > MAX_QUERY_CHARS) return emptyQuery(`The query is too long (${q.length} characters; at most ${MAX_QUERY_CHARS}).`);
  const { lexemes, unbalanced } = lex(q);
  const notices: string[] = [];
  if (unbalanced) notices.push('A quotation mark was not closed: the phrase runs to the end of the query.');

  const groups: Item[][] = [];
  const not: Item[] = [];
  let pendingOr = false;
  let dropped = 0;
  let count = 0;
  const norms: string[] = [];
  for (const lx of lexemes) {
    if (lx.kind === 'or') {
      pendingOr = groups.length > 0;
      continue;
    }
    // A word glued to punctuation (covid-19, a:b) that analyzes to several terms is a phrase.
    const analyzed = analyzer.terms(lx.text);
    const terms = analyzed.map((t) => t.term);
    if (terms.length === 0) {
      dropped++;
      pendingOr = false;
      continue;
    }
    if (++count > MAX_ITEMS) continue;
    const item: Item = { terms, raw: lx.text };
    if (!lx.neg) for (const t of analyzed) if (!norms.includes(t.norm)) norms.push(t.norm);
    if (lx.neg) not.push(item);
    else if (pendingOr) groups[groups.length - 1]!.push(item);
    else groups.push([item]);
    pendingOr = false;
  }
  if (count > MAX_ITEMS) notices.push(`Only the first ${MAX_ITEMS} words were used.`);
  if (groups.length === 0) {
    const why =
      not.length > 0
        ? 'The query only excludes words: add a word to look for.'
        : dropped > 0
          ? 'The query has only common words or punctuation, which are not indexed: add a more specific word.'
          : 'Type a word to search for.';
    return emptyQuery([...notices, why].join(' '));
  }
  const terms: string[] = [];
  for (const g of groups) for (const it of g) for (const t of it.terms) if (!terms.includes(t)) terms.push(t);
  return { groups, not, empty: false, notice: notices.length ? notices.join(' ') : undefined, terms, norms };
}

/** The same query with every group's alternatives pooled into one (any word may match). */
export function relaxQuery(p: ParsedQuery): ParsedQuery | null {
  if (p.groups.length < 2) return null;
  return { ...p, groups: [p.groups.flat()] };
}
