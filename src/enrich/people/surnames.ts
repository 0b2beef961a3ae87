/**
 * The people finder's family-name cues (find.ts): where a word after a given name is its family
 * name though elsewhere it reads as something else — after آل (آل طالب), the name «علي» against the
 * preposition «على», a common word right after a title and a given name (الوزير بطرس حرب), a
 * definite word the corpus mostly writes with ال (عزام الدخيل), a nisba the article itself makes the
 * subject of a verb of saying (وأعرب الجسمي); a given name that is also a common word before a
 * family name (`familyNext`: وسعيد القحطاني); two unknown words before a title in apposition
 * (`beforeApposition`: وقال توني تايلر الرئيس التنفيذي).
 * Contract: pure; each test looks at a bounded window of tokens, or once at the whole article.
 */
import { isStopword } from '../../arabic/index.ts';
import { cleanSurface, cliticCandidates } from '../tokens.ts';
import { Cues, FAMILY, NASAB_LINK, type NameSpan } from './cues.ts';
import { isCommonNoun, isVerbLike, otherPersons } from './lexicon.ts';
import { termKey } from '../termstats.ts';
import { adverb, CONNECTORS, definite, futureVerb, MASDAR, NAME_STOP, nameWord, NUMBER_WORDS, PARTICIPLE, pastVerb, PLURAL, TANWEEN, unknownNameWord, weakParticiple } from './words.ts';

/** Fewer documents than this write a foreign family name's word (foreignSurname). */
const RARE_SURNAME = 8;

export class SurnameCues extends Cues {
  /**
   * آل as written, then a word: a family whatever the word reads as elsewhere (صالح آل طالب, though
   * طالب is «demanded»; آل الشيخ). (A bare ال token of another spelling, الـ before a number, is none.)
   */
  protected familyOf(j: number): boolean {
    const v = this.t[j + 1];
    return cleanSurface(this.t[j]!.surface) === 'آل' && !!v && !v.brk && FAMILY.test(v.norm) && !isStopword(v.norm);
  }

  /**
   * «علي» inside a name (إبراهيم علي نسيب، عبدالله بن علي الغامدي): normalized it is also the
   * preposition «على» (أكد محمد على ضرورة …), so it is a name word only after بن or when a name
   * word follows it (a known name, a rare family name, a word no list knows; no common noun).
   */
  /** Whether the article spells the preposition على with ى somewhere (then its «علي» is the name). */
  private writesAla: boolean | undefined;
  private spoken: Set<string> | undefined;

  /**
   * A definite nisba the article uses alone as the subject of a verb of saying or acting
   * (وأعرب الجسمي عن …، وأكمل الجسمي): there it is a family name, wherever a given name precedes it
   * (حسين الجسمي, though the corpus also writes جسمي «bodily» without ال). Titles and demonyms are no such subject.
   */
  protected spokenSurname(n: string): boolean {
    if (!this.spoken) {
      this.spoken = new Set();
      for (let k = 1; k < this.t.length; k++) {
        const u = this.t[k]!;
        if (!u.brk && /^ال.{3,}ي$/.test(u.norm) && !this.inMatch.has(k) && !this.trigger(k) && this.speaker(k - 1) && !NAME_STOP.has(u.norm)) this.spoken.add(u.norm);
      }
    }
    return this.spoken.has(n);
  }

