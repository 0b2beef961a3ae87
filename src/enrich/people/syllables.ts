/**
 * Names of one-syllable words (Chinese, Korean, Vietnamese: `بان كي مون`, `شي جين بينغ`,
 * `لي كه تشيانغ`) after a title or a verb of saying. Each word is short and many of them spell
 * particles once normalized (بان «that», كي «so that», لي «to me»), so the word-by-word reading
 * of find.ts stops at the first. Read here as a whole: three words, the first two of two to four
 * letters, the last of up to six, none with ال, tanween or a gazetteer name, none an Arabic
 * name of the lexicon (find.ts reads those), no particle but the syllables that spell one, none
 * written with hamza (بأن is the particle); the last a word the corpus hardly knows, and no such
 * word after it.
 * Contract: pure; looks at four tokens.
 */
import { isStopword } from '../../arabic/index.ts';
import type { DocToken } from '../tokens.ts';
import type { PeopleLexicon } from './lexicon.ts';
import { spanText, type NameSpan } from './cues.ts';
import { unknownNameWord } from './words.ts';

const SHORT = /^[\u0621-\u064a]{2,4}$/;
/** Syllables of East Asian names that spell a particle once normalized: Ban, Ki, Li (بأن، كي، لي). */
const SYLLABLES = new Set(['بان', 'كي', 'لي']);
/** The last word may be longer (تشيانغ). */
const LAST = /^[\u0621-\u064a]{2,6}$/;

/** A word the corpus writes with ال (دافع/الدافع), or ب/ل/ك on a word it knows (بقمة، بنقود): no name's. */
function known(lx: PeopleLexicon, w: string): boolean {
  if (SYLLABLES.has(w)) return false;
  if (lx.stats.df('ال' + w) >= 3) return true;
  const rest = /^[بلك]/.test(w) ? w.slice(1) : '';
  return rest.length >= 3 && (lx.stats.df(rest) >= 20 || lx.stats.df('ال' + rest) >= 3);
}

export function syllableName(t: DocToken[], s: number, inMatch: Set<number>, lx: PeopleLexicon, via: 'title' | 'speaker'): NameSpan | undefined {
  const seg = t[s]?.seg;
  const ok = (k: number, shape: RegExp): boolean => {
    const u = t[k];
    return !!u && (k === s || !u.brk) && u.seg === seg && shape.test(u.norm) && !u.norm.startsWith('ال') && !inMatch.has(k) && !/[\u064b-\u064d]/.test(u.surface) && !/^[أإآ]/.test(u.surface);
  };
  if (!ok(s, SHORT) || !ok(s + 1, SHORT) || !ok(s + 2, LAST)) return undefined;
  const words = [t[s]!.norm, t[s + 1]!.norm, t[s + 2]!.norm];
  const last = words[2]!;
  // (The last word is the one that tells: no particle, a word only names use.)
  if (isStopword(last) || !unknownNameWord(lx, last) || lx.stats.df(last) >= 100 || words.some((w) => lx.arabic.has(w) || known(lx, w))) return undefined;
  // The words before it: rare ones (شي جين), no hamza (بأي ذنب), no و before a word the corpus
  // knows (وأمل، وكبر; not وانغ), no particle but the syllables that spell one (بان كي مون، لي كه
  // تشيانغ; not كما رحب رودس، في ظل توكيل، سقطت من علو).
  for (const x of [t[s]!, t[s + 1]!]) {
    if (/[أإؤئءآ]/.test(x.surface) || (x.norm.startsWith('و') && (lx.stats.df(x.norm.slice(1)) >= 30 || isStopword(x.norm.slice(1))))) return undefined;
    if (isStopword(x.norm) ? !SYLLABLES.has(x.norm) : lx.stats.df(x.norm) >= 200) return undefined;
  }
  // (… and the name ends there: not the start of a longer run.)
  const next = t[s + 3];
  if (next && !next.brk && next.seg === seg && SHORT.test(next.norm) && !next.norm.startsWith('ال') && !isStopword(next.norm) && unknownNameWord(lx, next.norm)) return undefined;
  return { start: s, end: s + 3, norms: words, surface: spanText(t, s, s + 3, 0), via };
}
