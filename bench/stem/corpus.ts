/**
 * Reads the SaudiNewsNet daily ZIPs of ../shared/corpus (fflate unzipSync) into plain
 * records, for the stemmer and analyzer benchmarks and the scripts that derive word lists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';

export interface CorpusArticle {
  source: string;
  url: string;
  title: string;
  content: string;
}

export const CORPUS_DIR = new URL('../../../shared/corpus/saudinewsnet/', import.meta.url);

/** The ZIP file names of the corpus, sorted by date. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.zip'))
    .sort();
}

/** Articles of one daily ZIP (or of the first `limit` files when a number is given). */
export function readCorpus(files: string[] = corpusFiles()): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  for (const f of files) {
    const entries = unzipSync(readFileSync(new URL(f, CORPUS_DIR)));
    for (const data of Object.values(entries)) {
      const arr = JSON.parse(strFromU8(data)) as CorpusArticle[];
      for (const a of arr) out.push({ source: a.source, url: a.url, title: a.title ?? '', content: a.content ?? '' });
    }
  }
  return out;
}
