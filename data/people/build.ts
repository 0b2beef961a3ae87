/**
 * Builds data/people/names.tsv: the given names and surnames the people finder knows.
 *
 * Two sources:
 * 1. The name list of the npm package `arabic-name-to-en` (ISC; ~2,900 Arabic names and
 *    family names): words without ال are Arabic given names (`arabic`: never folded
 *    phonetically, so حسن/حسين stay apart), words with ال surnames. Entries the corpus shows
 *    to be common nouns (they take ال: أمل/الأمل) are left out, except those seen as names
 *    after titles (step 2).
 * 2. The corpus (SaudiNewsNet, without the two days of the labelled set eval/understand/,
 *    2015-07-26 and 2015-08-08): names read after titles and honorifics by the finder itself
 *    (src/enrich/people/find.ts, way 1–2, multi-word names only). A first word seen so in at
 *    least MIN_SEEN names and in 2+ outlets is a given name (`given`: transliterated ones such
 *    as سيرجي، هيلاري، باراك), a last word so seen a surname (`surname`), unless it is a
 *    common noun or a gazetteer name.
 * Output rows: `word<TAB>kind<TAB>source<TAB>count`, sorted. Deterministic for its inputs.
 * Run: `node --import tsx data/people/build.ts [CORPUS_DIR]` (default ../shared/corpus).
 * `--prune` reads no corpus: it drops from the existing names.tsv the rows in NOT_NAMES and the
 * corpus-learnt rows that today's filters (notAName, notANameForm) reject, and keeps every other
 * row as it is (a full rebuild also relearns the counts with today's finder).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { normalize } from '../../src/arabic/index.ts';
import { loadGazetteer } from '../../src/enrich/gazetteer.ts';
import { matchGazetteer } from '../../src/enrich/match.ts';
import { findNames } from '../../src/enrich/people/find.ts';
import { isCommonNoun, makeLexicon, type PeopleLexicon } from '../../src/enrich/people/lexicon.ts';
import { adverb, MASDAR, nameWord, pastVerb } from '../../src/enrich/people/words.ts';
import { docTokens } from '../../src/enrich/tokens.ts';

const HERE = fileURLToPath(new URL('./', import.meta.url));
/** The days of eval/understand/articles.jsonl: never learnt from. */
const HELD_OUT = ['2015-07-26', '2015-08-08'];
const MIN_SEEN = 3;
const MIN_SHARE = 0.05;
/** Package entries that are common words in news, not names here. */
const NOT_NAMES = new Set(['ثبوت', 'اراد', 'صوتوا', 'جامع', 'غازينتاب', 'اتلتيك', 'ممفيس', 'لويزيانا', 'اتلانتا', 'بايرن', 'مسيرتنا', 'ومطالبتهم', 'وليا', 'ليماسول', 'سبور', 'اكسوم', 'رشدهم', 'فيفاء', 'ساعد', 'ابو', 'بن', 'بنت', 'ابن', 'عبد', 'ال', 'امير', 'ملك', 'سلطان', 'شيخ', 'مدير', 'قائد', 'رئيس',
  'تحرير', 'محل', 'اسر', 'هديه', 'وادي', 'باسمه', 'تبسم', 'نبا', 'فذ', 'سني', 'كردي', 'صديق', 'معروف', 'غريب', 'مثال', 'وزير', 'وكيل',
  // Places and clubs read after «مدرب»/«لاعب»/«محافظ» (املج، حفر الباطن، سوانزي، زينيت، مرسيليا، إيفرتون، رينجرز، شالكه، مانشستر سيتي، فلوريدا، ميونيخ)
  // and words (أناليسيس «analysis»; تحيات «greetings», as in «تحيات الرئيس»).
  'تحيات', 'املج', 'حفرالباطن', 'سوانزي', 'زينيت', 'مرسيليا', 'ايفرتون', 'رينجرز', 'شالكه', 'سيتي', 'فلوريدا', 'ميونيخ', 'اناليسيس']);

