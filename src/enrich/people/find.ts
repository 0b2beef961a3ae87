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
 * A definite demonym used as a noun is a title too (`البرازيلي روبينيو`); `عبد` apart from its
 * complement starts a name (`الدكتور عبد الله البرقان`); `علي` (also the preposition على) is a
 * name word only where a name word follows it or after بن. Right after a title, a given
 * name's next word is its family name even when it is a common word (`الوزير بطرس حرب`).
 * Names are not read in a trailing tag line (`سمات …`).
 * Boundaries: a name ends before punctuation, a stopword or a clitic-attached one (بأنه), a
 * verb, a time word, a common noun (a word the corpus often writes with ال: ساعات، مطالب),
 * a gazetteer name, another title; a definite word ends it unless it is a surname (السبيعي،
 * الجبير) or `الله` follows (رامي الحمد الله). A name right after an institution word and its
 * honorific is no person there (`مطار الملك خالد الدولي`, `جامعة الملك سعود`).
 * Contract: pure; O(tokens) with bounded look-ahead.
 */
import { isStopword } from '../../arabic/index.ts';
import type { Match } from '../match.ts';
import { cleanSurface, cliticCandidates, infoOf, type DocToken } from '../tokens.ts';
import { isCommonNoun, isVerbLike, lexicon, type PeopleLexicon } from './lexicon.ts';
import { adverb, CONNECTORS, DEFINITE, futureVerb, MASDAR, NAME_STOP, nameWord, NUMBER_WORDS, PLURAL, ROLE_LINKS, ROLE_TAIL, tagLine, unknownNameWord, WAW_YA } from './words.ts';

export interface NameSpan {
  start: number;
  end: number;
  /** Normalized words of the name. */
  norms: string[];
  /** The name as written (clitics of its first word removed). */
  surface: string;
  /** The title that introduced it (`وزير الدفاع الروسي`), if any. */
  role?: string;
  /** How it was found: 'title' (ways 1–2), 'speaker', 'nasab', 'given'. */
  via: 'title' | 'speaker' | 'nasab' | 'given';
}

export function findNames(tokens: DocToken[], matches: Match[], lx: PeopleLexicon = lexicon()): NameSpan[] {
  const matchAt = new Map(matches.map((m) => [m.start, m]));
  const inMatch = new Set<number>();
  for (const m of matches) for (let k = 0; k < m.len; k++) inMatch.add(m.start + k);
  const f = new Finder(tokens, matchAt, inMatch, lx);
  const out: NameSpan[] = [];
  const end = tagLine(tokens);
  for (let i = 0; i < end; i++) {
    const s = f.at(i);
    if (!s) continue;
    out.push(s);
    i = s.end - 1;
  }
  return out;
}

class Finder {
  constructor(
    private readonly t: DocToken[],
    private readonly matchAt: Map<number, Match>,
    private readonly inMatch: Set<number>,
    private readonly lx: PeopleLexicon,
  ) {}

  /** The key of a trigger (office or role word, clitics and ال removed), or undefined. */
  private trigger(i: number): { kind: 'office' | 'role'; key: string } | undefined {
    const n = this.t[i]?.norm;
    if (!n) return undefined;
    for (const c of cliticCandidates(n)) {
      // «أمام» (in front of) is spelled as «إمام» once normalized: an imam only with ال (الإمام).
      if (c.key === 'امام' && !c.al) continue;
      // «وإلى» (and to) is spelled as «والي» (governor) once normalized.
      if (c.key === 'والي' && /[إى]/.test(this.t[i]!.surface)) continue;
      if (this.lx.office.has(c.key)) return { kind: 'office', key: c.key };
      if (this.lx.role.has(c.key)) return { kind: 'role', key: c.key };
    }
    return undefined;
  }

  private honorific(i: number): boolean {
    const n = this.t[i]?.norm;
    return !!n && (this.lx.honorific.has(n) || (/^[وف]/.test(n) && this.lx.honorific.has(n.slice(1))));
  }

  private speaker(i: number): boolean {
    const n = this.t[i]?.norm;
    if (!n) return false;
    return this.lx.speaker.has(n) || (/^[وف]/.test(n) && this.lx.speaker.has(n.slice(1)));
  }

