/**
 * Football clubs that sports news names bare (`الهلال`، `الاتحاد يتفق مع عسيري`، `فاز الشباب على
 * الرياض`): organisations, one id with their headed form (`نادي الهلال` → `org:نادي_الهلال`), so a
 * bare and a headed mention are one club with both spellings.
 * Most club names are common words (النصر «victory», التعاون «cooperation», الشباب «youth»), so a
 * bare name counts only in a sports article (SPORTS_CUES, at least MIN_CUES words) and, for the
 * names that are common words (COMMON), only when the article also names that club after a word
 * that says it is a team (`نادي/فريق/لاعب/مدرب/جماهير X`) or its opponent (`أمام النصر`، `ضد
 * الشباب`، `لمواجهة الاتحاد`: over every fifth corpus article 10 articles gained a club, all
 * right; orgs R test b 0.659 → 0.666, d 0.701 → 0.706, h 0.703 → 0.708, P up). A name right before a demonym or
 * «لكرة» is a federation or another body (`الاتحاد السعودي لكرة القدم`), and one inside a longer
 * name (`الهلال الأحمر`، `الرئاسة العامة لرعاية الشباب`) is taken by it. A common-word name joined by و to
 * a club the article surely names (`بين الهلال والنصر`) is a club as well.
 * Contract: pure; O(tokens) set lookups.
 */
import type { Match } from './match.ts';
import type { OrgMention } from './orgs.ts';
import { cleanSurface, type DocToken } from './tokens.ts';

/** Saudi league clubs of 2015 and the Arab clubs the corpus reports on, normalized (clubs whose name is no common word are in the gazetteer: الزمالك، برشلونة). */
export const CLUBS: ReadonlySet<string> = new Set([
  'الهلال', 'النصر', 'الاتحاد', 'الاهلي', 'الشباب', 'الاتفاق', 'الفتح', 'التعاون', 'الرائد', 'الفيصلي', 'الوحده', 'القادسيه', 'هجر',
  'العروبه', 'الشعله', 'الفيحاء', 'الباطن', 'الانصار', 'الحزم', 'الطائي', 'الوداد', 'الرجاء', 'الترجي',
  'الغرافه', 'لخويا', 'الريان', 'السد',
]);
/** Club names that are also common words: bare only when the article heads them once. */
const COMMON = new Set(['النصر', 'الاتحاد', 'الشباب', 'الفتح', 'التعاون', 'الرائد', 'الوحده', 'الانصار', 'الحزم', 'الرجاء', 'السد', 'الاهلي']);
/** Words that make an article a sports one. */
const SPORTS_CUES = new Set([
  'الدوري', 'المباراه', 'مباراه', 'المدرب', 'مدرب', 'اللاعب', 'لاعب', 'الفريق', 'فريق', 'الهدف', 'هدف', 'الملعب', 'ملعب', 'نادي',
  'النادي', 'التعاقد', 'البطوله', 'كاس', 'الجوله', 'المهاجم', 'الحارس', 'الاندية', 'الانديه', 'المحترف', 'الكره', 'مباريات', 'المنتخب',
  'معسكر', 'المعسكر', 'اللاعبين', 'لاعبين', 'المدافع', 'مدافع', 'الشوط', 'التدريبات', 'تدريبات', 'الجماهير', 'جماهير', 'مهاجم',
]);
const MIN_CUES = 3;
/** Words after which a name is a team: نادي الهلال، فريق النصر، لاعب الشباب، جماهير الاتحاد. */
const TEAM_WORD = /^[وفبل]?(نادي|فريق|لاعب|لاعبي|لاعبو|مدرب|جماهير|جمهور|اداره|رئيس|مهاجم|حارس|مدافع|قائد)$/;
/** Words after which a name is the opponent (`أمام النصر`، `ضد الشباب`، `لمواجهة الاتحاد`): a team too (not a verb: `القضايا التي تواجه الشباب`). */
const OPPONENT_WORD = /^[وفبل]?(امام|ضد|مواجهه|لمواجهه|ملاقاه|لملاقاه)$/;
/** After a club name: a federation or body, not the club (`الاتحاد السعودي`، `الاتحاد لكرة القدم`). */
const NOT_AFTER = /^(لكره|للكره|الدولي|الاوروبي|الاسيوي|الافريقي|العربي|الخليجي|العام|الوطني)$/;

