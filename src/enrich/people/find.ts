/**
 * Where an article names people: spans of tokens, each a name as written (titles, honorifics
 * and following words left out), found in five ways, first that applies at a word wins:
 * 1. after a title and what it is of: `وزير الخارجية الأمريكي جون كيري`, `أمير منطقة
 *    الرياض فيصل بن بندر`, `المدرب البرتغالي جوزيه مورينيو`, `ولي العهد الأمير محمد بن سلمان`;
 * 2. after an honorific: `الأمير متعب بن عبدالله`, `الشيخ …`, `الدكتور …`;
 * 3. after a verb of saying or acting, when the name starts with a known given name or
 *    surname: `قال جون كيري`, `وأضاف شويغو`;
 * 4. a nasab chain: `فهد بن فهيد السبيعي`, `متعب بن عبدالله يعزّي …`;
 * 5. a known given name followed by a name word: `هيلاري كلينتون تدعو …`, also joined by و
 *    in a list (`… وعبدالمجيد السواط وياسر القحطاني`).
 * After a title or verb of saying, a name of one-syllable words is read whole (syllables.ts: بان كي مون).
 * A definite demonym used as a noun is a title too (`البرازيلي روبينيو`); `عبد` apart from its
 * complement starts a name (`الدكتور عبد الله البرقان`); `علي` (also the preposition على) is a
 * name word only where a name word follows it or after بن. Right after a title, a given
 * name's next word is its family name even when it is a common word (`الوزير بطرس حرب`).
 * Names are not read in a trailing tag line (`سمات …`). A compound given name with الله is
 * one (`فتح الله غولن`, even where فتح spells the movement); a counterpart (`نظيره`) of anything
 * but a nationality is a club, no person; a rank's grade (`الرقيب أول`) belongs to the title;
 * one word after a title stands alone only when it can (`alone`: not `عضو صالح`, `لصالح`);
 * the next name of a list behind و may start with a word no list knows (`listNext`).
 * Boundaries: a name ends before punctuation, a stopword or a clitic-attached one (بأنه), a
 * verb, a time word, a common noun (a word the corpus often writes with ال: ساعات، مطالب),
 * a gazetteer name, another title; a definite word ends it unless it is a surname (السبيعي،
 * الجبير) or `الله` follows (رامي الحمد الله). A name right after an institution word and its
 * honorific is no person there (`مطار الملك خالد الدولي`, `جامعة الملك سعود`).
 * The cues these rules read (titles, name words, institutions, family names that look like
 * common words or demonyms) are in cues.ts and surnames.ts.
 * Contract: pure; O(tokens) with bounded look-ahead.
 */
import type { Match } from '../match.ts';
import { isListedPlace } from '../keyword-places.ts';
import { cleanSurface, cliticCandidates, type DocToken } from '../tokens.ts';
import { IDIOMS, NASAB_LINK, nisba, PLACE_HEADS, placeSurname, PRAYER, spanText, type NameSpan } from './cues.ts';
import { isCommonNoun, lexicon, type PeopleLexicon } from './lexicon.ts';
import { syllableName } from './syllables.ts';
import { SurnameCues } from './surnames.ts';
import { connector, CONNECTORS, definite, NAME_STOP, nameWord, pastVerb, ROLE_LINKS, ROLE_TAIL, tagLine, TANWEEN, unknownNameWord, WAW_YA } from './words.ts';

const RANK_GRADE = new Set(['اول', 'ثاني', 'ركن']);
/** Credits of a work (data/people/titles.tsv lists them among the speakers). */
const CREDIT = /^[وف]?(بطوله|اخراج|تاليف|الحان|تلحين|غناء)$/;
/** Epithets between a demonym used as a title and the name (normalized): والإيطالي الشهير بيرلو. */
const EPITHET = new Set(['الشهير', 'الشهيره', 'المعروف', 'المعروفه', 'المخضرم', 'الراحل', 'الراحله', 'الدولي', 'المتالق', 'الموهوب', 'الشاب', 'السابق']);
/** Titles whose complement is the person they relate to (normalized keys). */
const KIN = new Set(['شقيق', 'شقيقه', 'والد', 'والده', 'زوج', 'زوجه', 'نجل', 'نجله', 'ابنه', 'عم', 'عمه', 'خال', 'خاله', 'جد', 'جده', 'ارمله', 'محامي', 'محاميه']);
/** A counterpart (نظيره، نظيرتها; the feminine is spelled like the pronoun form once normalized). */
const COUNTERPART = new Set(['نظير', 'نظيره']);