  /** True when the word right before `start` (honorifics skipped) names an institution or a place. */
  private inInstitution(start: number): boolean {
    let k = start - 1;
    while (k >= 0 && this.honorific(k) && !this.t[k + 1]!.brk) k--;
    if (k < 0 || k === start - 1 || this.t[k + 1]!.brk) return false;
    // Only an institution word in construct, without ال (جامعة الملك سعود; not «للجامعة الدكتور …»).
    return cliticCandidates(this.t[k]!.norm).some((c) => !c.al && !c.restoreAl && !c.key.startsWith('ال') && this.lx.context.has(c.key));
  }

  /** Can `n` start a name? `strong`: after a title or honorific (a rare unknown word may). */
  private firstWord(n: string, strong: boolean): boolean {
    if (!nameWord(this.lx, n) || CONNECTORS.has(n) || DEFINITE.test(n)) return false;
    if (this.lx.given.has(n) || this.lx.surname.has(n)) return true;
    if (/^[وي]/.test(n) && !WAW_YA.has(n)) return false;
    if (!strong) return false;
    return unknownNameWord(this.lx, n);
  }

  /** Can `n` continue a name after `prev`? */
  private nextWord(n: string, prev: string, nasab: boolean, next?: string): boolean {
    if (CONNECTORS.has(n) || n === 'الله') return true;
    if (!nameWord(this.lx, n)) return false;
    if (DEFINITE.test(n)) {
      if (!n.startsWith('ال')) return false;
      const bare = n.slice(2);
      if (next === 'الله') return true;
      if (CONNECTORS.has(prev) || this.lx.surname.has(n) || this.lx.given.has(bare) || (n.endsWith('ي') && n.length >= 5)) return true;
      // A definite word the corpus seldom uses is a family name (العجلان، المفرج); a frequent
      // one is a noun or adjective (الصغير، الجديد), though after a nasab less so (… بن فهد الغنيم).
      if (n.endsWith('ه') || MASDAR.test(n)) return false;
      // A frequent one still is a family name when the corpus hardly writes it without ال
      // (البرقان/برقان، السواط), unlike a noun or adjective (الصغير/صغير).
      const df = this.lx.stats.df(n);
      return df < (nasab ? 150 : 60) || (!PLURAL.test(n) && this.lx.stats.df(bare) < 0.1 * df);
    }
    if (this.lx.given.has(n) || this.lx.surname.has(n)) return true;
    // A rare nisba after a nasab is a family name (أسامة بن أحمد نقلي).
    if (nasab && n.endsWith('ي') && this.lx.stats.df(n) < 100) return true;
    // After بن/آل/أبو any word that is no verb, stopword or clitic form is a name.
    if (CONNECTORS.has(prev)) return !isVerbLike(this.lx, n) && !futureVerb(this.lx, n);
    // Present-tense verbs (يعزي، نعمل); a ن-word ending in ي is a nisba surname (نقلي).
    if (n.length >= 4 && ((n.startsWith('ي') && this.lx.stats.df(n) >= 3) || (n.startsWith('ن') && !n.endsWith('ي') && this.lx.stats.df(n) >= 50))) return false;
    return unknownNameWord(this.lx, n);
  }

