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
import { path, storyItem } from '../components.ts';
import { date, str, type Query } from '../params.ts';
import type { ReaderStore } from '../types.ts';
import { timelineFigure } from '../charts.ts';
import { CSV_TYPE, timelineCsv } from '../../export/csv.ts';
import { autoBy, rebucket, TimelineError, type ComentionResult, type TimelineBy, type TimelineResult, type TimelineUnit } from '../../store/timeline.ts';
import { uiOf } from '../i18n/negotiate.ts';
import type { Ui } from '../i18n/index.ts';

export const MAX_COMPARE = 4;

/** «قصة واحدة», «قصتان», «٣ قصص», «١٢ قصة» / «1 story», «12 stories»: the catalog's plural forms. */
export function countOf(u: Ui, n: number, unit: TimelineUnit): string {
  return u.t(unit === 'story' ? 'count.stories' : 'count.articles', { n });
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

/** A list in the UI language («أ، ب» / «a, b»). */
export function list(u: Ui, items: SafeHtml[]): SafeHtml {
  return html`${items.map((s, i) => html`${i ? u.t('common.comma') : ''}${s}`)}`;
}

/** The chart with a caption saying the unit, the bucket, the total and what is left out. */
export async function timelineSection(u: Ui, t: TimelineResult, label: string): Promise<SafeHtml> {
  const undated = t.entities.map((e) => ({ e, n: t.totals.undated[e.id] ?? 0 })).filter((x) => x.n > 0);
  const sums = t.entities.map((e) => html`<bdi>${e.name}</bdi> ${countOf(u, t.totals.counts[e.id] ?? 0, t.unit)}`);
  const caption = html`${u.t('timeline.caption', { unit: t.unit, by: t.by })}${t.entities.length > 1 ? u.t('timeline.together', { unit: t.unit, n: t.totals.all }) : ''}${u.h('timeline.sums', { sums: list(u, sums) })}${undated.length ? u.h('timeline.undated', { list: list(u, undated.map((x) => html`<bdi>${x.e.name}</bdi> ${u.num(x.n)}`)) }) : ''}${u.t('timeline.end')}`;
  if (t.buckets.length === 0) return html`<p class="meta">${u.t('timeline.empty', { unit: t.unit })}</p>`;
  return timelineFigure(u, t, { label, caption, width: 640, height: t.entities.length > 1 ? 200 : 160 });
}

/** Links to switch bucket and unit, and the CSV; `link` builds a URL of this page from parameters. */
export function viewLinks(u: Ui, link: (p: Record<string, string | null>) => string, t: TimelineResult, since: string | null, until: string | null): SafeHtml {
  const at = (p: Record<string, string | null>) => link({ by: t.by, unit: t.unit, since, until, ...p });
  const name = (b: TimelineBy) => u.t('timeline.by', { by: b });
  const bys = (['day', 'week', 'month'] as const).map((b) => (b === t.by ? html`<strong aria-current="true">${name(b)}</strong>` : html`<a href="${at({ by: b })}">${name(b)}</a>`));
  const other: TimelineUnit = t.unit === 'story' ? 'article' : 'story';
  return html`<p class="filters meta">${u.t('timeline.per')} ${bys.map((b, i) => html`${i ? ' · ' : ''}${b}`)} — <a href="${at({ unit: other })}">${u.t('timeline.count', { unit: other })}</a> — <a href="${at({ format: 'csv' })}">${u.t('common.csv')}</a></p>`;
}

/** The co-mentioned entities, each linked to its page and to a comparison. */
export function comentionList(u: Ui, c: ComentionResult, compareWith: string[] = [c.entity.id]): SafeHtml {
  if (c.results.length === 0) return html`<p class="meta">${u.t('comentions.none')}</p>`;
  const rows = c.results.map(
    (r) => html`<tr><td><a href="${path.entity(r.id)}" dir="auto">${r.name}</a></td><td>${u.num(r.together)}</td><td>${u.num(r.lift, { maximumFractionDigits: 2 })}</td><td>${compareWith.length < MAX_COMPARE && !compareWith.includes(r.id) ? html`<a href="${compareLink([...compareWith, r.id])}" aria-label="${u.t('comentions.compareWith', { name: r.name })}">${u.t('compare.button')}</a>` : ''}</td></tr>`,
  );
  return html`<table class="comentions"><thead><tr><th>${u.t('comentions.entity')}</th><th>${u.t('comentions.together')}</th><th title="${u.t('comentions.liftHint')}">${u.t('comentions.lift')}</th><th><span class="visually-hidden">${u.t('comentions.compare')}</span></th></tr></thead><tbody>${rows}</tbody></table>`;
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
    const u = uiOf(req);
    const form = compareForm(u, names);
    if (names.length === 0) return reply.type('text/html; charset=utf-8').send(layout({ ui: u, url: req.url, title: u.t('compare.title'), body: html`<h1>${u.t('compare.title')}</h1>${form}` }));
    const t = await pageTimeline(store, names, v);
    if (str(q, 'format', 10) === 'csv') return csvReply(reply, 'timeline', timelineCsv(t));
    const ids = t.entities.map((e) => e.id);
    const [together, comentions] = await Promise.all([
      ids.length > 1 ? store.storiesTogether(ids, 10) : Promise.resolve(null),
      Promise.all(ids.map((id) => store.comentions(id, 5))),
    ]);
    const title = t.entities.map((e) => e.name).join(' · ');
    const chart = await timelineSection(u, t, u.t('compare.chartLabel', { title, unit: t.unit, by: t.by }));
    const base = compareLink(ids);
    const body = html`<h1 dir="auto">${t.entities.map((e, i) => html`${i ? ' · ' : ''}<a href="${path.entity(e.id)}">${e.name}</a>`)}</h1>
<p class="meta">${list(u, t.entities.map((e) => html`<bdi>${e.name}</bdi>: ${countOf(u, (t.totals.counts[e.id] ?? 0) + (t.totals.undated[e.id] ?? 0), t.unit)}`))}${ids.length > 1 ? u.t('compare.together', { count: countOf(u, t.totals.all, t.unit) }) : ''}</p>
${chart}
${viewLinks(u, (p) => `${base}&${qs(p).slice(1)}`.replace(/&$/, ''), t, v.since, v.until)}
${together ? html`<h2>${u.t('compare.all', { n: together.total })}</h2>${together.stories.map((s) => storyItem(u, s, path.story(s.id), 3))}` : ''}
${comentions.map((c) => html`<h2>${u.h('compare.with', { name: html`<bdi>${c.entity.name}</bdi>` })}</h2>${comentionList(u, c, ids)}`)}
${form}`;
    return reply.type('text/html; charset=utf-8').send(layout({ ui: u, url: req.url, title: u.t('compare.titleOf', { title }), body }));
  });
}

function compareForm(u: Ui, names: string[]): SafeHtml {
  const slots = Array.from({ length: MAX_COMPARE }, (_, i) => names[i] ?? '');
  const example = (i: number) => (i === 0 ? u.t('compare.example1') : i === 1 ? u.t('compare.example2') : u.t('compare.entity'));
  return html`<form class="filters" action="/compare" method="get" aria-label="${u.t('compare.form')}">${slots.map((n, i) => html`<input name="e" value="${n}" placeholder="${example(i)}" aria-label="${u.t('compare.slot', { n: i + 1 })}" size="10">`)}<button type="submit">${u.t('compare.button')}</button></form>`;
}
