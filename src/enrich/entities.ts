/**
 * Entities of one article: countries, capitals and cities, organizations, news agencies,
 * regions (from the gazetteer) and people (from title triggers), each with a stable id and
 * its number of mentions, sorted by salience.
 *
 * Counting rules:
 * - Every name or demonym mention counts once for its entity: `روسيا`, `الروسي`, `الروس`
 *   are three mentions of country:RU.
 * - A mention also counts for what its entity implies: a capital names the city AND its
 *   country (`موسكو` → city:moscow and country:RU; `واشنطن` → country:US), a city its
 *   country (`جدة` → country:SA), `غزة` Palestine. So a country's `mentions` include them.
 * - Salience = mentions + TITLE_WEIGHT × mentions in the title; ties go to the earlier entity.
 * Contract: pure and total — empty, huge, digit-only or Latin-only input gives [] or what
 * it finds, never an exception; linear in the length of the text.
 */
import type { EntityMention } from '../model/article.ts';
import { loadGazetteer, type GazetteerIndex } from './gazetteer.ts';
import { matchGazetteer, type Match } from './match.ts';
import { findPeople, personLookupKey } from './people.ts';
import { placeSurname } from './people/cues.ts';
import { constructName, familyName, language, maghrebis, nonStateName, notBarePlural, surnameAgain } from './demonyms.ts';
import { listedStates } from './listed.ts';
import { lexicon } from './people/lexicon.ts';
import { tagLine } from './people/words.ts';
import { resolveAmbiguous } from './resolve.ts';
import { isStopword, normalize } from '../arabic/index.ts';
import { findOrgs, isOrgHead } from './orgs.ts';
import { findClubs, isSportsArticle, PLACE_CLUBS } from './clubs.ts';
import { cleanSurface, docTokens, type DocToken } from './tokens.ts';
import { termKey } from './termstats.ts';
import type { EntityInfo } from './types.ts';

export const TITLE_WEIGHT = 2;

export interface ArticleText {
  title: string;
  text: string;
}

interface Acc {
  mentions: number;
  titleMentions: number;
  first: number;
  surfaces: Map<string, number>;
  covered: Set<string>;
  at: number[];
}

/** Words after which a place is where something happens or what names a thing, not an actor (في الرياض، إلى موسكو، بنك الرياض). */
const LOCATIVE = new Set([
  // an institution called after the city (كلية لندن للاقتصاد، معهد باريس، أكاديمية موسكو)
  'كليه', 'معهد', 'اكاديميه', 'مدرسه', 'مكتبه',
  'في', 'الي', 'من', 'ومن', 'داخل', 'خارج', 'قرب', 'بمدينه', 'مدينه', 'العاصمه', 'بالعاصمه', 'شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'محافظه', 'منطقه', 'بمنطقه', 'بمحافظه', 'مطار', 'حي', 'حتي', 'عبر', 'انحاء', 'ضواحي', 'مقر', 'بمقر', 'وفي', 'والي', 'امير', 'محافظ', 'امانه', 'بلديه', 'جامعه', 'اهالي', 'سكان', 'غرفه', 'شرطه', 'مستشفي', 'مطاري', 'مدينتي', 'بطوله',
  // a place or thing named after the city (بنك الرياض، طريق الرياض، بورصتي باريس، ميثاق روما، حائط برلين، سوبر لندن)
  'طريق', 'شوارع', 'احياء', 'مدارس', 'تعليم', 'فندق', 'بنك', 'مصرف', 'وكاله', 'جلسه', 'بورصه', 'بورصتي', 'سوق', 'اسواق', 'حائط',
  'ميثاق', 'اتفاقيه', 'اعلان',
  // an agreement or talks named after where they are held (اتفاق فيينا، محادثات فيينا; not محادثات مع واشنطن)
  'اتفاق', 'معاهده', 'بروتوكول', 'محادثات', 'مفاوضات', 'مباحثات', 'حاجز', 'سوبر', 'ماراثون', 'مهرجان', 'معرض', 'قمه', 'مؤتمر', 'نادي', 'صحيفه', 'جريده', 'ملعب',
  'ستاد', 'متحف', 'ساحه', 'محكمه', 'ميناء', 'سماء', 'اجواء', 'قلب', 'مترو', 'قطار', 'مستشفيات', 'فنادق', 'جامعات',
  'مطارات', 'محاكم', 'مناطق', 'بلديات', 'طرق', 'لطرق',
  // a city's own directorates and utilities (مياه الرياض، صحة الرياض، مرور الرياض، جوازات الرياض)
  'مياه', 'صحه', 'مرور', 'جوازات', 'كهرباء',
  // a city's festival (عيد الرياض، عيد أبوظبي: the Eid celebrations a city's municipality holds)
  'عيد',
  // an emirate of the same name as its state's capital (إمارة أبوظبي)
  'اماره',
  // verbs of arriving, leaving and visiting take the place without a preposition (النصر يصل لندن،
  // غادر القاهرة، زار طهران); not دخل/قدم, whose subject a capital often is (دخلت موسكو الحرب)
  'وصل', 'يصل', 'تصل', 'وصلت', 'وصلوا', 'يصلون', 'غادر', 'يغادر', 'تغادر', 'غادرت', 'غادروا', 'يزور', 'تزور', 'زار', 'زارت']);

