/**
 * Where the package's own files are (data/, SQL migrations, the stylesheet, the stemmer's
 * guards), for code running from src/ through tsx and from the bundled dist/ alike.
 *
 * Why: a module's `import.meta.url` is its source file under tsx but a shared chunk
 * elsewhere once esbuild has bundled it, so `new URL('../../data/…', import.meta.url)`
 * breaks in one of the two. Every such file is found from the package root instead: the
 * nearest folder above this module that holds package.json (src/ and dist/ have none).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; ) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`paths: no package.json in any folder above ${from}`);
    dir = up;
  }
}

/** The package root (the folder of package.json), as a file path. */
export const ROOT: string = findRoot(dirname(fileURLToPath(import.meta.url)));

const ROOT_URL = pathToFileURL(ROOT + '/');

/** A file of the package, by its path from the root (`data/outlets.tsv`; end folders with `/`). */
export function rootUrl(rel: string): URL {
  return new URL(rel, ROOT_URL);
}

/** The young generation's size flags: per process, refused in a worker thread's execArgv. */
const HEAP_FLAG = /^--(max|min)-semi-space-size(=|$)/;

/**
 * A worker thread's module and the flags its thread needs: the bundle `dist/<rel>.js`, or
 * under tsx the source `src/<rel>.ts` (with tsx registered in the thread: `node --import
 * tsx …` is inherited, bin/marsad.js registers tsx in-process instead). The process's V8 heap
 * flags (`--max-semi-space-size`, which bin/marsad.js gives `import`) are left out: a thread
 * may not be given them, and it has them already (V8's flags are the process's).
 */
export function threadModule(rel: string): { filename: string; execArgv: string[] } {
  const inherited = process.execArgv.filter((x) => !HEAP_FLAG.test(x));
  if (!import.meta.url.endsWith('.ts')) return { filename: rootUrl(`dist/${rel}.js`).href, execArgv: inherited };
  const filename = rootUrl(`src/${rel}.ts`).href;
  if (inherited.some((x) => x.includes('tsx'))) return { filename, execArgv: inherited };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename, execArgv: [...inherited, '--import', tsx] };
}