export type { NameSpan };
export { spanText };

export function findNames(tokens: DocToken[], matches: Match[], lx: PeopleLexicon = lexicon()): NameSpan[] {
  const matchAt = new Map(matches.map((m) => [m.start, m]));
  const inMatch = new Set<number>();
  for (const m of matches) for (let k = 0; k < m.len; k++) inMatch.add(m.start + k);
  const f = new Finder(tokens, matchAt, inMatch, lx);
  const out: NameSpan[] = [];
  const end = tagLine(tokens);
  for (let i = 0; i < end; i++) {
    const last = out[out.length - 1];
    const s = f.at(i) ?? (last && last.end === i ? f.listNext(i, last) : undefined);
    if (!s) continue;
    if (!f.institutionTail(s)) out.push(s);
    i = s.end - 1;
  }
  return out;
}

class Finder extends SurnameCues {
  /** Reads a name at `s`; undefined when none (fewer than `min` words). */
  private name(s: number, via: NameSpan['via'], strong: boolean, min = 2): NameSpan | undefined {
    const t = this.t;
    // (A compound name with الله is read even where its first half spells a gazetteer name: فتح الله غولن, not the movement فتح.)
    if (s >= t.length || TANWEEN.test(t[s]!.surface) || (this.inMatch.has(s) && !this.allahName(s)) || this.speaker(s) || this.lx.pair.has(t[s]!.norm)) return undefined;
    // No name starts inside a nasab chain (the rest of «مركز الملك عبدالله بن عبدالعزيز العالمي»).
    if (s > 0 && !t[s]!.brk && NASAB_LINK.has(t[s - 1]!.norm)) return undefined;
    // «على» as written (ى) is the preposition, never a name's first word (وعلى ركن الحاج …);
    // a name after «شهر» is the month (شهر رمضان الكريم).
    if (/على$/.test(t[s]!.surface) || (s > 0 && !t[s]!.brk && /^[وفبل]?شهر$/.test(t[s - 1]!.norm))) return undefined;
    // A title word is no name, unless it is a given name too (سلطان، مالك، أمير).
    if (this.trigger(s) && !this.lx.given.has(t[s]!.norm) && !(via === 'title' && this.beforeNasab(s))) return undefined;
    // The first word may carry a clitic when what is left is a known name (وهيلاري، لمحمد);
    // not ب (بخيبر is «in Khaybar») nor ك (كامل is no «like أمل»).
    const first =
      (t[s]!.norm === 'علي' && this.aliInName(s - 1, s, '')) || this.aliNisba(s) ? { key: 'علي', cut: t[s]!.norm.length - 3, al: false } : this.abdFirst(s) ? { key: t[s]!.norm, cut: 0, al: false } : cliticCandidates(t[s]!.norm).find((c) => !c.al && (c.cut === 0 ? this.firstWord(c.key, strong, !this.hamzaAl(s)) : this.gluedName(t[s]!.norm, c.key, c.cut) || (this.list && c.cut === 1 && c.key === t[s]!.norm.slice(1)) || (c.cut === 1 && /^[وف]/.test(t[s]!.norm) && this.lx.given.has(c.key) && (nameWord(this.lx, c.key) || c.key === 'علي') && this.familyNext(s)))) ?? ((via === 'title' && (this.beforeNasab(s) || this.beforeNisba(s))) || (strong && this.beforeAllah(s)) || this.allahName(s) ? { key: t[s]!.norm, cut: 0, al: false } : undefined);
    // (Nor, after a title, an unknown أ-initial word before a definite one no list knows: a verb of the form أفعل and its object, أمير عسير أزاح الستار.)
    if (via === 'title' && first?.cut === 0 && /^أ...ت?$/.test(cleanSurface(t[s]!.surface)) && !this.lx.given.has(first.key) && !this.lx.surname.has(first.key) && t[s + 1] && !t[s + 1]!.brk && /^ال/.test(t[s + 1]!.norm) && !this.lx.surname.has(t[s + 1]!.norm) && !this.definiteSurname(s + 1)) return undefined;
    // (Nor a given name opening an idiom: حسن النصح، عيدي الفطر.)
    if (first && t[s + 1] && !t[s + 1]!.brk && IDIOMS.get(first.key)?.has(t[s + 1]!.norm.replace(/^[وفبل](?=ال)/, ''))) return undefined;
    // (Nor «like» on a word the corpus knows far better bare, unless a name follows: كقطاعي الغاز, كهدف; not كاتي ليديكي.)
    if (first?.cut === 0 && this.likeWord(t[s]!.norm) && !(t[s + 1] && !t[s + 1]!.brk && this.nameAfterLike(s + 1))) return undefined;
    // (Nor is a building or body the name's first word: خطيب جامع المرابي.)
    if (!first || this.inInstitution(s) || (first.cut === 0 && PLACE_HEADS.has(first.key) && !this.lx.given.has(first.key))) return undefined;
    // A given name behind و that also reads as a noun and its pronoun is that noun after a title (بين اللاعب وناديه «his club»).
    if (via === 'title' && first.cut > 0 && t[s]!.norm.startsWith('و') && this.nounAndPronoun(first.key)) return undefined;
    // … and an unknown ل-word is what the title is of (المدير التنفيذي لبايرليفركوزن ميكايل شاده).
    if (via === 'title' && /^ل[^اويل]/.test(first.key) && !this.lx.given.has(first.key) && !this.lx.surname.has(first.key)) return undefined;
    let j = s + 1;
    let counted = 1;
    while (j < t.length && counted < 5) {
      const u = t[j]!;
      // A demonym-spelled nisba after a nasab is the family name (سعد بن رحيل السويدي).
      if (!u.brk && u.seg === t[s]!.seg && j - 2 >= s && NASAB_LINK.has(t[j - 2]!.norm) && nisba(this.matchAt.get(j), u)) {
        counted++;
        j++;
        break;
      }
      // Right after a lone Arabic given name, a nisba spelled as a demonym is the family name
      // (اللواء منصور التركي، نعيم العراقي; entities.ts counts no country there; not after the
      // preposition خلف nor a noun and its pronoun: قد يقف خلف الفرنسي، ناديه الإيطالي), and after
      // a transliterated one, a place's name (سيباستيان سوريا، جورج واشنطن).
      const arabicNisba = nisba(this.matchAt.get(j), u) && !this.lx.foreign.has(first.key) && first.key !== 'خلف' && !this.nounAndPronoun(first.key);
      if (j === s + 1 && !u.brk && u.seg === t[s]!.seg && this.lx.given.has(first.key) && (arabicNisba || placeSurname(this.lx, first.key, this.matchAt.get(j), u))) {
        counted++;
        j++;
        break;
      }
      // (A word with tanween is an adverb or an indefinite noun, never a name: رمضان صاعاً، مارك تونر رداً.)
      if (u.brk || u.seg !== t[s]!.seg || this.inMatch.has(j) || TANWEEN.test(u.surface)) break;
      // (A prayer is no compound name: عبدالرحمن غفر الله له.)
      if (PRAYER.has(u.norm) && t[j + 1]?.norm === 'الله') break;
      const prev = t[j - 1]!.norm;
      const known = this.lx.given.has(u.norm) || this.lx.surname.has(u.norm);
      if (prev === 'عبد' && /^ال[\u0621-\u064a]{2,}$/.test(u.norm)) {
        counted++;
        j++;
        continue;
      }
      if (u.norm === 'علي' && this.aliInName(s, j, prev)) {
        counted++;
        j++;
        continue;
      }
      // Right after a title, a known given name's next word is its family name even when it is
      // also a common word (الوزير بطرس حرب، الفنان مازن لطيف، محامي … غازي مرابط); after a title or
      // verb, so is a word news mostly writes after the first, known or not (رياك مشار: pairedSurname).
      if (j === s + 1 && ((this.lx.given.has(first.key) && (via === 'title' || (via === 'speaker' && !u.norm.endsWith('ه'))) && (this.looseSurname(j, via) || this.definiteSurname(j))) || (via !== 'given' && (this.pairedSurname(first.key, j) || this.foreignSurname(first.key, j))))) {
        counted++;
        j++;
        // (A definite family name ends the name, as below.)
        if (u.norm.startsWith('ال') && t[j]?.norm !== 'بن') break;
        continue;
      }
      // A definite title word that ends the sentence after a lone given name is the family name
      // (وأمين المنطقة صالح القاضي، …), not the start of another title.
      // So is a bare one (no ال, no clitic) after a title or verb of saying, before the clause ends or another title
      // (والفنان ماجد مطرب إلى جانب، وقال عاصم شيخ رئيس …، عادل إمام الذي).
      const bareTitle = (): boolean => via !== 'given' && !/^[وفبلك]/.test(u.norm) && this.trigger(j)?.key === u.norm && !KIN.has(u.norm) && (this.endsClause(j + 1) || (!!this.trigger(j + 1) && /^ال/.test(t[j + 1]!.norm)));
      if (counted === 1 && this.lx.given.has(first.key) && (bareTitle() || (via === 'title' && u.norm.startsWith('ال') && this.trigger(j) && this.endsClause(j + 1)))) {
        counted++;
        j++;
        break;
      }
      // After two words a و-word no family name list knows is «and» and what follows (دانيال كاريكو ونيكو باريخا، حسن روحاني وعد).
      if (counted >= 2 && /^و/.test(u.norm) && !this.lx.surname.has(u.norm) && !CONNECTORS.has(prev)) break;
      if (!this.nextWord(u.norm, prev, t.slice(s, j).some((x) => x.norm === 'بن' || x.norm === 'بنت'), t[j + 1]?.brk ? undefined : t[j + 1]?.norm, !this.hamzaAl(j)) || (this.trigger(j) && !CONNECTORS.has(prev) && (!known || (!!this.trigger(j + 1) && !t[j + 1]!.brk))) || (this.speaker(j) && prev !== 'ال')) break;
      // A connector must be followed by a name word (بن سلمان; not «بن» at the end).
      if (connector(u)) {
        const v = t[j + 1];
        // (عبد and a definite word is one name even when the word is a title: عبد الأمير; بن علي.)
        if (!v || v.brk || this.inMatch.has(j + 1) || !(nameWord(this.lx, v.norm) || (u.norm !== 'عبد' && v.norm === 'علي') || (u.norm === 'عبد' && /^ال[\u0621-\u064a]{2,}$/.test(v.norm)) || (u.norm === 'ال' && (v.norm === 'الشيخ' || this.familyOf(j))))) break;
      } else if (u.norm !== 'الله') counted++;
      j++;
      // A definite surname (a father's after بن, a family's after آل: علي بن الجهم | يظن) ends the name unless a connector or الله follows; الدين closes a compound given name
      // after a name word, and the name goes on (عبدالعزيز بن نور الدين عطرجي، زين الدين زيدان).
      if (definite(this.lx, u.norm) && u.norm !== 'الله' && !(u.norm === 'الدين' && nameWord(this.lx, prev)) && !CONNECTORS.has(u.norm) && (!CONNECTORS.has(prev) || NASAB_LINK.has(prev) || prev === 'ال')) {
        const v = t[j];
        if (!(v && !v.brk && (v.norm === 'الله' || v.norm === 'ال' || v.norm === 'بن' || (CONNECTORS.has(prev) && (/^ال/.test(v.norm) || CONNECTORS.has(v.norm))) || (!CONNECTORS.has(prev) && this.familyAfter(j))))) break;
      }
    }
    while (j > s + 1 && connector(t[j - 1]!)) j--;
    const norms = t.slice(s, j).map((x, k) => (k === 0 ? first.key : x.norm));
    const span: NameSpan = { start: s, end: j, norms, surface: spanText(t, s, j, first.cut), via };
    // (A hamza-initial first word the title did not take as what it is of stands alone only rarely as a name: two words.)
    return this.words(span) < (this.hamzaAl(s) ? Math.max(min, 2) : min) ? undefined : span;
  }

