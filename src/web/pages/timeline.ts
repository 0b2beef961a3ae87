/**
 * Timelines on pages: the entity page's chart and co-mentioned entities (entity.ts uses
 * these parts) and the comparison page `/compare?e=روسيا&e=إيران` — up to 4 series plus
 * "together", their totals, the stories mentioning all of them and each one's top
 * co-mentioned entities, linked. `?format=csv` on either gives the timeline as CSV.
 *
 * Units are said, never implied: every count on these pages is stories (or articles, with
 * `?unit=article`), and the heading's total is the sum of the bars plus the undated ones,
 * which the caption names.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { html, qs, type SafeHtml } from '../html.ts';
import { layout } from '../layout.ts';
import { arabicNumber } from '../format.ts';
import { path, storyItem } from '../components.ts';
import { date, str, type Query } from '../params.ts';
import type { ReaderStore } from '../types.ts';
import { timelineFigure } from '../charts.ts';
import { CSV_TYPE, timelineCsv } from '../../export/csv.ts';
import { autoBy, rebucket, TimelineError, type ComentionResult, type TimelineBy, type TimelineResult, type TimelineUnit } from '../../store/timeline.ts';

export const MAX_COMPARE = 4;

const BY_AR: Record<TimelineBy, string> = { day: 'يوم', week: 'أسبوع', month: 'شهر' };
const UNIT_AR: Record<TimelineUnit, { many: string; acc: string; dual: string; single: string }> = {
  story: { many: 'قصص', acc: 'قصة', dual: 'قصتان', single: 'قصة واحدة' },
  article: { many: 'مقالات', acc: 'مقالاً', dual: 'مقالان', single: 'مقال واحد' },
};

/** «قصة واحدة», «قصتان», «٣ قصص», «١٢ قصة» (Arabic counting: plural for 3–10, singular from 11). */
export function countOf(n: number, unit: TimelineUnit): string {
  const w = UNIT_AR[unit];
  if (n === 1) return w.single;
  if (n === 2) return w.dual;
  const r = n % 100;
  return `${arabicNumber(n)} ${n !== 0 && (r === 0 || r > 10) ? w.acc : w.many}`;
}

/** The view options of a timeline page: `by` (default: chosen from the span), `unit`, `since`, `until`. */
export function viewOptions(q: Query): { by: TimelineBy | null; unit: TimelineUnit; since: string | null; until: string | null } {
  const by = str(q, 'by', 10);
  if (by !== null && by !== 'day' && by !== 'week' && by !== 'month') throw new TimelineError('by', 'must be day, week or month');
  const unit = str(q, 'unit', 10) ?? 'story';
  if (unit !== 'story' && unit !== 'article') throw new TimelineError('unit', 'must be story or article');
  const since = date(q, 'since');
  const until = date(q, 'until');
  return { by, unit, since: since?.slice(0, 10) ?? null, until: until?.slice(0, 10) ?? null };
}

/** The timeline in the asked bucket, else in days re-bucketed to fit the span. */
export async function pageTimeline(store: ReaderStore, entities: string[], v: ReturnType<typeof viewOptions>): Promise<TimelineResult> {
  if (v.by) return store.timeline({ entities, by: v.by, unit: v.unit, since: v.since, until: v.until });
  const days = await store.timeline({ entities, by: 'day', unit: v.unit, since: v.since, until: v.until });
  return rebucket(days, autoBy(days.buckets[0]?.start ?? null, days.buckets.at(-1)?.start ?? null));
}

/** The chart with a caption saying the unit, the bucket, the total and what is left out. */
export async function timelineSection(t: TimelineResult, label: string): Promise<SafeHtml> {
  const unit = UNIT_AR[t.unit];
  const undated = t.entities.map((e) => ({ e, n: t.totals.undated[e.id] ?? 0 })).filter((x) => x.n > 0);
  const sums = t.entities.map((e) => html`<bdi>${e.name}</bdi> ${countOf(t.totals.counts[e.id] ?? 0, t.unit)}`);
  const caption = html`عدد ${unit.many} في كل ${BY_AR[t.by]} (بتوقيت غرينتش)${t.entities.length > 1 ? html`، و«معاً»: ${unit.many} تذكرها كلها (${arabicNumber(t.totals.all)})` : ''}. المجموع: ${sums.map((s, i) => html`${i ? '، ' : ''}${s}`)}${undated.length ? html`؛ بلا تاريخ فلا تظهر: ${undated.map((x, i) => html`${i ? '، ' : ''}<bdi>${x.e.name}</bdi> ${arabicNumber(x.n)}`)}` : ''}.`;
  if (t.buckets.length === 0) return html`<p class="meta">لا ${unit.many} مؤرخة في هذه المدة.</p>`;
  return timelineFigure(t, { label, caption, width: 640, height: t.entities.length > 1 ? 200 : 160 });
}

