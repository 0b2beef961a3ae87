/**
 * Reads the saudinewsnet corpus (../shared/corpus/saudinewsnet/*.zip, one JSON array per
 * day) as plain {title, text} records, for the keyword benchmark and the df-table build.
 * Records with an empty title and text are skipped; HTML entities are left as they are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';

export interface CorpusArticle {
  source: string;
  url: string;
  title: string;
  text: string;
}

export const SAUDINEWSNET = new URL('../../../shared/corpus/saudinewsnet/', import.meta.url);

export function* readSaudiNewsNet(dir: URL = SAUDINEWSNET): Generator<CorpusArticle> {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.zip')).sort()) {
    const files = unzipSync(readFileSync(new URL(name, dir)));
    for (const bytes of Object.values(files)) {
      const rows = JSON.parse(strFromU8(bytes)) as Array<Record<string, string>>;
      for (const r of rows) {
        const title = (r.title ?? '').trim();
        const text = (r.content ?? '').trim();
        if (title || text) yield { source: r.source ?? '', url: r.url ?? '', title, text };
      }
    }
  }
}
