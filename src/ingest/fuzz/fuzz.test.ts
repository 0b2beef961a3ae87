// Property-based fuzzing of every ingest parser and the query parser (issue 13): a fixed
// seed and a modest number of runs per target, so `npm test` is repeatable and quick; the
// long run is `npm run bench:fuzz -- --runs N --seed S`. What must hold is in targets.ts.
import { test } from 'node:test';
import fc from 'fast-check';
import { TARGETS } from './targets.ts';

const SEED = 20240601;
const RUNS: Record<string, number> = { html: 25, archive: 40, feed: 60 };

for (const t of TARGETS) {
  void test(`fuzz ${t.name}: no exception, bounded output, every Article passes the schema`, async () => {
    await fc.assert(
      fc.asyncProperty(t.arb, async (v) => {
        await t.check(v);
      }),
      { seed: SEED, numRuns: RUNS[t.name] ?? 80, endOnFailure: true },
    );
  });
}