/**
 * Whether a place mention also counts for the country it implies. A city that is not a
 * capital never does (`في جدة` does not make an article about Saudi Arabia). A capital or a
 * region does unless it is only the location or a name: written with a glued ب (`بموسكو`),
 * after a locative word (`في الرياض`, `إلى موسكو`, `عاد من لندن`), coordinated with a place
 * that is a location (`إلى فيينا أو لندن`), or in quotation marks (`قال لـ"الرياض"`, a
 * newspaper); `أعلنت موسكو`, `محادثات مع واشنطن` count. `prevLocation`: the place match
 * right before this one, when it was a location.
 */
function standsForState(e: { capital?: boolean; type: string }, m: Match, toks: DocToken[], prevLocation: Match | undefined): boolean {
  if (!(e.capital || e.type === 'region')) return false;
  return !isLocation(m, toks, prevLocation);
}

/** `m` names where something happens (see standsForState), not an actor. */
function isLocation(m: Match, toks: DocToken[], prevLocation: Match | undefined): boolean {
  const t = toks[m.start]!;
  // The clitics cut from the first word (display keeps the name as written).
  const cut = cleanSurface(t.surface).length - (m.display.split(' ')[0] ?? '').length;
  const clitics = cut > 0 ? normalize(cleanSurface(t.surface).slice(0, cut)) : '';
  if (clitics.includes('ب')) return true;
  const prev = toks[m.start - 1];
  // (a quote mark between them too: طرق "الرياض- القصيم")
  // (… behind a clitic too: لسوق أبوظبي، وبورصة.)
  if (prev && (!t.brk || t.quote) && (LOCATIVE.has(prev.norm) || LOCATIVE.has(prev.norm.replace(/^[وفبل]/, '')))) return true;
  const after = toks[m.start + m.len];
  if (t.quote && (!after || after.quote || after.seg !== t.seg)) return true;
  if (prevLocation && !t.brk) {
    const end = prevLocation.start + prevLocation.len;
    if ((end === m.start && clitics.startsWith('و')) || (end === m.start - 1 && (prev!.norm === 'او' || prev!.norm === 'و'))) return true;
  }
  return false;
}

/**
 * States that news calls `المملكة` too: where one of them is named, `المملكة` alone needs a Saudi
 * name to be Saudi Arabia. Only the kingdoms Arabic news calls so (Jordan's, Morocco's and
 * Bahrain's press, Britain in London papers): with Spain, Belgium, Sweden or Norway named and no
 * Saudi name, all 15 corpus articles writing `المملكة` alone meant Saudi Arabia (`السفراء الأوربيين
 * لدى المملكة`, `الخليج يختتم معسكر إسبانيا ويعود للمملكة`, `في أحد الأندية الكبيرة في المملكة`, g041).
 */
const KINGDOMS = ['JO', 'MA', 'BH', 'GB'].map((c) => `country:${c}`);

/**
 * `المملكة` alone (with clitics: بالمملكة، للمملكة) is Saudi Arabia — the kingdom a reader of
 * Saudi-centred news means — when the article names something Saudi (the country, a Saudi
 * city or region) or names no other kingdom (الأردن، المغرب، بريطانيا …); never when a longer
 * name took it (المملكة المتحدة، المملكة الأردنية).
 */
