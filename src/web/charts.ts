/**
 * Timeline charts as SVG rendered on the server (the CSP allows no script): a Vega-Lite
 * spec, compiled to Vega, rendered headless (`new vega.View(vega.parse(spec), {renderer:
 * 'none'}).toSVG()`), inlined in the page.
 *
 * - A real time axis: each bucket is a bar (one entity) or a point on a line (several, and
 *   the "together" series) spanning its UTC day, ISO week or month, on a UTC time scale;
 *   empty buckets are present as zeros, so gaps show.
 * - Labels in the UI language from Intl (`ar-EG`: Arabic month names, Arabic-Indic digits;
 *   `en-GB` in English) through two expression functions registered with Vega
 *   (`marsadDate`, `marsadNum`, given the locale); series and unit names from the catalog.
 * - Labels never overlap: ticks on bucket starts (an ISO week's Monday), every k-th, k
 *   chosen so the labels fit the width at Vega's own width estimate, and then
 *   `labelOverlap: 'greedy'` with a separation (Vega drops a label whose box would touch
 *   its neighbour's; with no canvas it estimates text at 0.8 em a character, wider than
 *   Arabic text renders, so the boxes it keeps apart are apart in a browser too —
 *   test/browser/timeline.test.ts measures them in Chromium).
 * - Styling is SVG attributes only (no style attributes or <style>), so `style-src 'self'`
 *   needs nothing more; the wrapper is `dir="ltr"` so the page's RTL does not flip the
 *   anchors of the axis text.
 *
 * vega and vega-lite are imported on the first chart, not when the server starts.
 */
import type { TimelineResult } from '../store/timeline.ts';
import { raw, type SafeHtml } from './html.ts';
import { LOCALES, ui, type Lang, type Ui } from './i18n/index.ts';
import type * as VegaModule from 'vega';
import type * as VegaLiteModule from 'vega-lite';

function formats(locale: string) {
  return {
    day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    dayYear: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    num: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
  };
}
const FORMATS: Record<Lang, ReturnType<typeof formats>> = { ar: formats(LOCALES.ar), en: formats(LOCALES.en) };
const formatsOf = (lang: unknown) => FORMATS[lang === 'en' ? 'en' : 'ar'];

/** A tick's label: «أغسطس ٢٠١٥» for months, «١٠ أغسطس» for days and weeks (with the year when the axis spans two); `lang`: the UI's. */
export function tickLabel(ms: number, style: string, lang: Lang = 'ar'): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  const f = formatsOf(lang);
  return (style === 'month' ? f.month : style === 'day-year' ? f.dayYear : f.day).format(d);
}

/** Estimated width in px of a label of `chars` characters, as Vega estimates it without a canvas (0.8 em each). */
const estimate = (chars: number, fontSize: number) => chars * fontSize * 0.8;

/**
 * Tick values: bucket starts, every k-th, k chosen so that the labels (at Vega's own
 * estimate of their width, plus a gap) fit the width. Ticks sit on bucket starts, so an
 * ISO week's tick is its Monday (Vega's own week ticks would be Sundays).
 */
export function tickValues(starts: string[], style: string, width: number, fontSize: number, lang: Lang = 'ar'): string[] {
  if (starts.length === 0) return [];
  const sample = tickLabel(Date.parse(`${starts[0]}T00:00:00Z`), style, lang);
  const per = estimate(sample.length + 1, fontSize) + 16;
  const fit = Math.max(1, Math.floor(width / per));
  const k = Math.max(1, Math.ceil(starts.length / fit));
  return starts.filter((_, i) => i % k === 0).map((d) => `${d}T00:00:00.000Z`);
}

const PALETTE = ['#0b6e4f', '#c2410c', '#1d4ed8', '#7e22ce', '#111827'];

type Vega = typeof VegaModule;
type VegaLite = typeof VegaLiteModule;
let libs: Promise<{ vega: Vega; vl: VegaLite }> | null = null;

function load(): Promise<{ vega: Vega; vl: VegaLite }> {
  return (libs ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => {
    vega.expressionFunction('marsadDate', (v: unknown, style: unknown, lang: unknown) => tickLabel(typeof v === 'number' ? v : Date.parse(String(v)), String(style), lang === 'en' ? 'en' : 'ar'));
    vega.expressionFunction('marsadNum', (v: unknown, lang: unknown) => (typeof v === 'number' && Number.isInteger(v) ? formatsOf(lang).num.format(v) : ''));
    return { vega, vl };
  }));
}

export interface ChartOptions {
  /** Width of the plot in px (the SVG scales down with the page). */
  width?: number;
  height?: number;
  /** Accessible name of the chart. */
  label: string;
  /** The UI language of labels, series and units (default Arabic). */
  lang?: Lang;
}

