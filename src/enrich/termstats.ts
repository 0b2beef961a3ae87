/**
 * Corpus document frequencies for keyword salience: how many documents contain a word or a
 * 2–3-word phrase. `TermStats` is the interface keywords.ts reads; `MemoryTermStats` is built
 * from articles (or loaded from the shipped table data/keywords/df.tsv, computed from
 * saudinewsnet, so keywords work on a fresh store).
 *
 * Keys (`termKey`): the analyzer's normalized token with a definite article's clitics
 * removed (والعقوبات، بالعقوبات، للعقوبات → العقوبات); a phrase is its words' keys joined by
 * one space, the first word keyed like a single word. Keys use `normalize` only, not the
 * stemmer, so the shipped table stays valid when the stemmer changes.
 * Phrases are counted only over content words (no stopwords, no numbers) within one
 * clause (no punctuation inside). Counting is incremental (`add`); `prune(minDf)` drops rare
 * phrases to bound memory — a phrase pruned early may be undercounted by the prunes it missed.
 */
import { readFileSync } from 'node:fs';
import { rootUrl } from '../paths.ts';
import { isStopword } from '../arabic/index.ts';
import { docTokens, type DocToken } from './tokens.ts';

export interface TermStats {
  /** Number of documents counted. */
  readonly docCount: number;
  /** Documents containing the key (0 when unknown). */
  df(key: string): number;
  /**
   * True when the answers never change (the shipped table): what follows from them about a
   * spelling may then be kept across articles (keyword-lexicon.ts).
   */
  readonly frozen?: boolean;
}

export interface TermKey {
  key: string;
  /** Clitic letters cut from the start (for display). */
  cut: number;
  /** True when لل became ال. */
  restoreAl: boolean;
}

/** A word's key: clitics in front of a definite article removed (only when 3+ letters follow ال). */
export function termKey(norm: string): TermKey {
  const m = /^([وف]?)([بكل]?)(ال)/.exec(norm);
  if (m && (m[1] || m[2]) && norm.length - m[0].length >= 3) {
    return { key: norm.slice(m[1]!.length + m[2]!.length), cut: m[1]!.length + m[2]!.length, restoreAl: false };
  }
  const l = /^([وف]?)لل/.exec(norm);
  if (l && norm.length - l[0].length >= 3) return { key: 'ال' + norm.slice(l[0].length), cut: l[0].length, restoreAl: true };
  return { key: norm, cut: 0, restoreAl: false };
}

const ARABIC_WORD = /^[\u0621-\u064a]{2,}$/;

/** A word that can be part of a keyword: Arabic letters only, 2+ letters, not a stopword. */
export function isContent(t: DocToken): boolean {
  return ARABIC_WORD.test(t.norm) && !isStopword(t.norm);
}

/** Distinct word and phrase keys of one document. */
export function documentKeys(tokens: DocToken[], maxN = 3): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isContent(t)) continue;
    const first = termKey(t.norm).key;
    keys.add(first);
    let phrase = first;
    for (let n = 1; n < maxN; n++) {
      const u = tokens[i + n];
      if (!u || u.brk || u.seg !== t.seg || !isContent(u)) break;
      phrase += ' ' + u.norm;
      keys.add(phrase);
    }
  }
  return keys;
}

export class MemoryTermStats implements TermStats {
  docCount = 0;
  readonly counts = new Map<string, number>();
  frozen = false;

  df(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** No more counting: `add` and `prune` throw from now on, and keyword answers may be kept. */
  freeze(): this {
    this.frozen = true;
    return this;
  }

  /** Counts one document. */
  add(doc: { title: string; text: string }): void {
    if (this.frozen) throw new Error('MemoryTermStats: frozen');
    this.docCount++;
    for (const k of documentKeys(docTokens(doc.title ?? '', doc.text ?? ''))) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  /** Drops phrases (keys with a space) seen in fewer than minDf documents. */
  prune(minDf: number): void {
    if (this.frozen) throw new Error('MemoryTermStats: frozen');
    for (const [k, v] of this.counts) if (v < minDf && k.includes(' ')) this.counts.delete(k);
  }

  /** The table as TSV: a header with the document count, then `key<TAB>df`, sorted by key. */
  toTSV(minWordDf: number, minPhraseDf: number, header: string[] = []): string {
    const rows = [...this.counts]
      .filter(([k, v]) => v >= (k.includes(' ') ? minPhraseDf : minWordDf))
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return [...header.map((h) => `# ${h}`), `#docs\t${this.docCount}`, ...rows.map(([k, v]) => `${k}\t${v}`)].join('\n') + '\n';
  }

  static fromTSV(tsv: string): MemoryTermStats {
    const s = new MemoryTermStats();
    for (const line of tsv.split('\n')) {
      if (!line || (line.startsWith('#') && !line.startsWith('#docs\t'))) continue;
      const [k, v] = line.split('\t');
      if (k === '#docs') s.docCount = Number(v);
      else if (k && v) s.counts.set(k, Number(v));
    }
    return s;
  }
}

const SHIPPED = rootUrl('data/keywords/df.tsv');
let shipped: MemoryTermStats | undefined;

/** The shipped table (saudinewsnet, CC BY-NC-SA 4.0; see data/keywords/NOTICE.md), read on first use. */
export function shippedTermStats(): TermStats {
  shipped ??= MemoryTermStats.fromTSV(readFileSync(SHIPPED, 'utf8')).freeze();
  return shipped;
}