  /**
   * Can a one-word name stand after the title at i? Not behind ل or ب (الترويجي لصالح تنظيم:
   * «for»), not after an indefinite title word with nothing after it, which it qualifies (عضو
   * صالح، مهاجم مشاكس، صحفي اكتظ), and only a word that can stand alone (loneName).
   */
  private alone(s: NameSpan, i: number, indefinite: boolean): boolean {
    const u = this.t[s.start]!;
    if (/[لب]/.test(u.norm.slice(0, u.norm.length - s.norms[0]!.length))) return false;
    // (A kinship word names the relative after it: شقيق عبد القادر، محامي ميليسا.)
    if (indefinite && !this.lx.surname.has(s.norms[0]!) && !KIN.has(this.trigger(i)?.key ?? '')) return false;
    return this.loneName(s.start, s.norms[0] === 'عبد' ? s.norms.slice(0, 2).join('') : s.norms[0]!, indefinite);
  }

  /** ك «like» on a word the corpus writes bare four times as often and 20 times at least (كقطاعي، كهدف، كنوع). */
  private likeWord(n: string): boolean {
    return n.length >= 4 && n.startsWith('ك') && !this.lx.given.has(n) && !this.lx.surname.has(n) && this.lx.stats.df(n.slice(1)) >= Math.max(20, 4 * this.lx.stats.df(n));
  }

