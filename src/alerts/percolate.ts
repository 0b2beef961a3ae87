/**
 * Percolation: the stored alerts are indexed so that an incoming article checks only the
 * alerts whose key terms it contains, then each candidate is verified with the real query
 * semantics against the article's analyzed terms.
 *
 * Terms: the query is parsed by src/search (the analyzer search uses: normalization,
 * stopwords, light stemming), and both sides are split into tokens the way the full-text
 * indexes split them (FTS5's `ascii` tokenizer, the same split store/postgres/tsv.ts makes),
 * so an alert matches exactly the articles `marsad search` would find for its query:
 * - every group must match; a group matches when one of its alternatives (OR) does;
 * - an alternative is a term or a phrase: tokens adjacent and in order, within the title or
 *   within the text (a phrase does not run from the headline into the body), stopwords
 *   dropped on both sides as the index drops them;
 * - an article matching any excluded item (`-word`, `-"…"`) is not matched;
 * - then the filters: outlet (exact), entity (id, or name after normalization), keyword
 *   (the article's keywords or source tags, after normalization).
 *
 * The index: for each alert, one group is chosen — the one whose alternatives' rarest
 * tokens are rarest together (document frequencies from the caller, e.g. the stories'
 * df table; unknown terms count as rare) — and the alert is filed under the rarest token
 * of each alternative of that group. Every matching article contains one of those tokens,
 * so no match is missed; most articles reach few alerts.
 */
import { normalize } from '../arabic/normalize.ts';
import { defaultAnalyzer, type Analyzer } from '../search/analyzer.ts';
import { parseQuery, type Item } from '../search/query.ts';
import type { EntityMention } from '../model/article.ts';
import type { Alert } from './types.ts';

const SPLIT = /[^0-9a-z\u0080-\u{10FFFF}]+/u;
const MAX_LEXEME_BYTES = 2046;

/** The full-text tokens of one analyzed term (as store/postgres/tsv.ts ftsTokens and FTS5 `ascii`). */
export function termTokens(term: string): string[] {
  return term
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .split(SPLIT)
    .filter((t) => t.length > 0 && Buffer.byteLength(t) <= MAX_LEXEME_BYTES);
}

/** Tokens of a list of analyzed terms, in order. */
export function tokensOf(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of terms) {
    // A term without ASCII (the usual Arabic one) is one token already: skip the split.
    // eslint-disable-next-line no-control-regex
    if (/^[^\u0000-\u007f]+$/u.test(t)) out.push(t);
    else for (const x of termTokens(t)) out.push(x);
  }
  return out;
}

/** What an alert is checked against: one article. */
export interface MatchDoc {
  /** Tokens of the analyzed title and text (`tokensOf`). */
  title: readonly string[];
  text: readonly string[];
  outlet: string | null;
  entities?: readonly EntityMention[];
  keywords?: readonly string[];
  tags?: readonly string[];
}

type Seq = readonly string[];

interface Compiled {
  id: string;
  /** The last `match` call that visited this alert (instead of a per-call Set of seen alerts). */
  seen: number;
  groups: Seq[][];
  not: Seq[];
  outlet: string | null;
  entity: string | null;
  keyword: string | null;
}

const fold = (s: string) => normalize(s).replace(/\s+/gu, ' ').trim();

function compile(a: Alert, analyzer: Analyzer): Compiled | null {
  const p = parseQuery(a.query, analyzer);
  if (p.empty) return null;
  const seq = (it: Item): Seq => it.terms.flatMap(termTokens);
  const groups = p.groups.map((g) => g.map(seq).filter((s) => s.length > 0));
  if (groups.some((g) => g.length === 0)) return null;
  return {
    id: a.id,
    seen: 0,
    groups,
    not: p.not.map(seq).filter((s) => s.length > 0),
    outlet: a.outlet,
    entity: a.entity ? fold(a.entity) : null,
    keyword: a.keyword ? fold(a.keyword) : null,
  };
}

/** The article's tokens with their positions, built once per article and only when needed. */
class DocIndex {
  readonly set: Set<string>;
  private pos: [Map<string, number[]>, Map<string, number[]>] | null = null;

  constructor(private readonly doc: MatchDoc) {
    this.set = new Set(doc.title);
    for (const t of doc.text) this.set.add(t);
  }

  private positions(): [Map<string, number[]>, Map<string, number[]>] {
    if (this.pos) return this.pos;
    const build = (toks: readonly string[]) => {
      const m = new Map<string, number[]>();
      toks.forEach((t, i) => {
        const l = m.get(t);
        if (l) l.push(i);
        else m.set(t, [i]);
      });
      return m;
    };
    return (this.pos = [build(this.doc.title), build(this.doc.text)]);
  }

  private ents: Set<string> | null = null;
  private kws: Set<string> | null = null;

  /** The article's entity ids and names, folded (built on the first alert with an entity filter). */
  entities(): Set<string> {
    if (this.ents) return this.ents;
    this.ents = new Set();
    for (const e of this.doc.entities ?? []) {
      this.ents.add(e.id);
      this.ents.add(fold(e.id));
      this.ents.add(fold(e.name));
    }
    return this.ents;
  }

  /** The article's keywords and source tags, folded. */
  keywords(): Set<string> {
    return (this.kws ??= new Set([...(this.doc.keywords ?? []), ...(this.doc.tags ?? [])].map(fold)));
  }

