/**
 * Token stream and clitic candidates shared by entity matching, people and keywords.
 *
 * Why: the analyzer gives words (`tokenize` from src/arabic); enrichment also needs to know
 * where punctuation breaks a phrase (a name never spans «،» or a newline), which part of the
 * article a word is in (the title weighs more), and which proclitics (و ف ب ك ل ال لل) a word
 * may carry, so that `وطهران`, `بموسكو` and `للولايات` reach their names.
 * Contract: pure functions; offsets are those of `tokenize`.
 */
import { tokenize } from '../arabic/index.ts';
import type { Spelling } from './keyword-lexicon.ts';

export interface DocToken {
  surface: string;
  norm: string;
  /** 0 = title, 1 = body. */
  seg: 0 | 1;
  /** True when punctuation, a newline or the start of a segment separates it from the previous token. */
  brk: boolean;
  /**
   * Set on body tokens inside a dateline-shaped line start (`سبق- الرياض:`, `خلود غنام- سبق-
   * الرياض:`, `الرياض - واس:`): the span's number, counted from 1 (see `DATELINE`).
   */
  dateline?: number;
  /** True on the last token of such a span (the word right before its final `:` or dash). */
  datelineEnd?: boolean;
  /** True when a quotation mark stands between this token and the previous one (`لـ"الرياض"`). */
  quote?: boolean;
  /** What is memoized about this spelling (see `wordInfo`), fetched once per token. */
  info?: WordInfo;
}

/**
 * What enrichment memoizes per spelling: its clitic candidates, and slots the finders fill
 * lazily (orgs.ts: the head word; people/find.ts: whether a name may start here). Word
 * frequencies are Zipfian, so one hash lookup per token (`infoOf`) serves every pass.
 */
export interface WordInfo {
  cands: readonly Candidate[];
  head?: string | null;
  /** orgs.ts: the article-form head (`الهيئة`) and its clitic cut. */
  defHead?: { key: string; cut: number } | null;
  /** orgs.ts: the article-form head of a body a demonym names (`المنتخب`), and its clitic cut. */
  natHead?: { key: string; cut: number } | null;
  /** people/find.ts: [the lexicon it was computed for, the answer]. */
  person?: [object, boolean];
  /** keyword-lexicon.ts: what keywords ask about the spelling (for one term statistics). */
  keyword?: Spelling;
  /** keyword-places.ts: whether a listed place's first word may end the spelling. */
  placeTail?: boolean;
  /** Whether the spelling ends in a first word of data/keywords/named.txt (keyword-places.ts). */
  namedTail?: boolean;
  /** pipeline/prepare.ts: the default analyzer's index term of the spelling (light stem), null for a stopword. */
  term?: string | null;
  /** match.ts: the gazetteer index `starts` was computed for. */
  gazetteer?: object;
  /** match.ts: the clitic readings that start a name of that index, with its entries. */
  starts?: ReadonlyArray<readonly [Candidate, readonly unknown[]]>;
}

/** The token's memoized word info (one lookup per token, then a property read). */
export function infoOf(t: DocToken): WordInfo {
  return (t.info ??= wordInfo(t.norm));
}

/**
 * A dateline-shaped start of one of the body's first lines: up to two dash-ended parts
 * (author, outlet) and a last part of one to three words ended by `:` or a dash, or by the
 * end of the line when a dash came before (`عين اليوم – الرياض`). Whether it
 * is a dateline is decided by the caller (entities.ts: the last part must be a place).
 */
const DATELINE = /[ \t]*(?:[^\n:\-–—,.،؛!?]{1,30}?[ \t]*[-–—][ \t]*){0,2}([^\n:\-–—,.،؛!?\s]+(?:[ \t]+[^\n:\-–—,.،؛!?\s]+){0,2})[ \t]*(?:[:\-–—]|(?<=[-–—][ \t]*[^\n]{1,40})\r?(?=\n))/y;
/**
 * The Saudi Press Agency's dateline (`بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس`): a place of
 * one to three words, then the Hijri date; the place is the span's last part.
 */