/** The club name a token holds (clitics و ف ب ل cut, لل read as ل + ال), if any. */
function clubKey(norm: string): { key: string; cut: number; al: boolean } | undefined {
  if (CLUBS.has(norm)) return { key: norm, cut: 0, al: false };
  // (most words carry no clitic a club name could stand behind)
  const c0 = norm.charCodeAt(0);
  if (c0 !== 0x648 && c0 !== 0x641 && c0 !== 0x628 && c0 !== 0x644) return undefined;
  const m = /^([وف]?[بل]?)(.*)$/.exec(norm)!;
  for (const [pre, rest, al] of [[m[1]!, m[2]!, false], ...(norm.match(/^[وف]?لل/) ? [[norm.slice(0, norm.indexOf('لل') + 1), 'ال' + norm.slice(norm.indexOf('لل') + 2), true]] : [])] as Array<[string, string, boolean]>) {
    if (CLUBS.has(rest)) return { key: rest, cut: pre.length, al };
  }
  return undefined;
}

/** `busy`: token positions already in a gazetteer match or an organisation found by its head. */
/** Whether the article is a sports one: at least MIN_CUES words of SPORTS_CUES. */
export function isSportsArticle(tokens: readonly DocToken[]): boolean {
  let cues = 0;
  for (const t of tokens) if (SPORTS_CUES.has(t.norm) && ++cues >= MIN_CUES) return true;
  return false;
}

/**
 * Places that sports news names clubs by, bare (`الفوز على روما`، `مباراة موناكو`): in a sports
 * article they are the club, not the city or the state.
 */
export const PLACE_CLUBS: ReadonlySet<string> = new Set(['روما', 'موناكو', 'استانا']);

export function findClubs(tokens: readonly DocToken[], matches: readonly Match[], busy: ReadonlySet<number>): OrgMention[] {
  if (!isSportsArticle(tokens)) return [];
  const demonymAt = new Set(matches.filter((m) => m.demonym).map((m) => m.start));
  const found: Array<{ i: number; key: string; cut: number; al: boolean }> = [];
  const headed = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const c = clubKey(t.norm);
    if (!c || t.dateline !== undefined) continue;
    const prev = tokens[i - 1];
    if (prev && !t.brk && TEAM_WORD.test(prev.norm)) headed.add(c.key);
    if (busy.has(i)) continue;
    const next = tokens[i + 1];
    if (next && !next.brk && (demonymAt.has(i + 1) || NOT_AFTER.test(next.norm))) continue;
    // (an opponent's name, unless a body's: `تحقيقا ضد الاتحاد الكرواتي`)
    if (prev && !t.brk && OPPONENT_WORD.test(prev.norm)) headed.add(c.key);
    found.push({ i, ...c });
  }
  // A club coordinated with a club the article surely names is a club too (`الهلال والنصر`،
  // `بين النصر والهلال`): a common word is seldom joined by و to a club's name.
  const sure = (k: string): boolean => !COMMON.has(k) || headed.has(k);
  const byPos = new Map(found.map((f) => [f.i, f]));
  for (const f of found) {
    const next = byPos.get(f.i + 1);
    if (next && tokens[f.i + 1]!.norm.startsWith('و') && next.cut > 0 && !tokens[f.i + 1]!.brk) {
      if (sure(f.key)) headed.add(next.key);
      else if (sure(next.key)) headed.add(f.key);
    }
  }
  return found
    .filter((f) => sure(f.key))
    .map((f) => {
      const surface = cleanSurface(tokens[f.i]!.surface).slice(f.cut);
      const display = f.al ? 'ا' + surface : surface;
      return { id: `org:نادي_${f.key}`, start: f.i, len: 1, display, norms: [f.key] };
    });
}
