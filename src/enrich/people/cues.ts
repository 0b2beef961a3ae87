/**
 * The cues the people finder (find.ts) reads around a word: what is a title, an honorific or a
 * verb of saying; whether a word can start or continue a name (given names and surnames of the
 * lexicon, the corpus counts of words.ts); where a name belongs to an institution or place;
 * family names that look like common words or demonyms. Find.ts reads the spans with them.
 * Contract: pure; each test looks at a bounded window of tokens.
 */
import { isStopword } from '../../arabic/index.ts';
import type { Match } from '../match.ts';
import { cleanSurface, cliticCandidates, infoOf, type DocToken } from '../tokens.ts';
import { isCommonNoun, isVerbLike, otherPersons, type PeopleLexicon } from './lexicon.ts';
import { adverb, CONNECTORS, definite, futureVerb, MASDAR, NAME_STOP, nameWord, PARTICIPLE, pastVerb, PLURAL, unknownNameWord, WAW_YA, weakParticiple } from './words.ts';

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

export const NASAB_LINK = new Set(['بن', 'بنت', 'ابن']);
/** A family's name after آل: an Arabic word of three letters or more. */
export const FAMILY = /^[\u0621-\u064a]{3,}$/;
/**
 * A given name that opens an idiom with the word after it (normalized): حسن النية «good faith»,
 * حسن الطالع, حسن المظهر; عيدي الفطر والأضحى «the two Eids», عيد الفصح — no person there.
 */
export const IDIOMS = new Map<string, Set<string>>([
  ['حسن', new Set(['النيه', 'النوايا', 'النيات', 'الطالع', 'الظن', 'الخلق', 'الاخلاق', 'المظهر', 'النصح', 'الايمان', 'الجوار', 'التعامل', 'الاداء', 'الاستقبال', 'الحظ', 'الخاتمه', 'السيره', 'السير', 'الاداره', 'التدبير', 'التصرف', 'الضيافه', 'الاختيار', 'التنظيم', 'السلوك', 'الاستماع', 'الاستغلال', 'التخطيط'])],
  ['عيد', new Set(['الفطر', 'الاضحي', 'الفصح', 'الميلاد', 'الحب', 'الاستقلال', 'الام', 'الشكر', 'العمال', 'الجلوس', 'الاضحيه'])],
  ['عيدي', new Set(['الفطر', 'الاضحي', 'الفصح', 'الميلاد'])],
  // (the greeting formula: رفع أسمى التهاني والتبريكات)
  ['اسمي', new Set(['التهاني', 'التبريكات', 'التبريك', 'ايات', 'عبارات', 'معاني'])],
  // (… and of condolence: قدم خالص تعازيه «his sincerest condolences»)
  ['خالص', new Set(['التعازي', 'تعازيه', 'تعازيها', 'تعازيهم', 'تعازينا', 'عزائه', 'عزائها', 'العزاء', 'المواساه', 'مواساته', 'الشكر', 'شكره', 'شكرها', 'شكرنا', 'التهاني', 'تهانيه', 'التقدير', 'الدعاء', 'الدعوات', 'الامنيات', 'التمنيات', 'تحياته'])],
]);
/** Institution words whose name may be a person's without an honorific (normalized). */
/**
 * First halves of compound given names with الله (normalized; عبد الله is read apart): with no
 * title before them they start a name only when a name word follows (فتح الله غولن; not «نصر الله المؤمنين»).
 */