function packageNames(): string[] {
  const require = createRequire(import.meta.url);
  const db = require('arabic-name-to-en/cases/fullnamedb.js') as Record<string, string>;
  return Object.keys(db)
    .map((k) => normalize(k.trim()))
    .filter((k) => /^[\u0621-\u064a]{2,}$/.test(k) && !NOT_NAMES.has(k));
}

/**
 * A word read after a title that the corpus shows to be no name: a place (it takes «in», ب:
 * بحضرموت، بمحايل), a verb (a present tense the corpus knows: قرر/يقرر، فضلت/يفضل), an
 * adverb in -ًا (مرجعا), a clitic glued to a known word (بركلات، لصوامع), or a pronoun form
 * (خارجيتها، ابنتي).
 */
export function notAName(stats: { df(w: string): number }, w: string): boolean {
  if (w.startsWith('ال')) return false;
  const df = (x: string): number => stats.df(x);
  if (df('ب' + w) >= 5 && df('ب' + w) >= 0.1 * df(w)) return true;
  if (df('ي' + w) >= 20 || (w.endsWith('ت') && df('ي' + w.slice(0, -1)) >= 20)) return true;
  if (w.endsWith('ا') && w.length >= 4 && df('ال' + w.slice(0, -1)) >= 20) return true;
  if (/^[وفبل]/.test(w) && w.length >= 4 && df(w.slice(1)) >= 5 && df(w.slice(1)) >= df(w)) return true;
  if (/^[بل]/.test(w) && w.length >= 5 && df('ال' + w.slice(1)) >= 5) return true;
  const m = /(نا|ها|هم|ي)$/.exec(w);
  if (m && w.length - m[0].length >= 3) {
    const bare = w.slice(0, -m[0].length).replace(/ت$/, 'ه');
    if (df(bare) + df('ال' + bare) >= 20 && df(bare) + df('ال' + bare) > 3 * df(w)) return true;
  }
  return false;
}

/**
 * A word read after a title whose form is no name's: a past verb (صاروا، رفض), an adverb in -ًا
 * (مزاحا), a first-person present verb whose ي-form the corpus knows (اتطلع/يتطلع), a verbal
 * noun (إضفاء), a stopword behind a pronoun (معنا), or و/ف and a pronoun-suffixed word
 * (وأحفاده، وتعازيهما; a participle: مرفوض, which the corpus also writes with ال).
 */
export function notANameForm(lx: PeopleLexicon, w: string): boolean {
  if (w.startsWith('ال')) return false;
  const df = (x: string): number => lx.stats.df(x);
  if (!nameWord(lx, w) || pastVerb(lx, w) || adverb(lx, w)) return true;
  if (/^م[^اوي]{2}و[^اوي]$/.test(w) && df('ال' + w) >= 3 && df('ال' + w) >= 0.1 * df(w)) return true;
  if (w.startsWith('ا') && w.length >= 4 && df('ي' + w.slice(1)) >= 20) return true;
  if (MASDAR.test('ال' + w) && df('ال' + w) >= 3) return true;
  const m = /^[وف](.{3,}?)(هما|هم|ها|ه)$/.exec(w);
  return !!m && df(m[1]!) + df('ال' + m[1]!) + df(m[1]!.replace(/ي$/, '')) >= 5;
}

/** The existing names.tsv less the corpus-learnt rows today's filters reject. */
export function pruneNames(text: string): string {
  const base = { ...makeLexicon(packageNames().map((w) => [w, w.startsWith('ال') ? 'surname' : 'arabic'] as const)), maxUnknownDf: Infinity };
  return text
    .split('\n')
    .filter((line) => {
      const [w, , source] = line.split('\t');
      if (line.startsWith('#') || !w) return true;
      // (Package names pass the NOT_NAMES list only, as in buildNames.)
      return !NOT_NAMES.has(w) && (source !== 'corpus' || (!notAName(base.stats, w) && !notANameForm(base, w)));
    })
    .join('\n');
}

