/**
 * Entities as keywords (for keywords.ts): the display an editor tags an entity with, and the
 * people who are background to an article rather than its subject.
 * Contract: pure given the article's entities, tokens and the term statistics.
 */
import { normalize } from '../arabic/index.ts';
import type { DocToken } from './tokens.ts';
import { termKey, type TermStats } from './termstats.ts';
import type { EntityInfo } from './types.ts';

/** A person the corpus names in more than this share of its documents is background unless the title names them. */
export const BACKGROUND_SHARE = 0.02;

const DISPLAY_OK = /^[\u0621-\u064a]{2,}( [\u0621-\u064a]{2,})*$/;

/**
 * An entity's keyword: its most frequent spelling in the article; for a person the shortest
 * form of two or more words the article uses (`ماجد السبيعي` for `ماجد بن فهد السبيعي`,
 * `متعب بن عبدالله` for `متعب بن عبدالله بن عبدالعزيز`), and for an organisation written in
 * several forms of two or more words the shortest (`قوات الطوارئ` for `قوات الطوارئ الخاصة`,
 * `وزارة الداخلية` for `وزارة الداخلية السعودية`): the form an editor tags with.
 */
export function entityDisplay(e: EntityInfo, stats?: TermStats): string {
  if (e.type === 'person') {
    const multi = [e.name, ...e.surfaces].filter((s) => s.includes(' ') && DISPLAY_OK.test(s));
    if (multi.length) return shortest(multi);
  }
  if (e.type === 'org' && stats) {
    const multi = e.surfaces.filter((s) => s.includes(' ') && DISPLAY_OK.test(s));
    if (multi.length > 1) {
      // Unless the corpus writes the short form mostly as part of the long one, which is then
      // the name (حزب العمال الكردستاني, not حزب العمال).
      const short = shortest(multi);
      const df = stats.df(phraseKey(short));
      const name = multi.filter((l) => l !== short && stats.df(phraseKey(l)) >= NAME_SHARE * df);
      return name.length ? shortest(name) : short;
    }
  }
  // A country's official long form by its adjective (الجمهورية التونسية) is tagged by its name
  // (تونس); one that holds the name stays as written (سلطنة عمان).
  const top = e.surfaces[0];
  if (e.type === 'country' && top && top.split(' ').length > e.name.split(' ').length && !` ${normalize(top)} `.includes(` ${normalize(e.name)} `)) return e.name;
  return e.surfaces[0] ?? e.name;
}

/** `entityDisplay` computed once per entity (keywords.ts asks for it several times). */
export function displayOnce(stats: TermStats): (e: EntityInfo) => string {
  const seen = new Map<EntityInfo, string>();
  return (e) => {
    let d = seen.get(e);
    if (d === undefined) seen.set(e, (d = entityDisplay(e, stats)));
    return d;
  };
}

/** A longer form of an organisation is its name when the corpus writes it in this share of the shorter form's documents. */
const NAME_SHARE = 0.75;
const shortest = (xs: string[]): string => xs.reduce((a, b) => (b.split(' ').length < a.split(' ').length ? b : a));
/** A display's term key (its first three words, the first keyed as termstats.ts does). */
function phraseKey(display: string): string {
  const ws = normalize(display).split(' ').slice(0, 3);
  return [termKey(ws[0]!).key, ...ws.slice(1)].join(' ');
}

/**
 * People named everywhere in the corpus (over BACKGROUND_SHARE of its documents: the king and
 * the crown princes of a greeting formula, «رفع التهاني إلى خادم الحرمين الشريفين الملك سلمان
 * بن عبدالعزيز…») are background to an article the title of which names neither them nor their
 * office: they do not lead its keywords, and compete as terms of their own corpus frequency
 * (`entityDf`). A title that calls the person by their office names them: the title before the
 * name (`خادم الحرمين يبحث…` for `خادم الحرمين الشريفين الملك سلمان`) or the office after it
 * (`ولي العهد استعرض…` for `الأمير محمد بن نايف بن عبدالعزيز ولي العهد`). People only: a common
 * country or city is still what a story is about (dev: سوريا، إيران، مكة المكرمة were lost when
 * places were included); a one-word name's df counts the word, not the person.
 */
export function backgroundPeople(
  ents: readonly EntityInfo[],
  toks: readonly DocToken[],
  stats: TermStats,
): { background: (e: EntityInfo) => boolean; entityDf: (e: EntityInfo) => number } {
  const entityDf = (e: EntityInfo): number => stats.df(phraseKey(entityDisplay(e)));
  let titleWords: Set<string> | undefined;
  const inTitle = (key: string): boolean => (titleWords ??= new Set(toks.filter((t) => t.seg === 0).map((t) => termKey(t.norm).key))).has(key);
  const titleNamesOffice = (e: EntityInfo): boolean => {
    if (e.role && inTitle(normalize(e.role).split(' ')[0]!)) return true;
    const own = new Set([e.name, ...e.surfaces].flatMap((x) => normalize(x).split(' ')));
    let i = e.first;
    while (toks[i] && own.has(toks[i]!.norm)) i++;
    return !!toks[i] && inTitle(termKey(toks[i]!.norm).key);
  };
  const background = (e: EntityInfo): boolean =>
    e.type === 'person' &&
    e.titleMentions === 0 &&
    entityDisplay(e).includes(' ') &&
    entityDf(e) > BACKGROUND_SHARE * stats.docCount &&
    !titleNamesOffice(e);
  return { background, entityDf };
}