function saudiKingdom(toks: DocToken[], matches: Match[], index: GazetteerIndex, bump: (id: string, pos: number, title: boolean) => unknown): void {
  if (!index.byId.has('country:SA')) return;
  const at: number[] = [];
  toks.forEach((t, i) => {
    if (t.dateline === undefined && t.norm.endsWith('مملكه') && /^[وف]?(بال|لل|ال)مملكه$/.test(t.norm)) at.push(i);
  });
  if (at.length === 0) return;
  const implies = (m: Match, id: string): boolean => m.ids[0] === id || !!index.byId.get(m.ids[0] ?? '')?.implies?.includes(id);
  const saudi = matches.some((m) => implies(m, 'country:SA'));
  if (!saudi && matches.some((m) => KINGDOMS.some((k) => implies(m, k)))) return;
  const taken = new Set<number>();
  for (const m of matches) for (let k = 0; k < m.len; k++) taken.add(m.start + k);
  for (const i of at) if (!taken.has(i)) bump('country:SA', i, toks[i]!.seg === 0);
}

/**
 * A country's name right before another country's demonym names a club or team of that other
 * country (`موناكو الفرنسي`, like `ريال مدريد الإسباني`): not a mention of the first. So does a
 * capital's, with at most one word between (`سان خوسيه أورثكوايكس الأميركي`, a US club, is no
 * mention of Costa Rica). Only a bare definite demonym makes a club: in `وسويسرا وتشيكيا` and
 * `برعاية سويسرا للأميركيين` Switzerland stays a state, and a name that is an adjective itself is
 * the first of two states (`العلاقات السعودية الكويتية`).
 */
function clubOf(m: Match, next: Match | undefined, index: GazetteerIndex, toks: DocToken[]): boolean {
  const e = index.byId.get(m.ids[0] ?? '');
  if (!e || m.demonym || !next || !next.demonym || toks[next.start]!.brk) return false;
  // The club's demonym is a bare definite adjective: `وتشيكيا` (joined by و) or `للأميركيين` (a
  // preposition) after a state name is another state or a complement, not its club.
  if (!toks[next.start]!.norm.startsWith('ال')) return false;
  // A name that is itself an adjective (`العلاقات السعودية الكويتية`) is the first of two states.
  if (m.len === 1 && /^ال.+يه$/.test(normalize(m.display))) return false;
  const own = e.type === 'country' ? e.id : e.capital ? e.implies?.find((x) => x.startsWith('country:')) : undefined;
  const gap = next.start - (m.start + m.len);
  if (!own || gap < 0 || gap > (e.type === 'country' ? 0 : 1) || (gap === 1 && toks[next.start - 1]!.brk)) return false;
  const other = next.ids[0];
  return !!other && other !== own && index.byId.get(other)?.type === 'country';
}

/** Entity types a dateline can name. */
const PLACE_TYPES = new Set(['city', 'country', 'region']);