// (Not those that are mostly a phrase about God: رحمه الله، فضل الله، نعمة الله، خير الله، رزق الله، شكر الله.)
/** Verbs of a prayer before الله (غفر الله له، رحم الله): no compound name. */
export const PRAYER = new Set(['غفر', 'رحم', 'حفظ', 'رعي', 'وفق', 'اعان', 'تقبل', 'جزي', 'سدد', 'بارك', 'عافي', 'شفي', 'اسكن']);
export const ALLAH_FIRST = new Set(['فتح', 'نصر', 'ضيف', 'جار', 'عطا', 'عوض', 'جاد', 'حرز', 'سعد', 'دخيل', 'روح', 'عبيد', 'سيف']);
export const PLACE_HEADS = new Set(['مطار', 'ولايه', 'مدينه', 'بلده', 'قريه', 'اقليم', 'مقاطعه', 'جزيره', 'محافظه', 'مستشفي', 'مشفي', 'ثانويه', 'جامعه', 'مدرسه', 'كليه', 'معهد', 'مؤسسه', 'شركه', 'قناه', 'صحيفه', 'مجله', 'شارع', 'طريق', 'مسجد', 'جامع', 'ملعب', 'استاد', 'فندق', 'مصنع', 'مجمع', 'قاعه', 'متحف', 'مكتبه', 'ميناء', 'جسر', 'مستوصف', 'اكاديميه', 'معسكر', 'متنزه', 'ممشي', 'حديقه', 'ميدان', 'مجموعه', 'شركات', 'دوري', 'خدمه']);

/** Adjectives that close an institution's name, never a family name: الملك فهد التخصصي (a hospital). */
const INSTITUTION_TAIL = new Set(['التخصصي', 'التخصصيه', 'المركزي', 'المركزيه', 'الجامعي', 'الجامعيه']);

export class Cues {
  constructor(
    protected readonly t: DocToken[],
    protected readonly matchAt: Map<number, Match>,
    protected readonly inMatch: Set<number>,
    protected readonly lx: PeopleLexicon,
  ) {}

  /** The key of a trigger (office or role word, clitics and ال removed), or undefined. */
  protected trigger(i: number): { kind: 'office' | 'role'; key: string } | undefined {
    const n = this.t[i]?.norm;
    if (!n) return undefined;
    for (const c of cliticCandidates(n)) {
      // «أمام» (in front of) is spelled as «إمام» once normalized: an imam only with ال (الإمام).
      if (c.key === 'امام' && (!c.al || this.t[i]!.surface.includes('أمام'))) continue;
      // «وإلى» (and to) is spelled as «والي» (governor) once normalized.
      if (c.key === 'والي' && /[إى]/.test(this.t[i]!.surface)) continue;
      // «عالم» (scholar) is mostly «world»: a title only right before a known name, a demonym
      // between (العالم المصري أحمد زويل; not «أسرع طير في العالم ليوكل»، «عالم متشابك»).
      if (c.key === 'عالم' && !this.knownNameAt(this.inMatch.has(i + 1) && !this.inMatch.has(i + 2) ? i + 2 : i + 1)) continue;
      if (this.lx.office.has(c.key)) return { kind: 'office', key: c.key };
      if (this.lx.role.has(c.key)) return { kind: 'role', key: c.key };
    }
    return undefined;
  }

  private knownNameAt(k: number): boolean {
    const v = this.t[k];
    return !!v && !v.brk && (this.lx.given.has(v.norm) || this.lx.surname.has(v.norm));
  }

  protected honorific(i: number): boolean {
    const n = this.t[i]?.norm;
    // «الله» and «الإسلام» are honorifics only inside آية الله and حجة الإسلام, and «رحم الله» names
    // the one prayed for (not «بإذن الله سداً»، «خلق الله آدم»).
    if (n === 'الله' || n === 'الاسلام') return !this.t[i]!.brk && /^[وف]?(ايه|حجه|رحم|يرحم)$/.test(this.t[i - 1]?.norm ?? '');
    return !!n && (this.lx.honorific.has(n) || (/^[وف]/.test(n) && this.lx.honorific.has(n.slice(1))));
  }

  protected speaker(i: number): boolean {
    const n = this.t[i]?.norm;
    if (!n) return false;
    return this.lx.speaker.has(n) || (/^[وف]/.test(n) && this.lx.speaker.has(n.slice(1)));
  }

