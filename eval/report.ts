/**
 * What an eval check records: its figures (printed whatever the outcome) and its failures.
 * Checks compare measured figures with the exact values known for the corpus, so a run
 * shows every number next to what it should be, and a FAIL says which one moved.
 */
import { isDeepStrictEqual, inspect } from 'node:util';

const show = (v: unknown): string => (typeof v === 'string' ? v : inspect(v, { breakLength: Infinity, depth: 4, maxArrayLength: 30 }));

export class Report {
  readonly lines: string[] = [];
  readonly failures: string[] = [];

  /** A figure shown for information. */
  figure(label: string, value: unknown): void {
    this.lines.push(`${label}: ${show(value)}`);
  }

  /** A figure that must equal `want` (deep equality). */
  equal(label: string, got: unknown, want: unknown): void {
    const ok = isDeepStrictEqual(got, want);
    this.lines.push(`${label}: ${show(got)}${ok ? '' : `  ✗ expected ${show(want)}`}`);
    if (!ok) this.failures.push(`${label}: got ${show(got)}, expected ${show(want)}`);
  }

  /** A figure that must be at least `min`. */
  atLeast(label: string, got: number, min: number): void {
    const ok = got >= min;
    this.lines.push(`${label}: ${got} (at least ${min})${ok ? '' : '  ✗'}`);
    if (!ok) this.failures.push(`${label}: ${got} < ${min}`);
  }

  /** A count of known misses that must not grow (the first few are shown). */
  atMost(label: string, items: readonly string[], max: number): void {
    const ok = items.length <= max;
    this.lines.push(`${label}: ${items.length} (at most ${max})${ok ? '' : '  ✗'}`);
    for (const x of items.slice(0, 10)) this.lines.push(`  · ${x}`);
    if (!ok) this.failures.push(`${label}: ${items.length} > ${max}`);
  }

  /** A list of offending items that must be empty (the first few are shown). */
  none(label: string, offenders: readonly string[]): void {
    this.lines.push(`${label}: ${offenders.length}${offenders.length ? `  ✗ e.g. ${offenders.slice(0, 5).join(' | ')}` : ''}`);
    if (offenders.length) this.failures.push(`${label}: ${offenders.length}, e.g. ${offenders.slice(0, 5).join(' | ')}`);
  }
}

export interface Check {
  name: string;
  /** One line: what holds when the check passes. */
  what: string;
  /** Paths under the corpus folder the check reads. */
  needs: string[];
  run(corpus: string, r: Report): Promise<void>;
}
