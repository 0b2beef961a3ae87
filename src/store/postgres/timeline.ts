/**
 * The PostgreSQL side of timelines and co-mentions: the port of store/sqlite/timeline.ts,
 * the same plain reads (store/timeline.ts decides everything else, for both backends).
 */
import type { MentionRow, TimelineSource } from '../timeline.ts';
import type { TxScope } from './db.ts';

const STORY = "coalesce(a.story_id, 'a:' || a.id)";

export class PgTimeline implements TimelineSource {
  constructor(private readonly scope: TxScope) {}

  private get db() {
    return this.scope.db();
  }

  async mentionRows(entityIds: string[]): Promise<MentionRow[]> {
    const r = await this.db.query<MentionRow>(
      // Each story's earliest date is aggregated once per story (not a subquery per row).
      `WITH m AS MATERIALIZED (
         SELECT e.id AS entity, a.id AS article, a.story_id, a.published_at
         FROM entities e JOIN article_entities ae ON ae.ent = e.eid JOIN articles a ON a.seq = ae.seq
         WHERE e.id = ANY($1::text[])
       ), s AS (
         SELECT b.story_id, min(b.published_at) AS first FROM articles b
         WHERE b.story_id IN (SELECT DISTINCT story_id FROM m WHERE story_id IS NOT NULL) GROUP BY b.story_id
       )
       SELECT m.entity, m.article, coalesce(m.story_id, 'a:' || m.article) AS story, m.published_at AS published,
         CASE WHEN m.story_id IS NULL THEN m.published_at ELSE s.first END AS "storyPublished"
       FROM m LEFT JOIN s ON s.story_id = m.story_id`,
      [[...new Set(entityIds)]],
    );
    return r.rows;
  }

  async comentionCounts(entityId: string): Promise<Array<{ id: string; name: string; type: string; together: number }>> {
    const r = await this.db.query<{ id: string; name: string; type: string; together: number }>(
      `WITH mine AS (
         SELECT a.id, a.seq, a.story_id FROM entities e JOIN article_entities ae ON ae.ent = e.eid JOIN articles a ON a.seq = ae.seq WHERE e.id = $1
       ), arts AS (
         SELECT b.seq, b.story_id AS story FROM articles b WHERE b.story_id IN (SELECT story_id FROM mine WHERE story_id IS NOT NULL)
         UNION ALL
         SELECT seq, 'a:' || id FROM mine WHERE story_id IS NULL
       )
       SELECT e.id, e.name, e.type, count(DISTINCT arts.story)::int AS together
       FROM arts JOIN article_entities ae ON ae.seq = arts.seq JOIN entities e ON e.eid = ae.ent
       WHERE e.id <> $1 GROUP BY e.eid, e.id, e.name, e.type`,
      [entityId],
    );
    return r.rows;
  }

  async storyCounts(entityIds: string[]): Promise<Map<string, number>> {
    const ids = [...new Set(entityIds)];
    const r = await this.db.query<{ id: string; n: number }>(
      `SELECT e.id, count(DISTINCT ${STORY})::int AS n FROM entities e JOIN article_entities ae ON ae.ent = e.eid JOIN articles a ON a.seq = ae.seq
       WHERE e.id = ANY($1::text[]) GROUP BY e.id`,
      [ids],
    );
    const out = new Map(ids.map((id) => [id, 0]));
    for (const x of r.rows) out.set(x.id, x.n);
    return out;
  }

  async totalStories(): Promise<number> {
    const r = await this.db.query<{ n: number }>(
      'SELECT ((SELECT count(DISTINCT story_id) FROM articles WHERE story_id IS NOT NULL) + (SELECT count(*) FROM articles WHERE story_id IS NULL))::int AS n',
    );
    return r.rows[0]?.n ?? 0;
  }
}
