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

/**
 * `marsad import` allocates fast on every thread (batches of parsed, enriched, analysed
 * articles), and V8's default young generation (16 MiB semispaces) scavenges it too often:
 * with 64 MiB semispaces `marsad import` of the corpus took 0.93× and 0.96× the CPU, wall
 * 126.7/125.3 → 118.5/117.3 s (2 pairs of runs alternated, 2 cores; the pooled import alone,
 * bench/ingest/worker.ts: 0.79–0.92× the CPU over 4 pairs). The flag takes effect only at
 * start-up (v8.setFlagsFromString comes too late), so `import` runs in a child process that
 * has it, and its worker threads with it. An IPC channel ties the child to this process: when
 * this one dies (killed, even by SIGKILL), the child kills itself at once; when the child
 * dies, this one ends the same way. MARSAD_NO_RESPAWN=1, or a debugger (`--inspect`), keeps
 * everything in one process.
 */
const YOUNG = '--max-semi-space-size=64';
const debugging = process.execArgv.some((a) => a.startsWith('--inspect'));
if (process.argv[2] === 'import' && !process.execArgv.includes(YOUNG) && process.env.MARSAD_NO_RESPAWN !== '1' && !debugging) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, YOUNG, ...process.argv.slice(1)], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
  child.on('error', (e) => {
    process.stderr.write(`marsad: cannot start the import process: ${e.message}\n`);
    process.exit(1);
  });
  // Signals sent to this process alone (not to the terminal's process group) reach the child through its channel closing.
  await new Promise(() => {});
}
if (process.argv[2] === 'import' && process.execArgv.includes(YOUNG) && process.channel) {
  process.channel.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}

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
