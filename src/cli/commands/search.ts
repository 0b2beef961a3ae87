/**
 * `marsad search "<query>" [--db PATH] [--limit N] [--json]` and
 * `marsad search --stdin --json`: one query per input line, one JSON line per query:
 * `{"query", "total", "notice"?, "results": [{id, url, title, outlet, publishedAt, score,
 * snippet}]}`, the snippet's matched words wrapped in `[` `]`. A bad query is never an
 * error: it gives no results and a `notice`.
 */
import { createInterface } from 'node:readline';
import { loadConfig } from '../../config.ts';
import { openStore, type SearchQuery, type SearchResult, type Store } from '../../store/index.ts';
import { markSnippet } from '../../search/snippet.ts';

export interface SearchOpts {
  db?: string;
  limit: string;
  offset: string;
  json?: boolean;
  csv?: boolean;
  stdin?: boolean;
  outlet?: string;
  from?: string;
  to?: string;
  tag?: string;
  recent?: boolean;
}

function jsonLine(query: string, r: SearchResult): string {
  return JSON.stringify({
    query,
    total: r.total,
    ...(r.notice ? { notice: r.notice } : {}),
    results: r.hits.map((h) => ({
      id: h.id,
      url: h.url,
      title: h.title,
      outlet: h.outlet,
      publishedAt: h.publishedAt,
      score: h.score,
      snippet: markSnippet(h),
    })),
  });
}

function human(query: string, r: SearchResult, offset: number): string {
  const lines = [`«${query}»: ${r.total} result(s)${r.notice ? `\n  ${r.notice}` : ''}`];
  const bold = process.stdout.isTTY ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
  r.hits.forEach((h, i) => {
    lines.push(`${offset + i + 1}. ${h.title}`);
    lines.push(`   ${[h.outlet, h.publishedAt?.slice(0, 10), `score ${h.score}`].filter(Boolean).join(' · ')}`);
    if (h.url) lines.push(`   ${h.url}`);
    lines.push(`   ${markSnippet(h, bold[0], bold[1])}`);
  });
  return lines.join('\n') + '\n';
}

export async function runSearch(query: string | undefined, o: SearchOpts): Promise<void> {
  if (!o.stdin && query === undefined) throw new Error('search: give a query, or --stdin');
  const config = loadConfig({ db: o.db });
  const store: Store = await openStore(config.db, { mustExist: true });
  const offset = Math.max(0, Number(o.offset) || 0);
  const base: Omit<SearchQuery, 'q'> = {
    limit: Number(o.limit) || 10,
    offset,
    outlet: o.outlet ?? null,
    from: o.from ?? null,
    to: o.to ?? null,
    tag: o.tag ?? null,
    recency: o.recent ?? false,
  };
  if (o.csv && o.json) throw new Error('search: --json and --csv are exclusive');
  const csv = o.csv ? await import('../../export/csv.ts') : null;
  let first = true;
  const run = async (q: string): Promise<void> => {
    const r = await store.search({ ...base, q });
    if (csv) {
      // One table: the header (and BOM) once, a query column first.
      const doc = csv.searchCsv(r.hits, q);
      process.stdout.write(first ? doc : doc.slice(doc.indexOf('\r\n') + 2));
      first = false;
      return;
    }
    process.stdout.write(o.json ? jsonLine(q, r) + '\n' : human(q, r, offset));
  };
  try {
    if (query !== undefined) await run(query);
    if (o.stdin) {
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        if (line.trim()) await run(line);
      }
    }
  } finally {
    await store.close();
  }
}