  /** A name word after a ك-word: a listed or unknown name word, or a family name (كاتي بيري، كميل الإبراهيم). */
  private nameAfterLike(j: number): boolean {
    const n = this.t[j]!.norm;
    if (this.lx.given.has(n) || this.lx.surname.has(n)) return true;
    return definite(this.lx, n) ? this.definiteSurname(j) && this.lx.stats.df(n) < 300 : nameWord(this.lx, n) && !isCommonNoun(this.lx, n);
  }

  /** A title word with neither ال nor a pronoun (جندي، مواطن; not الجندي، نجله). */
  private indefinite(i: number): boolean {
    const n = this.t[i]!.norm;
    const key = this.trigger(i)?.key;
    // (نجله «his son» and نجلة «daughter» are one spelling once normalized: the written ه is the pronoun.)
    return !!key && !/^[وفبلك]?(ال|لل)/.test(n) && n.endsWith(key) && !/ه$/.test(cleanSurface(this.t[i]!.surface));
  }

  /** Words of a name: عبد and its complement are one (عبد الله، عبد الرحمن), الله and the connectors none. */
  private words(s: NameSpan): number {
    return s.norms.filter((n, k) => (n === 'عبد' || !CONNECTORS.has(n)) && s.norms[k - 1] !== 'عبد' && n !== 'الله').length;
  }

