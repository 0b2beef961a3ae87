/**
 * The long fuzz run: every target of src/ingest/fuzz/targets.ts (each ingest parser and the
 * query parser) for `--runs N` inputs from `--seed S`, printing per target the iterations,
 * inputs per second and the slowest input (its time and its first bytes), and the first
 * failure with fast-check's shrunk counterexample. Timing lives here, never in tests.
 *
 *   npm run bench:fuzz -- --runs 2000 --seed 7 [--only json,feed]
 */
import fc from 'fast-check';
import { TARGETS } from '../../src/ingest/fuzz/targets.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const runs = Number(opt('runs', '500'));
const seed = Number(opt('seed', String(Date.now() % 1e9)));
const only = opt('only', '').split(',').filter(Boolean);
process.env.MARSAD_LOG_LEVEL ??= 'silent';

const show = (v: Uint8Array | string) => JSON.stringify(typeof v === 'string' ? v.slice(0, 80) : Buffer.from(v.subarray(0, 80)).toString('utf8'));

let failures = 0;
console.log(`fuzz: ${runs} runs per target, seed ${seed}`);
console.log('target    runs   inputs/s   median ms   slowest ms   slowest input');
for (const t of TARGETS) {
  if (only.length && !only.includes(t.name)) continue;
  const times: number[] = [];
  let slowest = { ms: -1, input: '' };
  const t0 = performance.now();
  const r = await fc.check(
    fc.asyncProperty(t.arb, async (v) => {
      const s = performance.now();
      await t.check(v);
      const ms = performance.now() - s;
      times.push(ms);
      if (ms > slowest.ms) slowest = { ms, input: show(v) };
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
  const secs = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `${t.name.padEnd(8)} ${String(times.length).padStart(6)} ${(times.length / secs).toFixed(1).padStart(10)} ${median.toFixed(2).padStart(11)} ${slowest.ms.toFixed(1).padStart(12)}   ${slowest.input}`,
  );
  if (r.failed) {
    failures++;
    console.log(`  FAILED after ${r.numRuns} runs (seed ${r.seed}, path ${r.counterexamplePath}): ${String((r.errorInstance as Error | undefined)?.message ?? "failed")}`);
    console.log(`  counterexample: ${r.counterexample ? show(r.counterexample[0] as Uint8Array | string) : '?'}`);
  }
}
if (failures) process.exitCode = 1;