  /**
   * «علي» inside a name (إبراهيم علي نسيب، عبدالله بن علي الغامدي): normalized it is also the
   * preposition «على» (أكد محمد على ضرورة …), so it is a name word only after بن or when a name
   * word follows it (a known name, a rare family name, a word no list knows; no common noun).
   */
  private aliInName(s: number, j: number, prev: string): boolean {
    if (CONNECTORS.has(prev) && prev !== 'عبد') return true;
    const v = this.t[j + 1];
    if (!v || v.brk || v.seg !== this.t[j]!.seg || this.inMatch.has(j + 1)) return false;
    const n = v.norm;
    // After two name words only a family name (… أحمد علي الفلاسي); else the object (رد جاك دورسي على كيم كارداشيان).
    if (j - s >= 2 && !n.startsWith('ال')) return false;
    if (this.lx.surname.has(n) || this.lx.given.has(n)) return !isCommonNoun(this.lx, n);
    if (!nameWord(this.lx, n) || this.trigger(j + 1)) return false;
    // A rare definite word (المسلمي), or a family name the corpus hardly writes without ال
    // (القرني); a frequent word is the preposition's object (على التوالي).
    if (n.startsWith('ال')) {
      const df = this.lx.stats.df(n);
      return !n.endsWith('ه') && !MASDAR.test(n) && !PLURAL.test(n) && (df < 60 || (n.endsWith('ي') && df < 2000 && this.lx.stats.df(n.slice(2)) < 0.05 * df && !/يي$/.test(n)));
    }
    if (isCommonNoun(this.lx, n)) return false;
    // A rare word only (نسيب، المسلمي; not حمل، إسقاط، الرغم).
    if ((this.lx.stats.df(n) >= 60 && !n.endsWith('ي')) || n.endsWith('ه')) return false;
    return unknownNameWord(this.lx, n);
  }

  /** «عبد» written apart from its complement starts a name (الدكتور عبد الله البرقان، قال عبد الرحمن الراشد). */
  private abdFirst(s: number): boolean {
    const v = this.t[s + 1];
    return this.t[s]!.norm === 'عبد' && !!v && !v.brk && /^ال[\u0621-\u064a]{2,}$/.test(v.norm);
  }

  /** True when no word follows `k` in its clause (punctuation, the end, a stopword). */
  private endsClause(k: number): boolean {
    const v = this.t[k];
    return !v || v.brk || isStopword(v.norm) || NAME_STOP.has(v.norm);
  }

  /** A common word that may still be a family name right after a title and a given name: no verb, particle, title or pronoun form. */
  private looseSurname(j: number): boolean {
    const n = this.t[j]!.norm;
    if (!nameWord(this.lx, n) || DEFINITE.test(n) || CONNECTORS.has(n) || n.length < 3 || NUMBER_WORDS.has(n) || this.trigger(j) || this.speaker(j)) return false;
    if (this.lx.given.has(n) || this.lx.surname.has(n)) return true;
    if (isVerbLike(this.lx, n) || futureVerb(this.lx, n) || /^(ي|ت|ن)/.test(n) || /(ته|تها|تهم|هما)$/.test(n) || adverb(this.lx, n)) return false;
    return this.lx.stats.df(n) < 1000;
  }

