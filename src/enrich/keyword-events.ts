/**
 * Named competitions and events an editor tags by their whole name, for keywords.ts:
 * - sports competitions (`كأس السوبر السعودي`, `دوري أبطال آسيا`, `كأس ولي العهد`, `الدوري الإنجليزي
 *   الممتاز`, `دوري عبداللطيف جميل`): a head word (كأس، دوري، بطولة, with their clitics and ال) and the
 *   words after it that the corpus writes with it as one name — every two- or three-word window of
 *   the name in the phrase table (df ≥ MIN_DF). Without this the name came out in pieces: the
 *   continent (`آسيا`, a gazetteer region), the head's phrase cut short (`نهائيات كأس`), a word
 *   alone (`السوبر`); the annotators' 3,300 keywords name 60 competitions.
 * - festivals, exhibitions, campaigns, programmes named in quotes after their kind (`مهرجان «عزم
 *   وحزم»`, `معرض «شوفة»`, `برنامج «التدرج»`, `جائزة «صداقة الجامبوري»`): the kind and the quoted
 *   name of one to four words, closed by its quote mark; a name the corpus knows as a phrase is
 *   tagged alone (`مهرجان «سوق عكاظ»` → `سوق عكاظ`).
 * - airports by their whole name (`findFacilities`, below), and towns the gazetteer lacks named after their kind (`findTowns`).
 * They rank like entities (`region` candidates, as keyword-places.ts's), their words are no
 * keyword of their own, and an entity named only inside them (`آسيا` in `دوري أبطال آسيا`) is no
 * keyword either. Not stored as entities.
 * Contract: pure given the tokens and the term statistics.
 */
import { isStopword } from '../arabic/index.ts';
import { TITLE_WEIGHT } from './entities.ts';
import { LEDE_TOKENS } from './keyword-entities.ts';
import { verbLike } from './keyword-forms.ts';
import { findNamed, findPlaces } from './keyword-places.ts';
import { lexicon } from './people/lexicon.ts';
import { termKey, type TermStats } from './termstats.ts';
import { cleanSurface, cliticCandidates, displayPart, type DocToken } from './tokens.ts';
import type { EntityInfo } from './types.ts';

/** Head words (normalized, without clitics). */
const HEADS = new Set(['كاس', 'الكاس', 'دوري', 'الدوري', 'بطوله', 'البطوله']);
/** A window of the name is one the corpus knows in this many documents (the phrase table's floor). */
const MIN_DF = 12;
/** At most this many words after the head. */
const MAX_TAIL = 4;
const PREFIX = 'competition:'.length;
/** Words after a name that an editor leaves out of it (the sport, the professionals, the season) or that end it (أمام، ضد). */
const LEFT_OUT = /^(كره|لكره|للمحترفين|عام|العام|موسم|الموسم|امام|ضد|خلال|بعد|قبل|منذ|(ال)?(اخير|ماضي|مقبل|قادم|حالي|سابق|جديد|منصرم)(ه)?)$/;

/** The candidates that rank with the entities: listed places and named occasions and indices (keyword-places.ts) the entities' words (`covered`) leave, competitions, events and airports. */
export function alongside(toks: readonly DocToken[], covered: ReadonlySet<string>, stats: TermStats): EntityInfo[] {
  return [...findPlaces(toks, covered), ...findNamed(toks, covered), ...findCompetitions(toks, stats), ...findEvents(toks, stats), ...findFacilities(toks, covered, stats), ...findTowns(toks, covered, stats)];
}

/** Kinds of event named in quotes after them (normalized, without clitics and ال). */
const KINDS = new Set(['مهرجان', 'معرض', 'ملتقي', 'مؤتمر', 'منتدي', 'جائزه', 'مسابقه', 'برنامج', 'حمله', 'مبادره', 'مشروع', 'فعاليات', 'ندوه', 'مسلسل', 'فيلم', 'تطبيق']);
/** At most this many words in the quoted name. */
const MAX_QUOTED = 4;