  /** A title at i: its end (after what it is of) and its display, or undefined. */
  private title(i: number): { end: number; role: string; counterpart: boolean } | undefined {
    const t = this.t;
    const trig = this.trigger(i);
    let j = i + 1;
    if (!trig) {
      // Two-word triggers (ولي العهد، خادم الحرمين الشريفين).
      const key = cliticCandidates(t[i]!.norm).find((c) => this.lx.pair.has(c.key));
      if (!key) return undefined;
      const tail = this.lx.pair.get(key.key)!.find((w) => w.every((x, k) => t[i + 1 + k]?.norm === x && !t[i + 1 + k]!.brk));
      if (!tail) return undefined;
      j += tail.length;
    } else {
      const need = this.lx.pair.get(trig.key);
      if (need) {
        const tail = need.find((w) => w.every((x, k) => t[i + 1 + k]?.norm === x && !t[i + 1 + k]!.brk));
        // An office without its usual second word still is one before what it is of
        // (أمين المنطقة صالح القاضي، أمين منطقة الرياض; not the given name أمين معلوف).
        const u = t[i + 1];
        if (tail) j += tail.length;
        else if (trig.kind !== 'office' || !u || u.brk || !(/^(ال|لل)/.test(u.norm) || ROLE_LINKS.has(u.norm))) return undefined;
      }
    }
    // A rank's grade (الرقيب أول، الفريق أول، اللواء ركن، نائب أول) belongs to it.
    if (trig && RANK_GRADE.has(t[j]?.norm ?? '') && !t[j]!.brk) j++;
    const limit = trig?.kind === 'role' ? 3 : 8;
    const start = j;
    let words = 0;
    while (j < t.length && words < limit) {
      const u = t[j]!;
      if (u.brk || u.seg !== t[i]!.seg || this.honorific(j)) break;
      const m = this.matchAt.get(j);
      if (m && this.allahName(j)) break;
      if (m) {
        j += m.len;
        words++;
        if (m.demonym) {
          while (j < t.length && !t[j]!.brk && ROLE_TAIL.has(t[j]!.norm)) j++;
          break;
        }
        continue;
      }
      const def = definite(this.lx, u.norm) && !this.hamzaAl(j) && !NAME_STOP.has(u.norm) && u.norm !== 'الله';
      // (… or a governorate the gazetteer lacks, before a name: محافظ بقيق محمد بن سعود المتحمي.)
      const place = trig?.kind === 'office' && j === start && isListedPlace(u.norm) && !!t[j + 1] && !t[j + 1]!.brk && (this.lx.given.has(t[j + 1]!.norm) || NASAB_LINK.has(t[j + 2]?.norm ?? '') || (!!t[j + 2] && this.definiteSurname(j + 2)));
      if (def || place || (trig?.kind !== 'role' && ROLE_LINKS.has(u.norm))) {
        j++;
        words++;
      } else break;
    }
    // An office ending on a word that needs its complement (رئيس نادي …) names no one after it.
    if (j > start && ROLE_LINKS.has(t[j - 1]!.norm)) return undefined;
    // A counterpart (نظيره) is a person only of a nationality (نظيره الأمريكي جون كيري): of
    // anything else it is the club or team met (فاز الأهلي على نظيره الزمالك).
    // (A party or faction in -ي is a nationality here: ونظيره الحوثي صالح الصماد; so is another title: لنظيره المدرب الكرواتي زلاتكو.)
    if (COUNTERPART.has(trig?.key ?? '') && this.t.slice(start, j).some((u, k) => {
      const m = this.matchAt.get(start + k);
      return m ? !m.demonym && m.start === start + k : !this.inMatch.has(start + k) && !ROLE_TAIL.has(u.norm) && !u.norm.endsWith('ي') && !this.trigger(start + k);
    })) return undefined;
    return { end: j, role: [this.triggerDisplay(t[i]!), spanText(t, i + 1, j, 0)].filter(Boolean).join(' '), counterpart: COUNTERPART.has(trig?.key ?? '') };
  }