  /** Reads a name at `s`; undefined when none (fewer than `min` words). */
  private name(s: number, via: NameSpan['via'], strong: boolean, min = 2): NameSpan | undefined {
    const t = this.t;
    if (s >= t.length || this.inMatch.has(s) || this.speaker(s) || this.lx.pair.has(t[s]!.norm)) return undefined;
    // A title word is no name, unless it is a given name too (سلطان، مالك، أمير).
    if (this.trigger(s) && !this.lx.given.has(t[s]!.norm)) return undefined;
    // The first word may carry a clitic when what is left is a known name (وهيلاري، لمحمد);
    // not ب (بخيبر is «in Khaybar») nor ك (كامل is no «like أمل»).
    const first =
      (t[s]!.norm === 'علي' && this.aliInName(s - 1, s, '')) || this.abdFirst(s) ? { key: t[s]!.norm, cut: 0, al: false } : cliticCandidates(t[s]!.norm).find((c) => !c.al && (c.cut === 0 ? this.firstWord(c.key, strong) : !/[كب]/.test(t[s]!.norm.slice(0, c.cut)) && this.lx.given.has(c.key)));
    if (!first || this.inInstitution(s)) return undefined;
    let j = s + 1;
    let counted = 1;
    while (j < t.length && counted < 5) {
      const u = t[j]!;
      if (u.brk || u.seg !== t[s]!.seg || this.inMatch.has(j)) break;
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
      // also a common word (الوزير بطرس حرب، الفنان مازن لطيف، محامي … غازي مرابط).
      if (via === 'title' && j === s + 1 && this.lx.given.has(first.key) && this.looseSurname(j)) {
        counted++;
        j++;
        continue;
      }
      // A definite title word that ends the sentence after a lone given name is the family name
      // (وأمين المنطقة صالح القاضي، …), not the start of another title.
      if (counted === 1 && via === 'title' && u.norm.startsWith('ال') && this.trigger(j) && this.lx.given.has(first.key) && this.endsClause(j + 1)) {
        counted++;
        j++;
        break;
      }
      if (!this.nextWord(u.norm, prev, t.slice(s, j).some((x) => x.norm === 'بن' || x.norm === 'بنت'), t[j + 1]?.brk ? undefined : t[j + 1]?.norm) || (this.trigger(j) && !CONNECTORS.has(prev) && !known) || this.speaker(j)) break;
      // A connector must be followed by a name word (بن سلمان; not «بن» at the end).
      if (CONNECTORS.has(u.norm)) {
        const v = t[j + 1];
        // (عبد and a definite word is one name even when the word is a title: عبد الأمير; بن علي.)
        if (!v || v.brk || this.inMatch.has(j + 1) || !(nameWord(this.lx, v.norm) || (u.norm !== 'عبد' && v.norm === 'علي') || (u.norm === 'عبد' && /^ال[\u0621-\u064a]{2,}$/.test(v.norm)))) break;
      } else if (u.norm !== 'الله') counted++;
      j++;
      // A definite surname ends the name unless a connector or الله follows.
      if (DEFINITE.test(u.norm) && u.norm !== 'الله' && !CONNECTORS.has(u.norm) && !CONNECTORS.has(prev)) {
        const v = t[j];
        if (!(v && !v.brk && (v.norm === 'الله' || v.norm === 'ال' || v.norm === 'بن'))) break;
      }
    }
    while (j > s + 1 && CONNECTORS.has(t[j - 1]!.norm)) j--;
    const norms = t.slice(s, j).map((x, k) => (k === 0 ? first.key : x.norm));
    // Words of the name: عبد and its complement are one (عبد الله، عبد الرحمن).
    const words = norms.filter((n, k) => (n === 'عبد' || !CONNECTORS.has(n)) && norms[k - 1] !== 'عبد' && n !== 'الله').length;
    if (words < min) return undefined;
    return { start: s, end: j, norms, surface: spanText(t, s, j, first.cut), via };
  }

  /** A title at i: its end (after what it is of) and its display, or undefined. */
  private title(i: number): { end: number; role: string } | undefined {
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
    const limit = trig?.kind === 'role' ? 3 : 8;
    const start = j;
    let words = 0;
    while (j < t.length && words < limit) {
      const u = t[j]!;
      if (u.brk || this.honorific(j)) break;
      const m = this.matchAt.get(j);
      if (m) {
        j += m.len;
        words++;
        if (m.demonym) {
          while (j < t.length && !t[j]!.brk && ROLE_TAIL.has(t[j]!.norm)) j++;
          break;
        }
        continue;
      }
      const definite = DEFINITE.test(u.norm) && !NAME_STOP.has(u.norm) && u.norm !== 'الله';
      if (definite || (trig?.kind !== 'role' && ROLE_LINKS.has(u.norm))) {
        j++;
        words++;
      } else break;
    }
    // An office ending on a word that needs its complement (رئيس نادي …) names no one after it.
    if (j > start && ROLE_LINKS.has(t[j - 1]!.norm)) return undefined;
    return { end: j, role: [this.triggerDisplay(t[i]!), spanText(t, i + 1, j, 0)].filter(Boolean).join(' ') };
  }

  /** The trigger word as written without its clitics, keeping its article: والرئيس → الرئيس، للوزير → الوزير. */
  private triggerDisplay(t: DocToken): string {
    const clean = cleanSurface(t.surface);
    const known = (k: string): boolean => this.lx.office.has(k) || this.lx.role.has(k) || this.lx.pair.has(k);
    const c = cliticCandidates(t.norm).find((x) => !x.al && known(x.key.replace(/^ال(?=..)/, '')));
    if (!c || c.cut === 0) return clean;
    return c.restoreAl ? 'ال' + clean.slice(c.cut) : clean.slice(c.cut);
  }