/** Events named in quotes after their kind (`مهرجان «عزم وحزم»`), as entity-like candidates. */
export function findEvents(toks: readonly DocToken[], stats: TermStats): EntityInfo[] {
  const found = new Map<string, EntityInfo>();
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    if (!toks[i + 1]!.quote || t.dateline || toks[i + 1]!.seg !== t.seg) continue;
    const kind = cliticCandidates(t.norm).find((c) => KINDS.has(c.key.replace(/^ال/, '')));
    if (!kind) continue;
    // The name: the words up to the next break, which must be its closing quote (or the segment's end).
    let j = i + 2;
    while (j < toks.length && !toks[j]!.brk && toks[j]!.seg === t.seg && j - i <= MAX_QUOTED + 1) j++;
    const end = toks[j];
    if (j - i - 1 > MAX_QUOTED || (end && end.seg === t.seg && !(end.brk && end.quote))) continue;
    const inner = toks.slice(i + 1, j);
    if (!inner.every((u) => /^[\u0621-\u064a]{2,}$/.test(u.norm))) continue;
    const key = [kind.key.replace(/^ال/, ''), ...inner.map((u) => u.norm)].join(' ');
    // (A name of several words the corpus knows as a unit is tagged alone: مهرجان «سوق عكاظ» → سوق عكاظ.)
    const known = inner.length > 1 && stats.df([termKey(inner[0]!.norm).key, ...inner.slice(1, 3).map((u) => u.norm)].join(' ')) >= MIN_DF;
    const name = [...(known ? [] : [displayPart(t.surface, kind).replace(/^ال/, '')]), ...inner.map((u) => cleanSurface(u.surface))].join(' ');
    mention(found, `event:${key}`, name, toks, i, j);
    i = j - 1;
  }
  // One name under two kinds (`مهرجان «بساط الريح»`, `معرض «بساط الريح»`) is one event, by its commoner kind.
  const byName = new Map<string, EntityInfo>();
  for (const e of [...found.values()].sort((a, b) => b.mentions - a.mentions || a.first - b.first)) {
    const name = e.id.slice(e.id.indexOf(' ') + 1);
    const first = byName.get(name);
    if (!first) {
      byName.set(name, e);
      continue;
    }
    absorb(first, e);
  }
  return [...byName.values()];
}

/** The competitions an article names, as entity-like keyword candidates (`coveredAt`: their tokens). */
export function findCompetitions(toks: readonly DocToken[], stats: TermStats): EntityInfo[] {
  const found = new Map<string, EntityInfo>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.dateline) continue;
    const head = cliticCandidates(t.norm).find((c) => HEADS.has(c.key));
    // (A head before another is what the inner one names: بطولة | دوري أبطال آسيا، بطولة | كأس ولي العهد.)
    const next = toks[i + 1];
    if (!head || (next && !next.brk && cliticCandidates(next.norm).some((c) => HEADS.has(c.key)))) continue;
    const words = [termKey(head.key).key];
    let j = i + 1;
    while (j < toks.length && j - i <= MAX_TAIL) {
      const u = toks[j]!;
      // (Arabic words only, and not the sport or the season an editor leaves out: كأس العالم | 2018,
      // الدوري الإنجليزي الممتاز | لكرة القدم، كأس العالم | الأخيرة)
      if (u.brk || u.seg !== t.seg || !/^[\u0621-\u064a]+$/.test(u.norm) || LEFT_OUT.test(u.norm)) break;
      if (stats.df([termKey(words.at(-2) ?? words[0]!).key, ...(words.length > 1 ? [words.at(-1)!] : []), u.norm].join(' ')) < MIN_DF) break;
      words.push(u.norm);
      j++;
    }
    if (words.length < 2) continue;
    const key = words.join(' ');
    const name = [displayPart(t.surface, head), ...toks.slice(i + 1, j).map((u) => cleanSurface(u.surface))].join(' ');
    mention(found, `competition:${key}`, name, toks, i, j);
    i = j - 1;
  }
  // A shorter form the article also writes (`كأس السوبر` beside `كأس السوبر السعودي`, `دوري جميل`
  // beside `دوري عبداللطيف جميل`) is the longer one.
  const all = [...found.values()];
  const words = (e: EntityInfo): string[] => e.id.slice(PREFIX).split(' ');
  const within = (a: string[], b: string[]): boolean => {
    if (a.length >= b.length || a[0] !== b[0]) return false;
    if (a.every((w, k) => w === b[k])) return true;
    let k = 0;
    for (const w of b) if (w === a[k]) k++;
    return k === a.length && a.at(-1) === b.at(-1);
  };
  for (const a of all) {
    const longer = all.filter((b) => b !== a && found.get(b.id.slice(PREFIX)) === b && within(words(a), words(b)));
    if (longer.length !== 1) continue;
    absorb(longer[0]!, a);
    found.delete(a.id.slice(PREFIX));
  }
  return [...found.values()];
}