  /**
   * True when the word right before `start` (honorifics skipped) names an institution or a
   * place: `مطار الملك خالد الدولي`, and without an honorific a building, a body or a medium
   * (`بجامعة محمد الخامس`, `مؤسسة جيمس تاون`, `قناة سكاي نيوز`); a prize or a programme named
   * after a person needs the honorific (`جائزة أسامة الدناصوري` is about him).
   */
  protected inInstitution(start: number): boolean {
    let k = start - 1;
    while (k >= 0 && this.honorific(k) && !this.t[k + 1]!.brk) k--;
    // (A quotation mark may stand between them: مؤسسة «بيل ومليندا جيتس».)
    if (k < 0 || (this.t[k + 1]!.brk && !this.t[k + 1]!.quote)) return false;
    const heads = k === start - 1 ? PLACE_HEADS : this.lx.context;
    // Only an institution word in construct, without ال (جامعة الملك سعود; not «للجامعة الدكتور …»).
    return cliticCandidates(this.t[k]!.norm).some((c) => !c.al && !c.restoreAl && !c.key.startsWith('ال') && heads.has(c.key));
  }

  /**
   * True when a name after an honorific holds or is followed by an institution's closing
   * adjective: the hospital of a list that dropped its head word (`مستشفى بريدة المركزي
   * والملك فهد التخصصي`).
   */
  institutionTail(span: { start: number; end: number }): boolean {
    if (span.start === 0 || !this.honorific(span.start - 1)) return false;
    for (let k = span.start + 1; k <= span.end && k < this.t.length; k++) if ((k < span.end || !this.t[k]!.brk) && INSTITUTION_TAIL.has(this.t[k]!.norm)) return true;
    return false;
  }

  /**
   * A word whose ال is a hamza-initial name's first letters, not the article (أليكسي، إليوت،
   * ألفارو، إلهاب: the article is never written with hamza; آل- words are nouns and verbs: آلاف، آلمت).
   */
  protected hamzaAl(j: number): boolean {
    const u = this.t[j];
    if (!u || !/^[وفبل]?ال/.test(u.norm) || !/^[وفبل]?[أإ]ل/.test(cleanSurface(u.surface))) return false;
    // (Not a word that takes ال itself, إلغاء/الإلغاء، ألقاب، ألعاب, nor a stop word: إلينا.)
    const n = u.norm.replace(/^[وفبل](?=ال)/, '');
    return this.lx.stats.df('ال' + n) < 3 && nameWord(this.lx, n);
  }

  /** Can `n` start a name? `strong`: after a title or honorific (a rare unknown word may). */
  protected firstWord(n: string, strong: boolean, article = true): boolean {
    if (!nameWord(this.lx, n) || CONNECTORS.has(n) || (article && definite(this.lx, n))) return false;
    if (this.lx.given.has(n) || this.lx.surname.has(n)) return true;
    if (/^[وي]/.test(n) && !WAW_YA.has(n)) return false;
    if (!strong) return false;
    // A name's first word is no past verb of four letters or more (الطفلة علقت، سموه أعقب; روي and سال may be names),
    // nor «as a …» (كأفضل لاعب، كبديل: ك on a word the corpus often writes with ال; not كيري).
    if ((n.length >= 4 && pastVerb(this.lx, n)) || (n.length >= 5 && n.startsWith('ك') && this.lx.stats.df('ال' + n.slice(1)) >= 50)) return false;
    // … nor a hamza-initial one in -ت the corpus knows, the feminine past of أفعل (الأجهزة … ألقت القبض، ألغت).
    if (!article && /^ال..?ت$/.test(n) && this.lx.stats.df(n) >= 20) return false;
    // … nor a preposition on a word the corpus knows (الأميركية بشن هجمات; not بوغبا، لافروف).
    if (/^[بل]/.test(n) && n.length >= 3 && (this.lx.stats.df(n.slice(1)) >= 20 || this.lx.stats.df('ال' + n.slice(1)) >= 3)) return false;
    return unknownNameWord(this.lx, n) || this.foreignYeh(n);
  }

