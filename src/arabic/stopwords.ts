/**
 * Arabic stopwords: the shipped list data/stopwords/ar.txt (closed-class function words
 * from MIT-licensed lists, normalized like the index; see data/stopwords/README.md).
 *
 * Why: dropping function words keeps the index small and BM25 focused on content, while
 * content words that generic lists include (عام, مليون, اليوم, رئيس) stay searchable.
 *
 * Contract: `isStopword` takes a normalized token (Token.norm). Clitic forms are handled
 * by rule, not by listing them: a leading conjunction و or ف is stripped before the
 * lookup (وفي, ومن, فهو, وقال are stopwords), except for the few words where that letter
 * belongs to a content word (ولي as in ولي العهد, فتحت, فهم, فعلي …). Forms with an
 * attached pronoun (منه, عليها, لهم) are in the list itself.
 */
import { readFileSync } from 'node:fs';
import { rootUrl } from '../paths.ts';

const LIST_URL = rootUrl('data/stopwords/ar.txt');

/** The stopword set, normalized (one word a line in data/stopwords/ar.txt). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  readFileSync(LIST_URL, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')),
);

/** Words that look like و/ف + stopword but are content words in news text. */
const CONJUNCTION_EXCEPTIONS = new Set(['ولي', 'واحد', 'فتحت', 'فلم', 'فهم', 'فعلي', 'فلك', 'وعده', 'فاو']);

/**
 * Every stopword form, its و/ف-conjunction forms included (the words of at least three
 * letters that a و or ف before a listed word makes, less the exceptions): one set lookup a
 * token, where cutting the letter off each و/ف-initial token made a new string every time
 * (isStopword ran for every token analyzed: ingest, queries, search snippets).
 */
const FORMS: ReadonlySet<string> = new Set([
  ...STOPWORDS,
  ...[...STOPWORDS].flatMap((w) => ['و' + w, 'ف' + w]).filter((w) => w.length >= 3 && !CONJUNCTION_EXCEPTIONS.has(w)),
]);

/** True when a normalized token is a stopword, also behind a و/ف conjunction. */
export function isStopword(norm: string): boolean {
  return FORMS.has(norm);
}
