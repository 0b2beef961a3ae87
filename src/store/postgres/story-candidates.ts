/**
 * An arrival's three candidate lookups (src/stories/stable.ts `candidates`: the same exact
 * key, a shared LSH band within the duplicate window, every holder of each voting key within
 * the story window) in one statement, for the PostgreSQL story index (stories.ts), where
 * they were three round trips per article. Each part reads as `byExact`, `byBands` and
 * `allByKeys` read alone.
 */
import type { CandidateQuery } from '../../stories/index.ts';
import { bandInt, clampTime } from '../story-rows.ts';
import type { Db } from './db.ts';

export async function candidateIds(db: Db, q: CandidateQuery): Promise<{ exact: string[]; bands: string[]; keys: Map<string, string[]> }> {
  const keys = new Map<string, string[]>(q.keys.map((k) => [k, []]));
  const r = await db.query<{ part: string; key: string | null; id: string }>(
    `SELECT 'x' AS part, NULL AS key, id FROM story_entries WHERE $1::text IS NOT NULL AND exact = $1
     UNION ALL
     (SELECT DISTINCT 'b', NULL, e.id FROM story_bands b JOIN story_entries e ON e.eid = b.eid WHERE b.band = ANY($2::bigint[]) AND b.time BETWEEN $3 AND $4)
     UNION ALL
     SELECT 'k', d.key, e.id FROM story_keydict d JOIN story_keys k ON k.kid = d.kid JOIN story_entries e ON e.eid = k.eid
     WHERE d.key = ANY($5::text[]) AND k.time BETWEEN $6 AND $7`,
    [q.exact || null, q.bands.map(bandInt), clampTime(q.bandsFrom), clampTime(q.bandsTo), [...keys.keys()], clampTime(q.keysFrom), clampTime(q.keysTo)],
  );
  const exact: string[] = [];
  const bands: string[] = [];
  for (const row of r.rows) {
    if (row.part === 'x') exact.push(row.id);
    else if (row.part === 'b') bands.push(row.id);
    else keys.get(row.key!)?.push(row.id);
  }
  return { exact, bands, keys };
}