const HONORIFIC = new Set(['الملك', 'الامير', 'الاميره', 'الشيخ']);
const CLOSING = new Set(['الدولي', 'الاقليمي', 'المحلي']);
/** A word after the head is a name when the corpus uses it in fewer documents than this (and never with ال). */
const RARE_DF = 100;
const NAME = /^[\u0621-\u064a]{2,}$/;
/** At most this many `بن` links after the honorific's name. */
const MAX_LINKS = 3;

/**
 * The airports an article names, as an editor tags them: by their whole name (`مطار الملك
 * عبدالعزيز الدولي`, `مطار آل مكتوم الدولي`, `مطار تمناع`). The gazetteer knows the city, the people
 * finder rightly sees no person in `الملك عبدالعزيز` there (people/find.ts), and the phrase finder
 * cut the name (`جمرك مطار`, `مطار الملك`): the annotators' keywords name nine airports, none of
 * which Marsad gave. The name is `مطار` (with its clitics, not `المطار`) and then
 * - an honorific and a name: `الملك`/`الأمير`/`الأميرة`/`الشيخ`, an indefinite word, and `بن` links;
 * - `آل` and a word (`آل مكتوم`);
 * - or one rare word the corpus never writes with ال (`تمناع`; not `مطار جديد`, `مطار دولي`,
 *   `مطار مزدحم`), no place the entities name: `مطار أبها` stays the city's (`أبها` is the keyword,
 *   which a longer keyword holding it would take away);
 * then `الدولي`/`الإقليمي`/`المحلي` when written. Like competitions and events they
 * rank like entities, their words are no keyword of their own, and they are not stored as
 * entities (GUIDELINES.md counts an airport as no organisation). A shorter form the article also
 * writes (`مطار الملك عبدالعزيز` beside `مطار الملك عبدالعزيز الدولي`) is the longer one.
 * `covered`: the entities' words (no airport's name).
 */
export function findFacilities(toks: readonly DocToken[], covered: ReadonlySet<string>, stats: TermStats): EntityInfo[] {
  const found = new Map<string, EntityInfo>();
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    // (a substring test first: reading every token's clitics cost 0.24 ms an article)
    if (t.dateline || !t.norm.endsWith('مطار')) continue;
    const head = cliticCandidates(t.norm).find((c) => c.key === 'مطار' && !c.restoreAl);
    if (!head) continue;
    const at = (k: number): DocToken | undefined => (k < toks.length && !toks[k]!.brk && toks[k]!.seg === t.seg ? toks[k] : undefined);
    const plain = (k: number): boolean => !!at(k) && NAME.test(at(k)!.norm) && !at(k)!.norm.startsWith('ال') && !isStopword(at(k)!.norm);
    // A name word's end: `عبد` takes the word after it (`عبد العزيز`, written apart).
    const past = (k: number): number => (at(k)!.norm === 'عبد' && at(k + 1)?.norm.startsWith('ال') ? k + 2 : k + 1);
    let j = i + 1;
    const first = at(j);
    if (!first) continue;
    if (HONORIFIC.has(first.norm) && plain(j + 1)) {
      j = past(j + 1);
      for (let n = 0; n < MAX_LINKS && at(j)?.norm === 'بن' && plain(j + 1); n++) j = past(j + 1);
    } else if (first.norm === 'ال' && plain(j + 1)) {
      // (`آل` normalized: `آل مكتوم`)
      j += 2;
    } else if (plain(j) && !covered.has(first.norm) && rareName(first.norm, stats)) {
      j++;
    } else continue;
    if (at(j) && CLOSING.has(at(j)!.norm)) j++;
    const words = toks.slice(i + 1, j);
    const name = [displayPart(t.surface, head), ...words.map((u) => cleanSurface(u.surface))].join(' ');
    mention(found, `facility:${words.map((u) => u.norm).join(' ')}`, name, toks, i, j);
    i = j - 1;
  }
  // A shorter form is the longer one when exactly one longer form begins with it.
  const all = [...found.entries()];
  for (const [key, e] of all) {
    const longer = all.filter(([k]) => k !== key && k.startsWith(key + ' ') && found.has(k));
    if (longer.length !== 1) continue;
    absorb(longer[0]![1], e);
    found.delete(key);
  }
  return [...found.values()];
}

