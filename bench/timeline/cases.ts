/**
 * The timeline bench's cases, the same on both backends (bench/timeline/index.ts): each
 * backend supplies its baseline (a plain count of one entity's articles, the index the
 * timeline reads) and the store's timeline reads; cases are interleaved per repetition so
 * load drifts hit all alike. Prints median and p95 in ms and the median's ratio to the
 * baseline's.
 */
import type { ComentionResult, StoriesTogetherResult, TimelineQuery, TimelineResult } from '../../src/model/timeline.ts';

export interface TimelineTarget {
  /** What is measured, for the heading (file or schema, articles). */
  title: string;
  /** The two most mentioned entities, and a named pair when both exist. */
  top: string[];
  pair: string[] | null;
  /** count(*) of the articles of `top[i]`. */
  count(i: number): Promise<unknown> | unknown;
  timeline(q: TimelineQuery): Promise<TimelineResult>;
  comentions(entity: string, limit?: number): Promise<ComentionResult>;
  storiesTogether(entities: string[], limit?: number): Promise<StoriesTogetherResult>;
}

type Case = { label: string; run: (i: number) => Promise<unknown> | unknown };

export async function runCases(t: TimelineTarget, runs: number): Promise<void> {
  const { top } = t;
  const pairs = [top, ...(t.pair ? [t.pair] : [])];
  const cases: Case[] = [
    { label: 'baseline: count(*) of an entity', run: (i) => t.count(i % top.length) },
    { label: 'timeline day/story (1 entity)', run: (i) => t.timeline({ entities: [top[i % top.length]!], by: 'day' }) },
    { label: 'timeline day/article (1 entity)', run: (i) => t.timeline({ entities: [top[i % top.length]!], by: 'day', unit: 'article' }) },
    { label: 'timeline week/story (2 + together)', run: (i) => t.timeline({ entities: pairs[i % pairs.length]!, by: 'week' }) },
    { label: 'comention top 20 (lift)', run: (i) => t.comentions(top[i % top.length]!, 20) },
    { label: 'stories together (2, newest 20)', run: (i) => t.storiesTogether(pairs[i % pairs.length]!, 20) },
  ];
  const samples = new Map<string, number[]>(cases.map((c) => [c.label, []]));
  // One warm-up round (prepared statements, page cache).
  for (const c of cases) await c.run(0);
  for (let r = 0; r < runs; r++) {
    const order = cases.map((_, k) => cases[(k + r) % cases.length]!);
    for (const c of order) {
      const t0 = process.hrtime.bigint();
      await c.run(r);
      samples.get(c.label)!.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  const q = (xs: number[], p: number): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  };
  const base = q(samples.get(cases[0]!.label)!, 0.5);
  console.log(`timeline bench: ${t.title}, entities ${top.join(', ')}${t.pair ? ` and ${t.pair.join(' + ')}` : ''}, ${runs} runs each`);
  console.log(`${'case'.padEnd(38)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(10)} ${'× baseline'.padStart(11)}`);
  for (const c of cases) {
    const xs = samples.get(c.label)!;
    const med = q(xs, 0.5);
    console.log(`${c.label.padEnd(38)} ${med.toFixed(2).padStart(10)} ${q(xs, 0.95).toFixed(2).padStart(10)} ${(med / base).toFixed(1).padStart(11)}`);
  }
}
