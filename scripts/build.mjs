// Builds dist/ from src/: the CLI bundled by esbuild into ESM chunks (one entry, code
// split so each command's chunk loads only what it imports; npm packages stay external).
// Run by `npm run build`, by `prepare` (so `npm ci` leaves a built dist/) and by `pretest`.
// dist/build.json, written last, lists the sources the bundle was made from and when:
// bin/marsad.js compares their times to it and runs the sources through tsx when dist/ is
// missing or older than src/ (see bin/marsad.js).
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const started = Date.now();
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
const result = await build({
  absWorkingDir: root,
  // Worker threads are loaded by file name (src/pipeline/pool.ts, src/store/sqlite/search-pool.ts): entries of their own.
  entryPoints: ['src/cli/index.ts', 'src/pipeline/worker.ts', 'src/store/sqlite/search-worker.ts'],
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.18',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const inputs = Object.keys(result.metafile.inputs).sort();
writeFileSync(`${dist}/build.json`, JSON.stringify({ builtAt: started, inputs }, null, 1) + '\n');
if (!process.argv.includes('--quiet')) {
  process.stderr.write(`build: ${inputs.length} sources → dist/ in ${Date.now() - started} ms\n`);
}
