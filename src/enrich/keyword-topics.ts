/**
 * Topic tags (for keywords.ts): a word family that editors tag by one noun, whatever form the
 * article writes (`الإرهابية`، `إرهابي`، `الإرهابيين` → `الإرهاب`), from data/keywords/topics.txt
 * (the family's stem → the tag). Such a word is shown as its tag, and a family written only as an
 * adjective after its noun (`التفجير الإرهابي`) is still a candidate: it names the topic.
 * Contract: pure; the table is read on first use.
 */
import { readFileSync } from 'node:fs';
import { rootUrl } from '../paths.ts';

/**
 * A topic the headline names is a keyword even when the body never repeats it (`حادث عسير الإرهابي`:
 * the tag الإرهاب), weighing TITLE_TOPIC_WEIGHT times what its count and idf give: dev keyword
 * overlap d 0.558 → 0.560, g 0.569 → 0.576, judged weak d 0.169 → 0.168, g 0.174 → 0.171, the
 * other sets unchanged (1.5: g 0.573; 3: as 2).
 */
export const TITLE_TOPIC_WEIGHT = 2;

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