const END = (start: string, by: TimelineResult['by']): string => {
  const d = new Date(`${start}T00:00:00Z`);
  if (by === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (by === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString();
};

/** The Vega-Lite spec of a timeline (exported for tests). */
export function timelineSpec(t: TimelineResult, o: ChartOptions): Record<string, unknown> {
  const width = o.width ?? 640;
  const height = o.height ?? 180;
  const lang = o.lang ?? 'ar';
  const u: Ui = ui(lang);
  const several = t.entities.length > 1;
  const names = t.entities.map((e) => e.name);
  const together = u.t('timeline.togetherSeries');
  const series = several ? [...names, together] : names;
  const unitWord = u.t('timeline.unitWord', { unit: t.unit });
  const starts = t.buckets.map((b) => b.start);
  const style = t.by === 'month' ? 'month' : starts.length && starts[0]!.slice(0, 4) !== starts.at(-1)!.slice(0, 4) ? 'day-year' : 'day';
  const values = t.buckets.flatMap((b) => {
    const t0 = `${b.start}T00:00:00.000Z`;
    const t1 = END(b.start, t.by);
    const when = tickLabel(Date.parse(t0), style === 'month' ? 'month' : 'day-year', lang);
    const row = (series: string, n: number) => ({ t0, t1, series, n, label: u.t('timeline.point', { series, when, count: u.t(t.unit === 'story' ? 'count.stories' : 'count.articles', { n }) }) });
    const rows = t.entities.map((e) => row(e.name, b.counts[e.id] ?? 0));
    if (several) rows.push(row(together, b.all));
    return rows;
  });
  const fontSize = 12;
  const x = {
    field: 't0',
    type: 'temporal',
    scale: { type: 'utc' },
    title: null,
    axis: { values: tickValues(starts, style, width, fontSize, lang), labelExpr: `marsadDate(datum.value, '${style}', '${lang}')`, labelOverlap: 'greedy', labelSeparation: 8, labelFlush: true, grid: false, labelFontSize: fontSize },
  };
  const y = { field: 'n', type: 'quantitative', title: unitWord, axis: { labelExpr: `marsadNum(datum.value, '${lang}')`, tickMinStep: 1, tickCount: 4, labelOverlap: 'greedy', labelFontSize: fontSize, titleFontSize: fontSize } };
  const description = { field: 'label' };
  const color = { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: PALETTE.slice(0, series.length) }, legend: several ? { orient: 'top', labelFontSize: 13, symbolType: 'stroke', columns: Math.min(series.length, 5) } : null };
  const mark = several
    ? { layer: [{ mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' }, encoding: { x, y, color } }, { mark: { type: 'point', filled: true, size: 20 }, encoding: { x, y, color, description } }] }
    : { mark: { type: 'bar', color: PALETTE[0] }, encoding: { x, x2: { field: 't1' }, y, y2: { datum: 0 }, description } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: o.label,
    width,
    height,
    background: null,
    padding: 6,
    config: { font: 'Noto Naskh Arabic, Noto Sans Arabic, DejaVu Sans, Tahoma, sans-serif', view: { stroke: null }, axis: { labelColor: '#5f6670', titleColor: '#5f6670', domainColor: '#9aa0a6', tickColor: '#9aa0a6' } },
    data: { values },
    ...mark,
  };
}

const rendered = new Map<string, Promise<string>>();

/** The chart's SVG markup (memoized on its input, 200 kept). */
export async function timelineSvg(t: TimelineResult, o: ChartOptions): Promise<string> {
  const key = JSON.stringify([t, o]);
  let p = rendered.get(key);
  if (!p) {
    p = (async () => {
      const { vega, vl } = await load();
      const spec = vl.compile(timelineSpec(t, o) as unknown as Parameters<VegaLite['compile']>[0]).spec;
      const view = new vega.View(vega.parse(spec), { renderer: 'none' });
      try {
        return await view.toSVG();
      } finally {
        view.finalize();
      }
    })();
    rendered.set(key, p);
    p.catch(() => rendered.delete(key));
    if (rendered.size > 200) rendered.delete(rendered.keys().next().value!);
  }
  return p;
}

/** The chart in a figure, or nothing when there are no buckets. */
export async function timelineFigure(u: Ui, t: TimelineResult, o: ChartOptions & { caption: SafeHtml }): Promise<SafeHtml> {
  if (t.buckets.length === 0) return raw('');
  const { caption, ...chart } = o;
  const svg = await timelineSvg(t, { ...chart, lang: u.lang });
  // The SVG is Vega's output from numbers, dates and entity names it escapes itself.
  return raw(`<figure class="timeline"><div class="timeline-svg" dir="ltr" role="img" aria-label="${escapeAttr(o.label)}">${svg}</div><figcaption class="meta">${caption.value}</figcaption></figure>`);
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
