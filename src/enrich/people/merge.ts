/**
 * One id per person. The spans found in an article (find.ts) become people:
 * - spelling: `عبد الله`/`عبدالله` (and أبو/عبد joined to the next word), hamza, ى/ي, ة/ه are
 *   folded by `personKey`; so are transliteration variants of words that are not Arabic given
 *   names (`foldForeign`: ج/غ/ق as one letter, long vowels inside the word dropped, doubled
 *   letters single: شويجو/شويغو/شويقو, زيلينسكي/زيلنسكي, بزشكيان/بيزشكيان, ترامب/ترمب).
 *   Arabic given names that the fold would merge with another are kept as spelled, so حسن
 *   and حسين, قاسم and جاسم stay apart.
 * - one article: a shorter form merges into the one longer form that contains it word by word
 *   with the same first word (`محمد بن نايف` ⊂ `محمد بن نايف بن عبدالعزيز`); a one-word form
 *   (`الأمير متعب`, `شويغو`) into the one person whose first or last word it is; when two
 *   people could take it, it counts for neither.
 * - across articles: the id keeps, of a nasab chain, the first name and the father's name
 *   (`محمد بن نايف بن عبدالعزيز آل سعود` → person:محمد_بن_نايف) and a family name that ends it
 *   (`ماجد بن فهد السبيعي`, not `آل سعود`), so the longer and shorter nasab of one person meet.
 * - later mentions of the last name alone (`عن شويغو`, `وكيري`) count for the person.
 * Contract: pure; people in order of first mention.
 */
import { cleanSurface, cliticCandidates, type DocToken } from '../tokens.ts';
import type { NameSpan } from './find.ts';
import { foldForeign, isCommonNoun, type PeopleLexicon } from './lexicon.ts';

export { foldForeign };

export interface Person {
  id: string;
  name: string;
  role: string;
  /** Token index of the first mention. */
  first: number;
  mentions: number;
  titleMentions: number;
  /** Normalized tokens of the name (keywords skip them). */
  tokens: string[];
  /** Distinct spellings seen in the article (the name first). */
  aliases: string[];
}

const JOIN_NEXT = new Set(['عبد', 'ابو', 'ابي']);
const NASAB = new Set(['بن', 'بنت', 'ابن']);

/** The words of a name as compared: joined عبد/أبو, each word folded unless an Arabic given name. */
export function personKey(norms: readonly string[], lx: PeopleLexicon): string[] {
  const out: string[] = [];
  for (let i = 0; i < norms.length; i++) {
    let w = norms[i]!;
    if (JOIN_NEXT.has(w) && i + 1 < norms.length) w += norms[++i]!;
    if (w === 'الله' && out.length) {
      out[out.length - 1] += w;
      continue;
    }
    out.push(NASAB.has(w) || w === 'ال' || lx.arabic.has(w) || w.startsWith('عبد') ? (w === 'ابن' ? 'بن' : w) : foldForeign(w));
  }
  return out;
}

/** The id's words: a nasab chain cut after the father's name, a final family name kept, آل X dropped. */
export function idWords(key: readonly string[]): string[] {
  const k = key[0] === undefined ? [] : [...key];
  while (k.length > 2 && k[k.length - 2] === 'ال') k.splice(-2);
  const firstNasab = k.findIndex((w) => NASAB.has(w));
  if (firstNasab < 0 || firstNasab + 2 >= k.length) return k;
  const head = k.slice(0, firstNasab + 2);
  // A family name after the chain (… السبيعي، … نقلي) stays: it tells two namesakes apart.
  const family = !NASAB.has(k[k.length - 2]!);
  return family ? [...head, k[k.length - 1]!] : head;
}

/** True when `a`'s words appear in `b` in order, starting with the same word. */
function within(a: readonly string[], b: readonly string[]): boolean {
  if (a[0] !== b[0] || a.length > b.length) return false;
  let j = 0;
  for (const w of b) if (w === a[j]) j++;
  return j === a.length;
}

/** Particles of European family names (دي ماريا، فان جال، دا سيلفا). */
const PARTICLES = new Set(['دي', 'فان', 'فون', 'دا', 'دو', 'ديل', 'دل', 'لا']);

/**
 * Words that read as a transliterated family name of two words or more: a particle first (دي
 * ماريا), a foreign given name first (لويس بورخيس of خورخي لويس بورخيس), or a Turkish or Persian
 * patronymic last (داود أوغلو). Not an Arabic «father family» pair (محمد مرسي of عبد الله محمد
 * مرسي is his father), nor one with a nasab or آل (سعيد آل عطيان of هدى بنت سعيد آل عطيان).
 */
function foreignFamily(norms: readonly string[], lx: PeopleLexicon): boolean {
  if (norms.length < 2 || norms.some((w) => NASAB.has(w) || w === 'ال' || w.startsWith('ال'))) return false;
  return PARTICLES.has(norms[0]!) || lx.foreign.has(norms[0]!) || /(اوغلو|اغلو|زاده)$/.test(norms[norms.length - 1]!);
}

/** `a` is the end of `b`, shorter. */
function tail(a: readonly string[], b: readonly string[]): boolean {
  const off = b.length - a.length;
  return off > 0 && a.every((w, k) => b[off + k] === w);
}

interface Group {
  key: string[];
  spans: NameSpan[];
}