export function buildNames(corpusDir: string): string {
  const pkg = packageNames();
  const base = { ...makeLexicon(pkg.map((w) => [w, w.startsWith('ال') ? 'surname' : 'arabic'] as const)), maxUnknownDf: Infinity };
  const gaz = loadGazetteer();
  const first = new Map<string, { n: number; outlets: Set<string> }>();
  const last = new Map<string, { n: number; outlets: Set<string> }>();
  const see = (m: Map<string, { n: number; outlets: Set<string> }>, w: string, outlet: string): void => {
    const e = m.get(w) ?? { n: 0, outlets: new Set<string>() };
    e.n++;
    e.outlets.add(outlet);
    m.set(w, e);
  };
  const dir = join(corpusDir, 'saudinewsnet');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.zip') && !HELD_OUT.some((d) => x.startsWith(d))).sort()) {
    for (const bytes of Object.values(unzipSync(readFileSync(join(dir, f))))) {
      for (const a of JSON.parse(strFromU8(bytes)) as Array<{ source: string; title: string; content: string }>) {
        const toks = docTokens(a.title ?? '', a.content ?? '');
        for (const s of findNames(toks, matchGazetteer(toks, gaz), base)) {
          if (s.via !== 'title') continue;
          const words = s.norms.filter((w) => !['بن', 'بنت', 'ابن', 'ال', 'عبد', 'ابو', 'الله'].includes(w));
          if (words.length < 2) continue;
          see(first, words[0]!, a.source);
          see(last, words[words.length - 1]!, a.source);
        }
      }
    }
  }
  const inGazetteer = (w: string): boolean => gaz.byFirst.has(w) || gaz.byFirst.has(w.replace(/^ال/, ''));
  const rows = new Map<string, string>();
  for (const w of pkg) {
    const seen = (first.get(w)?.n ?? 0) + (last.get(w)?.n ?? 0);
    const common = isCommonNoun(base, w.replace(/^ال/, ''));
    // A common word is kept when seen starting names (a word after a given name may be a
    // common noun the finder takes as family name: الوزير بطرس حرب, but also … وكيل), in a
    // good share of the documents that use it (not مثال، نبأ).
    const asName = w.startsWith('ال') ? seen : (first.get(w)?.n ?? 0);
    if (common && (asName < MIN_SEEN || asName < 0.03 * base.stats.df(w))) continue;
    if (base.office.has(w) || base.role.has(w) || base.honorific.has(w)) continue;
    // A frequent word that is seldom a name here (شهد «witnessed», أسماء «names», ملاك).
    if (base.stats.df(w) >= 100 && seen < 0.03 * base.stats.df(w)) continue;
    rows.set(w, `${w}\t${w.startsWith('ال') ? 'surname' : 'arabic'}\tarabic-name-to-en\t${seen}`);
  }
  for (const [m, kind] of [[first, 'given'], [last, 'surname']] as const) {
    for (const [w, e] of m) {
      if (rows.has(w) || NOT_NAMES.has(w) || e.n < MIN_SEEN || e.outlets.size < 2 || inGazetteer(w)) continue;
      if (isCommonNoun(base, w.replace(/^ال/, '')) || notAName(base.stats, w) || notANameForm(base, w)) continue;
      // Seen as a name in a good share of the documents that use it at all.
      if (e.n < MIN_SHARE * base.stats.df(w)) continue;
      rows.set(w, `${w}\t${kind}\tcorpus\t${e.n}`);
    }
  }
  const header = [
    '# Given names and surnames for the people finder (src/enrich/people/). Built by data/people/build.ts;',
    '# do not edit by hand. Columns: word (normalized), kind (arabic | given | surname), source, count',
    '# (times seen as a name after a title in the corpus). Sources and licences: NOTICE.md.',
  ];
  return [...header, ...[...rows.values()].sort()].join('\n') + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = join(HERE, 'names.tsv');
  if (process.argv[2] === '--prune') writeFileSync(out, pruneNames(readFileSync(out, 'utf8')));
  else writeFileSync(out, buildNames(resolve(process.argv[2] ?? join(HERE, '../../../shared/corpus'))));
  console.log(`wrote ${join(HERE, 'names.tsv')}`);
}
