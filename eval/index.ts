/**
 * `npm run eval`: the checks that need the whole corpus, kept out of `npm test` so a clone
 * of the repository alone passes its tests. Each check prints its figures next to the
 * values known for the corpus, then PASS or FAIL; the exit code is 1 when any check fails,
 * 2 when the corpus folder (or a part a check needs) is missing.
 *
 * Usage: npm run eval [-- --corpus DIR] [--only saudinewsnet,textdumps]
 *   DIR is the folder holding saudinewsnet/, textdumps/ … (see its PROVENANCE.md);
 *   default ../shared/corpus next to the repository.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { lang } from './lang.ts';
import { understand } from './understand.ts';
import { related } from './related.ts';
import { Report, type Check } from './report.ts';
import { saudinewsnet } from './saudinewsnet.ts';
import { textdumps } from './textdumps.ts';

const CHECKS: readonly Check[] = [saudinewsnet, textdumps, lang, related, understand];
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_CORPUS = resolve(ROOT, '../shared/corpus');

const usage = `usage: npm run eval -- [--corpus DIR] [--only ${CHECKS.map((c) => c.name).join(',')}]
  --corpus DIR  the corpus folder, holding saudinewsnet/*.zip and textdumps/arabic_newspapers_corpus/
                (default: ${DEFAULT_CORPUS})`;

function main(): Promise<number> | number {
  let values: { corpus?: string; only?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { corpus: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    console.error(`eval: ${(e as Error).message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const only = values.only?.split(',').map((s) => s.trim());
  const unknown = only?.filter((n) => !CHECKS.some((c) => c.name === n)) ?? [];
  if (unknown.length) {
    console.error(`eval: no check named ${unknown.join(', ')}\n${usage}`);
    return 2;
  }
  const corpus = resolve(values.corpus ?? DEFAULT_CORPUS);
  if (!existsSync(corpus)) {
    console.error(
      `eval: no corpus folder at ${corpus}\n` +
        `Pass the folder that holds saudinewsnet/ (14 daily ZIPs) and textdumps/arabic_newspapers_corpus/:\n` +
        `  npm run eval -- --corpus /path/to/corpus\n${usage}`,
    );
    return 2;
  }
  return run(corpus, CHECKS.filter((c) => !only || only.includes(c.name)));
}

async function run(corpus: string, checks: readonly Check[]): Promise<number> {
  console.log(`marsad eval: corpus ${corpus}`);
  const missing = checks.flatMap((c) => c.needs.filter((p) => !existsSync(resolve(corpus, p))).map((p) => `${c.name} needs ${resolve(corpus, p)}`));
  if (missing.length) {
    console.error(`eval: the corpus folder lacks what the checks read:\n  ${missing.join('\n  ')}\nPass --corpus DIR, or --only the checks it can serve.`);
    return 2;
  }
  const failed: string[] = [];
  const t0 = performance.now();
  for (const c of checks) {
    console.log(`\n── ${c.name}: ${c.what}`);
    const r = new Report();
    const t = performance.now();
    try {
      await c.run(corpus, r);
    } catch (e) {
      r.failures.push(`threw: ${(e as Error).stack ?? String(e)}`);
    }
    for (const line of r.lines) console.log(`   ${line}`);
    const secs = ((performance.now() - t) / 1000).toFixed(1);
    if (r.failures.length) {
      failed.push(c.name);
      console.log(`   FAIL ${c.name} (${secs} s)`);
      for (const f of r.failures) console.log(`     ✗ ${f}`);
    } else console.log(`   PASS ${c.name} (${secs} s)`);
  }
  const total = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`\n${checks.length - failed.length} of ${checks.length} checks passed in ${total} s${failed.length ? `; FAILED: ${failed.join(', ')}` : ''}`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main();
