/**
 * `marsad stories [--since DATE] [--until DATE] [--outlet NAME] [--limit N] [--db PATH]
 * [--json]`: stories newest first (by first publication), each with `id`, `title`,
 * `firstSeen`, `lastSeen`, `outlets` (in order of first publication), `articleIds` (time
 * order) and `originalOutlet` (the earliest outlet: the likely original). --json prints
 * one JSON array. Without --limit every matching story is printed.
 */
import { loadConfig } from '../../config.ts';
import { openStore } from '../../store/index.ts';
import type { StorySummary } from '../../web/types.ts';

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO date or date-time, as a UTC ISO string (bare dates stay bare); throws when malformed. */
export function isoBound(flag: string, v: string | undefined): string | null {
  if (v === undefined) return null;
  if (!DATE.test(v) || Number.isNaN(Date.parse(v))) throw new Error(`${flag}: not a date (YYYY-MM-DD or ISO date-time): ${v}`);
  return v.length === 10 ? v : new Date(v).toISOString();
}

export interface StoriesOpts {
  db?: string;
  since?: string;
  until?: string;
  outlet?: string;
  limit?: string;
  json?: boolean;
}

export async function runStories(o: StoriesOpts): Promise<void> {
  const from = isoBound('--since', o.since);
  const to = isoBound('--until', o.until);
  const max = o.limit === undefined ? Infinity : Number(o.limit);
  if (!(max >= 1) || (Number.isFinite(max) && !Number.isInteger(max))) throw new Error(`--limit: not a positive integer: ${o.limit}`);
  const store = await openStore(loadConfig({ db: o.db }).db, { mustExist: true });
  try {
    const out: StorySummary[] = [];
    for (let offset = 0; out.length < max; ) {
      const page = await store.listStories({ from, to, outlet: o.outlet ?? null, offset, limit: Math.min(1000, max - out.length) });
      out.push(...page);
      offset += page.length;
      if (page.length === 0 || offset >= 100_000) break;
    }
    if (o.json) {
      const rows = out.map((s) => ({ id: s.id, title: s.title, firstSeen: s.firstSeen, lastSeen: s.lastSeen, outlets: s.outlets, articleIds: s.articleIds, originalOutlet: s.originalOutlet }));
      process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      return;
    }
    for (const s of out) {
      process.stdout.write(`${(s.firstSeen ?? "").slice(0, 16).replace('T', ' ')}  ${s.title}\n   ${s.id} · ${s.articleIds.length} article(s) · ${s.outlets.join('، ') || '—'} · first: ${s.originalOutlet ?? '—'}\n`);
    }
  } finally {
    await store.close();
  }
}
