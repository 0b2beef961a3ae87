/**
 * What news editors tag: for each word and 2–3-word phrase, in how many articles that carry an
 * editor's tag line the text holds it, and in how many of those the editor tagged it
 * (data/keywords/tags.tsv, built from the 1,279 SaudiNewsNet articles of 3alyoum that end with a
 * `سمات …` tag line: src/ingest/json/tags.ts). A term the text holds in many tagged articles that
 * no editor ever tagged (`التعامل`، `الجلسة السابقة`، `أدنى مستوى`، `مناطق المملكة`) is a word of
 * the telling, whatever its frequency says; a term tagged there (`التحرش`، `الإرهاب`) is a topic.
 *
 * Keys: a term's words normalized (src/arabic normalize), the first without its ال and the
 * clitics before it (termstats.ts termKey), the others as written — so the text's `التحرش`
 * meets the editor's `تحرش`.
 * Contract: the table is read on first use; `seen`/`tagged` are 0 for a term it does not hold.
 */
import { readFileSync } from 'node:fs';
import { normalize } from '../arabic/index.ts';
import { rootUrl } from '../paths.ts';
import { documentKeys, readTable, termKey, writeTable } from './termstats.ts';
import type { DocToken } from './tokens.ts';

/** The key of a term as the table holds it: `key` as termstats.ts builds it, the first word's ال dropped. */
export function tagKey(key: string): string {
  const sp = key.indexOf(' ');
  const first = sp < 0 ? key : key.slice(0, sp);
  const bare = first.startsWith('ال') && first.length >= 5 ? first.slice(2) : first;
  return sp < 0 ? bare : bare + key.slice(sp);
}

/** A tag as the editor wrote it (`تحرش`، `هيئة التحقيق والادعاء العام`) → its key. */
export function tagKeyOf(tag: string): string {
  const words = normalize(tag).split(/\s+/).filter(Boolean);
  if (!words.length) return '';
  return tagKey([termKey(words[0]!).key, ...words.slice(1)].join(' '));
}

export class EditorTags {
  docCount = 0;
  readonly counts = new Map<string, { seen: number; tagged: number }>();

  /** Counts one tagged article: its tokens (tag line removed) and its tags. */
  add(tokens: DocToken[], tags: readonly string[]): void {
    this.docCount++;
    const keys = new Set([...documentKeys(tokens)].map(tagKey));
    const tagged = new Set(tags.map(tagKeyOf));
    for (const k of keys) {
      const c = this.counts.get(k) ?? { seen: 0, tagged: 0 };
      c.seen++;
      if (tagged.has(k)) c.tagged++;
      this.counts.set(k, c);
    }
  }

  /** How many tagged articles hold the term (key as termstats.ts builds it), and how many tag it. */
  of(key: string): { seen: number; tagged: number } {
    return this.counts.get(tagKey(key)) ?? { seen: 0, tagged: 0 };
  }

  /** The table as TSV: `key<TAB>seen<TAB>tagged` for terms seen in at least `minSeen` articles, sorted by key. */
  toTSV(minSeen: number, header: string[] = []): string {
    const rows = [...this.counts].filter(([, c]) => c.seen >= minSeen).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return writeTable(header, this.docCount, rows.map(([k, c]) => [k, c.seen, c.tagged]));
  }

  static fromTSV(tsv: string): EditorTags {
    const t = new EditorTags();
    t.docCount = readTable(tsv, ([k, seen, tagged]) => {
      if (k && seen && tagged) t.counts.set(k, { seen: Number(seen), tagged: Number(tagged) });
    });
    return t;
  }
}

let shipped: EditorTags | undefined;

/** The shipped table (saudinewsnet's 3alyoum tag lines, CC BY-NC-SA 4.0; see data/keywords/NOTICE.md). */
export function shippedEditorTags(): EditorTags {
  shipped ??= EditorTags.fromTSV(readFileSync(rootUrl('data/keywords/tags.tsv'), 'utf8'));
  return shipped;
}