  /**
   * A transliterated name in ـيه written with ه, not ة (ديديه، توريه، أوليفييه، كانتيه): a word no
   * list knows and words.ts would take for a noun with its pronoun. Not one the corpus writes with
   * ال (توجيه، ترفيه), nor a plural or dual with «his» whose stem it knows (منافسيه، للاعبيه، نسختيه).
   */
  private yeh?: Set<string>;
  protected foreignYeh(n: string): boolean {
    if (!this.yeh) {
      this.yeh = new Set();
      for (const x of this.t) if (/يه$/.test(x.norm) && /يه$/.test(cleanSurface(x.surface))) this.yeh.add(x.norm);
    }
    if (n.length < 4 || !this.yeh.has(n) || this.lx.stats.df('ال' + n) >= 3) return false;
    const df = (w: string): number => this.lx.stats.df(w);
    const stem = n.slice(0, -2);
    for (const s of new Set([stem, stem.replace(/^[وفبلك]/, '')])) {
      if (s.length < 2) return false;
      // (… nor a ي-word and «his»: تعازيه، or a sound plural in construct: محتجزيه/المحتجزين.)
      const known = df(s) + df('ال' + s) + df(s + 'ه') + df(s + 'ي') + df('ال' + s + 'ي') + df(s + 'ين') + df('ال' + s + 'ين');
      if (known + (s.endsWith('ت') ? df(s.slice(0, -1) + 'ه') : 0) >= 20) return false;
    }
    return true;
  }

  /** Can `n` continue a name after `prev`? */
  protected nextWord(n: string, prev: string, nasab: boolean, next?: string, article = true): boolean {
    // (آل الشيخ is a family: عبداللطيف آل الشيخ.)
    if (CONNECTORS.has(n) || n === 'الله' || (prev === 'ال' && (n === 'الشيخ' || FAMILY.test(n)))) return true;
    if (!nameWord(this.lx, n)) return false;
    // A hamza-initial name (hamzaAl) continues a name unless it is a verb of the form أفعل (ألقى/يلقي).
    // (Behind a clitic it starts the next name: آردا توران وأليكس فيدال.)
    if (!article) return n.startsWith('ال') && this.lx.stats.df('ي' + n.slice(1)) < 5;
    if (article && definite(this.lx, n)) {
      // (Nor a past verb of the افتعل form whose present the corpus writes: مورينيو التزم/يلتزم.)
      if (!n.startsWith('ال') || (n.startsWith('الت') && this.lx.stats.df('ي' + n.slice(1)) >= 20)) return false;
      const bare = n.slice(2);
      if (next === 'الله') return true;
      // (A plural of the form تفاعل is no nisba: خالص التعازي، أسمى التهاني.)
      // (Nor a weak verb's participle of the مفتعل/مستفعل shapes: المنتمي; not المنتشري nor المنصوري.)
      const participle = /^ال(من|مت|مست)..+ي$/.test(n) && weakParticiple(this.lx, n);
      if (CONNECTORS.has(prev) || this.lx.surname.has(n) || this.lx.given.has(bare) || (n.endsWith('ي') && n.length >= 5 && !/^الت.ا.ي$/.test(n) && !participle)) return true;
      // A definite word the corpus seldom uses is a family name (العجلان، المفرج); a frequent
      // one is a noun or adjective (الصغير، الجديد), though after a nasab less so (… بن فهد الغنيم).
      // (Nor a participle in the plural: وحذّر أوباما المشرعين.)
      // (… nor a noun with a pronoun: سوناطراك التزامها.)
      if (n.endsWith('ه') || /(ها|هم|هما)$/.test(n) || MASDAR.test(n) || PARTICIPLE.test(n) || participle || /^الم.{3,}(ين|ون)$/.test(n)) return false;
      // A frequent one still is a family name when the corpus hardly writes it without ال
      // (البرقان/برقان، السواط), unlike a noun or adjective (الصغير/صغير).
      const df = this.lx.stats.df(n);
      return df < (nasab ? 150 : 60) || (!PLURAL.test(n) && this.lx.stats.df(bare) < 0.1 * df);
    }
    if (this.lx.given.has(n) || this.lx.surname.has(n)) return true;
    // A و-word before a listed given name starts the next name: «and» Gareth Bale (كريستيانو وجاريث
    // بيل); before a family name it may be a couple's (بيل ومليندا جيتس).
    const nextName = !!next && this.lx.given.has(next) && !this.lx.surname.has(next);
    if (/^و/.test(n) && nextName && !this.lx.surname.has(n)) return false;
    // After a transliterated given name, a و-word whose rest the corpus does not know is the family name (سيرينا وليامس، ديبورا والش).
    if (this.lx.foreign.has(prev) && /^و[^و]{3,}$/.test(n) && this.lx.stats.df(n.slice(1)) < 3 && this.lx.stats.df(n) < 50 && !isCommonNoun(this.lx, n)) return true;
    // «و» and a word the corpus knows, or one that is no name, starts what follows the name
    // (… بنتن وموظفي البريد، ريم ومحنتها); و-initial names (وليد، ويليامز) pass.
    if (this.wawWord(n)) return false;
    // A rare nisba after a nasab is a family name (أسامة بن أحمد نقلي).
    if (nasab && n.endsWith('ي') && this.lx.stats.df(n) < 100) return true;
    // After بن/آل/أبو any word that is no verb, stopword or clitic form is a name.
    if (CONNECTORS.has(prev)) return !isVerbLike(this.lx, n) && !futureVerb(this.lx, n);
    // Present-tense verbs (يعزي، نعمل); a ن-word ending in ي is a nisba surname (نقلي).
    if (n.length >= 4 && ((n.startsWith('ي') && this.lx.stats.df(n) >= 3) || (n.startsWith('ن') && !n.endsWith('ي') && this.lx.stats.df(n) >= 50)) && otherPersons(this.lx, n)) return false;
    // A past verb after the name (الحوثي وصالح قصفت، جاكوب زوما رفضت), «as the …» (فرانكلين روزفلت كأول).
    if (pastVerb(this.lx, n, next) || (n.length >= 4 && n.startsWith('ك') && this.lx.stats.df('ال' + n.slice(1)) >= 50)) return false;
    // After a transliterated given name, a ت-word that no other person of a verb or ال backs is its family name (دونالد ترامب).
    if (this.lx.foreign.has(prev) && /^ت[^اوي]/.test(n) && n.length >= 4 && !otherPersons(this.lx, n) && this.lx.stats.df('ال' + n) === 0) return true;
    return unknownNameWord(this.lx, n) || this.foreignYeh(n);
  }