export function mergePeople(spans: NameSpan[], tokens: DocToken[], lx: PeopleLexicon): Person[] {
  const keyed = spans.map((s) => ({ s, key: personKey(s.norms, lx) }));
  const groups: Group[] = [];
  // Longest forms first, so shorter ones find the form they shorten.
  const multi = keyed.filter((x) => x.key.length >= 2).sort((a, b) => b.key.length - a.key.length || a.s.start - b.s.start);
  for (const x of multi) {
    // (… or the end of a longer form whose first word is written right before it: سيف | يوسف أحمد الفلاسي,
    // read apart where سيف was taken for «sword».)
    const before = x.s.start > 0 && !tokens[x.s.start]!.brk ? tokens[x.s.start - 1]!.norm : '';
    const fits = groups.filter((g) => within(x.key, g.key) || (before !== '' && g.key.length === x.key.length + 1 && g.spans.some((y) => y.norms[0] === before) && g.key.slice(1).join(' ') === x.key.join(' ')));
    // (… or, when nothing starts like it, the last words of one longer form when they are a
    // transliterated family name of two words: داود أوغلو ⊂ أحمد داود أوغلو, دي ماريا ⊂ أنخيل دي ماريا.)
    if (fits.length === 0 && foreignFamily(x.s.norms, lx)) fits.push(...groups.filter((g) => tail(x.key, g.key)));
    if (fits.length === 1) fits[0]!.spans.push(x.s);
    else if (fits.length === 0) groups.push({ key: x.key, spans: [x.s] });
    else {
      const same = fits.find((g) => g.key.join(' ') === x.key.join(' '));
      if (same) same.spans.push(x.s);
    }
  }
  const singles: Array<{ s: NameSpan; key: string[] }> = [];
  for (const x of keyed.filter((y) => y.key.length === 1)) {
    const w = x.key[0]!;
    const fits = groups.filter((g) => g.key[0] === w || g.key[g.key.length - 1] === w);
    if (fits.length === 1) fits[0]!.spans.push(x.s);
    else if (fits.length === 0) singles.push(x);
  }
  // A one-word name seen only alone (الرئيس أوباما): a person when found after a title.
  for (const x of singles) {
    const g = groups.find((y) => y.key.length === 1 && y.key[0] === x.key[0]);
    if (g) g.spans.push(x.s);
    else if ((x.s.via === 'title' || x.s.via === 'speaker') && (lx.given.has(x.s.norms[0]!) || lx.surname.has(x.s.norms[0]!) || lx.stats.df(x.s.norms[0]!) < 100)) {
      groups.push({ key: x.key, spans: [x.s] });
    }
  }

  const covered = new Set<number>();
  for (const g of groups) for (const s of g.spans) for (let k = s.start; k < s.end; k++) covered.add(k);
  const people: Person[] = groups.map((g) => {
    const longest = [...g.spans].sort((a, b) => b.norms.length - a.norms.length || a.start - b.start)[0]!;
    const aliases = [longest.surface, ...new Set(g.spans.map((s) => s.surface).filter((s) => s !== longest.surface))];
    const role = g.spans.find((s) => s.role && !/^(ال)?نظير/.test(s.role))?.role ?? g.spans.find((s) => s.role)?.role ?? '';
    return {
      id: 'person:' + idWords(g.key).join('_'),
      name: longest.surface,
      role,
      first: Math.min(...g.spans.map((s) => s.start)),
      mentions: g.spans.length,
      titleMentions: g.spans.filter((s) => tokens[s.start]!.seg === 0).length,
      tokens: [...new Set(g.spans.flatMap((s) => s.norms))],
      aliases,
    };
  });

  // Bare last-name mentions (عن شويغو، وكيري، الجبير), when only one person has that last word.
  const lastOf = new Map<string, Person | null>();
  groups.forEach((g, k) => {
    const last = g.spans.reduce((a, b) => (b.norms.length > a.norms.length ? b : a)).norms;
    const w = last[last.length - 1]!;
    if (w.length < (g.key.length < 2 ? 4 : 3) || (w.startsWith('ال') && isCommonNoun(lx, w.slice(2))) || lx.given.has(w)) return;
    lastOf.set(w, lastOf.has(w) && lastOf.get(w) !== people[k] ? null : people[k]!);
  });
  if (lastOf.size) {
    const lasts = [...lastOf.keys()];
    for (let i = 0; i < tokens.length; i++) {
      if (covered.has(i)) continue;
      const norm = tokens[i]!.norm;
      if (!lasts.some((w) => norm.endsWith(w))) continue;
      for (const c of cliticCandidates(norm)) {
        if (c.al) continue;
        const p = lastOf.get(c.key);
        if (!p) continue;
        p.mentions++;
        if (tokens[i]!.seg === 0) p.titleMentions++;
        p.first = Math.min(p.first, i);
        const alias = cleanSurface(tokens[i]!.surface).slice(c.cut);
        if (!p.aliases.includes(alias)) p.aliases.push(alias);
        break;
      }
    }
  }
  // Two spans of one article may still share an id (two forms merged only by the id's cut).
  const byId = new Map<string, Person>();
  for (const p of people) {
    const q = byId.get(p.id);
    if (!q) byId.set(p.id, p);
    else {
      q.mentions += p.mentions;
      q.titleMentions += p.titleMentions;
      q.first = Math.min(q.first, p.first);
      if (p.name.split(' ').length > q.name.split(' ').length) q.name = p.name;
      q.aliases = [q.name, ...new Set([...q.aliases, ...p.aliases].filter((a) => a !== q.name))];
      q.tokens = [...new Set([...q.tokens, ...p.tokens])];
      q.role ||= p.role;
    }
  }
  return [...byId.values()].sort((a, b) => a.first - b.first);
}