const HIJRI_DATELINE = /[ \t]*([^\n\d:\-–—,.،؛!?\s]+(?:[ \t]+[^\n\d:\-–—,.،؛!?\s]+){0,2})[ \t]+[0-9٠-٩]{1,2}[ \t]+[^\s\d]+[ \t]+[0-9٠-٩]{4}[ \t]*هـ/y;
/** How many of the body's first lines may carry a dateline. */
const DATELINE_LINES = 4;

/** [start, end) character spans of dateline-shaped line starts in the first lines of `text`. */
function datelineSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (let line = 0; line < DATELINE_LINES && at <= text.length; line++) {
    DATELINE.lastIndex = at;
    HIJRI_DATELINE.lastIndex = at;
    const m = DATELINE.exec(text) ?? HIJRI_DATELINE.exec(text);
    if (m && m[1]) {
      const end = m.index + m[0].length;
      const lastStart = text.lastIndexOf(m[1], end);
      out.push([at, lastStart + m[1].length]);
    }
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
    while (text[at] === '\n' || text[at] === '\r') at++;
  }
  return out;
}

/**
 * Where an outlet's page template follows the article in the stored text: a list of the
 * author's other columns (`مقالات أخرى للكاتب…`, aljazirah) or the title repeated under a link
 * (`رابط الخبر بصحيفة الوئام: …`, alweeam). What follows names other stories' people and
 * places, or counts the title twice; the body is read up to it.
 */
const BOILERPLATE_TAIL = /مقالات أخرى للكاتب|رابط الخبر بصحيفة/;

/** The body without a trailing page template (see BOILERPLATE_TAIL). */
export function articleBody(text: string): string {
  const m = BOILERPLATE_TAIL.exec(text);
  return m ? text.slice(0, m.index) : text;
}

