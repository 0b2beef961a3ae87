/**
 * Entities as keywords (for keywords.ts): the display an editor tags an entity with, and the
 * people who are background to an article rather than its subject.
 * Contract: pure given the article's entities, tokens and the term statistics.
 */
import { normalize } from '../arabic/index.ts';
import type { DocToken } from './tokens.ts';
import { termKey, type TermStats } from './termstats.ts';
import type { EntityInfo } from './types.ts';
import { lexicon } from './people/lexicon.ts';

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
  // A listed body with a one-word name is tagged by it where the article calls it by a phrase
  // around that name (الحوثيون for الميليشيات الحوثية or جماعة الحوثي, داعش for تنظيم داعش; not for
  // تنظيم الدولة الإسلامية, a name of its own): the name in the base form GUIDELINES.md asks for.
  if ((e.type === 'org' || e.type === 'agency') && !e.id.includes('_') && DISPLAY_OK.test(e.name) && listedNameFits(e)) return e.name;
  if ((e.type === 'org' || e.type === 'agency') && !e.name.includes(' ') && !e.id.includes('_') && DISPLAY_OK.test(e.name)) {
    const stem = normalize(e.name).replace(/^ال/, '').replace(/(ون|ين)$/, '');
    const last = normalize(e.surfaces[0] ?? '').split(' ');
    if (last.length > 1 && stem.length >= 3 && last.at(-1)!.includes(stem)) return e.name;
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

/**
 * A listed body's own name is its tag where the article calls it by that name too, in any form
 * (أوبك beside منظمة الدول المصدرة للنفط, نزاهة beside الهيئة الوطنية لمكافحة الفساد, الحوثيون beside
 * الحوثيين), or where it is the written form shortened (مجلس التعاون الخليجي for مجلس التعاون لدول
 * الخليج العربية, الهلال الأحمر for هيئة الهلال الأحمر). Not a name the article never writes for a
 * form of its own (تنظيم الدولة الإسلامية stays, not داعش) nor a spelling the article does not use
 * (البنتاجون stays, not البنتاغون).
 */
function listedNameFits(e: EntityInfo): boolean {
  const name = normalize(e.name);
  const bare = (s: string): string => s.replace(/(^| )ال/g, '$1').replace(/(ون|ين)$/, '');
  const top = normalize(e.surfaces[0] ?? e.name);
  if (top === name) return true;
  if (e.surfaces.some((s) => bare(normalize(s)) === bare(name))) return true;
  const nw = name.split(' ');
  const tw = top.split(' ');
  if (nw.length < 2 || nw.length >= tw.length) return false;
  return ` ${top} `.includes(` ${name} `) || nw.slice(0, -1).every((w, i) => tw[i] === w);
}

/**
 * Whether a word at `starts` always stands right before a person's name (`ميك | فانينغ`، `ويتني |
 * هيوستن`): a given name the people finder left out, or a verb or title before the name (`أجاب |
 * كيري`) — no keyword of its own either way. Over 4,964 corpus articles 37 keyword lists lose such
 * a word (given names: أنجلينا، إلينور، لبيد; titles: الفنان، العريف، الزميل; منزل before the
 * deceased's name); judged weak g 0.166 → 0.161, overlap g 0.580 → 0.578, the other sets unchanged.
 */
export function beforePerson(ents: readonly EntityInfo[], toks: readonly DocToken[]): (starts: readonly number[]) => boolean {
  const names = new Set(ents.filter((e) => e.type === 'person').flatMap((e) => e.coveredNorms));
  return (starts) => names.size > 0 && starts.every((i) => {
    const u = toks[i + 1];
    return !!u && !u.brk && u.seg === toks[i]!.seg && names.has(u.norm);
  });
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

/** A country named only through demonyms leads from this salience on when its people are named (PEOPLE_DEMONYMS times) or its body acts in the headline (STATE_BODY). */
export const DEMONYM_LEAD = 4;
export const PEOPLE_DEMONYMS = 3;
/** A state's body or office before its demonym in a headline (الشرطة النرويجية، وزير الخارجية البريطاني): the state acts. */
const STATE_BODY = /^[وفبل]?(ال)?(خارجيه|داخليه|حكومه|جيش|شرطه|سلطات|قوات|رئيس|رئاسه|وزير|وزاره|وزيره|برلمان|افتاء|دفاع|امن|سفاره|سفير|ملك|امير)$/;
/** People first named within this many tokens (title included) lead the keywords even when named once. */
export const LEAD_TOKENS = 150;
/**
 * Organisations, within this many: a body named once further down is more often one the story
 * passes through (the hospital a victim was taken to, the club a player came from) than a person
 * named there is (dev, named once within 40–150 tokens and among the top 8: people 37 % editor
 * keywords, organisations 25 %). Keyword overlap a 0.657 → 0.660, c 0.661 → 0.663, d 0.611 →
 * 0.613, e 0.660 → 0.665 (60: c −0.006; 120: a, c unchanged).
 */
export const ORG_LEAD_TOKENS = 100;
/** A country the title does not name leads the keywords from this salience on; below, it competes as a named-once entity does. */
export const COUNTRY_LEAD = 8;
/**
 * The lede: the body's first LEDE_TOKENS tokens. An entity named once there weighs LEDE_WEIGHT
 * times one named further down (the lede says who and where); a person or organisation named
 * once after it whose name the corpus hardly knows (df < KNOWN_NAME_DF) does not lead.
 */
export const LEDE_TOKENS = 40;
export const LEDE_WEIGHT = 2;
export const KNOWN_NAME_DF = 5;
/**
 * A person the article calls by an Arabic given name alone and never in its title (`التشكيلي
 * عبدالله` whose surname the finder lost to an organisation, `المواطن محمد`, `الملك عبدالعزيز` in a
 * history aside): a fragment of a name to an editor, who tags none (dev judged: 19 of 21 such
 * keywords weak; the annotators' 3,300 keywords hold 4). A one-word foreign name or surname
 * (`أوباما`, `دونيس`, `بيليه`) is how news names that person and stays.
 */
function bareGivenName(e: EntityInfo): boolean {
  if (e.type !== 'person' || e.titleMentions > 0 || e.name.includes(' ') || e.surfaces.some((s) => s.includes(' '))) return false;
  const lx = lexicon();
  const n = normalize(e.name);
  return lx.given.has(n) && !lx.foreign.has(n) && !lx.surname.has(n);
}

/** The office words a body is named inside when it names a person's title (normalized: رئيس، لرئيس، نائب، عضو). */
const OFFICE_OF = /^[وف]?ل?(رئيس|نائب|عضو)$/;

/** Platforms (gazetteer ids) a story is told through rather than about. */
const MEDIA = new Set(['org:twitter', 'org:facebook', 'org:youtube', 'org:google']);

/**
 * How an article's entities rank among its keywords (for keywords.ts). `leads`: the entity is
 * among the first keywords; `score`: its weight against the phrases and words when it does not
 * lead (undefined: never a keyword), with `df` the corpus frequency its idf is taken at;
 * `fragment`: never a keyword, not even to fill a short article (a bare given name).
 *
 * Leading: entities with salience ≥ 2, and the people and organisations named in the article's
 * first LEAD_TOKENS (organisations: ORG_LEAD_TOKENS) tokens even once: an editor tags who the story is about (measured on the
 * labelled set's development half: keyword overlap 0.445 → 0.52, weak keywords 0.057 → 0.04).
 * Not:
 * - a platform named once, the medium of a statement («عبر حسابه على تويتر»), not its subject:
 *   it neither leads nor competes;
 * - a news agency (a source);
 * - a person or body named once after the lede whom the corpus does not know (the official quoted
 *   in passing, the cast of a list: dev c 0.630 → 0.640, d 0.604 → 0.611, a unchanged);
 * - a country named only through demonyms (`اللاعب التركي`, `كأس السوبر السعودي`, `الأسهم الأمريكية`,
 *   `مذيع أردني`) or, Saudi Arabia, as `المملكة`: whose team, cup, market or man it is, the home
 *   kingdom, not what the story is about; it never competes either (the phrase that holds the
 *   demonym does: `الأسهم الأمريكية`). Unless its people are named by a plural demonym
 *   PEOPLE_DEMONYMS times (`السكان السعوديين`, a survey of Saudis) or the headline's demonym follows
 *   a state body (`الشرطة النرويجية`, `وزير الخارجية البريطاني`, `الإفتاء المصرية`: the state acts;
 *   7 of 800 articles of 2015-08-06, no dev change): then it leads from DEMONYM_LEAD on, as before. On the dev sets such countries among the top 8 were 6 of 48 editor keywords
 *   (Saudi Arabia 0 of 16); keyword overlap a 0.657 → 0.659, c 0.655 → 0.659, d 0.611 → 0.613,
 *   e 0.652 → 0.652 (without the people exception d 0.615; letting them compete without leading
 *   instead: a, e lose). A short article still takes one to reach three keywords (keywords.ts);
 * - a country the title does not name and the article names a few times (تركيا for a training
 *   camp): it waits for its rank among the others (dev keyword overlap 0.594 → 0.600);
 * - people the corpus names everywhere (the king in a greeting formula) unless the title names
 *   them or their office (`backgroundPeople`), nor a body the corpus names everywhere that the
 *   article names only inside a person's office (`نائب رئيس مجلس الوزراء`: judged weak 11 of 15
 *   times; where the council meets or decides it stays).
 * Competing, an entity weighs its salience, twice that when the lede names it (dev a 0.648 →
 * 0.657, c 0.620 → 0.630, d 0.593 → 0.602), at the idf of a word the corpus never saw (a
 * background person: of their name's df).
 */
export function entityRanks(
  ents: readonly EntityInfo[],
  toks: readonly DocToken[],
  stats: TermStats,
): { leads: (e: EntityInfo) => boolean; score: (e: EntityInfo) => number | undefined; df: (e: EntityInfo) => number; fragment: (e: EntityInfo) => boolean } {
  const people0 = backgroundPeople(ents, toks, stats);
  const { entityDf } = people0;
  // A body the corpus names everywhere, named here only inside a person's office (`نائب رئيس
  // مجلس الوزراء`, `عضو مجلس الوزراء`): the title's, not the story's; it weighs as background people do.
  const officeOnly = (e: EntityInfo): boolean => {
    if (e.type !== 'org' || e.titleMentions > 0 || !e.coveredAt?.length) return false;
    const at = new Set(e.coveredAt);
    const starts = [...at].filter((i) => !at.has(i - 1));
    return starts.length === e.mentions && starts.every((i) => i > 0 && !toks[i]!.brk && OFFICE_OF.test(toks[i - 1]!.norm)) && entityDf(e) > BACKGROUND_SHARE * stats.docCount;
  };
  const background = (e: EntityInfo): boolean => people0.background(e) || officeOnly(e);
  const bodyStart = Math.max(0, toks.findIndex((t) => t.seg === 1));
  const inLede = (e: EntityInfo): boolean => e.first - bodyStart < LEDE_TOKENS;
  const passing = (e: EntityInfo): boolean => e.mentions < 2 && e.titleMentions === 0 && !inLede(e) && entityDf(e) < KNOWN_NAME_DF;
  const named = (e: EntityInfo): boolean => (e.type === 'person' || (e.type === 'org' && !MEDIA.has(e.id))) && e.first < (e.type === 'org' ? ORG_LEAD_TOKENS : LEAD_TOKENS) && !passing(e);
  // The people named by a plural demonym (السعوديون، للمصريين) a few times are the subject, and so
  // is the state whose body acts in the headline (الشرطة النرويجية، وزير الخارجية البريطاني، الإفتاء
  // المصرية): such a country leads from DEMONYM_LEAD on.
  const people = (e: EntityInfo): boolean => {
    const ns = new Set(e.coveredNorms.filter((n) => /ي(ين|ون|ات)$/.test(n)));
    if (ns.size > 0 && toks.filter((t) => ns.has(t.norm)).length >= PEOPLE_DEMONYMS) return true;
    const dn = new Set(e.coveredNorms);
    return toks.some((t, i) => t.seg === 0 && dn.has(t.norm) && i > 0 && STATE_BODY.test(toks[i - 1]!.norm));
  };
  const demonymOnly = (e: EntityInfo): boolean => e.type === 'country' && e.surfaces.length === 0 && (e.salience < DEMONYM_LEAD || !people(e));
  const aside = (e: EntityInfo): boolean => e.type === 'country' && e.titleMentions === 0 && e.salience < COUNTRY_LEAD;
  // A named occasion or index (keyword-places.ts findNamed) the title does not name is when or
  // where the news happened, not who made it: it competes (the minister's Eid party keeps the
  // king whom the title calls by office among its five leads).
  const occasion = (e: EntityInfo): boolean => e.id.startsWith('named:') && e.titleMentions === 0;
  return {
    leads: (e) => (e.salience >= 2 || named(e)) && !demonymOnly(e) && !aside(e) && e.type !== 'agency' && !background(e) && !bareGivenName(e) && !occasion(e),
    score: (e) => (demonymOnly(e) || e.type === 'agency' || (MEDIA.has(e.id) && e.salience < 2) || bareGivenName(e) ? undefined : e.salience * (inLede(e) ? LEDE_WEIGHT : 1)),
    df: (e) => (background(e) ? entityDf(e) : 0),
    fragment: bareGivenName,
  };
}
