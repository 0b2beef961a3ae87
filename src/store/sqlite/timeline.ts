/**
 * The SQLite side of timelines and co-mentions (store/timeline.ts decides everything else):
 * plain reads over the entity index (article_entities, its primary key leads with the
 * entity) and the articles' story ids (the partial index articles_story). Nothing is
 * written and no table is added: the counts are exact at read time, whatever was
 * regrouped since.
 */
import type Database from 'better-sqlite3';
import type { MentionRow, TimelineSource } from '../timeline.ts';

/** The story key of an article row `a`: its story, or the article itself when not grouped. */
const STORY = "coalesce(a.story_id, 'a:' || a.id)";

export class SqliteTimeline implements TimelineSource {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    const p = <T = unknown>(sql: string) => db.prepare<unknown[], T>(sql);
    this.q = {
      mentions: p<MentionRow>(
        `SELECT e.id AS entity, a.id AS article, ${STORY} AS story, a.published_at AS published,
           CASE WHEN a.story_id IS NULL THEN a.published_at
                ELSE (SELECT min(b.published_at) FROM articles b WHERE b.story_id = a.story_id) END AS storyPublished
         FROM entities e JOIN article_entities ae ON ae.ent = e.eid JOIN articles a ON a.seq = ae.seq
         WHERE e.id = ?`,
      ),
      comentions: p<{ id: string; name: string; type: string; together: number }>(
        `WITH mine AS (
           SELECT a.id, a.seq, a.story_id FROM entities e JOIN article_entities ae ON ae.ent = e.eid JOIN articles a ON a.seq = ae.seq WHERE e.id = @id
         ), arts AS (
           SELECT b.seq, b.story_id AS story FROM articles b WHERE b.story_id IN (SELECT story_id FROM mine WHERE story_id IS NOT NULL)
           UNION ALL
           SELECT seq, 'a:' || id FROM mine WHERE story_id IS NULL
         )
         SELECT e.id, e.name, e.type, count(DISTINCT arts.story) AS together
         FROM arts JOIN article_entities ae ON ae.seq = arts.seq JOIN entities e ON e.eid = ae.ent
         WHERE e.id <> @id GROUP BY e.eid`,
      ),
      storyCount: p<number>(
        `SELECT count(DISTINCT ${STORY}) FROM entities e JOIN article_entities ae ON ae.ent = e.eid JOIN articles a ON a.seq = ae.seq WHERE e.id = ?`,
      ).pluck(),
      total: p<number>(
        "SELECT (SELECT count(DISTINCT story_id) FROM articles WHERE story_id IS NOT NULL) + (SELECT count(*) FROM articles WHERE story_id IS NULL)",
      ).pluck(),
    };
  }

  mentionRows(entityIds: string[]): Promise<MentionRow[]> {
    return Promise.resolve([...new Set(entityIds)].flatMap((id) => this.q.mentions.all(id)));
  }

  comentionCounts(entityId: string): Promise<Array<{ id: string; name: string; type: string; together: number }>> {
    return Promise.resolve(this.q.comentions.all({ id: entityId }));
  }

  storyCounts(entityIds: string[]): Promise<Map<string, number>> {
    return Promise.resolve(new Map([...new Set(entityIds)].map((id) => [id, this.q.storyCount.get(id) ?? 0])));
  }

  totalStories(): Promise<number> {
    return Promise.resolve(this.q.total.get() ?? 0);
  }
}