  /**
   * A definite demonym used as a noun, then a name (sports and foreign news): `البرازيلي روبينيو`,
   * `الجزائري فريد ملولي`, `الكولومبي فريدي غوارين`. A name no list knows needs two words.
   */
  private afterDemonym(i: number): NameSpan | undefined {
    const m = this.matchAt.get(i);
    // (… also «like the»: كالبرازيلي رونالدو.)
    if (!m?.demonym || m.len !== 1 || !/^[وف]?(ال|لل|بال|كال)/.test(this.t[i]!.norm)) return undefined;
    // (An epithet or honorific may stand between: والإيطالي الشهير بيرلو.)
    let j = i + 1;
    while (j < i + 3 && this.t[j] && !this.t[j]!.brk && (EPITHET.has(this.t[j]!.norm) || this.honorific(j))) j++;
    const u = this.t[j];
    if (!u || u.brk || u.seg !== this.t[i]!.seg) return undefined;
    const known = this.lx.given.has(u.norm) || this.lx.surname.has(u.norm);
    // (A preposition on a word the corpus knows better is what follows an adjective, even when listed as a name: الأميركية بشن هجمات.)
    if (/^[بل]/.test(u.norm) && this.lx.stats.df(u.norm.slice(1)) > this.lx.stats.df(u.norm)) return undefined;
    return this.name(j, 'title', true, known && !isCommonNoun(this.lx, u.norm) ? 1 : 2);
  }