  /**
   * Whether a name can start at or right after a word with this spelling at all (a title, pair,
   * honorific, verb, given name or surname, behind clitics or not): most words are none, and
   * word frequencies are Zipfian, so the answer is memoized per spelling (per lexicon).
   */
  private maybe(tok: DocToken): boolean {
    const w = infoOf(tok);
    if (w.person?.[0] === this.lx) return w.person[1];
    const lx = this.lx;
    const n = tok.norm;
    const b = n.replace(/^[وف]/, '');
    const v =
      lx.given.has(n) || lx.given.has(b) || n === 'علي' || n === 'عبد' || lx.surname.has(n) || lx.honorific.has(n) || lx.honorific.has(b) || lx.speaker.has(n) || lx.speaker.has(b) ||
      w.cands.some((c) => lx.office.has(c.key) || lx.role.has(c.key) || lx.pair.has(c.key));
    w.person = [lx, v];
    return v;
  }

  /**
   * A definite demonym used as a noun, then a name (sports and foreign news): `البرازيلي روبينيو`,
   * `الجزائري فريد ملولي`, `الكولومبي فريدي غوارين`. A name no list knows needs two words.
   */
  private afterDemonym(i: number): NameSpan | undefined {
    const m = this.matchAt.get(i);
    if (!m?.demonym || m.len !== 1 || !/^[وف]?(ال|لل|بال)/.test(this.t[i]!.norm)) return undefined;
    const j = i + 1;
    const u = this.t[j];
    if (!u || u.brk || u.seg !== this.t[i]!.seg) return undefined;
    const known = this.lx.given.has(u.norm) || this.lx.surname.has(u.norm);
    return this.name(j, 'title', true, known && !isCommonNoun(this.lx, u.norm) ? 1 : 2);
  }

  at(i: number): NameSpan | undefined {
    const t = this.t;
    if (this.inMatch.has(i)) return this.afterDemonym(i);
    const nx = t[i + 1]?.norm;
    if (!this.maybe(t[i]!) && nx !== 'بن' && nx !== 'بنت') return undefined;
    // 1. A title, then honorifics (punctuation allowed once, right after the title), then the name.
    const ti = this.title(i);
    if (ti) {
      let j = ti.end;
      while (j < t.length && this.honorific(j) && (j === ti.end || !t[j]!.brk)) j++;
      if (j < t.length) {
        // Right after punctuation (`وزير الدفاع الروسي، سيرجي شويجو`) a name has two words or a known first word.
        const afterBreak = t[j]!.brk;
        const known = this.lx.given.has(t[j]!.norm) || this.lx.surname.has(t[j]!.norm);
        const s = this.name(j, 'title', true, afterBreak && !known ? 2 : 1);
        if (s) return { ...s, role: ti.role };
      }
      return undefined;
    }
    // 2. Honorifics, then the name.
    if (this.honorific(i)) {
      let j = i;
      while (j < t.length && this.honorific(j) && (j === i || !t[j]!.brk)) j++;
      if (j < t.length && !t[j]!.brk) return this.name(j, 'title', true, 1);
      return undefined;
    }
    // 3. A verb of saying or acting, then a name that starts with a known name.
    if (this.speaker(i)) {
      const n = t[i + 1];
      if (n && !n.brk && (this.lx.given.has(n.norm) || this.lx.surname.has(n.norm) || this.abdFirst(i + 1))) return this.name(i + 1, 'speaker', false, 1);
      return undefined;
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
    if ((this.lx.given.has(n) && n !== 'علي' && !isCommonNoun(this.lx, n)) || this.abdFirst(i)) return this.name(i, 'given', false, 2);
    // «علي» with no verb or title before it is taken for the preposition (على النهر، على كيم …).
    if (n === 'علي') return undefined;
    const b = /^[وف]/.test(n) ? n.slice(1) : '';
    if (b && !WAW_YA.has(n) && this.lx.given.has(b) && !isCommonNoun(this.lx, b)) return this.name(i, 'given', false, 2);
    return undefined;
  }
}


export function spanText(tokens: DocToken[], a: number, b: number, cutFirst: number): string {
  return tokens
    .slice(a, b)
    .map((t, k) => (k === 0 ? cleanSurface(t.surface).slice(cutFirst) : cleanSurface(t.surface)))
    .join(' ');
}
