// Runs every *.test.ts under src/ and test/ with node's own test runner (through tsx).
// Usage: npm test [-- path-filter ...]   e.g. `npm test -- src/arabic`
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { availableParallelism } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const files = ['src', 'test']
  .flatMap((d) => walk(join(root, d), []))
  .filter((f) => filters.length === 0 || filters.some((x) => relative(root, f).includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`test: no test files match ${filters.join(' ')}`);
  process.exit(1);
}

// Child test processes inherit NODE_OPTIONS, so each loads TypeScript through tsx.
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim();
process.env.MARSAD_LOG_LEVEL ??= 'silent';

// Only tests that need PostgreSQL (MARSAD_TEST_PG) or Chromium may skip, and loudly
// (test/pg-env.ts, test/browser/chromium.ts); any other skip fails the run.
const ALLOWED_SKIPS = [/^\*\*\* SKIPPING POSTGRES TESTS/, /^\*\*\* SKIPPING BROWSER TESTS/];
const skips = new Map();
const fileMs = new Map(); // top-level test time per file, for the slowest-files summary
let failed = false;
const timeTop = (e) => {
  if (e.nesting !== 0 || !e.file || !e.details?.duration_ms) return;
  const f = relative(root, e.file);
  fileMs.set(f, (fileMs.get(f) ?? 0) + e.details.duration_ms);
};
const stream = run({ files, concurrency: Math.max(2, availableParallelism()), timeout: 10 * 60_000 });
stream.on('test:fail', (e) => {
  timeTop(e);
  if (e.details?.type !== 'suite') failed = true;
});
stream.on('test:pass', (e) => {
  timeTop(e);
  if (e.skip === undefined || e.skip === false) return;
  const why = e.skip === true ? '(no reason given)' : String(e.skip);
  skips.set(why, [...(skips.get(why) ?? []), `${e.file ? relative(root, e.file) : '?'}: ${e.name}`]);
});
const report = stream.compose(spec);
report.pipe(process.stdout);
report.on('end', () => {
  const slow = [...fileMs].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`\nslowest test files (top-level tests, seconds):\n${slow.map(([f, ms]) => `  ${(ms / 1000).toFixed(1).padStart(7)}  ${f}`).join('\n')}`);
  for (const [why, tests] of skips) {
    const allowed = ALLOWED_SKIPS.some((re) => re.test(why));
    console.error(`\n${allowed ? '' : 'NOT ALLOWED: '}${tests.length} test(s) skipped: ${why}\n  ${tests.join('\n  ')}`);
    if (!allowed) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
});