/** Kinds of place a foreign or small place is named after (normalized, without clitics; not with ال). */
const TOWN_HEADS = new Set(['مدينه', 'بلده', 'قريه', 'مقاطعه', 'ولايه', 'جزيره', 'اقليم', 'ميناء']);

/**
 * Places the gazetteer does not know, named after their kind: `مدينة جينغتشو`, `بلدة كوفو`,
 * `بمدينة «زيلامسي»`, `ولاية بافاريا`, `ميناء كاليه` — where the news happened, which an editor
 * tags by its name. The annotators tagged 17 such names on the dev sets that Marsad did not give,
 * most of them named once (a rare word is never a keyword by its counts alone). The name is one
 * or two words the corpus knows as a name (`rareName`: rare, never with ال, no verb, no given
 * name alone, no clitic-glued word: not `منطقة والعالم`, `محافظة يخسرها`); not the words of an
 * entity (`covered`: `مدينة جدة` is the city's). Ranked like the airports, not stored as entities.
 */
export function findTowns(toks: readonly DocToken[], covered: ReadonlySet<string>, stats: TermStats): EntityInfo[] {
  const found = new Map<string, EntityInfo>();
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    if (t.dateline || !TOWN_END.test(t.norm)) continue;
    const head = cliticCandidates(t.norm).find((c) => TOWN_HEADS.has(c.key) && !c.restoreAl);
    if (!head) continue;
    // (the name may stand in quotes: بمدينة «زيلامسي»)
    const name = (k: number, first: boolean): boolean => {
      const u = toks[k];
      return !!u && u.seg === t.seg && (!u.brk || (first && !!u.quote)) && NAME.test(u.norm) && !u.norm.startsWith('ال') && !isStopword(u.norm) && !covered.has(u.norm) && townWord(u.norm, first, stats);
    };
    if (!name(i + 1, true)) continue;
    // (a second word, unless a third name follows it: then the two are more likely a person after the place)
    let j = name(i + 2, false) && !name(i + 3, false) ? i + 3 : i + 2;
    // (and its side, as the name has it: إقليم جاوة الغربية)
    if (toks[j] && !toks[j]!.brk && toks[j]!.seg === t.seg && SIDE.test(toks[j]!.norm)) j++;
    const words = toks.slice(i + 1, j);
    mention(found, `town:${words.map((u) => u.norm).join(' ')}`, words.map((u) => cleanSurface(u.surface)).join(' '), toks, i + 1, j);
    i = j - 1;
  }
  // A town named once in passing, past the lede, is a detail (`كولورادو` in a report on Daesh's
  // oil): named once it must be in the title or the lede, where an article says where it happened.
  const bodyStart = Math.max(0, toks.findIndex((t) => t.seg === 1));
  return [...found.values()].filter((e) => e.mentions >= 2 || e.titleMentions > 0 || e.first - bodyStart < LEDE_TOKENS);
}

/**
 * A word of a town's name: a rare name (`rareName`), no word glued to a clitic the corpus knows
 * without it (`للمهرجانات`, `ونفرح`), no past plural (`وأبانوا`), no future verb (`ستجدد`, `سيعفى`);
 * a second word not joined by و (`باشوت وشعف` are two villages), no past plural or dual
 * (`استيقظوا`, `ونفذتا`) and no given name (a person named after the place). Still taken wrongly
 * over the corpus sample: `كتالونيا أرتور` (`ماس` after it is no rare word), `سياميس`, `جحا`.
 */