  /** «عبد» written apart from its complement starts a name (الدكتور عبد الله البرقان، قال عبد الرحمن الراشد). */
  protected abdFirst(s: number): boolean {
    const v = this.t[s + 1];
    // (عبد ربه: «servant of his Lord», as in عبد ربه منصور هادي)
    return this.t[s]!.norm === 'عبد' && !!v && !v.brk && (/^ال[\u0621-\u064a]{2,}$/.test(v.norm) || v.norm === 'ربه');
  }

  /**
   * After a title or honorific, a word right before بن is the person's first name even when it
   * is also a common word (الدكتور مفرج بن سعد الحقباني، اللواء سعد بن رحيل).
   */
  protected beforeNasab(s: number): boolean {
    const n = this.t[s]!.norm;
    const v = this.t[s + 1];
    // (Not a clitic on a name or word: وسعيد بن …، لقاسم بن …، ومستشفى بن …; بكري بن … is a name.)
    const glued = /^[وفلبك]/.test(n) && (this.lx.given.has(n.slice(1)) || this.lx.stats.df(n.slice(1)) >= Math.max(3, this.lx.stats.df(n)));
    return !!v && !v.brk && (v.norm === 'بن' || v.norm === 'بنت') && nameWord(this.lx, n) && n.length >= 3 && !glued && !definite(this.lx, n) && !CONNECTORS.has(n) && !isVerbLike(this.lx, n);
  }

