/**
 * The timeline charts in a real browser (Debian's Chromium): on the entity page and the
 * compare page, at a desktop and a phone width, no two axis labels' bounding boxes
 * overlap (as Chromium lays them out, with the page's fonts), the chart is a Vega SVG
 * with Arabic labels, and the page runs no script but the site's keyboard shortcuts
 * (/static/keys.js) and breaks no CSP rule. Screenshots go
 * to artifacts/screenshots/ for a person to look at.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, chromiumMissing, launchChromium } from './chromium.ts';
import { webFixture, type WebFixture, listenLoopback } from '../web/fixture.ts';
import { timelineSpec } from '../../src/web/charts.ts';

const skip = chromiumMissing();
let fx: WebFixture;
let browser: Browser;
let base = '';

before(async () => {
  if (skip) return;
  fx = await webFixture();
  base = await listenLoopback(fx.app);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await fx?.close();
});

interface Box {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every axis label's box, per axis (Vega marks them `role-axis-label`). */
async function axisLabels(page: Page): Promise<Box[][]> {
  return page.$$eval('.timeline-svg svg g.role-axis', (axes) =>
    axes.map((axis) =>
      Array.from(axis.querySelectorAll('g.role-axis-label text')).map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    ),
  );
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

async function checkPage(page: Page, url: string, shot: string): Promise<Box[][]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const r = await page.goto(url);
  assert.equal(r?.status(), 200, url);
  assert.equal(await page.locator('.timeline-svg svg').count(), 1, 'one chart');
  const axes = await axisLabels(page);
  assert.ok(axes.length >= 2, 'an x and a y axis');
  const labels = axes.flat();
  assert.ok(labels.length >= 4, `labels: ${labels.map((l) => l.text).join(' | ')}`);
  for (const axis of axes) {
    for (let i = 0; i < axis.length; i++) {
      assert.ok(axis[i]!.w > 0 && axis[i]!.h > 0, `label «${axis[i]!.text}» is laid out`);
      for (let j = i + 1; j < axis.length; j++) assert.ok(!overlaps(axis[i]!, axis[j]!), `«${axis[i]!.text}» and «${axis[j]!.text}» do not overlap`);
    }
  }
  assert.ok(labels.some((l) => /[\u0660-\u0669]/.test(l.text)), 'Arabic-Indic digits');
  // The one script is the site's own keyboard shortcuts, from a file (nothing inline).
  assert.deepEqual(await page.$$eval('script', (ss) => ss.map((s) => [s.getAttribute('src'), s.textContent])), [['/static/keys.js', '']]);
  await page.screenshot({ path: `${ARTIFACTS}${shot}.png`, fullPage: false });
  assert.deepEqual(violations, [], 'no CSP violation');
  return axes;
}

for (const [width, tag] of [[1100, 'desktop'], [420, 'phone']] as const) {
  test(`entity page chart (${tag}): axis labels never overlap, Arabic month names`, { skip }, async () => {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'ar' });
    try {
      const axes = await checkPage(page, `${base}/entity/country%3ASA`, `timeline-entity-${tag}`);
      const x = axes.flat().filter((l) => /[\u0600-\u06FF]/.test(l.text) && /[^\u0660-\u0669\s]/.test(l.text));
      assert.ok(x.some((l) => /أغسطس|يوليو|سبتمبر/.test(l.text)), `month names: ${x.map((l) => l.text).join(' | ')}`);
      // 92 day buckets (data on two of them): the dense axis must still be readable.
      await checkPage(page, `${base}/entity/country%3ASA?by=day&unit=article&since=2015-07-01&until=2015-09-30`, `timeline-entity-days-${tag}`);
      // Eight years of weeks.
      await checkPage(page, `${base}/entity/country%3AIR?by=week`, `timeline-entity-weeks-${tag}`);
    } finally {
      await page.close();
    }
  });

  test(`compare page chart (${tag}): four series plus together, no overlapping labels`, { skip }, async () => {
    const page = await browser.newPage({ viewport: { width, height: 1000 }, locale: 'ar' });
    try {
      const names = ['السعودية', 'إيران', 'اليمن', 'مصر'];
      await checkPage(page, `${base}/compare?${names.map((n) => `e=${encodeURIComponent(n)}`).join('&')}&by=day&since=2015-07-25&until=2015-08-31`, `timeline-compare-${tag}`);
      const legend = await page.$$eval('.timeline-svg svg g.role-legend-label text', (ts) => ts.map((t) => t.textContent));
      assert.deepEqual(legend, [...names, 'معاً']);
      const legendBoxes = await page.$$eval('.timeline-svg svg g.role-legend-label text', (ts) => ts.map((t) => t.getBoundingClientRect()).map((r) => ({ text: '', x: r.x, y: r.y, w: r.width, h: r.height })));
      for (let i = 0; i < legendBoxes.length; i++) for (let j = i + 1; j < legendBoxes.length; j++) assert.ok(!overlaps(legendBoxes[i]!, legendBoxes[j]!), `legend ${legend[i]} / ${legend[j]}`);
    } finally {
      await page.close();
    }
  });
}

test('control: the overlap check catches labels that do overlap (labelOverlap off, a tick per day)', { skip }, async () => {
  const vega = await import('vega');
  const vl = await import('vega-lite');
  const t = await fx.store.timeline({ entities: ['country:SA'], by: 'day', since: '2015-07-01', until: '2015-09-30' });
  const spec = timelineSpec(t, { label: 'control', width: 640 }) as { encoding: { x: { axis: Record<string, unknown> } } };
  spec.encoding.x.axis = { labelOverlap: false, values: t.buckets.map((b) => `${b.start}T00:00:00.000Z`), format: '%d %B', formatType: 'utc' };
  const svg = await new vega.View(vega.parse(vl.compile(spec as never).spec), { renderer: 'none' }).toSVG();
  const page = await browser.newPage({ viewport: { width: 1100, height: 400 } });
  try {
    await page.setContent(`<div class="timeline-svg">${svg}</div>`);
    const axes = await axisLabels(page);
    const x = axes.find((a) => a.length > 50)!;
    assert.ok(x, 'the x axis has a label per day');
    assert.ok(x.some((a, i) => i > 0 && overlaps(x[i - 1]!, a)), 'neighbouring labels overlap, and the check sees it');
  } finally {
    await page.close();
  }
});
