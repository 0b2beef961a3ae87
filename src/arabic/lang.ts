/**
 * Language identification for news text in Arabic script (Arabic, Persian, Urdu) or Latin
 * script (English). Why: Arabic-script pages are not all Arabic (Iranian and Pakistani
 * outlets share the script), and the html `lang` attribute is often wrong or missing, so
 * the language is decided from the text itself. The html attribute is only a tie-breaker.
 *
 * Contract: `detectLang(text, hint?)` returns a BCP 47 primary tag: `ar`, `fa`, `ur`, `en`,
 * or the hint's primary tag (else `und`) when the text has too few letters to tell.
 * Evidence is counted per word, so a few stray Persian letters in an Arabic article (a
 * common data-entry quirk: ی for ي) do not flip it.
 */

export type LangCode = 'ar' | 'fa' | 'ur' | 'en' | (string & {});

export interface LangScores {
  ar: number;
  fa: number;
  ur: number;
  /** Latin letters / all letters. */
  latinShare: number;
  /** Arabic-script words looked at. */
  words: number;
}

// Letters that Arabic does not use. پ چ ژ گ are shared by Persian and Urdu; ی (U+06CC) and
// ک (U+06A9) are the Persian/Urdu forms of ي and ك.
const FA_UR_LETTERS = /[پچژگ]/;
const FA_UR_YEH_KAF = /[یک]/;
// Urdu-only letters: ٹ ڈ ڑ ں ھ ہ ے ۓ.
const UR_LETTERS = /[ٹڈڑںھہےۓ]/;
// Arabic-only forms: ة, ى, the Arabic ي and ك (Persian/Urdu write ی and ک).
const AR_LETTERS = /[ةىيك]/;

const AR_WORDS = new Set(
  'في من على إلى الى أن ان التي الذي الذين عن مع هذا هذه كان كانت قد لم لا ما وقال قال أو او بين بعد حتى إن عند كما'.split(' '),
);
const FA_WORDS = new Set(
  'است این که را می از با برای های شد بود کرد شده نیز آن ها یک اند وی خود ما ایران کند باید گفت'.split(' '),
);
const UR_WORDS = new Set('کے کی ہے میں اور کو سے نے ہیں کا یہ پر تھا گیا ہو'.split(' '));

const ARABIC_SCRIPT_WORD = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF\u200C]+/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;
const ARABIC_LETTER = /[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]/g;

/** Scores each Arabic-script language over the text (at most the first 20,000 chars). */
export function langScores(text: string): LangScores {
  const s = text.slice(0, 20_000);
  const latin = s.match(LATIN_LETTER)?.length ?? 0;
  const arabic = s.match(ARABIC_LETTER)?.length ?? 0;
  const out: LangScores = { ar: 0, fa: 0, ur: 0, latinShare: latin + arabic === 0 ? 0 : latin / (latin + arabic), words: 0 };
  for (const m of s.matchAll(ARABIC_SCRIPT_WORD)) {
    // Persian writes می‌ and ‌ها with a zero-width non-joiner: split there too.
    for (const w of m[0].split('\u200C')) {
      if (w === '') continue;
      out.words++;
      if (AR_WORDS.has(w)) out.ar += 2;
      if (FA_WORDS.has(w)) out.fa += 2;
      if (UR_WORDS.has(w)) out.ur += 2;
      if (UR_LETTERS.test(w)) out.ur += 1.5;
      if (FA_UR_LETTERS.test(w)) {
        out.fa += 1;
        out.ur += 1;
      }
      if (FA_UR_YEH_KAF.test(w)) {
        out.fa += 0.5;
        out.ur += 0.5;
      }
      if (AR_LETTERS.test(w)) out.ar += 1;
      if (w.length > 3 && w.startsWith('ال')) out.ar += 0.5;
    }
  }
  return out;
}

/** The primary subtag of a BCP 47 tag (`fa-IR` → `fa`), lower-case, or null. */
function primary(tag: string | null | undefined): string | null {
  const p = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return p ? p : null;
}

/**
 * The language of `text`. `hint` (e.g. the html lang attribute) only decides when the text
 * gives no clear answer: a page marked `en-US` whose text is Arabic comes out `ar`.
 */
export function detectLang(text: string, hint?: string | null): LangCode {
  const h = primary(hint);
  const sc = langScores(text);
  if (sc.latinShare > 0.6) return h && h !== 'ar' && h !== 'fa' && h !== 'ur' ? h : 'en';
  if (sc.words < 3) return h ?? 'und';
  const ranked = (['ar', 'fa', 'ur'] as const).map((l) => [l, sc[l]] as const).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] === 0) return h ?? 'und';
  // A near tie goes to the hint when the hint is one of the two.
  if (second && best[1] - second[1] < 0.05 * best[1] && h === second[0]) return h;
  return best[0];
}
