/**
 * What the enrichment benches share (index.ts, keywords.ts, prepare.ts): their options, and a
 * git ref's src/ and data/ extracted to a temporary folder (its node_modules this checkout's),
 * whose modules a bench imports beside this tree's to time both in one process.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SAUDINEWSNET } from '../keywords/corpus.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** `--ref` (default main), `--articles` (3000), `--rounds` (default given), `--corpus DIR` (its saudinewsnet/). */
export function benchOptions(rounds: number): { ref: string; articles: number; rounds: number; corpus: URL } {
  const { values } = parseArgs({ options: { ref: { type: 'string', default: 'main' }, articles: { type: 'string', default: '3000' }, rounds: { type: 'string', default: String(rounds) }, corpus: { type: 'string' } } });
  return {
    ref: values.ref!,
    articles: Number(values.articles),
    rounds: Number(values.rounds),
    corpus: values.corpus ? pathToFileURL(join(resolve(values.corpus), 'saudinewsnet') + '/') : SAUDINEWSNET,
  };
}

/** The ref's src/, data/ and package.json in a new temporary folder (the caller removes it). */
export function baselineTree(ref: string, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `marsad-${prefix}-base-`));
  execSync(`git archive ${ref} src data package.json | tar -x -C ${dir}`, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'REF'), execSync(`git rev-parse ${ref}`, { cwd: ROOT }).toString());
  return dir;
}

/** The short hash a ref names. */
export const shortRef = (ref: string): string => execSync(`git rev-parse --short ${ref}`, { cwd: ROOT }).toString().trim();

/** One warm-up run of each side, then `rounds` rounds alternating baseline and this tree: each side's rounds and median. */
export function alternate<M>(run: (m: M) => number, base: M, ours: M, rounds: number): { b: number[]; o: number[]; mb: number; mo: number } {
  run(base); // warm-up: load the tables, fill the caches, let the JIT settle
  run(ours);
  const b: number[] = [];
  const o: number[] = [];
  for (let r = 0; r < rounds; r++) {
    b.push(run(base));
    o.push(run(ours));
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { b, o, mb: median(b), mo: median(o) };
}
