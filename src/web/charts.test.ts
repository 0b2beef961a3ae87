/** The chart module: Arabic tick labels, ticks on bucket starts, and Vega's escaping of names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tickLabel, tickValues, timelineSvg } from './charts.ts';
import type { TimelineResult } from '../store/timeline.ts';

test('tick labels are Arabic (Intl ar-EG) and ticks sit on bucket starts', () => {
  assert.equal(tickLabel(Date.parse('2015-08-10T00:00:00Z'), 'day'), '١٠ أغسطس');
  assert.equal(tickLabel(Date.parse('2015-08-01T00:00:00Z'), 'month'), 'أغسطس ٢٠١٥');
  const weeks = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2015, 6, 20 + 7 * i)).toISOString().slice(0, 10));
  const ticks = tickValues(weeks, 'day', 640, 12);
  assert.ok(ticks.length >= 2 && ticks.length < 60, `${ticks.length} ticks`);
  for (const t of ticks) assert.equal(new Date(t).getUTCDay(), 1, `${t} is a Monday`);
});

test('entity names are escaped in the SVG (Vega escapes text)', async () => {
  const name = '<img src=x onerror=alert(1)>&"';
  const t: TimelineResult = {
    entities: [{ id: 'x', name }, { id: 'y', name: 'ب' }],
    unit: 'story',
    by: 'day',
    buckets: [{ start: '2015-08-10', counts: { x: 1, y: 2 }, all: 1 }, { start: '2015-08-11', counts: { x: 0, y: 1 }, all: 0 }],
    totals: { counts: { x: 1, y: 3 }, all: 1, undated: { x: 0, y: 0 } },
  };
  const svg = await timelineSvg(t, { label: 'x' });
  assert.ok(svg.startsWith('<svg'));
  assert.ok(!svg.includes('<img'), 'no markup from the name');
  assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;&amp;'));
  assert.doesNotMatch(svg, /style=|<style|<script/);
});
