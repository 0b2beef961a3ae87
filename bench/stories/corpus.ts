/**
 * Loads the SaudiNewsNet corpus (../shared/corpus/saudinewsnet/*.zip) as Articles for the
 * stories benchmark and tests. Why here and not through ingest/: the bench must not depend
 * on an adapter being finished; this reads the six known fields and nothing else.
 * Contract: `date_extracted` (crawl time, `YYYY-MM-DD hh:mm:ss`, taken as UTC) becomes
 * `publishedAt`; `source` becomes `outlet`; articles with the same id (almadina's
 * `?weekly` URLs canonicalize to the bare URL) are kept once, first wins; the result is
 * sorted by time then id, so every run sees the same order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { makeArticle, type Article } from '../../src/model/article.ts';

export const CORPUS_DIR = new URL('../../../shared/corpus/saudinewsnet/', import.meta.url);

interface RawItem {
  source?: unknown;
  url?: unknown;
  date_extracted?: unknown;
  title?: unknown;
  author?: unknown;
  content?: unknown;
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** Decodes the few HTML entities the corpus carries (`&quot;`, `&#8220;`, `&#39;`). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function toIso(d: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(d.trim());
  return m ? `${m[1]}T${m[2]}Z` : null;
}

/** The articles of one day file (`2015-07-21.zip`). */
export function loadDay(file: string | URL): Article[] {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  const out: Article[] = [];
  for (const bytes of Object.values(files)) {
    const items = JSON.parse(strFromU8(bytes)) as RawItem[];
    for (const it of items) {
      out.push(
        makeArticle({
          url: str(it.url) || null,
          title: decodeEntities(str(it.title)),
          text: decodeEntities(str(it.content)),
          publishedAt: toIso(str(it.date_extracted)),
          outlet: str(it.source) || null,
          author: str(it.author) || null,
        }),
      );
    }
  }
  return out;
}

/** Every day file, or the first `days` of them; deduplicated by id, sorted by time then id. */
export function loadCorpus(days?: number, dir: URL = CORPUS_DIR): Article[] {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.zip'))
    .sort()
    .slice(0, days);
  const seen = new Map<string, Article>();
  for (const n of names) for (const a of loadDay(new URL(n, dir))) if (!seen.has(a.id)) seen.set(a.id, a);
  return [...seen.values()].sort(byTime);
}

export function byTime(a: Article, b: Article): number {
  const ta = a.publishedAt ?? '';
  const tb = b.publishedAt ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