/** Links to switch bucket and unit, and the CSV; `link` builds a URL of this page from parameters. */
export function viewLinks(link: (p: Record<string, string | null>) => string, t: TimelineResult, since: string | null, until: string | null): SafeHtml {
  const at = (p: Record<string, string | null>) => link({ by: t.by, unit: t.unit, since, until, ...p });
  const bys = (['day', 'week', 'month'] as const).map((b) => (b === t.by ? html`<strong>${BY_AR[b]}</strong>` : html`<a href="${at({ by: b })}">${BY_AR[b]}</a>`));
  const other: TimelineUnit = t.unit === 'story' ? 'article' : 'story';
  return html`<p class="filters meta">لكل: ${bys.map((b, i) => html`${i ? ' · ' : ''}${b}`)} — <a href="${at({ unit: other })}">عدّ ${UNIT_AR[other].many}</a> — <a href="${at({ format: 'csv' })}">CSV</a></p>`;
}

/** The co-mentioned entities, each linked to its page and to a comparison. */
export function comentionList(c: ComentionResult, compareWith: string[] = [c.entity.id]): SafeHtml {
  if (c.results.length === 0) return html`<p class="meta">لا كيانات مذكورة معه.</p>`;
  const rows = c.results.map(
    (r) => html`<tr><td><a href="${path.entity(r.id)}" dir="auto">${r.name}</a></td><td>${arabicNumber(r.together)}</td><td>${r.lift.toLocaleString('ar-EG', { maximumFractionDigits: 2 })}</td><td>${compareWith.length < MAX_COMPARE && !compareWith.includes(r.id) ? html`<a href="${compareLink([...compareWith, r.id])}">قارن</a>` : ''}</td></tr>`,
  );
  return html`<table class="comentions"><thead><tr><th>الكيان</th><th>قصص معاً</th><th title="كم مرة أكثر من المصادفة">الرفع</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function compareLink(ids: string[]): string {
  const p = new URLSearchParams();
  for (const id of ids) p.append('e', id);
  return `/compare?${p.toString()}`;
}

export function csvReply(reply: FastifyReply, name: string, body: string) {
  return reply.type(CSV_TYPE).header('content-disposition', `attachment; filename="${name}.csv"`).send(body);
}

export function registerComparePage(app: FastifyInstance, store: ReaderStore): void {
  app.get('/compare', async (req, reply) => {
    const q = req.query as Query;
    const raw = q.e === undefined ? [] : [q.e].flat();
    if (raw.some((x) => typeof x !== 'string')) throw new TimelineError('e', 'must be entity names or ids');
    const names = (raw as string[]).map((s) => s.trim()).filter(Boolean);
    if (names.length > MAX_COMPARE) throw new TimelineError('e', `at most ${MAX_COMPARE} entities`);
    const v = viewOptions(q);
    const form = compareForm(names);
    if (names.length === 0) return reply.type('text/html; charset=utf-8').send(layout({ title: 'مقارنة', body: html`<h1>مقارنة</h1>${form}` }));
    const t = await pageTimeline(store, names, v);
    if (str(q, 'format', 10) === 'csv') return csvReply(reply, 'timeline', timelineCsv(t));
    const ids = t.entities.map((e) => e.id);
    const [together, comentions] = await Promise.all([
      ids.length > 1 ? store.storiesTogether(ids, 10) : Promise.resolve(null),
      Promise.all(ids.map((id) => store.comentions(id, 5))),
    ]);
    const title = t.entities.map((e) => e.name).join(' · ');
    const chart = await timelineSection(t, `${title}: ${UNIT_AR[t.unit].many} في كل ${BY_AR[t.by]}`);
    const base = compareLink(ids);
    const body = html`<h1 dir="auto">${t.entities.map((e, i) => html`${i ? ' · ' : ''}<a href="${path.entity(e.id)}">${e.name}</a>`)}</h1>
<p class="meta">${t.entities.map((e, i) => html`${i ? '، ' : ''}<bdi>${e.name}</bdi>: ${countOf((t.totals.counts[e.id] ?? 0) + (t.totals.undated[e.id] ?? 0), t.unit)}`)}${ids.length > 1 ? html` — معاً: ${countOf(t.totals.all, t.unit)}` : ''}</p>
${chart}
${viewLinks((p) => `${base}&${qs(p).slice(1)}`.replace(/&$/, ''), t, v.since, v.until)}
${together ? html`<h2>${countOf(together.total, 'story')} تذكرها كلها</h2>${together.stories.map((s) => storyItem(s, path.story(s.id)))}` : ''}
${comentions.map((c) => html`<h2>يُذكر مع <bdi>${c.entity.name}</bdi></h2>${comentionList(c, ids)}`)}
${form}`;
    return reply.type('text/html; charset=utf-8').send(layout({ title: `مقارنة: ${title}`, body }));
  });
}

function compareForm(names: string[]): SafeHtml {
  const slots = Array.from({ length: MAX_COMPARE }, (_, i) => names[i] ?? '');
  return html`<form class="filters" action="/compare" method="get" aria-label="قارن الكيانات">${slots.map((n, i) => html`<input name="e" value="${n}" placeholder="${i === 0 ? 'روسيا' : i === 1 ? 'إيران' : 'كيان'}" aria-label="كيان ${arabicNumber(i + 1)}" size="10">`)}<button type="submit">قارن</button></form>`;
}