const QUOTE = /["«»“”„]/;

/** Characters allowed between two tokens of one phrase: spaces (not newlines), tatweel, zero-width marks. */
const JOIN = /^[ \t\u00a0\u0640\u200b-\u200f\u2060\ufeff]*$/;

/**
 * What normalize() deletes (harakat, superscript alef, tatweel, zero-width and bidi marks):
 * removed for display and `exact` comparisons, so the cleaned surface aligns letter for
 * letter with the normalized form.
 */
const MARKS = /[\u064b-\u065f\u0670\u0640\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069\u061c]/g;

/** The surface without harakat and tatweel (original letters kept: أ stays أ, ة stays ة). */
export function cleanSurface(s: string): string {
  return s.replace(MARKS, '');
}

/** Tokens of the title then the body, with phrase breaks marked. */
export function docTokens(title: string, text: string): DocToken[] {
  const out: DocToken[] = [];
  ([title, articleBody(text)] as const).forEach((part, seg) => {
    const spans = seg === 1 ? datelineSpans(part) : [];
    let prevEnd = -1;
    let prev: DocToken | null = null;
    for (const t of tokenize(part)) {
      // (Most gaps are one space: joined, no quote, without slicing the gap out.)
      const space = prevEnd >= 0 && t.start === prevEnd + 1 && part.charCodeAt(prevEnd) === 0x20;
      const gap = prevEnd < 0 || space ? '' : part.slice(prevEnd, t.start);
      const brk = prevEnd < 0 || (!space && !JOIN.test(gap));
      // Every field present from the start: one object shape for every token (monomorphic reads).
      const k = spans.length === 0 ? -1 : spans.findIndex(([a, b]) => t.start >= a && t.end <= b);
      const tok: DocToken = { surface: t.surface, norm: t.norm, seg: seg as 0 | 1, brk, dateline: k >= 0 ? k + 1 : undefined, datelineEnd: false, quote: brk && QUOTE.test(gap), info: undefined };
      if (prev?.dateline && prev.dateline !== tok.dateline) prev.datelineEnd = true;
      out.push(tok);
      prevEnd = t.end;
      prev = tok;
    }
    if (prev?.dateline) prev.datelineEnd = true;
  });
  return out;
}

export interface Candidate {
  /** The form to look up. */
  key: string;
  /** True when an article ال was removed to get `key` (names never take an added ال). */
  al: boolean;
  /** How many leading characters of the normalized token were clitics (for display). */
  cut: number;
  /** True when `لل` was read as ل + ال: the display form needs its ال back. */
  restoreAl: boolean;
}

/**
 * The forms a normalized word may stand for once proclitics are removed, least stripped first:
 * [و|ف]? [ب|ك|ل]? (ال)?, and لل = ل + ال. Keys shorter than 2 letters are not produced.
 * Example: `وللولايات` → وللولايات, للولايات, الولايات (restoreAl), ولايات (al).
 */
export function cliticCandidates(norm: string): readonly Candidate[] {
  return wordInfo(norm).cands;
}

/** The memoized info of a spelling (bounded memo, see GENERATION). */
export function wordInfo(norm: string): WordInfo {
  let c = young.get(norm);
  if (c) return c;
  // Every slot present from the start: one object shape, so the finders' reads stay monomorphic.
  c = old.get(norm) ?? { cands: computeCandidates(norm), head: undefined, defHead: undefined, natHead: undefined, person: undefined, keyword: undefined, placeTail: undefined, namedTail: undefined, term: undefined, gazetteer: undefined, starts: undefined };
  if (young.size >= GENERATION) {
    old = young;
    young = new Map();
  }
  young.set(norm, c);
  return c;
}

/**
 * Word frequencies are Zipfian: a bounded memo of each spelling's info (its clitic readings,
 * and what the entity and keyword passes learn of it, keyword-lexicon.ts) saves most of the
 * work. Two generations: a spelling met again while in the older one moves to the younger, and
 * when the younger is full the older is dropped, so the common spellings stay while the memo
 * holds at most 2 × GENERATION of them (≈ 60 MiB of heap with the keyword facts; 200,000
 * spellings held at once took 200 MiB, 14,133 corpus articles).
 */
let young = new Map<string, WordInfo>();
let old = new Map<string, WordInfo>();
const GENERATION = 50_000;

/** How many spellings the memo holds (tests: its bound). */
export function wordInfoMemo(): { held: number; bound: number } {
  return { held: young.size + old.size, bound: 2 * GENERATION };
}

function computeCandidates(norm: string): Candidate[] {
  const out: Candidate[] = [{ key: norm, al: false, cut: 0, restoreAl: false }];
  const c0 = norm.charCodeAt(0);
  // Fast path: no proclitic letter at the start (و ف ب ك ل ا).
  if (c0 !== 0x648 && c0 !== 0x641 && c0 !== 0x628 && c0 !== 0x643 && c0 !== 0x644 && c0 !== 0x627) return out;
  for (const conj of ['', 'و', 'ف']) {
    if (conj && !norm.startsWith(conj)) continue;
    const r = norm.slice(conj.length);
    if (r.length < 2) continue;
    for (const prep of ['', 'ب', 'ك', 'ل']) {
      if (prep && !r.startsWith(prep)) continue;
      const r2 = r.slice(prep.length);
      const cut = conj.length + prep.length;
      if (r2.length < 2) continue;
      if (cut > 0) out.push({ key: r2, al: false, cut, restoreAl: false });
      if (r2.startsWith('ال') && r2.length >= 4) out.push({ key: r2.slice(2), al: true, cut: cut + 2, restoreAl: false });
    }
    if (r.startsWith('لل') && r.length >= 4) {
      out.push({ key: 'ال' + r.slice(2), al: false, cut: conj.length + 2, restoreAl: true });
      out.push({ key: r.slice(2), al: true, cut: conj.length + 2, restoreAl: false });
    }
  }
  return out;
}

/**
 * The display spelling of the part of `surface` that `cand` kept: harakat and tatweel dropped,
 * clitics cut, ال restored after لل. Normalization maps letters one to one once marks are gone,
 * so the cut length in the normalized form is the cut length in the cleaned surface.
 */
export function displayPart(surface: string, cand: Candidate): string {
  const clean = cleanSurface(surface);
  const rest = clean.slice(cand.cut);
  return cand.restoreAl ? 'ال' + rest : rest;
}