  /**
   * The next name of a list, right after a name and behind و: its first word may be one no
   * list knows (دييجو كوستا وسيسك فابريجاس، كريستوفر لي وميشيل بيكولي وجولييت بينوش); two words at
   * least, but for one listed word after a one-word name.
   */
  listNext(i: number, prev: NameSpan): NameSpan | undefined {
    const u = this.t[i]!;
    const key = u.norm.slice(1);
    // After a one-word name, one listed name word ending the clause is the next name, found the
    // way the first was (الثنائي راموس وبنزيمة: both after the title).
    // (Not after a given name, whose family name may start with و: منى واصف.)
    const first = prev.norms[0]!;
    if (prev.end - prev.start === 1 && !(this.lx.given.has(first) && !this.lx.surname.has(first)) && !u.brk && u.norm.startsWith('و') && (this.lx.given.has(key) || this.lx.surname.has(key)) && !isCommonNoun(this.lx, key) && !pastVerb(this.lx, key) && !this.inMatch.has(i) && this.endsClause(i + 1))
      return { start: i, end: i + 1, norms: [key], surface: spanText(this.t, i, i + 1, 1), via: prev.via };
    // (Not «and the …» nor «and» and a verb: والمسعفين، وضمت.)
    if (u.brk || !u.norm.startsWith('و') || WAW_YA.has(u.norm) || this.inMatch.has(i) || key.length < 3 || key.startsWith('ال') || isCommonNoun(this.lx, key) || pastVerb(this.lx, key)) return undefined;
    if (!nameWord(this.lx, key) || !(this.lx.given.has(key) || unknownNameWord(this.lx, key))) return undefined;
    this.list = true;
    try {
      return this.name(i, 'given', false, 2);
    } finally {
      this.list = false;
    }
  }

  private list = false;