  /**
   * After a title, a word right before a nisba family name the corpus hardly writes without ال
   * is the first name even when it is also a common word (العقيد جاسر العتيبي).
   */
  protected beforeNisba(s: number): boolean {
    const n = this.t[s]!.norm;
    const v = this.t[s + 1];
    if (!v || v.brk || !/^ال.{3,}ي$/.test(v.norm) || this.inMatch.has(s + 1)) return false;
    if (!this.lx.surname.has(v.norm) && !(this.lx.stats.df(v.norm.slice(2)) <= 2 && this.lx.stats.df(v.norm) >= 10)) return false;
    // (Not a verbal noun, a plural or a noun with its pronoun: إنتاج النووي، معسكره الخارجي.)
    if (MASDAR.test('ال' + n) || PLURAL.test(n) || /(ه|ها|هم|هما)$/.test(n)) return false;
    return n.length >= 3 && nameWord(this.lx, n) && !/^[وفبلك]/.test(n) && !definite(this.lx, n) && !CONNECTORS.has(n) && !isVerbLike(this.lx, n) && !pastVerb(this.lx, n) && !adverb(this.lx, n);
  }

  /**
   * «و» and a word the corpus knows, or one that is no name, starts what follows a name
   * (… بنتن وموظفي البريد، ريم ومحنتها، عبدالرحمن ومحمد); و-initial names (وليد، ويليامز) pass.
   */
  protected wawWord(n: string): boolean {
    return n.startsWith('و') && !WAW_YA.has(n) && !this.lx.given.has(n) && !this.lx.surname.has(n) && (/^و[لب]/.test(n) || this.lx.given.has(n.slice(1)) || this.lx.stats.df(n.slice(1)) >= 20 || !unknownNameWord(this.lx, n.slice(1)));
  }

  /**
   * A known given name behind a clitic (وهيلاري، لمحمد); not ب/ك (بخيبر is «in Khaybar»), not a
   * stopword (ولكن), not a word that is itself a common noun (ولاية is no «و + آية»).
   */
  protected gluedName(n: string, key: string, cut: number): boolean {
    // (Nor a given name that is a common noun too: فأحلام الشباب «and the dreams of».)
    return !/[كب]/.test(n.slice(0, cut)) && this.lx.given.has(key) && nameWord(this.lx, key) && !isCommonNoun(this.lx, n) && !isCommonNoun(this.lx, key);
  }

  /** After a title, a word and الله are a compound given name (مدير المستشفى ضيف الله سحيمان الشراري، الداعية فتح الله غولن). */
  protected beforeAllah(s: number): boolean {
    const n = this.t[s]!.norm;
    const v = this.t[s + 1];
    return !!v && !v.brk && v.norm === 'الله' && n.length >= 3 && nameWord(this.lx, n) && !definite(this.lx, n) && !CONNECTORS.has(n) && !isVerbLike(this.lx, n) && (!/^[وفبل]/.test(n) || ALLAH_FIRST.has(n));
  }

  /** One of the usual first halves of a compound given name with الله (فتح الله غولن، نصر الله، عطا الله) right before الله. */
  protected allahName(s: number): boolean {
    const v = this.t[s + 1];
    return ALLAH_FIRST.has(this.t[s]!.norm) && !!v && !v.brk && v.norm === 'الله' && v.seg === this.t[s]!.seg;
  }

