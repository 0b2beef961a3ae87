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