function townWord(norm: string, first: boolean, stats: TermStats): boolean {
  if (!rareName(norm, stats) || norm.startsWith('لل') || /^...+وا$/.test(norm)) return false;
  if (/^[وف]/.test(norm) && stats.df(norm.slice(1)) >= 5) return false;
  if (/^س[يتن]/.test(norm) && stats.df(norm.slice(1)) >= 5) return false;
  return first || (!norm.startsWith('و') && !/(وا|تا)$/.test(norm) && !lexicon().given.has(norm));
}

const SIDE = /^ال(شمالي|جنوبي|شرقي|غربي|وسطي)(ه)?$/;

/** A cheap test before the clitic readings: the token ends in a kind. */
const TOWN_END = new RegExp(`(${[...TOWN_HEADS].join('|')})$`);

/**
 * A word the corpus knows as a name: rare, never with ال, no verb (`تمناع`; not `جديد`, `دولي`), no
 * given name alone (`مطار محمد` is `مطار محمد الخامس` cut), no pronoun-suffixed word and no word
 * glued to و/ب/ل/ف whose rest the corpus knows (`مطار وميناء`, `مطار لجهودهم`, `مطار وتحسينها`).
 */
function rareName(norm: string, stats: TermStats): boolean {
  const df = stats.df(norm);
  if (df >= RARE_DF || stats.df('ال' + norm) > 0 || verbLike(norm, df, stats) || lexicon().given.has(norm)) return false;
  if (/(ها|هم|هما|هن)$/.test(norm)) return false;
  return !(/^[وبلف]/.test(norm) && (stats.df(norm.slice(1)) >= 20 || isStopword(norm.slice(1))));
}

/** Counts a mention, tokens i to j, of the candidate `id` (created on its first mention, keyed by the id's rest). */
function mention(found: Map<string, EntityInfo>, id: string, name: string, toks: readonly DocToken[], i: number, j: number): void {
  const key = id.slice(id.indexOf(':') + 1);
  let e = found.get(key);
  if (!e) found.set(key, (e = { id, type: 'region', name, mentions: 0, salience: 0, titleMentions: 0, first: i, surfaces: [name], coveredNorms: [], coveredAt: [] }));
  e.mentions++;
  e.salience += toks[i]!.seg === 0 ? 1 + TITLE_WEIGHT : 1;
  if (toks[i]!.seg === 0) e.titleMentions++;
  for (let k = i; k < j; k++) e.coveredAt!.push(k);
}

/** `into` takes `from`'s mentions (one candidate written two ways). */
function absorb(into: EntityInfo, from: EntityInfo): void {
  into.mentions += from.mentions;
  into.salience += from.salience;
  into.titleMentions += from.titleMentions;
  into.first = Math.min(into.first, from.first);
  into.coveredAt!.push(...from.coveredAt!);
}

/**
 * The entities and the candidates found beside them (keyword-places.ts, competitions), most
 * salient first, less an entity every mention of which lies inside a competition's or an event's
 * name (`آسيا` in `دوري أبطال آسيا`, `السعودية` in `كأس السوبر السعودي`).
 */
export function withCandidates(found: readonly EntityInfo[], more: readonly EntityInfo[], toks: readonly DocToken[]): EntityInfo[] {
  if (more.length === 0) return found as EntityInfo[];
  const inside = new Set(more.filter((e) => e.id.startsWith('competition:') || e.id.startsWith('event:')).flatMap((e) => e.coveredAt ?? []));
  const kept = inside.size === 0 ? found : found.filter((e) => e.type === 'person' || !mentionsAt(e, toks).every((i) => inside.has(i)));
  return [...kept, ...more].sort((a, b) => b.salience - a.salience || a.first - b.first);
}

/** Where an entity is named: its multi-word mentions' tokens, and every token of its one-word spellings. */
function mentionsAt(e: EntityInfo, toks: readonly DocToken[]): number[] {
  const norms = new Set(e.coveredNorms);
  const at = [...(e.coveredAt ?? [])];
  toks.forEach((t, i) => {
    if (norms.has(t.norm)) at.push(i);
  });
  return at;
}