  has(s: Seq): boolean {
    if (s.length === 1) return this.set.has(s[0]!);
    for (const t of s) if (!this.set.has(t)) return false;
    for (const [field, toks] of [[0, this.doc.title], [1, this.doc.text]] as const) {
      const starts = this.positions()[field].get(s[0]!);
      if (!starts) continue;
      for (const p of starts) {
        let ok = true;
        for (let k = 1; k < s.length && ok; k++) ok = toks[p + k] === s[k];
        if (ok) return true;
      }
    }
    return false;
  }
}

function verify(c: Compiled, d: DocIndex, doc: MatchDoc): boolean {
  // The filters first: one comparison or set lookup each, and they rule out most candidates that have one.
  if (c.outlet !== null && doc.outlet !== c.outlet) return false;
  if (c.entity !== null && !d.entities().has(c.entity)) return false;
  if (c.keyword !== null && !d.keywords().has(c.keyword)) return false;
  for (const g of c.groups) {
    let any = false;
    for (let i = 0; i < g.length && !any; i++) any = d.has(g[i]!);
    if (!any) return false;
  }
  for (const s of c.not) if (d.has(s)) return false;
  return true;
}

/**
 * Numbers every `match` call of the process, to mark the alerts a call has visited. One
 * counter for all matchers: a re-keyed matcher shares its compiled alerts with the old one.
 */
let matchEpoch = 0;

/** Document frequencies of tokens (higher is more common); unknown tokens 0. */
export type DocFreq = (tokens: string[]) => Promise<number[]> | number[];

export class AlertMatcher {
  /** Alerts filed under each key token. */
  private readonly index = new Map<string, Compiled[]>();
  readonly size: number;
  /** Alerts whose query could not be compiled (none in practice: queries are checked on creation). */
  readonly skipped: string[] = [];

  private constructor(
    private readonly compiled: Compiled[],
    keys: string[][],
  ) {
    compiled.forEach((c, i) => {
      for (const k of keys[i]!) {
        const l = this.index.get(k);
        if (l) {
          if (l.at(-1) !== c) l.push(c);
        } else this.index.set(k, [c]);
      }
    });
    this.size = compiled.length;
  }

  /** Compiles and indexes `alerts`; `df` ranks tokens by rarity. */
  static async build(alerts: readonly Alert[], df: DocFreq = () => [], analyzer: Analyzer = defaultAnalyzer): Promise<AlertMatcher> {
    const compiled: Compiled[] = [];
    const skipped: string[] = [];
    for (const a of alerts) {
      const c = compile(a, analyzer);
      if (c) compiled.push(c);
      else skipped.push(a.id);
    }
    const m = await AlertMatcher.keyed(compiled, df);
    m.skipped.push(...skipped);
    return m;
  }

  /**
   * The same alerts keyed again with new document frequencies (the queries are not parsed
   * again): keys chosen on a small or empty corpus can be common words, so a caller re-keys
   * as the corpus grows.
   */
  async rekey(df: DocFreq): Promise<AlertMatcher> {
    const m = await AlertMatcher.keyed(this.compiled, df);
    m.skipped.push(...this.skipped);
    return m;
  }

  /**
   * Files each alert under the keys of one of its groups: the rarest token of each
   * alternative of the group whose keys are rarest together. A group of one alternative
   * (`a b -c`, a phrase, a name with a word) costs the df of its rarest token, so an alert
   * of AND-ed terms is filed under the rarest token of the whole query.
   */
  private static async keyed(compiled: Compiled[], df: DocFreq): Promise<AlertMatcher> {
    const vocab = [...new Set(compiled.flatMap((c) => c.groups.flat(2)))];
    const freqs = await df(vocab);
    const f = new Map(vocab.map((t, i) => [t, freqs[i] ?? 0]));
    // Rarer first; equal counts: the longer token (longer words are rarer), then by text for a stable choice.
    const rarer = (a: string, b: string) => (f.get(a) ?? 0) - (f.get(b) ?? 0) || b.length - a.length || (a < b ? -1 : 1);
    const keyOf = (s: Seq) => (s.length === 1 ? s[0]! : [...s].sort(rarer)[0]!);
    const keys = compiled.map((c) => {
      let best: string[] = [];
      let cost = Infinity;
      for (const g of c.groups) {
        const ks = [...new Set(g.map(keyOf))];
        const k = ks.reduce((sum, t) => sum + (f.get(t) ?? 0) + 1, 0);
        if (k < cost || (k === cost && ks.length === 1 && best.length === 1 && rarer(ks[0]!, best[0]!) < 0)) [best, cost] = [ks, k];
      }
      return best;
    });
    return new AlertMatcher(compiled, keys);
  }

  /** Ids of the alerts `doc` matches, in no particular order. */
  match(doc: MatchDoc): string[] {
    if (this.size === 0) return [];
    const d = new DocIndex(doc);
    const epoch = ++matchEpoch;
    const out: string[] = [];
    for (const t of d.set) {
      const list = this.index.get(t);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const c = list[i]!;
        if (c.seen === epoch) continue;
        c.seen = epoch;
        if (verify(c, d, doc)) out.push(c.id);
      }
    }
    return out;
  }

  /** How many alerts `doc` is checked against (the percolation's work), for tests and benches. */
  candidates(doc: MatchDoc): number {
    const set = new Set<Compiled>();
    for (const t of new DocIndex(doc).set) for (const c of this.index.get(t) ?? []) set.add(c);
    return set.size;
  }
}
