/**
 * Topic tags (for keywords.ts): a word family that editors tag by one noun, whatever form the
 * article writes (`الإرهابية`، `إرهابي`، `الإرهابيين` → `الإرهاب`), from data/keywords/topics.txt
 * (the family's stem → the tag). Such a word is shown as its tag, and a family written only as an
 * adjective after its noun (`التفجير الإرهابي`) is still a candidate: it names the topic.
 * Contract: pure; the table is read on first use.
 */
import { readFileSync } from 'node:fs';
import { rootUrl } from '../paths.ts';

let table: Map<string, string> | undefined;

/** The tag of a word family by its stem (the grouping key keywords.ts gives single words), or undefined. */
export function topicTag(stem: string): string | undefined {
  table ??= new Map(
    readFileSync(rootUrl('data/keywords/topics.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split('\t').map((x) => x.trim()) as [string, string]),
  );
  return table.get(stem);
}
