/**
 * Whether two databases filled by bench/ingest hold the same grouping: every entry's story
 * and copy group, the stories' records, the edges (count, score sum, and each pair, kind and
 * score), the kept related lists and the articles' mirrored grouping. Used with `--base`, to
 * show that a change of the writer's speed left its outcomes as they were.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

const QUERIES: Record<string, string> = {
  entries: "SELECT id, story_id, ifnull(duplicate_of, '') FROM story_entries ORDER BY id",
  stories: "SELECT id, title, first_seen, last_seen, original_id, ifnull(original_outlet, ''), outlets, article_count FROM stories ORDER BY id",
  edges: 'SELECT x.id, y.id, e.kind, e.score FROM story_edges e JOIN story_entries x ON x.eid = e.a JOIN story_entries y ON y.eid = e.b ORDER BY 1, 2',
  related: 'SELECT e.id, r.floor, r.list FROM story_related r JOIN story_entries e ON e.eid = r.eid ORDER BY 1',
  articles: "SELECT id, ifnull(story_id, ''), ifnull(duplicate_of, '') FROM articles ORDER BY id",
};

export interface Summary {
  entries: number;
  stories: number;
  copies: number;
  edges: number;
  edgeScoreSum: number;
  /** A digest of each query's rows. */
  digests: Record<string, string>;
}

export function summarize(file: string): Summary {
  const db = new Database(file, { readonly: true });
  try {
    const n = db.prepare('SELECT count(*) AS n, count(DISTINCT story_id) AS s, sum(duplicate_of IS NOT NULL) AS c FROM story_entries').get() as { n: number; s: number; c: number };
    const e = db.prepare('SELECT count(*) AS n, total(score) AS sum FROM story_edges').get() as { n: number; sum: number };
    const digests: Record<string, string> = {};
    for (const [name, sql] of Object.entries(QUERIES)) {
      const h = createHash('sha256');
      for (const row of db.prepare(sql).raw().iterate()) h.update(JSON.stringify(row) + '\n');
      digests[name] = h.digest('hex').slice(0, 12);
    }
    return { entries: n.n, stories: n.s, copies: n.c ?? 0, edges: e.n, edgeScoreSum: e.sum, digests };
  } finally {
    db.close();
  }
}

/** One line per database, and whether everything is equal. */
export function compare(base: string, mine: string): { same: boolean; lines: string[] } {
  const [a, b] = [summarize(base), summarize(mine)];
  const line = (label: string, s: Summary): string =>
    `${label}: ${s.entries} entries, ${s.stories} stories, ${s.copies} copies, ${s.edges} edges (score sum ${s.edgeScoreSum.toFixed(9)}); ` +
    Object.entries(s.digests)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  return { same: JSON.stringify(a) === JSON.stringify(b), lines: [line('base', a), line('this', b)] };
}
