/**
 * Tags of a JSON corpus item: an explicit `tags`/`keywords` field (an array, or a string
 * separated by `,` `،` `;` `؛` `|`), and a tag line glued to the end of the body.
 * 3alyoum (saudinewsnet) ends ~1,280 bodies with `… سمات النصر الهلال لندن`: the words
 * after `سمات` ("labels") are the page's keywords, space-separated, and some are several
 * words long (`خالد آل سعود`, `هيئة التحقيق والادعاء العام`). Splitting on spaces would
 * break those, so the line is segmented by the longest run of words that also occurs,
 * in that order, in the title or body (compared after Arabic normalization, a proclitic
 * allowed on its first word); a word that starts no such run is a tag by itself. The
 * lines are sorted (code-point order), so a segment that sorts before the one it follows
 * is glued to it: `علي صالح`, `كيم كاردشيان`, where the body spells the name differently.
 */
import { normalize } from '../../arabic/index.ts';

/** Separators of a tag string (spaces are not: tags may be several words long). */
const TAG_SEPARATORS = /[,،;؛|\n]+/;
/** Punctuation trimmed off the ends of a tag (quotes are kept: they may be balanced). */
const EDGE_PUNCT = /^[\s.,،:;؛!?؟…\-–—]+|[\s.,،:;؛!?؟…\-–—]+$/g;
/** The longest multi-word tag tried when segmenting a tag line. */
const MAX_TAG_WORDS = 6;
/** A tag line has at most this many words; a longer tail is prose, not tags. */
const MAX_LINE_WORDS = 30;

function tidy(tag: string): string {
  return tag.replace(/[\u00A0\s]+/g, ' ').replace(EDGE_PUNCT, '');
}

/** Appends tags to `into`, skipping empties and repeats (compared normalized). */
export function addTags(into: string[], tags: Iterable<string>): string[] {
  const seen = new Set(into.map((t) => normalize(t)));
  for (const raw of tags) {
    const t = tidy(raw);
    const key = normalize(t);
    if (!t || seen.has(key)) continue;
    seen.add(key);
    into.push(t);
  }
  return into;
}

/** Tags from an explicit field value: an array of strings or `{name|term|label}`, or a string. */
export function tagsFromField(value: unknown): string[] {
  if (typeof value === 'string') return addTags([], value.split(TAG_SEPARATORS));
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) {
    if (typeof v === 'string') addTags(out, v.split(TAG_SEPARATORS));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const name = o.name ?? o.term ?? o.label ?? o.title;
      if (typeof name === 'string') addTags(out, [name]);
    }
  }
  return out;
}

/** Words folded for matching: normalized, non-letters/digits removed. */
function fold(s: string): string {
  return normalize(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Proclitics a phrase may carry in running text: `والهواتف الذكية`, `للهواتف الذكية`. */
const CLITIC = /^(?:[وف]?(?:[بلك]|ال|بال|كال|لل)?|[وف])$/;

/** True if `phrase` occurs in `hay` as whole words, its first word possibly with a proclitic. */
function occursWithClitic(hay: string, phrase: string): boolean {
  const bare = phrase.startsWith('ال') ? phrase.slice(2) : phrase;
  for (let k = hay.indexOf(`${bare} `); k !== -1; k = hay.indexOf(`${bare} `, k + 1)) {
    const start = hay.lastIndexOf(' ', k - 1) + 1;
    const pre = hay.slice(start, k);
    if (bare !== phrase ? pre === 'ال' || /^[وف]?(?:ال|بال|كال|لل)$/.test(pre) : CLITIC.test(pre)) return true;
  }
  return false;
}

/** Segments a space-separated tag line into tags, by longest runs found in `context`. */
export function segmentTagLine(line: string, context: string): string[] {
  const words = line.split(/\s+/).filter((w) => fold(w) !== '');
  const hay = ` ${fold(context)} `;
  const tags: string[] = [];
  for (let i = 0; i < words.length; ) {
    let j = Math.min(words.length, i + MAX_TAG_WORDS);
    for (; j > i + 1; j--) {
      if (occursWithClitic(hay, fold(words.slice(i, j).join(' ')))) break;
    }
    const tag = words.slice(i, j).join(' ');
    // The line is sorted: a segment that sorts before the previous one continues it.
    const prev = tags[tags.length - 1];
    if (prev !== undefined && sortKey(tag) < sortKey(prev)) tags[tags.length - 1] = `${prev} ${tag}`;
    else tags.push(tag);
    i = j;
  }
  return tags;
}

/** The order 3alyoum's tag lines follow: code points, Latin case folded. */
function sortKey(tag: string): string {
  return tag.toLowerCase();
}

/**
 * Splits a trailing `سمات …` tag line off a cleaned body. The marker must be a word of the
 * last paragraph, followed by 1 to MAX_LINE_WORDS words that do not end a sentence (a tag
 * line ends with a word, prose ends with `.`); otherwise the body is returned unchanged.
 * On saudinewsnet this matches 1,279 bodies, all 3alyoum, and no other outlet's text.
 */
export function splitTagLine(text: string, title: string): { text: string; tags: string[] } {
  const at = text.lastIndexOf('سمات');
  if (at < 0) return { text, tags: [] };
  const after = text.slice(at + 'سمات'.length);
  if ((at > 0 && !/\s/.test(text[at - 1]!)) || !/^\s/.test(after) || after.includes('\n')) return { text, tags: [] };
  const line = after.trim();
  const count = line ? line.split(/\s+/).length : 0;
  if (count === 0 || count > MAX_LINE_WORDS || /[.!?؟:]$/.test(line)) return { text, tags: [] };
  const body = text.slice(0, at).trimEnd();
  return { text: body, tags: addTags([], segmentTagLine(line, `${title}\n${body}`)) };
}