  at(i: number): NameSpan | undefined {
    const t = this.t;
    if (this.inMatch.has(i) && !this.allahName(i)) return this.afterDemonym(i);
    const nx = t[i + 1]?.norm;
    if (!this.maybe(t[i]!) && nx !== 'بن' && nx !== 'بنت') return undefined;
    // 1. A title, then honorifics (punctuation allowed once, right after the title), then the name.
    const ti = this.title(i);
    if (ti) {
      let j = ti.end;
      while (j < t.length && this.honorific(j) && (j === ti.end || !t[j]!.brk)) j++;
      // (A title closing the headline names no one in the body's first words: «…يستدرج الزعيم / قاد المحترفان».)
      if (j < t.length && t[j]!.seg === t[i]!.seg) {
        // Right after punctuation (`وزير الدفاع الروسي، سيرجي شويجو`) a name has two words or a known first word.
        const afterBreak = t[j]!.brk;
        const known = this.lx.given.has(t[j]!.norm) || this.lx.surname.has(t[j]!.norm);
        // (… or one of one-syllable words the word-by-word reading stops in: بان كي مون.)
        // (Its three words win only over a shorter reading, so it is read only then.)
        const read = this.name(j, 'title', true, afterBreak && !known ? 2 : 1);
        const s = !read || read.end < j + 3 ? (syllableName(t, j, this.inMatch, this.lx, 'title') ?? read) : read;
        // What the title is of may be a club or team closed by its demonym, then the name
        // (مدرب مانشستر يونايتد الإنجليزي لويس فان جال): the name is the one after it.
        const club = s && !afterBreak ? this.matchAt.get(s.end) : undefined;
        if (s && club?.demonym && !t[s.end]!.brk) {
          const after = this.name(s.end + club.len, 'title', true, 2);
          if (after) return { ...after, role: `${ti.role} ${s.surface} ${club.display}` };
        }
        // (… and a counterpart named with its country after it is a club: نظيره أودينيزي الإيطالي.)
        if (s && ti.counterpart && !t[s.end]?.brk && this.matchAt.get(s.end)?.demonym) return undefined;
        if (s && this.words(s) === 1 && !this.alone(s, i, ti.end === i + 1 && this.indefinite(i))) return undefined;
        if (s) return { ...s, role: ti.role };
      }
      return undefined;
    }
    // 2. Honorifics, then the name.
    if (this.honorific(i)) {
      let j = i;
      while (j < t.length && this.honorific(j) && (j === i || !t[j]!.brk)) j++;
      // (The abbreviation د. is followed by its dot: ونبه د. عبدالرحمن بخاري.)
      if (j < t.length && t[j]!.seg === t[i]!.seg && (!t[j]!.brk || (j === i + 1 && t[i]!.norm === 'د'))) return this.name(j, 'title', true, 1);
      return undefined;
    }
    // 3. A verb of saying or acting, then a name that starts with a known name.
    if (this.speaker(i)) {
      const n = t[i + 1];
      // (… or one before a nisba family name: وقالت آمنة القلالي.)
      // (After a credit, بطولة منذر رياحنة، إخراج فيصل يماني, two words at least: a lone given name there is a name cut short.)
      if (n && !n.brk && (this.lx.given.has(n.norm) || this.lx.surname.has(n.norm) || this.abdFirst(i + 1))) return this.name(i + 1, 'speaker', false, CREDIT.test(t[i]!.norm) ? 2 : 1) ?? syllableName(t, i + 1, this.inMatch, this.lx, 'speaker');
      if (n && !n.brk && this.beforeNisba(i + 1)) return this.name(i + 1, 'title', true, 2);
      // (… or two words no lexicon knows, then the speaker's title in apposition: وقال توني تايلر
      // الرئيس التنفيذي، وقال ريك سبونر كبير محللي الأسواق.)
      if (n && !n.brk && this.beforeApposition(i + 1)) return this.name(i + 1, 'title', true, 2);
      return n && !n.brk ? syllableName(t, i + 1, this.inMatch, this.lx, 'speaker') : undefined;
    }
    const n = t[i]!.norm;
    // 4. A nasab chain.
    const next = t[i + 1];
    if (next && !next.brk && (next.norm === 'بن' || next.norm === 'بنت')) {
      const s = this.name(i, 'nasab', !isCommonNoun(this.lx, n));
      if (s) return s;
    }
    // 5. A known given name and a name word; one joined by و to the previous name too
    // (عبدالمجيد السواط وياسر القحطاني).
    // «خلف» is mostly «behind» or «succeeded»: a name only before a nisba or a listed family name (خلف الحربي; not خلف الكواليس).
    // (So is رمضان before a definite word: رمضان المبارك.)
    if ((n === 'خلف' && !(next && !next.brk && (this.lx.surname.has(next.norm) || /^ال.{2,}ي$/.test(next.norm)))) || (n === 'رمضان' && next && /^ال/.test(next.norm) && !this.lx.surname.has(next.norm) && !/^ال.{2,}ي$/.test(next.norm))) return undefined;
    // (Not a given name that reads as a noun and its pronoun: مع ناديه الأسبق «his former club»,
    // nor one that reads as ب/ل and a word the corpus knows far better: مكلفة بدور الشرطي، المتحدث باسم.)
    if ((this.lx.given.has(n) && n !== 'علي' && (!isCommonNoun(this.lx, n) || this.familyNext(i)) && !(this.nounAndPronoun(n) && cleanSurface(t[i]!.surface).endsWith('ه')) && !(/^[بل]/.test(n) && n.length >= 4 && this.lx.stats.df(n.slice(1)) > 2 * this.lx.stats.df(n))) || this.abdFirst(i) || this.allahName(i)) return this.name(i, 'given', false, 2);
    // «علي» with no verb or title before it is taken for the preposition (على النهر، على كيم …).
    // (Before عبدالله and the like it is the name: للمخلوع علي عبدالله صالح.)
    if (n === 'علي') return !/على$/.test(t[i]!.surface) && !!next && !next.brk && ((next.norm.startsWith('عبد') && (next.norm === 'عبد' || this.lx.given.has(next.norm))) || this.aliNisba(i)) ? this.name(i, 'given', false, 2) : undefined;
    const b = /^[وف]/.test(n) ? n.slice(1) : '';
    if (b && !WAW_YA.has(n) && ((this.lx.given.has(b) && (!isCommonNoun(this.lx, b) || this.familyNext(i))) || (b === 'علي' && this.aliNisba(i)))) return this.name(i, 'given', false, 2);
    return undefined;
  }
}