export function analyzeEntities(article: ArticleText, index: GazetteerIndex = loadGazetteer(), tokens?: DocToken[]): EntityInfo[] {
  const toks = tokens ?? docTokens(article.title ?? '', article.text ?? '');
  const found = matchGazetteer(toks, index);
  resolveAmbiguous(found, toks, index);
  // A place that ends a dateline (`سبق- الرياض:`) says where the story was filed, not what it
  // is about: it is not a mention, and neither is anything else in that dateline (the author).
  const datelines = new Set<number>();
  for (const m of found) {
    const last = toks[m.start + m.len - 1]!;
    const e = m.ids[0] ? index.byId.get(m.ids[0]) : undefined;
    if (!m.demonym && e && PLACE_TYPES.has(e.type) && last.datelineEnd && toks[m.start]!.dateline === last.dateline) datelines.add(last.dateline!);
  }
  const inDateline = (i: number): boolean => toks[i]!.dateline !== undefined && datelines.has(toks[i]!.dateline!);
  const matches = datelines.size ? found.filter((m) => !inDateline(m.start)) : found;
  const acc = new Map<string, Acc>();
  const bump = (id: string, pos: number, title: boolean): Acc => {
    let a = acc.get(id);
    if (!a) acc.set(id, (a = { mentions: 0, titleMentions: 0, first: pos, surfaces: new Map(), covered: new Set(), at: [] }));
    a.mentions++;
    if (title) a.titleMentions++;
    return a;
  };
  let prevLocation: Match | undefined;
  let prevLanguage: Match | undefined;
  const clubs = new Set(matches.filter((m, k) => clubOf(m, matches[k + 1], index, toks)).map((m) => m.ids[0]));
  const sports = matches.some((m) => !m.demonym && PLACE_CLUBS.has(m.display)) && isSportsArticle(toks);
  const lx = lexicon();
  const df = (w: string): number => lx.stats.df(w);
  const tags = tagLine(toks);
  // A family name that is a demonym (عبدالله بن عبدالمحسن التركي) stays the person's when the article
  // later names him by it alone (demonyms.ts).
  const families = new Set(matches.filter((m) => familyName(m, toks, lx.given, df)).map((m) => toks[m.start]!.norm.replace(/^[وف]/, '')));
  const maghreb = maghrebis(matches, toks);
  const northKorea = matches.some((m) => m.ids[0] === 'country:KP');
  // A country's name after «ولاية» is a state of that name (بولاية جورجيا شرق الولايات المتحدة).
  const federal = new Set(matches.filter((m) => !m.demonym && m.start > 0 && index.byId.get(m.ids[0] ?? '')?.type === 'country' && /^[وفبل]?[بل]?ولايه$/.test(toks[m.start - 1]!.norm)).map((m) => m.ids[0]));
  matches.forEach((m) => {
    const id = m.ids[0];
    // «الشرق الأوسط» in quotes is the newspaper naming itself (وعلمت «الشرق الأوسط»، لـ«الشرق الأوسط»), like a byline: a region is never quoted.
    if (id === 'region:middle-east' && toks[m.start]!.quote && (toks[m.start + m.len]?.quote ?? true)) return;
    const e = id ? index.byId.get(id) : undefined;
    if (!e) return;
    const lang = language(m, toks, prevLanguage);
    prevLanguage = lang ? m : undefined;
    if ((!m.demonym && clubs.has(e.id)) || familyName(m, toks, lx.given, df) || surnameAgain(m, toks, families, lx.honorific, df) || lang || constructName(m, toks, lx.given) || maghreb.has(m.start) || notBarePlural(m, toks, lx.given)) return;
    // A trailing tag line (`سمات …`, people/words.ts) is the outlet's metadata, not the article's text.
    if (m.start >= tags) return;
    if (sports && !m.demonym && PLACE_CLUBS.has(m.display)) return;
    // The bare Korean (الكوري) is South Korea, not where North Korea is named (countries.tsv).
    if (m.demonym && m.len === 1 && e.id === 'country:KR' && northKorea) return;
    // A country's name that an article calls a «ولاية» (federal) is that state, there and in the rest
    // of the article (`توفيت في جورجيا`, g066).
    if (!m.demonym && federal.has(e.id)) return;
    // So is one after a stadium or street word, quoted or not, the stadium's or street's name (على استاد
    // "الإمارات", Arsenal's ground; شارع فلسطين, a street of Jeddah).
    if (!m.demonym && e.type === 'country' && m.start > 0 && /^[وفبل]?[بل]?(استاد|ستاد|ملعب|شارع)$/.test(toks[m.start - 1]!.norm)) return;
    // A demonym naming an institution that is no state body, or the dollar's (demonyms.ts nonStateName).
    if ((m.demonym || /^ال.{3,}يه$/.test(toks[m.start]!.norm)) && m.len === 1 && nonStateName(toks, m.start)) return;
    // A place that is a transliterated family name (المهاجم سيباستيان سوريا; people/cues.ts), outside a tag line.
    if (m.start > 0 && m.start < tags && placeSurname(lx, toks[m.start - 1]!.norm, m, toks[m.start]!)) return;
    const title = toks[m.start]!.seg === 0;
    const a = bump(e.id, m.start, title);
    if (!m.demonym) a.surfaces.set(m.display, (a.surfaces.get(m.display) ?? 0) + 1);
    if (m.len === 1) a.covered.add(toks[m.start]!.norm);
    else {
      for (let j = 0; j < m.len; j++) a.at.push(m.start + j);
      // An organisation's head word alone is its short form (الهيئة، المجلس): see cover().
      if (e.type === 'org' || e.type === 'agency') for (const h of headForms(toks[m.start]!.norm)) a.covered.add(h);
    }
    const place = PLACE_TYPES.has(e.type) && !m.demonym;
    if (standsForState(e, m, toks, prevLocation)) for (const imp of e.implies ?? []) if (index.byId.has(imp)) bump(imp, m.start, title);
    prevLocation = place && isLocation(m, toks, prevLocation) ? m : undefined;
  });
  saudiKingdom(toks, matches, index, bump);
  // Short names that are common words too (مالي، بنين) in a list of states (listed.ts).
  for (const l of listedStates(toks, matches, index)) {
    if (l.at >= tags) continue;
    const a = bump(l.id, l.at, toks[l.at]!.seg === 0);
    a.surfaces.set(l.display, (a.surfaces.get(l.display) ?? 0) + 1);
    a.covered.add(toks[l.at]!.norm);
  }
  const out: EntityInfo[] = [];
  for (const [id, a] of acc) {
    const e = index.byId.get(id)!;
    out.push({
      id,
      name: e.name,
      type: e.type,
      mentions: a.mentions,
      titleMentions: a.titleMentions,
      salience: a.mentions + TITLE_WEIGHT * a.titleMentions,
      first: a.first,
      surfaces: [...a.surfaces].sort((x, y) => y[1] - x[1]).map(([s]) => s),
      coveredNorms: [...a.covered],
      coveredAt: a.at,
    });
  }
  // Organisations by their shape (وزارة الداخلية، جامعة الملك سعود، شركة أرامكو), and clubs sports news names bare (clubs.ts).
  const orgs = new Map<string, EntityInfo>();
  const shaped = findOrgs(toks, matches, (n) => n.length >= 2 && !isStopword(n));
  const busy = new Set<number>();
  for (const x of [...matches, ...shaped]) for (let k = 0; k < x.len; k++) busy.add(x.start + k);
  for (const o of [...shaped, ...findClubs(toks, matches, busy)]) {
    if (toks[o.start]!.dateline !== undefined) continue;
    if (o.alias) {
      const g = out.find((x) => x.id === o.id);
      if (g && !g.surfaces.includes(o.display)) g.surfaces.push(o.display);
      if (g) cover(g, o);
      continue;
    }
    const title = toks[o.start]!.seg === 0;
    let e = orgs.get(o.id);
    if (!e) {
      e = { id: o.id, name: o.display, type: 'org', mentions: 0, titleMentions: 0, salience: 0, first: o.start, surfaces: [], coveredNorms: [], coveredAt: [] };
      orgs.set(o.id, e);
      out.push(e);
    }
    e.mentions++;
    if (title) e.titleMentions++;
    e.salience = e.mentions + TITLE_WEIGHT * e.titleMentions;
    if (!e.surfaces.includes(o.display)) e.surfaces.push(o.display);
    cover(e, o);
  }
  // A shorter form of a longer organisation in the same article is that one (وزارة التجارة →
  // وزارة التجارة والصناعة), when only one longer form starts with it.
  const orgList = [...orgs.values()];
  const normsOf = (e: EntityInfo): string[] => e.id.slice(4).split('_');
  for (const a of orgList) {
    const an = normsOf(a);
    if (an.length < 2) continue;
    const longer = orgList.filter((b) => b !== a && normsOf(b).length > an.length && an.every((w, k) => normsOf(b)[k] === w));
    if (longer.length !== 1) continue;
    const b = longer[0]!;
    b.mentions += a.mentions;
    b.titleMentions += a.titleMentions;
    b.salience = b.mentions + TITLE_WEIGHT * b.titleMentions;
    b.first = Math.min(a.first, b.first);
    for (const x of a.surfaces) if (!b.surfaces.includes(x)) b.surfaces.push(x);
    b.coveredAt!.push(...a.coveredAt!);
    out.splice(out.indexOf(a), 1);
    orgs.delete(a.id);
  }
  // A name in a dateline is its author's byline: not counted (only the first mention can be there);
  // nor is a column's signature, the name alone on its last line.
  const signed = signature(article.text ?? '');
  const credit = creditAt(toks, article.text ?? '');
  const people = findPeople(toks, matches)
    .map((q) => (inDateline(q.first) || byline(toks, q) || q.first === credit ? { ...q, mentions: q.mentions - 1 } : q))
    .filter((q) => q.mentions > 0 && !(q.mentions === 1 && signed !== undefined && normalize(q.name) === signed));
  for (const p of people) {
    out.push({
      id: p.id,
      name: p.name,
      type: 'person',
      mentions: p.mentions,
      titleMentions: p.titleMentions,
      salience: p.mentions + TITLE_WEIGHT * p.titleMentions,
      first: p.first,
      surfaces: p.aliases,
      coveredNorms: p.tokens,
      role: p.role,
    });
  }
  return out.sort((a, b) => b.salience - a.salience || a.first - b.first || (a.id < b.id ? -1 : 1));
}