  /**
   * Can the one word of a name found after a title stand alone as a name? A listed name can,
   * unless an indefinite title word with nothing after it makes it an adjective (جندي تركي،
   * مواطن كريم، ملكة جمال). A word no list knows cannot when the corpus writes it with ال
   * (حامل، منتظم، ركوب), it is a verb (أفلست، كرس), a noun with the first-person ي (فيلمي،
   * زوجتي، مقاتلي) or a preposition glued to a known word (بموجب، بمقذوف).
   */
  protected loneName(k: number, n: string, indefinite: boolean): boolean {
    const lx = this.lx;
    if (lx.given.has(n) || lx.surname.has(n)) return !(indefinite && isCommonNoun(lx, n));
    if (lx.stats.df('ال' + n) >= 3 || pastVerb(lx, n, this.t[k + 1]?.norm)) return false;
    const known = (w: string): boolean => w.length >= 3 && lx.stats.df(w) + lx.stats.df('ال' + w) >= 20;
    if (n.endsWith('ي') && (known(n.slice(0, -1)) || known(n.slice(0, -1).replace(/ت$/, 'ه')))) return false;
    // … a plural (معبرين), a preposition and a pronoun on a known word (بنفعها، بمقعدك), a verb in -ت whose bare past is frequent too (دامت/دام).
    const pl = /^(.{3,})(ين|ون|ات)$/.exec(n)?.[1];
    if (pl && (known(pl) || known(pl + 'ه'))) return false;
    const glued = /^[بل](.{2,}?)(هما|هم|ها|كم|ك|نا|ه|تين)$/.exec(n)?.[1];
    if (glued && (known(glued) || known(glued.replace(/ت$/, 'ه')))) return false;
    if (n.endsWith('ت') && !CONNECTORS.has(n.slice(0, -1)) && lx.stats.df(n) >= 5 && lx.stats.df(n.slice(0, -1)) >= 5 && lx.stats.df('ال' + n.slice(0, -1)) < 3) return false;
    // … a participle of the tenth form (مستوفي), لا glued to a verb (لايعترف), a short adverb in -ا (الأوفر حظا).
    if (/^مست/.test(n) || (/^لا[يتن]/.test(n) && lx.stats.df(n.slice(2)) >= 3) || (n.endsWith('ا') && lx.stats.df(n.slice(0, -1)) + lx.stats.df('ال' + n.slice(0, -1)) >= 20)) return false;
    return !(/^[بل]/.test(n) && known(n.slice(1)));
  }

  /** A word that reads as a common noun and the pronoun -ه (ناديه «his club», also the name نادية). */
  protected nounAndPronoun(n: string): boolean {
    // (… behind و too: ورده «and his reply», not the name وردة.)
    return n.endsWith('ه') && n.length >= 4 && (isCommonNoun(this.lx, n.slice(0, -1)) || (n.startsWith('و') && isCommonNoun(this.lx, n.slice(1, -1))));
  }

  /** True when no word follows `k` in its clause (punctuation, the end, a stopword). */
  protected endsClause(k: number): boolean {
    const v = this.t[k];
    return !v || v.brk || isStopword(v.norm) || NAME_STOP.has(v.norm);
  }

  /** The trigger word as written without its clitics, keeping its article: والرئيس → الرئيس، للوزير → الوزير. */
  protected triggerDisplay(t: DocToken): string {
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
  protected maybe(tok: DocToken): boolean {
    const w = infoOf(tok);
    if (w.person?.[0] === this.lx) return w.person[1];
    const lx = this.lx;
    const n = tok.norm;
    const b = n.replace(/^[وف]/, '');
    const v =
      lx.given.has(n) || lx.given.has(b) || n === 'علي' || n === 'عبد' || ALLAH_FIRST.has(n) || lx.surname.has(n) || lx.honorific.has(n) || lx.honorific.has(b) || lx.speaker.has(n) || lx.speaker.has(b) ||
      w.cands.some((c) => lx.office.has(c.key) || lx.role.has(c.key) || lx.pair.has(c.key));
    w.person = [lx, v];
    return v;
  }
}


/**
 * A place spelled as a transliterated family name right after a transliterated given name
 * (المهاجم سيباستيان سوريا، جورج واشنطن، أدولف ليما): one word, no clitic, no ال, no demonym
 * (entities.ts does not count it as the place either).
 */
export function placeSurname(lx: PeopleLexicon, first: string, m: Match | undefined, u: DocToken): boolean {
  return !!m && !m.demonym && m.len === 1 && lx.foreign.has(first) && !u.brk && !m.display.startsWith('ال') && cleanSurface(u.surface) === m.display;
}

/** A one-word definite demonym in -ي (السويدي، المصري): a nisba when it follows a name. */
export function nisba(m: Match | undefined, u: DocToken): boolean {
  return !!m?.demonym && m.len === 1 && /^ال.{2,}ي$/.test(u.norm);
}

export function spanText(tokens: DocToken[], a: number, b: number, cutFirst: number): string {
  return tokens
    .slice(a, b)
    .map((t, k) => (k === 0 ? cleanSurface(t.surface).slice(cutFirst) : cleanSurface(t.surface)))
    .join(' ');
}
