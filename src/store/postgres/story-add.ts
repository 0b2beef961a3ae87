/**
 * How the PostgreSQL story index (stories.ts) writes entries: one entry with its LSH bands,
 * lookup keys and article row (`insertEntry`), or a worker's whole chunk added unlinked
 * (story id `''`, src/stories/link.ts) in one statement, numbered in the order given
 * (`insertUnlinked`; its keys already in the dictionary, `addKeys`). An id held already is
 * skipped by both.
 */
import type { Db } from './db.ts';
import type { StoryEntry } from '../../stories/index.ts';
import { bandInt, clampTime, daysText, join, shinglesToBlob as toBytes } from '../story-rows.ts';

/** Inserts the unlinked entries not held yet; the ids inserted. */
export async function insertUnlinked(db: Db, entries: readonly StoryEntry[]): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const col = <T>(f: (e: StoryEntry) => T) => entries.map(f);
  const bandOf: string[] = [];
  const bands: number[] = [];
  const keyOf: string[] = [];
  const keys: string[] = [];
  for (const e of entries) {
    for (const b of new Set(e.bands.map(bandInt))) {
      bandOf.push(e.id);
      bands.push(b);
    }
    for (const k of new Set(e.keys)) {
      keyOf.push(e.id);
      keys.push(k);
    }
  }
  const r = await db.query<{ id: string }>(
    `WITH x AS (
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::bytea[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[]) WITH ORDINALITY
         AS x (id, time, outlet, title, exact, shingles, terms, title_terms, lede_terms, entities, days, ord)),
     ins AS (
       INSERT INTO story_entries (id, time, outlet, title, exact, shingles, terms, title_terms, lede_terms, entities, story_id, duplicate_of, days)
       SELECT id, time, outlet, title, exact, shingles, terms, title_terms, lede_terms, entities, '', NULL, days FROM x ORDER BY ord
       ON CONFLICT (id) DO NOTHING RETURNING eid, id, time),
     bands AS (
       INSERT INTO story_bands (band, time, eid)
       SELECT b.band, ins.time, ins.eid FROM ins JOIN unnest($12::text[], $13::bigint[]) AS b (id, band) ON b.id = ins.id
       ON CONFLICT DO NOTHING),
     keys AS (
       INSERT INTO story_keys (kid, time, eid)
       SELECT d.kid, ins.time, ins.eid FROM ins JOIN unnest($14::text[], $15::text[]) AS k (id, key) ON k.id = ins.id JOIN story_keydict d ON d.key = k.key
       ON CONFLICT DO NOTHING)
     SELECT id FROM ins`,
    [
      col((e) => e.id), col((e) => clampTime(e.time)), col((e) => e.outlet), col((e) => e.title), col((e) => e.exact), col((e) => toBytes(e.shingles)),
      col((e) => join(e.terms)), col((e) => join(e.titleTerms)), col((e) => join(e.ledeTerms)), col((e) => join(e.entities)), col((e) => daysText(e.days)),
      bandOf, bands, keyOf, keys,
    ],
  );
  return new Set(r.rows.map((x: { id: string }) => x.id));
}

/**
 * One statement: the entry (nothing when its id is held), LSH bands, lookup keys and the
 * article row's grouping (not for an entry added unlinked, story id `''`: its link sets
 * it, src/stories/link.ts). False when the id was held already.
 */
export async function insertEntry(db: Db, e: StoryEntry): Promise<boolean> {
  const time = clampTime(e.time);
  const r = await db.query<{ eid: string | null }>(
    `WITH ins AS (
       INSERT INTO story_entries (id, time, outlet, title, exact, shingles, terms, title_terms, lede_terms, entities, story_id, duplicate_of, days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $15) ON CONFLICT (id) DO NOTHING RETURNING eid),
     bands AS (INSERT INTO story_bands (band, time, eid) SELECT b, $2, ins.eid FROM ins, unnest($13::bigint[]) b ON CONFLICT DO NOTHING),
     kd AS (
       INSERT INTO story_keydict (key) SELECT k FROM unnest($14::text[]) k WHERE EXISTS (SELECT 1 FROM ins) ORDER BY 1
       ON CONFLICT DO NOTHING RETURNING kid),
     keys AS (
       INSERT INTO story_keys (kid, time, eid)
       SELECT x.kid, $2, ins.eid FROM ins, (SELECT kid FROM kd UNION ALL SELECT kid FROM story_keydict WHERE key = ANY($14::text[])) x
       ON CONFLICT DO NOTHING),
     art AS (
       UPDATE articles SET story_id = $11, duplicate_of = $12
       WHERE id = $1 AND $11 <> '' AND EXISTS (SELECT 1 FROM ins) AND (story_id IS DISTINCT FROM $11 OR duplicate_of IS DISTINCT FROM $12))
     SELECT (SELECT eid FROM ins)::text AS eid`,
    [
      e.id, time, e.outlet, e.title, e.exact, toBytes(e.shingles), join(e.terms), join(e.titleTerms), join(e.ledeTerms), join(e.entities), e.storyId, e.duplicateOf,
      [...new Set(e.bands.map(bandInt))], [...new Set(e.keys)], daysText(e.days),
    ],
  );
  return r.rows[0]?.eid !== null && r.rows[0]?.eid !== undefined;
}