/**
 * What keywords skip of an organisation's mention: its tokens there, and its head word everywhere,
 * with and without ال (alone it is the name's short form: الهيئة، النادي، بلدية).
 */
function headForms(norm: string): string[] {
  const bare = termKey(norm).key.replace(/^ال/, '');
  return isOrgHead(bare) ? [bare, 'ال' + bare] : [];
}

function cover(e: EntityInfo, o: { start: number; len: number; norms: string[] }): void {
  for (let k = 0; k < o.len; k++) (e.coveredAt ??= []).push(o.start + k);
  for (const h of headForms(o.norms[0]!)) if (!e.coveredNorms.includes(h)) e.coveredNorms.push(h);
}

/**
 * The name a column is signed with: two to four words alone after the last sentence's end (a
 * full stop, a question or exclamation mark, a new line), maybe a dash and a place after it
 * (`… إن لم تكن لديه لياقة تسانده.\n عايض الميلبي`, `رعاها الله -. محمد حزاب الغفيلي - الرس`;
 * set h); normalized.
 */
function signature(text: string): string | undefined {
  const m = /(?:[.!?؟\n])\s*([\u0621-\u064a]+(?: [\u0621-\u064a]+){1,3})\s*(?:[-–]\s*[\u0621-\u064a]+(?: [\u0621-\u064a]+)?\s*)?$/.exec(cleanSurface(text.slice(-160)));
  return m ? normalize(m[1]!) : undefined;
}

