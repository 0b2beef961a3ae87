#!/usr/bin/env node
// Launcher: runs the built CLI in dist/ (made by `npm run build`; `npm ci` builds it
// through `prepare`, and `npm test` rebuilds it first through `pretest`).
// When dist/ is missing, or a source it was built from changed since (a developer editing
// src/), it runs the TypeScript sources through tsx instead, so what runs is always the
// code on disk; it says so in one line on stderr. `npm run build` makes the fast path
// current again. dist/build.json lists the sources (scripts/build.mjs).
import { readFileSync, statSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node ≥ 22.1 keeps compiled code between runs (a no-op on Node 20).
module.enableCompileCache?.();

const root = fileURLToPath(new URL('../', import.meta.url));

/** Why dist/ cannot be used, or null when it is current. */
function staleReason() {
  let build;
  try {
    build = JSON.parse(readFileSync(`${root}dist/build.json`, 'utf8'));
  } catch {
    return 'dist/ is missing';
  }
  for (const input of build.inputs) {
    const s = statSync(root + input, { throwIfNoEntry: false });
    if (!s) return `${input} was removed since the build`;
    if (s.mtimeMs > build.builtAt) return `${input} changed since the build`;
  }
  return null;
}

const reason = staleReason();
if (reason === null) {
  await import('../dist/cli/index.js');
} else {
  process.stderr.write(`marsad: ${reason}; running the sources through tsx (\`npm run build\` to start fast)\n`);
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
