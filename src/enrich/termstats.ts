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
  /**
   * The share of the key's documents that are about it — name it in the title or at least
   * twice (see FOCUS_MIN_DF); undefined when the table does not know (fewer documents, or a
   * table without the column). A word of the telling (الجلسة، التعامل، مقطع فيديو) is named once
   * in passing wherever it occurs; a topic (الإرهاب، الفشل الكلوي) is repeated or headlined.
   */
  focus?(key: string): number | undefined;
}

/** Keys in fewer documents than this get no focus share (too few to say). */
export const FOCUS_MIN_DF = 20;

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
export function isContent(t: Pick<DocToken, 'norm'>): boolean {
  return ARABIC_WORD.test(t.norm) && !isStopword(t.norm);
}

/**
 * The word and phrase keys of one document with how they occur: bit 0 set when in the title,
 * the rest the number of occurrences (so `v >> 1` counts and `v & 1` says title).
 */
export function documentKeyCounts(tokens: DocToken[], maxN = 3): Map<string, number> {
  const keys = new Map<string, number>();
  const add = (k: string, title: boolean): void => {
    keys.set(k, ((keys.get(k) ?? 0) + 2) | (title ? 1 : 0));
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isContent(t)) continue;
    const first = termKey(t.norm).key;
    add(first, t.seg === 0);
    let phrase = first;
    for (let n = 1; n < maxN; n++) {
      const u = tokens[i + n];
      if (!u || u.brk || u.seg !== t.seg || !isContent(u)) break;
      phrase += ' ' + u.norm;
      add(phrase, t.seg === 0);
    }
  }
  return keys;
}

/** Distinct word and phrase keys of one document. */
export function documentKeys(tokens: DocToken[], maxN = 3): Set<string> {
  return new Set(documentKeyCounts(tokens, maxN).keys());
}

export class MemoryTermStats implements TermStats {
  docCount = 0;
  readonly counts = new Map<string, number>();
  /** Documents that name the key in the title or at least twice. */
  readonly focused = new Map<string, number>();
  /** Counted here, or read from a table with the focus column: a key missing from `focused` has none. */
  private focusKnown = false;
  frozen = false;

  df(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  focus(key: string): number | undefined {
    const df = this.counts.get(key) ?? 0;
    const f = this.focused.get(key) ?? (this.focusKnown ? 0 : undefined);
    return df >= FOCUS_MIN_DF && f !== undefined ? f / df : undefined;
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
    this.focusKnown = true;
    for (const [k, v] of documentKeyCounts(docTokens(doc.title ?? '', doc.text ?? ''))) {
      this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
      if (v >= 4 || v & 1) this.focused.set(k, (this.focused.get(k) ?? 0) + 1);
    }
  }

  /** Drops phrases (keys with a space) seen in fewer than minDf documents. */
  prune(minDf: number): void {
    if (this.frozen) throw new Error('MemoryTermStats: frozen');
    for (const [k, v] of this.counts) {
      if (v < minDf && k.includes(' ')) {
        this.counts.delete(k);
        this.focused.delete(k);
      }
    }
  }

  /**
   * The table as TSV: a header with the document count, then `key<TAB>df`, sorted by key, and a
   * third column — the documents naming the key in the title or twice — where df ≥ FOCUS_MIN_DF.
   */
  toTSV(minWordDf: number, minPhraseDf: number, header: string[] = []): string {
    const rows = [...this.counts]
      .filter(([k, v]) => v >= (k.includes(' ') ? minPhraseDf : minWordDf))
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return writeTable(header, this.docCount, rows.map(([k, v]) => (v >= FOCUS_MIN_DF ? [k, v, this.focused.get(k) ?? 0] : [k, v])));
  }

  static fromTSV(tsv: string): MemoryTermStats {
    const s = new MemoryTermStats();
    s.docCount = readTable(tsv, ([k, v, f]) => {
      if (!k || !v) return;
      s.counts.set(k, Number(v));
      if (f) {
        s.focused.set(k, Number(f));
        s.focusKnown = true;
      }
    });
    return s;
  }
}

/** A shipped table as TSV: `# ` header lines, `#docs<TAB>n`, then one row of cells per line. */
export function writeTable(header: readonly string[], docs: number, rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return [...header.map((h) => `# ${h}`), `#docs\t${docs}`, ...rows.map((r) => r.join('\t'))].join('\n') + '\n';
}

/** Reads a table `writeTable` wrote: each row's cells to `row`; returns the document count. */
export function readTable(tsv: string, row: (cells: string[]) => void): number {
  let docs = 0;
  for (const line of tsv.split('\n')) {
    if (!line) continue;
    if (line.startsWith('#docs\t')) docs = Number(line.slice('#docs\t'.length));
    else if (!line.startsWith('#')) row(line.split('\t'));
  }
  return docs;
}

const SHIPPED = rootUrl('data/keywords/df.tsv');
let shipped: MemoryTermStats | undefined;

/** The shipped table (saudinewsnet, CC BY-NC-SA 4.0; see data/keywords/NOTICE.md), read on first use. */
export function shippedTermStats(): TermStats {
  shipped ??= MemoryTermStats.fromTSV(readFileSync(SHIPPED, 'utf8')).freeze();
  return shipped;
}