  protected aliInName(s: number, j: number, prev: string): boolean {
    if (CONNECTORS.has(prev) && prev !== 'عبد') return true;
    // Right after a given name, «علي» as written is the family name where the article writes the
    // preposition «على» (الفنانة إلهام علي بسرعة …).
    if (prev && j === s + 1 && cleanSurface(this.t[j]!.surface) === 'علي') {
      this.writesAla ??= this.t.some((x) => /على$/.test(cleanSurface(x.surface)));
      if (this.writesAla) return true;
    }
    const v = this.t[j + 1];
    if (!v || v.brk || v.seg !== this.t[j]!.seg || this.inMatch.has(j + 1)) return false;
    const n = v.norm;
    // The head of a nasab chain (علي بن ناصر الغفيص), or of a compound عبد name (علي عبد الله صالح).
    if ((NASAB_LINK.has(n) || this.abdFirst(j + 1)) && j === s + 1) return true;
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

  /**
   * «علي» as written (ي) at i, behind و or ف or bare, in an article that writes the preposition
   * «على», before a definite nisba: the given name and its family name (، وعلي الشهري، — where
   * الشهري is «monthly» too and no title or verb of saying comes before).
   */
  protected aliNisba(i: number): boolean {
    const u = this.t[i]!;
    if (u.norm.length > 4 || !u.norm.endsWith('علي')) return false;
    const v = this.t[i + 1];
    // (Not inside a kunya or nasab: زوجة أبي علي الشيشاني.)
    if (i > 0 && !u.brk && CONNECTORS.has(this.t[i - 1]!.norm)) return false;
    if (!v || v.brk || v.seg !== u.seg || this.inMatch.has(i + 1) || cleanSurface(u.surface).replace(/^[وف]/, '') !== 'علي') return false;
    if (!/^ال.{3,}ي$/.test(v.norm) || /يي$/.test(v.norm) || !nameWord(this.lx, v.norm) || this.trigger(i + 1)) return false;
    this.writesAla ??= this.t.some((x) => /على$/.test(cleanSurface(x.surface)));
    return this.writesAla;
  }

  /**
   * A given name that is a common word too (عمر «age», حسين beside الحسين) behind و, in a list of
   * names: a family name after it (listed, a عبد name or a word no list knows that is no common
   * word), then و and a known given name (… وحسين عبدالغني ومحمد عيد، وعمر هوساوي وخالد الغامدي).
   */
  protected listFamily(i: number): boolean {
    const [u, v, w] = [this.t[i]!, this.t[i + 1], this.t[i + 2]];
    if (!u.norm.startsWith('و') || !v || !w || v.brk || v.seg !== u.seg || this.inMatch.has(i + 1) || !w.norm.startsWith('و') || !this.lx.given.has(w.norm.slice(1))) return false;
    const n = v.norm;
    if (n.startsWith('ال') || !nameWord(this.lx, n) || isCommonNoun(this.lx, n) || this.trigger(i + 1)) return false;
    return this.lx.surname.has(n) || /^عبد.{3,}/.test(n) || unknownNameWord(this.lx, n);
  }

  /** A common word that may still be a family name right after a title and a given name: no verb, particle, title or pronoun form. */
  protected looseSurname(j: number, via: NameSpan['via']): boolean {
    const n = this.t[j]!.norm;
    if (!nameWord(this.lx, n) || definite(this.lx, n) || CONNECTORS.has(n) || n.length < 3 || NUMBER_WORDS.has(n) || this.trigger(j) || this.speaker(j)) return false;
    if (this.lx.given.has(n) || this.lx.surname.has(n)) return true;
    if (isVerbLike(this.lx, n) || futureVerb(this.lx, n) || pastVerb(this.lx, n, this.t[j + 1]?.norm) || /^(ي|ت|ن)/.test(n) || /(ته|تها|تهم|هما)$/.test(n) || adverb(this.lx, n) || this.wawWord(n)) return false;
    // A preposition glued to a verbal noun (الكابتن ياسر بترتيب رحلة …).
    if (/^[بل]/.test(n) && MASDAR.test('ال' + n.slice(1))) return false;
    // A preposition or و glued to a known word (بتمديد، وجشعهم).
    const df = this.lx.stats.df(n);
    if (via === 'speaker' && !n.startsWith('ك') && cliticCandidates(n).some((c) => c.cut > 0 && !c.al && c.key.length >= 4 && !this.lx.given.has(c.key) && this.lx.stats.df(c.key) >= 20 && this.lx.stats.df(c.key) > df)) return false;
    return this.lx.stats.df(n) < 1000;
  }

  /**
   * A word news writes right after a name's first word in a third or more of the documents that
   * write either word (the corpus's phrase table, pairs in 12 documents or more; a common word is
   * written elsewhere more often, فداء للوطن، أودى بحياة): its family name
   * whatever the word reads as elsewhere or however unknown both are (رياك مشار، فاتن حمامة،
   * جيورجيوس دونيس). Not a connector (شينزو آبي stays one word: آبي reads as the kunya أبي, and a
   * name never ends on one), a definite word or a و-joined one (left to the rules below), nor a verb.
   */
  protected pairedSurname(first: string, j: number): boolean {
    const n = this.t[j]!.norm;
    if (n.startsWith('ال') || CONNECTORS.has(n) || isStopword(n) || (/^[وف]/.test(n) && this.lx.stats.df(n.slice(1)) > this.lx.stats.df(n)) || isVerbLike(this.lx, n)) return false;
    const pair = this.lx.stats.df(first + ' ' + n);
    return pair >= 12 && 3 * pair >= this.lx.stats.df(first) && 3 * pair >= this.lx.stats.df(termKey(n).key);
  }

  /**
   * A word the corpus hardly writes (in fewer than RARE_SURNAME documents, with ال or without, and
   * no clitic on a word it knows) after a transliterated first name — a foreign given name, or an
   * unknown word itself: the second half of a foreign name news rarely writes (جيروم فالكي، شتيفان
   * سيلكه، بيجن زنغنه), which the verb, nisba and ending tests would cut off. Over 5,000 corpus
   * articles: 16 names gained, one phrase taken for one (`كويس جايك`).
   */
  protected foreignSurname(first: string, j: number): boolean {
    const n = this.t[j]!.norm;
    const df = (w: string): number => this.lx.stats.df(w);
    const known = (w: string): number => df(w) + df('ال' + w);
    // A present or future verb: the corpus writes the same verb in another person (تنتزع/ينتزع).
    const verb = (w: string): boolean => /^س?[يتن]/.test(w) && otherPersons(this.lx, w.replace(/^س(?=[يتن])/, ''));
    const pronoun = (w: string): boolean => /(هم|هما|ها|كم|نا)$/.test(w);
    // An unknown first word that is a verb, a plural, a nisba adjective or a verbal noun is none (ترتعد، شرقيون، عشريني، تقليب).
    const adjective = first.endsWith('ي') && (df('ال' + first) >= 3 || known(first.slice(0, -1)) >= 20);
    const unknownFirst = !this.lx.given.has(first) && !this.lx.surname.has(first) && unknownNameWord(this.lx, first) && known(first) < RARE_SURNAME * 4;
    if (!this.lx.foreign.has(first) && !(unknownFirst && !pronoun(first) && !/(ون|ين)$/.test(first) && !verb(first) && !/^ت..ي.$/.test(first) && !adjective)) return false;
    // The second word: rare, no name of the lists, no definite word behind a clitic (والمتصالب, بالتراضي; فالكي is one).
    if (n.length < 3 || known(n) >= RARE_SURNAME || /^[وبلك]?ال/.test(n) || (n.startsWith('فال') && df(n.slice(1)) >= 20) || CONNECTORS.has(n) || isStopword(n) || this.lx.given.has(n)) return false;
    // Nor a word with a pronoun, a verb, an accusative, or و and a word the corpus knows (أفواههم،
    // مواجعه، تنتزع، امتهن، مذنبا، ونفاخر): the first word stood before a clause.
    if (pronoun(n) || (n.endsWith('ه') && known(n.slice(0, -1)) > 0) || verb(n) || isVerbLike(this.lx, n) || pastVerb(this.lx, n, this.t[j + 1]?.norm) || (n.endsWith('ا') && known(n.slice(0, -1)) >= 20)) return false;
    if (/^[وف]/.test(n) && (known(n.slice(1)) >= 20 || verb(n.slice(1)) || n.endsWith('ه'))) return false;
    return cliticCandidates(n).every((c) => c.cut === 0 || known(c.key) < 20);
  }

  /**
   * A second definite word after a definite one that could end a name, which the corpus hardly
   * writes without ال (a tenth or less): the family name after the father's (`عبدالله الصالح
   * العثيم`), not an adjective, title or participle (`العتيبي المتحدث`: متحدث is common bare).
   */
  protected familyAfter(j: number): boolean {
    const u = this.t[j];
    if (!u || u.brk || !/^ال[\u0621-\u064a]{3,}$/.test(u.norm) || this.inMatch.has(j) || this.trigger(j) || NAME_STOP.has(u.norm) || MASDAR.test(u.norm) || PARTICIPLE.test(u.norm) || PLURAL.test(u.norm)) return false;
    // (nor a dual in agreement, البنيتان الواسعتان، الموقوفان, nor a weak verb's participle, الساعي/الساعين)
    if (/(تان|تين)$/.test(u.norm) || /^الم.+(ان|ين)$/.test(u.norm) || weakParticiple(this.lx, u.norm)) return false;
    const df = this.lx.stats.df(u.norm);
    return df < 1000 && this.lx.stats.df(u.norm.slice(2)) * 10 <= df;
  }

  /**
   * After a title or a verb of saying and a known given name, a definite word the corpus writes
   * with ال more often than without is the family name (وزير التعليم الدكتور عزام الدخيل،
   * الأمين العام حسن الجاسر): not a verbal noun, participle, plural, title or time word.
   */
  protected definiteSurname(j: number): boolean {
    const n = this.t[j]!.norm;
    if (!n.startsWith('ال') || n.length < 5 || MASDAR.test(n) || PARTICIPLE.test(n) || PLURAL.test(n) || NAME_STOP.has(n) || !nameWord(this.lx, n) || this.trigger(j)) return false;
    if (this.t[j + 1]?.norm === 'الله') return false;
    // A family name in ة the corpus hardly writes without ال (عمر السومة، توفيق الربيعة; not العمرة/عمرة, nor an adjective in -ية).
    if (n.endsWith('ه')) return !n.endsWith('يه') && this.lx.stats.df(n) < 300 && this.lx.stats.df(n.slice(2)) < 0.3 * this.lx.stats.df(n);
    // (… or any such word that ends the clause: والشيخ جلال الصغير، …)
    return this.lx.stats.df(n.slice(2)) < 0.6 * this.lx.stats.df(n) || !this.t[j + 1] || this.t[j + 1]!.brk;
  }

  /** Two unknown name words at `s`, then a title word (no punctuation between): a foreign name and its role. */
  protected beforeApposition(s: number): boolean {
    const t = this.t;
    const [a, b, c] = [t[s], t[s + 1], t[s + 2]];
    if (!a || !b || !c || b.brk || c.brk || b.seg !== a.seg || c.seg !== a.seg) return false;
    // («كبير» is a role only before what the person is chief of: كبير محللي الأسواق، كبير الاقتصاديين.)
    const chief = c.norm === 'كبير' && !!t[s + 3] && !t[s + 3]!.brk;
    if (this.inMatch.has(s) || this.inMatch.has(s + 1) || !(this.trigger(s + 2) || chief)) return false;
    return [s, s + 1].every((k) => {
      const x = t[k]!;
      // (A first letter that could be a clitic is one only when the corpus knows the rest: not كاترين ديملر.)
      const clitic = /^[وفبلك]/.test(x.norm) && this.lx.stats.df(x.norm.slice(1)) + this.lx.stats.df('ال' + x.norm.slice(1)) >= 3;
      return !clitic && !x.norm.startsWith('ال') && !TANWEEN.test(x.surface) && !this.trigger(k) && unknownNameWord(this.lx, x.norm) && !pastVerb(this.lx, x.norm);
    });
  }

  /**
   * A given name that is also a common word (سعيد «happy», رائد «pioneer») starts a name when a
   * family name follows: a definite nisba no list places and the corpus hardly writes without
   * its ال (وسعيد القحطاني، ورائد الموركي; not رائد الفضاء).
   */
  protected familyNext(i: number): boolean {
    const v = this.t[i + 1];
    if (this.listFamily(i)) return true;
    // (The article as written: إلكتروني's «إل» is no article.)
    if (!v || v.brk || v.seg !== this.t[i]!.seg || this.inMatch.has(i + 1) || !cleanSurface(v.surface).startsWith('ال') || !nameWord(this.lx, v.norm)) return false;
    const n = v.norm;
    const df = this.lx.stats.df(n);
    // (… or a definite word the corpus never saw, no verbal noun, participle, plural or ة-word:
    // فيصل الخراع، شجاع الشباطي; on two corpus days 25 of 26 such readings are names, the other a flower)
    if (df === 0 && n.length >= 5 && !MASDAR.test(n) && !PARTICIPLE.test(n) && !PLURAL.test(n) && !n.endsWith('ه') && this.lx.stats.df(n.slice(2)) <= df) return true;
    // (… or one the article makes the subject of a verb of saying: وأعرب الجسمي، أمضى عيد اليحيى … أنتقد اليحيى.)
    if (/^ال.{3,}ي$/.test(n) && this.definiteSurname(i + 1) && this.lx.stats.df(n.slice(2)) < 0.3 * df) return true;
    return this.spokenSurname(n);
  }
}