/**
 * A name that opens a dateline-shaped line and is followed there by more of it (`سعود الدعجاني -
 * سبق - عسير:`, `لجين الأحمدي – متابعات`): its author's byline, even when the last part
 * names no place the gazetteer knows.
 */
function byline(toks: DocToken[], q: { first: number; tokens: string[] }): boolean {
  const d = toks[q.first]!.dateline;
  if (d === undefined || toks[q.first - 1]?.dateline === d) return false;
  let last = q.first;
  while (toks[last + 1]?.dateline === d) last++;
  return !q.tokens.includes(toks[last]!.norm);
}

/**
 * The token where the body's first line credits its author after the outlet or place and a dash,
 * the sentence going on after the name (`عين اليوم – هيفاء عبدالله قدّمت الشركة …`, `مكة المكرمة –
 * حامد القرشي`): one to three words, a dash, then the name. -1 when the body opens otherwise; a
 * subject named there (`واشنطن – أوباما يدعو`) loses that one mention.
 */
function creditAt(toks: readonly DocToken[], text: string): number {
  // (The line's start only: no pass over the whole body.)
  const m = /^\s*([\u0621-\u064a]+(?:[ \t]+[\u0621-\u064a]+){0,2})[ \t]*[-–—][ \t]*[\u0621-\u064a]/.exec(cleanSurface(text.slice(0, 200)));
  const body = toks.findIndex((t) => t.seg === 1);
  return m && body >= 0 ? body + m[1]!.split(/[ \t]+/).length : -1;
}

/**
 * The stored shape: `[{id, name, type, mentions}]`, most salient first; people also carry
 * their other spellings in the article (`aliases`) and the lookup keys of every spelling
 * (`keys`, transliteration-folded: the store finds `شويقو` through them).
 */
export function extractEntities(article: ArticleText, index?: GazetteerIndex): EntityMention[] {
  return storedEntities(analyzeEntities(article, index));
}

/** `EntityInfo` records in the stored shape (see extractEntities). */
export function storedEntities(infos: readonly EntityInfo[]): EntityMention[] {
  return infos.map(({ id, name, type, mentions, surfaces }) => {
    if (type !== 'person') return { id, name, type, mentions };
    const aliases = surfaces.filter((s) => s !== name);
    // The surname alone is a key too (`شويغو` finds سيرجي شويجو), unless the name is a nasab chain.
    const words = name.split(' ');
    const surname = words.length > 1 && !words.some((w) => /^(بن|بنت|ابن|آل|ال)$/.test(w)) ? [words[words.length - 1]!] : [];
    const keys = [...new Set([name, ...aliases, ...surname].map(personLookupKey).filter(Boolean))];
    return { id, name, type, mentions, ...(aliases.length ? { aliases } : {}), keys };
  });
}
