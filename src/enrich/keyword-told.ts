/**
 * Words of the telling: a word or phrase (not an entity, not a topic family) that news names in
 * passing wherever it occurs is held back from the keywords like a common word (keywords.ts
 * PLAIN_DF: shown only to reach three). Two counts tell it from a topic:
 * - the focus share (TermStats.focus): of the corpus documents that hold it, those naming it in
 *   the title or twice. Under FOCUS_SHARE it is a word of the telling (الآونة الأخيرة 0.04،
 *   المتحدث الرسمي 0.09، نعمة الأمن 0.06، مقطع فيديو 0.11), where a topic is repeated or headlined
 *   (الإرهاب 0.52، الدفاع المدني 0.63). On the six sets a reader judged (c–h), 181 keywords were
 *   held back so, 145 of them judged weak (80 %), 14 an editor's keyword (مزيج برنت); judged weak
 *   −0.02–0.04 a set, whole editor keywords matched −0.000–0.010;
 * - what editors tag (editor-tags.ts): a single word the text of UNTAGGED_SEEN or more
 *   editor-tagged articles holds and their editors never tagged (التعامل، المشاركون، القنوات،
 *   المؤتمر), when its focus share is also under UNTAGGED_FOCUS (a topic editors happen not to
 *   tag is often its articles' subject). Not a phrase: editors tag a shorter or another form of it
 *   (عيد الفطر for عيد الفطر المبارك), so a phrase never tagged as written says little.
 * Contract: pure given the table and the tag counts.
 */
import type { EditorTags } from './editor-tags.ts';
import type { Form, KeywordLexicon } from './keyword-lexicon.ts';
import type { Cand } from './keyword-phrases.ts';
import type { TermStats } from './termstats.ts';
import type { DocToken } from './tokens.ts';

export const FOCUS_SHARE = 0.15;
export const UNTAGGED_SEEN = 10;
export const UNTAGGED_FOCUS = 0.3;

/** A test of the article's candidates: true for a word or phrase of the telling. */
export function toldInPassing(stats: TermStats, tags: EditorTags, lex: KeywordLexicon, toks: readonly DocToken[], form: (i: number) => Form): (c: Cand) => boolean {
  // The key a candidate's df was read with (a word's form of highest df; a phrase's first term key
  // and the other words as written).
  const keyOf = (c: Cand): string => {
    if (c.keys.length > 1) return [lex.spelling(toks[c.first]!).term.key, ...c.keys.slice(1).map((_, k) => form(c.first + 1 + k).spelling.norm)].join(' ');
    let best = form(c.first);
    for (const i of c.starts!) if (form(i).df > best.df) best = form(i);
    return best.key;
  };
  return (c) => {
    const k = keyOf(c);
    const f = stats.focus?.(k) ?? 1;
    if (f < FOCUS_SHARE) return true;
    const t = tags.of(k);
    return c.keys.length === 1 && f < UNTAGGED_FOCUS && t.seen >= UNTAGGED_SEEN && t.tagged === 0;
  };
}
