/**
 * `marsad timeline ENTITY [ENTITY…] [--by day|week|month] [--since D] [--until D]
 * [--unit story|article] [--json|--csv]`: how often each entity is mentioned per bucket,
 * and `all`, the units mentioning every given entity. --json prints
 * `{entities: [{id, name}], unit, by, buckets: [{start, counts: {<id>: n}, all}], totals}`
 * (definitions in src/store/timeline.ts: stories by default, so wire copies count once;
 * empty buckets present).
 *
 * `marsad comention ENTITY [--limit N] [--json|--csv]`: the entities most often in the
 * same stories, with `together`, their own `stories` and `lift`; `marsad comention A B`:
 * the stories mentioning both, newest first.
 *
 * Entities are ids (country:IR) or names in any spelling `marsad entity` resolves. An
 * unknown entity or a bad option is an error naming it (exit code 1).
 */
import { loadConfig } from '../../config.ts';
import { openStore } from '../../store/index.ts';
import type { TimelineBy, TimelineUnit } from '../../store/timeline.ts';
import { comentionsCsv, storiesTogetherCsv, timelineCsv } from '../../export/csv.ts';

export interface TimelineOpts {
  db?: string;
  by: string;
  unit: string;
  since?: string;
  until?: string;
  json?: boolean;
  csv?: boolean;
}

export interface ComentionOpts {
  db?: string;
  limit: string;
  json?: boolean;
  csv?: boolean;
}

function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : s + '\n');
}

export async function runTimeline(names: string[], o: TimelineOpts): Promise<void> {
  if (o.json && o.csv) throw new Error('timeline: --json and --csv are exclusive');
  const store = await openStore(loadConfig({ db: o.db }).db, { mustExist: true });
  try {
    const t = await store.timeline({ entities: names, by: o.by as TimelineBy, unit: o.unit as TimelineUnit, since: o.since ?? null, until: o.until ?? null });
    if (o.json) return out(JSON.stringify(t, null, 2));
    if (o.csv) return void process.stdout.write(timelineCsv(t));
    const cols = [...t.entities.map((e) => e.name), t.entities.length > 1 ? 'all' : ''].filter(Boolean);
    const units = t.unit === 'story' ? 'stories' : 'articles';
    out(`${units} per ${t.by}: ${t.entities.map((e) => `${e.name} (${e.id})`).join(', ')}`);
    out(['start     ', ...cols].join('  '));
    for (const b of t.buckets) {
      const cells = t.entities.map((e, i) => String(b.counts[e.id]).padStart(cols[i]!.length));
      if (t.entities.length > 1) cells.push(String(b.all).padStart(3));
      out([b.start, ...cells].join('  '));
    }
    const undated = t.entities.map((e) => t.totals.undated[e.id] ?? 0);
    if (undated.some((n) => n > 0)) out(`undated ${units} (in no bucket): ${t.entities.map((e, i) => `${e.name} ${undated[i]}`).join(', ')}`);
  } finally {
    await store.close();
  }
}

export async function runComention(names: string[], o: ComentionOpts): Promise<void> {
  if (o.json && o.csv) throw new Error('comention: --json and --csv are exclusive');
  const limit = Number(o.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error(`--limit: not an integer from 1 to 1000: ${o.limit}`);
  if (names.length < 1 || names.length > 2) throw new Error(`comention: give one entity (its co-mentioned entities) or two (their stories together), not ${names.length}`);
  const store = await openStore(loadConfig({ db: o.db }).db, { mustExist: true });
  try {
    if (names.length === 1) {
      const c = await store.comentions(names[0]!, limit);
      if (o.json) return out(JSON.stringify(c, null, 2));
      if (o.csv) return void process.stdout.write(comentionsCsv(c));
      out(`${c.entity.name} (${c.entity.id}): ${c.entity.stories} of ${c.totalStories} stories`);
      for (const r of c.results) out(`${String(r.together).padStart(5)}  lift ${r.lift.toFixed(2).padStart(7)}  ${r.name} (${r.id}, ${r.stories} stories)`);
      return;
    }
    const s = await store.storiesTogether(names, limit);
    if (o.json) return out(JSON.stringify(s, null, 2));
    if (o.csv) return void process.stdout.write(storiesTogetherCsv(s));
    out(`${s.entities.map((e) => e.name).join(' + ')}: ${s.total} stories together`);
    for (const x of s.stories) out(`${(x.date ?? '').slice(0, 10) || 'undated   '}  ${x.title} · ${x.outlets.join(', ') || '—'}`);
  } finally {
    await store.close();
  }
}
